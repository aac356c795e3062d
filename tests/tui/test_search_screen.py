"""The search screen: from the picker (/) and from anywhere (Ctrl+\\, or the palette), results
as the clerk types, exempt matter only when asked for, Enter opens the meeting at the item."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from clerk.record import MinuteParagraph, new_id
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens import search as search_screen
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.picker import PickerScreen
from clerk.tui.screens.search import PAGE, SearchScreen
from tests.tui.conftest import october_record

SIZE = (120, 40)


def with_paragraphs(db: tuple[Path, str]) -> dict[str, str]:
    """A paragraph under item 5 (public) and one under item 10 (exempt); item ids by number."""
    path, meeting_id = db
    with Store(path) as store:
        record = store.load_record(meeting_id)
        items = {i.number: i.id for i in record.items}
        store.add(
            meeting_id,
            MinuteParagraph(items["5"], "Uptake of the [bold]MMR[/] vaccination fell in Soho."),
        )
        store.add(
            meeting_id, MinuteParagraph(items["10"], "The bids for the family hubs vaccination.")
        )
    return items


def status_text(app: ClerkApp) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


def results(app: ClerkApp) -> list[str]:
    options = app.screen.query_one("#search-results", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def searched(pilot) -> None:
    """Once the search the last key started (in a thread) has drawn its results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await searched(pilot)


async def test_search_from_the_picker_and_open_at_the_item(db, clock) -> None:
    items = with_paragraphs(db)
    path, meeting_id = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_query(pilot, "vaccinations")
        (shown,) = results(app)  # the exempt item's paragraph is not shown
        assert "2019-10-17" in shown and "5. IMMUNISATION PROGRAMMES IN WESTMINSTER" in shown
        assert "5.1" in shown
        assert "[bold]MMR[/]" in shown  # the clerk's words as typed, never markup
        assert "1 found" in status_text(app)
        await pilot.press("f3")  # exempt matter, asked for
        await searched(pilot)
        assert len(results(app)) == 2
        assert any("EXEMPT" in r and "10. CONTRACT AWARD" in r for r in results(app))
        await pilot.press("f3")
        await searched(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.session.current_item().id == items["5"]
        assert len(app.screen_stack) == 2  # the live screen in the picker's place
    with Store(path) as store:
        # shown, not taken: the order the items were taken in is untouched by looking
        item = next(i for i in store.load_record(meeting_id).items if i.id == items["5"])
        assert item.taken_order is None


async def test_search_from_the_live_screen_shows_the_item(db, clock) -> None:
    items = with_paragraphs(db)
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        await pilot.press("ctrl+backslash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_query(pilot, "soho")
        await pilot.press("enter")  # Enter in the box opens the best result
        await pilot.pause()
        assert app.screen is live
        assert live.session.current_item().id == items["5"]


async def test_what_cannot_be_searched_is_said_and_nothing_breaks(db, clock) -> None:
    with_paragraphs(db)
    path, _ = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        for query, said in (
            ("-soho", "give a word to look for"),
            ('"', "no words to look for"),
            ('"fell in" NEAR vacc*', "0 found"),
            ('"fell in" vacc*', "1 found"),
        ):
            app.screen.query_one(Input).value = query
            await searched(pilot)
            assert said in status_text(app), query
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_the_palette_offers_search(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Search meetings") for t in titles)


async def test_a_hit_in_another_meeting_opens_that_meeting(db, clock) -> None:
    with_paragraphs(db)
    path, meeting_id = db
    other = october_record()
    other.meeting = replace(other.meeting, id=new_id(), date=date(2020, 1, 20))
    other.items = [replace(i, id=new_id()) for i in other.items]
    immunisation = next(i for i in other.items if i.number == "5")
    other.paragraphs = [MinuteParagraph(immunisation.id, "Flu vaccination clinics in Soho.")]
    with Store(path) as store:
        store.save_record(other)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+backslash")
        await pilot.pause()
        await type_query(pilot, "flu clinics")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.session.meeting_id == other.meeting.id
        assert app.screen.session.current_item().id == immunisation.id
        assert len(app.screen_stack) == 2


@pytest.mark.parametrize("few", [search_screen.FEW, -1])  # -1: every search in a thread
async def test_results_answer_what_is_in_the_box_however_fast_it_changes(
    db, clock, monkeypatch, few: int
) -> None:
    monkeypatch.setattr(search_screen, "FEW", few)
    with_paragraphs(db)
    path, _ = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one(Input)
        for query in ("vaccination", "fell", "zzz", "soho"):  # no time to search between
            box.value = query
        await searched(pilot)
        assert app.screen.shown.text == "soho"
        (shown,) = results(app)
        assert "Soho" in shown and "1 found" in status_text(app)
        hits = app.screen.hits
        await pilot.press("end", "space")  # the same search: answered without searching
        await pilot.pause()
        assert app.screen.shown.text == "soho " and app.screen.hits is hits
        assert not [w for w in app.workers if w.group == "search" and w.is_running]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press("f", "l", "u")
        await pilot.press("enter")  # before its search has drawn: searched then
        assert app.screen.shown.text == "flu" and "0 found" in status_text(app)
        assert isinstance(app.screen, SearchScreen)  # nothing found: nothing opened
        await pilot.press("backspace", "backspace", "backspace", "s", "o", "h", "o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)


@pytest.mark.parametrize("few", [search_screen.FEW, -1])
async def test_a_page_at_a_time_the_next_when_the_clerk_gets_there(
    db, clock, monkeypatch, few: int
) -> None:
    monkeypatch.setattr(search_screen, "FEW", few)
    items = with_paragraphs(db)
    path, meeting_id = db
    with Store(path) as store:
        for n in range(PAGE + 5):
            store.add(meeting_id, MinuteParagraph(items["5"], f"Family hub number {n} opened."))
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await type_query(pilot, "hub")
        assert len(results(app)) == PAGE and f"{PAGE}+ found" in status_text(app)
        await pilot.press("down")  # to the results
        for _ in range(PAGE - 1):
            await pilot.press("down")
        await searched(pilot)
        # the exempt item's title (public) as well as the paragraphs
        assert len(results(app)) == PAGE + 6 and f"{PAGE + 6} found" in status_text(app)
        options = app.screen.query_one("#search-results", OptionList)
        assert options.highlighted == PAGE - 1  # where the clerk was
