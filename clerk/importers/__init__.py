"""Readers of what arrives from outside: agenda packs, meeting files and JSON meeting records.

Each returns a `MeetingRecord` or raises `InputError` naming the file and line; none writes to
the database, so a bad file can never half-import.
"""

from pathlib import Path

from clerk.errors import InputError


def read_bytes(path: Path, what: str = "file") -> bytes:
    """The file's bytes, or an InputError a clerk can act on (missing, a folder, unreadable)."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, None, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, None, f"is a folder, not {what}") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot be read ({exc.strerror})") from None


def read_utf8(path: Path, what: str = "a file") -> str:
    """The file as UTF-8 text (a byte-order mark is dropped); InputError says where it is not."""
    data = read_bytes(path, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
