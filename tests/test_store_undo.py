"""Undo in the store: a step's journal rows are played back (or forward again) as a new step
of their own, in one transaction, and never over a change made since."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk.record import AttendanceStatus, MinuteParagraph
from clerk.store import Store, StoreError
from clerk.tui.session import LiveSession
from tests.tui.conftest import october_record


@pytest.fixture
def session(tmp_path: Path):
    record = october_record()
    store = Store(tmp_path / "clerk.db")
    store.save_record(record)
    yield LiveSession(store, record.meeting.id)
    store.close()


def texts(session: LiveSession) -> list[str]:
    with Store(session.store.path) as other:
        record = other.load_record(session.meeting_id)
    return [p.text for p in sorted(record.paragraphs, key=lambda p: p.position)]


def test_a_step_of_several_transactions_is_undone_and_redone_whole(session) -> None:
    item = session.record.agenda()[3]
    with session.typing("paragraph 4.1 typed", "s1"):
        row = session.add_paragraph(item.id, "T")
    for text in ("The", "The Committee", "The Committee noted"):
        with session.typing("paragraph 4.1 typed", "s1"):
            row = session.set_text(row, text)
    assert texts(session) == ["The Committee noted"]
    assert session.undo() == "paragraph 4.1 typed"
    assert texts(session) == []
    assert session.redo() == "paragraph 4.1 typed"
    assert texts(session) == ["The Committee noted"]
    assert session.record.paragraphs[0].id == row.id  # the same row, not a copy


def test_a_person_added_with_their_attendance_goes_and_comes_back(session) -> None:
    session.also_present("Ada Newcomer", "Guest speaker", officer=True)
    assert session.undo() == "Ada Newcomer: officer"
    assert all(p.name != "Ada Newcomer" for p in session.record.people)
    with sqlite3.connect(session.store.path) as check:
        assert (
            check.execute("SELECT count(*) FROM people WHERE name = 'Ada Newcomer'").fetchone()[0]
            == 0
        )
    session.redo()
    (ada,) = [p for p in session.record.people if p.name == "Ada Newcomer"]
    assert session.record.attendance_of(ada.id).status is AttendanceStatus.OFFICER


def test_a_change_made_since_by_another_program_is_not_overwritten(session) -> None:
    item = session.record.agenda()[3]
    with session.action("paragraph typed"):
        row = session.add_paragraph(item.id, "Mine.")
    with sqlite3.connect(session.store.path) as other:
        other.execute(
            "UPDATE paragraphs SET text = 'The chair changed it.' WHERE id = ?", (row.id,)
        )
    with pytest.raises(StoreError, match="changed since"):
        session.undo()
    assert texts(session) == ["The chair changed it."]
    # nothing of the refused undo was journalled
    with sqlite3.connect(session.store.path) as check:
        assert check.execute("SELECT count(*) FROM steps WHERE kind = 'undo'").fetchone()[0] == 0


def test_a_new_step_after_an_undo_ends_the_redo(session) -> None:
    member = session.members()[0][0]
    session.set_attendance(member.id, AttendanceStatus.PRESENT)
    session.undo()
    session.set_attendance(member.id, AttendanceStatus.APOLOGIES)
    assert session.redo() is None
    assert session.record.attendance_of(member.id).status is AttendanceStatus.APOLOGIES


def test_only_the_clerks_own_steps_are_undone(session, tmp_path: Path) -> None:
    item = session.record.agenda()[3]
    with session.action("mine"):
        session.add_paragraph(item.id, "The clerk's.")
    with (
        Store(session.store.path, role="chair") as chair,
        chair.step(session.meeting_id, "the chair's"),
    ):
        chair.add(
            session.meeting_id,
            MinuteParagraph(item_id=item.id, text="The chair's.", position=5),
        )
    assert session.undo() == "mine"
    assert texts(session) == ["The chair's."]


def test_steps_are_append_only(session) -> None:
    session.set_attendance(session.members()[0][0].id, AttendanceStatus.PRESENT)
    with sqlite3.connect(session.store.path) as other, pytest.raises(sqlite3.DatabaseError):
        other.execute("UPDATE steps SET label = 'rewritten'")
    with sqlite3.connect(session.store.path) as other, pytest.raises(sqlite3.DatabaseError):
        other.execute("DELETE FROM steps")


def test_a_merge_is_undone_whole(session) -> None:
    """A person entered twice by mistake, merged into the right one, then the merge undone:
    both people, and the attendance that was the duplicate's, are back as they were."""
    session.also_present("H. Acton", "Cabinet Member", officer=False)
    duplicate = next(p for p in session.record.people if p.name == "H. Acton")
    heather = next(p for p in session.record.people if p.name == "Heather Acton")
    session.merge_people(heather.id, duplicate.id)
    assert all(p.name != "H. Acton" for p in session.record.people)
    assert session.record.attendance_of(heather.id) is not None
    assert session.undo() == "H. Acton merged into Heather Acton"
    assert session.record.attendance_of(duplicate.id).status is AttendanceStatus.ALSO_PRESENT
    assert session.record.attendance_of(heather.id) is None
