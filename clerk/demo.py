"""`clerk demo`'s scratch database: a folder of its own in the temp dir, and what becomes of it.

The demo records into a throw-away database so that trying clerk never touches the real one.
Someone who recorded a meeting in it may want it after all, so the app asks on quit and
`keep` copies it out. The folder goes when the demo ends however it ends: normally, by an
exception, or by a hang-up or SIGTERM (a closed terminal window); and a folder left by a
demo that died harder than that (SIGKILL, a power cut) is removed by the next demo, once the
process that made it is gone.

No Textual here: the command line and the tests use this without a screen.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType

PREFIX = "clerk-demo-"
PID_FILE = "clerk-demo.pid"
DB_NAME = "demo.db"

#: A folder with no pid file may be one another demo has only just made (the pid is written
#: right after mkdtemp); older than this, it is one an earlier clerk (before pid files) left.
PIDLESS_GRACE = 600  # seconds

#: Ended by these, the demo removes its folder first. Only those still at their default
#: action are taken over: under `nohup` a hang-up is ignored, and must go on being ignored.
CLEANUP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


@dataclass
class DemoInfo:
    """What the app needs to know about a demo: where its database is, and what came of it."""

    db_path: Path
    kept: Path | None = None  # where the clerk chose to keep a copy
    decided: bool = False  # the clerk has answered keep / throw away: quitting may go ahead

    @property
    def folder(self) -> Path:
        return self.db_path.parent


def keep_folder() -> Path:
    """Where kept demos go: the user data folder, beside the default database."""
    import platformdirs

    return Path(platformdirs.user_data_dir("clerk"))


def keep_path(moment: datetime, folder: Path | None = None) -> Path:
    """A new file name for a kept demo: clerk-demo-YYYYMMDD-HHMMSS.db (-2, -3 … if taken)."""
    folder = folder or keep_folder()
    stem = f"{PREFIX}{moment:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.db"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.db"
        n += 1
    return path


def keep(db_path: Path, target: Path) -> Path:
    """Copy the demo's database to `target` (a new file) and return it: OSError or the
    store's StoreError if it cannot, and then no part of a copy is left at `target`."""
    from clerk.private_files import private_folder
    from clerk.store import copy_database

    private_folder(target.parent)  # the user data folder: 0700 when it is made
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    try:
        copy_database(db_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return target


# --------------------------------------------------------------------------- the scratch folder


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


def _owner_pid(folder: Path) -> int | None:
    try:
        return int((folder / PID_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def is_stale(folder: Path, now: float | None = None) -> bool:
    """A demo folder of ours whose demo is over: its process is gone."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not folder.is_dir() or folder.is_symlink():
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False  # another user's demo, in a shared temp dir
    pid = _owner_pid(folder)
    if pid is not None:
        return not pid_alive(pid)
    now = time.time() if now is None else now
    return now - info.st_mtime > PIDLESS_GRACE


def remove_stale(parent: Path | None = None) -> list[Path]:
    """Remove the folders earlier demos left behind in the temp dir; returns those removed."""
    parent = Path(parent or tempfile.gettempdir())
    removed = []
    with contextlib.suppress(OSError):
        for folder in sorted(parent.glob(f"{PREFIX}*")):
            if is_stale(folder):
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    removed.append(folder)
    return removed


@contextlib.contextmanager
def scratch_folder(parent: Path | None = None) -> Iterator[Path]:
    """A new demo folder, removed on leaving the block and on a hang-up or SIGTERM.

    Removes stale demo folders first. The folder holds a pid file naming this process, so
    that a later demo can tell a folder whose demo is over from one still running.
    """
    remove_stale(parent)
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    (folder / PID_FILE).write_text(f"{os.getpid()}\n", encoding="ascii")

    def ended_by(signum: int, _frame: FrameType | None) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        # then end as the signal would have ended us: the default action, same exit status
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    taken = []
    for signum in CLEANUP_SIGNALS:
        with contextlib.suppress(ValueError, OSError):  # ValueError: not the main thread
            if signal.getsignal(signum) is signal.SIG_DFL:
                signal.signal(signum, ended_by)
                taken.append(signum)
    try:
        yield folder
    finally:
        for signum in taken:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, signal.SIG_DFL)
        shutil.rmtree(folder, ignore_errors=True)
