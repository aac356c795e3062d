"""User text is text, never markup, on every screen (issue 9): the picker, the live screen, the
roll call, the dialogs and the notifications draw each name, title and word exactly as typed,
square brackets, tags and backslashes and all. Read as markup, "[b]now[/b]" is drawn "now" and
"Audit [/] Panel" crashes the screen.

Each test reads what the terminal shows (the characters drawn, no colour) in the part of the
screen that holds the text. Long text wraps there, so both sides are compared with the
whitespace squeezed out; where a table column is narrower than a name, the name's first
characters are looked for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input, Label
from textual.widgets._toast import Toast

from clerk.demo import DemoInfo
from clerk.errors import ClerkError
from clerk.record import MeetingRecord, MeetingStatus
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.dialogs.declaration import DeclarationDialog
from clerk.tui.dialogs.forms import ChoiceDialog, FormDialog, PersonDialog
from clerk.tui.dialogs.vote import VoteDialog
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.picker import PickerScreen
from clerk.tui.screens.rollcall import RollCallScreen
from clerk.tui.widgets.item_record import ItemRecord
from clerk.tui.widgets.live import AgendaList
from tests.markup_meeting import (
    ACTION,
    CHAIR,
    COMMITTEE,
    GUEST,
    GUEST_ROLE,
    ITEM,
    ITEM_DESCRIPTION,
    KIND,
    LEAD,
    MEMBER,
    MOTION,
    NATURE,
    PARAGRAPH,
    RESOLUTION,
    markup_record,
)

SIZE = (160, 50)


# --------------------------------------------------------------------------- reading the screen


def screen_lines(app: App) -> list[str]:
    """Every line of the terminal as drawn now (the screen and any dialog or notification
    over it): characters, no colour."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return ["".join(strip.text for strip in line) for line in update.strips]


def drawn(app: App, widget: Widget, *, border: bool = False) -> str:
    """What the terminal shows where the widget is: its content, or with `border` its box."""
    region = widget.region if border else widget.content_region
    lines = screen_lines(app)[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def squeezed(text: str) -> str:
    return "".join(text.split())


def not_shown(app: App, widget: Widget, expected: dict[str, str]) -> dict[str, str]:
    """Which of the expected texts the widget does not show as typed (empty when all are)."""
    shown = squeezed(drawn(app, widget))
    return {what: text for what, text in expected.items() if squeezed(text) not in shown}


def notifications(app: App) -> str:
    """The text of every notification on the screen now."""
    return "\n".join(squeezed(drawn(app, toast)) for toast in app.screen.query(Toast))


def title_of(app: App) -> Widget:
    return app.screen.query_one(".dialog-title", Label)


# --------------------------------------------------------------------------- the meeting


@pytest.fixture
def meeting(tmp_path: Path) -> tuple[Path, MeetingRecord]:
    """The meeting of tests/markup_meeting.py, under way on item 3: (database, record)."""
    path = tmp_path / "clerk.db"
    record = markup_record(MeetingStatus.IN_PROGRESS)
    with Store(path) as store:
        store.save_record(record)
    return path, record


def live_app(meeting: tuple[Path, MeetingRecord], clock: Callable[[], datetime]) -> ClerkApp:
    path, record = meeting
    return ClerkApp(path, record.meeting.id, clock=clock, cursor_blink=False)


def person_id(record: MeetingRecord, name: str) -> str:
    return next(p.id for p in record.people if p.name == name)


# --------------------------------------------------------------------------- the picker


async def test_the_picker_lists_a_committee_named_like_markup(meeting) -> None:
    """The picker crashed (MarkupError) on a committee named "Audit [/] Panel"."""
    path, _record = meeting
    app = ClerkApp(path, cursor_blink=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert not_shown(app, app.screen.query_one("#meetings"), {"committee": COMMITTEE}) == {}
        await pilot.press("f3")  # the committee's next meeting
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert squeezed(f"Next meeting of the {COMMITTEE}") in squeezed(drawn(app, title_of(app)))


async def test_the_picker_quotes_a_file_it_cannot_import_as_typed(meeting, tmp_path) -> None:
    path, _record = meeting
    folder = tmp_path / "[b]papers[/b] [/]"  # "[/" and "]": a folder in a folder
    folder.mkdir(parents=True)
    broken = folder / "[i]pack \\[u].txt"
    broken.write_text("nothing like an agenda\n", encoding="utf-8")
    app = ClerkApp(path, cursor_blink=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f2")  # import an agenda
        await pilot.pause()
        field = app.screen.query_one("#field-path", Input)
        field.value = str(folder / "[u]nowhere[/u].txt")
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one(".dialog-error")
        assert squeezed(f"No such file: {folder}/[u]nowhere[/u].txt") in squeezed(drawn(app, error))
        field.value = str(broken)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert squeezed(str(broken)) in notifications(app)  # "Not imported: … line 1: …"


# --------------------------------------------------------------------------- the live screen


async def test_the_live_screen_shows_every_word_as_typed(meeting, clock) -> None:
    """The live screen crashed (MarkupError) on opening a meeting of "Audit [/] Panel"."""
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        agenda = screen.query_one(AgendaList)
        assert not_shown(app, agenda, {"item": ITEM}) == {}
        # the committee's name heads the agenda, cut to the agenda's width
        top = drawn(app, agenda, border=True).splitlines()[0]
        assert COMMITTEE[:30] in top
        heading = screen.query_one("#item-heading")
        assert not_shown(app, heading, {"item": ITEM, "description": ITEM_DESCRIPTION}) == {}
        expected = {
            "paragraph": PARAGRAPH,
            "motion voted on": MOTION.removeprefix("That "),
            "resolution": RESOLUTION,
            "action": ACTION,
            "lead": LEAD,
        }
        assert not_shown(app, screen.query_one(ItemRecord), expected) == {}
        await pilot.press("ctrl+b")  # the declarations item: the minutes record them there
        await pilot.pause()
        declared = {"member": MEMBER, "interest": KIND, "its nature": NATURE, "item": ITEM}
        assert not_shown(app, screen.query_one(ItemRecord), declared) == {}


async def test_deleting_and_undoing_an_entry_name_it_as_typed(meeting, clock) -> None:
    _path, record = meeting
    [declaration] = record.declarations
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+b")  # to the declarations item
        await pilot.pause()
        entries = app.screen.query_one(ItemRecord)
        entries.focus()
        entries.highlight(f"declarations:{declaration.id}")
        await pilot.press("delete")
        await pilot.pause()
        assert squeezed(f"Deleted declaration by {MEMBER}.") in notifications(app)
        app.clear_notifications()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert squeezed(f"Undone: declaration by {MEMBER} deleted") in notifications(app)


async def test_the_declaration_dialog_offers_the_committees_kinds_as_typed(meeting, clock) -> None:
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DeclarationDialog)
        assert squeezed(f"Declaration of interest — 3. {ITEM}") in squeezed(
            drawn(app, title_of(app))
        )
        assert not_shown(app, dialog.query_one("#decl-kind"), {"kind": KIND}) == {}
        assert not_shown(app, dialog.query_one("#decl-item-title"), {"item": ITEM}) == {}


async def test_a_recorded_vote_names_each_voter_as_typed(meeting, clock) -> None:
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        assert squeezed(f"Vote — 3. {ITEM}") in squeezed(drawn(app, title_of(app)))
        await pilot.press("enter", "r")  # the motion as filled in; a recorded vote
        await pilot.pause()
        voters = {"chair": CHAIR, "member": MEMBER}
        assert not_shown(app, dialog.query_one("#vote-table"), voters) == {}
        await pilot.press("f", "a")
        await pilot.pause()
        preview = dialog.query_one("#vote-preview")
        assert not_shown(app, preview, {**voters, "motion": RESOLUTION.removeprefix("That ")}) == {}


async def test_the_person_picker_and_action_form_show_names_as_typed(meeting, clock) -> None:
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f8")  # insert a person
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        dialog.query_one("#person-name", Input).value = "[b]Zed[/b]"
        await pilot.pause()
        matches = dialog.query_one("#person-matches")
        assert squeezed("+ New person: ‘[b]Zed[/b]’") in squeezed(drawn(app, matches))
        await pilot.press("enter")  # no one of that name, and not a full name: said so
        await pilot.pause()
        error = dialog.query_one(".dialog-error")
        assert squeezed("No one known is called ‘[b]Zed[/b]’") in squeezed(drawn(app, error))
        name = dialog.query_one("#person-name", Input)
        name.value = "Ann"
        await pilot.pause()
        assert squeezed(CHAIR) in squeezed(drawn(app, matches))
        await pilot.press("escape", "f7")  # an action arising
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", "A", "n", "n")  # the lead, completed from the people known
        await pilot.pause()
        lead = app.screen.query_one("#field-lead", Input)
        assert squeezed(CHAIR) in squeezed(drawn(app, lead))


async def test_a_refusal_quotes_the_error_as_typed(meeting, clock) -> None:
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.refused(ClerkError(f"“declaration by {MEMBER}” has been changed since."))
        await pilot.pause()
        assert squeezed(f"“declaration by {MEMBER}” has been changed since.") in notifications(app)


# --------------------------------------------------------------------------- the roll call


async def test_the_roll_call_shows_names_and_roles_as_typed(meeting, clock) -> None:
    _path, record = meeting
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RollCallScreen)
        title = screen.query_one("#rollcall-title")
        assert squeezed(f"Roll call — {COMMITTEE}, 17 October 2019") in squeezed(drawn(app, title))
        # the table's columns are narrower than these names: their first characters show
        table = screen.query_one("#rollcall")
        cut = {
            "chair": CHAIR[:30],
            "member": MEMBER[:30],
            "guest": GUEST[:30],
            "role": GUEST_ROLE[:28],
        }
        assert not_shown(app, table, cut) == {}
        # the line under the table has the highlighted person in full
        table.move_cursor(row=screen.row_ids.index(person_id(record, GUEST)))
        await pilot.pause()
        detail = screen.query_one("#rollcall-detail")
        assert not_shown(app, detail, {"guest": GUEST, "role": GUEST_ROLE}) == {}
        summary = screen.query_one("#rollcall-summary")
        assert squeezed(f"Delete clears: {GUEST}") in squeezed(drawn(app, summary))


async def test_the_roll_calls_questions_and_notes_name_people_as_typed(meeting, clock) -> None:
    path, record = meeting
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#rollcall")
        table.move_cursor(row=screen.row_ids.index(person_id(record, MEMBER)))
        await pilot.pause()
        await pilot.press("s")  # a substitute for the member
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert squeezed(f"Substitute for {MEMBER}") in squeezed(drawn(app, title_of(app)))
        await pilot.press("escape", "l")  # the member arrived late
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert squeezed(f"{MEMBER} arrived at") in squeezed(drawn(app, title_of(app)))
        await pilot.press("escape", "r")  # a member cannot be removed: said so
        await pilot.pause()
        assert squeezed(f"{MEMBER} is a member of the committee") in notifications(app)
        app.clear_notifications()
        table.move_cursor(row=screen.row_ids.index(person_id(record, GUEST)))
        await pilot.pause()
        await pilot.press("m")  # merge the councillor into someone
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert squeezed(f"Merge {GUEST} into…") in squeezed(drawn(app, title_of(app)))
        await pilot.press("escape", "r")  # remove the councillor
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert squeezed(f"Remove {GUEST} from clerk") in squeezed(drawn(app, title_of(app)))
        await pilot.press("y")
        await pilot.pause()
        assert squeezed(f"Removed {GUEST}") in notifications(app)
    with Store(path) as store:
        assert GUEST not in [p.name for p in store.people()]


# --------------------------------------------------------------------------- the app's own words


async def test_a_keys_file_written_like_markup_is_warned_of_as_typed(
    meeting, clock, isolated_config: Path
) -> None:
    """A keys.toml with a non-key entry named "[/]" crashed clerk as it started."""
    (isolated_config / "keys.toml").write_text('[keys]\n"[b]x[/b] [/]" = 1\n', encoding="utf-8")
    app = live_app(meeting, clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert squeezed("ignored [b]x[/b] [/] (not a key string)") in notifications(app)


async def test_the_demo_names_a_folder_written_like_markup_as_typed(meeting, clock, tmp_path):
    _path, record = meeting
    folder = tmp_path / "[b]demo[/b] [/]"
    folder.mkdir(parents=True)
    path = folder / "demo.db"
    with Store(path) as store:
        store.save_record(record)
    app = ClerkApp(path, record.meeting.id, clock=clock, cursor_blink=False, demo=DemoInfo(path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert squeezed(str(path)) in notifications(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        note = app.screen.query_one(".dialog-note")
        assert squeezed(str(path)) in squeezed(drawn(app, note))
