"""wick: answers about the John Wick franchise, from one knowledge file."""

__version__ = "0.1.0"
