"""The registers on screen: attendance, interests declared and actions still open, the views
`clerk register attendance|interests` and `clerk actions --open` print, read from the store as
those commands read it and computed by the same functions (clerk/registers.py), so the rows
are the command's rows.

Ten years of meetings take a while to count (a committee's 400 meetings are each loaded for
its attendance; the interests and the actions are a few thousand rows: see
benchmarks/bench_decade.py), so a register is computed in a thread while the status line says
"computing…" and every key still works; a newer choice supersedes one still computing. Enter
on an interest or an action opens that meeting at that item, as the search screen does.
F5 / F6 write the register shown as CSV or Word, 0600 (they name people and their interests).

Exempt (Part 2) matter is never asked for here: the registers leave it out unless asked, and
this screen never asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO, cast

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Select, Static, Tab, Tabs
from textual.worker import Worker, WorkerState, get_current_worker

from clerk.errors import ClerkError
from clerk.registers import (
    MUNICIPAL_YEAR_START_MONTH,
    MunicipalYear,
    Register,
    attendance_from_rows,
    interests_from_rows,
    open_actions_from_rows,
)
from clerk.tui.app import app_of
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.keys_help import key_for
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from textual.timer import Timer

    from clerk.record import Committee
    from clerk.store import Store


class Kind(StrEnum):
    ATTENDANCE = "attendance"
    INTERESTS = "interests"
    ACTIONS = "actions"


LABELS = {
    Kind.ATTENDANCE: "Attendance",
    Kind.INTERESTS: "Interests declared",
    Kind.ACTIONS: "Open actions",
}
EVERY_YEAR = ""  # the year chosen when it is every year of the committee's meetings
CHOICE_PAUSE = 0.05  # seconds: a committee chosen resets the year too; compute once for both
TYPING_PAUSE = 0.25  # seconds after the last key in the member box before computing
WIDEST = 60  # cells a column takes at most; the rest of a longer cell is cut on screen only
#: Rows put in the table at first, and at a time after that as the highlight nears the last
#: of them, as the meeting picker does: the table measures every cell of each row added, and
#: the 2,700 open actions of ten years at once held the keys for half a second.
FIRST_PAGE, PAGE = 60, 200


@dataclass(frozen=True)
class Choice:
    """What the clerk chose: the arguments the command would be given."""

    kind: Kind
    committee: Committee | None = None
    year: MunicipalYear | None = None
    person: str = ""

    @property
    def stem(self) -> str:
        """The file name the command writes by default, without its ending."""
        if self.kind is Kind.ATTENDANCE:
            return "attendance" + (f"-{self.year.start}" if self.year else "")
        return "interests" if self.kind is Kind.INTERESTS else "open-actions"


class Superseded(Exception):
    """A newer choice came while this one was computing."""


def compute(
    store: Store, choice: Choice, superseded: Callable[[], bool] = lambda: False
) -> Register:
    """The register `choice` names, read as `clerk register …` and `clerk actions --open` read
    it (clerk/cli/registers.py), never with exempt matter."""
    if choice.kind is Kind.ATTENDANCE:
        if choice.committee is None:
            raise ClerkError("There are no committees yet: import an agenda first.")
        if superseded():
            raise Superseded
        year = choice.year
        rows = store.attendance_rows(
            choice.committee.id,
            year.first_day if year else None,
            year.last_day if year else None,
        )
        return attendance_from_rows(choice.committee, rows, year)
    if choice.kind is Kind.INTERESTS:
        ids = None
        if choice.person:
            needle = choice.person.casefold()
            ids = [p.id for p in store.people() if needle in p.name.casefold()]
            if not ids:
                raise ClerkError(f"no one called {choice.person!r} is in the database.")
        return interests_from_rows(store.declaration_rows(ids), person=choice.person)
    return open_actions_from_rows(store.open_action_rows())


@dataclass(frozen=True)
class Shown:
    """A register and the width of each of its columns, worked out in the thread (the table
    would measure every cell as it is added)."""

    choice: Choice
    register: Register
    widths: tuple[int, ...]

    def cells(self, start: int, stop: int) -> list[tuple[Text, ...]]:
        """Rows `start` to `stop` as Text (a name is never markup). Made a page at a time, as
        the rows go in the table: 19,000 Text cells made at once doubled the objects every
        garbage collection walks, and each pause of the keys with them."""
        return [
            tuple(Text(cell.replace("\n", " ")) for cell in row)
            for row in self.register.rows[start:stop]
        ]


def prepared(choice: Choice, register: Register) -> Shown:
    widths = [cell_len(h) for h in register.header]
    for row in register.rows:
        for n, cell in enumerate(row):
            widths[n] = max(widths[n], cell_len(cell))
    return Shown(choice, register, tuple(min(w, WIDEST) for w in widths))


def write_register(register: Register, fmt: str, path: Path) -> str:
    """Write `register` to `path` as the command's `-f csv` / `-f docx` would, 0600; the
    sentence for the status line."""
    from clerk import registers

    try:
        if fmt == "csv":
            from clerk.private_files import open_private

            with open_private(path, "w", encoding="utf-8", newline="") as handle:
                registers.write_csv(register, cast("TextIO", handle))
        else:
            from clerk.minutes.render_docx import render_docx  # 0600 itself

            render_docx(registers.register_document(register), path)
    except OSError as exc:
        return f"Not written: could not write {path}: {exc.strerror or exc}"
    except ClerkError as exc:
        return f"Not written: {exc}"
    return f"Wrote {path} (readable by you alone)"


class RegisterTable(KeyedHelp, DataTable):
    HELP_TEMPLATE = """\
## Registers
**{key:register_attendance}** each member's attendance at a committee's meetings (choose the
committee and the municipal year above the table); **{key:register_interests}** every
declaration of interest (type part of a member's name to keep theirs);
**{key:register_actions}** every action not completed, across committees. The rows are those
`clerk register` and `clerk actions --open` print; exempt (Part 2) matter is never shown.
**Tab** moves between the choices and the table. **Enter** on an interest or an action opens
that meeting at that item. **{key:register_csv}** / **{key:register_docx}** write the
register shown as CSV / Word. **{key:close_registers}** goes back.
"""


class RegistersScreen(Screen):
    """Attendance, interests declared, open actions: choose, read, open, export."""

    DEFAULT_CSS = """
    RegistersScreen .register-choice { height: 3; padding: 0 1; }
    RegistersScreen .register-choice Label { padding: 1 1 0 0; }
    RegistersScreen #register-committee { width: 64; }
    RegistersScreen #register-year { width: 20; }
    RegistersScreen #register-person { width: 48; }
    RegistersScreen #register-title { height: auto; padding: 0 1; }
    RegistersScreen #register-table { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close_registers"),
        Binding("f2", "choose('attendance')", "Attendance", id="register_attendance"),
        Binding("f3", "choose('interests')", "Interests", id="register_interests"),
        Binding("f4", "choose('actions')", "Open actions", id="register_actions"),
        Binding("f5", "export('csv')", "CSV", id="register_csv"),
        Binding("f6", "export('docx')", "Word", id="register_docx"),
    ]

    def __init__(self, committee_id: str | None = None, kind: Kind = Kind.ATTENDANCE) -> None:
        super().__init__()
        self.first_committee = committee_id
        self.first_kind = kind
        self.committees: dict[str, Committee] = {}
        self.shown: Shown | None = None
        self.computing: Choice | None = None  # what the status line says is computing
        self._worker: Worker[Any] | None = None
        self._timer: Timer | None = None

    @property
    def store(self) -> Store:
        store = app_of(self).store
        assert store is not None, "the registers are shown once the app has opened the store"
        return store

    def compose(self) -> ComposeResult:
        self.committees = {c.id: c for c in self.store.committees()}
        first = self.first_committee if self.first_committee in self.committees else None
        options: list[tuple[Text, str]] = [(Text(c.name), c.id) for c in self.committees.values()]
        yield Static("clerk — registers", classes="screen-title")
        yield Tabs(
            *(Tab(label, id=kind.value) for kind, label in LABELS.items()),
            active=self.first_kind.value,
            id="register-kind",
        )
        with Horizontal(id="attendance-choice", classes="register-choice"):
            yield Label("Committee")
            yield Select(
                options or [(Text("no committees yet"), "")],
                allow_blank=False,
                value=first or (options[0][1] if options else ""),
                id="register-committee",
            )
            yield Label(" Municipal year")
            yield Select(
                [("every year", EVERY_YEAR)],
                allow_blank=False,
                value=EVERY_YEAR,
                id="register-year",
            )
        with Horizontal(id="interests-choice", classes="register-choice"):
            yield Label("Member")
            yield Input(placeholder="part of a name; empty for everyone", id="register-person")
        yield Static(id="register-title")
        yield RegisterTable(id="register-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="register-status", classes="status-line")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        self.fill_years()
        self.query_one(Tabs).focus()
        self.kind_chosen()  # Tabs says nothing of the tab it starts on

    # ------------------------------------------------------------------ what is chosen

    def choice(self) -> Choice:
        kind = Kind(self.query_one(Tabs).active or Kind.ATTENDANCE)
        committee = self.committees.get(str(self.query_one("#register-committee", Select).value))
        year = str(self.query_one("#register-year", Select).value)
        return Choice(
            kind,
            committee,
            MunicipalYear(int(year)) if year else None,
            self.query_one("#register-person", Input).value.strip(),
        )

    def fill_years(self) -> None:
        """The municipal years the chosen committee met in, newest first; the year chosen
        stays chosen if the committee met in it."""
        committee = self.committees.get(str(self.query_one("#register-committee", Select).value))
        years: set[int] = set()
        if committee is not None:
            for meeting in self.store.committee_meetings(committee.id):
                day = meeting.date
                years.add(day.year if day.month >= MUNICIPAL_YEAR_START_MONTH else day.year - 1)
        select = self.query_one("#register-year", Select)
        chosen = select.value
        values = [EVERY_YEAR, *(str(y) for y in sorted(years, reverse=True))]
        select.set_options(
            [("every year", EVERY_YEAR), *((str(MunicipalYear(int(y))), y) for y in values[1:])]
        )
        select.value = chosen if chosen in values else EVERY_YEAR

    @on(Tabs.TabActivated, "#register-kind")
    def kind_chosen(self) -> None:
        kind = self.choice().kind
        self.query_one("#attendance-choice").display = kind is Kind.ATTENDANCE
        self.query_one("#interests-choice").display = kind is Kind.INTERESTS
        self.recompute()

    @on(Select.Changed, "#register-committee")
    def committee_chosen(self) -> None:
        self.fill_years()
        self.recompute()

    @on(Select.Changed, "#register-year")
    def year_chosen(self) -> None:
        self.recompute()

    @on(Input.Changed, "#register-person")
    def person_typed(self) -> None:
        self.recompute(TYPING_PAUSE)

    @on(Input.Submitted, "#register-person")
    def person_given(self) -> None:
        self.recompute(0)
        self.query_one(RegisterTable).focus()

    def action_choose(self, kind: str) -> None:
        self.query_one(Tabs).active = kind  # posts TabActivated: kind_chosen computes

    # ------------------------------------------------------------------ computing

    def recompute(self, pause: float = CHOICE_PAUSE) -> None:
        """Compute the register chosen after `pause` (the keys of a name typed, or a committee
        and its years chosen, make one computation, not one each)."""
        choice = self.choice()
        if choice == self.computing and (pause or self._timer is None):
            return  # on its way (the committee chosen again); Enter after a name starts it now
        if self.computing is None and self.shown is not None and self.shown.choice == choice:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        if self.shown is not None and self.shown.choice.kind is not choice.kind:
            self.show_nothing()  # another register's columns are not left under this one's tab
        self.computing = choice
        self.say(Text(" computing…"))
        if pause:
            self._timer = self.set_timer(pause, partial(self.start, choice))
        else:
            self.start(choice)

    def start(self, choice: Choice) -> None:
        self._timer = None
        store = self.store

        def work() -> Shown | ClerkError | None:
            worker = get_current_worker()
            try:
                register = compute(store, choice, lambda: worker.is_cancelled)
            except Superseded:
                return None
            except ClerkError as exc:
                return exc
            return prepared(choice, register)

        self._worker = self.run_worker(work, thread=True, group="register", exclusive=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state is not WorkerState.SUCCESS:
            return
        if worker.group == "export":
            self.say(Text(f" {worker.result}"))
        elif worker is self._worker and self._timer is None:
            self._worker = None
            self.show(worker.result)

    def show(self, result: Shown | ClerkError | None) -> None:
        if result is None:  # superseded
            return
        self.computing = None
        table = self.query_one(RegisterTable)
        title = self.query_one("#register-title", Static)
        if isinstance(result, ClerkError):
            self.show_nothing()
            self.say(Text(f" {result}"))
            return
        table.clear(columns=True)
        self.shown = result
        register = result.register
        for header, width in zip(register.header, result.widths, strict=True):
            table.add_column(Text(header), width=width)
        table.add_rows(result.cells(0, FIRST_PAGE))
        title.update(
            Text.assemble((register.title, "bold"), *(f"  {note}" for note in register.notes))
        )
        rows = f"{len(register.rows)} rows" if register.rows else "Nothing to list"
        opens = " · Enter opens the meeting at the item" if register.places else ""
        csv, docx = key_for(self, "register_csv"), key_for(self, "register_docx")
        back = key_for(self, "close_registers")
        self.say(Text(f" {rows}{opens} · {csv} CSV · {docx} Word · {back} goes back"))
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#register-table")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(RegisterTable)
        shown, count = self.shown, table.row_count
        if shown is not None and event.cursor_row >= count - FIRST_PAGE // 2:
            table.add_rows(shown.cells(count, count + PAGE))

    @property
    def settled(self) -> bool:
        """Nothing waiting to be computed or computing (the tests wait for it)."""
        return self.computing is None and self._timer is None

    def show_nothing(self) -> None:
        self.shown = None
        self.query_one(RegisterTable).clear(columns=True)
        self.query_one("#register-title", Static).update("")
        self.refresh_bindings()  # nothing to write

    def say(self, text: Text) -> None:
        self.query_one("#register-status", Static).update(text)

    # ------------------------------------------------------------------ open, export, close

    @on(DataTable.RowSelected, "#register-table")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        shown = self.shown
        if shown is None or not shown.register.rows:
            return
        if not shown.register.places:
            self.say(
                Text(" A member's attendance is across meetings: there is no one meeting to open.")
            )
            return
        self.dismiss(shown.register.places[event.cursor_row])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return True if self.shown is not None else None  # shown, greyed out
        return True

    def action_export(self, fmt: str) -> None:
        shown = self.shown
        if shown is None:
            return
        from clerk.tui.dialogs.forms import Field, FormDialog

        def target(values: dict[str, str]) -> Path:
            return Path(values["path"].strip()).expanduser().absolute()

        def check(values: dict[str, str]) -> str | None:
            path = target(values)
            if path.suffix.lower() != f".{fmt}":
                return f"Give a file name ending .{fmt}"
            if path.is_dir():
                return f"{path} is a folder: give a file name"
            if not path.parent.is_dir():
                return f"There is no folder {path.parent}"
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            path = target(values)
            self.say(Text(f" writing {path}…"))
            write = partial(write_register, shown.register, fmt, path)
            self.run_worker(write, thread=True, group="export")

        what = "CSV (a spreadsheet)" if fmt == "csv" else "a Word document"
        default = Path.cwd() / f"{shown.choice.stem}.{fmt}"
        self.app.push_screen(
            FormDialog(
                f"Write “{shown.register.title}” as {what}",
                [Field("path", "File", str(default))],
                check,
            ),
            done,
        )

    def action_close(self) -> None:
        self.dismiss()
