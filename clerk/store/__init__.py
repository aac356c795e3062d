"""The store: the only code that touches SQLite.

One SQLite file holds every committee, person and meeting. Each change is one short
transaction that also appends a row to the journal (when, by which role, what changed),
and SQLite itself refuses to alter or remove journal rows.

Schema creation and migrations go through sqlite-utils (`clerk.migrations`); the hot paths
(the live screen saves a paragraph on every pause in typing) use the connection directly
with SQL prepared once per table, so an edit costs a primary-key lookup, one UPDATE and
one journal INSERT.

The package: `connection` (the one connection, its lock, transactions, errors, the
checkpointer), `rows` (how each record class is stored; add, update, delete; the journal),
`meetings` (whole meetings saved, loaded, listed and found), `people` (found, merged,
removed), `undo` (steps, replayed) and `review` (the chair's amendment requests, frozen
versions of the minutes, status changes). `Store` is assembled here from their mixins, and
opened here: opening reads SCHEMA_VERSION and MIGRATIONS from this module's namespace, where
a test sets them to try a migration that fails half way.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from clerk.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    add_missing_columns,
    missing_columns,
)
from clerk.store.connection import (
    BUSY_TIMEOUT,
    CHECKPOINT_EVERY,
    AmbiguousMeeting,
    MinutesApproved,
    StoreError,
    UnknownMeeting,
    _Checkpointer,
    copy_database,
    default_db_path,
)
from clerk.store.meetings import MeetingsMixin, MeetingSummary
from clerk.store.people import PeopleMixin
from clerk.store.review import (
    ReviewMixin,
    StatusChange,
    StoredVersion,
    UnknownAmendment,
)
from clerk.store.rows import Entity, JournalEntry
from clerk.store.undo import Step, UndoMixin

__all__ = [
    "BUSY_TIMEOUT",
    "CHECKPOINT_EVERY",
    "SCHEMA_VERSION",
    "AmbiguousMeeting",
    "Entity",
    "JournalEntry",
    "MeetingSummary",
    "MinutesApproved",
    "StatusChange",
    "Step",
    "Store",
    "StoreError",
    "StoredVersion",
    "UnknownAmendment",
    "UnknownMeeting",
    "copy_database",
    "default_db_path",
]

_SQLITE_HEADER = b"SQLite format 3\x00"


class Store(MeetingsMixin, PeopleMixin, UndoMixin, ReviewMixin):
    """A clerk database, opened (created if need be, migrated to SCHEMA_VERSION) by `role`."""

    def __init__(
        self, path: str | Path, role: str = "clerk", *, busy_timeout: float = BUSY_TIMEOUT
    ) -> None:
        self.path = Path(path)
        self.role = role
        self._lock = threading.RLock()
        self._batch_depth = 0  # inside `batch()`: changes join its one transaction
        self._step: Step | None = None  # inside `step()`: journal rows are tagged with it
        self._step_meeting: str | None = None
        self._checkpointer: _Checkpointer | None = None
        self._changing_status = False
        _check_is_sqlite(self.path)
        try:
            conn = sqlite3.connect(
                str(self.path),
                timeout=busy_timeout,
                isolation_level=None,  # no implicit transactions: each change says BEGIN
                check_same_thread=False,  # the TUI may call from a worker; self._lock serialises
            )
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open {self.path}: {exc}") from exc
        self._conn = conn
        try:
            self._open(busy_timeout)
        except BaseException:
            conn.close()
            raise

    def _open(self, busy_timeout: float) -> None:
        conn = self._conn
        # Look before touching anything: a file that is not ours is left exactly as it was.
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.Error as exc:
            raise self._error(exc, f"Cannot read {self.path}") from exc
        if app_id != APPLICATION_ID and not (app_id == 0 and version == 0 and objects == 0):
            raise StoreError(
                f"{self.path} is an SQLite database but not a clerk database; "
                "clerk has left it unchanged. Choose another file (or set CLERK_DB)."
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer version of clerk (database version "
                f"{version}, this clerk knows up to {SCHEMA_VERSION}). Upgrade clerk to open "
                "it; the file has been left unchanged."
            )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # WAL with synchronous=NORMAL: a commit is durable against the process being
            # killed (the WAL is in the OS's hands once written), and a power cut can lose
            # at most the last few commits but never corrupts the file. That is what we
            # promise, at a fraction of the cost of an fsync per keystroke pause.
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(
                    f"{self.path} cannot be put in WAL mode (it is in {mode} mode); "
                    "is it on a network drive? Keep the database on a local disk."
                )
            conn.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION:
                self._migrate(version)
            # Fields added to the record since the database was made get their columns.
            missing = missing_columns(conn)
            if missing:
                from sqlite_utils import Database

                with self._write():
                    add_missing_columns(Database(conn, execute_plugins=False), missing)
        except sqlite3.Error as exc:
            raise self._error(exc, f"Cannot open {self.path}") from exc

    def _migrate(self, version: int) -> None:
        from sqlite_utils import Database

        db = Database(self._conn, execute_plugins=False)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._write():
                MIGRATIONS[target - 1](db)
                self._conn.execute(f"PRAGMA user_version = {target}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, role={self.role!r})"

    def schema_version(self) -> int:
        with self._read() as c:
            return c.execute("PRAGMA user_version").fetchone()[0]


def _check_is_sqlite(path: Path) -> None:
    """Refuse, without opening it, a file that is not an SQLite database."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a clerk database file.")
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}") from exc
    if header and header != _SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a clerk database (it is not an SQLite file); "
            "clerk has left it unchanged."
        )
