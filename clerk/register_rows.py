"""What each register is made of, read without loading whole meetings: the store's
`RegistersMixin` fills these from the few columns each needs, and clerk/registers.py computes
the registers from them (or makes them from whole records, as the same register must come
of either). Plain tuples: ten years of rows are made and read once each.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from clerk.record import (
    ActionStatus,
    AttendanceStatus,
    DeclarationAction,
    MeetingStatus,
    Membership,
    Person,
)


class Seat(NamedTuple):
    """One attendance row of a meeting."""

    person_id: str
    status: AttendanceStatus
    substitute_for: str | None


class HeldMeeting(NamedTuple):
    """A meeting of the committee with its attendance, in the order it was saved."""

    date: dt.date
    status: MeetingStatus
    attendance: tuple[Seat, ...]


class AttendanceRows(NamedTuple):
    """A committee's meetings (newest first, as `committee_meetings` lists them), its seats
    over time (in the order saved) and everyone either names, by id."""

    meetings: tuple[HeldMeeting, ...]
    memberships: tuple[Membership, ...]
    people: dict[str, Person]


class DeclarationRow(NamedTuple):
    """A declaration of interest with where it was made. The item fields are None for a
    declaration on the meeting as a whole."""

    meeting_id: str
    date: dt.date
    committee: str
    item_id: str | None
    item_number: str | None
    item_title: str | None
    item_exempt: bool
    item_position: int | None
    person: Person
    kind: str
    capacity: str
    nature: str
    action: DeclarationAction


class ActionRow(NamedTuple):
    """An action with where it was agreed."""

    meeting_id: str
    date: dt.date
    committee: str
    item_id: str
    item_number: str
    item_title: str
    item_exempt: bool
    text: str
    lead: str
    due: dt.date | None
    status: ActionStatus
