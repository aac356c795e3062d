"""The public copy of the database (`clerk backup --public`): a clerk database holding no
exempt (Part 2) matter and no private contact details, fit to publish with Datasette.

The copy is not the database with rows deleted from it: SQLite keeps deleted text in free
pages, and FTS5 keeps a deleted document's words in its index until a merge. It is a new,
empty clerk database (the schema made as any database is) into which only public rows are
inserted, so the search index is filled by its own triggers from those rows alone:

- exempt items stay (their number, title, grounds and public summary are what the public
  minutes print of them) without their description and sub-items; their paragraphs,
  resolutions, votes, actions and declarations are left out, and an adjournment's reason
  when the adjournment was during one;
- people keep their names and roles but not their e-mail or telephone, and only those the
  copy's rows still name are kept;
- the history (journal, undo steps, the chair's amendment requests, frozen versions of the
  minutes, status changes) is left out whole: its rows hold old text of any item.

Every table must be placed in one of the lists below: a table added by a later migration
and placed in none stops the copy (fails closed), so it cannot reach a published file
unseen. Nothing is left at the target on failure: the copy is built beside it and renamed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.private_files import create_private
from clerk.store.connection import StoreError

if TYPE_CHECKING:
    from clerk.store import Store

_EXEMPT_ITEMS = "SELECT id FROM src.items WHERE part = 'exempt'"

#: record tables copied, each with the rows kept (a WHERE clause over the source table)
#: and the columns replaced (column -> SQL expression over the source row)
COPIED: dict[str, tuple[str, dict[str, str]]] = {
    "committees": ("1", {}),
    "memberships": ("1", {}),
    "meetings": ("1", {}),  # adjournments' reasons during exempt items: _clear_adjournments
    "meeting_committees": ("1", {}),
    "items": (
        "1",
        {
            "description": "CASE WHEN part = 'exempt' THEN '' ELSE description END",
            "sub_items": "CASE WHEN part = 'exempt' THEN '[]' ELSE sub_items END",
        },
    ),
    "attendance": ("1", {}),
    "declarations": (f"item_id IS NULL OR item_id NOT IN ({_EXEMPT_ITEMS})", {}),
    "paragraphs": (f"item_id NOT IN ({_EXEMPT_ITEMS})", {}),
    "resolutions": (f"item_id NOT IN ({_EXEMPT_ITEMS})", {}),
    "votes": (f"item_id NOT IN ({_EXEMPT_ITEMS})", {}),
    "actions": (f"item_id NOT IN ({_EXEMPT_ITEMS})", {}),
    # copied after the rest: only the people those rows name (_named_people)
    "people": ("id IN (SELECT id FROM temp.named)", {"email": "''", "phone": "''"}),
    "meeting_people": ("person_id IN (SELECT id FROM temp.named)", {}),
    # a person as an earlier meeting printed them (never their e-mail or phone)
    "meeting_people_held": ("person_id IN (SELECT id FROM temp.named)", {}),
}
#: history: every row could hold an exempt item's old text, so none is copied
LEFT_EMPTY = frozenset({"journal", "steps", "amendments", "versions", "status_changes"})
#: filled by the copy's own triggers from the rows copied (the search index and its
#: documents, FTS5's shadow tables) or by SQLite itself
DERIVED_PREFIXES = ("search_docs", "search_index", "sqlite_")


@dataclass(frozen=True)
class PublicCopy:
    """What the copy holds and what it left out, to tell the clerk."""

    path: Path
    meetings: int
    exempt_items: int
    rows_left_out: int  # paragraphs, resolutions, votes, actions and declarations
    people_left_out: int


def unplaced_tables(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    """The tables of `schema` that the copy does not know how to treat (none, normally)."""
    names = [
        r[0] for r in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    ]
    return [
        n
        for n in names
        if n not in COPIED and n not in LEFT_EMPTY and not n.startswith(DERIVED_PREFIXES)
    ]


def public_copy(store: Store, target: Path) -> PublicCopy:
    """Write the public copy of `store`'s database to `target` (0600, replaced if it is
    there). StoreError, with nothing written at `target`, if it cannot be made."""
    from clerk.store import Store

    target = Path(target)
    if target.resolve() == store.path.resolve():
        raise StoreError(f"{target} is the database itself; choose another file for the copy.")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        create_private(partial)
        Store(partial).close()  # the schema, as any new database gets it
        with store._lock:
            counts = _fill(store._conn, partial)
        conn = sqlite3.connect(str(partial), isolation_level=None)
        try:
            # one self-contained file, rebuilt: no free page or -wal file left behind
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.replace(partial, target)
    except OSError as exc:
        _remove(partial)
        raise StoreError(f"Could not write the public copy {target}: {exc.strerror}") from exc
    except sqlite3.Error as exc:
        _remove(partial)
        raise store._error(exc, f"Could not make a public copy of {store.path}") from exc
    except BaseException:
        _remove(partial)
        raise
    return PublicCopy(target, *counts)


def _remove(partial: Path) -> None:
    for path in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _fill(conn: sqlite3.Connection, partial: Path) -> tuple[int, int, int, int]:
    """Insert the public rows of the database on `conn` (as `src`) into the new database at
    `partial` (as `main` of a connection of its own)."""
    # a URI connection, so that ATTACH takes the source read-only
    out = sqlite3.connect(partial.absolute().as_uri(), uri=True, isolation_level=None)
    try:
        out.execute("PRAGMA foreign_keys = ON")
        out.execute("ATTACH DATABASE ? AS src", (_read_only_uri(conn),))
        unknown = unplaced_tables(out, "src") + unplaced_tables(out, "main")
        if unknown:
            raise StoreError(
                f"The database has tables the public copy does not know ({', '.join(unknown)}):"
                " nothing was written. This clerk cannot tell whether they are public."
            )
        out.execute("BEGIN")
        # checked at COMMIT: people are copied last, once it is known who is named
        out.execute("PRAGMA defer_foreign_keys = ON")
        for table, (where, replaced) in COPIED.items():
            if table == "people":
                _named_people(out)
            columns = [r[1] for r in out.execute(f"PRAGMA main.table_info({table})")]
            there = {r[1] for r in out.execute(f"PRAGMA src.table_info({table})")}
            columns = [c for c in columns if c in there]
            names = ", ".join(f'"{c}"' for c in columns)
            values = ", ".join(replaced.get(c, f'"{c}"') for c in columns)
            out.execute(
                f"INSERT INTO main.{table} ({names}) SELECT {values} FROM src.{table} "
                f"WHERE {where} ORDER BY rowid"
            )
        _clear_adjournments(out)
        counts = _counts(out)
        out.execute("COMMIT")
        out.execute("DETACH DATABASE src")
    finally:
        out.close()
    return counts


def _read_only_uri(conn: sqlite3.Connection) -> str:
    (path,) = [r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"]
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def _named_people(out: sqlite3.Connection) -> None:
    """temp.named: the people the copied rows name (attendance, seats, kept declarations,
    actions and named votes, the meeting's officer and whoever presided, membership
    changes). Someone named only in an exempt item's record is not among them."""
    named: set[str] = set()
    for sql in (
        "SELECT person_id FROM main.memberships",
        "SELECT person_id FROM main.attendance",
        "SELECT substitute_for FROM main.attendance",
        "SELECT person_id FROM main.declarations",
        "SELECT lead_person_id FROM main.actions",
        "SELECT officer_id FROM main.meetings",
        "SELECT presiding_id FROM main.meetings",
    ):
        named.update(r[0] for r in out.execute(sql) if r[0])
    for (text,) in out.execute("SELECT named FROM main.votes"):
        named.update(json.loads(text or "{}"))
    for (text,) in out.execute("SELECT membership_changes FROM main.meetings"):
        for change in json.loads(text or "[]"):
            named.update(v for k in ("left_id", "joined_id") if (v := change.get(k)))
    out.execute("CREATE TEMP TABLE named (id TEXT PRIMARY KEY)")
    out.executemany("INSERT INTO temp.named VALUES (?)", [(i,) for i in sorted(named)])


def _clear_adjournments(out: sqlite3.Connection) -> None:
    """An adjournment during an exempt item keeps its times, not its reason."""
    exempt = {r[0] for r in out.execute("SELECT id FROM main.items WHERE part = 'exempt'")}
    rows = out.execute("SELECT id, adjournments FROM main.meetings WHERE adjournments != '[]'")
    for meeting_id, text in rows.fetchall():
        adjournments = json.loads(text)
        for a in adjournments:
            if a.get("item_id") in exempt:
                a["reason"] = ""
        cleared = json.dumps(adjournments, ensure_ascii=False, separators=(",", ":"))
        if cleared != text:
            out.execute(
                "UPDATE main.meetings SET adjournments = ? WHERE id = ?", (cleared, meeting_id)
            )


def _counts(out: sqlite3.Connection) -> tuple[int, int, int, int]:
    def one(sql: str) -> int:
        return out.execute(sql).fetchone()[0]

    left_out = sum(
        one(f"SELECT count(*) FROM src.{t}") - one(f"SELECT count(*) FROM main.{t}")
        for t in ("paragraphs", "resolutions", "votes", "actions", "declarations")
    )
    return (
        one("SELECT count(*) FROM main.meetings"),
        one("SELECT count(*) FROM main.items WHERE part = 'exempt'"),
        left_out,
        one("SELECT count(*) FROM src.people") - one("SELECT count(*) FROM main.people"),
    )
