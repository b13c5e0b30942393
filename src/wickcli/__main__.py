"""Run wick as ``python -m wickcli``."""

from .cli import main

main()
