"""The meeting picker: meetings in the store, newest first; open, import an agenda, next meeting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.screen import Screen
from textual.widgets import DataTable, Static

from clerk import importing
from clerk.dates import short_date
from clerk.errors import ClerkError
from clerk.tui.app import app_of
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.keys_help import key_for
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from clerk.store import MeetingSummary, Store

FIRST_PAGE = 60  # meetings read for the first frame: a screenful and more
PAGE = 200  # meetings read at a time after that


class Cell:
    """A picker cell: one line of plain text, drawn as the width the column gives it.

    Rich's Text wraps, justifies and truncates a cell before DataTable pads and styles it,
    about a tenth of the time the picker takes to draw its two hundred cells. A cell of a
    meeting list is one line of printable text, so it is cut or padded to its width, no
    more. (A str would be Rich markup to DataTable, and "Audit [/] Panel" is a name.)"""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(set_cell_size(self.text, options.max_width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = cell_len(self.text)
        return Measurement(width, width)


def cell(text: str) -> Cell | Text:
    """A Cell, or Text for what is not one line of printable text (Text handles tabs and
    control characters as Rich does everywhere else)."""
    return Cell(text) if text.isprintable() else Text(text)


#: DataTable's render caches, smaller: it keeps 10,000 rendered cells and 1,000 rendered rows,
#: 8 MB of a picker paged through a thousand meetings, for a screen that shows forty rows.
CACHED_CELLS, CACHED_ROWS = 1000, 200


class MeetingTable(KeyedHelp, DataTable):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cell_render_cache = LRUCache(CACHED_CELLS)
        self._row_render_cache = LRUCache(CACHED_ROWS)
        self._line_cache = LRUCache(CACHED_ROWS)

    HELP_TEMPLATE = (
        """\
## Meetings
Newest first. **{key:open_meeting}** opens the highlighted meeting on its live screen (the
first opening records the start time); **{key:review_meeting}** opens its minutes for the
chair's review. **{key:import_agenda}** imports """
        + importing.ACCEPTED_TEXT
        + """;
**{key:next_meeting}** creates the committee's next meeting (same committee and members). In an
empty database **{key:load_samples}** loads the sample meetings. **{key:show_registers}** shows
the registers: attendance (the highlighted meeting's committee first), interests declared,
open actions.
"""
    )


class PickerScreen(Screen):
    DEFAULT_CSS = """
    PickerScreen #picker-empty { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_meeting", "Open", id="open_meeting", priority=True),
        Binding("f2", "import_agenda", "Import agenda", id="import_agenda"),
        Binding("f3", "next_meeting", "Next meeting", id="next_meeting"),
        Binding("f4", "review_meeting", "Review minutes", id="review_meeting"),
        Binding("f5", "reload", "Reload", id="reload_meetings"),
        Binding("slash", "app.search", "Search", id="search_meetings"),
        Binding("f6", "registers", "Registers", id="show_registers"),
        # offered while the database is empty: a first run has something to look at
        Binding("s", "load_samples", "Load the samples", id="load_samples"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.meeting_ids: list[str] = []
        self.total = 0
        self.drawn_on_mount = False

    def compose(self) -> ComposeResult:
        yield Static("clerk — meetings", id="picker-title", classes="screen-title")
        yield MeetingTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(id="picker-empty")
        yield Static(id="picker-hint", classes="status-line")
        yield ClerkFooter(compact=True)

    @property
    def store(self) -> Store:
        store = app_of(self).store
        assert store is not None, "the picker is shown once the app has opened the store"
        return store

    def on_mount(self) -> None:
        table = self.query_one(MeetingTable)
        # Text here (and Cell in the rows): DataTable reads a str as Rich markup, and the first
        # markup read imports Rich's table of emoji codes, a fortieth of the first frame
        table.add_column(Text("Date"), key="date", width=18)
        table.add_column(Text("Committee"), key="committee", width=58)
        table.add_column(Text("Status"), key="status", width=12)
        table.add_column(Text("Items"), key="items", width=6)
        table.add_column(Text("Present"), key="present", width=8)
        self.reload()
        self.drawn_on_mount = True
        table.focus()

    def on_screen_resume(self) -> None:
        if self.drawn_on_mount:  # the first resume finds the list just read
            self.drawn_on_mount = False
            return
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Redraw the list; `select` highlights that meeting (one just imported or created),
        else the highlight stays on the meeting it was on."""
        table = self.query_one(MeetingTable)
        select = select or self.highlighted_id()
        table.clear()
        # a page at a time (ten years of a council is 10,000 meetings): as many as were
        # shown, at least a screenful; more as the highlight nears the end (`load_more`)
        shown = max(FIRST_PAGE, len(self.meeting_ids))
        self.meeting_ids = []
        self.total = self.store.count_meetings()
        summaries = self.store.list_meetings(limit=shown)
        self.add_rows(summaries)
        while select and select not in self.meeting_ids and len(self.meeting_ids) < self.total:
            self.load_more()  # an older meeting imported: its page, so Enter opens it
        if select in self.meeting_ids:
            # an older meeting imported lands mid-list: Enter should open it, not the newest
            table.move_cursor(row=self.meeting_ids.index(select))
        hint = self.query_one("#picker-hint", Static)
        empty = self.query_one("#picker-empty", Static)
        empty.display = not summaries
        # empty, the table is only its header, and the offer of samples sits right under it
        table.styles.height = "1fr" if summaries else "auto"
        agenda = key_for(self, "import_agenda")
        if summaries:
            opens = key_for(self, "open_meeting")
            finds = key_for(self, "search_meetings")
            hint.update(
                Text(
                    f" {self.total} meetings · {opens} opens · {finds} searches · "
                    f"{agenda} imports an agenda"
                )
            )
        else:
            samples = key_for(self, "load_samples")
            hint.update(
                Text(f" No meetings yet: {samples} loads the sample meetings · {agenda} imports")
            )
            width = max(len(samples), len(agenda)) + 2
            indent = " " * (width + 2)
            # Text: the keys are the user's keys.toml's, the path theirs, "[" and all
            empty.update(
                Text(
                    f"\n  No meetings in {self.store.path} yet.\n\n"
                    f"  {samples:<{width}}load the sample meetings: a committee's next agenda, "
                    f"ready to record,\n{indent}and its previous meeting, recorded in full\n"
                    f"  {agenda:<{width}}import {importing.KINDS_TEXT}\n"
                )
            )
        self.refresh_bindings()

    def add_rows(self, summaries: list[MeetingSummary]) -> None:
        table = self.query_one(MeetingTable)
        for m in summaries:
            table.add_row(
                cell(short_date(m.date)),
                cell(m.committee),
                cell(m.status.label),  # "with chair", "approved", "confirmed"
                cell(str(m.items)),
                cell(str(m.present)),
                key=m.id,
            )
        self.meeting_ids.extend(m.id for m in summaries)

    def load_more(self) -> None:
        if len(self.meeting_ids) < self.total:
            self.add_rows(self.store.list_meetings(limit=PAGE, offset=len(self.meeting_ids)))

    @on(DataTable.RowHighlighted)
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.meeting_ids) - FIRST_PAGE // 2:
            self.load_more()

    def highlighted_id(self) -> str | None:
        if not self.meeting_ids:
            return None
        row = self.query_one(MeetingTable).cursor_row
        return self.meeting_ids[min(row, len(self.meeting_ids) - 1)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_meeting", "next_meeting", "review_meeting"):
            return bool(self.meeting_ids)
        if action == "load_samples":
            return not self.meeting_ids
        return True

    def action_load_samples(self) -> None:
        from clerk.samples import DEMO_MEETING, load_samples
        from clerk.store import Store

        try:
            # journalled as an import, as `clerk load-samples` does, not as the clerk's typing
            with Store(self.store.path, role="import") as store:
                loaded = load_samples(store)
        except ClerkError as exc:
            self.notify(str(exc), title="Not loaded", severity="error", timeout=10, markup=False)
            return
        self.notify(f"Loaded {len(loaded)} sample meetings")
        self.reload(select=loaded.get(DEMO_MEETING))

    def action_reload(self) -> None:
        self.reload()

    def action_open_meeting(self) -> None:
        meeting_id = self.highlighted_id()
        if meeting_id is not None:
            app_of(self).open_meeting(meeting_id)

    def action_registers(self) -> None:
        meeting_id = self.highlighted_id()
        committee = self.store.meeting(meeting_id).committee_id if meeting_id else None
        app_of(self).show_registers(committee)

    def action_review_meeting(self) -> None:
        meeting_id = self.highlighted_id()
        if meeting_id is not None:
            app_of(self).open_review(meeting_id)

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_meeting()

    # The dialogs, the session's date words and the next meeting are imported when asked
    # for: the picker's first frame (ten years of meetings) waits for none of them.

    def action_import_agenda(self) -> None:
        from clerk.tui.dialogs.forms import Field, FormDialog
        from clerk.tui.session import long_date

        def check(values: dict[str, str]) -> str | None:
            path = Path(values["path"].strip()).expanduser()
            if not path.is_file():
                return f"No such file: {path}"
            try:
                importing.kind_of(path)
            except ClerkError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            path = Path(values["path"].strip()).expanduser()
            try:
                incoming = importing.read(path)
                result = importing.save(self.store, incoming)
            except importing.SameDayMeeting as same_day:
                self.ask_merge_or_new(incoming, same_day)
                return
            except importing.CommitteeChanged as changed:
                self.ask_committee_change(incoming, changed)
                return
            except ClerkError as exc:
                # the error names the file and quotes its line: text, never markup
                self.notify(
                    str(exc), title="Not imported", severity="error", timeout=10, markup=False
                )
                return
            self.notify(f"Imported the meeting of {long_date(result.record.meeting.date)}")
            if result.guesses:  # as `clerk import` prints them: the clerk checks each
                self.notify(
                    "\n".join(result.guesses),
                    title="Guessed",
                    severity="warning",
                    timeout=30,
                    markup=False,
                )
            if result.person_changes:  # said, as the command line says them
                self.notify(
                    "\n".join(result.person_changes),
                    title="A person's details differ",
                    timeout=15,
                    markup=False,
                )
            self.reload(select=result.meeting_id)

        prompt = "a file ending " + " ".join(importing.ACCEPTED)
        self.app.push_screen(
            FormDialog("Import an agenda", [Field("path", "File", placeholder=prompt)], check),
            done,
        )

    def ask_committee_change(
        self, incoming: importing.Incoming, changed: importing.CommitteeChanged
    ) -> None:
        """The file gives the stored committee other attributes its minutes depend on: take
        them from this meeting on, make a new body, or keep the stored ones. None of the
        three changes how a stored meeting's minutes read."""
        from clerk.tui.dialogs.forms import ChoiceDialog
        from clerk.tui.session import long_date

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            how = importing.CommitteeChange(choice)
            try:
                result = importing.save(self.store, incoming, committee_change=how)
            except importing.SameDayMeeting as same_day:
                self.ask_merge_or_new(incoming, same_day, how)
                return
            except ClerkError as exc:
                self.notify(
                    str(exc), title="Not imported", severity="error", timeout=10, markup=False
                )
                return
            self.notify(
                f"Imported the meeting of {long_date(result.record.meeting.date)}: "
                + "; ".join(result.guesses[-1:]),
                markup=False,
            )
            self.reload(select=result.meeting_id)

        self.app.push_screen(
            ChoiceDialog(
                changed.facts,
                [
                    (
                        importing.CommitteeChange.MERGE.value,
                        "m",
                        "Merge: the file's from this meeting on (stored minutes unchanged)",
                    ),
                    (importing.CommitteeChange.NEW.value, "n", "A new body beside the stored one"),
                    (importing.CommitteeChange.KEEP.value, "k", "Keep the stored attributes"),
                ],
            ),
            chosen,
        )

    def ask_merge_or_new(
        self,
        incoming: importing.Incoming,
        same_day: importing.SameDayMeeting,
        committee_change: importing.CommitteeChange = importing.CommitteeChange.REFUSE,
    ) -> None:
        """The committee already has a meeting that day: a follow-on agenda, the same pack
        again, or (rarely) a second meeting."""
        from clerk.tui.dialogs.forms import ChoiceDialog
        from clerk.tui.session import long_date

        when = long_date(incoming.record.meeting.date)

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            try:
                result = importing.save(
                    self.store,
                    incoming,
                    same_day=importing.SameDay(choice),
                    committee_change=committee_change,
                )
            except ClerkError as exc:
                self.notify(
                    str(exc), title="Not imported", severity="error", timeout=10, markup=False
                )
                return
            if result.merge is not None:
                summary = "\n".join(result.merge.summary()) or "Nothing new"  # the items' titles
                self.notify(summary, title="Merged", markup=False)
            else:
                self.notify(f"Imported another meeting of {when}")
            self.reload(select=result.meeting_id)

        plan = same_day.merge
        added = len(plan.added) + len(plan.filled)
        self.app.push_screen(
            ChoiceDialog(
                f"The committee already has a meeting on {when}",
                [
                    (
                        importing.SameDay.MERGE.value,
                        "m",
                        f"Merge into it ({added} item(s) added or filled in)",
                    ),
                    (importing.SameDay.NEW.value, "n", "Import as a separate meeting"),
                ],
            ),
            chosen,
        )

    def action_next_meeting(self) -> None:
        from clerk.next_meeting import next_meeting, suggested_date
        from clerk.tui.dialogs.forms import Field, FormDialog
        from clerk.tui.session import long_date, parse_date

        meeting_id = self.highlighted_id()
        if meeting_id is None:
            return
        previous = self.store.load_record(meeting_id)
        # the committee as it is now, not as it was at that meeting (clerk.store.held)
        previous.committee = self.store.current_committee(previous.committee.id)
        # and its people as they are now, not as that meeting held them (held_people)
        now = {p.id: p for p in self.store.people()}
        previous.people = [now.get(p.id, p) for p in previous.people]
        default = suggested_date(previous)

        def check(values: dict[str, str]) -> str | None:
            try:
                parse_date(values["date"])
            except ValueError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            record = next_meeting(previous, parse_date(values["date"]))
            try:
                self.store.save_record(record)
            except ClerkError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.reload(select=record.meeting.id)
            self.notify(f"Next meeting: {long_date(record.meeting.date)}")

        self.app.push_screen(
            FormDialog(
                f"Next meeting of the {previous.committee.name}",
                [Field("date", "Date", default.isoformat())],
                check,
            ),
            done,
        )
