"""Rows: how each record class is stored, and every change to one row with its journal row.

`add`, `update` and `delete` are the fine-grained edits the live screen makes (one
transaction, one journal row each); the helpers below them (`_fetch`, `_select`,
`_insert`, `_upsert_global`) are shared with saving whole meetings, merging people and
undo. The journal is append-only: SQLite itself refuses to alter or remove its rows.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from clerk.codec import DecodeError, decode, encode, field_types
from clerk.journal_words import TABLE_NOUNS
from clerk.migrations import CHILD_TABLES, TABLES, column_kind, from_column, to_column
from clerk.record import (
    MINUTES_APPROVED,
    Action,
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    MinuteParagraph,
    Person,
    Resolution,
    Vote,
)
from clerk.store import held_people
from clerk.store.connection import ConnectionMixin, MinutesApproved, StoreError, UnknownMeeting

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
    cls: type = type(row)
    if cls not in TABLES:
        raise TypeError(f"the store does not keep {cls.__name__} rows")
    return _spec(cls)


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


#: The tables undo replays: the record's, not the review's (requests, versions, statuses).
_UNDOABLE = frozenset({*TABLES.values(), "meeting_people", held_people.TABLE})
#: Meeting fields that change nothing the minutes say: written even when they are approved.
_FREE = frozenset({"current_item_id"})
#: An action's progress, which the cumulative action tracker reports at later meetings (its
#: "Update" column) and the minutes never print: it changes after the minutes are approved.
_TRACKED = frozenset({"status", "comment", "lead", "lead_person_id", "due"})


def _now() -> str:
    now = datetime.now(UTC)
    return f"{now:%Y-%m-%dT%H:%M:%S}.{now.microsecond // 1000:03d}Z"


def _dumps(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class RowsMixin(ConnectionMixin):
    """One row at a time: added, changed, deleted, each journalled; the journal read back."""

    _adding_tracked = False  # inside `add_tracked_action`

    # ----------------------------------------------------------------------- the journal

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
        # Every change to a meeting is journalled, here, inside its transaction: so this is
        # the one place that refuses (and so rolls back) a change to approved minutes,
        # whichever route it came by (the live screen, the command line, import-record).
        if meeting_id is not None and not self._changing_status:
            self._refuse_if_approved(conn, meeting_id, table, op, old, new)
        step = self._step if table in _UNDOABLE else None  # the review's rows are not undone
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

    def _refuse_if_approved(
        self,
        conn: sqlite3.Connection,
        meeting_id: str,
        table: str,
        op: str,
        old: dict | None,
        new: dict | None,
    ) -> None:
        """MinutesApproved if `meeting_id`'s minutes are approved, published or confirmed.

        The status that counts is the one before the change: a meeting row replaced or
        deleted carries it in `old`; otherwise the row in the database holds it (a meeting
        not yet in the database, being saved, is not approved). Moving the live screen's
        place in an approved meeting, and an action's progress, change nothing the minutes
        say, so they are let through."""
        if table == "meetings" and op == "insert":
            return  # a new meeting: nothing approved to protect
        if table == "meetings" and old is not None and "status" in old:
            status, day = old["status"], old.get("date")
        else:
            row = conn.execute(
                "SELECT status, date FROM meetings WHERE id = ?", (meeting_id,)
            ).fetchone()
            if row is None:
                return
            status, day = row
        if status not in MINUTES_APPROVED:
            return
        if table == "meetings" and op == "update" and new is not None and set(new) <= _FREE:
            return
        if table == "actions" and op == "update" and new is not None and set(new) <= _TRACKED:
            return
        if table == "actions" and op == "insert" and self._adding_tracked:
            return
        if day is None:
            day = conn.execute("SELECT date FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
            day = day[0] if day else meeting_id
        what = {
            "approved": "have been approved by the chair",
            "published": "have been approved and published",
            "confirmed": "have been confirmed as a correct record at a later meeting",
        }[status]
        raise MinutesApproved(
            f"The minutes of the meeting on {day} {what}: they are read-only, and nothing "
            f"was changed. To change them, reopen them with `clerk reopen {day} --reason …` "
            "(the reason is kept in the journal)."
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

    def _meeting(self, conn: sqlite3.Connection, meeting_id: str) -> Meeting:
        spec = _spec(Meeting)
        row = self._fetch(conn, spec, meeting_id)
        if row is None:
            raise UnknownMeeting(
                f"There is no meeting {meeting_id!r} in {self.path}. "
                "`clerk meetings` shows the meetings there are."
            )
        return spec.from_row(row[1:])

    # ----------------------------------------------------------------------- fine-grained edits

    def add(self, meeting_id: str | None, row: Entity) -> Entity:
        """Add one row (one transaction, one journal row). A person added with a meeting id
        is also linked to that meeting (an existing person is just linked)."""
        spec = _spec_of(row)
        if spec.child and meeting_id is None:
            raise StoreError(
                f"A {TABLE_NOUNS[spec.table]} belongs to a meeting: give its meeting id."
            )
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

    def add_tracked_action(self, meeting_id: str, action: Action) -> Action:
        """Add an action the council's published action tracker records for the meeting,
        even when its minutes are approved: the minutes never print actions (the tracker
        does), so approval freezes an action's words once stored, not which were asked for."""
        self._adding_tracked = True
        try:
            return self.add(meeting_id, action)  # type: ignore[return-value]
        finally:
            self._adding_tracked = False

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
        spec = _spec(Meeting) if type(row) is Meeting else _spec_of(row)
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
                    f"This {TABLE_NOUNS[spec.table]} is no longer in the database "
                    "(deleted elsewhere?); nothing was saved."
                )
            meeting_id = current[0] if spec.table != "meetings" else row.id
            stored = dict(zip(spec.fields, current[1:], strict=True))
            changed = [(f, v) for f, v in zip(names, values, strict=True) if stored[f] != v]
            if not changed:
                return updated
            fields = tuple(f for f, _ in changed)
            if spec.table == "people":  # the meetings it must not reach hold them as they were
                was = spec.encoded(current[1:])
                now = {**was, **{f: from_column(spec.kinds[f], v) for f, v in changed}}
                day = held_people.context_day(conn, self._step_meeting)
                held_people.hold_before_change(
                    self, conn, row.id, was, now, self._step_meeting, day
                )
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
                    f"This {TABLE_NOUNS[spec.table]} is no longer in the database; "
                    "nothing to delete."
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

    # ----------------------------------------------------------------------- the journal, read back

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
