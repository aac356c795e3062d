"""The live meeting: agenda down the side, the current item's record, a composer, a status line.

The composer saves what is typed (widgets/composer.py says how nothing is lost); the item's
record shows the item's minute as the minutes will print it (widgets/item_record.py). This
screen lays them out and keeps the three in step; its commands (a vote, the roll call, the
meeting's end…) are in screens/live_commands.py.

Every command key that changes what the composer holds waits for the keys typed before it
(`@waits_for_typing`), and never lets go of words the database has not taken without asking.

Why one module (about 590 lines): the layout and the messages that keep agenda, item record
and composer in step; the commands are already in `live_commands`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static

from clerk import dates
from clerk.errors import ClerkError
from clerk.minutes import phrases
from clerk.record import (
    Action,
    MeetingStatus,
    MinuteParagraph,
    Resolution,
)
from clerk.tui.screens.live_commands import MeetingCommands
from clerk.tui.session import (
    LiveSession,
    clock_time,
)
from clerk.tui.widgets.composer import Composer
from clerk.tui.widgets.footer import ClerkFooter
from clerk.tui.widgets.item_record import Entry, ItemRecord, item_entries
from clerk.tui.widgets.keys import waits_for_typing
from clerk.tui.widgets.live import AgendaList, StatusLine, sub_item_lines

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

#: Next and previous item share one footer entry, so every key fits a 120-column footer.
ITEM_KEYS = Binding.Group("Next/prev item", compact=True)

#: The record's lists by the table names entries carry.
_ROWS = {
    "paragraphs": "paragraphs",
    "resolutions": "resolutions",
    "declarations": "declarations",
    "votes": "votes",
    "actions": "actions",
}

#: The item's record in the first frame, until its minute is composed (LiveScreen.on_mount).
COMPOSING = Entry("info:composing", "info", "", "…")

#: Screen rows per line of the current item's sub-items (a 24-row terminal shows 3, "+N
#: more" included): the item's record and the composer keep the rest.
ROWS_PER_SUB_ITEM = 8

UNDONE_SHOWN = 10  # seconds the status line says what was undone
OTHERS_POLL = 0.5  # seconds between looks at whether another process (the chair) wrote


class LiveScreen(MeetingCommands):
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
        Binding("escape", "leave_composer", "Record", id="leave_composer", show=False),
        Binding(
            "ctrl+s", "approve_minutes", "Approve minutes", id="approve_minutes", priority=True
        ),
        Binding(
            "ctrl+f", "no_declarations", "No declarations", id="no_declarations", priority=True
        ),
    ]

    #: Focused as the screen is built, so the first frame is drawn with the composer's
    #: focus (and its keys in the footer), not redrawn when focus moves from the agenda.
    AUTO_FOCUS = "#composer"

    def __init__(self, session: LiveSession) -> None:
        super().__init__()
        self.session = session
        self.drawn_on_mount = False  # the first ScreenResume finds it drawn already
        self.drawn_done: set[str] = set()  # the items the agenda shows done
        self.undone = ""  # what Ctrl+Z or Ctrl+Y last did, shown on the status line a while
        self.undone_at = datetime.min
        self.seen_version: int | None = None  # the store's data_version when last read
        self.item_composed = False  # the item's record shows its minute, not "…" (on_mount)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status", classes="status-line")
        with Horizontal(id="live"):
            yield AgendaList(id="agenda")
            with Vertical(id="main"):
                yield Static(id="exempt-banner")
                yield Static(id="item-heading")
                yield Static(id="sub-items")
                yield ItemRecord(id="entries")
                yield Static(id="composer-label")
                yield Composer(self.session, id="composer", placeholder="Type the minute…")
        yield ClerkFooter(compact=True)

    async def on_mount(self) -> None:
        self.query_one(AgendaList).border_title = Text(self.record.committee.name)
        self.composer.cursor_blink = getattr(self.app, "cursor_blink", True)
        if self.session.read_only:  # nothing typed could be kept: say so where one types
            self.composer.read_only = True
            self.composer.placeholder = "Read-only: this database cannot be written."
        # the first frame draws the item's record as "…": composing its minute imports the
        # minutes' composer and house style, a tenth of the way to the first frame, so it is
        # composed just after that frame (keys typed meanwhile wait in the queue, and any
        # that changes the record composes it then)
        self.redraw(compose_item=False)
        # the app's, not the screen's: behind what the app asked to run once its first frame
        # is drawn, not at the screen's first refresh, which layout and paint follow
        self.app.call_after_refresh(self._compose_item)
        self.drawn_on_mount = True
        self.composer.focus()
        self.set_interval(1.0, self.redraw_status)
        with self.refusals():
            self.seen_version = self.session.store.data_version()
        self.set_interval(OTHERS_POLL, self.poll_others)
        # the footer's keys follow the focus, set as the screen was built (AUTO_FOCUS): they
        # are drawn in the first frame rather than recomposed after it
        self.query_one(ClerkFooter).show_keys()
        if self.session.meeting.status.minutes_approved:
            self.notify(
                "The chair has approved these minutes: nothing here can be changed until "
                "they are reopened (the review screen, or `clerk reopen MEETING --reason …`).",
                title="Read-only",
                severity="warning",
                timeout=15,
            )

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    @property
    def item_record(self) -> ItemRecord:
        return self.query_one(ItemRecord)

    @property
    def clerk_app(self) -> ClerkApp:
        from clerk.tui.app import app_of

        return app_of(self)

    @property
    def record(self):
        return self.session.record

    def redraw(self, compose_item: bool = True) -> None:
        self.redraw_status()
        self.redraw_agenda()
        self.redraw_item(compose=compose_item)
        self.refresh_bindings()  # keys valid on one item only (Ctrl+S, Ctrl+F) come and go

    @on(AgendaList.WidthChanged)
    def redraw_agenda(self) -> None:
        self.drawn_done = self.session.done_items()
        self.query_one(AgendaList).show(
            self.record, self.record.meeting.current_item_id, self.drawn_done
        )

    def redraw_status(self) -> None:
        session = self.session
        meeting = session.meeting
        item = session.current_item()
        present = session.present_count(item)
        quorum = self.record.committee.quorum
        text = Text()
        day = dates.long_date(meeting.date, "{weekday_abbr} {day} {month} {year}")
        text.append(f" {day}", style="bold")
        if meeting.start_time:
            text.append(f" · began {clock_time(meeting.start_time)}")
        text.append(" · " + dates.clock_time(session.clock().time(), "{HH}:{mm}:{ss}"), "bold")
        text.append(f" · present {present}")
        if present >= quorum:
            text.append(f" · quorate ({quorum})")
        else:
            text.append(f" · NOT QUORATE ({quorum})", style="bold reverse")
        if session.open_adjournment():
            text.append(" · ADJOURNED", style="bold reverse")
        if meeting.status is MeetingStatus.ENDED:
            text.append(f" · ended {clock_time(meeting.end_time)}", style="bold")
        if meeting.status.minutes_approved:
            # the store refuses every change; the clerk is told before typing, not after
            text.append(" · MINUTES APPROVED: READ-ONLY", style="bold reverse")
        if self.composer.refusal is not None:
            text.append(" · NOT SAVED YET", style="bold reverse")
        if self.undone and (session.clock() - self.undone_at).total_seconds() < UNDONE_SHOWN:
            text.append(f" · {self.undone}", style="italic")
        self.query_one(StatusLine).update(text)

    def _compose_item(self) -> None:
        if self.is_mounted and not self.item_composed:
            self.redraw_item()

    def redraw_item(self, compose: bool = True) -> None:
        """The current item: its heading, and its record as the minutes will print it
        (`compose` False: "…" until it is composed)."""
        session = self.session
        item = session.current_item()
        banner = self.query_one("#exempt-banner", Static)
        heading = self.query_one("#item-heading", Static)
        if item is None:
            heading.update("No agenda: add an urgent item from the command palette (Ctrl+P)")
            banner.display = False
            self.redraw_sub_items()
            self.item_record.rebuild([])
            return
        self.set_class(item.is_exempt, "-exempt")
        banner.display = item.is_exempt
        if item.is_exempt:
            numbers = [str(p) for p in item.exempt_paragraphs] or ["3"]
            word = "paragraphs" if len(numbers) > 1 else "paragraph"
            banner.update(
                f"EXEMPT — PART 2 — press and public excluded "
                f"(Schedule 12A, {word} {phrases.join_names(numbers)})"
            )
        title = Text(f"{item.number}. {item.title}", style="bold")
        if item.outcome:
            title.append(f"   [{item.outcome.value}]", style="italic")
        if item.description:
            title.append(f"\n{item.description}", style="dim")
        heading.update(title)
        self.redraw_sub_items()
        if not compose:
            self.item_record.show([COMPOSING])
            self.query_one("#composer-label", Static).update("New paragraph …")
            return
        self.item_composed = True
        self.item_record.show(item_entries(session, item))
        self.redraw_composer_label()

    def redraw_sub_items(self) -> None:
        """The current item's sub-items under its heading, as many as the screen's height
        allows; each line cut, not wrapped (clerk.tcss), so the composer keeps its place."""
        item = self.session.current_item()
        block = self.query_one("#sub-items", Static)
        limit = max(self.app.size.height // ROWS_PER_SUB_ITEM, 2)
        lines = sub_item_lines(item, limit) if item is not None else []
        block.display = bool(lines)
        block.update(Text("\n").join(lines))

    def on_resize(self) -> None:
        self.redraw_sub_items()  # a taller terminal shows more of them

    def redraw_composer_label(self) -> None:
        item = self.session.current_item()
        label = self.query_one("#composer-label", Static)
        if item is None:
            label.update("")
            return
        target = self.composer.target
        if target is None:
            number = self.session.next_paragraph_number(item)
            label.update(f"New paragraph {number}  — type; Enter starts the next")
        else:
            label.update(f"Editing {self.session.describe(target)}  — Enter: done")

    # ------------------------------------------------------------------ the composer's news

    @on(Composer.Saved)
    @on(Composer.Finished)
    def entry_changed(self) -> None:
        self.redraw_item()
        if self.session.done_items() != self.drawn_done:  # a resolution makes an item done
            self.redraw_agenda()

    @on(Composer.Refused)
    def not_saved(self, message: Composer.Refused) -> None:
        self.notify(
            f"{message.error}\nWhat you type stays on screen; clerk keeps trying to save it.",
            title="Not saved yet",
            severity="error",
            timeout=10,
            markup=False,
        )
        self.redraw_status()

    @on(Composer.SavedAgain)
    def saved_again(self) -> None:
        self.notify("Saved: everything typed is in the database again.")
        self.redraw_status()

    @on(Composer.Held)
    def held(self) -> None:
        self.notify(
            "The database has not taken this paragraph yet, so it stays in the composer "
            "(clerk keeps trying, and says when it is saved).",
            title="Not saved yet",
            severity="warning",
        )

    @on(Composer.UndoMeeting)
    def undo_from_composer(self, message: Composer.UndoMeeting) -> None:
        self.undo(redo=message.redo)

    # ------------------------------------------------------------------ letting go of words

    def let_go(self, doing: str, then: Callable[[], Any]) -> None:
        """Run `then` once the composer's entry is finished. If the database will not take
        it (locked, disk full), ask first: stay (clerk keeps trying) or write the words to a
        recovery file and go on."""
        if self.composer.finish():
            then()
            return
        self.run_worker(self._ask_to_let_go(doing, then), group="let-go", exclusive=True)

    async def _ask_to_let_go(self, doing: str, then: Callable[[], Any]) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        words = len(self.composer.text.split())
        problem = self.composer.refusal or "the database is not taking changes"
        choice = await self.app.push_screen_wait(
            ChoiceDialog(
                f"{words} word{'s' if words != 1 else ''} typed here are not in the database "
                f"yet: {problem}",
                [
                    ("stay", "s", "stay here: clerk keeps trying to save them"),
                    ("recover", "w", f"write them to a recovery file and {doing}"),
                ],
            )
        )
        if choice != "recover":
            return
        from clerk.recovery import write_recovery

        item = self.session.current_item()
        composer = self.composer
        entry = ""
        if composer.target is not None:
            entry = self.session.describe(composer.target)
            if composer.saved_text:
                entry += (
                    f" (the database holds only its first {len(composer.saved_text)} "
                    "characters: put these words in their place)"
                )
        try:
            path = write_recovery(self.session.store.path, self.record, item, composer.text, entry)
        except ClerkError as exc:
            self.notify(
                str(exc), title="No recovery file", severity="error", timeout=15, markup=False
            )
            return
        self.composer.abandon()
        self.notify(
            f"The words are in {path}", title="Recovery file written", timeout=15, markup=False
        )
        then()

    def quit_when_saved(self) -> None:
        """Ctrl+Q: quit once what is typed is saved (or, asked, in a recovery file)."""
        self.let_go("quit", self.app.exit)

    def save_now(self) -> None:
        """Last chance (the app closing): write what is typed, if the database takes it."""
        self.composer.save()

    # ------------------------------------------------------------------ moving through the agenda

    def go_to(self, item_id: str) -> None:
        self.let_go("go on", lambda: self._go_to(item_id))

    def show_item(self, item_id: str) -> None:
        """Show an item a search found, without taking it (LiveSession.show)."""

        def show() -> None:
            self.session.show(item_id)
            self.redraw()

        self.let_go("go on", show)

    def _go_to(self, item_id: str) -> None:
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
        """A click on an item (Enter is action_take_item)."""
        event.stop()
        self.take_item(event.option.id)

    def action_take_item(self) -> None:
        agenda = self.query_one(AgendaList)
        if agenda.highlighted is not None:
            self.take_item(agenda.get_option_at_index(agenda.highlighted).id)

    def take_item(self, item_id: str | None) -> None:
        if item_id:
            self.go_to(item_id)
        self.set_focus(self.composer)

    @waits_for_typing
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
        self.set_focus(self.query_one(AgendaList))

    def action_leave_composer(self) -> None:
        """Escape in the composer: the entry is finished and the item's record, showing it,
        takes the keys that follow (at once: the next keys may be on their way)."""
        if not self.composer.finish():
            self.held()
            return
        self.redraw_item()
        self.set_focus(self.item_record)
        self.item_record.highlight_last()

    def action_focus_composer(self) -> None:
        # at once (not Widget.focus, a turn of the loop later): keys typed next go there
        self.set_focus(self.composer)

    def on_screen_suspend(self) -> None:
        self.composer.save()

    def on_screen_resume(self) -> None:
        if self.drawn_on_mount:  # the screen was just built: nothing has changed since
            self.drawn_on_mount = False
            return
        self.session_changed()

    def poll_others(self) -> None:
        """Another connection wrote to the database (the chair's review in another clerk, an
        accepted amendment): read the meeting again and show it. SQLite's data_version
        changes only for others' commits, never for this screen's own saves."""
        try:
            version = self.session.store.data_version()
        except ClerkError:
            return  # busy for a moment: the next look tries again
        if self.seen_version is None or version == self.seen_version:
            self.seen_version = version
            return
        self.seen_version = version
        with self.refusals():
            self.session.reload()
            self.session_changed()

    def session_changed(self) -> None:
        """The record changed under the composer (undo, redo, another screen): draw it
        again, and let the composer forget an entry that is no longer there."""
        target = self.composer.target
        if target is not None and self.session.refresh_row(target) is None:
            self.composer.target = None  # its words stay: the next save makes a new row
            self.composer.saved_text = None
        elif target is not None:
            self.composer.target = self.session.refresh_row(target)
        self.redraw()

    # ------------------------------------------------------------------ the item's record

    @on(OptionList.OptionSelected, "#entries")
    def entry_chosen(self, event: OptionList.OptionSelected) -> None:
        """A click on an entry (Enter is action_edit_entry)."""
        event.stop()
        self.edit_entry(self.entry_row(event.option.id or ""))

    def action_edit_entry(self) -> None:
        self.edit_entry(self.highlighted_row())

    def edit_entry(self, row: Any) -> None:
        if isinstance(row, MinuteParagraph | Resolution):
            if self.composer.edit_entry(row):
                self.redraw_composer_label()
                self.set_focus(self.composer)
            else:
                self.held()

    def entry_row(self, option_id: str) -> Any:
        table, _, row_id = option_id.partition(":")
        rows = getattr(self.record, _ROWS[table]) if table in _ROWS else []
        return next((r for r in rows if r.id == row_id), None)

    def highlighted_row(self) -> Any:
        entry = self.item_record.highlighted_entry()
        return self.entry_row(entry.id) if entry is not None else None

    def action_delete_entry(self) -> None:
        row = self.highlighted_row()
        if row is None:
            return
        if self.composer.target is not None and row.id == self.composer.target.id:
            self.composer.abandon()  # its words are the row's, which the journal keeps
        label = self.session.describe(row)
        self.session.delete(row)
        self.redraw_item()
        self.redraw_agenda()
        self.notify(f"Deleted {label}. Ctrl+Z brings it back.", timeout=4, markup=False)

    def action_move_entry(self, delta: int) -> None:
        row = self.highlighted_row()
        if not isinstance(row, MinuteParagraph | Resolution | Action):
            return
        self.session.move(row, int(delta))
        self.redraw_item()
        table = {MinuteParagraph: "paragraphs", Resolution: "resolutions", Action: "actions"}
        self.item_record.highlight(f"{table[type(row)]}:{row.id}")

    # ------------------------------------------------------------------ undo

    def action_undo(self) -> None:
        self.undo(redo=False)

    def action_redo(self) -> None:
        self.undo(redo=True)

    @waits_for_typing
    def undo(self, redo: bool = False) -> None:
        """Ctrl+Z / Ctrl+Y: the clerk's last change to the meeting, undone or done again."""
        if not self.composer.finish():
            self.held()
            return
        label = self.session.redo() if redo else self.session.undo()
        self.session_changed()
        for screen in self.app.screen_stack:  # the roll call, if Ctrl+Z was pressed there
            if screen is not self and hasattr(screen, "redraw"):
                screen.redraw()
        if label is None:
            self.notify("Nothing to redo" if redo else "Nothing to undo", timeout=3)
            return
        self.undone = f"{'Redone' if redo else 'Undone'}: {label}"
        self.undone_at = self.session.clock()
        self.redraw_status()
        self.notify(self.undone, timeout=4, markup=False)

    # ------------------------------------------------------------------ entries

    @waits_for_typing
    def action_new_paragraph(self) -> None:
        if self.composer.finish():
            self.set_focus(self.composer)
        else:
            self.held()

    @waits_for_typing
    def action_new_resolution(self) -> None:
        item = self.session.current_item()
        if item is None:
            return
        if self.composer.new_resolution(item.id):
            self.set_focus(self.composer)
            self.redraw_composer_label()
        else:
            self.held()
