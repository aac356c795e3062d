"""The live screen's commands: a declaration, a vote, an action, the roll call, an item's
outcome, the minutes approved, the meeting's start, adjournments and end, an urgent item.

Each command that asks something awaits a dialog's typed answer in a worker (the dialogs
check what was typed, so nothing here parses it), then makes one change through the session.
The screen itself (screens/live.py) lays out the meeting and keeps what is shown in step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.screen import Screen

from clerk.errors import ClerkError
from clerk.record import (
    AgendaItem,
    ItemOutcome,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Vote,
)
from clerk.tui.session import (
    LiveSession,
    clock_time,
    declarations_item,
    long_date,
    minutes_item,
    person_label,
)
from clerk.tui.widgets.keys import waits_for_typing
from clerk.tui.widgets.live import AgendaList

if TYPE_CHECKING:
    from collections.abc import Callable

    from clerk.tui.app import ClerkApp
    from clerk.tui.widgets.composer import Composer

OUTCOMES = [
    ("resolved", "r", "resolved"),
    ("noted", "n", "noted"),
    ("deferred", "d", "deferred"),
    ("withdrawn", "w", "withdrawn"),
    ("clear", "c", "not yet decided"),
]


class MeetingCommands(Screen):
    """The commands of the live screen (LiveScreen is one)."""

    #: Commands of the meeting as a whole: in the palette, and under F12 (the meeting menu).
    #: (title, help, action, its key in the F12 menu)
    COMMANDS_EXTRA: ClassVar[list[tuple[str, str, str, str]]] = [
        (
            "Add an urgent item",
            "An item added on the day, after the current one",
            "urgent_item",
            "u",
        ),
        ("Adjourn", "Record an adjournment starting now", "adjourn", "a"),
        ("Resume", "The meeting resumes after an adjournment", "resume", "r"),
        ("Edit start time", "When the meeting began", "edit_start", "s"),
        ("Who presided", "The co-chair or member in the chair at this meeting", "presiding", "p"),
        ("Reopen meeting", "Continue recording a meeting already ended", "reopen", "o"),
        ("Undo", "Undo the last change to the meeting (Ctrl+Z)", "undo", "z"),
        ("Redo", "Do again what was just undone (Ctrl+Y)", "redo", "y"),
        ("Meetings", "Back to the list of meetings", "meetings", "m"),
    ]

    session: LiveSession

    if TYPE_CHECKING:  # the screen's, which these commands use

        @property
        def composer(self) -> Composer: ...
        @property
        def record(self) -> MeetingRecord: ...
        @property
        def clerk_app(self) -> ClerkApp: ...
        def redraw(self) -> None: ...
        def redraw_item(self) -> None: ...
        def held(self) -> None: ...
        def go_to(self, item_id: str) -> None: ...
        def let_go(self, doing: str, then: Callable[[], Any]) -> None: ...
        def highlighted_row(self) -> Any: ...
        @property
        def item_record(self) -> Any: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.session.current_item()
        if action == "approve_minutes":
            return item is not None and item is minutes_item(self.record)
        if action == "no_declarations":
            return item is not None and item is declarations_item(self.record)
        if action in ("new_paragraph", "new_resolution", "vote", "add_action", "declaration"):
            return item is not None
        if action == "resume":
            return self.session.open_adjournment() is not None
        if action == "adjourn":
            return self.session.open_adjournment() is None
        if action == "reopen":
            return self.session.meeting.status is MeetingStatus.ENDED
        return True

    @contextlib.contextmanager
    def refusals(self) -> Iterator[None]:
        """Around a change made after a dialog (in a worker, where the app's own guard of
        actions does not reach): a database that refuses it is said, not a crash."""
        try:
            yield
        except ClerkError as exc:
            self.clerk_app.refused(exc)

    def ask(self, flow: Any) -> None:
        """Run a command that awaits dialogs, once the entry being typed is finished."""
        if self.composer.finish():
            self.run_worker(flow, group="dialog")
        else:
            flow.close()  # never started: nothing asked, nothing done
            self.held()

    # ------------------------------------------------------------------ the item's business

    def action_note_entry(self) -> None:
        """N on a paragraph of the item's record: an unnumbered note, or numbered again."""
        row = self.highlighted_row()
        if not isinstance(row, MinuteParagraph):
            return
        with self.refusals():
            self.session.set_note(row, not row.note)
        self.redraw_item()
        self.item_record.highlight(f"paragraphs:{row.id}")

    @waits_for_typing
    def action_declaration(self) -> None:
        item = self.session.current_item()
        if item is not None:
            self.ask(self._declare(item))

    async def _declare(self, item: AgendaItem) -> None:
        from clerk.tui.dialogs.declaration import DeclarationDialog

        session = self.session
        # members, and anyone attending (substitutes, officers): all may declare
        people = {p.id: p for p, _ in session.members()}
        for attendance in session.record.attendance:
            people.setdefault(attendance.person_id, session.record.person(attendance.person_id))
        on_decls = item is declarations_item(session.record)
        answer = await self.app.push_screen_wait(
            DeclarationDialog(
                f"{item.number}. {item.title}",
                sorted(people.values(), key=lambda p: p.sort_key),
                list(session.record.committee.interest_kinds),
                "" if on_decls else item.number,
                items=session.record.agenda(),
                preview=session.declaration_sentence,
            )
        )
        if answer is None:
            return
        with self.refusals():
            session.declare(
                answer.person.id, answer.item_id, answer.kind, answer.nature, answer.action
            )
            self.redraw()

    @waits_for_typing
    def action_vote(self) -> None:
        item = self.session.current_item()
        if item is not None:
            self.ask(self._vote(item))

    async def _vote(self, item: AgendaItem) -> None:
        from clerk.tui.dialogs.vote import VoteDialog

        session = self.session
        resolutions = session.record.resolutions_for(item.id)
        resolution = resolutions[-1] if resolutions else None
        answer = await self.app.push_screen_wait(
            VoteDialog(
                resolution.text if resolution else "",  # never the item's title
                session.voters(item),
                session.vote_sentence,
                show_counts=session.style.votes.show_counts,
                pecuniary_excluded=bool(session.pecuniary_ids(item)),
                item_label=f"{item.number}. {item.title}",
            )
        )
        if answer is None:
            return
        with self.refusals():
            self.save_vote(answer.vote(item.id, resolution.id if resolution else None))

    def save_vote(self, vote: Vote) -> None:
        saved = self.session.add_vote(vote)
        self.redraw_item()
        self.notify(f"Vote {saved.outcome.value.upper()}")

    @waits_for_typing
    def action_add_action(self) -> None:
        item = self.session.current_item()
        if item is not None:
            self.ask(self._add_action(item))

    async def _add_action(self, item: AgendaItem) -> None:
        from clerk.tui.dialogs.answers import action_dialog

        names = [p.name for p in sorted(self.record.people, key=lambda p: p.sort_key)]
        answer = await self.app.push_screen_wait(action_dialog(item.number, names))
        if answer is None:
            return
        with self.refusals():
            self.session.add_action(item.id, answer.text, answer.lead, answer.due)
            self.redraw_item()

    def action_insert_person(self) -> None:
        self.run_worker(self._insert_person(), group="dialog")

    async def _insert_person(self) -> None:
        from clerk.tui.dialogs.forms import PersonDialog

        choice = await self.app.push_screen_wait(
            PersonDialog("Insert a person", self.session.find_people, ask_role=True)
        )
        if choice is None:
            return
        with self.refusals():
            person = choice.person or self.session.person_for(choice.name, role=choice.role)
            role = choice.role if choice.role != person.role else ""
            self.set_focus(self.composer)
            self.composer.insert_phrase(person_label(person, role))

    def action_outcome(self) -> None:
        agenda = self.query_one(AgendaList)
        item = self.session.current_item()
        if agenda.has_focus and agenda.highlighted is not None:
            option = agenda.get_option_at_index(agenda.highlighted)
            item = self.record.item(option.id) if option.id else item
        if item is not None:
            self.run_worker(self._outcome(item), group="dialog")

    async def _outcome(self, item: AgendaItem) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        choice = await self.app.push_screen_wait(
            ChoiceDialog(f"Outcome of item {item.number}", OUTCOMES)
        )
        if choice is None:
            return
        with self.refusals():
            self.session.set_outcome(item, None if choice == "clear" else ItemOutcome(choice))
            self.redraw()

    # ------------------------------------------------------------------ standing items

    @waits_for_typing
    def action_no_declarations(self) -> None:
        if not self.composer.finish():
            self.held()
            return
        self.session.no_declarations()
        self.redraw()
        self.notify("No declarations of interest")

    @waits_for_typing
    def action_approve_minutes(self) -> None:
        self.ask(self._approve_minutes())

    async def _approve_minutes(self) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        session = self.session
        earlier = session.earlier_meetings() if session.meeting.approves_minutes_of is None else []
        if earlier:
            # the agenda did not say which meeting's minutes: the clerk picks one (1 = latest)
            chosen = await self.app.push_screen_wait(
                ChoiceDialog(
                    "Approve the minutes of which meeting?",
                    [(d.isoformat(), str(n), long_date(d)) for n, d in enumerate(earlier, 1)],
                )
            )
            if chosen is None:
                return
            with self.refusals():
                session.update_meeting(approves_minutes_of=date.fromisoformat(chosen))
        with self.refusals():
            resolution = session.approve_minutes()
            self.redraw()
            # the earlier meeting's record says it is confirmed, or the clerk is told why not
            confirmed = session.confirm_previous(resolution)
            self.notify(confirmed or "Minutes of the earlier meeting approved")

    @waits_for_typing
    def action_roll_call(self) -> None:
        from clerk.tui.screens.rollcall import RollCallScreen

        self.let_go(
            "take the roll call", lambda: self.app.push_screen(RollCallScreen(self.session))
        )

    # ------------------------------------------------------------------ the meeting

    @waits_for_typing
    def action_meeting_menu(self) -> None:
        """F12: the meeting-wide commands valid now, each one key away."""
        self.run_worker(self._meeting_menu(), group="dialog")

    async def _meeting_menu(self) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        choices = [
            (action, key, title)
            for title, _help, action, key in self.COMMANDS_EXTRA
            if self.check_action(action, ()) is not False
        ]
        action = await self.app.push_screen_wait(ChoiceDialog("Meeting", choices))
        if action is not None:
            await self.run_action(action)

    async def _at_time(self, title: str, default: Any, *, reason: bool = False) -> Any:
        from clerk.tui.dialogs.answers import time_dialog

        return await self.app.push_screen_wait(time_dialog(title, default, reason=reason))

    @waits_for_typing
    def action_close_meeting(self) -> None:
        self.ask(self._close_meeting())

    async def _close_meeting(self) -> None:
        answer = await self._at_time("The meeting ended at", self.session.now())
        if answer is not None:
            with self.refusals():
                self.session.end(answer.moment)
                self.redraw()
                self.notify(f"The meeting ended at {clock_time(answer.moment)}")
            # closing a meeting backs the database up (clerk.store.backup)
            self.notify(self.session.backup(), markup=False)

    def action_adjourn(self) -> None:
        self.run_worker(self._adjourn(), group="dialog")

    async def _adjourn(self) -> None:
        answer = await self._at_time("Adjourned at", self.session.now(), reason=True)
        if answer is not None:
            with self.refusals():
                self.session.adjourn(answer.moment, answer.reason)
                self.redraw()

    def action_resume(self) -> None:
        self.run_worker(self._resume(), group="dialog")

    async def _resume(self) -> None:
        answer = await self._at_time("Resumed at", self.session.now())
        if answer is not None:
            with self.refusals():
                self.session.close_adjournment(answer.moment)
                self.redraw()

    def action_edit_start(self) -> None:
        self.run_worker(self._edit_start(), group="dialog")

    async def _edit_start(self) -> None:
        began = self.session.meeting.start_time or self.session.now()
        answer = await self._at_time("The meeting began at", began)
        if answer is not None:
            with self.refusals():
                self.session.set_start(answer.moment)
                self.redraw()

    def action_presiding(self) -> None:
        self.run_worker(self._presiding(), group="dialog")

    async def _presiding(self) -> None:
        """Who took the chair: a joint board's co-chair, or a member when the chair is away.
        Chosen among those sitting, or the committee's chair (no one in particular)."""
        from clerk.tui.dialogs.forms import ChoiceDialog

        record = self.session.record
        sitting = [
            record.person(a.person_id) for a in record.attendance if a.status.is_voting_seat
        ][:9]
        choices = [("", "0", f"The {record.committee.chair_title} (as the committee lists)")]
        choices += [(p.id, str(n), p.name) for n, p in enumerate(sitting, start=1)]
        answer = await self.app.push_screen_wait(ChoiceDialog("Who presided?", choices))
        if answer is not None:
            with self.refusals():
                self.session.set_presiding(answer or None)
                self.redraw()

    def action_reopen(self) -> None:
        self.session.reopen()
        self.redraw()

    @waits_for_typing
    def action_urgent_item(self) -> None:
        self.ask(self._urgent_item())

    async def _urgent_item(self) -> None:
        from clerk.tui.dialogs.answers import text_dialog

        title = await self.app.push_screen_wait(
            text_dialog("Urgent item (taken after the current item)", "Title", "item's title")
        )
        if title is not None:
            with self.refusals():
                item = self.session.add_urgent_item(title)
                self.go_to(item.id)

    @waits_for_typing
    def action_meetings(self) -> None:
        self.let_go("leave the meeting", self.clerk_app.show_picker)
