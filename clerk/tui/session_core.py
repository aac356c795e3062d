"""What every part of the live session stands on: the store, the meeting's record held in
memory, the clock, and rows added, changed and deleted through the store so that the record
always holds what the store returned. Undo steps group changes (`action`, `typing`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from clerk import dates
from clerk.record import (
    Action,
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingRecord,
    Membership,
    MinuteParagraph,
    Person,
    Resolution,
    Vote,
)

if TYPE_CHECKING:
    from clerk.minutes.style import HouseStyle
    from clerk.store import Store

Clock = Callable[[], datetime]


def clock_time(moment: time | None) -> str:
    """The house form of a time: 7.05 pm."""
    return "" if moment is None else dates.clock_time(moment)


def is_pecuniary(kind: str) -> bool:
    return "pecuniary" in kind.casefold() and "non-pecuniary" not in kind.casefold()


#: Where each kind of row lives in a MeetingRecord.
_LISTS: dict[type, str] = {
    Person: "people",
    Membership: "memberships",
    AgendaItem: "items",
    Attendance: "attendance",
    Declaration: "declarations",
    MinuteParagraph: "paragraphs",
    Resolution: "resolutions",
    Vote: "votes",
    Action: "actions",
}


class SessionCore:
    """The store, the meeting's record and the clock; rows written through."""

    def __init__(self, store: Store, meeting_id: str, clock: Clock = datetime.now) -> None:
        self.store = store
        self.clock = clock
        self.record: MeetingRecord = store.load_record(meeting_id)
        self._style: HouseStyle | None = None
        # a commit every few keys: no key press may wait for a WAL checkpoint
        store.checkpoint_in_background()

    # ------------------------------------------------------------------ basics

    @property
    def meeting(self) -> Meeting:
        return self.record.meeting

    @property
    def read_only(self) -> bool:
        """The database may not be written (app.store.read_only says why)."""
        return bool(getattr(self.store, "read_only", None))

    @property
    def meeting_id(self) -> str:
        return self.record.meeting.id

    def now(self) -> time:
        return self.clock().time().replace(second=0, microsecond=0)

    def _add(self, row: Any) -> Any:
        saved = self.store.add(self.meeting_id, row)
        if saved is None:  # a store that returns nothing keeps the row as given
            saved = row
        getattr(self.record, _LISTS[type(saved)]).append(saved)
        return saved

    def _update(self, row: Any, **changes: Any) -> Any:
        saved = self.store.update(row, **changes)
        if saved is None:
            saved = replace(row, **changes)
        rows = getattr(self.record, _LISTS[type(saved)])
        for index, old in enumerate(rows):
            if old.id == saved.id:
                rows[index] = saved
                break
        return saved

    def _delete(self, row: Any) -> None:
        self.store.delete(row)
        rows = getattr(self.record, _LISTS[type(row)])
        rows[:] = [r for r in rows if r.id != row.id]

    # ------------------------------------------------------------------ undo

    @contextmanager
    def action(self, label: str) -> Iterator[str]:
        """One thing the clerk did: its changes are committed together (all or none) and
        undone together by Ctrl+Z. Inside another action, they join it."""
        with self.store.step(self.meeting_id, label) as step_id, self.store.batch():
            yield step_id

    @contextmanager
    def typing(self, label: str, step_id: str) -> Iterator[str]:
        """Saves of one entry being typed: each is its own transaction (they come as the
        clerk types), all one step for undo, so Ctrl+Z takes the whole entry back."""
        with self.store.step(self.meeting_id, label, step_id) as step:
            yield step

    def update_meeting(self, **changes: Any) -> Meeting:
        saved = self.store.update_meeting(self.meeting_id, **changes)
        self.record.meeting = saved if saved is not None else replace(self.meeting, **changes)
        return self.record.meeting
