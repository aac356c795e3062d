"""Readers of what arrives from outside: agenda packs, meeting files and JSON meeting records.

Each returns a `MeetingRecord` or raises `InputError` naming the file and line; none writes to
the database, so a bad file can never half-import.
"""

from pathlib import Path

from clerk.errors import InputError

#: The largest file clerk reads: thirty times the largest agenda pack seen (160 KB). A bigger
#: file is not an agenda, and reading it would only take time and memory.
MAX_FILE_BYTES = 5_000_000
#: The longest line of an agenda pack or meeting file clerk reads: ten times the longest seen.
#: With the cap, no pattern's work on a line can grow beyond a known bound (issue 12).
MAX_LINE_CHARS = 10_000


def read_bytes(path: Path, what: str = "file") -> bytes:
    """The file's bytes, or an InputError a clerk can act on (missing, a folder, unreadable,
    larger than MAX_FILE_BYTES)."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                path,
                None,
                f"is {size / 1e6:.1f} MB; clerk reads files of up to "
                f"{MAX_FILE_BYTES / 1e6:.0f} MB, and {what} is far smaller",
            )
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


def check_line_lengths(text: str, source: str | Path) -> None:
    """InputError naming the first line longer than MAX_LINE_CHARS, if there is one."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as normalise counts
    for no, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(
                source,
                no,
                f"this line is {len(line):,} characters long; clerk reads lines of up to "
                f"{MAX_LINE_CHARS:,} characters (is this the right file?)",
            )
