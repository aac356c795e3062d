"""Whole meetings: saved and loaded as records, listed, found from what the clerk types
(an id, part of one, a date), and the action tracker's rows read across them. Committees
are here too: a meeting is found through its committee.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from clerk.errors import quoted
from clerk.record import (
    Action,
    AgendaItem,
    AttendanceStatus,
    Committee,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Membership,
    Person,
)
from clerk.store import held_people
from clerk.store.connection import AmbiguousMeeting, StoreError, UnknownMeeting
from clerk.store.held import held_committee, held_text
from clerk.store.rows import _RECORD_CHILDREN, RowsMixin, _q, _spec

_PRESENT = tuple(s.value for s in AttendanceStatus if s.counts_as_present)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


class MeetingsMixin(RowsMixin):
    """Whole meetings and committees."""

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
            held = False
            held_people_before: dict[str, dict[str, str]] = {}
            if existing is not None:
                if not replace:
                    raise StoreError(
                        f"Meeting {meeting.id} ({meeting.date.isoformat()}) is already in the "
                        "database; nothing was saved. Replace it explicitly to overwrite it."
                    )
                held = (
                    conn.execute(
                        "SELECT 1 FROM meeting_committees WHERE meeting_id = ?", (meeting.id,)
                    ).fetchone()
                    is not None
                )
                held_people_before = held_people.held_for(conn, meeting.id)
                conn.execute("DELETE FROM meetings WHERE id = ?", (meeting.id,))
            if not held:  # a meeting with its committee as held leaves the committee as it is now
                self._upsert_global(conn, meeting.id, record.committee)
            own = []  # (person, details this meeting alone holds)
            for person in record.people:
                person, mine = self._fit_person(conn, meeting, person, held_people_before)
                self._upsert_global(conn, meeting.id, person)
                if mine is not None:
                    own.append(mine)
            for membership in record.memberships:
                self._upsert_global(conn, meeting.id, membership)
            new = self._insert(conn, None, meeting)
            for person in own:
                held_people.hold_for(self, conn, meeting.id, person.id, person)
            if held:
                conn.execute(
                    "INSERT INTO meeting_committees (meeting_id, committee) VALUES (?, ?)",
                    (meeting.id, held_text(record.committee)),
                )
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

    def _fit_person(
        self,
        conn: sqlite3.Connection,
        meeting: Meeting,
        person: Person,
        held_before: dict[str, dict[str, str]],
    ) -> tuple[Person, Person | None]:
        """A person of a meeting being saved whose details differ from those stored: when a
        later meeting names them (or this one held them before it was replaced), the record
        is history and its details are this meeting's alone (returned second, to hold), the
        stored ones staying; otherwise they are the person's from this meeting on, and the
        meetings the change must not reach hold them as they were (clerk.store.held_people)."""
        spec = _spec(Person)
        current = self._fetch(conn, spec, person.id)
        if current is None:
            return person, None
        stored = spec.from_row(current[1:])
        if not held_people.differ(stored, person):
            return person, None
        if person.id in held_before or held_people.named_later(
            conn, person.id, meeting.id, meeting.date
        ):
            kept = {f: getattr(stored, f) for f in held_people.HELD_DETAILS}
            return dataclasses.replace(person, **kept), person
        held_people.hold_before_change(
            self, conn, person.id, stored, person, meeting.id, meeting.date
        )
        return person, None

    def details_are_its_own(self, person_id: str, meeting_id: str, day: date) -> bool:
        """Whether a person's details in a record of the meeting on `day` would be that
        meeting's alone, the stored ones staying (see `_fit_person`): a later meeting names
        them, or the meeting, already stored, holds them."""
        with self._read() as conn:
            return person_id in held_people.held_for(conn, meeting_id) or held_people.named_later(
                conn, person_id, meeting_id, day
            )

    def load_record(self, meeting_id: str) -> MeetingRecord:
        """The whole meeting, its lists in the order they were saved and added (as they
        stood at one moment, whatever other processes commit meanwhile)."""
        with self._snapshot() as conn:
            meeting = self._meeting(conn, meeting_id)
            committee = self._select(conn, Committee, "id = ?", (meeting.committee_id,))[0]
            committee = held_committee(conn, meeting_id, committee)
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
            held = held_people.held_for(conn, meeting_id)
            if held:  # the people as this meeting had them, where a change since would differ
                people = [held_people.as_held(p, held.get(p.id)) for p in people]
        return MeetingRecord(
            committee=committee,
            meeting=meeting,
            people=people,
            memberships=memberships,
            **children,
        )

    def meeting(self, meeting_id: str) -> Meeting:
        with self._read() as conn:
            return self._meeting(conn, meeting_id)

    def list_meetings(
        self, *, limit: int | None = None, committee: str | None = None, offset: int = 0
    ) -> list[MeetingSummary]:
        """Meetings newest first (from the `offset`-th: the picker reads a page at a time);
        `committee` keeps those whose committee's name contains it (ignoring case). Item and
        attendance counts are worked out for the rows returned only."""
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
                    LIMIT ? OFFSET ?
                )
                SELECT page.id, page.committee_id, c.name, page.date, page.start_time,
                       page.venue, page.status,
                       (SELECT count(*) FROM items i WHERE i.meeting_id = page.id),
                       (SELECT count(*) FROM attendance a
                        WHERE a.meeting_id = page.id AND a.status IN ({present}))
                FROM page JOIN committees c ON c.id = page.committee_id
                ORDER BY page.date DESC, page.start_time DESC, page.r DESC
            """
            rows = conn.execute(sql, (*params, -1 if limit is None else limit, offset, *_PRESENT))
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

    def count_meetings(self) -> int:
        with self._read() as conn:
            return conn.execute("SELECT count(*) FROM meetings").fetchone()[0]

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
            of_committee = f" of a committee matching {quoted(committee)}" if committee else ""
            if where is None:
                names = ", ".join(repr(c.name) for c in self._committees(conn)) or "none yet"
                raise UnknownMeeting(
                    f"No committee's name contains {quoted(committee)}. Committees: {names}."
                )
            and_ = " AND " if where else " WHERE "
            if _DATE.match(ref):
                try:
                    date.fromisoformat(ref)
                except ValueError:
                    raise UnknownMeeting(f"{quoted(ref)} is not a real date.") from None
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
                    f"{quoted(ref)} is too short to name a meeting: give at least 4 characters "
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
                    f"No meeting{of_committee} has an id starting {quoted(ref)}. "
                    "`clerk meetings` shows the meetings and their ids."
                )
            if len(ids) > 1:
                raise AmbiguousMeeting(
                    f"{len(ids)} meetings have ids starting {quoted(ref)}: "
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

    # ----------------------------------------------------------------------- committees

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

    # ----------------------------------------------------------------------- read across meetings

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
