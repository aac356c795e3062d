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
removed), `undo` (steps, replayed), `review` (the chair's amendment requests, frozen
versions of the minutes, status changes) and `search` (the full-text search, the
registers' rows). `Store` is assembled here from their mixins, and opened here: opening
reads SCHEMA_VERSION and MIGRATIONS from this module's namespace, where a test sets them
to try a migration that fails half way.

`registers` reads the registers' rows as each register shows them, without loading whole
meetings or every column (issue 13).
"""

from __future__ import annotations

import os
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
from clerk.private_files import create_private, private_folder
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
    disk_is_full,
)
from clerk.store.held import HeldMixin
from clerk.store.meetings import MeetingsMixin, MeetingSummary
from clerk.store.people import PeopleMixin
from clerk.store.registers import RegistersMixin
from clerk.store.review import (
    ReviewMixin,
    StatusChange,
    StoredVersion,
    UnknownAmendment,
)
from clerk.store.rows import Entity, JournalEntry
from clerk.store.search import SearchMixin, SearchQueryError, SearchRow
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
    "SearchQueryError",
    "SearchRow",
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

#: NORMAL, from the measurement in docs/reliability.md (benchmarks/bench_synchronous.py):
#: FULL adds an fsync to every commit, which the live screen makes every few keys.
SYNCHRONOUS = "NORMAL"


class Store(
    MeetingsMixin, HeldMixin, PeopleMixin, UndoMixin, ReviewMixin, SearchMixin, RegistersMixin
):
    """A clerk database, opened (created if need be, migrated to SCHEMA_VERSION) by `role`."""

    def __init__(
        self,
        path: str | Path,
        role: str = "clerk",
        *,
        busy_timeout: float = BUSY_TIMEOUT,
        create: bool = True,
    ) -> None:
        """`create=False` (the commands that only read): StoreError rather than a new, empty
        database when there is none at `path` (a mistyped path is not "no meetings yet").

        A database clerk may not write (a read-only file or folder, a full disk) is opened
        read-only: `read_only` says why, reads work and every write is refused."""
        self.path = Path(path)
        self.role = role
        self._lock = threading.RLock()
        self._batch_depth = 0  # inside `batch()`: changes join its one transaction
        self._step: Step | None = None  # inside `step()`: journal rows are tagged with it
        self._step_meeting: str | None = None
        self._checkpointer: _Checkpointer | None = None
        self._changing_status = False
        #: why the database is open read-only (a sentence), or None when it is writable
        self.read_only: str | None = None
        if not create and not self.path.exists():
            raise StoreError(
                f"There is no clerk database at {self.path}: nothing has been created. Check "
                "the path (--db or CLERK_DB); `clerk load-samples` or `clerk import` makes one."
            )
        _check_is_sqlite(self.path)
        if self.path.exists():
            self.read_only = _cannot_write(self.path)
        if self.read_only is None:
            try:
                self._connect(busy_timeout, None)
                return
            except StoreError as exc:
                self.read_only = _read_only_after(exc, self.path)
                if self.read_only is None:
                    raise
        try:
            self._connect(busy_timeout, "mode=ro")
        except StoreError as exc:
            # WAL needs its side files beside the database; where they cannot be made, the
            # file alone is the whole database unless a -wal file holds commits
            if _read_only_after(exc, self.path) is None or _wal_has_commits(self.path):
                raise
            self._connect(busy_timeout, "immutable=1")

    def _connect(self, busy_timeout: float, uri_mode: str | None) -> None:
        try:
            if uri_mode is None:
                target, uri = str(self.path), False
            else:
                target, uri = f"{self.path.absolute().as_uri()}?{uri_mode}", True
            conn = sqlite3.connect(
                target,
                timeout=busy_timeout,
                isolation_level=None,  # no implicit transactions: each change says BEGIN
                check_same_thread=False,  # the TUI may call from a worker; self._lock serialises
                uri=uri,
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
            if self.read_only is not None:
                self._check_readable(version)
                return
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
            conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
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

    def _check_readable(self, version: int) -> None:
        """A read-only database can be read as it is only if it needs no upgrade."""
        if version < SCHEMA_VERSION or missing_columns(self._conn):
            raise StoreError(
                f"{self.path} was written by an older clerk and must be upgraded, which needs "
                f"writing, but {self.read_only}. Copy it somewhere clerk may write, or free "
                "some space, and open it again."
            )

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


def _cannot_write(path: Path) -> str | None:
    """Why clerk may not write the database at `path`, or None. The folder counts: WAL
    keeps two side files beside the database."""
    effective = os.access in os.supports_effective_ids  # as the process is, after seteuid
    if not os.access(path, os.W_OK, effective_ids=effective):
        return "the database file is read-only"
    if not os.access(path.parent, os.W_OK | os.X_OK, effective_ids=effective):
        return "the folder holding it is read-only"
    return None


def _read_only_after(exc: StoreError, path: Path) -> str | None:
    """When opening for writing failed as it does when nothing may be written beside the
    database (a full disk, a folder clerk may not write): why, to open it read-only; else
    None (the error stands)."""
    cause = exc.__cause__
    if not isinstance(cause, sqlite3.Error):
        return None
    code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
    if code not in (
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_READONLY,
    ):
        return None
    if disk_is_full(path):
        return "the disk holding it is full"
    return f"clerk cannot write beside it ({cause})"


def _wal_has_commits(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _check_is_sqlite(path: Path) -> None:
    """Refuse, without opening it, a file that is not an SQLite database."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a clerk database file.")
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        # created here, not by SQLite, so that it is its owner's alone from the start (the
        # WAL's side files take the database's permissions)
        private_folder(path.parent)
        try:
            create_private(path)
        except OSError as exc:
            raise StoreError(f"Cannot create {path}: {exc.strerror}") from exc
        return
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}") from exc
    if header and header != _SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a clerk database (it is not an SQLite file); "
            "clerk has left it unchanged."
        )
