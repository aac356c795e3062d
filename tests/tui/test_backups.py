"""Backups (issue 12, point 2): `clerk backup`, `clerk restore`, and the dated backups taken
when a meeting is closed and when clerk quits, a bounded number kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from clerk.cli import main
from clerk.store import Store
from clerk.store.backup import KEEP_BACKUPS, backups_of, take_backup
from clerk.tui.app import ClerkApp
from tests.tui.conftest import october_record
from tests.tui.terminal import burst, settled, typed

SIZE = (120, 40)


def clerk(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def meetings_in(path: Path) -> list[str]:
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        return sorted(row[0] for row in conn.execute("SELECT id FROM meetings"))


def paragraphs_in(path: Path) -> list[str]:
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM paragraphs")]


def test_a_backup_holds_what_is_still_only_in_the_wal(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    record = october_record()
    with Store(db) as writer:  # kept open: its commits are in the WAL, not yet in clerk.db
        writer.checkpoint_in_background(every=10**9)
        writer.save_record(record)
        result = clerk("--db", str(db), "backup", "-o", str(tmp_path / "copy.db"))
        assert result.exit_code == 0, result.output
        (dated,) = [clerk("--db", str(db), "backup").output.split(" to ")[1].strip()]
    assert meetings_in(tmp_path / "copy.db") == [record.meeting.id]
    assert meetings_in(Path(dated)) == [record.meeting.id]
    assert Path(dated).parent == tmp_path and Path(dated).name.startswith("clerk-backup-")
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == ["copy.db"]


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    with Store(db) as store:
        store.save_record(october_record())
        taken = [take_backup(store) for _ in range(KEEP_BACKUPS + 3)]
    assert backups_of(db) == taken[-KEEP_BACKUPS:]


def test_restore_keeps_the_current_database_aside_and_puts_the_backup_back(
    tmp_path: Path,
) -> None:
    db = tmp_path / "clerk.db"
    first = october_record()
    with Store(db) as store:
        store.save_record(first)
    assert clerk("--db", str(db), "backup", "-o", str(tmp_path / "b.db")).exit_code == 0
    assert clerk("--db", str(db), "load-samples").exit_code == 0
    before = meetings_in(db)
    result = clerk("--db", str(db), "restore", str(tmp_path / "b.db"))
    assert result.exit_code == 0, result.output
    assert meetings_in(db) == [first.meeting.id]
    (aside,) = tmp_path.glob("clerk-before-restore-*.db")
    assert meetings_in(aside) == before and f"Kept the database as it was in {aside}" in (
        result.output
    )
    with Store(db) as store:  # and clerk opens it as ever
        assert store.load_record(first.meeting.id).meeting.id == first.meeting.id


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    with Store(db) as store:
        store.save_record(october_record())
    damaged = tmp_path / "damaged.db"
    assert clerk("--db", str(db), "backup", "-o", str(damaged)).exit_code == 0
    data = bytearray(damaged.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2 : page * 3] = bytes(range(256)) * (page // 256)
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    text = tmp_path / "notes.db"
    text.write_text("notes")
    before = digest(db)
    for bad, said in (
        (damaged, "fails SQLite's integrity check"),
        (foreign, "not a clerk database"),
        (text, "not a clerk database"),
    ):
        result = CliRunner().invoke(main, ["--db", str(db), "restore", str(bad)])
        assert result.exit_code == 1 and said in result.output, result.output
    assert digest(db) == before
    assert not list(tmp_path.glob("clerk-before-restore-*"))


async def test_closing_the_meeting_and_quitting_each_take_a_backup(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, *typed("The Committee noted the report."), "enter")
        await settled(pilot)
        await pilot.press("f10")  # End: the time dialog
        await pilot.pause()
        await pilot.press("enter")
        await settled(pilot)
        closed = backups_of(path)
        assert len(closed) == 1
        assert paragraphs_in(closed[0]) == ["The Committee noted the report."]
        said = " ".join(str(n.message) for n in app._notifications)
        assert f"Backed up to {closed[0]}" in said
    assert len(backups_of(path)) == 2  # and quitting took another
    assert app.backup_note == f"Backed up to {backups_of(path)[-1]}"
