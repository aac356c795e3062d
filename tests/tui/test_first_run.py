"""The first run: `clerk` on an empty database offers the sample meetings and an import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.picker import PickerScreen
from clerk.tui.widgets.footer import ClerkFooter

SIZE = (120, 40)


def footer_text(app: ClerkApp) -> str:
    return app.screen.query_one(ClerkFooter).render().plain  # type: ignore[union-attr]


def shown(app: ClerkApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_an_empty_database_offers_the_samples_and_an_import(tmp_path: Path, clock) -> None:
    path = tmp_path / "clerk.db"
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        offer = shown(app, "#picker-empty")
        assert "No meetings in" in offer
        assert "s   load the sample meetings" in offer
        assert "F2  import an agenda pack" in offer
        assert "s loads the sample meetings" in shown(app, "#picker-hint")
        assert "Load the samples" in footer_text(app)

        await pilot.press("s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert len(picker.meeting_ids) == 2
        assert shown(app, "#picker-empty") == ""
        assert "2 meetings" in shown(app, "#picker-hint")
        assert "Load the samples" not in footer_text(app)
        await pilot.press("s")  # not offered once there are meetings: nothing happens
        await pilot.pause()

        await pilot.press("enter")  # the meeting to record is highlighted, not the newest
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.session is not None
        assert app.session.meeting.date == date(2019, 11, 25)

    with Store(path) as store:
        assert len(store.list_meetings()) == 2
        # loaded as `clerk load-samples` loads them: journalled as an import
        assert {e.role for e in store.journal() if e.op == "insert"} == {"import"}


async def test_the_samples_are_not_offered_over_real_meetings(db, clock) -> None:
    path, _ = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "#picker-empty") == ""
        assert "Load the samples" not in footer_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert len(app.screen.meeting_ids) == 1  # type: ignore[attr-defined]


async def test_the_offer_names_the_keys_as_remapped(tmp_path: Path, clock, isolated_config) -> None:
    (isolated_config / "keys.toml").write_text(
        '[keys]\nload_samples = "f4"\nimport_agenda = "f6"\n', encoding="utf-8"
    )
    path = tmp_path / "clerk.db"
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offer = shown(app, "#picker-empty")
        assert "F4  load the sample meetings" in offer
        assert "F6  import an agenda pack" in offer
        await pilot.press("f4")
        await pilot.pause()
        assert len(app.screen.meeting_ids) == 2  # type: ignore[attr-defined]
