"""The store's schema: how record dataclasses map to tables, and the ordered migrations.

The tables are derived from the record dataclasses (`clerk.codec.field_types`): one column
per field, lists, dicts and nested dataclasses as JSON text, enums, dates and times as text,
bools as integers. A field added to a record dataclass later (with a default, as record.py
asks) becomes a column when a database is next opened: see `add_missing_columns`.

`MIGRATIONS[n - 1]` takes a database from version n - 1 to version n. A migration runs
inside the store's transaction together with the `PRAGMA user_version` that records it,
so a migration either happens completely or not at all. Never edit a released migration:
add a new one. tests/fixtures/schema_v1.sql is a v1 database made by the v1 migration.

Why one module (about 510 lines): the ordered list of migrations is the schema's history;
released steps are never edited, only added to.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections.abc import Callable
from datetime import date, time
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # sqlite-utils is needed only to create and migrate a schema; importing it costs
    # more than everything else `clerk meetings` does, so the import waits until then.
    from sqlite_utils import Database
    from sqlite_utils.db import ForeignKey

from clerk.codec import encode, field_types
from clerk.record import (
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

#: PRAGMA application_id of a clerk database ("clrk"), so a stranger's SQLite file is refused.
APPLICATION_ID = 0x636C726B

#: Each record class and its table. Child tables (those in CHILD_TABLES) belong to one meeting.
TABLES: dict[type, str] = {
    Committee: "committees",
    Person: "people",
    Membership: "memberships",
    Meeting: "meetings",
    AgendaItem: "items",
    Attendance: "attendance",
    Declaration: "declarations",
    MinuteParagraph: "paragraphs",
    Resolution: "resolutions",
    Vote: "votes",
    Action: "actions",
}

#: Tables whose rows belong to one meeting, in an order that satisfies their foreign keys.
CHILD_TABLES: tuple[str, ...] = (
    "items",
    "attendance",
    "declarations",
    "paragraphs",
    "resolutions",
    "votes",
    "actions",
)

# Column kinds: how a field's value is stored.
PLAIN, JSON, BOOL = "plain", "json", "bool"


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(tp))
    return tp, False


def column_kind(tp: Any) -> tuple[str, type, bool]:
    """(kind, SQLite column type, nullable) for a field type."""
    inner, nullable = _unwrap_optional(tp)
    if typing.get_origin(inner) in (list, dict) or dataclasses.is_dataclass(inner):
        return JSON, str, nullable
    if inner is bool:
        return BOOL, int, nullable
    if inner is int:
        return PLAIN, int, nullable
    if (
        inner is str
        or inner in (date, time)
        or (isinstance(inner, type) and issubclass(inner, Enum))
    ):
        return PLAIN, str, nullable
    raise TypeError(f"the store does not know how to keep a {tp!r}")  # a programming error


def to_column(kind: str, value: Any) -> Any:
    """A field's value as stored in its column."""
    value = encode(value)
    if value is None:
        return None
    if kind == JSON:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if kind == BOOL:
        return int(value)
    return value


def from_column(kind: str, value: Any) -> Any:
    """A column's value as `encode` would write the field (JSON-safe)."""
    if value is None:
        return None
    if kind == JSON:
        return json.loads(value)
    if kind == BOOL:
        return bool(value)
    return value


def _default_column_value(f: dataclasses.Field, kind: str) -> Any:
    if f.default is not dataclasses.MISSING:
        return to_column(kind, f.default)
    if f.default_factory is not dataclasses.MISSING:
        return to_column(kind, f.default_factory())
    return None


# --------------------------------------------------------------------------- foreign keys

_CASCADE, _RESTRICT = "CASCADE", "NO ACTION"


def _foreign_keys(table: str) -> list[ForeignKey]:
    from sqlite_utils.db import ForeignKey

    """The references SQLite enforces. Other id fields (a vote's resolution, a meeting's
    current item, a substitute) are checked by the record, not by SQLite, so that
    deleting one row never silently rewrites another."""
    fks: list[tuple[str, str, str]] = []
    if table in CHILD_TABLES:
        fks.append(("meeting_id", "meetings", _CASCADE))
    if table in ("paragraphs", "resolutions", "votes", "actions", "declarations"):
        fks.append(("item_id", "items", _CASCADE))
    if table in ("attendance", "declarations", "memberships"):
        fks.append(("person_id", "people", _RESTRICT))
    if table in ("meetings", "memberships"):
        fks.append(("committee_id", "committees", _RESTRICT))
    return [
        ForeignKey(table, column, other, "id", on_delete=action) for column, other, action in fks
    ]


def _create_table(db: Database, cls: type, table: str) -> None:
    columns: dict[str, Any] = {"id": str}
    not_null = {"id"}
    if table in CHILD_TABLES:
        columns["meeting_id"] = str
        not_null.add("meeting_id")
    for name, tp in field_types(cls).items():
        if name == "id":
            continue
        _kind, sql_type, nullable = column_kind(tp)
        columns[name] = sql_type
        if not nullable:
            not_null.add(name)
    db.table(table).create(
        columns,
        pk="id",
        not_null=not_null,
        foreign_keys=_foreign_keys(table),
    )


# --------------------------------------------------------------------------- migrations


def _v1_base_tables(db: Database) -> None:
    """The record tables, the meeting_people link, the journal and their indexes."""
    from sqlite_utils.db import ForeignKey

    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for cls, table in TABLES.items():
        _create_table(db, cls, table)
    db.table("meeting_people").create(
        {"meeting_id": str, "person_id": str, "position": int},
        pk=("meeting_id", "person_id"),
        not_null={"meeting_id", "person_id", "position"},
        foreign_keys=[
            ForeignKey("meeting_people", "meeting_id", "meetings", "id", on_delete=_CASCADE),
            ForeignKey("meeting_people", "person_id", "people", "id", on_delete=_CASCADE),
        ],
    )
    db.table("journal").create(
        {
            "id": int,
            "at": str,
            "role": str,
            "meeting_id": str,
            "table_name": str,
            "row_id": str,
            "op": str,
            "old": str,
            "new": str,
        },
        pk="id",
        not_null={"at", "role", "table_name", "row_id", "op"},
    )
    # Append-only, enforced by SQLite itself, whoever opens the file.
    db.executescript(
        """
        CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        """
    )
    for table in CHILD_TABLES:
        db.table(table).create_index(["meeting_id"])
    for table in ("paragraphs", "resolutions", "votes", "actions", "declarations"):
        db.table(table).create_index(["item_id"])
    for table in ("attendance", "declarations"):
        db.table(table).create_index(["person_id"])
    db.table("memberships").create_index(["committee_id"])
    db.table("memberships").create_index(["person_id"])
    db.table("meeting_people").create_index(["person_id"])
    db.table("meetings").create_index(["committee_id"])
    db.table("journal").create_index(["meeting_id"])


def _v2_search_and_listing(db: Database) -> None:
    """Full-text search over minute paragraphs (a decade of meetings, searchable), kept
    current by triggers, accent-insensitive; and indexes that list meetings newest first."""
    db.table("paragraphs").enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("meetings").create_index(["date", "start_time"], index_name="meetings_by_date")
    db.table("meetings").create_index(
        ["committee_id", "date", "start_time"], index_name="meetings_by_committee_date"
    )


def _v3_undo_steps(db: Database) -> None:
    """Undo and redo: every journal row names the step it belongs to (one thing the clerk
    did: a paragraph typed, an entry deleted, a member marked present), and each step is
    kept with its label and, for an undo or a redo, the step it undoes or redoes. Both stay
    append-only: an undo is a new step whose rows reverse the old one's."""
    db.execute("ALTER TABLE journal ADD COLUMN step TEXT")
    db.table("steps").create(
        {
            "id": str,
            "meeting_id": str,
            "at": str,
            "role": str,
            "label": str,
            "kind": str,  # "do" | "undo" | "redo"
            "target": str,  # the step undone or redone
        },
        pk="id",
        not_null={"meeting_id", "at", "role", "label", "kind"},
    )
    db.executescript(
        """
        CREATE TRIGGER steps_no_update BEFORE UPDATE ON steps
        BEGIN SELECT RAISE(ABORT, 'the steps are append-only'); END;
        CREATE TRIGGER steps_no_delete BEFORE DELETE ON steps
        BEGIN SELECT RAISE(ABORT, 'the steps are append-only'); END;
        """
    )
    db.table("steps").create_index(["meeting_id"])
    db.table("journal").create_index(["step"])


def _v4_review(db: Database) -> None:
    """The chair's review: amendment requests on the draft minutes and what became of them,
    the numbered versions of the minutes frozen as they went to the chair, and each change of
    a meeting's status (sent, approved, published, reopened, confirmed) with who made it and
    why. Versions and status changes are append-only, as the journal is; the Meeting
    dataclass's new confirmation fields become columns as any new field does."""
    from sqlite_utils.db import ForeignKey

    db.table("amendments").create(
        {
            "id": str,
            "meeting_id": str,
            "reference": str,
            "source": str,
            "kind": str,
            "old_text": str,
            "new_text": str,
            "author": str,
            "made_at": str,
            "status": str,
            "reason": str,
            "decided_by": str,
            "decided_at": str,
            "version": int,
        },
        pk="id",
        not_null={"meeting_id", "reference", "source", "kind", "old_text", "new_text",
                  "author", "made_at", "status", "reason", "decided_by"},
        foreign_keys=[
            ForeignKey("amendments", "meeting_id", "meetings", "id", on_delete=_CASCADE)
        ],
    )  # fmt: skip
    db.table("amendments").create_index(["meeting_id"])
    db.table("versions").create(
        {
            "meeting_id": str,
            "number": int,
            "frozen_at": str,
            "by": str,
            "event": str,  # "sent to the chair", "approved"
            "document": str,  # clerk.minutes.document_json
        },
        pk=("meeting_id", "number"),
        not_null={"meeting_id", "number", "frozen_at", "by", "event", "document"},
        foreign_keys=[ForeignKey("versions", "meeting_id", "meetings", "id", on_delete=_CASCADE)],
    )
    # No meeting foreign key: like the journal, the history outlives a deleted meeting.
    db.table("status_changes").create(
        {
            "id": int,
            "meeting_id": str,
            "at": str,
            "role": str,
            "by": str,
            "from_status": str,
            "to_status": str,
            "reason": str,
            "version": int,
        },
        pk="id",
        not_null={"meeting_id", "at", "role", "by", "from_status", "to_status", "reason"},
    )
    db.table("status_changes").create_index(["meeting_id"])
    db.executescript(
        """
        CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
        BEGIN SELECT RAISE(ABORT, 'a frozen version of the minutes cannot change'); END;
        CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes
        BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
        CREATE TRIGGER status_changes_no_delete BEFORE DELETE ON status_changes
        BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
        """
    )


# ----------------------------------------------------------------- v5: search every kind

#: What the search index holds, one document per row: (kind, table, the document's text as
#: SQL over `new`, whether the row carries an item_id). Triggers keep it in step.
SEARCHED: tuple[tuple[str, str, str, bool], ...] = (
    (
        "paragraph",
        "paragraphs",
        "new.text || coalesce(' ' || (SELECT group_concat(value, ' ') "
        "FROM json_each(new.bullets)), '')",
        True,
    ),
    ("resolution", "resolutions", "new.text", True),
    ("action", "actions", "trim(new.text || ' ' || trim(new.lead || ' ' || new.comment))", True),
    (
        "declaration",
        "declarations",
        "trim(new.kind || ' ' || trim(new.capacity || ' ' || new.nature))",
        True,
    ),
    ("item", "items", "new.title", False),
)

#: Accents folded ("cafe" finds "café") and English words stemmed ("streets" finds "street").
SEARCH_TOKENIZE = "porter unicode61 remove_diacritics 2"


def _v5_search_everything(db: Database) -> None:
    """One full-text index over every meeting's paragraphs, resolutions, actions,
    declarations and item titles, in place of v2's index of paragraphs alone. `search_docs`
    names the row each document was made from (its rowid is the document's: a lookup by
    row id, where SQLite's own rowids of the record tables may change on VACUUM) and
    carries what a search filters and orders by — whether its item is exempt, the
    meeting's date and committee — so ranking thousands of matches joins one table by its
    integer key, not three by text ids. Triggers keep both in step with every insert,
    update and delete (cascades from a deleted meeting or item included), with an item
    moved into or out of Part 2, and with a meeting's date or committee changed.

    Statement by statement, not executescript: Python's executescript commits first, and a
    migration must stay inside the store's one transaction."""
    # v2's index and its triggers, dropped by hand: sqlite-utils' disable_fts commits
    old = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%paragraphs_fts%'"
    for (trigger,) in db.execute(old).fetchall():
        db.execute(f'DROP TRIGGER "{trigger}"')
    db.execute("DROP TABLE IF EXISTS paragraphs_fts")
    for statement in search_schema():
        db.execute(statement)


def search_schema() -> list[str]:
    """The statements that make the search index, its triggers, and fill it."""
    statements = [
        """CREATE TABLE search_docs (
            doc INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            row_id TEXT NOT NULL,
            meeting_id TEXT NOT NULL,
            item_id TEXT,
            exempt INTEGER NOT NULL DEFAULT 0,
            date TEXT,
            committee_id TEXT,
            UNIQUE (kind, row_id)
        )""",
        "CREATE INDEX search_docs_meeting ON search_docs (meeting_id)",
        "CREATE INDEX search_docs_item ON search_docs (item_id)",
        f"CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = '{SEARCH_TOKENIZE}')",
        """CREATE TRIGGER items_search_part AFTER UPDATE OF part ON items
        WHEN new.part IS NOT old.part BEGIN
            UPDATE search_docs SET exempt = (new.part = 'exempt') WHERE item_id = new.id;
        END""",
        """CREATE TRIGGER meetings_search_moved AFTER UPDATE OF date, committee_id ON meetings
        WHEN new.date IS NOT old.date OR new.committee_id IS NOT old.committee_id BEGIN
            UPDATE search_docs SET date = new.date, committee_id = new.committee_id
            WHERE meeting_id = new.id;
        END""",
    ]
    for kind, table, body, has_item in SEARCHED:
        item = "new.item_id" if has_item else "new.id"
        old_body, old_item = body.replace("new.", "old."), item.replace("new.", "old.")
        doc = f"(SELECT doc FROM search_docs WHERE kind = '{kind}' AND row_id = new.id)"
        exempt = f"coalesce((SELECT part = 'exempt' FROM items WHERE id = {item}), 0)"
        statements += [
            f"""CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN
                INSERT INTO search_docs
                    (kind, row_id, meeting_id, item_id, exempt, date, committee_id)
                SELECT '{kind}', new.id, new.meeting_id, {item}, {exempt}, m.date,
                       m.committee_id
                FROM meetings m WHERE m.id = new.meeting_id;
                INSERT INTO search_index (rowid, body) VALUES ({doc}, {body});
            END""",
            f"""CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN
                DELETE FROM search_index WHERE rowid = {doc.replace("new.", "old.")};
                DELETE FROM search_docs WHERE kind = '{kind}' AND row_id = old.id;
            END""",
            f"""CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table}
            WHEN ({body}) IS NOT ({old_body}) OR {item} IS NOT {old_item} BEGIN
                UPDATE search_docs SET item_id = {item}, exempt = {exempt}
                WHERE kind = '{kind}' AND row_id = new.id;
                UPDATE search_index SET body = {body} WHERE rowid = {doc};
            END""",
            f"""INSERT INTO search_docs
                (kind, row_id, meeting_id, item_id, exempt, date, committee_id)
            SELECT '{kind}', t.id, t.meeting_id, {item.replace("new.", "t.")},
                   {exempt.replace("new.", "t.")}, m.date, m.committee_id
            FROM {table} t JOIN meetings m ON m.id = t.meeting_id ORDER BY t.rowid""",
            f"""INSERT INTO search_index (rowid, body)
            SELECT d.doc, {body.replace("new.", "t.")}
            FROM search_docs d JOIN {table} t ON t.id = d.row_id WHERE d.kind = '{kind}'""",
        ]
    return statements


def _v6_membership_changes(db: Database) -> None:
    """Membership changes noted at a meeting (a member who left the committee, one who
    joined it), kept apart from substitutes: `meetings.membership_changes`, a JSON list,
    empty for every meeting recorded before. (Its own step, issue 11, so that it can be
    renumbered beside other branches' migrations.) A database made by the v1 step from
    today's record already has the column: the step then has nothing to do."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(meetings)")}
    if "membership_changes" not in columns:
        db.table("meetings").add_column("membership_changes", str, not_null_default="[]")


def _v7_committee_as_held(db: Database) -> None:
    """The committee as it was at a meeting, kept when a later import changes what its
    minutes depend on (clerk.store.held): one JSON row per meeting, none until then. (Its
    own step, issue 11, so that it can be renumbered beside other branches' migrations.)"""
    db.execute(
        """CREATE TABLE IF NOT EXISTS meeting_committees (
            meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            committee TEXT NOT NULL
        )"""
    )


def _v8_people_as_held(db: Database) -> None:
    """A person as a meeting's minutes printed them (name, honorific, role, organisation,
    pronoun, surname), kept when a later change to the person would reach that meeting
    (clerk.store.held_people): one JSON row per meeting and person. Nothing to backfill:
    until a change, every meeting renders from the people's rows as they stand, which is
    exactly what it rendered before the upgrade. (Its own step, issue 11, so that it can
    be renumbered beside other branches' migrations.)"""
    db.execute(
        """CREATE TABLE IF NOT EXISTS meeting_people_held (
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            details TEXT NOT NULL,
            PRIMARY KEY (meeting_id, person_id)
        )"""
    )


def _v9_search_by_date(db: Database) -> None:
    """Searchable rows by date (and what the public filter reads), newest found by walking
    it backwards: a title in hundreds of meetings scores the same in each, and a search
    shows the latest of them first (clerk.store.search_sql), which by the rows' own keys
    meant reading every one of them, a page of the database apiece."""
    db.execute("CREATE INDEX IF NOT EXISTS search_docs_date ON search_docs (date, exempt, kind)")


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_base_tables,
    _v2_search_and_listing,
    _v3_undo_steps,
    _v4_review,
    _v5_search_everything,
    _v6_membership_changes,
    _v7_committee_as_held,
    _v8_people_as_held,
    _v9_search_by_date,
]

SCHEMA_VERSION = len(MIGRATIONS)


def missing_columns(db: Database | sqlite3.Connection) -> list[tuple[type, str]]:
    """(class, field) for each record field that has no column yet (none, usually)."""
    missing: list[tuple[type, str]] = []
    for cls, table in TABLES.items():
        existing = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        missing.extend((cls, f.name) for f in dataclasses.fields(cls) if f.name not in existing)
    return missing


def add_missing_columns(db: Database, missing: list[tuple[type, str]]) -> None:
    """Add a column for each record field newer than the database's tables, filled with
    the field's default."""
    for cls, name in missing:
        (f,) = [f for f in dataclasses.fields(cls) if f.name == name]
        kind, sql_type, nullable = column_kind(field_types(cls)[name])
        default = _default_column_value(f, kind)
        table = db.table(TABLES[cls])
        table.add_column(name, sql_type, not_null_default=None if nullable else default)
