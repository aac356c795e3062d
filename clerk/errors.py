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
        super().__init__(f"{where}: {bounded(message)}")


QUOTE_LIMIT = 60  # characters of a quoted value an error message shows


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` quoted for an error message, cut short when long: a bad value of 100,000
    characters is named by its start and its length, not repeated (issue 12)."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    text = repr(value)
    if len(text) > limit:
        return f"{text[:limit]}… ({len(text):,} characters)"
    return text


def short(text: str, limit: int = 120) -> str:
    """`text` for a message that names something (a title, a name) in its own quotes: as it
    is, or its start and length when it is long."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


MESSAGE_LIMIT = 600  # characters of a message: past this, a quoted value was not shortened


def bounded(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """`message` whole, or when some value in it was quoted whole, its start and its end."""
    if len(message) <= limit:
        return message
    half = limit // 2
    left_out = len(message) - 2 * half
    return f"{message[:half]} … ({left_out:,} characters left out) … {message[-half:]}"
