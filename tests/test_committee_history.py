"""A committee that changes without rewriting history (issue 11, section 3).

A single-council board (a Chairman, Westminster's house style) is reconstituted as a joint
board of two councils with co-chairs (a "Chair", the board style). Importing the joint
board's meeting under the same name must ask how to take the change, and whatever the
clerk chooses, the earlier meeting's minutes (text and Word) stay exactly as they were.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk import importing
from clerk.cli import main
from clerk.importers import record_json
from clerk.importing import CommitteeChange, CommitteeChanged
from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_docx import build_docx
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord
from clerk.store import Store
from tests.minutes_builders import MeetingBuilder

BOARD = "Health and Wellbeing Board"
BOTH = ["City of Westminster", "Royal Borough of Kensington and Chelsea"]


def meeting_a() -> MeetingRecord:
    """The board of Westminster alone, 17 October 2019: Cllr Glanz its Chairman."""
    m = MeetingBuilder(BOARD, body="Board", day=date(2019, 10, 17))
    glanz = m.member("Jonathan Glanz", chair=True)
    m.member("Margot Bright")
    m.member("Selina Short", present=False)
    five = m.item("3", "JOINT STRATEGIC NEEDS ASSESSMENT")
    m.para(five, "The Board received a report on the needs assessment.")
    m.resolve(five, "That the report be noted.")
    m.meeting.presiding_id = glanz.id
    return m.build()


def meeting_b() -> MeetingRecord:
    """The same name, reconstituted: two councils, co-chairs titled Chair, the board style."""
    m = MeetingBuilder(BOARD, body="Board", councils=list(BOTH), day=date(2020, 1, 23))
    m.committee.chair_title = "Chair"
    m.committee.style = "board"
    glanz = m.member("Jonathan Glanz", co_chair=True)
    m.member("Mary Weale", co_chair=True)
    m.member("Margot Bright")
    m.member("Selina Short")
    six = m.item("3", "BETTER CARE FUND")
    m.para(six, "The Board considered the plan for the year.")
    m.meeting.presiding_id = glanz.id
    return m.build()


def rendered(record: MeetingRecord) -> tuple[str, str]:
    """The minutes as text, and the Word document's body as written (its XML)."""
    document = compose_minutes(record, load_style(record.committee.style), draft=False)
    word, _ = build_docx(document)
    return render_text(document), word.element.body.xml


def save(store: Store, record: MeetingRecord, tmp: Path, **how: object) -> importing.Imported:
    path = tmp / f"{record.meeting.date}.json"
    record_json.write(record, path)
    return importing.save(store, importing.read(path), **how)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "clerk.db", role="import") as store:
        yield store


@pytest.fixture
def a_before(store: Store, tmp_path: Path) -> tuple[str, tuple[str, str]]:
    done = save(store, meeting_a(), tmp_path)
    text, body = rendered(store.load_record(done.meeting_id))
    assert "JONATHAN GLANZ (Chairman)" in text.upper() or "(Chairman)" in text
    assert "Kensington" not in text
    return done.meeting_id, (text, body)


def test_a_changed_committee_is_refused_naming_each_difference(
    store: Store, tmp_path: Path, a_before: tuple[str, tuple[str, str]]
) -> None:
    with pytest.raises(CommitteeChanged) as refused:
        save(store, meeting_b(), tmp_path)
    said = str(refused.value)
    for what, old, new in [
        ("councils", "City of Westminster", ", ".join(BOTH)),
        ("chair's title", "Chairman", "Chair"),
        ("house style", "westminster", "board"),
    ]:
        assert f"{what}: {old!r} stored, {new!r} in the file" in said
    assert "merge" in said and "new" in said and "keep" in said
    assert len(store.list_meetings()) == 1  # nothing written
    assert rendered(store.load_record(a_before[0])) == a_before[1]


@pytest.mark.parametrize("choice", list(CommitteeChange)[1:], ids=lambda c: c.value)
def test_the_earlier_minutes_render_byte_identical_whatever_is_chosen(
    store: Store, tmp_path: Path, a_before: tuple[str, tuple[str, str]], choice: CommitteeChange
) -> None:
    a_id, before = a_before
    done = save(store, meeting_b(), tmp_path, committee_change=choice)
    assert done.written and len(store.list_meetings()) == 2
    assert rendered(store.load_record(a_id)) == before
    b = store.load_record(done.meeting_id)
    text, _ = rendered(b)
    if choice is CommitteeChange.KEEP:  # B under the stored attributes, said so
        assert b.committee.councils == ["City of Westminster"] and "Kensington" not in text
        assert b.committee.chair_title == "Chairman" and b.committee.style == "westminster"
        assert any("kept the committee as stored" in g for g in done.guesses)
    else:  # B with its own: joint, co-chairs titled Chair, the board's style
        assert b.committee.councils == BOTH and b.committee.chair_title == "Chair"
        assert b.committee.style == "board" and "KENSINGTON AND CHELSEA" in text.upper()
        assert "Mary Weale" in text
    if choice is CommitteeChange.NEW:
        assert b.committee.id != store.load_record(a_id).committee.id
        assert b.committee.styled_name == BOARD
        assert b.committee.name == f"{BOARD} (from 23 January 2020)"
    else:
        assert b.committee.id == store.load_record(a_id).committee.id
    # and once more, after the store is closed and opened again
    path = store.path
    store.close()
    with Store(path) as again:
        assert rendered(again.load_record(a_id)) == before


@pytest.mark.parametrize("choice", [CommitteeChange.MERGE, CommitteeChange.NEW], ids=str)
def test_the_next_meeting_of_the_new_board_needs_no_question(
    store: Store, tmp_path: Path, a_before: tuple[str, tuple[str, str]], choice: CommitteeChange
) -> None:
    """Once taken, the joint board's next meeting fits it without asking again."""
    b = save(store, meeting_b(), tmp_path, committee_change=choice)
    c = meeting_b()
    c.meeting.date = date(2020, 3, 19)
    done = save(store, c, tmp_path)
    assert done.record.committee.id == b.record.committee.id
    assert rendered(store.load_record(a_before[0])) == a_before[1]


def test_a_seat_changing_role_is_dated_between_the_meetings(
    store: Store, tmp_path: Path, a_before: tuple[str, tuple[str, str]]
) -> None:
    """Glanz was the Chairman at A and a co-chair at B: each meeting lists him once, as
    what he was that day."""
    done = save(store, meeting_b(), tmp_path, committee_change=CommitteeChange.MERGE)
    for meeting_id, role in ((a_before[0], "chair"), (done.meeting_id, "co_chair")):
        record = store.load_record(meeting_id)
        glanz = [m for m in record.members() if record.person(m.person_id).name == "Jonathan Glanz"]
        assert [m.role.value for m in glanz] == [role]


def clerk(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.mark.parametrize("command", ["import", "import-record"])
def test_the_command_line_refuses_then_takes_the_choice(tmp_path: Path, command: str) -> None:
    db = tmp_path / "clerk.db"
    record_json.write(meeting_a(), tmp_path / "a.json")
    record_json.write(meeting_b(), tmp_path / "b.json")
    assert clerk(db, command, str(tmp_path / "a.json"))[0] == 0
    code, before = clerk(db, "minutes", "2019-10-17")
    assert code == 0
    code, said = clerk(db, command, str(tmp_path / "b.json"))
    assert code != 0
    assert (
        f"The {BOARD} is stored with other attributes than this file gives it: "
        f"councils: 'City of Westminster' stored, '{', '.join(BOTH)}' in the file; "
        "chair's title: 'Chairman' stored, 'Chair' in the file; "
        "house style: 'westminster' stored, 'board' in the file." in " ".join(said.split())
    )
    assert "--committee-change merge" in said and "Nothing was written" in said
    code, out = clerk(db, "meetings", "--json")
    assert len(json.loads(out)) == 1
    code, out = clerk(db, command, "--committee-change", "merge", str(tmp_path / "b.json"))
    assert code == 0, out
    assert clerk(db, "minutes", "2019-10-17") == (0, before)
    code, b_text = clerk(db, "minutes", "2020-01-23")
    assert code == 0 and "KENSINGTON AND CHELSEA" in b_text and "CHAIR:" in b_text
    assert "CHAIR:" not in before and "(Chair)" not in before


def test_a_meeting_restored_from_its_record_keeps_its_committee_as_it_was(
    store: Store, tmp_path: Path, a_before: tuple[str, tuple[str, str]]
) -> None:
    """After the merge, the earlier meeting exported and read back over itself (a restore)
    is compared with the committee as it was at that meeting: no question, same minutes,
    and the committee stays as it is now."""
    a_id, before = a_before
    save(store, meeting_b(), tmp_path, committee_change=CommitteeChange.MERGE)
    exported = tmp_path / "a-again.json"
    record_json.write(store.load_record(a_id), exported)
    importing.save(store, importing.read(exported), replace=True, same_day=importing.SameDay.NEW)
    assert rendered(store.load_record(a_id)) == before
    assert store.find_committee(BOARD).councils == BOTH  # type: ignore[union-attr]
    from clerk.journal_words import describe

    words = [describe(e) for e in store.journal(a_id)]
    assert any("committee as it was at this meeting" in w for w in words)


def test_what_an_agenda_does_not_say_is_no_change(
    store: Store, tmp_path: Path, a_before: tuple[str, tuple[str, str]]
) -> None:
    """An agenda pack states the name and the councils only: its reader's defaults for the
    rest (a "Chairman", Westminster's style, a quorum of 3) are not a change to ask about,
    and keep what is stored."""
    a_id, before = a_before
    save(store, meeting_b(), tmp_path, committee_change=CommitteeChange.MERGE)
    c = MeetingBuilder(BOARD, councils=list(BOTH), day=date(2020, 3, 19))  # all else defaults
    c.member("Jonathan Glanz", co_chair=True)
    agenda = importing.Incoming(
        tmp_path / "c.md", importing.AGENDA_PACK, c.build(), (), importing.AGENDA_SAYS
    )
    done = importing.save(store, agenda)
    assert done.record.committee.chair_title == "Chair"
    assert done.record.committee.style == "board" and done.record.committee.body == "Board"
    assert rendered(store.load_record(a_id)) == before
