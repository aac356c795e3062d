"""Files only their owner may read: the database, its backups and every export.

A clerk database holds personal data (names, declarations of interest) and exempt (Part 2)
information, and so do the exports. Each is created 0600 and the data folder 0700; a file
overwritten keeps no permission beyond those. The mode given to the system is masked by the
umask, so a stricter umask (0077, 0277) gives stricter files still.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> None:
    """Make the folder `path` (and any missing parents) if it is missing; a new one is 0700."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)


def create_private(path: Path) -> None:
    """Make `path` an empty file 0600 if it is missing, or take from an existing one any
    permission beyond 0600; then whatever writes it (SQLite, python-docx) keeps that."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        _tighten(fd)
    finally:
        os.close(fd)


def open_private(path: Path, mode: str = "w", **kwargs: Any) -> IO[Any]:
    """`open(path, mode)` for writing, the file created 0600 (or tightened to it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        _tighten(fd)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, mode, **kwargs)


def _tighten(fd: int) -> None:
    current = os.fstat(fd).st_mode & 0o777
    if current & ~FILE_MODE:
        # someone else's file we may write: its mode is theirs to set
        with contextlib.suppress(PermissionError):
            os.fchmod(fd, current & FILE_MODE)
