"""Errors that reach the user: each says what is wrong and where."""

from __future__ import annotations

from pathlib import Path


class ClerkError(Exception):
    """An error the CLI and the screens show to the user as it is, without a traceback."""


class InputError(ClerkError):
    """Bad input in a file: names the file, the line (when known) and what was expected."""

    def __init__(self, source: str | Path, line: int | None, message: str) -> None:
        self.source = str(source)
        self.line = line
        self.message = message
        where = f"{self.source}, line {line}" if line else self.source
        super().__init__(f"{where}: {message}")
