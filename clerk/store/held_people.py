"""People as each meeting held them: what its minutes printed of them.

A person's row holds their details as they are now. The minutes of a meeting print a
person as the meeting had them: name, honorific, role, organisation, pronoun, and the
surname that orders them (`HELD_DETAILS`; e-mail and telephone are never printed and never
held). When those details change (an import giving a member a new role, a member who
married, an edit), the meetings the change must not reach
first have the person as they were, here: `meeting_people_held`, one row per meeting and
person, made by migration 8. `load_record` gives such a meeting its people as held.

When a meeting holds its people (a decision, issue 11): on the first change that would
otherwise reach it, not when it is closed. Holding at close would copy every person of
every meeting whether or not anything ever changes, and would cut a closed draft off from
the clerk's own corrections (a role put right before the minutes go to the chair must show
in them). Holding on change copies only what a change would rewrite, exactly then, in the
change's own transaction, so no render can come between the change and the copy.

Which meetings a change must not reach: every meeting that names the person (linked to it,
or a seat on its committee), other than the one the change comes from, that is dated
before that one or whose minutes are written (ended, with the chair, approved, published,
confirmed). The meeting a change comes from is the meeting being imported, or the one the
clerk is working on (the store's undo step); with neither, today. So the live meeting and
those still to come show the new details; the earlier ones keep theirs. A meeting already
holding the person keeps what it holds, except the meeting the change comes from: an edit
made while working on it is made to it too.

A merge of one person entered twice (`merge_people`) is a correction, not a change: the
meetings that named the entry merged away name the kept person as each has them, and what
they held of the mistaken entry is dropped (journalled). The kept person's blanks filled
in from the other are a change like any other. A member whose name changed (married) is
not merged: their name is edited, and the meetings before keep the old one.

Migration 8 has nothing to backfill: until a change, every meeting renders from the
people's rows as they are, and the first change holds what it would rewrite.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from clerk.record import Person

TABLE = "meeting_people_held"
#: What the minutes print of a person (or order them by): held for a meeting.
HELD_DETAILS = ("name", "honorific", "role", "organisation", "pronoun", "surname")
#: Statuses whose minutes are written: such a meeting is held whatever its date.
_WRITTEN = ("ended", "sent", "approved", "published", "confirmed")


def details(person: Person | dict[str, Any]) -> dict[str, str]:
    """The details a meeting holds of a person."""
    if isinstance(person, Person):
        return {f: getattr(person, f) for f in HELD_DETAILS}
    return {f: person.get(f, "") for f in HELD_DETAILS}


def differ(a: Person | dict[str, Any], b: Person | dict[str, Any]) -> bool:
    return details(a) != details(b)


def as_held(person: Person, held: dict[str, str] | None) -> Person:
    """`person` with the details a meeting holds of them, if it holds any."""
    return person if held is None else replace(person, **details(held))


def held_for(conn: sqlite3.Connection, meeting_id: str) -> dict[str, dict[str, str]]:
    """person id -> details held for this meeting."""
    return {
        pid: json.loads(text)
        for pid, text in conn.execute(
            f"SELECT person_id, details FROM {TABLE} WHERE meeting_id = ?", (meeting_id,)
        )
    }


def held_text(person: Person | dict[str, Any]) -> str:
    return json.dumps(details(person), ensure_ascii=False, separators=(",", ":"))


def meetings_to_hold(
    conn: sqlite3.Connection, person_id: str, from_meeting: str | None, day: date
) -> list[str]:
    """The meetings a change to `person_id`'s details, made from `from_meeting` (dated
    `day`), must not reach: those naming them, not yet holding them, earlier or written."""
    written = ", ".join("?" * len(_WRITTEN))
    return [
        r[0]
        for r in conn.execute(
            f"""SELECT m.id FROM meetings m
                WHERE m.id IS NOT ?
                  AND (m.date < ? OR m.status IN ({written}))
                  AND (EXISTS (SELECT 1 FROM meeting_people mp
                               WHERE mp.meeting_id = m.id AND mp.person_id = ?)
                       OR EXISTS (SELECT 1 FROM memberships s
                                  WHERE s.committee_id = m.committee_id AND s.person_id = ?))
                  AND NOT EXISTS (SELECT 1 FROM {TABLE} h
                                  WHERE h.meeting_id = m.id AND h.person_id = ?)
                ORDER BY m.date, m.rowid""",
            (from_meeting, day.isoformat(), *_WRITTEN, person_id, person_id, person_id),
        )
    ]


def named_later(conn: sqlite3.Connection, person_id: str, meeting_id: str, day: date) -> bool:
    """Whether a meeting dated after `day`, other than `meeting_id`, names the person: then
    a record of the meeting on `day` is history, and its details are that meeting's alone."""
    return (
        conn.execute(
            """SELECT 1 FROM meetings m WHERE m.id != ? AND m.date > ?
                 AND (EXISTS (SELECT 1 FROM meeting_people mp
                              WHERE mp.meeting_id = m.id AND mp.person_id = ?)
                      OR EXISTS (SELECT 1 FROM memberships s
                                 WHERE s.committee_id = m.committee_id AND s.person_id = ?))
               LIMIT 1""",
            (meeting_id, day.isoformat(), person_id, person_id),
        ).fetchone()
        is not None
    )


def _link(meeting_id: str, person_id: str, held: dict[str, str]) -> dict[str, Any]:
    """A held row as the journal keeps it."""
    return {"meeting_id": meeting_id, "person_id": person_id, "details": held}


def hold_before_change(
    store: Any,
    conn: sqlite3.Connection,
    person_id: str,
    old: Person | dict[str, Any],
    new: Person | dict[str, Any],
    from_meeting: str | None,
    day: date,
) -> list[str]:
    """Before `person_id`'s details change from `old` to `new` (made from `from_meeting`,
    dated `day`), in the change's transaction: the meetings it must not reach hold `old`;
    `from_meeting`, if it holds the person, takes `new`. The ids of the meetings held.
    `store` is the Store (its journal). Holding changes nothing any minutes say, so
    approved minutes are no bar to it."""
    if not differ(old, new):
        return []
    ids = meetings_to_hold(conn, person_id, from_meeting, day)
    was, text = details(old), held_text(old)
    before, store._changing_status = store._changing_status, True
    try:
        for meeting_id in ids:
            conn.execute(
                f"INSERT INTO {TABLE} (meeting_id, person_id, details) VALUES (?, ?, ?)",
                (meeting_id, person_id, text),
            )
            row = _link(meeting_id, person_id, was)
            store._journal(conn, meeting_id, TABLE, person_id, "insert", None, row)
    finally:
        store._changing_status = before
    if from_meeting is not None:
        mine = held_for(conn, from_meeting).get(person_id)
        if mine is not None and differ(mine, new):
            conn.execute(
                f"UPDATE {TABLE} SET details = ? WHERE meeting_id = ? AND person_id = ?",
                (held_text(new), from_meeting, person_id),
            )
            store._journal(
                conn,
                from_meeting,
                TABLE,
                person_id,
                "update",
                _link(from_meeting, person_id, mine),
                _link(from_meeting, person_id, details(new)),
            )
    return ids


def hold_for(
    store: Any, conn: sqlite3.Connection, meeting_id: str, person_id: str, held: Person
) -> None:
    """`meeting_id` holds `held`'s details of the person (a record of an earlier meeting
    imported, whose details are its own: approved ones too), in place of any it held."""
    conn.execute(
        f"INSERT INTO {TABLE} (meeting_id, person_id, details) VALUES (?, ?, ?) "
        "ON CONFLICT (meeting_id, person_id) DO UPDATE SET details = excluded.details",
        (meeting_id, person_id, held_text(held)),
    )
    row = _link(meeting_id, person_id, details(held))
    before, store._changing_status = store._changing_status, True
    try:
        store._journal(conn, meeting_id, TABLE, person_id, "insert", None, row)
    finally:
        store._changing_status = before


def apply_journalled(
    conn: sqlite3.Connection, op: str, before: dict | None, after: dict | None
) -> None:
    """One journalled change to a held row made again (undo, redo)."""
    row = after or before or {}
    key = (row.get("meeting_id"), row.get("person_id"))
    if op == "delete":
        conn.execute(f"DELETE FROM {TABLE} WHERE meeting_id = ? AND person_id = ?", key)
        return
    assert after is not None
    conn.execute(
        f"INSERT INTO {TABLE} (meeting_id, person_id, details) VALUES (?, ?, ?) "
        "ON CONFLICT (meeting_id, person_id) DO UPDATE SET details = excluded.details",
        (*key, held_text(after["details"])),
    )


def context_day(conn: sqlite3.Connection, meeting_id: str | None) -> date:
    """The date a change made from `meeting_id` is made on: the meeting's, else today."""
    if meeting_id is not None:
        row = conn.execute("SELECT date FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if row is not None:
            return date.fromisoformat(row[0])
    return date.today()
