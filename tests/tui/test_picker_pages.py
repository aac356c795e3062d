"""The picker with years of meetings: it reads a page at a time, and more as the highlight
nears the end, so every meeting can be reached and none is read before it is needed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from clerk.record import new_id
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.picker import FIRST_PAGE, PAGE, PickerScreen
from tests.tui.conftest import october_record

SIZE = (120, 40)
COUNT = 2 * PAGE + 50


async def test_pages_of_meetings(tmp_path: Path, clock) -> None:
    path = tmp_path / "many.db"
    record = october_record()
    ids = []
    with Store(path) as store, store.batch():
        for k in range(COUNT):
            meeting = replace(record.meeting, id=new_id(), date=date(2010, 1, 4) + timedelta(k))
            items = [replace(item, id=new_id()) for item in record.items]
            store.save_record(replace(record, meeting=meeting, items=items))
            ids.append(meeting.id)
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        assert screen.meeting_ids == ids[::-1][:FIRST_PAGE]  # the newest page only
        assert f"{COUNT} meetings" in str(screen.query_one("#picker-hint", Static).render())
        table = screen.query_one(DataTable)
        for _ in range(4):
            await pilot.press("ctrl+end")
            await pilot.pause()
        assert screen.meeting_ids == ids[::-1]  # all of them, newest first, none twice
        assert table.row_count == COUNT
        await pilot.press("enter")  # the oldest
        await pilot.pause()
        assert app.session is not None and app.session.meeting_id == ids[0]
