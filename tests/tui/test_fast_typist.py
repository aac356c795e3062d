"""A fast typist and a slow terminal (issue 8, points 1, 2 and 12): keys arrive in bursts with
no pause before Enter, Ctrl+N, F3, Escape or Ctrl+Q, and every key must land in the
paragraph it was typed into. Keys are delivered as the terminal driver delivers them
(tests/tui/terminal.py), not with Pilot.press, which waits after each one."""

from __future__ import annotations

import asyncio
import time

import pytest
from textual.widgets import Static

from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.widgets.composer import SAVE_WITHIN
from tests.tui.terminal import burst, paste, settled, stored_paragraphs, stored_resolutions, typed

SIZE = (120, 40)

PARAGRAPH = (
    "The Committee received a report on the number of children entering care in "
    "Westminster, which had risen by 12% over the year; officers explained the reasons "
    "(including “unaccompanied” minors) and the measures taken — Family Hubs, the "
    "edge-of-care service and the café network — to support families earlier. "
)


def text_of(size: int) -> str:
    return (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size].strip()


@pytest.mark.parametrize("size", [1, 40, 280, 1200])
async def test_a_burst_and_enter_at_once_is_saved_whole(db, clock, size: int) -> None:
    path, meeting_id = db
    first, second = text_of(size), "A Member asked about placements outside London."
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed(first), "enter", *typed(second), "enter", *typed(first))
        await settled(pilot, SAVE_WITHIN + 0.1)
        assert app.screen.composer.text == first  # the third paragraph, begun
        assert stored_paragraphs(path, meeting_id)["1"] == [first, second, first]


async def test_the_keys_before_ctrl_n_stay_on_their_item_and_those_after_go_on(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        one, two = text_of(280), "There were no declarations."
        await burst(app, *typed(one), "ctrl+n", *typed(two), "ctrl+n", "ctrl+b")
        await settled(pilot)
        assert app.session.current_item().number == "2"
        assert stored_paragraphs(path, meeting_id) == {"1": [one], "2": [two]}


async def test_the_keys_after_f3_go_into_the_resolution(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        words = text_of(280)
        await burst(app, *typed(words), "f3", *typed("the report be noted."), "enter")
        await burst(app, "f3", *typed("a further report come back in March."), "enter")
        await settled(pilot)
        assert stored_paragraphs(path, meeting_id) == {"1": [words]}
        assert stored_resolutions(path, meeting_id) == {
            "1": ["That the report be noted.", "That a further report come back in March."]
        }


async def test_every_key_after_escape_takes_effect(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        words = ["one", "two", "three", "four", "five", "six", "seven"]
        for word in words:
            await burst(app, *typed(word), "enter")
        # Escape and five Ups at once: from the last paragraph, five up is the second
        await burst(app, *typed("eight"), "escape", "up", "up", "up", "up", "up")
        await settled(pilot)
        record = app.screen.item_record
        assert app.focused is record
        entry = record.highlighted_entry()
        assert entry is not None and entry.text == "three"
        # and back: Escape in the record returns to the composer, the next key types there
        await burst(app, "escape", *typed("nine"))
        await settled(pilot, SAVE_WITHIN + 0.1)
        assert app.screen.composer.text == "nine"
        assert stored_paragraphs(path, meeting_id)["1"] == [*words, "eight", "nine"]


async def test_ctrl_q_straight_after_typing_keeps_the_words(db, clock) -> None:
    path, meeting_id = db
    words = text_of(600)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed(words), "ctrl+q")
        await pilot.pause(0.5)
    assert not app.is_running
    assert stored_paragraphs(path, meeting_id) == {"1": [words]}


async def test_pasted_lines_become_paragraphs(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("The Chairman said: "))
        await paste(app, "first point\r\n\r\nsecond point\nthird")
        await burst(app, *typed(" point"), "enter")
        await settled(pilot)
        assert stored_paragraphs(path, meeting_id)["1"] == [
            "The Chairman said: first point",
            "second point",
            "third point",
        ]


async def test_typing_is_saved_while_the_keys_keep_coming(db, clock) -> None:
    """Keys every 0.1 s, never a pause: the save is due SAVE_WITHIN after the first unsaved
    key, not after a pause in typing (a debounce never fired) nor at the next key after a
    second (a kill then lost up to a second and more)."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sent: list[tuple[float, str]] = []
        words = text_of(200).split()
        start = time.monotonic()
        text = ""
        for word in words[:8]:
            text = f"{text} {word}".strip()
            await burst(app, *typed(word if len(text) == len(word) else f" {word}"))
            sent.append((time.monotonic() - start, text))
            await asyncio.sleep(0.1)
        # 0.8 s in, keys still coming: what was typed in the first 0.3 s is saved
        stored = stored_paragraphs(path, meeting_id)["1"][0]
        early = [t for at, t in sent if at <= 0.3][-1]
        assert stored.startswith(early), (stored, early)


async def test_home_goes_to_the_start_of_the_paragraph_not_of_the_wrapped_line(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        words = text_of(400)  # wraps over several lines of the composer
        await burst(app, *typed(words), "home", *typed("Firstly, "), "end", *typed(" End."))
        await burst(app, "enter")
        await settled(pilot)
        assert stored_paragraphs(path, meeting_id)["1"] == [f"Firstly, {words} End."]


async def test_keys_after_f2_from_the_item_record_go_into_the_new_paragraph(db, clock) -> None:
    """Escape to the item record, then F2 and a burst at once: the first character typed
    used to reach the item record before the composer had the focus, and was lost."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, "escape")
        await settled(pilot)
        one, two = "Xylophone one.", "Xylophone two."
        await burst(app, "f2", *typed(one), "enter", "escape")
        await settled(pilot)
        await burst(app, "f2", *typed(two), "enter")
        await settled(pilot, SAVE_WITHIN + 0.1)
        assert stored_paragraphs(path, meeting_id)["1"] == [one, two]


async def test_keys_typed_as_the_meeting_opens_land_before_its_minute_is_composed(
    db, clock
) -> None:
    """The item's record is composed just after the first frame (screens/live.py): keys
    typed before that, a command key among them, are all kept, and the record then shows
    them as the minutes will number them."""
    path, meeting_id = db
    one, two = "The Chair welcomed everyone.", "Apologies were noted."
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        # the first frame's record: "…", its minute not composed yet when the keys come
        assert not screen.item_composed
        assert [e.id for e in screen.item_record.entries] == ["info:composing"]
        await burst(app, *typed(one), "enter", *typed(two), "f3", *typed("the report be noted."))
        await burst(app, "enter")
        await settled(pilot)
        assert stored_paragraphs(path, meeting_id) == {"1": [one, two]}
        assert stored_resolutions(path, meeting_id) == {"1": ["That the report be noted."]}
        shown = [(e.number, e.text) for e in screen.item_record.entries if e.kind != "info"]
        # 1.1 is the generated sentence on the membership
        assert ("1.2", one) in shown and ("1.3", two) in shown
        assert any(text == "That the report be noted." for _, text in shown)
        label = str(screen.query_one("#composer-label", Static).render())
        assert label.startswith("New paragraph 1.4"), label
