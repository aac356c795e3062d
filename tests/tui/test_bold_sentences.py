"""What a house style bolds in a generated sentence (issue 11, part 2) is bold on the screens:
the chair's review screen and the live screen's item record, as in the Word export; no
marker is ever drawn, and asterisks typed into a name are drawn as typed, not bold."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path

from textual.widget import Widget

from clerk.record import Attendance, AttendanceStatus, MeetingStatus
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.review import ReviewScreen
from clerk.tui.widgets.item_record import ItemRecord
from tests.tui.conftest import october_record

SIZE = (140, 40)
STYLE = '[membership]\ncouncillor = "**{honorific} {name}**"\n'


def stored_meeting(tmp_path: Path, *, ended: bool) -> tuple[Path, str]:
    """The October meeting in a style bolding councillors' names: Emily Payne (typed with
    asterisks) sent apologies and Matt Noble substituted for her."""
    style = tmp_path / "bold.toml"
    style.write_text(STYLE, encoding="utf-8")
    record = october_record()
    record.committee = replace(record.committee, style=str(style))
    payne = next(p for p in record.people if p.name == "Emily Payne")
    payne.name = "Emily *Payne*"
    noble = next(p for p in record.people if p.name == "Matt Noble")
    record.attendance = [
        Attendance(payne.id, AttendanceStatus.APOLOGIES),
        Attendance(noble.id, AttendanceStatus.SUBSTITUTE, substitute_for=payne.id),
    ]
    if ended:
        record.meeting = replace(record.meeting, status=MeetingStatus.ENDED, end_time=time(21))
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        store.save_record(record)
    return path, record.meeting.id


def drawn(widget: Widget) -> tuple[str, str]:
    """(everything the widget draws, what of it is bold), line by line."""
    text, bold = [], []
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            text.append(segment.text)
            if segment.style is not None and segment.style.bold:
                bold.append(segment.text)
        text.append("\n")
        bold.append("\n")
    return "".join(text), "".join(bold)


SENTENCE = (
    "Apologies for absence were received from Councillor Emily *Payne*. "
    "Councillor Matt Noble attended as a substitute for Councillor Emily *Payne*."
)


def squeezed(text: str) -> str:
    return " ".join(text.split())


async def test_the_review_screen_shows_the_bold_names(tmp_path: Path) -> None:
    path, meeting_id = stored_meeting(tmp_path, ended=True)
    app = ClerkApp(path, meeting_id, cursor_blink=False, review_as="chair")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        # the passage under the cursor is drawn highlighted (bold): look at 1.1 beside it
        assert screen.view.highlight_reference("heading 1")
        await pilot.pause()
        text, bold = drawn(screen.view)
        assert SENTENCE in squeezed(text.replace("│", " "))
        assert "**" not in text
        bold = squeezed(bold)
        assert "Councillor Matt Noble" in bold and "Councillor Emily *Payne*" in bold
        assert "Apologies for absence" not in bold and "attended as a substitute" not in bold


async def test_the_item_record_shows_the_bold_names(tmp_path: Path) -> None:
    path, meeting_id = stored_meeting(tmp_path, ended=False)
    app = ClerkApp(path, meeting_id, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        record = screen.query_one(ItemRecord)
        record.highlighted = None  # an entry under the cursor is drawn highlighted (bold)
        await pilot.pause()
        text, bold = drawn(record)
        assert SENTENCE in squeezed(text.replace("│", " "))
        assert "**" not in text
        bold = squeezed(bold)
        assert "Councillor Matt Noble" in bold and "Councillor Emily *Payne*" in bold
        assert "Apologies for absence" not in bold
