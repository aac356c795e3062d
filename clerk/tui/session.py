"""The live meeting as the screens see it: one record in memory, every change written through.

No Textual here: the screens call these methods and redraw from `session.record`. Each method
is one store call (one short transaction) whose return value replaces the in-memory row, so
the record is loaded once and never re-read while the meeting runs.

The session stands on `session_core` (the store, the record, rows written through) and takes
its attendance from `session_attendance`.

Why one module (about 600 lines): what stays is one facade the screens hold — the agenda,
the entries of the minutes, undo, and what the minutes will say — each method a few lines
over the same record; split further, one meeting's rules would scatter over modules that
import each other.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING, Any

from clerk import dates
from clerk.dates import parse_date, parse_time  # the screens' forms read what clerk reads
from clerk.minutes import phrases
from clerk.minutes.document import Block, Paragraph, Resolved
from clerk.record import (
    Action,
    Adjournment,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    DeclarationAction,
    ItemOutcome,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Part,
    Person,
    Resolution,
    Vote,
)
from clerk.standing import Standing, standing_item
from clerk.tui.session_attendance import AttendanceMixin
from clerk.tui.session_core import _LISTS, Clock, clock_time

if TYPE_CHECKING:
    from clerk.minutes.compose import Composer as MinutesComposer
    from clerk.minutes.style import HouseStyle
    from clerk.store import Step


#: The table a row's source names in the Minutes document ("paragraphs:…").
_TABLES_OF: dict[type, str] = {
    MinuteParagraph: "paragraphs",
    Resolution: "resolutions",
    Declaration: "declarations",
    Vote: "votes",
    Action: "actions",
    Attendance: "attendance",
}

_DONE = (ItemOutcome.RESOLVED, ItemOutcome.NOTED)

#: House phrases, one key away in the paragraph editor (HOUSE_STYLE.md section 3a).
PHRASES: dict[str, str] = {
    "overview": "introduced the report, which provided an overview of",
    "noted": "The Committee noted",
    "concern": "Concern was expressed that",
    "suggested": "It was suggested that",
    "informed": "The Committee was informed that",
    "requested": "The Committee requested",
}


def long_date(day: date) -> str:
    """17 June 2019."""
    return dates.long_date(day, dates.DAY_MONTH_YEAR)


_join = phrases.join_names  # "A, B and C": the house joins every list in prose one way


def person_label(person: Person, role: str = "") -> str:
    """A person as the minutes name them: Nicky Crouch (Interim Director of Family Services)."""
    name = f"Councillor {person.name}" if person.is_councillor else person.name
    role = role or person.role or person.organisation
    return f"{name} ({role})" if role else name


def minutes_item(record: MeetingRecord) -> AgendaItem | None:
    return standing_item(record, Standing.MINUTES)


def declarations_item(record: MeetingRecord) -> AgendaItem | None:
    return standing_item(record, Standing.DECLARATIONS)


class LiveSession(AttendanceMixin):
    """The meeting being recorded: a store, the meeting's record, a clock."""

    def undo_stacks(self) -> tuple[list[Step], list[Step]]:
        """(steps that can be undone, steps that can be redone), the next one last."""
        done: list[Step] = []
        undone: list[Step] = []
        by_id: dict[str, Step] = {}
        for step in self.store.steps(self.meeting_id, role=self.store.role):
            by_id[step.id] = step
            if step.kind == "do":
                done.append(step)
                undone.clear()
            elif step.kind == "undo" and done and done[-1].id == step.target:
                undone.append(done.pop())
            elif step.kind == "redo" and undone and undone[-1].id == step.target:
                done.append(undone.pop())
        return done, undone

    def undo(self) -> str | None:
        """Undo the clerk's last step on this meeting; what was undone, or None."""
        done, _ = self.undo_stacks()
        if not done:
            return None
        self.store.replay(self.meeting_id, done[-1], backward=True)
        self.reload()
        return done[-1].label

    def redo(self) -> str | None:
        """Do again the step last undone (if nothing was done since); what, or None."""
        _, undone = self.undo_stacks()
        if not undone:
            return None
        self.store.replay(self.meeting_id, undone[-1], backward=False)
        self.reload()
        return undone[-1].label

    def reload(self) -> None:
        self.record = self.store.load_record(self.meeting_id)

    # ------------------------------------------------------------------ what the minutes say

    @property
    def style(self) -> HouseStyle:
        """The house style the meeting's minutes are written in (the committee's)."""
        if self._style is None:
            from clerk.minutes.style import HouseStyle, load_style

            name = self.record.committee.style or "westminster"
            if name == "westminster":
                # the built-in file spells out the defaults (a test holds them equal): no
                # TOML to read while the meeting opens
                self._style = HouseStyle()
                return self._style
            try:
                self._style = load_style(name)
            except Exception:  # an unknown style: the screen still shows the house default
                self._style = HouseStyle()
        return self._style

    def minutes_composer(self, record: MeetingRecord | None = None) -> MinutesComposer:
        """The minutes' composer, in the meeting's house style: every sentence the record
        turns into comes from it."""
        from clerk.minutes.compose import Composer

        return Composer(record or self.record, self.style)

    def item_minute(self, item: AgendaItem, record: MeetingRecord | None = None) -> list[Block]:
        """The item's minute exactly as the minutes will write it (the exempt minute in
        full, for an exempt item): heading, numbered paragraphs, RESOLVED."""
        return self.minutes_composer(record).item_blocks(item)

    def vote_sentence(self, vote: Vote) -> str:
        """What the minutes will say of a vote."""
        return self.minutes_composer().vote_sentence(vote)

    def declaration_sentence(self, answer: Any) -> str:
        """What the minutes will say of a declaration as the dialog holds it (a
        DeclarationInput: person, item id, kind, nature, action)."""
        declaration = Declaration(
            person_id=answer.person.id,
            item_id=answer.item_id,
            kind=answer.kind,
            nature=answer.nature,
            action=answer.action,
        )
        record = self.record
        if all(p.id != answer.person.id for p in record.people):
            record = replace(record, people=[*record.people, answer.person])
        return self.minutes_composer(record).declaration_sentence(declaration, public=True)

    def next_paragraph_number(self, item: AgendaItem) -> str:
        """The number the minutes will give a paragraph begun now under the item."""
        probe = MinuteParagraph(
            item_id=item.id,
            text="…",
            position=self._next_position(self.record.paragraphs_for(item.id)),
            id="(next)",
        )
        record = replace(self.record, paragraphs=[*self.record.paragraphs, probe])
        return self.minute_number(item, probe, record) or f"{item.number}.?"

    def minute_number(self, item: AgendaItem, row: Any, record: MeetingRecord | None = None) -> str:
        """A paragraph's number in the minutes ("4.3"), or a resolution's label within its
        RESOLVED block ("(2)", "" for the only one); "" if the minutes do not show it."""
        source = f"{_TABLES_OF[type(row)]}:{row.id}"
        for block in self.item_minute(item, record):
            if isinstance(block, Paragraph) and block.source == source:
                return block.number
            if isinstance(block, Resolved) and source in block.sources:
                label = block.resolutions[block.sources.index(source)][0]
                return label or (block.number if len(block.resolutions) == 1 else "")
        return ""

    def attendance_item(self) -> AgendaItem | None:
        """The item under which the roll call is taken: Membership (or Apologies), else the
        first item."""
        agenda = self.record.agenda()
        return standing_item(self.record, Standing.MEMBERSHIP) or (agenda[0] if agenda else None)

    def attendance_summary(self) -> str:
        """Who is recorded as attending, as the minutes' heading will list them."""
        if not self.record.attendance:
            return "Roll call not taken yet: F4"
        blocks = self.minutes_composer().attendance_block()
        lines = ["".join(r.text for r in b.runs) for b in blocks if isinstance(b, Paragraph)]
        absent = [
            self.record.person(a.person_id).name
            for a in self.record.attendance
            if a.status is AttendanceStatus.ABSENT
        ]
        if absent:
            lines.append(f"Absent: {phrases.join_names(absent)}")
        return "\n".join(lines)

    def done_items(self) -> set[str]:
        """Items with something decided: a resolution recorded, or marked resolved or noted."""
        done = {i.id for i in self.record.items if i.outcome in _DONE}
        done.update(
            r.item_id for r in self.record.resolutions if r.text.strip() not in ("", "That")
        )
        return done

    def describe(self, row: Any) -> str:
        """An entry as the clerk would name it: "paragraph 4.3", "RESOLVED 2) under item 5"."""
        try:
            item = self.record.item(row.item_id) if getattr(row, "item_id", None) else None
        except KeyError:
            item = None
        where = f" under item {item.number}" if item else ""
        if isinstance(row, MinuteParagraph):
            number = self.minute_number(item, row) if item else ""
            return f"paragraph {number}" if number else f"a paragraph{where}"
        if isinstance(row, Resolution):
            label = self.minute_number(item, row) if item else ""
            return f"RESOLVED {label}{where}".replace("  ", " ") if label else f"RESOLVED{where}"
        if isinstance(row, Declaration):
            return f"declaration by {self.record.person(row.person_id).name}"
        if isinstance(row, Vote):
            return f"vote{where}"
        if isinstance(row, Action):
            return f"action{where}"
        return type(row).__name__.lower()

    def refresh_row(self, row: Any) -> Any:
        """The current in-memory copy of a row (rows handed out earlier may be stale)."""
        rows = getattr(self.record, _LISTS[type(row)])
        return next((r for r in rows if r.id == row.id), None)

    # ------------------------------------------------------------------ meeting life

    def begin(self) -> None:
        """Opening a scheduled meeting starts it and records when it began (editable later);
        a read-only database is only read."""
        if self.meeting.status is MeetingStatus.SCHEDULED and not self.read_only:
            self.update_meeting(status=MeetingStatus.IN_PROGRESS, start_time=self.began_at())
        if self.current_item() is None and self.record.items:
            self.move_to(self.record.agenda()[0].id)

    def began_at(self) -> time | None:
        """When a meeting opened now began. The agenda's time is when it was called for and
        the minutes record when it began: now, if that is later (a late start). A clerk who
        opens the screen early to set up, or on another day (recording from notes
        afterwards, a rehearsal), keeps the agenda's time."""
        called = self.meeting.start_time
        moment = self.clock()
        if called is None:
            return self.now()
        if moment.date() != self.meeting.date or moment.time() < called:
            return called
        return self.now()

    def set_start(self, moment: time) -> None:
        with self.action(f"start time {clock_time(moment)}"):
            self.update_meeting(start_time=moment)

    def end(self, moment: time) -> None:
        # a draft already with the chair stays with the chair when its end time is corrected
        status = MeetingStatus.SENT if self.meeting.status is MeetingStatus.SENT else None
        with self.action(f"meeting ended at {clock_time(moment)}"):
            self.close_adjournment(moment)
            self.update_meeting(end_time=moment, status=status or MeetingStatus.ENDED)

    def backup(self) -> str:
        """A dated backup of the database beside it (a meeting closed, clerk quitting): a
        sentence saying where, or why there is none. Never raises: the meeting stands."""
        from clerk.errors import ClerkError
        from clerk.store.backup import take_backup

        if self.read_only:
            return "The database is read-only: no backup was taken."
        try:
            return f"Backed up to {take_backup(self.store)}"
        except ClerkError as exc:
            return f"No backup was taken: {exc}"

    def reopen(self) -> None:
        with self.action("meeting reopened"):
            self.update_meeting(status=MeetingStatus.IN_PROGRESS, end_time=None)

    def adjourn(self, moment: time, reason: str = "") -> None:
        item = self.current_item()
        adjournments = [*self.meeting.adjournments]
        adjournments.append(
            Adjournment(start=moment, item_id=item.id if item else None, reason=reason)
        )
        with self.action(f"adjourned at {clock_time(moment)}"):
            self.update_meeting(adjournments=adjournments)

    def open_adjournment(self) -> Adjournment | None:
        return next((a for a in self.meeting.adjournments if a.end is None), None)

    def close_adjournment(self, moment: time) -> None:
        if self.open_adjournment() is None:
            return
        adjournments = [
            replace(a, end=moment) if a.end is None else a for a in self.meeting.adjournments
        ]
        with self.action(f"resumed at {clock_time(moment)}"):
            self.update_meeting(adjournments=adjournments)

    # ------------------------------------------------------------------ agenda

    def current_item(self) -> AgendaItem | None:
        item_id = self.meeting.current_item_id
        if item_id is None:
            return None
        return next((i for i in self.record.items if i.id == item_id), None)

    def move_to(self, item_id: str) -> AgendaItem:
        """Take an item: it becomes current, and the next in the order taken if not taken yet."""
        item = self.record.item(item_id)
        if self.read_only:  # the clerk reads item by item; where they are is not kept
            self.record.meeting = replace(self.meeting, current_item_id=item.id)
            return item
        if self.meeting.status.minutes_approved:
            # read-only minutes: only the screen's place moves (the store lets that through)
            if self.meeting.current_item_id != item.id:
                self.update_meeting(current_item_id=item.id)
            return item
        if item.taken_order is None:
            taken = [i.taken_order for i in self.record.items if i.taken_order is not None]
            item = self._update(item, taken_order=max(taken, default=0) + 1)
        if self.meeting.current_item_id != item.id:
            self.update_meeting(current_item_id=item.id)
        if item.is_exempt:
            self.ensure_exclusion(item)
        return item

    def show(self, item_id: str) -> AgendaItem:
        """Make an item current to look at it (a search found it there): unlike `move_to`
        it is not taken, so looking records nothing of the meeting's order."""
        item = self.record.item(item_id)
        if self.meeting.current_item_id != item.id:
            self.update_meeting(current_item_id=item.id)
        return item

    def step(self, delta: int) -> AgendaItem | None:
        agenda = self.record.agenda()
        if not agenda:
            return None
        current = self.current_item()
        index = agenda.index(current) if current in agenda else -1
        target = max(0, min(len(agenda) - 1, index + delta))
        return self.move_to(agenda[target].id)

    def set_outcome(self, item: AgendaItem, outcome: ItemOutcome | None) -> AgendaItem:
        word = outcome.value if outcome else "not yet decided"
        with self.action(f"item {item.number} {word}"):
            return self._update(self.record.item(item.id), outcome=outcome)

    def add_urgent_item(self, title: str) -> AgendaItem:
        """An urgent item added on the day, after the current item: numbered 4A, 4B…"""
        current = self.current_item() or self.record.agenda()[-1]
        numbers = {i.number for i in self.record.items}
        base = current.number.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        letter = next(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if f"{base}{c}" not in numbers)
        position = current.position + 1
        with self.action(f"urgent item {base}{letter}"):
            for other in sorted(self.record.items, key=lambda i: -i.position):
                if other.position >= position:
                    self._update(other, position=other.position + 1)
            return self._add(
                AgendaItem(
                    number=f"{base}{letter}",
                    title=title.upper(),
                    position=position,
                    urgent=True,
                    part=current.part,
                    part_heading=current.part_heading,
                )
            )

    def ensure_exclusion(self, item: AgendaItem) -> Resolution | None:
        """Moving into an exempt item records the exclusion of the press and public (in the
        words the minutes use), once for a run of exempt items taken together."""
        from clerk.minutes.compose import EXCLUDED, exclusion_resolution, exempt_run

        def excludes(row: Resolution) -> bool:
            return EXCLUDED in row.text

        if any(excludes(r) for r in self.record.resolutions_for(item.id)):
            return None
        previous = [i for i in self.record.agenda() if i.position < item.position]
        if previous and previous[-1].is_exempt:
            return None  # the item before excluded them already (or will, when taken)
        existing = self.record.resolutions_for(item.id)
        for row in existing:
            self._update(row, position=row.position + 1)
        text = exclusion_resolution(exempt_run(self.record, item))
        return self._add(Resolution(item_id=item.id, text=text, position=0))

    # ------------------------------------------------------------------ declarations

    def declare(
        self,
        person_id: str,
        item_id: str | None,
        kind: str,
        nature: str = "",
        action: DeclarationAction = DeclarationAction.REMAINED,
        capacity: str = "",
    ) -> Declaration:
        position = len(self.record.declarations)
        name = self.record.person(person_id).name
        with self.action(f"declaration by {name}"):
            return self._add(
                Declaration(
                    person_id=person_id,
                    item_id=item_id,
                    kind=kind,
                    nature=nature,
                    capacity=capacity,
                    action=action,
                    declared_at=self.now(),
                    position=position,
                )
            )

    def no_declarations(self) -> AgendaItem | None:
        item = declarations_item(self.record)
        if item is not None:
            with self.action("no declarations of interest"):
                return self.set_outcome(item, ItemOutcome.NOTED)
        return None

    # ------------------------------------------------------------------ prose

    def _next_position(self, rows: list[Any]) -> int:
        return max((r.position for r in rows), default=-1) + 1

    def add_paragraph(self, item_id: str, text: str = "") -> MinuteParagraph:
        position = self._next_position(self.record.paragraphs_for(item_id))
        return self._add(MinuteParagraph(item_id=item_id, text=text, position=position))

    def add_resolution(self, item_id: str, text: str = "That ") -> Resolution:
        position = self._next_position(self.record.resolutions_for(item_id))
        return self._add(Resolution(item_id=item_id, text=text, position=position))

    def set_text(self, row: Any, text: str) -> Any:
        current = self.refresh_row(row)
        if current is None:
            return None
        if current.text == text:
            return current
        return self._update(current, text=text)

    def delete(self, row: Any) -> None:
        current = self.refresh_row(row)
        if current is not None:
            with self.action(f"{self.describe(current)} deleted"):
                self._delete(current)

    def move(self, row: Any, delta: int) -> None:
        """Swap a paragraph, resolution or action with its neighbour."""
        row = self.refresh_row(row)
        if row is None:
            return
        siblings = sorted(
            (r for r in getattr(self.record, _LISTS[type(row)]) if r.item_id == row.item_id),
            key=lambda r: r.position,
        )
        index = next(i for i, r in enumerate(siblings) if r.id == row.id)
        other_index = index + delta
        if not 0 <= other_index < len(siblings):
            return
        other = siblings[other_index]
        mine, theirs = row.position, other.position
        if mine == theirs:
            theirs = mine + delta
        with self.action(f"{self.describe(row)} moved {'up' if delta < 0 else 'down'}"):
            self._update(row, position=theirs)
            self._update(other, position=mine)

    def set_presiding(self, person_id: str | None) -> Meeting:
        """Who presided (None: the chair, as the committee lists)."""
        who = self.record.person(person_id).name if person_id else "the chair"
        with self.action(f"presided by {who}"):
            return self.update_meeting(presiding_id=person_id)

    def set_note(self, paragraph: MinuteParagraph, note: bool) -> MinuteParagraph:
        """Make a paragraph an unnumbered note between the numbered ones, or number it again."""
        row = self.refresh_row(paragraph) or paragraph
        word = "a note" if note else "numbered"
        with self.action(f"{self.describe(row)} made {word}"):
            return self._update(row, note=note)

    def earlier_meetings(self) -> list[date]:
        """Dates of this committee's earlier meetings in the store, latest first (nine at most)."""
        meetings = self.store.committee_meetings(self.meeting.committee_id)
        days = sorted({m.date for m in meetings if m.date < self.meeting.date}, reverse=True)
        return days[:9]

    def approve_minutes(self) -> Resolution:
        """The standard resolution approving an earlier meeting's minutes, on the Minutes item."""
        item = minutes_item(self.record) or self.current_item()
        if item is None:
            raise ValueError("this meeting has no agenda")
        text = self.minutes_composer().approval_resolution(self.meeting.approves_minutes_of)
        for existing in self.record.resolutions_for(item.id):
            if existing.text == text:
                return existing
        with self.action("minutes of the last meeting approved"):
            resolution = self.add_resolution(item.id, text)
            self.set_outcome(item, ItemOutcome.RESOLVED)
        return resolution

    def confirm_previous(self, resolution: Resolution, with_amendments: bool = False) -> str:
        """Record, in the earlier meeting this one approves the minutes of, that this meeting
        confirmed them at `resolution`'s minute (`clerk.review.confirm`). A sentence for the
        clerk: what was done, or why not (not approved by the chair); "" when the earlier
        meeting is not in this database."""
        from clerk import review
        from clerk.errors import ClerkError

        day = self.meeting.approves_minutes_of
        if day is None:
            return ""
        earlier = [
            m
            for m in self.store.committee_meetings(self.meeting.committee_id)
            if m.date == day and m.id != self.meeting_id
        ]
        if not earlier:
            return ""  # kept elsewhere (on paper, before clerk): nothing here to confirm
        previous = earlier[-1]  # newest first: the first meeting held that day
        if previous.confirmed_by_meeting_id == self.meeting_id:
            return f"The minutes of {long_date(day)} are already confirmed by this meeting."
        try:
            review.confirm(
                self.store, previous.id, self.meeting_id, self.minute_of(resolution),
                with_amendments,
            )  # fmt: skip
        except ClerkError as exc:
            return str(exc)
        how = "with amendments" if with_amendments else "as a correct record"
        return f"The minutes of {long_date(day)} are confirmed {how}."

    def minute_of(self, resolution: Resolution) -> str:
        """The minute a resolution is part of, as the minutes number it: "3.1" for a
        resolution that is its item's only content, else the item's number."""
        item = self.record.item(resolution.item_id)
        for block in self.item_minute(item):
            if isinstance(block, Resolved) and f"resolutions:{resolution.id}" in block.sources:
                return block.number or item.number
        return item.number

    def add_vote(self, vote: Vote) -> Vote:
        vote.position = self._next_position(self.record.votes_for(vote.item_id))
        with self.action(f"vote on item {self.record.item(vote.item_id).number}"):
            return self._add(vote)

    def add_action(
        self, item_id: str, text: str, lead: str = "", due: date | None = None
    ) -> Action:
        position = self._next_position(self.record.actions_for(item_id))
        lead_person = next((p for p in self.record.people if p.name == lead), None)
        with self.action(f"action on item {self.record.item(item_id).number}"):
            return self._add(
                Action(
                    item_id=item_id,
                    text=text,
                    lead=lead,
                    lead_person_id=lead_person.id if lead_person else None,
                    due=due,
                    position=position,
                )
            )


__all__ = [
    "PHRASES",
    "Clock",
    "LiveSession",
    "Part",
    "clock_time",
    "long_date",
    "parse_date",
    "parse_time",
    "person_label",
]
