"""The registers screen: attendance, interests and open actions as `clerk register` and
`clerk actions --open` print them (the same rows), chosen with the keys, computed without
holding the keys, opened at the meeting's item, written to CSV and Word 0600; never a word of
exempt (Part 2) matter, and names and titles shown as typed, never as markup."""

from __future__ import annotations

import csv
import io
import threading
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from textual.widgets import Input, Select, Static, Tabs

from clerk.cli import main
from clerk.record import DeclarationAction
from clerk.registers import (
    parse_year,
    safe_cell,
)
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.keys_help import help_text
from clerk.tui.screens import registers as registers_screen
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.picker import MeetingTable, PickerScreen
from clerk.tui.screens.registers import RegistersScreen, RegisterTable
from tests import registers_before as before
from tests.minutes_builders import MeetingBuilder
from tests.test_registers import four_meetings

SIZE = (150, 40)
#: what the exempt item of the four meetings holds: none of it may be on the screen
EXEMPT_WORDS = ("land next door", "valuer", "DISPOSAL OF A SITE", "EXEMPT")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The four meetings of tests/test_registers.py (an exempt item with a declaration and an
    action at each) and an older meeting of a panel whose names are markup to Rich."""
    path = four_meetings(tmp_path / "clerk.db")
    m = MeetingBuilder("Audit [/] Panel", day=date(2018, 3, 1))
    poe = m.member("Cy [bold]Poe[/]", chair=True)
    accounts = m.item("3", "ACCOUNTS [b]2017[/b]")
    m.declare(
        poe,
        accounts,
        "non-pecuniary interest",
        nature="in that he is a [red]governor[/]",
        action=DeclarationAction.DID_NOT_VOTE,
    )
    m.action(accounts, "Check [link=https://example.org]the ledger[/link]", lead="[i]Treasurer")
    with Store(path) as store:
        store.save_record(m.build())
    return path


def cli_rows(path: Path, *args: str) -> list[list[str]]:
    """The rows `clerk …  -f csv` writes (the header left off)."""
    result = CliRunner().invoke(main, ["--db", str(path), *args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.output)))[1:]


def as_csv(rows) -> list[list[str]]:
    return [[safe_cell(str(cell)) for cell in row] for row in rows]


def table_rows(screen: RegistersScreen) -> list[tuple[str, ...]]:
    table = screen.query_one(RegisterTable)
    return [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def status(screen: RegistersScreen) -> str:
    return str(screen.query_one("#register-status", Static).render())


def everything_shown(screen: RegistersScreen) -> str:
    """Every word on the screen that came from the database: title, table, status."""
    title = str(screen.query_one("#register-title", Static).render())
    cells = " ".join(" ".join(row) for row in table_rows(screen))
    return f"{title} {cells} {status(screen)}"


async def settled(pilot, screen: RegistersScreen) -> None:
    for _ in range(300):
        await pilot.pause(0.02)
        if screen.settled:
            await pilot.pause()
            return
    raise AssertionError(f"the register never came: {status(screen)!r}")


async def registers_from_picker(pilot, app: ClerkApp) -> RegistersScreen:
    await pilot.pause()
    assert isinstance(app.screen, PickerScreen)
    await pilot.press("f6")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, RegistersScreen)
    await settled(pilot, screen)
    return screen


def attendance_as_the_command_computes(path: Path, name: str, year: str | None):
    """What `clerk register attendance NAME [--year YEAR]` must show: the register computed
    from whole records (tests/registers_before.py)."""
    municipal_year = parse_year(year) if year else None
    with Store(path) as store:
        committee = next(c for c in store.committees() if name in c.name.casefold())
        records = [
            store.load_record(m.id)
            for m in store.committee_meetings(committee.id)
            if municipal_year is None or m.date in municipal_year
        ]
    return before.attendance_register(committee, records, municipal_year)


async def test_attendance_is_the_commands_for_the_committee_and_year_chosen(db: Path) -> None:
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await registers_from_picker(pilot, app)
        # the newest meeting's committee (highlighted in the picker), every year
        register = attendance_as_the_command_computes(db, "family", None)
        assert screen.shown is not None and screen.shown.register == register
        assert table_rows(screen) == list(register.rows)
        assert as_csv(table_rows(screen)) == cli_rows(db, "register", "attendance", "family")
        assert "4 meetings held." in everything_shown(screen)
        # Tab to the municipal year, open it, choose 2019/20 (every year, 2020/21, 2019/20)
        await pilot.press("tab", "tab")
        assert app.focused is screen.query_one("#register-year", Select)
        await pilot.press("enter", "down", "down", "enter")
        await settled(pilot, screen)
        register = attendance_as_the_command_computes(db, "family", "2019/20")
        assert screen.shown is not None and screen.shown.register == register
        rows = table_rows(screen)
        assert as_csv(rows) == cli_rows(db, "register", "attendance", "family", "--year", "2019/20")
        assert ("Margot Bright", "3", "1", "2", "0", "1", "0", "33%") in rows
        assert '=HYPERLINK("http://evil")' in [r[0] for r in rows]  # a name, as text
        # Shift+Tab to the committee: the panel, its name as typed
        await pilot.press("shift+tab", "enter", "up", "enter")
        await settled(pilot, screen)
        chosen = screen.query_one("#register-committee SelectCurrent #label", Static)
        assert str(chosen.render()) == "Audit [/] Panel"  # as typed, not markup
        assert screen.query_one("#register-year", Select).value == ""  # it did not meet then
        assert table_rows(screen) == [("Cy [bold]Poe[/]", "1", "1", "0", "0", "0", "0", "100%")]
        assert as_csv(table_rows(screen)) == cli_rows(db, "register", "attendance", "audit")
        assert "Audit [/] Panel: attendance" in everything_shown(screen)
        # a member's row is no meeting: Enter says so and stays
        await pilot.press("tab", "tab", "enter")
        assert isinstance(app.screen, RegistersScreen)
        assert "no one meeting to open" in status(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_interests_by_member_and_enter_opens_the_meeting_at_the_item(db: Path) -> None:
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await registers_from_picker(pilot, app)
        await pilot.press("f3")
        await settled(pilot, screen)
        with Store(db) as store:
            register = before.interests_register(before.declarations_made(store))
        assert screen.shown is not None and screen.shown.register.rows == register.rows
        assert as_csv(table_rows(screen)) == cli_rows(db, "register", "interests")
        shown = everything_shown(screen)
        assert "in that he is a [red]governor[/]" in shown  # the words, not markup
        assert "governor of Hallfield School" in shown
        assert not any(word in shown for word in EXEMPT_WORDS)
        # Tab to the member box: the rows follow what is typed
        await pilot.press("tab")
        assert app.focused is screen.query_one("#register-person", Input)
        await pilot.press(*"glanz")
        await settled(pilot, screen)
        assert as_csv(table_rows(screen)) == cli_rows(db, "register", "interests", "glanz")
        assert len(table_rows(screen)) == 4
        # Margot Bright declared only on the exempt item: nothing to list, as the command
        await pilot.press(*["backspace"] * 5, *"bright")
        await settled(pilot, screen)
        assert table_rows(screen) == [] == cli_rows(db, "register", "interests", "bright")
        assert "Nothing to list" in status(screen)
        assert not any(word in everything_shown(screen) for word in EXEMPT_WORDS)
        await pilot.press(*["backspace"] * 6, *"nobody")
        await settled(pilot, screen)
        assert "no one called 'nobody'" in status(screen)
        # Enter takes the member typed and goes to the table; Enter there opens the meeting
        await pilot.press(*["backspace"] * 6, *"glanz", "enter")
        await settled(pilot, screen)
        assert isinstance(app.focused, RegisterTable)
        await pilot.press("down", "enter")  # the second: 25 November 2019, item 4
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        with Store(db) as store:
            (meeting,) = [m for m in store.list_meetings() if m.date == date(2019, 11, 25)]
            streets = next(i for i in store.load_record(meeting.id).items if i.number == "4")
        assert live.session.meeting_id == meeting.id
        assert live.session.current_item().id == streets.id
        assert len(app.screen_stack) == 2  # the live screen in the picker's place


async def test_open_actions_as_the_command_and_never_exempt(db: Path) -> None:
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await registers_from_picker(pilot, app)
        await pilot.press("f4")
        await settled(pilot, screen)
        with Store(db) as store:
            register = before.open_actions_register(before.open_actions(store))
        assert screen.shown is not None and screen.shown.register.rows == register.rows
        rows = table_rows(screen)
        assert as_csv(rows) == cli_rows(db, "actions", "--open")
        assert rows[0] == (
            "Audit [/] Panel",
            "2018-03-01",
            "3. ACCOUNTS [b]2017[/b]",
            "Check [link=https://example.org]the ledger[/link]",
            "[i]Treasurer",
            "",
            "Open",
        )
        shown = everything_shown(screen)
        assert "Publish the counts" not in shown  # completed
        assert not any(word in shown for word in EXEMPT_WORDS)
        assert "Enter opens the meeting at the item" in status(screen)
        await pilot.press("tab", "enter")  # the panel's action: its meeting, at item 3
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        assert live.session.record.committee.name == "Audit [/] Panel"
        assert live.session.current_item().title == "ACCOUNTS [b]2017[/b]"


async def test_the_register_shown_is_written_to_csv_and_word_0600(db: Path, tmp_path: Path) -> None:
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await registers_from_picker(pilot, app)
        await pilot.press("f3")
        await settled(pilot, screen)
        for key, name in (("f5", "interests.csv"), ("f6", "interests.docx")):
            await pilot.press(key)
            await pilot.pause()
            field = app.screen.query_one("#field-path", Input)
            assert field.value == str(Path.cwd() / name)  # as `clerk register` names it
            field.value = str(tmp_path / "out" / name)
            await pilot.press("enter")  # no such folder: said, and the dialog stays
            await pilot.pause()
            assert "There is no folder" in str(app.screen.query_one(".dialog-error").render())
            field.value = str(tmp_path / name)
            await pilot.press("enter")
            for _ in range(200):
                await pilot.pause(0.02)
                if "Wrote" in status(screen):
                    break
            assert status(screen).strip() == f"Wrote {tmp_path / name} (readable by you alone)"
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o600
        written = list(csv.reader((tmp_path / "interests.csv").open(encoding="utf-8")))
        assert written[1:] == cli_rows(db, "register", "interests")
        document = Document(str(tmp_path / "interests.docx"))
        cells = [c.text for t in document.tables for row in t.rows[1:] for c in row.cells]
        assert cells == [cell for row in table_rows(screen) for cell in row]
        text = " ".join(cells + [p.text for p in document.paragraphs])
        assert not any(word in text for word in EXEMPT_WORDS)


async def test_computing_holds_no_keys_and_a_newer_choice_wins(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open actions held computing (ten years of them take a while): the status says so,
    the keys still work, and attendance chosen meanwhile is what is shown."""
    release = threading.Event()
    compute = registers_screen.compute

    def slow(store, choice, superseded=lambda: False):
        if choice.kind is registers_screen.Kind.ACTIONS:
            assert release.wait(10)
        return compute(store, choice, superseded)

    monkeypatch.setattr(registers_screen, "compute", slow)
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await registers_from_picker(pilot, app)
        await pilot.press("f4")
        await pilot.pause(0.2)
        assert "computing…" in status(screen)
        # no attendance left under the open actions' tab, and nothing to write meanwhile
        assert table_rows(screen) == [] and screen.shown is None
        assert screen.check_action("export", ("csv",)) is None
        tabs = screen.query_one(Tabs)
        assert app.focused is tabs
        await pilot.press("tab")  # the keys go on: the focus moves while it computes
        assert isinstance(app.focused, RegisterTable)
        await pilot.press("f2")
        await settled(pilot, screen)
        assert tabs.active == "attendance"
        assert screen.shown is not None and screen.shown.choice.kind.value == "attendance"
        release.set()
        await pilot.pause(0.3)
        assert screen.shown.choice.kind.value == "attendance"  # the actions came too late
        register = attendance_as_the_command_computes(db, "family", None)
        assert table_rows(screen) == list(register.rows)


async def test_from_anywhere_by_the_palette_and_from_the_picker_by_its_key(db: Path) -> None:
    with Store(db) as store:
        panel = next(m for m in store.list_meetings() if m.committee == "Audit [/] Panel")
    app = ClerkApp(db, panel.id, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        (command,) = [c for c in app.get_system_commands(live) if c.title == "Registers"]
        await command.callback()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegistersScreen)
        await settled(pilot, screen)
        # the meeting open's committee first
        assert table_rows(screen)[0][0] == "Cy [bold]Poe[/]"
        assert not [c for c in app.get_system_commands(screen) if c.title == "Registers"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is live
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(MeetingTable)
        picker_help = " ".join(help_text(table, MeetingTable.HELP_TEMPLATE).split())
        assert "**F6** shows the registers" in picker_help
        assert app.screen.active_bindings["f6"].binding.description == "Registers"  # footer
        titles = [c.title for c in app.get_system_commands(app.screen)]
        # the picker's key, once: not its key and the palette's own command both
        assert [t for t in titles if t.startswith("Registers")] == ["Registers (f6)"]
        screen = await registers_from_picker(pilot, app)
        help_shown = help_text(screen.query_one(RegisterTable), RegisterTable.HELP_TEMPLATE)
        help_shown = " ".join(help_shown.split())
        assert "**F2** each member's attendance" in help_shown


async def test_long_registers_come_a_page_at_a_time_and_open_at_their_row(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten years of actions are thousands of rows: the table takes a page at a time as the
    highlight nears the last row in it, and Enter opens the row highlighted, wherever it is."""
    monkeypatch.setattr(registers_screen, "FIRST_PAGE", 2)
    monkeypatch.setattr(registers_screen, "PAGE", 2)
    app = ClerkApp(db, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await registers_from_picker(pilot, app)
        await pilot.press("f3")
        await settled(pilot, screen)
        assert screen.shown is not None
        register = screen.shown.register
        assert len(register.rows) == 5
        assert len(table_rows(screen)) == 2
        assert "5 rows" in status(screen)  # the whole register's, not the page's
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, RegisterTable)
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert table_rows(screen) == list(register.rows)
        assert app.focused.cursor_row == 4
        await pilot.press("enter")
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        meeting_id, item_id = register.places[4]
        assert live.session.meeting_id == meeting_id
        assert live.session.current_item().id == item_id
