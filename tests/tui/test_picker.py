"""The meeting picker: newest first, import an agenda, the committee's next meeting, open one.

Each test drives the picker by keys and reads the database back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from textual.widgets import Static

from clerk import importing
from clerk.importers.agenda import read_agenda
from clerk.record import MeetingStatus, new_id
from clerk.standing import NEXT_MEETING_TITLES, standing_items
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.dialogs.forms import FormDialog
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.picker import PickerScreen
from tests.import_examples import BROKEN, broken, example
from tests.tui.conftest import october_record

SIZE = (120, 40)
AGENDA = Path(__file__).parent.parent / "agendas" / "fpss_2019-11-25_reference.md"


def add_meeting(path: Path, day: date) -> str:
    """Another meeting of a fresh committee on `day`; its id."""
    record = october_record()
    record.meeting = replace(record.meeting, date=day, id=new_id())
    with Store(path) as store:
        store.save_record(record)
    return record.meeting.id


async def import_through_the_picker(app: ClerkApp, pilot, path: Path) -> None:
    await pilot.press("f2")
    await pilot.pause()
    # typing a long path key by key is slow; the field is an ordinary Input
    app.screen.query_one("#field-path").value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_meetings_newest_first(db, clock) -> None:
    path, october = db
    june = add_meeting(path, date(2019, 6, 17))
    december = add_meeting(path, date(2019, 12, 9))
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        assert screen.meeting_ids == [december, october, june]
        table = screen.query_one("#meetings")
        assert str(table.get_row_at(0)[0]).endswith("09 Dec 2019")
        await pilot.press("enter")  # the newest is highlighted first
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.session.meeting_id == december
    with Store(path) as store:
        assert store.meeting(december).status is MeetingStatus.IN_PROGRESS
        assert store.meeting(october).status is MeetingStatus.SCHEDULED


async def test_opening_from_the_picker_records_the_start(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    with Store(path) as store:
        meeting = store.meeting(meeting_id)
    assert meeting.status is MeetingStatus.IN_PROGRESS
    assert meeting.start_time == time(19, 5)  # the clock, not the agenda's 7.00 pm


async def test_import_an_agenda_from_the_picker(db, clock) -> None:
    path, october = db
    december = add_meeting(path, date(2019, 12, 9))  # the import lands mid-list
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await import_through_the_picker(app, pilot, AGENDA)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert len(picker.meeting_ids) == 3
        # the imported meeting is highlighted: Enter opens it, not the newest
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        imported = app.session.meeting_id
    assert imported != october
    with Store(path) as store:
        record = store.load_record(imported)
        summaries = store.list_meetings()
    assert record.meeting.date == date(2019, 11, 25)
    assert [i.number for i in record.agenda()] == [str(n) for n in range(1, 10)]
    assert record.agenda()[4].title.startswith("WESTMINSTER'S YOUTH JUSTICE")
    assert [s.id for s in summaries] == [december, imported, october]


async def test_import_error_names_the_file(db, clock, tmp_path) -> None:
    path, _ = db
    bad = tmp_path / "agenda.md"
    bad.write_text("Not an agenda at all\n", encoding="utf-8")
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await import_through_the_picker(app, pilot, bad)
        assert isinstance(app.screen, PickerScreen)
        assert any("agenda.md" in n.message for n in app._notifications)
    with Store(path) as store:
        assert len(store.list_meetings()) == 1


@pytest.mark.parametrize("suffix", importing.ACCEPTED)
async def test_the_picker_imports_every_kind_of_file_clerk_import_does(
    tmp_path, clock, suffix: str
) -> None:
    """tests/test_cli.py imports the very same files with `clerk import`."""
    path, day = example(tmp_path, suffix)
    db = tmp_path / "clerk.db"
    app = ClerkApp(db, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        prompt = app.screen.query_one("#field-path").placeholder
        assert all(ending in prompt.split() for ending in importing.ACCEPTED)
        await pilot.press("escape")
        await pilot.pause()
        await import_through_the_picker(app, pilot, path)
        assert isinstance(app.screen, PickerScreen)
        assert len(app.screen.meeting_ids) == 1
    with Store(db) as store:
        assert [m.date for m in store.list_meetings()] == [day]


@pytest.mark.parametrize("name", BROKEN)
async def test_a_broken_file_of_each_kind_names_file_and_line_and_changes_nothing(
    db, clock, tmp_path, name: str
) -> None:
    path, _ = db
    with Store(path) as store:
        before = len(store.journal())
    bad, line = broken(tmp_path, name)
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await import_through_the_picker(app, pilot, bad)
        assert isinstance(app.screen, PickerScreen)
        assert any(f"{bad}, line {line}:" in n.message for n in app._notifications)
    with Store(path) as store:
        assert len(store.journal()) == before
        assert len(store.list_meetings()) == 1


async def test_a_file_clerk_does_not_import_is_refused_in_the_prompt(db, clock, tmp_path) -> None:
    path, _ = db
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await import_through_the_picker(app, pilot, pdf)
        assert isinstance(app.screen, FormDialog)  # still asking: the clerk can correct it
        said = " ".join(str(app.screen.query_one(".dialog-error", Static).render()).split())
        assert f"clerk imports {importing.ACCEPTED_TEXT}, not a .pdf file" in said
    with Store(path) as store:
        assert len(store.list_meetings()) == 1


async def test_create_the_committees_next_meeting(db, clock) -> None:
    path, october = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#field-date").value == "2019-11-21"  # five weeks on
        await pilot.press("ctrl+u", *"2019-11-25", "enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert len(picker.meeting_ids) == 2
        new = picker.meeting_ids[0]
    with Store(path) as store:
        before = store.load_record(october)
        record = store.load_record(new)
    assert record.meeting.date == date(2019, 11, 25)
    assert record.committee.id == before.committee.id
    assert record.meeting.approves_minutes_of == date(2019, 10, 17)
    assert record.meeting.venue == before.meeting.venue
    assert record.meeting.status is MeetingStatus.SCHEDULED
    assert [i.title for i in record.agenda()] == [title for _, title in NEXT_MEETING_TITLES]
    # each is the standing item the live screen and the minutes take it for
    assert list(standing_items(record)) == [kind for kind, _ in NEXT_MEETING_TITLES]
    assert {m.person_id for m in record.members()} == {m.person_id for m in before.members()}
    assert record.attendance == [] and record.paragraphs == []


async def test_a_follow_on_agenda_from_the_picker_merges_or_imports_apart(db, clock) -> None:
    path, _ = db
    follow_on = AGENDA.parent / "fpss_follow_on.md"
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("m", "n"):  # merge into the meeting, then a separate meeting
            for agenda in (AGENDA, follow_on) if key == "m" else (follow_on,):
                await import_through_the_picker(app, pilot, agenda)
            if key == "m":
                with Store(path) as store:
                    assert len(store.list_meetings()) == 2  # nothing yet: the clerk is asked
            await pilot.press(key)
            await pilot.pause()
            with Store(path) as store:
                november = [m for m in store.list_meetings() if m.date == date(2019, 11, 25)]
            assert len(november) == (1 if key == "m" else 2)
    with Store(path) as store:
        agendas = sorted(
            ([i.number for i in store.load_record(m.id).agenda()] for m in november), key=len
        )
    follow_on_numbers = [i.number for i in read_agenda(follow_on).record.agenda()]
    assert agendas == [follow_on_numbers, [str(n) for n in range(1, 10)]]


def test_a_cell_is_cut_or_padded_to_its_column_as_rich_text_would_be() -> None:
    """The picker's cells (picker.Cell) draw exactly what Rich's Text draws on one line,
    wide characters, markup-like names and all; text that is not one printable line is
    left to Text."""
    from rich.console import Console
    from rich.text import Text

    from clerk.tui.screens.picker import Cell, cell

    console = Console(width=80, color_system=None)

    def drawn(renderable, width: int) -> list[str]:
        options = console.options.update_dimensions(width, 1).update(no_wrap=True)
        lines = console.render_lines(renderable, options, pad=True)
        return ["".join(segment.text for segment in line) for line in lines]

    for text in ["Audit [/] Panel", "Cabinet", "北京 Joint Board", "Planning — Sub-Committee"]:
        for width in (4, 9, 30):
            assert drawn(Cell(text), width) == drawn(Text(text, end=""), width), (text, width)
    assert str(cell("Audit [/] Panel")) == "Audit [/] Panel"
    assert isinstance(cell("Tab\there"), Text) and isinstance(cell("two\nlines"), Text)
