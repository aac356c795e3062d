"""The agenda's sub-items ("(i) …", "(a) …") on the live screen: under the current item's
heading, and under each item in the agenda down the side, at 80x24 without pushing the
composer off the screen; "+N more" where there are too many. The minutes and the chair's
review leave them out, as the council's minutes do (HOUSE_STYLE.md and reference/ show
no minute with sub-item headings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from clerk.minutes.references import passages
from clerk.record import MeetingRecord, MeetingStatus, MinuteParagraph, SubItem
from clerk.review import minutes_document
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.review import ReviewScreen
from clerk.tui.widgets.composer import Composer
from clerk.tui.widgets.live import AgendaList
from tests.tui.conftest import october_record
from tests.tui.terminal import stored_paragraphs, type_text
from tests.tui.test_markup_screens import drawn, screen_lines

SMALL = (80, 24)

#: Item 4's five sub-items; the first is agenda text that looks like Rich markup.
FOUR = [
    SubItem("(i)", "[b]CARE[/b] HOMES"),
    SubItem("(ii)", "LEARNING DISABILITY STRATEGY: THE BIG PLAN FOR THE BI-BOROUGH"),
    SubItem("(iii)", "PERSONALISATION"),
    SubItem("(iv)", "HOMECARE"),
    SubItem("(v)", "CHILDREN'S SERVICES"),
]
FIVE = [SubItem("a)", "ADULTS"), SubItem("b)", "CHILDREN")]
SECRET = SubItem("(a)", "BIDDER PRICES SECRET")


def sub_item_record() -> MeetingRecord:
    """The October agenda with sub-items on items 4, 5 and the exempt item 10; the
    meeting is on item 4."""
    record = october_record()
    record.items[3].sub_items = list(FOUR)
    record.items[4].sub_items = list(FIVE)
    record.items[9].sub_items = [SECRET]
    record.meeting = replace(record.meeting, current_item_id=record.items[3].id)
    return record


def saved(path, record: MeetingRecord) -> str:
    with Store(path) as store:
        store.save_record(record)
    return record.meeting.id


async def test_the_current_items_sub_items_show_at_80x24_and_the_composer_works(
    tmp_path, clock
) -> None:
    path = tmp_path / "clerk.db"
    meeting_id = saved(path, sub_item_record())
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        block = screen.query_one("#sub-items")
        shown = drawn(app, block).splitlines()
        # two of five, then how many more: the markup-like title as typed, not styled
        assert [line.rstrip() for line in shown] == [
            "(i) [b]CARE[/b] HOMES",
            shown[1].rstrip(),
            "+3 more",
        ]
        assert shown[1].startswith("(ii) LEARNING DISABILITY") and shown[1].rstrip()[-1] == "…"
        # under the heading, above the item's record; the composer whole on the screen
        heading = screen.query_one("#item-heading")
        composer = screen.query_one(Composer)
        assert heading.region.bottom <= block.region.y < screen.item_record.region.y
        assert screen.item_record.region.height >= 3
        assert composer.region.height == 7 and composer.region.bottom <= SMALL[1] - 1
        assert composer.has_focus
        await type_text(pilot, "The Committee discussed care homes.")
        await pilot.press("enter")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id)["4"] == ["The Committee discussed care homes."]
        assert drawn(app, block).splitlines()[0].rstrip() == "(i) [b]CARE[/b] HOMES"

        # the agenda down the side: each item's sub-items under it, cut to its width
        agenda = drawn(app, screen.query_one(AgendaList))
        assert "(i) [b]CARE[/b] HOMES" in agenda
        assert "+3 more" in agenda
        assert "a) ADULTS" in agenda and "b) CHILDREN" in agenda

        # the next item has two: both shown, no "+N more"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert [line.rstrip() for line in drawn(app, block).splitlines()] == [
            "a) ADULTS",
            "b) CHILDREN",
        ]
        # an item without sub-items gives their lines back to the record
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not block.display
        assert not any("ADULTS" in line for line in drawn(app, screen.item_record).splitlines())
        await pilot.press("ctrl+q")


async def test_a_taller_terminal_shows_more_of_them(tmp_path, clock) -> None:
    path = tmp_path / "clerk.db"
    meeting_id = saved(path, sub_item_record())
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        block = app.screen.query_one("#sub-items")
        assert "+3 more" in drawn(app, block)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        lines = [line.rstrip() for line in drawn(app, block).splitlines()]
        assert lines == [f"{s.label} {s.title}" for s in FOUR]
        await pilot.press("ctrl+q")


async def test_the_minutes_and_the_review_leave_sub_items_out(tmp_path) -> None:
    """The council's minutes have no sub-item headings: the review shows the minutes, so
    neither shows them (and never an exempt item's)."""
    path = tmp_path / "clerk.db"
    record = sub_item_record()
    record.meeting = replace(record.meeting, status=MeetingStatus.ENDED, end_time=time(20, 30))
    record.paragraphs = [MinuteParagraph(item_id=record.items[3].id, text="Care was discussed.")]
    meeting_id = saved(path, record)
    with Store(path) as store:
        record = store.load_record(meeting_id)
    exported = passages(minutes_document(record))
    titles = [s.title for s in [*FOUR, *FIVE, SECRET]]
    assert not any(t in p.text for p in exported for t in titles)
    app = ClerkApp(path, meeting_id, cursor_blink=False, review_as="chair")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        shown = [line.passage for line in screen.view.lines if line.passage is not None]
        assert [(p.reference, p.text) for p in shown] == [(p.reference, p.text) for p in exported]
        text = "\n".join(line.text for line in screen.view.lines) + "\n".join(screen_lines(app))
        assert "Care was discussed." in text
        assert not any(t in text for t in titles)
        await pilot.press("ctrl+q")
