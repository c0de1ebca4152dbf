"""The errors bordergraph raises on purpose; anything else is a bug."""

from __future__ import annotations

from pathlib import Path


class BordergraphError(Exception):
    """Base class: a problem the user can act on, reported in one line."""


class ReleaseError(BordergraphError):
    """A release file that cannot be read or loaded; names the file and the problem.

    >>> str(ReleaseError("data/x.txt", "empty file"))
    'data/x.txt: empty file'
    """

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")
