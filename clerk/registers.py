"""The registers a council publishes across meetings: attendance, interests declared, and
actions still open. Pure computation over the light rows the store reads for each
(clerk/register_rows.py: the few columns a register shows, issue 13). Each register is a
title, a header and rows of text, which `write_csv` writes as a spreadsheet and
`register_document` turns into a Minutes document for the text and .docx renderers.

Exempt (Part 2) matter is left out by the store unless asked for; a register made with it
says so in its title and marks each exempt row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TextIO

from clerk import dates
from clerk.errors import ClerkError
from clerk.minutes.document import Heading, MinutesDocument, Paragraph, Table, plain
from clerk.record import (
    ActionStatus,
    AttendanceStatus,
    Committee,
    DeclarationAction,
    MeetingStatus,
    Person,
)
from clerk.register_rows import (
    ActionRow,
    AttendanceRows,
    DeclarationRow,
)

#: Meetings that were held: the ones a member was expected at.
HELD = frozenset(
    {
        MeetingStatus.IN_PROGRESS,
        MeetingStatus.ADJOURNED,
        MeetingStatus.ENDED,
        MeetingStatus.APPROVED,
        MeetingStatus.CONFIRMED,
    }
)
MUNICIPAL_YEAR_START_MONTH = 5  # the Annual Council meeting in May, as the tracker counts

DID = {
    DeclarationAction.LEFT_ROOM: "left the room and took no part",
    DeclarationAction.DID_NOT_VOTE: "remained but did not vote",
    DeclarationAction.REMAINED: "remained and took part",
    DeclarationAction.DISPENSATION: "took part under a dispensation",
    DeclarationAction.NOT_STATED: "not stated",
}
STATUS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.COMPLETED: "Completed",
}
EXEMPT_MARK = "EXEMPT"

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_YEAR = re.compile(r"^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$")


@dataclass(frozen=True)
class Register:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = field(default_factory=tuple)  # printed under the title
    #: where each row is in the minutes, (meeting id, item id or None), so that a screen can
    #: open the meeting there; never written out. Empty when the rows are people (attendance).
    places: tuple[tuple[str, str | None], ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- municipal years


@dataclass(frozen=True)
class MunicipalYear:
    start: int  # 2019 for 2019/20

    @property
    def first_day(self) -> date:
        return date(self.start, MUNICIPAL_YEAR_START_MONTH, 1)

    @property
    def last_day(self) -> date:
        return date(self.start + 1, MUNICIPAL_YEAR_START_MONTH, 1) - timedelta(days=1)

    def __contains__(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.start}/{(self.start + 1) % 100:02d}"


def parse_year(text: str) -> MunicipalYear:
    """ "2019/20" (or "2019-20", "2019/2020", "2019") as the municipal year May 2019 to
    April 2020; a clear error otherwise."""
    m = _YEAR.match(text.strip())
    if not m:
        raise ClerkError(
            f"{text!r} is not a municipal year: give it as 2019/20 (May 2019 to April 2020)."
        )
    start, end = int(m.group(1)), m.group(2)
    if end and int(end) != ((start + 1) if len(end) == 4 else (start + 1) % 100):
        raise ClerkError(
            f"{text!r} is not a municipal year: the second year must follow the first "
            f"({start}/{(start + 1) % 100:02d})."
        )
    return MunicipalYear(start)


# --------------------------------------------------------------------------- attendance


@dataclass
class _Tally:
    person: Person
    expected: int = 0
    present: int = 0
    apologies: int = 0
    absent: int = 0
    substituted: int = 0  # a substitute or deputy sat in their place
    as_substitute: int = 0  # they sat in another member's place


ATTENDANCE_HEADER = (
    "Member",
    "Expected",
    "Present",
    "Apologies",
    "Absent",
    "Substituted",
    "As substitute",
    "Attendance",
)


def meetings_held(count: int) -> str:
    """ "1 meeting held.", "3 meetings held." """
    return f"{count} meeting held." if count == 1 else f"{count} meetings held."


def attendance_from_rows(
    committee: Committee, rows: AttendanceRows, year: MunicipalYear | None = None
) -> Register:
    """Each member's attendance at the committee's meetings (of `year`), as councils
    publish it: meetings they were expected at (a member on the day), present, apologies
    sent, absent without apologies, how often a substitute sat in their place, how often
    they sat as a substitute for another, and the share of expected meetings attended."""
    held = sorted(
        (m for m in rows.meetings if m.status in HELD and (year is None or m.date in year)),
        key=lambda m: m.date,
    )
    seats = [m for m in rows.memberships if m.committee_id == committee.id]
    person = rows.people.__getitem__
    tallies: dict[str, _Tally] = {}
    for meeting in held:
        replaced = {
            a.substitute_for: a
            for a in meeting.attendance
            if a.status in (AttendanceStatus.SUBSTITUTE, AttendanceStatus.DEPUTY)
            and a.substitute_for
        }
        first: dict[str, AttendanceStatus] = {}
        for a in meeting.attendance:
            first.setdefault(a.person_id, a.status)
        for seat in seats:
            if not seat.current_on(meeting.date):
                continue
            tally = tallies.setdefault(seat.person_id, _Tally(person(seat.person_id)))
            tally.expected += 1
            status = first.get(seat.person_id, AttendanceStatus.ABSENT)
            if status.counts_as_present:
                tally.present += 1
            elif status is AttendanceStatus.APOLOGIES:
                tally.apologies += 1
            else:
                tally.absent += 1
            if seat.person_id in replaced:
                tally.substituted += 1
        for attendance in replaced.values():
            tallies.setdefault(
                attendance.person_id, _Tally(person(attendance.person_id))
            ).as_substitute += 1
    out = []
    for tally in sorted(tallies.values(), key=lambda t: t.person.sort_key):
        share = f"{round(100 * tally.present / tally.expected)}%" if tally.expected else ""
        out.append(
            (
                tally.person.name,
                str(tally.expected),
                str(tally.present),
                str(tally.apologies),
                str(tally.absent),
                str(tally.substituted),
                str(tally.as_substitute),
                share,
            )
        )
    if year is not None:
        span = f"municipal year {year}"
    elif held:
        opened, closed = dates.short_date(held[0].date), dates.short_date(held[-1].date)
        span = opened if opened == closed else f"{opened} to {closed}"
    else:
        span = "no meetings held"
    notes = (meetings_held(len(held)),)
    return Register(
        title=f"{committee.name}: attendance, {span}",
        header=ATTENDANCE_HEADER,
        rows=tuple(out),
        notes=notes,
    )


# --------------------------------------------------------------------------- interests

INTERESTS_HEADER = ("Member", "Date", "Committee", "Item", "Kind", "Interest", "What they did")


def interests_from_rows(
    declarations: Iterable[DeclarationRow], *, person: str = "", exempt: bool = False
) -> Register:
    """Every declaration of interest, by member (then by meeting), with the meeting, the
    item, the kind of interest, the interest itself and what the member did. Rows on an
    exempt item (present only if the store was asked for them) are marked."""
    rows, places = [], []
    ordered = sorted(
        declarations,
        key=lambda d: (
            d.person.sort_key,
            d.date,
            -1 if d.item_position is None else d.item_position,
        ),
    )
    for d in ordered:
        interest = "; ".join(x for x in (d.capacity, d.nature) if x.strip())
        if d.item_id is None:
            where = "all items"
        else:
            where = f"{d.item_number}. {d.item_title}"
            if d.item_exempt:
                where += f" ({EXEMPT_MARK})"
        rows.append(
            (
                d.person.name,
                d.date.isoformat(),
                d.committee,
                where,
                d.kind,
                interest,
                DID.get(d.action, str(d.action)),
            )
        )
        places.append((d.meeting_id, d.item_id))
    title = "Register of interests declared at meetings"
    if person:
        title += f": {person}"
    if exempt:
        title += f" (including {EXEMPT_MARK} items: not for publication)"
    return Register(title=title, header=INTERESTS_HEADER, rows=tuple(rows), places=tuple(places))


# --------------------------------------------------------------------------- actions

ACTIONS_HEADER = ("Committee", "Date", "Item", "Action", "Lead", "Due", "Status")


def open_actions_from_rows(actions: Iterable[ActionRow], *, exempt: bool = False) -> Register:
    """Every action not yet completed, across committees, oldest first within each."""
    rows, places = [], []
    for a in actions:
        if a.status is ActionStatus.COMPLETED:
            continue
        where = f"{a.item_number}. {a.item_title}"
        if a.item_exempt:
            where += f" ({EXEMPT_MARK})"
        rows.append(
            (
                a.committee,
                a.date.isoformat(),
                where,
                a.text,
                a.lead,
                a.due.isoformat() if a.due else "",
                STATUS.get(a.status, str(a.status)),
            )
        )
        places.append((a.meeting_id, a.item_id))
    title = "Open actions, all committees"
    if exempt:
        title += f" (including {EXEMPT_MARK} items: not for publication)"
    return Register(title=title, header=ACTIONS_HEADER, rows=tuple(rows), places=tuple(places))


# --------------------------------------------------------------------------- writing


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting = + - @ tab or CR gets a leading '."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(register: Register, handle: TextIO) -> None:
    writer = csv.writer(handle)
    writer.writerow(register.header)
    for row in register.rows:
        writer.writerow([safe_cell(cell) for cell in row])


def register_document(register: Register) -> MinutesDocument:
    """The register as a document the text, markdown and .docx renderers write."""
    blocks: list[Heading | Paragraph | Table] = [Heading(register.title, 2)]
    blocks += [Paragraph(plain(note)) for note in register.notes]
    if register.rows:
        blocks.append(Table(header=register.header, rows=register.rows))
    else:
        blocks.append(Paragraph(plain("Nothing to list.")))
    return MinutesDocument(
        blocks=tuple(blocks),
        title=register.title,
        running_header=register.title,
        draft=False,
        confidential=EXEMPT_MARK in register.title,
    )
