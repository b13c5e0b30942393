"""The built wheel carries the knowledge file: an installed wick answers from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_installed_wheel_answers_from_a_temporary_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("wickcli-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run([bin_dir / "python", "-m", "pip", "install", "-q", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "WICK_DATA"}
    about = subprocess.run(
        [bin_dir / "wick", "about", "--json"], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert str(env_dir) in about.stdout
    assert "wickcli/data/franchise.yaml" in about.stdout
    rooney = subprocess.run(
        [bin_dir / "wick", "who-plays", "Rooney"], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert "Ana de Armas" in rooney.stdout
    assert "Unity Phelan" in rooney.stdout
    module = subprocess.run(
        [bin_dir / "python", "-m", "wickcli", "--version"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert module.returncode == 0
    assert module.stdout.startswith("wick ")
