"""The registers' rows, read without loading whole meetings (issue 13).

A register needs a few columns of a few tables: attendance counts seats, interests and open
actions list one row each with where it was made. Loading each meeting (every paragraph) or
decoding every column of five joined records cost 14 to 55 times the bare read of those rows
on ten years of meetings (benchmarks/bench_registers.py); these read only the columns the
register shows, decode each person once, and build plain tuples (clerk/register_rows.py).
Exempt (Part 2) matter is left out here, in SQL, unless asked for. The whole-record reads
these replaced are kept in tests/registers_before.py, the reference these rows are held to.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from clerk.record import (
    ActionStatus,
    AttendanceStatus,
    DeclarationAction,
    MeetingStatus,
    Membership,
    Part,
    Person,
)
from clerk.register_rows import (
    ActionRow,
    AttendanceRows,
    DeclarationRow,
    HeldMeeting,
    Seat,
)
from clerk.store.connection import StoreError
from clerk.store.rows import RowsMixin, _spec


def _people(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Person]:
    """These people by id, each decoded once (a handful of them name thousands of rows)."""
    spec = _spec(Person)
    rows = conn.execute(
        f"SELECT {spec.columns_sql} FROM people WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(ids))),),
    )
    people = {}
    for r in rows:
        person = spec.from_row(r)
        people[person.id] = person
    return people


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _days(texts: Iterable[str]) -> dict[str, date]:
    """Each date once: a meeting's rows share its date."""
    return {text: date.fromisoformat(text) for text in set(texts)}


T = TypeVar("T")

# Each column's text to its value by a dict: calling an enum's constructor for each of ten
# years of rows cost a fifth of reading them.
_ATTENDANCE = {s.value: s for s in AttendanceStatus}
_MEETING = {s.value: s for s in MeetingStatus}
_DID = {s.value: s for s in DeclarationAction}
_ACTION = {s.value: s for s in ActionStatus}


def _value(values: dict[str, T], text: str, column: str) -> T:
    try:
        return values[text]
    except KeyError:
        raise StoreError(
            f"The database holds a value clerk cannot read: {column} is {text!r}"
        ) from None


class RegistersMixin(RowsMixin):
    """The rows of the attendance, interests and open actions registers."""

    def attendance_rows(
        self, committee_id: str, first: date | None = None, last: date | None = None
    ) -> AttendanceRows:
        """The committee's meetings (between `first` and `last`, inclusive, when given),
        newest first as `committee_meetings` lists them, each with its attendance in the
        order saved; the committee's seats; and everyone either names."""
        span, params = "", [committee_id]
        if first is not None:
            span += " AND m.date >= ?"
            params.append(first.isoformat())
        if last is not None:
            span += " AND m.date <= ?"
            params.append(last.isoformat())
        with self._snapshot() as conn:
            # sorted here rather than by SQLite, which sorted them in a temporary b-tree
            rows = sorted(
                conn.execute(
                    "SELECT a.rowid, a.meeting_id, a.person_id, a.status, a.substitute_for "
                    "FROM attendance a JOIN meetings m ON m.id = a.meeting_id "
                    f"WHERE m.committee_id = ?{span}",
                    params,
                )
            )
            status_of = {
                t: _value(_ATTENDANCE, t, "attendance.status") for t in {r[3] for r in rows}
            }
            seats: dict[str, list[Seat]] = {}
            for _, meeting_id, person_id, status, substitute_for in rows:
                seats.setdefault(meeting_id, []).append(
                    Seat(person_id, status_of[status], substitute_for)
                )
            meetings = tuple(
                HeldMeeting(
                    date.fromisoformat(day),
                    _value(_MEETING, status, "meetings.status"),
                    tuple(seats.get(i, ())),
                )
                for i, day, status in conn.execute(
                    f"SELECT m.id, m.date, m.status FROM meetings m WHERE m.committee_id = ?{span} "
                    "ORDER BY m.date DESC, m.start_time DESC, m.rowid DESC",
                    params,
                )
            )
            memberships = tuple(self._select(conn, Membership, "committee_id = ?", (committee_id,)))
            named = {r[2] for r in rows} | {m.person_id for m in memberships}
            people = _people(conn, named)
        return AttendanceRows(meetings, memberships, people)

    def declaration_rows(
        self, person_ids: list[str] | None = None, *, exempt: bool = False
    ) -> list[DeclarationRow]:
        """Every declaration of interest (of these people), oldest meeting first, as the
        register shows it. Those on an exempt item only with `exempt`."""
        where, params = [], []
        if not exempt:
            where.append("(i.part IS NULL OR i.part != ?)")
            params.append(Part.EXEMPT.value)
        if person_ids is not None:
            where.append("d.person_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(person_ids))
        sql = f"""
            SELECT m.id, m.date, c.name, i.id, i.number, i.title, i.part, i.position,
                   d.person_id, d.kind, d.capacity, d.nature, d.action
            FROM declarations d
            JOIN meetings m ON m.id = d.meeting_id
            JOIN committees c ON c.id = m.committee_id
            JOIN people p ON p.id = d.person_id
            LEFT JOIN items i ON i.id = d.item_id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY m.date, m.start_time, m.rowid, i.position, d.position, d.rowid
        """
        exempt_part = Part.EXEMPT.value
        with self._snapshot() as conn:
            rows = conn.execute(sql, params).fetchall()
            people = _people(conn, (r[8] for r in rows))
        days = _days(r[1] for r in rows)
        return [
            DeclarationRow(
                meeting_id=r[0],
                date=days[r[1]],
                committee=r[2],
                item_id=r[3],
                item_number=r[4],
                item_title=r[5],
                item_exempt=r[6] == exempt_part,
                item_position=r[7],
                person=people[r[8]],
                kind=r[9],
                capacity=r[10],
                nature=r[11],
                action=_value(_DID, r[12], "declarations.action"),
            )
            for r in rows
        ]

    def open_action_rows(self, *, exempt: bool = False) -> list[ActionRow]:
        """Every action not completed, by committee, oldest meeting first, as the register
        shows it. Those on an exempt item only with `exempt`."""
        sql = f"""
            SELECT m.id, m.date, c.name, i.id, i.number, i.title, i.part,
                   a.text, a.lead, a.due, a.status
            FROM actions a
            JOIN meetings m ON m.id = a.meeting_id
            JOIN committees c ON c.id = m.committee_id
            JOIN items i ON i.id = a.item_id
            WHERE a.status != ? {"" if exempt else "AND i.part != ?"}
            ORDER BY c.name COLLATE NOCASE, m.date, m.rowid, i.position, a.position, a.rowid
        """
        params = [ActionStatus.COMPLETED.value] + ([] if exempt else [Part.EXEMPT.value])
        exempt_part = Part.EXEMPT.value
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        days = _days(r[1] for r in rows)
        return [
            ActionRow(
                meeting_id=r[0],
                date=days[r[1]],
                committee=r[2],
                item_id=r[3],
                item_number=r[4],
                item_title=r[5],
                item_exempt=r[6] == exempt_part,
                text=r[7],
                lead=r[8],
                due=_day(r[9]),
                status=_value(_ACTION, r[10], "actions.status"),
            )
            for r in rows
        ]
