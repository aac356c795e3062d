"""The live meeting: agenda down the side, the current item's record, a composer, a status line.

Every keystroke reaches the store: text typed in the composer is written 300 ms after the
last key and at least once a second while typing, and at once on Enter, on leaving the
composer, on moving to another item, on leaving the screen and on quitting.
"""

from __future__ import annotations

import contextlib
import time as _time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import DuplicateID, Option, OptionDoesNotExist

from clerk.errors import ClerkError
from clerk.record import (
    AgendaItem,
    ItemOutcome,
    MeetingStatus,
    MinuteParagraph,
    Resolution,
    Vote,
    VoteChoice,
    VoteMethod,
)
from clerk.tui.session import (
    LiveSession,
    clock_time,
    declarations_item,
    long_date,
    minutes_item,
    parse_date,
    parse_time,
    person_label,
)
from clerk.tui.widgets.footer import ClerkFooter
from clerk.tui.widgets.live import AgendaList, Composer, ItemRecord, StatusLine


def paragraph_prompt(item: AgendaItem, number: int, para: MinuteParagraph) -> Text:
    prompt = Text(f"{item.number}.{number}  ", style="bold")
    prompt.append(para.text or "…")
    return prompt


def resolution_prompt(number: int, res: Resolution) -> str:
    return f"  {number}) {res.text}"


if TYPE_CHECKING:
    from clerk.tui.dialogs.forms import Field, PersonChoice
    from clerk.tui.dialogs.meeting import DeclarationInput

#: Next and previous item share one footer entry, so every key fits a 120-column footer.
ITEM_KEYS = Binding.Group("Next/prev item", compact=True)

DEBOUNCE = 0.3  # seconds after the last key
RETRY = 1.0  # seconds between attempts to write typing the database refused (locked, full)
MAX_UNSAVED = 1.0  # seconds of typing before a write regardless


class NotSavedYet(ClerkError):
    """Typing the database has not taken yet: the composer keeps it."""


class LiveScreen(Screen):
    """Record the meeting as it happens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "new_paragraph", "Paragraph", id="new_paragraph", priority=True),
        Binding("f3", "new_resolution", "Resolved", id="new_resolution", priority=True),
        Binding("f4", "roll_call", "Roll call", id="roll_call", priority=True),
        Binding("f5", "declaration", "Declare", id="declaration", priority=True),
        Binding("f6", "vote", "Vote", id="vote", priority=True),
        Binding("f7", "add_action", "Action", id="add_action", priority=True),
        Binding("f8", "insert_person", "Person", id="insert_person", priority=True),
        Binding("f9", "outcome", "Outcome", id="outcome", priority=True),
        Binding("f10", "close_meeting", "End", id="close_meeting", priority=True),
        Binding("f12", "meeting_menu", "Meeting", id="meeting_menu", priority=True),
        Binding("ctrl+n", "step(1)", "Next item", id="next_item", priority=True, group=ITEM_KEYS),
        Binding(
            "ctrl+b", "step(-1)", "Prev item", id="previous_item", priority=True, group=ITEM_KEYS
        ),
        Binding("ctrl+l", "focus_agenda", "Agenda", id="focus_agenda", show=False),
        Binding(
            "ctrl+s", "approve_minutes", "Approve minutes", id="approve_minutes", priority=True
        ),
        Binding(
            "ctrl+f", "no_declarations", "No declarations", id="no_declarations", priority=True
        ),
    ]

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
        ("Reopen meeting", "Continue recording a meeting already ended", "reopen", "o"),
        ("Meetings", "Back to the list of meetings", "meetings", "m"),
    ]

    #: Focused as the screen is built, so the first frame is drawn with the composer's
    #: focus (and its keys in the footer), not redrawn when focus moves from the agenda.
    AUTO_FOCUS = "#composer"

    def __init__(self, session: LiveSession) -> None:
        super().__init__()
        self.session = session
        self.target: MinuteParagraph | Resolution | None = None  # what the composer edits
        self.pending: str | None = None  # typed, not yet written
        self.unsaved_warning: str | None = None  # the store's last refusal, until a save works
        self.dirty_since: float | None = None
        self.timer: Timer | None = None
        self.drawn_on_mount = False  # the first ScreenResume finds it drawn already

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status", classes="status-line")
        with Horizontal(id="live"):
            yield AgendaList(id="agenda")
            with Vertical(id="main"):
                yield Static(id="exempt-banner")
                yield Static(id="item-heading")
                yield ItemRecord(id="entries")
                yield Static(id="composer-label")
                yield Composer(id="composer", placeholder="Type the minute…")
        yield ClerkFooter(compact=True)

    async def on_mount(self) -> None:
        self.query_one(AgendaList).border_title = self.record.committee.name
        self.composer.cursor_blink = getattr(self.app, "cursor_blink", True)
        self.redraw()
        self.drawn_on_mount = True
        self.composer.focus()
        self.set_interval(1.0, self.redraw_status)
        # the footer's keys follow the focus, set as the screen was built (AUTO_FOCUS): they
        # are drawn in the first frame rather than recomposed after it
        self.query_one(ClerkFooter).show_keys()

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    @property
    def record(self):
        return self.session.record

    def redraw(self) -> None:
        self.redraw_status()
        self.query_one(AgendaList).show(self.record, self.record.meeting.current_item_id)
        self.redraw_item()

    def redraw_status(self) -> None:
        session = self.session
        meeting = session.meeting
        item = session.current_item()
        present = session.present_count(item)
        quorum = self.record.committee.quorum
        text = Text()
        text.append(f" {meeting.date:%a} {long_date(meeting.date)}", style="bold")
        if meeting.start_time:
            text.append(f" · began {clock_time(meeting.start_time)}")
        text.append(f" · {session.clock():%H:%M:%S}", style="bold")
        text.append(f" · present {present}")
        if present >= quorum:
            text.append(f" · quorate ({quorum})")
        else:
            text.append(f" · NOT QUORATE ({quorum})", style="bold reverse")
        if session.open_adjournment():
            text.append(" · ADJOURNED", style="bold reverse")
        if meeting.status is MeetingStatus.ENDED:
            text.append(f" · ended {clock_time(meeting.end_time)}", style="bold")
        self.query_one(StatusLine).update(text)

    def redraw_item(self) -> None:
        session = self.session
        item = session.current_item()
        banner = self.query_one("#exempt-banner", Static)
        heading = self.query_one("#item-heading", Static)
        entries = self.query_one(ItemRecord)
        if item is None:
            heading.update("No agenda: add an urgent item from the command palette (Ctrl+P)")
            banner.display = False
            entries.clear_options()
            return
        self.set_class(item.is_exempt, "-exempt")
        banner.display = item.is_exempt
        if item.is_exempt:
            numbers = [str(p) for p in item.exempt_paragraphs] or ["3"]
            word = "paragraphs" if len(numbers) > 1 else "paragraph"
            banner.update(
                f"EXEMPT — PART 2 — press and public excluded "
                f"(Schedule 12A, {word} {', '.join(numbers)})"
            )
        title = Text(f"{item.number}. {item.title}", style="bold")
        if item.outcome:
            title.append(f"   [{item.outcome.value}]", style="italic")
        if item.description:
            title.append(f"\n{item.description}", style="dim")
        heading.update(title)
        keep = entries.highlighted
        entries.set_options(self.entry_options(item))
        if keep is not None and entries.option_count:
            entries.highlighted = min(keep, entries.option_count - 1)
        self.redraw_composer_label()

    def entry_options(self, item: AgendaItem) -> list[Option]:
        record = self.record
        options: list[Option] = []
        if item.title.upper().startswith("MEMBERSHIP") or item is self.record.agenda()[0]:
            options.extend(self.attendance_options())
        if declarations_item(record) is item:
            for decl in record.declarations:
                options.append(Option(self.declaration_text(decl), id=f"decl:{decl.id}"))
        else:
            for decl in record.declarations_for(item.id):
                options.append(Option(self.declaration_text(decl), id=f"decl:{decl.id}"))
        for index, para in enumerate(record.paragraphs_for(item.id), start=1):
            options.append(Option(paragraph_prompt(item, index, para), id=f"para:{para.id}"))
        resolutions = record.resolutions_for(item.id)
        if resolutions:
            options.append(
                Option(Text("RESOLVED:", style="bold"), id="head:resolved", disabled=True)
            )
        for index, res in enumerate(resolutions, start=1):
            options.append(Option(resolution_prompt(index, res), id=f"res:{res.id}"))
        for vote in record.votes_for(item.id):
            options.append(Option(self.vote_text(vote), id=f"vote:{vote.id}"))
        for action in record.actions_for(item.id):
            due = f" — by {long_date(action.due)}" if action.due else ""
            lead = f" — {action.lead}" if action.lead else ""
            options.append(Option(f"ACTION: {action.text}{lead}{due}", id=f"act:{action.id}"))
        return options

    def attendance_options(self) -> list[Option]:
        record = self.record
        groups: dict[str, list[str]] = {}
        for attendance in record.attendance:
            person = record.person(attendance.person_id)
            name = person.name
            if attendance.substitute_for:
                name += f" for {record.person(attendance.substitute_for).name}"
            if attendance.left_at:
                name += f" (left {clock_time(attendance.left_at)})"
            if attendance.arrived_at:
                name += f" (arrived {clock_time(attendance.arrived_at)})"
            groups.setdefault(attendance.status.value.replace("_", " "), []).append(name)
        if not groups:
            return [
                Option(
                    Text("Roll call not taken yet: F4", style="dim"), id="info:att", disabled=True
                )
            ]
        lines = Text()
        for status, names in groups.items():
            if lines:
                lines.append("\n")
            lines.append(f"{status.capitalize()}: ", style="bold")
            lines.append(", ".join(names))
        return [Option(lines, id="info:att", disabled=True)]

    def declaration_text(self, decl) -> str:
        from clerk.tui.dialogs.meeting import ACTION_LABELS

        record = self.record
        person = record.person(decl.person_id)
        where = "the agenda"
        if decl.item_id:
            with contextlib.suppress(KeyError):
                where = f"item {record.item(decl.item_id).number}"
        nature = f", in that {decl.nature}" if decl.nature else ""
        action = ACTION_LABELS[decl.action]
        return f"DECLARED: {person.name} — {decl.kind} in {where}{nature}; {action}"

    def vote_text(self, vote: Vote) -> str:
        method = "recorded vote" if vote.method is VoteMethod.RECORDED else "show of hands"
        casting = ""
        if vote.casting_vote:
            casting = f", chair's casting vote {vote.casting_vote.value}"
        return (
            f"VOTE ({method}): {vote.outcome.value.upper()} — for {vote.votes_for}, against "
            f"{vote.votes_against}, abstained {vote.abstentions}{casting}"
        )

    def redraw_composer_label(self) -> None:
        item = self.session.current_item()
        label = self.query_one("#composer-label", Static)
        if item is None:
            label.update("")
            return
        target = self.target
        if isinstance(target, Resolution):
            index = [r.id for r in self.record.resolutions_for(item.id)].index(target.id) + 1
            label.update(f"Editing RESOLVED {index})  — Enter: done")
        elif isinstance(target, MinuteParagraph):
            ids = [p.id for p in self.record.paragraphs_for(target.item_id)]
            number = ids.index(target.id) + 1 if target.id in ids else len(ids) + 1
            label.update(f"Editing paragraph {item.number}.{number}  — Enter: done")
        else:
            number = len(self.record.paragraphs_for(item.id)) + 1
            label.update(f"New paragraph {item.number}.{number}  — type; Enter starts the next")

    # ------------------------------------------------------------------ the composer

    @on(TextArea.Changed, "#composer")
    def typed(self, event: TextArea.Changed | None) -> None:
        text = self.composer.text
        if self.target is None:
            item = self.session.current_item()
            if not text.strip() or item is None:
                return
            if self.unsaved_warning is not None and self.timer is not None:
                return  # the store refused just now: the retry timer tries, not every key
            # the first key of a new paragraph creates its row at once
            try:
                self.target = self.session.add_paragraph(item.id, text)
            except ClerkError as exc:
                # the words stay in the composer; the next key (or the retry) tries again
                self.not_saved(exc)
                self.timer = self.set_timer(RETRY, self.retry_new_paragraph)
                return
            self.saved_again()
            self.paragraph_added(item, self.target)
            return
        stored = self.session.refresh_row(self.target)
        if stored is not None and stored.text == text:
            self.pending = None
            return
        self.pending = text
        now = _time.monotonic()
        if self.dirty_since is None:
            self.dirty_since = now
        if now - self.dirty_since >= MAX_UNSAVED:
            self.flush()
            return
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(DEBOUNCE, self.flush)

    def flush(self) -> None:
        """Write what has been typed and not yet written."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        pending, dirty_since = self.pending, self.dirty_since
        self.pending, self.dirty_since = None, None
        if pending is None or self.target is None:
            return
        try:
            saved = self.session.set_text(self.target, pending)
        except ClerkError as exc:
            # Keep the words and try again: a locked or full disk must not lose typing.
            self.pending, self.dirty_since = pending, dirty_since
            self.not_saved(exc)
            self.timer = self.set_timer(RETRY, self.flush)
            return
        self.saved_again()
        if saved is not None:
            self.target = saved
            self.update_entry(saved)

    def retry_new_paragraph(self) -> None:
        self.timer = None
        if self.target is None and self.composer.text.strip():
            self.typed(None)

    def saved_again(self) -> None:
        if self.unsaved_warning is not None:
            self.unsaved_warning = None
            self.notify("Saved: everything typed is in the database again.")

    def not_saved(self, exc: ClerkError) -> None:
        """Say once (not at every retry) that typing is on screen but not yet in the database."""
        message = str(exc)
        if message != self.unsaved_warning:
            self.unsaved_warning = message
            self.notify(
                f"{message}\nWhat you type stays on screen; clerk keeps trying to save it.",
                title="Not saved yet",
                severity="error",
                timeout=10,
            )

    def update_entry(self, row: MinuteParagraph | Resolution) -> None:
        """Show a paragraph's or resolution's new text: that entry alone is drawn again."""
        entries = self.query_one(ItemRecord)
        item = self.session.current_item()
        if item is None or row.item_id != item.id:
            return
        prefix, siblings, prompt = self.numbered(item, row)
        ids = [r.id for r in siblings]
        if row.id not in ids:
            return
        try:
            entries.set_prompts({f"{prefix}:{row.id}": prompt(ids.index(row.id) + 1, row)})
        except OptionDoesNotExist:  # the list is not the record's (it never should be)
            self.redraw_item()

    def numbered(
        self, item: AgendaItem, row: MinuteParagraph | Resolution
    ) -> tuple[str, list[Any], Callable[[int, Any], Text | str]]:
        """For a paragraph or a resolution: its entries' id prefix, the item's rows of its kind
        in order, and how an entry is drawn with its number."""
        if isinstance(row, MinuteParagraph):
            paragraphs = self.record.paragraphs_for(item.id)
            return "para", paragraphs, lambda n, p: paragraph_prompt(item, n, p)
        return "res", self.record.resolutions_for(item.id), resolution_prompt

    def paragraph_added(self, item: AgendaItem, para: MinuteParagraph) -> None:
        """The first key of a paragraph made its row: one entry more, after the paragraphs."""
        entries = self.query_one(ItemRecord)
        paragraphs = self.record.paragraphs_for(item.id)
        number = next((n for n, p in enumerate(paragraphs, 1) if p.id == para.id), None)
        try:
            if number is None:
                raise OptionDoesNotExist(para.id)
            if number > 1:
                at = entries.get_option_index(f"para:{paragraphs[number - 2].id}") + 1
            else:  # after the attendance and the declarations
                at = sum(
                    1
                    for option in entries.options
                    if (option.id or "").startswith(("info:", "decl:"))
                )
            entries.insert_option_at(
                at, Option(paragraph_prompt(item, number, para), id=f"para:{para.id}")
            )
            if number < len(paragraphs):  # added in the middle: those after it move down one
                entries.set_prompts(
                    {
                        f"para:{p.id}": paragraph_prompt(item, n, p)
                        for n, p in enumerate(paragraphs[number:], number + 1)
                    }
                )
        except (OptionDoesNotExist, DuplicateID):  # the list is not the record's
            self.redraw_item()
            return
        self.redraw_composer_label()

    def entry_removed(self, item: AgendaItem, row: MinuteParagraph | Resolution) -> None:
        """An empty paragraph (or a bare "That" resolution) was deleted: its entry goes and
        those after it are numbered again."""
        entries = self.query_one(ItemRecord)
        prefix, siblings, prompt = self.numbered(item, row)
        try:
            index = entries.get_option_index(f"{prefix}:{row.id}")
            gone = [index]
            renumbered = {
                f"{prefix}:{r.id}": prompt(n, r)
                for n, r in enumerate(siblings, 1)
                if entries.get_option_index(f"{prefix}:{r.id}") > index
            }
            if isinstance(row, Resolution) and not siblings:
                gone.append(entries.get_option_index("head:resolved"))
            entries.remove_options_at(gone)
            entries.set_prompts(renumbered)
        except OptionDoesNotExist:  # the list is not the record's
            self.redraw_item()

    def hold_unsaved(self) -> None:
        """Refuse to let go of words the database has not taken yet (locked, disk full):
        clearing the composer or moving on would lose them."""
        if self.pending is not None or (self.target is None and self.composer.text.strip()):
            raise NotSavedYet(
                "The database has not taken this paragraph yet, so it stays in the composer "
                "(clerk keeps trying). Press Enter again once it is saved."
            )

    def finish_entry(self) -> None:
        """Enter in the composer: the entry is done; the next words start a new paragraph."""
        self.flush()
        self.hold_unsaved()
        target = self.target
        removed = None
        if target is not None:
            stored = self.session.refresh_row(target)
            if (stored is not None and not stored.text.strip()) or (
                isinstance(stored, Resolution) and stored.text.strip() == "That"
            ):
                self.session.delete(stored)
                removed = stored
        self.release_composer()
        item = self.session.current_item()
        if removed is not None and item is not None and removed.item_id == item.id:
            self.entry_removed(item, removed)

    def release_composer(self) -> None:
        self.target = None
        self.pending = None
        with self.composer.prevent(TextArea.Changed):
            self.composer.set_text("")
        self.redraw_composer_label()

    def leave_composer(self) -> None:
        self.finish_entry()
        self.query_one(ItemRecord).focus()

    def edit(self, row: MinuteParagraph | Resolution) -> None:
        self.flush()
        self.hold_unsaved()
        self.target = row
        with self.composer.prevent(TextArea.Changed):
            self.composer.set_text(row.text)
        self.redraw_composer_label()
        self.composer.focus()

    # ------------------------------------------------------------------ moving through the agenda

    def go_to(self, item_id: str) -> None:
        self.finish_entry()
        before = self.session.current_item()
        item = self.session.move_to(item_id)
        self.redraw()
        if item.is_exempt and (before is None or not before.is_exempt):
            self.notify(
                "Press and public excluded: the exclusion resolution is recorded",
                title="EXEMPT ITEM",
                severity="error",
            )

    @on(OptionList.OptionSelected, "#agenda")
    def agenda_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            try:
                self.go_to(event.option.id)
            except ClerkError as exc:
                self.app.refused(exc)  # type: ignore[attr-defined]
            self.composer.focus()

    def action_step(self, delta: int) -> None:
        agenda = self.record.agenda()
        current = self.session.current_item()
        if not agenda:
            return
        index = agenda.index(current) if current in agenda else -1
        target = agenda[max(0, min(len(agenda) - 1, index + int(delta)))]
        if current is None or target.id != current.id:
            self.go_to(target.id)

    def action_focus_agenda(self) -> None:
        self.query_one(AgendaList).focus()

    def on_screen_suspend(self) -> None:
        self.flush()

    def on_screen_resume(self) -> None:
        if self.drawn_on_mount:  # the screen was just built: nothing has changed since
            self.drawn_on_mount = False
            return
        self.redraw()

    # ------------------------------------------------------------------ the item's record

    @on(OptionList.OptionSelected, "#entries")
    def entry_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.entry_row(event.option.id or "")
        if isinstance(row, MinuteParagraph | Resolution):
            try:
                self.edit(row)
            except ClerkError as exc:
                self.app.refused(exc)  # type: ignore[attr-defined]

    def entry_row(self, option_id: str) -> Any:
        kind, _, row_id = option_id.partition(":")
        rows = {
            "para": self.record.paragraphs,
            "res": self.record.resolutions,
            "decl": self.record.declarations,
            "vote": self.record.votes,
            "act": self.record.actions,
        }.get(kind, [])
        return next((r for r in rows if r.id == row_id), None)

    def highlighted_row(self) -> Any:
        entries = self.query_one(ItemRecord)
        if entries.highlighted is None:
            return None
        option = entries.get_option_at_index(entries.highlighted)
        return self.entry_row(option.id or "")

    def action_delete_entry(self) -> None:
        row = self.highlighted_row()
        if row is None:
            return
        if self.target is not None and row.id == self.target.id:
            self.release_composer()
        self.session.delete(row)
        self.redraw_item()

    def action_move_entry(self, delta: int) -> None:
        row = self.highlighted_row()
        if row is None or not hasattr(row, "item_id"):
            return
        self.session.move(row, int(delta))
        self.redraw_item()
        entries = self.query_one(ItemRecord)
        prefix = {MinuteParagraph: "para", Resolution: "res"}.get(type(row), "")
        with contextlib.suppress(Exception):
            entries.highlighted = entries.get_option_index(f"{prefix}:{row.id}")

    # ------------------------------------------------------------------ actions

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

    def action_new_paragraph(self) -> None:
        self.finish_entry()
        self.composer.focus()

    def action_new_resolution(self) -> None:
        item = self.session.current_item()
        if item is None:
            return
        self.finish_entry()
        row = self.session.add_resolution(item.id)
        self.redraw_item()
        self.edit(row)

    def action_approve_minutes(self) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        self.finish_entry()
        session = self.session
        earlier = session.earlier_meetings() if session.meeting.approves_minutes_of is None else []
        if not earlier:
            self.approve_minutes()
            return

        # the agenda did not say which meeting's minutes: the clerk picks one (1 = latest)
        def chosen(value: str | None) -> None:
            if value is not None:
                session.update_meeting(approves_minutes_of=date.fromisoformat(value))
                self.approve_minutes()

        self.app.push_screen(
            ChoiceDialog(
                "Approve the minutes of which meeting?",
                [(day.isoformat(), str(n), long_date(day)) for n, day in enumerate(earlier, 1)],
            ),
            chosen,
        )

    def approve_minutes(self) -> None:
        self.session.approve_minutes()
        self.redraw()
        self.notify("Minutes of the earlier meeting approved")

    def action_meeting_menu(self) -> None:
        """F12: the meeting-wide commands valid now, each one key away."""
        from clerk.tui.dialogs.forms import ChoiceDialog

        choices = [
            (action, key, title)
            for title, _help, action, key in self.COMMANDS_EXTRA
            if self.check_action(action, ()) is not False
        ]

        def chosen(action: str | None) -> None:
            if action is not None:
                # run_action is a coroutine: scheduled, so it runs after the menu has gone
                self.call_later(self.run_action, action)

        self.app.push_screen(ChoiceDialog("Meeting", choices), chosen)

    def action_no_declarations(self) -> None:
        self.finish_entry()
        self.session.no_declarations()
        self.redraw()
        self.notify("No declarations of interest")

    def action_roll_call(self) -> None:
        from clerk.tui.screens.rollcall import RollCallScreen

        self.finish_entry()
        self.app.push_screen(RollCallScreen(self.session))

    def action_declaration(self) -> None:
        from clerk.tui.dialogs.meeting import DeclarationDialog

        session = self.session
        item = session.current_item()
        if item is None:
            return
        # members, and anyone attending (substitutes, officers): all may declare
        people = {p.id: p for p, _ in session.members()}
        for attendance in session.record.attendance:
            people.setdefault(attendance.person_id, session.record.person(attendance.person_id))
        on_decls = item is declarations_item(session.record)

        def done(result: DeclarationInput | None) -> None:
            if result is None:
                return
            target = None
            if result.item_number:
                target = next(
                    (
                        i
                        for i in session.record.items
                        if i.number.upper() == result.item_number.upper()
                    ),
                    None,
                )
                if target is None:
                    self.notify(f"No item {result.item_number}; recorded against the agenda")
            session.declare(
                result.person.id,
                target.id if target else None,
                result.kind,
                result.nature,
                result.action,
            )
            self.redraw()

        self.finish_entry()
        self.app.push_screen(
            DeclarationDialog(
                f"{item.number}. {item.title}",
                sorted(people.values(), key=lambda p: p.sort_key),
                list(session.record.committee.interest_kinds),
                "" if on_decls else item.number,
            ),
            done,
        )

    def action_insert_person(self) -> None:
        from clerk.tui.dialogs.forms import PersonDialog

        def done(choice: PersonChoice | None) -> None:
            if choice is None:
                return
            person = choice.person or self.session.person_for(choice.name, role=choice.role)
            role = choice.role if choice.role != person.role else ""
            self.composer.focus()
            self.composer.insert_text(person_label(person, role))

        self.app.push_screen(
            PersonDialog("Insert a person", self.session.find_people, ask_role=True), done
        )

    def action_add_action(self) -> None:
        from clerk.tui.dialogs.forms import Field, FormDialog, NameSuggester

        item = self.session.current_item()
        if item is None:
            return
        names = [p.name for p in sorted(self.record.people, key=lambda p: p.sort_key)]

        def check(values: dict[str, str]) -> str | None:
            if not values["text"].strip():
                return "Say what the action is"
            if values["due"].strip():
                try:
                    parse_date(values["due"])
                except ValueError as exc:
                    return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            due = parse_date(values["due"]) if values["due"].strip() else None
            self.session.add_action(item.id, values["text"].strip(), values["lead"].strip(), due)
            self.redraw_item()

        self.finish_entry()
        self.app.push_screen(
            FormDialog(
                f"Action arising — item {item.number}",
                [
                    Field("text", "Action", placeholder="Requested that the report be circulated."),
                    Field("lead", "Lead (→ completes)", suggester=NameSuggester(names)),
                    Field("due", "Due (2019-12-31 or 31/12/2019)"),
                ],
                check,
            ),
            done,
        )

    def action_vote(self) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog, Field, FormDialog
        from clerk.tui.dialogs.meeting import RecordedVoteDialog

        session = self.session
        item = session.current_item()
        if item is None:
            return
        resolutions = session.record.resolutions_for(item.id)
        resolution = resolutions[-1] if resolutions else None
        motion = resolution.text if resolution else item.title
        voters = session.voters(item)

        def save(vote: Vote) -> None:
            if vote.votes_for == vote.votes_against and vote.casting_vote is None:

                def casting(choice: str | None) -> None:
                    if choice in ("for", "against"):
                        vote.casting_vote = VoteChoice(choice)
                    self.save_vote(vote)

                self.app.push_screen(
                    ChoiceDialog(
                        "A tie: the chair's casting vote",
                        [("for", "f", "for"), ("against", "a", "against"), ("none", "n", "none")],
                    ),
                    casting,
                )
            else:
                self.save_vote(vote)

        def hands(values: dict[str, str] | None) -> None:
            if values is None:
                return
            save(
                Vote(
                    item_id=item.id,
                    resolution_id=resolution.id if resolution else None,
                    motion=motion,
                    method=VoteMethod.SHOW_OF_HANDS,
                    votes_for=int(values["for"] or 0),
                    votes_against=int(values["against"] or 0),
                    abstentions=int(values["abstain"] or 0),
                )
            )

        def recorded(named: dict[str, VoteChoice] | None) -> None:
            if named is None:
                return
            vote = Vote(
                item_id=item.id,
                resolution_id=resolution.id if resolution else None,
                motion=motion,
                method=VoteMethod.RECORDED,
                named=named,
            ).counted_from_names()
            save(vote)

        def check(values: dict[str, str]) -> str | None:
            for key in ("for", "against", "abstain"):
                if values[key].strip() and not values[key].strip().isdigit():
                    return f"{key}: a number, please"
            total = sum(int(values[k] or 0) for k in ("for", "against", "abstain"))
            if total > len(voters) and voters:
                return f"{total} votes but only {len(voters)} members may vote"
            return None

        def method(choice: str | None) -> None:
            if choice == "hands":
                self.app.push_screen(
                    FormDialog(
                        f"Show of hands — {motion}",
                        [
                            Field("for", "For"),
                            Field("against", "Against"),
                            Field("abstain", "Abstain"),
                        ],
                        check,
                        note=f"{len(voters)} members may vote"
                        + (
                            " (pecuniary interests excluded)" if session.pecuniary_ids(item) else ""
                        ),
                    ),
                    hands,
                )
            elif choice == "recorded":
                self.app.push_screen(RecordedVoteDialog(motion, voters), recorded)

        self.finish_entry()
        self.app.push_screen(
            ChoiceDialog(
                "Vote", [("hands", "h", "show of hands"), ("recorded", "r", "recorded vote")]
            ),
            method,
        )

    def save_vote(self, vote: Vote) -> None:
        saved = self.session.add_vote(vote)
        self.redraw_item()
        self.notify(f"Vote {saved.outcome.value.upper()}")

    def action_outcome(self) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        agenda = self.query_one(AgendaList)
        item = self.session.current_item()
        if agenda.has_focus and agenda.highlighted is not None:
            option = agenda.get_option_at_index(agenda.highlighted)
            item = self.record.item(option.id) if option.id else item
        if item is None:
            return

        def done(choice: str | None) -> None:
            if choice is None:
                return
            outcome = None if choice == "clear" else ItemOutcome(choice)
            self.session.set_outcome(item, outcome)
            self.redraw()

        self.app.push_screen(
            ChoiceDialog(
                f"Outcome of item {item.number}",
                [
                    ("resolved", "r", "resolved"),
                    ("noted", "n", "noted"),
                    ("deferred", "d", "deferred"),
                    ("withdrawn", "w", "withdrawn"),
                    ("clear", "c", "not yet decided"),
                ],
            ),
            done,
        )

    def time_dialog(self, title: str, default, done, extra: list[Field] | None = None) -> None:
        from clerk.tui.dialogs.forms import Field, FormDialog

        def check(values: dict[str, str]) -> str | None:
            try:
                parse_time(values["time"])
            except ValueError as exc:
                return str(exc)
            return None

        def finished(values: dict[str, str] | None) -> None:
            if values is not None:
                done(parse_time(values["time"]), values)
                self.redraw()

        self.app.push_screen(
            FormDialog(title, [Field("time", "Time", clock_time(default)), *(extra or [])], check),
            finished,
        )

    def action_close_meeting(self) -> None:
        self.finish_entry()

        def done(moment, _values) -> None:
            self.session.end(moment)
            self.notify(f"The meeting ended at {clock_time(moment)}")

        self.time_dialog("The meeting ended at", self.session.now(), done)

    def action_adjourn(self) -> None:
        from clerk.tui.dialogs.forms import Field

        self.finish_entry()
        self.time_dialog(
            "Adjourned at",
            self.session.now(),
            lambda moment, values: self.session.adjourn(moment, values["reason"]),
            [Field("reason", "Reason (optional)")],
        )

    def action_resume(self) -> None:
        self.time_dialog(
            "Resumed at",
            self.session.now(),
            lambda moment, _values: self.session.close_adjournment(moment),
        )

    def action_edit_start(self) -> None:
        self.time_dialog(
            "The meeting began at",
            self.session.meeting.start_time or self.session.now(),
            lambda moment, _values: self.session.set_start(moment),
        )

    def action_reopen(self) -> None:
        self.session.reopen()
        self.redraw()

    def action_urgent_item(self) -> None:
        from clerk.tui.dialogs.forms import Field, FormDialog

        def done(values: dict[str, str] | None) -> None:
            if values and values["title"].strip():
                item = self.session.add_urgent_item(values["title"].strip())
                self.go_to(item.id)

        self.finish_entry()
        self.app.push_screen(
            FormDialog("Urgent item (taken after the current item)", [Field("title", "Title")]),
            done,
        )

    def action_meetings(self) -> None:
        self.finish_entry()
        self.app.show_picker()  # type: ignore[attr-defined]
