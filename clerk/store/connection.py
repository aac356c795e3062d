"""The one connection and the one lock every Store method goes through.

A Store holds a single SQLite connection and a single re-entrant lock: every read and
every transaction takes the lock, so the TUI's workers and its main thread never interleave
statements on the connection. Here are the transactions (`batch`, `_write`, `_read`),
SQLite's errors put in words the clerk can act on, closing, the background checkpointer,
and the errors the whole store raises.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.errors import ClerkError

if TYPE_CHECKING:
    from clerk.store.undo import Step

BUSY_TIMEOUT = 2.0  # seconds to wait for another program's write to finish
CHECKPOINT_EVERY = 100  # commits between background checkpoints (Store.checkpoint_in_background)


class StoreError(ClerkError):
    """The database could not do what was asked; the message says why and what to do."""


class UnknownMeeting(StoreError):
    """No meeting matches the reference given."""


class AmbiguousMeeting(StoreError):
    """More than one meeting matches the reference given."""


class MinutesApproved(StoreError):
    """The meeting's minutes are approved (or published, or confirmed): its record is
    read-only until reopened. The message says which meeting and how to reopen it."""


def default_db_path() -> Path:
    """$CLERK_DB if set, else clerk.db in the user's data folder. Nothing is created here: a
    command that only reads must not leave a folder behind (the store makes it, 0700, when
    it creates the database)."""
    env = os.environ.get("CLERK_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no database was named: it costs start-up time

    return Path(platformdirs.user_data_dir("clerk")) / "clerk.db"


def disk_is_full(path: Path) -> bool:
    """Whether the disk holding `path` has no room left (less than a page or two)."""
    import shutil

    try:
        return shutil.disk_usage(path.parent if not path.is_dir() else path).free < 16_384
    except OSError:
        return False


def sqlite_backup(
    source: str, target: Path, *, uri: bool = False, timeout: float = 5.0, alone: bool = False
) -> None:
    """SQLite's online backup of the database `source` (a path, or a URI with `uri`) into
    the file `target`. `alone`: left in rollback-journal mode, so opening the copy later
    makes no -wal or -shm beside it."""
    with (
        closing(sqlite3.connect(source, uri=uri)) as from_db,
        closing(sqlite3.connect(str(target), timeout=timeout)) as to_db,
    ):
        from_db.backup(to_db)
        if alone:
            to_db.execute("PRAGMA journal_mode = DELETE")


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at `source` into `target` through SQLite's backup API, not as a
    file: the latest changes are in the WAL file beside the database until a checkpoint, and
    a copy of the database file alone would miss them. StoreError if SQLite refuses."""
    try:
        from clerk.private_files import create_private

        create_private(target)  # a copy holds what the database holds: 0600
        sqlite_backup(str(source), target)
    except OSError as exc:
        raise StoreError(f"Could not copy {source} to {target}: {exc.strerror}") from exc
    except sqlite3.Error as exc:
        raise StoreError(f"Could not copy {source} to {target}: {exc}") from exc


class ConnectionMixin:
    """The connection, its lock and its transactions; `Store.__init__` sets these up."""

    path: Path
    role: str
    _lock: threading.RLock
    _conn: sqlite3.Connection
    _batch_depth: int
    _step: Step | None
    _step_meeting: str | None
    _checkpointer: _Checkpointer | None
    _changing_status: bool  # inside `set_status`: the one write approved minutes take

    def checkpoint_in_background(self, every: int = CHECKPOINT_EVERY) -> None:
        """Copy the WAL back into the database file from another thread, never in a commit.

        By itself SQLite checkpoints in the commit that takes the WAL past 1,000 pages: that
        commit also copies the pages and syncs the file, 5-10 ms more, and on the live screen
        (about one commit in seventy-five) a key press waits for it (see the key-to-row
        latency benchmark). After this call this connection never checkpoints; every
        `every` commits a thread with a connection of its own runs a PASSIVE checkpoint,
        which waits for no one and holds no one up. Durability is unchanged (commits are in
        the WAL either way), and closing the store checkpoints the rest, as before."""
        with self._lock:
            if self._checkpointer is not None or getattr(self, "read_only", None):
                return  # read-only: there is nothing to checkpoint
            try:
                self._conn.execute("PRAGMA wal_autocheckpoint = 0")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            self._checkpointer = _Checkpointer(self.path, every)

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version` on this connection: a number that changes when
        another connection (another clerk process: the chair reviewing while the clerk
        types) has committed to the database since it was last read, and stays the same for
        this connection's own commits. The screens poll it to reload what others changed."""
        with self._read() as conn:
            return conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._checkpointer is not None:
                self._checkpointer.stop()
                self._checkpointer = None
            self._conn.close()

    # ----------------------------------------------------------------------- transactions

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes (add, update, delete) as one transaction: all of them are
        committed, or none of them. Each still writes its own journal row."""
        with self._write():
            self._batch_depth += 1
            try:
                yield
            finally:
                self._batch_depth -= 1

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is committed, or none of it (and a StoreError says why)."""
        with self._lock:
            conn = self._conn
            if self._batch_depth:
                yield conn  # the enclosing batch commits or rolls back
                return
            try:
                # IMMEDIATE takes the write lock now, so a busy database is reported
                # before anything is done rather than half way through.
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._error(exc) from exc
                raise
            if self._checkpointer is not None:
                self._checkpointer.committed()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise self._error(exc) from exc

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that must agree: one read transaction, so a commit by another
        process (the chair's review, the clerk typing) falls wholly before or after them,
        never between two of their SELECTs. Takes no lock from writers (WAL)."""
        with self._read() as conn:
            if conn.in_transaction:  # inside a write: it is a snapshot already
                yield conn
                return
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    def _error(self, exc: sqlite3.Error, doing: str = "") -> StoreError:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        text = str(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
            return StoreError(
                f"The database file {self.path} is in use by another program. "
                "Nothing was saved; wait a moment and try again."
            )
        if code == sqlite3.SQLITE_FULL or "disk is full" in text or disk_is_full(self.path):
            return StoreError(
                f"The disk holding {self.path} is full: nothing was saved. "
                "Free some space and try again."
            )
        if code == sqlite3.SQLITE_NOTADB:
            return StoreError(f"{self.path} is not a clerk database (it is not SQLite at all).")
        if code == sqlite3.SQLITE_READONLY or getattr(self, "read_only", None):
            why = getattr(self, "read_only", None) or "the database file is read-only"
            return StoreError(f"{self.path} is open read-only ({why}): nothing was saved.")
        if code == sqlite3.SQLITE_CORRUPT:
            return StoreError(
                f"{self.path} is damaged ({text}). Restore the last backup with "
                "`clerk restore FILE`; the damaged file has been left as it is."
            )
        if isinstance(exc, sqlite3.IntegrityError):
            if "UNIQUE" in text or "PRIMARY KEY" in text:
                return StoreError(f"That is already in the database ({text}); nothing was saved.")
            if "FOREIGN KEY" in text:
                return StoreError(
                    "That change would leave a reference pointing at nothing (a row that "
                    "is not in the database, or one still referred to); nothing was saved."
                )
        prefix = f"{doing}: " if doing else ""
        return StoreError(f"{prefix}database error: {text}")


class _Checkpointer:
    """A thread that checkpoints the WAL when asked, on a connection of its own."""

    def __init__(self, path: Path, every: int) -> None:
        self.path = path
        self.every = max(1, every)
        self.pending = 0  # commits since the last request
        self.done = 0  # checkpoints run
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="clerk-checkpoint", daemon=True)
        self._thread.start()

    def committed(self) -> None:
        self.pending += 1
        if self.pending >= self.every:
            self.pending = 0
            self._wake.set()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self.path), isolation_level=None)
        except sqlite3.Error:
            return  # then closing the store checkpoints it all
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                # busy (another program checkpointing): the next one, or closing, does it
                with suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                self.done += 1
        finally:
            conn.close()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self._thread.join()
