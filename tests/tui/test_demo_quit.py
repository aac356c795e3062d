"""The demo on screen: it says where its scratch database is, and quitting asks whether to keep
what was recorded before anything is thrown away."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clerk.demo import DemoInfo
from clerk.samples import DEMO_MEETING, load_samples
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.demo import DemoQuitDialog
from clerk.tui.screens.live import LiveScreen
from tests.tui.terminal import type_text

SIZE = (120, 40)


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, str]:
    """The demo's scratch database as `clerk demo` makes it: (path, the demo meeting's id)."""
    folder = tmp_path / "clerk-demo-test"
    folder.mkdir()
    path = folder / "demo.db"
    with Store(path, role="import") as store:
        meeting_id = load_samples(store)[DEMO_MEETING]
    return path, meeting_id


def kept_folder() -> Path:
    # tests/conftest.py points XDG_DATA_HOME at a scratch home
    return Path(os.environ["XDG_DATA_HOME"]) / "clerk"


def paragraphs(path: Path, meeting_id: str) -> list[str]:
    with Store(path) as store:
        return [p.text for p in store.load_record(meeting_id).paragraphs]


async def test_the_demo_says_where_its_database_is_and_that_it_is_thrown_away(
    demo_db, clock
) -> None:
    path, meeting_id = demo_db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False, demo=DemoInfo(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [note] = [n for n in app._notifications if n.title == "Demo"]
        assert str(path) in note.message
        assert "thrown away when you quit" in note.message


async def test_quitting_the_demo_can_keep_what_was_recorded(demo_db, clock) -> None:
    path, meeting_id = demo_db
    demo = DemoInfo(path)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "The Chairman welcomed everyone")  # not yet written: debounce
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # asked, not gone
        dialog = app.screen
        assert isinstance(dialog, DemoQuitDialog)
        shown = " ".join(str(option.prompt) for option in dialog.query_one("#choices").options)
        target = kept_folder() / "clerk-demo-20191017-190500.db"  # the frozen clock
        assert str(target) in shown
        await pilot.press("k")
        await pilot.pause()
        assert not app.is_running
    assert demo.kept == target
    assert paragraphs(target, meeting_id) == ["The Chairman welcomed everyone"]


async def test_quitting_the_demo_can_throw_it_away(demo_db, clock) -> None:
    path, meeting_id = demo_db
    demo = DemoInfo(path)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "Nothing to keep")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, DemoQuitDialog)
        await pilot.press("t")
        await pilot.pause()
        assert not app.is_running
    assert demo.kept is None
    assert not kept_folder().exists() or list(kept_folder().glob("clerk-demo-*")) == []


async def test_escape_from_the_question_goes_back_to_the_meeting(demo_db, clock) -> None:
    path, meeting_id = demo_db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False, demo=DemoInfo(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("ctrl+q")  # again while asked: the question stays, once
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, DemoQuitDialog)]) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, LiveScreen)
        await type_text(pilot, "Still recording")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert not app.is_running
    assert paragraphs(path, meeting_id) == ["Still recording"]  # written on the way out


async def test_a_real_database_quits_without_a_question(demo_db, clock) -> None:
    path, meeting_id = demo_db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if n.title == "Demo"]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_remapped_quit_key_is_the_one_named_and_it_asks(
    demo_db, clock, isolated_config
) -> None:
    (isolated_config / "keys.toml").write_text('[keys]\nquit = "ctrl+x"\n', encoding="utf-8")
    path, meeting_id = demo_db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False, demo=DemoInfo(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [note] = [n for n in app._notifications if n.title == "Demo"]
        assert "Ctrl+X offers to keep a copy" in note.message
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, DemoQuitDialog)
