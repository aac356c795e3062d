"""Another program holds the database's write lock while the clerk types: the screen stays,
says the words are not saved yet, keeps them, and saves them once the lock is released."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk.tui.app import ClerkApp
from tests.tui.terminal import type_text
from tests.tui.test_live_meeting import SIZE


def paragraphs(path: Path, meeting_id: str) -> list[str]:
    with sqlite3.connect(path) as check:
        rows = check.execute(
            "SELECT text FROM paragraphs WHERE meeting_id = ? ORDER BY position", (meeting_id,)
        )
        return [text for (text,) in rows]


def present(path: Path, meeting_id: str) -> int:
    with sqlite3.connect(path) as check:
        query = "SELECT count(*) FROM attendance WHERE meeting_id = ? AND status = 'present'"
        return check.execute(query, (meeting_id,)).fetchone()[0]


def lock(path: Path) -> sqlite3.Connection:
    """A second program taking (and holding) the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def warnings(app: ClerkApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_typing_while_the_database_is_locked_is_kept_and_saved_later(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "The Committee noted")
        await pilot.pause(0.5)
        assert paragraphs(path, meeting_id) == ["The Committee noted"]

        other = lock(path)
        await type_text(pilot, " the report.")
        await pilot.pause(1.5)  # debounce, then a refused write (busy timeout)
        assert app.is_running
        assert any("Not saved yet" in w and "in use by another program" in w for w in warnings(app))
        assert paragraphs(path, meeting_id) == ["The Committee noted"]

        other.rollback()
        other.close()
        await pilot.pause(2.0)  # the composer's retry
        assert paragraphs(path, meeting_id) == ["The Committee noted the report."]
        assert any(w.startswith("Saved") or "Saved:" in w for w in warnings(app))


async def test_a_new_paragraph_begun_while_locked_is_created_when_the_lock_goes(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = lock(path)
        await type_text(pilot, "Apologies")
        await pilot.pause(1.0)
        assert app.is_running
        assert paragraphs(path, meeting_id) == []
        other.rollback()
        other.close()
        await pilot.pause(2.5)
        assert paragraphs(path, meeting_id) == ["Apologies"]
        assert any(w.startswith("Saved") or "Saved:" in w for w in warnings(app))


async def test_a_roll_call_key_refused_changes_nothing_and_the_app_goes_on(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        other = lock(path)
        await pilot.press("p")
        await pilot.pause(0.8)
        assert app.is_running
        assert any("Not saved" in w for w in warnings(app))
        other.rollback()
        other.close()
        assert present(path, meeting_id) == 0
        await pilot.press("p")
        await pilot.pause(0.3)
        assert present(path, meeting_id) == 1


async def test_enter_while_locked_keeps_the_paragraph_in_the_composer(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "The Committee noted")
        await pilot.pause(0.5)
        other = lock(path)
        await type_text(pilot, " the report.")
        await pilot.press("enter")  # the database refuses: the words must not go
        await pilot.pause(0.3)
        composer = app.screen.composer
        assert composer.text == "The Committee noted the report."
        await type_text(pilot, "New words")  # a second paragraph begun while locked
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert composer.text == "The Committee noted the report.New words"
        other.rollback()
        other.close()
        await pilot.pause(1.5)  # the retry
        assert paragraphs(path, meeting_id) == ["The Committee noted the report.New words"]
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert composer.text == ""
