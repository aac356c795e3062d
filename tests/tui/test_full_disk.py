"""A full disk (issue 8, point 3): the words stay, are retried until saved, and nothing —
Enter, another item, quitting — lets go of them without asking. The disk is made full the
way SQLite sees it: the database may not grow (PRAGMA max_page_count), so writes fail with
SQLITE_FULL, "database or disk is full", as on a real full disk."""

from __future__ import annotations

from pathlib import Path

from clerk.tui.app import ClerkApp
from tests.tui.terminal import burst, settled, stored_paragraphs, typed

SIZE = (120, 40)
WORDS = "The Committee discussed the budget at length and agreed its recommendations. " * 12


def fill_the_disk(app: ClerkApp) -> None:
    conn = app.store._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_space(app: ClerkApp) -> None:
    app.store._conn.execute("PRAGMA max_page_count = 1073741823")


def partly_stored(path: Path, meeting_id: str, words: str) -> bool:
    """No more than the first words are in the database (the first key's save may fit)."""
    stored = stored_paragraphs(path, meeting_id).get("1", [])
    return stored == [] or (len(stored) == 1 and words.startswith(stored[0]) and stored[0] != words)


def said(app: ClerkApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


async def test_enter_keeps_the_words_and_they_are_saved_once_there_is_room(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fill_the_disk(app)
        await burst(app, *typed(WORDS.strip()), "enter")
        await settled(pilot)
        screen = app.screen
        assert screen.composer.text == WORDS.strip()  # Enter did not throw them away
        assert "is full" in said(app) and "stays in the composer" in said(app)
        assert "NOT SAVED YET" in str(screen.query_one("#status").render())
        assert partly_stored(path, meeting_id, WORDS.strip())
        await burst(app, *typed(" More words."))  # still typing, the disk still full
        await settled(pilot)
        free_space(app)
        await pilot.pause(1.5)  # the retry goes on, whatever Enter did
        assert stored_paragraphs(path, meeting_id) == {"1": [WORDS.strip() + " More words."]}
        assert "Saved: everything typed is in the database again." in said(app)
        await burst(app, "enter")
        await pilot.pause(0.2)
        assert screen.composer.text == ""


async def test_leaving_the_item_asks_and_staying_keeps_the_words(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fill_the_disk(app)
        await burst(app, *typed(WORDS.strip()), "ctrl+n")
        await pilot.pause(0.5)
        assert "not in the database" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("s")  # stay
        await pilot.pause()
        assert app.session.current_item().number == "1"
        assert app.screen.composer.text == WORDS.strip()


async def test_quitting_asks_and_a_recovery_file_keeps_the_words(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("Saved before the disk filled."), "enter")
        await settled(pilot)
        fill_the_disk(app)
        await burst(app, *typed(WORDS.strip()), "ctrl+q")
        await settled(pilot)
        assert app.is_running  # it asked rather than quit
        await pilot.press("w")
        await pilot.pause(0.5)
    assert not app.is_running
    (recovery,) = Path(path).parent.glob("clerk-recovery-*.txt")
    content = recovery.read_text(encoding="utf-8")
    assert WORDS.strip() in content
    assert "Item: 1. MEMBERSHIP" in content
    assert recovery.stat().st_mode & 0o077 == 0  # its owner's only
    saved, *partial = stored_paragraphs(path, meeting_id)["1"]
    assert saved == "Saved before the disk filled."
    if partial:  # the first words went in before the disk was full: the file says where
        (beginning,) = partial
        assert WORDS.startswith(beginning) and "paragraph 1.3" in content


async def test_quitting_with_nothing_unsaved_does_not_ask(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("All saved."), "enter")
        await settled(pilot)
        fill_the_disk(app)
        await burst(app, "ctrl+q")
        await pilot.pause(0.3)
    assert not app.is_running
    assert not list(Path(path).parent.glob("clerk-recovery-*.txt"))
