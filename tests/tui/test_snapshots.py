"""Snapshots of the picker, the live screen and the roll call at 120x40 with a frozen clock."""

from __future__ import annotations

from clerk.tui.app import ClerkApp
from tests.tui.terminal import type_text

SIZE = (120, 40)


def _keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


def test_picker(snap_compare, db, clock) -> None:
    path, _ = db
    assert snap_compare(ClerkApp(path, None, clock=clock, cursor_blink=False), terminal_size=SIZE)


def test_live_screen(snap_compare, db, clock) -> None:
    path, meeting_id = db

    async def run_before(pilot) -> None:
        await pilot.press("f4", "p", "p", "a", "escape")
        await type_text(pilot, "It was noted that Cllr Carmen had stepped down.")
        await pilot.press("enter")
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+s", "ctrl+n")
        await type_text(pilot, "The Committee noted the update")
        await pilot.pause(0.5)

    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_exempt_item(snap_compare, db, clock) -> None:
    path, meeting_id = db

    async def run_before(pilot) -> None:
        await pilot.press("ctrl+l", "end", "enter")
        await pilot.pause(0.2)
        pilot.app.clear_notifications()
        await pilot.pause(0.2)

    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_roll_call(snap_compare, db, clock) -> None:
    path, meeting_id = db

    async def run_before(pilot) -> None:
        await pilot.press("f4", "p", "p", "p", "x", "p", "p", "a", "p")
        await pilot.press("c", *_keys("Heather"), "enter", "enter")
        await pilot.pause(0.2)

    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
