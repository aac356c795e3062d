"""The store: the only code that touches SQLite.

One SQLite file holds every committee, person and meeting. Each change is one short
transaction that also appends a row to the journal (when, by which role, what changed),
and SQLite itself refuses to alter or remove journal rows.

Schema creation and migrations go through sqlite-utils (`clerk.migrations`); the hot paths
(the live screen saves a paragraph on every pause in typing) use the connection directly
with SQL prepared once per table, so an edit costs a primary-key lookup, one UPDATE and
one journal INSERT.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from clerk.codec import DecodeError, decode, encode, field_types
from clerk.errors import ClerkError
from clerk.migrations import (
    APPLICATION_ID,
    CHILD_TABLES,
    MIGRATIONS,
    SCHEMA_VERSION,
    TABLES,
    add_missing_columns,
    column_kind,
    from_column,
    missing_columns,
    to_column,
)
from clerk.prose import join_names
from clerk.record import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Membership,
    MinuteParagraph,
    Person,
    Resolution,
    Vote,
    new_id,
)

__all__ = [
    "SCHEMA_VERSION",
    "AmbiguousMeeting",
    "Entity",
    "JournalEntry",
    "MeetingSummary",
    "Step",
    "Store",
    "StoreError",
    "UnknownMeeting",
    "default_db_path",
]

Entity = (
    Committee
    | Person
    | Membership
    | AgendaItem
    | Attendance
    | Declaration
    | MinuteParagraph
    | Resolution
    | Vote
    | Action
)

BUSY_TIMEOUT = 2.0  # seconds to wait for another program's write to finish
CHECKPOINT_EVERY = 100  # commits between background checkpoints (Store.checkpoint_in_background)
_SQLITE_HEADER = b"SQLite format 3\x00"
_PRESENT = tuple(s.value for s in AttendanceStatus if s.counts_as_present)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class StoreError(ClerkError):
    """The database could not do what was asked; the message says why and what to do."""


class UnknownMeeting(StoreError):
    """No meeting matches the reference given."""


class AmbiguousMeeting(StoreError):
    """More than one meeting matches the reference given."""


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    committee_id: str
    committee: str
    date: date
    start_time: time | None
    venue: str
    status: MeetingStatus
    items: int
    present: int


@dataclass(frozen=True)
class JournalEntry:
    id: int
    at: str  # ISO 8601, UTC, milliseconds: "2024-05-01T18:03:12.345Z"
    role: str
    meeting_id: str | None
    table: str
    row_id: str
    op: str  # "insert" | "update" | "delete"
    old: dict | None
    new: dict | None


@dataclass(frozen=True)
class Step:
    """One thing a user did to a meeting, as undo sees it: the journal rows tagged with its
    id are what it changed."""

    id: str
    at: str
    role: str
    label: str  # "paragraph 4.2", "Margot Bright: apologies"
    kind: str  # "do"; "undo" or "redo" of `target`
    target: str | None = None


def default_db_path() -> Path:
    """$CLERK_DB if set, else clerk.db in the user's data folder (created if need be)."""
    env = os.environ.get("CLERK_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no database was named: it costs start-up time

    folder = Path(platformdirs.user_data_dir("clerk"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "clerk.db"


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at `source` into `target` through SQLite's backup API, not as a
    file: the latest changes are in the WAL file beside the database until a checkpoint, and
    a copy of the database file alone would miss them. StoreError if SQLite refuses."""
    try:
        from_db = sqlite3.connect(str(source))
        try:
            to_db = sqlite3.connect(str(target))
            try:
                from_db.backup(to_db)
            finally:
                to_db.close()
        finally:
            from_db.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Could not copy {source} to {target}: {exc}") from exc


# --------------------------------------------------------------------------- table specs


@dataclass(frozen=True)
class _Spec:
    """How one record class is stored: its columns and SQL, worked out once."""

    cls: type
    table: str
    fields: tuple[str, ...]  # dataclass fields, in order
    kinds: dict[str, str]  # field -> column kind (migrations.PLAIN / JSON / BOOL)
    child: bool  # carries meeting_id
    columns_sql: str  # "id", "name", ... quoted, for SELECT
    insert_sql: str
    upsert_sql: str
    select_by_id_sql: str  # selects meeting_id (or NULL) first, then the fields

    def to_row(self, obj: Any) -> list[Any]:
        return [to_column(self.kinds[f], getattr(obj, f)) for f in self.fields]

    def encoded(self, values: tuple | list) -> dict[str, Any]:
        """Stored column values as `codec.encode` would write the object."""
        return {f: from_column(self.kinds[f], v) for f, v in zip(self.fields, values, strict=True)}

    def from_row(self, values: tuple | list) -> Any:
        try:
            return decode(self.cls, self.encoded(values), self.table)
        except DecodeError as exc:
            raise StoreError(f"The database holds a value clerk cannot read: {exc}") from exc


def _q(name: str) -> str:
    return f'"{name}"'


@cache
def _spec(cls: type) -> _Spec:
    table = TABLES[cls]
    fields = tuple(field_types(cls))
    kinds = {name: column_kind(tp)[0] for name, tp in field_types(cls).items()}
    child = table in CHILD_TABLES
    cols = ([_q("meeting_id")] if child else []) + [_q(f) for f in fields]
    marks = ", ".join("?" * len(cols))
    updates = ", ".join(f"{_q(f)} = excluded.{_q(f)}" for f in fields if f != "id")
    columns_sql = ", ".join(_q(f) for f in fields)
    return _Spec(
        cls=cls,
        table=table,
        fields=fields,
        kinds=kinds,
        child=child,
        columns_sql=columns_sql,
        insert_sql=f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})",
        upsert_sql=(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}"
        ),
        select_by_id_sql=(
            f"SELECT {'meeting_id' if child else 'NULL'}, {columns_sql} FROM {table} WHERE id = ?"
        ),
    )


@cache
def _update_sql(cls: type, fields: tuple[str, ...]) -> str:
    sets = ", ".join(f"{_q(f)} = ?" for f in fields)
    return f"UPDATE {TABLES[cls]} SET {sets} WHERE id = ?"


def _spec_of(row: Any) -> _Spec:
    cls = type(row)
    if cls not in TABLES:
        raise TypeError(f"the store does not keep {cls.__name__} rows")
    return _spec(cls)


_WHAT = {
    "committees": "committee",
    "people": "person",
    "memberships": "membership",
    "meetings": "meeting",
    "items": "agenda item",
    "attendance": "attendance",
    "declarations": "declaration",
    "paragraphs": "minute paragraph",
    "resolutions": "resolution",
    "votes": "vote",
    "actions": "action",
}

# Records' list fields and the classes they hold, children in foreign-key order.
_RECORD_CHILDREN: tuple[tuple[str, type], ...] = (
    ("items", AgendaItem),
    ("attendance", Attendance),
    ("declarations", Declaration),
    ("paragraphs", MinuteParagraph),
    ("resolutions", Resolution),
    ("votes", Vote),
    ("actions", Action),
)


# What a person merged into another passes on where the other has nothing.
_PERSON_DETAILS = ("honorific", "role", "organisation", "pronoun", "surname", "email", "phone")

# What can name a person: (table and condition, in words for one, for many).
_PERSON_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("attendance WHERE person_id = ?", "attendance at {} meeting", "attendance at {} meetings"),
    ("attendance WHERE substitute_for = ?", "{} substitution", "{} substitutions"),
    ("declarations WHERE person_id = ?", "{} declaration", "{} declarations"),
    ("memberships WHERE person_id = ?", "{} committee seat", "{} committee seats"),
    ("actions WHERE lead_person_id = ?", "{} action", "{} actions"),
    (
        "votes WHERE EXISTS (SELECT 1 FROM json_each(named) WHERE key = ?)",
        "{} recorded vote",
        "{} recorded votes",
    ),
    ("meetings WHERE officer_id = ?", "{} meeting as its officer", "{} meetings as their officer"),
)


def _now() -> str:
    now = datetime.now(UTC)
    return f"{now:%Y-%m-%dT%H:%M:%S}.{now.microsecond // 1000:03d}Z"


def _dumps(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------- the store


class Store:
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
            if self._checkpointer is not None:
                return
            try:
                self._conn.execute("PRAGMA wal_autocheckpoint = 0")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            self._checkpointer = _Checkpointer(self.path, every)

    def close(self) -> None:
        with self._lock:
            if self._checkpointer is not None:
                self._checkpointer.stop()
                self._checkpointer = None
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, role={self.role!r})"

    def schema_version(self) -> int:
        with self._read() as c:
            return c.execute("PRAGMA user_version").fetchone()[0]

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

    def _error(self, exc: sqlite3.Error, doing: str = "") -> StoreError:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        text = str(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
            return StoreError(
                f"The database file {self.path} is in use by another program. "
                "Nothing was saved; wait a moment and try again."
            )
        if code == sqlite3.SQLITE_FULL or "disk is full" in text:
            return StoreError(
                f"The disk holding {self.path} is full: nothing was saved. "
                "Free some space and try again."
            )
        if code == sqlite3.SQLITE_NOTADB:
            return StoreError(f"{self.path} is not a clerk database (it is not SQLite at all).")
        if code == sqlite3.SQLITE_READONLY:
            return StoreError(f"The database file {self.path} is read-only: nothing was saved.")
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

    def _journal(
        self,
        conn: sqlite3.Connection,
        meeting_id: str | None,
        table: str,
        row_id: str,
        op: str,
        old: dict | None,
        new: dict | None,
    ) -> None:
        step = self._step
        step_id = None
        if step is not None:  # every row a step writes is part of it, whichever meeting's
            step_id = step.id
            conn.execute(
                "INSERT OR IGNORE INTO steps (id, meeting_id, at, role, label, kind, target) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    step.id,
                    self._step_meeting,
                    _now(),
                    self.role,
                    step.label,
                    step.kind,
                    step.target,
                ),
            )
        conn.execute(
            "INSERT INTO journal (at, role, meeting_id, table_name, row_id, op, old, new, step) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_now(), self.role, meeting_id, table, row_id, op, _dumps(old), _dumps(new), step_id),
        )

    # ----------------------------------------------------------------------- low-level rows

    def _fetch(self, conn: sqlite3.Connection, spec: _Spec, row_id: str) -> tuple | None:
        """(meeting_id or None, column values...) of one row, or None."""
        return conn.execute(spec.select_by_id_sql, (row_id,)).fetchone()

    def _select(self, conn: sqlite3.Connection, cls: type, where: str, params: tuple) -> list:
        spec = _spec(cls)
        sql = f"SELECT {spec.columns_sql} FROM {spec.table} WHERE {where} ORDER BY rowid"
        return [spec.from_row(r) for r in conn.execute(sql, params)]

    def _insert(self, conn: sqlite3.Connection, meeting_id: str | None, row: Any) -> dict:
        spec = _spec_of(row)
        values = spec.to_row(row)
        conn.execute(spec.insert_sql, ([meeting_id, *values] if spec.child else values))
        return spec.encoded(values)

    def _upsert_global(self, conn: sqlite3.Connection, meeting_id: str, row: Any) -> None:
        """Insert or update a committee, person or membership, journalling what changed."""
        spec = _spec_of(row)
        values = spec.to_row(row)
        current = self._fetch(conn, spec, row.id)
        if current is not None and list(current[1:]) == values:
            return
        conn.execute(spec.upsert_sql, values)
        new = spec.encoded(values)
        if current is None:
            self._journal(conn, meeting_id, spec.table, row.id, "insert", None, new)
        else:
            old = spec.encoded(current[1:])
            changed = [f for f in spec.fields if old[f] != new[f]]
            self._journal(
                conn,
                meeting_id,
                spec.table,
                row.id,
                "update",
                {f: old[f] for f in changed},
                {f: new[f] for f in changed},
            )

    # ----------------------------------------------------------------------- whole meetings

    def save_record(self, record: MeetingRecord, *, replace: bool = False) -> None:
        """Save a whole meeting in one transaction: its committee, people and memberships
        are added or brought up to date; the meeting and everything in it is inserted.
        A meeting already in the database is an error unless `replace` is given, when
        its rows are replaced by the record's."""
        meeting = record.meeting
        if meeting.committee_id != record.committee.id:
            raise StoreError(
                f"The meeting's committee id {meeting.committee_id!r} is not the record's "
                f"committee {record.committee.name!r} ({record.committee.id}); nothing was saved."
            )
        mspec = _spec(Meeting)
        with self._write() as conn:
            existing = self._fetch(conn, mspec, meeting.id)
            if existing is not None:
                if not replace:
                    raise StoreError(
                        f"Meeting {meeting.id} ({meeting.date.isoformat()}) is already in the "
                        "database; nothing was saved. Replace it explicitly to overwrite it."
                    )
                conn.execute("DELETE FROM meetings WHERE id = ?", (meeting.id,))
            self._upsert_global(conn, meeting.id, record.committee)
            for person in record.people:
                self._upsert_global(conn, meeting.id, person)
            for membership in record.memberships:
                self._upsert_global(conn, meeting.id, membership)
            new = self._insert(conn, None, meeting)
            conn.executemany(
                "INSERT INTO meeting_people (meeting_id, person_id, position) VALUES (?, ?, ?)",
                [(meeting.id, p.id, i) for i, p in enumerate(record.people)],
            )
            for name, cls in _RECORD_CHILDREN:
                rows = getattr(record, name)
                if rows:
                    spec = _spec(cls)
                    conn.executemany(spec.insert_sql, [[meeting.id, *spec.to_row(r)] for r in rows])
            counts = {name: len(getattr(record, name)) for name, _ in _RECORD_CHILDREN}
            if existing is None:
                self._journal(
                    conn, meeting.id, "meetings", meeting.id, "insert", None, {**new, **counts}
                )
            else:
                old = mspec.encoded(existing[1:])
                self._journal(
                    conn, meeting.id, "meetings", meeting.id, "update", old, {**new, **counts}
                )

    def load_record(self, meeting_id: str) -> MeetingRecord:
        """The whole meeting, its lists in the order they were saved and added."""
        with self._read() as conn:
            meeting = self._meeting(conn, meeting_id)
            committee = self._select(conn, Committee, "id = ?", (meeting.committee_id,))[0]
            pspec = _spec(Person)
            cols = ", ".join(f"p.{_q(f)}" for f in pspec.fields)
            people = [
                pspec.from_row(r)
                for r in conn.execute(
                    f"SELECT {cols} FROM meeting_people mp JOIN people p ON p.id = mp.person_id "
                    "WHERE mp.meeting_id = ? ORDER BY mp.position, mp.rowid",
                    (meeting_id,),
                )
            ]
            memberships = self._select(
                conn, Membership, "committee_id = ?", (meeting.committee_id,)
            )
            children = {
                name: self._select(conn, cls, "meeting_id = ?", (meeting_id,))
                for name, cls in _RECORD_CHILDREN
            }
            # Members of the committee who are not linked to this meeting still belong in
            # the record, so that every id in it can be looked up.
            known = {p.id for p in people}
            missing = [m.person_id for m in memberships if m.person_id not in known]
            for person_id in dict.fromkeys(missing):
                people.extend(self._select(conn, Person, "id = ?", (person_id,)))
        return MeetingRecord(
            committee=committee,
            meeting=meeting,
            people=people,
            memberships=memberships,
            **children,
        )

    def _meeting(self, conn: sqlite3.Connection, meeting_id: str) -> Meeting:
        spec = _spec(Meeting)
        row = self._fetch(conn, spec, meeting_id)
        if row is None:
            raise UnknownMeeting(
                f"There is no meeting {meeting_id!r} in {self.path}. "
                "`clerk meetings` shows the meetings there are."
            )
        return spec.from_row(row[1:])

    def meeting(self, meeting_id: str) -> Meeting:
        with self._read() as conn:
            return self._meeting(conn, meeting_id)

    def list_meetings(
        self, *, limit: int | None = None, committee: str | None = None
    ) -> list[MeetingSummary]:
        """Meetings newest first; `committee` keeps those whose committee's name contains it
        (ignoring case). Item and attendance counts are worked out for the rows returned only."""
        with self._read() as conn:
            where, params = self._committee_filter(conn, committee)
            if where is None:
                return []
            present = ", ".join("?" * len(_PRESENT))
            sql = f"""
                WITH page AS (
                    SELECT rowid AS r, id, committee_id, date, start_time, venue, status
                    FROM meetings {where}
                    ORDER BY date DESC, start_time DESC, rowid DESC
                    LIMIT ?
                )
                SELECT page.id, page.committee_id, c.name, page.date, page.start_time,
                       page.venue, page.status,
                       (SELECT count(*) FROM items i WHERE i.meeting_id = page.id),
                       (SELECT count(*) FROM attendance a
                        WHERE a.meeting_id = page.id AND a.status IN ({present}))
                FROM page JOIN committees c ON c.id = page.committee_id
                ORDER BY page.date DESC, page.start_time DESC, page.r DESC
            """
            rows = conn.execute(sql, (*params, -1 if limit is None else limit, *_PRESENT))
            return [
                MeetingSummary(
                    id=r[0],
                    committee_id=r[1],
                    committee=r[2],
                    date=date.fromisoformat(r[3]),
                    start_time=None if r[4] is None else time.fromisoformat(r[4]),
                    venue=r[5],
                    status=MeetingStatus(r[6]),
                    items=r[7],
                    present=r[8],
                )
                for r in rows
            ]

    def committee_meetings(self, committee_id: str) -> list[Meeting]:
        """All the meetings of this committee (by id, not by a name's part), newest first."""
        spec = _spec(Meeting)
        sql = (
            f"SELECT {spec.columns_sql} FROM meetings WHERE committee_id = ? "
            "ORDER BY date DESC, start_time DESC, rowid DESC"
        )
        with self._read() as conn:
            return [spec.from_row(r) for r in conn.execute(sql, (committee_id,))]

    def _committee_filter(
        self, conn: sqlite3.Connection, committee: str | None
    ) -> tuple[str | None, tuple]:
        """A WHERE clause on meetings for committees whose name contains `committee`
        (None: no committee matches)."""
        if committee is None:
            return "", ()
        needle = committee.casefold()
        ids = [
            cid
            for cid, name in conn.execute("SELECT id, name FROM committees")
            if needle in name.casefold()
        ]
        if not ids:
            return None, ()
        return f"WHERE committee_id IN ({', '.join('?' * len(ids))})", tuple(ids)

    def resolve_meeting(self, ref: str, committee: str | None = None) -> str:
        """The id of the meeting `ref` names: a full id, an id prefix of 4 or more
        characters, or a date (YYYY-MM-DD); `committee` (part of its name) narrows it."""
        ref = ref.strip()
        with self._read() as conn:
            if (
                committee is None
                and conn.execute("SELECT 1 FROM meetings WHERE id = ?", (ref,)).fetchone()
            ):
                return ref
            where, params = self._committee_filter(conn, committee)
            of_committee = f" of a committee matching {committee!r}" if committee else ""
            if where is None:
                names = ", ".join(repr(c.name) for c in self._committees(conn)) or "none yet"
                raise UnknownMeeting(
                    f"No committee's name contains {committee!r}. Committees: {names}."
                )
            and_ = " AND " if where else " WHERE "
            if _DATE.match(ref):
                try:
                    date.fromisoformat(ref)
                except ValueError:
                    raise UnknownMeeting(f"{ref!r} is not a real date.") from None
                ids = [
                    r[0]
                    for r in conn.execute(
                        f"SELECT id FROM meetings {where}{and_}date = ? ORDER BY rowid",
                        (*params, ref),
                    )
                ]
                if not ids:
                    near = self._nearest(conn, where, params, ref)
                    raise UnknownMeeting(
                        f"There is no meeting on {ref}{of_committee}."
                        + (f" The nearest: {near}." if near else "")
                    )
                if len(ids) > 1:
                    raise AmbiguousMeeting(
                        f"{len(ids)} meetings were held on {ref}{of_committee}: "
                        f"{self._describe(conn, ids)}. Give --committee (part of the "
                        "committee's name) or the meeting's id."
                    )
                return ids[0]
            if len(ref) < 4:
                raise UnknownMeeting(
                    f"{ref!r} is too short to name a meeting: give at least 4 characters "
                    "of its id, or its date as YYYY-MM-DD."
                )
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM meetings {where}{and_}id >= ? AND id < ? ORDER BY id",
                    (*params, ref, ref + "\U0010ffff"),
                )
            ]
            if not ids:
                raise UnknownMeeting(
                    f"No meeting{of_committee} has an id starting {ref!r}. "
                    "`clerk meetings` shows the meetings and their ids."
                )
            if len(ids) > 1:
                raise AmbiguousMeeting(
                    f"{len(ids)} meetings have ids starting {ref!r}: "
                    f"{self._describe(conn, ids)}. Give more of the id."
                )
            return ids[0]

    def _describe(self, conn: sqlite3.Connection, ids: list[str]) -> str:
        parts = []
        for meeting_id in ids[:10]:
            d, name = conn.execute(
                "SELECT m.date, c.name FROM meetings m JOIN committees c "
                "ON c.id = m.committee_id WHERE m.id = ?",
                (meeting_id,),
            ).fetchone()
            parts.append(f"{meeting_id} ({d}, {name})")
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        return "; ".join(parts) + more

    def _nearest(self, conn: sqlite3.Connection, where: str, params: tuple, day: str) -> str:
        and_ = " AND " if where else " WHERE "
        before = conn.execute(
            f"SELECT id FROM meetings {where}{and_}date < ? ORDER BY date DESC LIMIT 1",
            (*params, day),
        ).fetchone()
        after = conn.execute(
            f"SELECT id FROM meetings {where}{and_}date > ? ORDER BY date LIMIT 1",
            (*params, day),
        ).fetchone()
        ids = [r[0] for r in (before, after) if r]
        return self._describe(conn, ids) if ids else ""

    def update_meeting(self, meeting_id: str, **changes: Any) -> Meeting:
        with self._read() as conn:
            meeting = self._meeting(conn, meeting_id)
        return self._update(meeting, changes)

    def delete_meeting(self, meeting_id: str) -> None:
        """Delete a meeting and everything in it (its committee and people stay)."""
        spec = _spec(Meeting)
        with self._write() as conn:
            row = self._fetch(conn, spec, meeting_id)
            if row is None:
                raise UnknownMeeting(f"There is no meeting {meeting_id!r} to delete.")
            conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
            self._journal(
                conn, meeting_id, "meetings", meeting_id, "delete", spec.encoded(row[1:]), None
            )

    # ----------------------------------------------------------------------- committees, people

    def _committees(self, conn: sqlite3.Connection) -> list[Committee]:
        spec = _spec(Committee)
        sql = f"SELECT {spec.columns_sql} FROM committees ORDER BY name COLLATE NOCASE, rowid"
        return [spec.from_row(r) for r in conn.execute(sql)]

    def committees(self) -> list[Committee]:
        """Every committee, by name."""
        with self._read() as conn:
            return self._committees(conn)

    def find_committee(self, name: str) -> Committee | None:
        """The committee called `name` (ignoring case), or None."""
        wanted = name.strip().casefold()
        return next((c for c in self.committees() if c.name.casefold() == wanted), None)

    def people(self) -> list[Person]:
        """Everyone, by surname."""
        with self._read() as conn:
            spec = _spec(Person)
            rows = conn.execute(f"SELECT {spec.columns_sql} FROM people ORDER BY rowid")
            return sorted((spec.from_row(r) for r in rows), key=lambda p: p.sort_key)

    def find_people(self, text: str, limit: int = 10) -> list[Person]:
        """Type-ahead over everyone: the best `limit` matches for `text` as `clerk.people`
        ranks them ("acton h" and "Cllr Acton" find Heather Acton, "zoe" Zoë Ångström).
        SQL first sets aside whoever has no word beginning with each word typed."""
        if not any(c.isalnum() for c in text):
            return []
        from clerk import people as matching  # only when someone types a name

        words = matching.required_words(text)
        index = "clerk_person_words(name, honorific, role, organisation, surname)"
        where = " AND ".join(f"instr({index}, ?) > 0" for _ in words) or "1"
        spec = _spec(Person)
        with self._read() as conn:
            conn.create_function("clerk_person_words", 5, matching.index_words, deterministic=True)
            rows = conn.execute(
                f"SELECT {spec.columns_sql} FROM people WHERE {where}", [f" {w}" for w in words]
            )
            found = [spec.from_row(r) for r in rows]
        return matching.rank(found, text, limit=limit)

    def find_person(self, name: str) -> Person | None:
        """The person whose canonical name is `name` (ignoring case), or None."""
        wanted = name.strip().casefold()
        spec = _spec(Person)
        with self._read() as conn:
            for row in conn.execute(f"SELECT {spec.columns_sql} FROM people ORDER BY rowid"):
                if row[spec.fields.index("name")].casefold() == wanted:
                    return spec.from_row(row)
        return None

    # ----------------------------------------------------------------------- fine-grained edits

    def add(self, meeting_id: str | None, row: Entity) -> Entity:
        """Add one row (one transaction, one journal row). A person added with a meeting id
        is also linked to that meeting (an existing person is just linked)."""
        spec = _spec_of(row)
        if spec.child and meeting_id is None:
            raise StoreError(f"A {_WHAT[spec.table]} belongs to a meeting: give its meeting id.")
        with self._write() as conn:
            if meeting_id is not None and (spec.child or isinstance(row, Person)):
                self._meeting(conn, meeting_id)
            if isinstance(row, Person) and meeting_id is not None:
                if self._fetch(conn, spec, row.id) is not None:
                    self._link(conn, meeting_id, row.id)
                    self._journal(
                        conn, meeting_id, "meeting_people", row.id, "insert", None,
                        {"meeting_id": meeting_id, "person_id": row.id},
                    )  # fmt: skip
                    return row
                new = self._insert(conn, None, row)
                self._link(conn, meeting_id, row.id)
            else:
                new = self._insert(conn, meeting_id if spec.child else None, row)
            self._journal(conn, meeting_id, spec.table, row.id, "insert", None, new)
        return row

    def _link(self, conn: sqlite3.Connection, meeting_id: str, person_id: str) -> None:
        conn.execute(
            "INSERT INTO meeting_people (meeting_id, person_id, position) "
            "SELECT ?, ?, coalesce(max(position), -1) + 1 FROM meeting_people "
            "WHERE meeting_id = ?",
            (meeting_id, person_id, meeting_id),
        )

    def update(self, row: Entity, **changes: Any) -> Entity:
        """Change some fields of a row (one transaction, one journal row with the changed
        fields' old and new values). Returns the updated copy."""
        return self._update(row, changes)

    def _update(self, row: Any, changes: dict[str, Any]) -> Any:
        spec = _spec(type(row)) if type(row) is Meeting else _spec_of(row)
        types_ = field_types(spec.cls)
        for name in changes:
            if name not in types_:
                raise TypeError(f"{spec.cls.__name__} has no field {name!r}")
            if name == "id":
                raise TypeError("a row's id cannot be changed")
        updated = dataclasses.replace(row, **changes)
        if not changes:
            return updated
        for name, value in changes.items():  # a wrong type is a programming error
            decode(types_[name], encode(value), f"{spec.cls.__name__}.{name}")
        names = tuple(changes)
        values = [to_column(spec.kinds[f], changes[f]) for f in names]
        with self._write() as conn:
            current = self._fetch(conn, spec, row.id)
            if current is None:
                raise StoreError(
                    f"This {_WHAT[spec.table]} is no longer in the database "
                    "(deleted elsewhere?); nothing was saved."
                )
            meeting_id = current[0] if spec.table != "meetings" else row.id
            stored = dict(zip(spec.fields, current[1:], strict=True))
            changed = [(f, v) for f, v in zip(names, values, strict=True) if stored[f] != v]
            if not changed:
                return updated
            fields = tuple(f for f, _ in changed)
            conn.execute(_update_sql(spec.cls, fields), [*(v for _, v in changed), row.id])
            self._journal(
                conn,
                meeting_id,
                spec.table,
                row.id,
                "update",
                {f: from_column(spec.kinds[f], stored[f]) for f in fields},
                {f: from_column(spec.kinds[f], v) for f, v in changed},
            )
        return updated

    def delete(self, row: Entity) -> None:
        """Delete one row (one transaction, one journal row holding its old values). An
        agenda item takes its paragraphs, resolutions, votes, actions and declarations with
        it; they are kept in the journal row under "_deleted_with"."""
        spec = _spec_of(row)
        with self._write() as conn:
            current = self._fetch(conn, spec, row.id)
            if current is None:
                raise StoreError(
                    f"This {_WHAT[spec.table]} is no longer in the database; nothing to delete."
                )
            old = spec.encoded(current[1:])
            if spec.table == "items":
                dependents = {}
                for name, cls in _RECORD_CHILDREN[2:]:
                    rows = self._select(conn, cls, "item_id = ?", (row.id,))
                    if rows:
                        dependents[name] = [encode(r) for r in rows]
                if dependents:
                    old["_deleted_with"] = dependents
            if spec.table == "people":
                used = self._person_uses(conn, row.id)
                if used:
                    raise StoreError(
                        f"{row.name} cannot be deleted: still named in {used}. "  # type: ignore[union-attr]
                        "Remove them there first; nothing was changed."
                    )
            if spec.table == "committees":
                n = conn.execute(
                    "SELECT count(*) FROM meetings WHERE committee_id = ?", (row.id,)
                ).fetchone()[0]
                if n:
                    raise StoreError(
                        f"{row.name} cannot be deleted: it has {n} meeting"  # type: ignore[union-attr]
                        f"{'s' if n > 1 else ''} in the database. Delete those first; "
                        "nothing was changed."
                    )
            conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (row.id,))
            self._journal(conn, current[0], spec.table, row.id, "delete", old, None)

    def _person_uses(self, conn: sqlite3.Connection, person_id: str) -> str:
        uses = []
        for table, column in (
            ("attendance", "person_id"),
            ("declarations", "person_id"),
            ("memberships", "person_id"),
        ):
            n = conn.execute(
                f"SELECT count(*) FROM {table} WHERE {column} = ?", (person_id,)
            ).fetchone()[0]
            if n:
                uses.append(f"{n} {table} row{'s' if n > 1 else ''}")
        return ", ".join(uses)

    # ----------------------------------------------------------------------- undo

    @contextmanager
    def step(
        self,
        meeting_id: str,
        label: str,
        step_id: str | None = None,
        *,
        kind: str = "do",
        target: str | None = None,
    ) -> Iterator[str]:
        """Tag every change to the meeting made inside as one step, for undo. A step may
        span several transactions (a paragraph typed over a minute is saved many times):
        give the same `step_id` each time. Inside another step, the outer one goes on."""
        if self._step is not None:
            yield self._step.id
            return
        step = Step(
            id=step_id or new_id(), at="", role=self.role, label=label, kind=kind, target=target
        )
        with self._lock:
            self._step, self._step_meeting = step, meeting_id
            try:
                yield step.id
            finally:
                self._step, self._step_meeting = None, None

    def steps(self, meeting_id: str, role: str | None = None) -> list[Step]:
        """The steps taken on a meeting (by `role`, if given), oldest first."""
        where, params = "meeting_id = ?", (meeting_id,)
        if role is not None:
            where, params = where + " AND role = ?", (meeting_id, role)
        with self._read() as conn:
            return [
                Step(*row)
                for row in conn.execute(
                    f"SELECT id, at, role, label, kind, target FROM steps WHERE {where} "
                    "ORDER BY rowid",
                    params,
                )
            ]

    def replay(self, meeting_id: str, step: Step, *, backward: bool) -> Step:
        """Undo a step (`backward`) or do it again, as a new step of its own, in one
        transaction. Refuses, changing nothing, when what the step changed has been changed
        since (by another program, or a step not undone)."""
        kind = "undo" if backward else "redo"
        with self._write() as conn:
            rows = conn.execute(
                "SELECT table_name, row_id, op, old, new, meeting_id FROM journal "
                "WHERE step = ? ORDER BY id",
                (step.id,),
            ).fetchall()
            if not rows:
                raise StoreError(f"Nothing is recorded for “{step.label}”: nothing to {kind}.")
            changes = [
                (
                    t,
                    r,
                    op,
                    None if o is None else json.loads(o),
                    None if n is None else json.loads(n),
                    m,
                )
                for t, r, op, o, n, m in rows
            ]
            if backward:
                inverse = {"insert": "delete", "delete": "insert", "update": "update"}
                changes = [(t, r, inverse[op], n, o, m) for t, r, op, o, n, m in reversed(changes)]
            with self.step(meeting_id, step.label, kind=kind, target=step.id) as new_step:
                for table, row_id, op, before, after, row_meeting in changes:
                    self._apply(conn, table, row_id, op, before, after, row_meeting, step.label)
        return Step(id=new_step, at=_now(), role=self.role, label=step.label, kind=kind,
                    target=step.id)  # fmt: skip

    def _apply(
        self,
        conn: sqlite3.Connection,
        table: str,
        row_id: str,
        op: str,
        before: dict | None,
        after: dict | None,
        meeting_id: str | None,
        label: str,
    ) -> None:
        """One journalled change made again: `before` is what the row must hold now (the
        fields changed, or the whole row), `after` what it is to hold (None: no row)."""
        changed = StoreError(
            f"“{label}” cannot be undone or redone: it has been changed since. Nothing was changed."
        )
        if table == "meeting_people":
            link = after or before or {}
            pair = (link.get("meeting_id"), link.get("person_id"))
            if op == "delete":
                conn.execute(
                    "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?", pair
                )
            else:
                self._link(conn, *pair)  # type: ignore[arg-type]
            self._journal(conn, meeting_id, table, row_id, op, before, after)
            return
        cls = next(c for c, t in TABLES.items() if t == table)
        spec = _spec(cls)
        current = self._fetch(conn, spec, row_id)
        now = None if current is None else spec.encoded(current[1:])
        if op == "insert":
            if now is not None:
                raise changed
            assert after is not None
            extras = after.pop("_deleted_with", None)
            values = [to_column(spec.kinds[f], after[f]) for f in spec.fields]
            conn.execute(spec.insert_sql, [meeting_id, *values] if spec.child else values)
            if table == "people" and meeting_id is not None:
                self._link(conn, meeting_id, row_id)  # deleting the person took the link
            for name, rows in (extras or {}).items():
                child = _spec(dict(_RECORD_CHILDREN)[name])
                conn.executemany(
                    child.insert_sql,
                    [[meeting_id, *(to_column(child.kinds[f], r[f]) for f in child.fields)]
                     for r in rows],
                )  # fmt: skip
            self._journal(conn, meeting_id, table, row_id, "insert", None, after)
            return
        if now is None or any(now.get(f) != v for f, v in (before or {}).items() if f[0] != "_"):
            raise changed
        if op == "delete":
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            self._journal(conn, meeting_id, table, row_id, "delete", now, None)
            return
        assert after is not None
        fields = tuple(after)
        conn.execute(
            _update_sql(cls, fields),
            [*(to_column(spec.kinds[f], after[f]) for f in fields), row_id],
        )
        self._journal(conn, meeting_id, table, row_id, "update", before, after)

    # ----------------------------------------------------------------------- people entered twice

    def merge_people(self, keep_id: str, gone_id: str) -> Person:
        """One person entered twice becomes one: everything that names `gone_id` (attendance,
        substitutions, declarations, seats, actions' leads, recorded votes, meetings' officer,
        meetings' people) names `keep_id` instead, the kept person takes any detail of theirs
        left blank (role, honorific…), and `gone_id` is deleted. One transaction, every row
        changed journalled; the deleted person's journal row says whom they went into.

        Where both were at the same meeting the kept person's attendance stays and the other
        is deleted (in the journal); likewise a seat on a committee the kept person already
        holds, and a recorded vote they already cast. Returns the kept person."""
        if keep_id == gone_id:
            raise StoreError("A person cannot be merged into themselves; nothing was changed.")
        pspec = _spec(Person)
        with self.batch(), self._write() as conn:

            def where(sql: str, person_id: str) -> set[str]:
                return {r[0] for r in conn.execute(sql, (person_id,))}

            found = []
            for person_id in (keep_id, gone_id):
                row = self._fetch(conn, pspec, person_id)
                if row is None:
                    raise StoreError(
                        f"There is no person {person_id!r} in the database (deleted "
                        "elsewhere?); nothing was changed."
                    )
                found.append(pspec.from_row(row[1:]))
            keep, gone = found

            kept_at = where("SELECT meeting_id FROM attendance WHERE person_id = ?", keep_id)
            for meeting_id, attendance in self._rows_of(conn, Attendance, "person_id", gone_id):
                if meeting_id in kept_at:
                    self.delete(attendance)
                else:
                    self._update(attendance, {"person_id": keep_id})
            for _, attendance in self._rows_of(conn, Attendance, "substitute_for", gone_id):
                self._update(attendance, {"substitute_for": keep_id})
            for _, declaration in self._rows_of(conn, Declaration, "person_id", gone_id):
                self._update(declaration, {"person_id": keep_id})
            seats = where("SELECT committee_id FROM memberships WHERE person_id = ?", keep_id)
            for _, membership in self._rows_of(conn, Membership, "person_id", gone_id):
                if membership.committee_id in seats:
                    self.delete(membership)
                else:
                    self._update(membership, {"person_id": keep_id})
            for _, action in self._rows_of(conn, Action, "lead_person_id", gone_id):
                changes: dict[str, Any] = {"lead_person_id": keep_id}
                if action.lead == gone.name:
                    changes["lead"] = keep.name
                self._update(action, changes)
            for vote in self._select(
                conn, Vote, "EXISTS (SELECT 1 FROM json_each(named) WHERE key = ?)", (gone_id,)
            ):
                named = {
                    (keep_id if pid == gone_id else pid): choice
                    for pid, choice in vote.named.items()
                    if not (pid == gone_id and keep_id in vote.named)
                }
                self._update(vote, {"named": named})
            mspec = _spec(Meeting)
            for row in conn.execute(
                f"SELECT {mspec.columns_sql} FROM meetings WHERE officer_id = ?", (gone_id,)
            ).fetchall():
                self._update(mspec.from_row(row), {"officer_id": keep_id})

            linked = where("SELECT meeting_id FROM meeting_people WHERE person_id = ?", keep_id)
            links = where("SELECT meeting_id FROM meeting_people WHERE person_id = ?", gone_id)
            for meeting_id in sorted(links):
                gone_link = {"meeting_id": meeting_id, "person_id": gone_id}
                self._journal(
                    conn, meeting_id, "meeting_people", gone_id, "delete", gone_link, None
                )
                if meeting_id in linked:
                    conn.execute(
                        "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?",
                        (meeting_id, gone_id),
                    )
                    continue
                # in gone's place in the meeting's list of people
                conn.execute(
                    "UPDATE meeting_people SET person_id = ? "
                    "WHERE meeting_id = ? AND person_id = ?",
                    (keep_id, meeting_id, gone_id),
                )
                keep_link = {"meeting_id": meeting_id, "person_id": keep_id}
                self._journal(
                    conn, meeting_id, "meeting_people", keep_id, "insert", None, keep_link
                )

            blanks = {
                f: getattr(gone, f)
                for f in _PERSON_DETAILS
                if not getattr(keep, f) and getattr(gone, f)
            }
            if blanks:
                keep = self._update(keep, blanks)
            old = {**encode(gone), "_merged_into": keep_id}
            conn.execute("DELETE FROM people WHERE id = ?", (gone_id,))
            self._journal(conn, None, "people", gone_id, "delete", old, None)
        return keep

    def remove_person(self, person_id: str) -> None:
        """Delete a person nothing refers to (someone entered by mistake), with their places
        in meetings' lists of people. While anything does refer to them this is refused, in a
        StoreError naming what, and nothing is changed."""
        pspec = _spec(Person)
        with self._write() as conn:
            row = self._fetch(conn, pspec, person_id)
            if row is None:
                raise StoreError(
                    f"There is no person {person_id!r} in the database; nothing to remove."
                )
            person = pspec.from_row(row[1:])
            uses = self._person_references(conn, person_id)
            if uses:
                raise StoreError(
                    f"{person.name} cannot be removed: named in {uses}. Merge them into the "
                    "right person instead; nothing was changed."
                )
            links = conn.execute(
                "SELECT meeting_id FROM meeting_people WHERE person_id = ?", (person_id,)
            ).fetchall()
            for (meeting_id,) in links:
                link = {"meeting_id": meeting_id, "person_id": person_id}
                self._journal(conn, meeting_id, "meeting_people", person_id, "delete", link, None)
            conn.execute("DELETE FROM meeting_people WHERE person_id = ?", (person_id,))
            conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
            self._journal(conn, None, "people", person_id, "delete", pspec.encoded(row[1:]), None)

    def _rows_of(
        self, conn: sqlite3.Connection, cls: type, column: str, person_id: str
    ) -> list[tuple[str | None, Any]]:
        """(meeting id, row) of each `cls` row whose `column` is `person_id`."""
        spec = _spec(cls)
        sql = (
            f"SELECT {'meeting_id' if spec.child else 'NULL'}, {spec.columns_sql} "
            f"FROM {spec.table} WHERE {_q(column)} = ? ORDER BY rowid"
        )
        return [(r[0], spec.from_row(r[1:])) for r in conn.execute(sql, (person_id,)).fetchall()]

    def _person_references(self, conn: sqlite3.Connection, person_id: str) -> str:
        """Everything that names a person, in words ("attendance at 2 meetings and 1
        declaration"), or "" when nothing does."""
        uses = []
        for where, one, many in _PERSON_REFERENCES:
            n = conn.execute(f"SELECT count(*) FROM {where}", (person_id,)).fetchone()[0]
            if n:
                uses.append((one if n == 1 else many).format(n))
        return join_names(uses)

    # ----------------------------------------------------------------------- reading back

    def journal(
        self, meeting_id: str | None = None, limit: int | None = None
    ) -> list[JournalEntry]:
        """Journal entries, oldest first: all of them, or one meeting's. With `limit`, the
        latest `limit` entries (still oldest first)."""
        where = "WHERE meeting_id = ?" if meeting_id is not None else ""
        params: tuple = (meeting_id,) if meeting_id is not None else ()
        sql = (
            "SELECT * FROM (SELECT id, at, role, meeting_id, table_name, row_id, op, old, new "
            f"FROM journal {where} ORDER BY id DESC LIMIT ?) ORDER BY id"
        )
        with self._read() as conn:
            return [
                JournalEntry(
                    id=r[0],
                    at=r[1],
                    role=r[2],
                    meeting_id=r[3],
                    table=r[4],
                    row_id=r[5],
                    op=r[6],
                    old=None if r[7] is None else json.loads(r[7]),
                    new=None if r[8] is None else json.loads(r[8]),
                )
                for r in conn.execute(sql, (*params, -1 if limit is None else limit))
            ]

    def committee_actions(self, committee_id: str) -> list[tuple[Meeting, AgendaItem, Action]]:
        """Every action of the committee's meetings, newest meeting first, then in agenda
        order: the rows of the cumulative action tracker."""
        mspec, ispec, aspec = _spec(Meeting), _spec(AgendaItem), _spec(Action)
        m_cols = ", ".join(f"m.{_q(f)}" for f in mspec.fields)
        i_cols = ", ".join(f"i.{_q(f)}" for f in ispec.fields)
        a_cols = ", ".join(f"a.{_q(f)}" for f in aspec.fields)
        sql = f"""
            SELECT {m_cols}, {i_cols}, {a_cols}
            FROM actions a
            JOIN meetings m ON m.id = a.meeting_id
            JOIN items i ON i.id = a.item_id
            WHERE m.committee_id = ?
            ORDER BY m.date DESC, m.start_time DESC, m.rowid DESC,
                     i.position, i.rowid, a.position, a.rowid
        """
        nm, ni = len(mspec.fields), len(ispec.fields)
        out: list[tuple[Meeting, AgendaItem, Action]] = []
        meetings: dict[str, Meeting] = {}
        items: dict[str, AgendaItem] = {}
        with self._read() as conn:
            for r in conn.execute(sql, (committee_id,)):
                meeting = meetings.get(r[nm - 1]) or mspec.from_row(r[:nm])
                meetings[meeting.id] = meeting
                item = items.get(r[nm + ni - 1]) or ispec.from_row(r[nm : nm + ni])
                items[item.id] = item
                out.append((meeting, item, aspec.from_row(r[nm + ni :])))
        return out

    def search_paragraphs(self, query: str, limit: int = 50) -> list[tuple[str, MinuteParagraph]]:
        """(meeting id, paragraph) for paragraphs matching an FTS5 query, best first."""
        spec = _spec(MinuteParagraph)
        cols = ", ".join(f"p.{_q(f)}" for f in spec.fields)
        words = [w for w in re.split(r"\W+", query) if w]
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT p.meeting_id, {cols} FROM paragraphs_fts f "
                "JOIN paragraphs p ON p.rowid = f.rowid "
                "WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ?",
                (match, limit),
            )
            return [(r[0], spec.from_row(r[1:])) for r in rows]


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
