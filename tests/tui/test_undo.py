"""Undo and redo on the live screen (issue 8, point 6): Ctrl+Z takes back the clerk's last
change to the meeting — an entry typed, deleted, edited or moved, a roll call mark, an
outcome — again and again; Ctrl+Y does it again. Checked against the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk.record import AttendanceStatus
from clerk.store import Store
from clerk.tui.app import ClerkApp
from tests.tui.terminal import burst, settled, stored_paragraphs, typed

SIZE = (120, 40)


def said(app: ClerkApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def status_line(app: ClerkApp) -> str:
    return str(app.screen.query_one("#status").render())


def attendance(path: Path, meeting_id: str) -> dict[str, AttendanceStatus]:
    with Store(path) as store:
        record = store.load_record(meeting_id)
    return {record.person(a.person_id).name: a.status for a in record.attendance}


async def test_paragraphs_typed_are_undone_and_redone_one_by_one(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("First."), "enter", *typed("Second."), "enter")
        await settled(pilot)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["First."]}
        assert "Undone: paragraph 1.3 typed" in status_line(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {}
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["First.", "Second."]}
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Nothing to redo" in said(app)
        # the entries on screen follow the database
        assert [e.text for e in app.screen.item_record.entries][-2:] == ["First.", "Second."]


async def test_typing_is_undone_in_the_composer_first(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("Kept."), "enter")
        await burst(app, *typed("Half typed"))
        await pilot.pause(0.6)
        await pilot.press("ctrl+z")  # the composer's own undo: the words typed go
        await pilot.pause(0.6)
        assert app.screen.composer.text == ""
        assert stored_paragraphs(path, meeting_id) == {"1": ["Kept.", ""]}
        await pilot.press("enter")  # the empty paragraph is dropped
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["Kept."]}


async def test_a_deleted_entry_comes_back_where_it_was(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for word in ("one", "two", "three"):
            await burst(app, *typed(word), "enter")
        await pilot.press("escape", "up", "delete")  # "two"
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["one", "three"]}
        assert "Ctrl+Z brings it back" in said(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["one", "two", "three"]}
        assert "Undone: paragraph 1.3 deleted" in said(app)


async def test_an_edit_is_undone_whole(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("The report was noted."), "enter")
        await pilot.press("escape", "enter")  # edit it
        await burst(app, *["backspace"] * 6, *typed("agreed."))
        await pilot.pause(0.6)  # saved as it was typed, more than once
        await burst(app, *typed(" Unanimously."), "enter")
        await settled(pilot)
        assert stored_paragraphs(path, meeting_id) == {"1": ["The report was agreed. Unanimously."]}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["The report was noted."]}


async def test_moves_and_outcomes_are_undone(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("A"), "enter", *typed("B"), "enter")
        await pilot.press("escape", "ctrl+up")  # B above A
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["B", "A"]}
        await pilot.press("f9", "n")  # item 1 noted
        await pilot.pause()
        assert app.session.current_item().outcome is not None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.current_item().outcome is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {"1": ["A", "B"]}


async def test_the_roll_call_is_undone_from_the_roll_call(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "p", "a", "up", "delete")  # Bright's apologies cleared
        await pilot.pause()
        assert attendance(path, meeting_id) == {"Jonathan Glanz": AttendanceStatus.PRESENT}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert attendance(path, meeting_id) == {
            "Jonathan Glanz": AttendanceStatus.PRESENT,
            "Margot Bright": AttendanceStatus.APOLOGIES,
        }
        table = app.screen.query_one("#rollcall")
        assert "apologies" in str(table.get_row_at(1))  # the roll call shows it again
        assert "Undone: Margot Bright: attendance cleared" in said(app)


async def test_undo_is_journalled_and_survives_a_restart(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, *typed("Typed before the restart."), "enter")
        await settled(pilot)
        await pilot.press("ctrl+q")
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_paragraphs(path, meeting_id) == {}
        await pilot.press("ctrl+q")
    with sqlite3.connect(path) as check:
        kinds = [k for (k,) in check.execute("SELECT kind FROM steps ORDER BY rowid")]
        undo_rows = check.execute(
            "SELECT j.op, j.table_name FROM journal j JOIN steps s ON s.id = j.step "
            "WHERE s.kind = 'undo'"
        ).fetchall()
    assert kinds == ["do", "undo"]
    assert {table for _, table in undo_rows} == {"paragraphs"}
    assert undo_rows[-1][0] == "delete"  # the paragraph typed, gone
