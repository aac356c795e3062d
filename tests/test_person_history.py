"""A person who changes without rewriting history (issue 11, section 3).

Between two meetings of a committee Heather Acton, "Councillor" and Cabinet Member for
Adult Social Care, becomes Baroness Acton, Leader of the Council; Margot Bright marries and
is Margot Bright-Smith; the officer Bernie Flaherty takes a new post. Importing the second
meeting (or editing the person while recording it) must say what changed and leave the
first meeting's minutes, text and Word, exactly as they were, while the second shows the
new details. So too after undo, after the first is approved and reopened, and after a merge.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk import importing, review
from clerk.cli import main
from clerk.importers import record_json
from clerk.record import AttendanceStatus, MeetingRecord, MeetingStatus, Person
from clerk.store import Store
from tests.minutes_builders import MeetingBuilder
from tests.test_committee_history import rendered
from tests.test_migrations import V1_MEETING, make_v1

CABINET = "Cabinet Member for Adult Social Care"
LEADER = "Leader of the Council"
OLD_POST = "Bi-Borough Executive Director of Adult Social Care"
NEW_POST = "Executive Director of Adult Social Care and Health"


def meeting(
    day: date,
    *,
    acton: tuple[str, str] = ("Councillor", CABINET),
    bright: str = "Margot Bright",
    post: str = OLD_POST,
) -> MeetingRecord:
    """A meeting of the committee: Glanz in the chair, Bright declaring an interest, Acton
    (honorific, role) and the officer Flaherty (post) also present."""
    m = MeetingBuilder(day=day)
    glanz = m.member("Jonathan Glanz", chair=True, pronoun="he")
    margot = m.member(bright, pronoun="she")
    heather = m.person("Heather Acton", honorific=acton[0], role=acton[1], pronoun="she")
    m.attend(heather, AttendanceStatus.ALSO_PRESENT)
    bernie = m.person("Bernie Flaherty", role=post, organisation="Westminster City Council")
    m.attend(bernie, AttendanceStatus.ALSO_PRESENT)
    three = m.item("3", "ADULT SOCIAL CARE UPDATE")
    m.declare(margot, three, "other significant interest", nature="she is a trustee of a charity")
    m.para(three, "The Cabinet Member introduced the report.")
    m.resolve(three, "That the report be noted.")
    m.meeting.presiding_id = glanz.id
    return m.build()


A_DAY, B_DAY = date(2019, 10, 17), date(2020, 1, 23)


def changed_b() -> MeetingRecord:
    return meeting(B_DAY, acton=("Baroness", LEADER), bright="Margot Bright-Smith", post=NEW_POST)


def write(record: MeetingRecord, path: Path, same: MeetingRecord | None = None) -> Path:
    """The record as a JSON file; with `same`, a person renamed (Bright, married) under the
    id `same` has for her, as a record exported from this database would carry it."""
    record_json.write(record, path)
    if same is not None:
        ours = next(p.id for p in record.people if p.name.startswith("Margot"))
        theirs = next(p.id for p in same.people if p.name.startswith("Margot"))
        path.write_text(path.read_text(encoding="utf-8").replace(ours, theirs), encoding="utf-8")
    return path


def save(store: Store, path: Path, **how: object) -> importing.Imported:
    return importing.save(store, importing.read(path), **how)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "clerk.db", role="import") as store:
        yield store


@pytest.fixture
def a(store: Store, tmp_path: Path) -> tuple[MeetingRecord, tuple[str, str]]:
    """Meeting A imported and rendered: its minutes as they must stay."""
    done = save(store, write(meeting(A_DAY), tmp_path / "a.json"))
    record = store.load_record(done.meeting_id)
    text, body = rendered(record)
    assert "Councillor Heather Acton and Bernie Flaherty" in text
    assert f"({OLD_POST} – Westminster City Council)" in text
    assert "Councillor Margot Bright declared" in text and "Bright-Smith" not in text
    return record, (text, body)


def held_rows(store: Store) -> list[tuple[str, str, dict]]:
    conn = sqlite3.connect(store.path)
    try:
        rows = conn.execute(
            "SELECT meeting_id, person_id, details FROM meeting_people_held ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    return [(m, p, json.loads(d)) for m, p, d in rows]


def test_an_import_changing_role_honorific_and_name_leaves_the_earlier_minutes(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    a_record, before = a
    done = save(store, write(changed_b(), tmp_path / "b.json", same=a_record))
    assert done.written
    assert rendered(store.load_record(a_record.meeting.id)) == before  # text and Word alike
    b_text, b_body = rendered(store.load_record(done.meeting_id))
    assert f"Baroness Heather Acton ({LEADER})" in b_text
    assert f"Bernie Flaherty ({NEW_POST} – Westminster City Council)" in b_text
    assert "Councillor Margot Bright-Smith declared" in b_text
    assert "Bright-Smith" in b_body and "Bright-Smith" not in before[1]
    # each difference said: the person, what, stored and in the file, and what was done
    said = "\n".join(done.person_changes)
    assert (
        f"Councillor Heather Acton: honorific: 'Councillor' stored, 'Baroness' in the file; "
        f"role: '{CABINET}' stored, '{LEADER}' in the file; the file's from this meeting on; "
        "the meetings stored before it keep theirs." in said
    )
    assert "Councillor Margot Bright: name: 'Margot Bright' stored, 'Margot Bright-Smith'" in said
    assert f"Bernie Flaherty: role: '{OLD_POST}' stored, '{NEW_POST}' in the file" in said
    assert "Jonathan Glanz" not in said  # nothing about those who did not change
    # the people as they are now are B's; A holds the three as it had them, and only them
    assert {p.name for p in store.people()} >= {"Margot Bright-Smith", "Heather Acton"}
    held = {d["name"]: d for m, _, d in held_rows(store) if m == a_record.meeting.id}
    assert set(held) == {"Heather Acton", "Margot Bright", "Bernie Flaherty"}
    assert held["Heather Acton"]["role"] == CABINET and "email" not in held["Heather Acton"]
    # and once more after the store is closed and opened again
    path = store.path
    store.close()
    with Store(path) as again:
        assert rendered(again.load_record(a_record.meeting.id)) == before


def test_the_next_meeting_with_the_same_details_says_and_holds_nothing(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    a_record, before = a
    save(store, write(changed_b(), tmp_path / "b.json", same=a_record))
    rows = held_rows(store)
    march = meeting(
        date(2020, 3, 5), acton=("", ""), bright="Margot Bright-Smith", post=NEW_POST
    )  # Acton's honorific and role left blank: what the file does not say is no change
    done = save(store, write(march, tmp_path / "march.json"))
    assert done.person_changes == ()
    assert held_rows(store) == rows
    text, _ = rendered(store.load_record(done.meeting_id))
    assert f"Baroness Heather Acton ({LEADER})" in text
    assert rendered(store.load_record(a_record.meeting.id)) == before


def test_keep_takes_the_stored_details_and_says_so(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    a_record, before = a
    done = save(
        store,
        write(changed_b(), tmp_path / "b.json", same=a_record),
        person_change=importing.PersonChange.KEEP,
    )
    b_text, _ = rendered(store.load_record(done.meeting_id))
    assert "Councillor Heather Acton and Bernie Flaherty" in b_text and LEADER not in b_text
    assert all(s.endswith("kept as stored, the file's ignored.") for s in done.person_changes)
    assert len(done.person_changes) == 3
    assert rendered(store.load_record(a_record.meeting.id)) == before
    assert held_rows(store) == []  # nothing changed, nothing to hold


@pytest.mark.parametrize("status", [MeetingStatus.ENDED, MeetingStatus.APPROVED], ids=str)
def test_an_earlier_meeting_imported_after_keeps_its_details_to_itself(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]], status: MeetingStatus
) -> None:
    """B (January 2020) is stored with the new details; then a record of December 2019,
    when Acton was still Cabinet Member, is imported: its minutes show her as she was then,
    and B, and the person as she is now, keep the new details."""
    a_record, before = a
    b = save(store, write(changed_b(), tmp_path / "b.json", same=a_record))
    b_before = rendered(store.load_record(b.meeting_id))
    december = meeting(date(2019, 12, 5), acton=("Councillor", CABINET), bright="Margot Bright")
    december.meeting.status = status  # approved minutes archived and imported: the same
    done = save(store, write(december, tmp_path / "dec.json", same=a_record))
    assert any(
        s.startswith("Baroness Heather Acton: honorific: 'Baroness' stored, 'Councillor'")
        and s.endswith("the file's for this meeting only, as a later meeting has them as stored.")
        for s in done.person_changes
    )
    d_text, _ = rendered(store.load_record(done.meeting_id))
    assert "Councillor Heather Acton and Bernie Flaherty" in d_text
    assert "Councillor Margot Bright declared" in d_text
    assert rendered(store.load_record(b.meeting_id)) == b_before
    assert rendered(store.load_record(a_record.meeting.id)) == before
    acton = store.find_person("Heather Acton")
    assert acton is not None and (acton.honorific, acton.role) == ("Baroness", LEADER)


def live_b(store: Store, tmp_path: Path, a_record: MeetingRecord) -> MeetingRecord:
    """B stored with the same details as A, its meeting under way."""
    b = meeting(B_DAY)
    b.meeting.status = MeetingStatus.IN_PROGRESS
    done = save(store, write(b, tmp_path / "b.json", same=a_record))
    assert done.person_changes == ()
    return store.load_record(done.meeting_id)


def test_an_edit_while_recording_reaches_this_meeting_not_the_earlier_and_undo_takes_it_back(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    a_record, before = a
    b = live_b(store, tmp_path, a_record)
    b_before = rendered(b)
    acton = next(p for p in b.people if p.name == "Heather Acton")
    with store.step(b.meeting.id, "Heather Acton's role") as step_id:
        store.update(acton, honorific="Baroness", role=LEADER)
    assert f"Baroness Heather Acton ({LEADER})" in rendered(store.load_record(b.meeting.id))[0]
    assert rendered(store.load_record(a_record.meeting.id)) == before
    assert [(m, d["role"]) for m, _, d in held_rows(store)] == [(a_record.meeting.id, CABINET)]

    (step,) = [s for s in store.steps(b.meeting.id) if s.id == step_id]
    undone = store.replay(b.meeting.id, step, backward=True)
    assert rendered(store.load_record(b.meeting.id)) == b_before
    assert rendered(store.load_record(a_record.meeting.id)) == before
    assert held_rows(store) == []  # the holding was part of the step, and undone with it
    store.replay(b.meeting.id, undone, backward=True)  # redo
    assert f"Baroness Heather Acton ({LEADER})" in rendered(store.load_record(b.meeting.id))[0]
    assert rendered(store.load_record(a_record.meeting.id)) == before
    assert len(held_rows(store)) == 1


def test_a_later_meeting_not_yet_held_takes_the_new_details(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    """A change made with no meeting in hand (today) reaches the meetings still to come,
    and none whose minutes are written."""
    a_record, before = a
    future = meeting(date.today().replace(year=date.today().year + 1))
    future.meeting.status = MeetingStatus.SCHEDULED
    f = save(store, write(future, tmp_path / "f.json", same=a_record))
    acton = store.find_person("Heather Acton")
    assert acton is not None
    store.update(acton, honorific="Baroness", role=LEADER)
    assert f"Baroness Heather Acton ({LEADER})" in rendered(store.load_record(f.meeting_id))[0]
    assert rendered(store.load_record(a_record.meeting.id)) == before


def test_approved_minutes_keep_their_people_and_reopened_take_an_edit_made_in_them(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    a_record, _ = a
    a_id = a_record.meeting.id
    review.send_to_chair(store, a_id)
    review.approve(store, a_id)
    approved = rendered(store.load_record(a_id))
    b = save(store, write(changed_b(), tmp_path / "b.json", same=a_record))
    assert rendered(store.load_record(a_id)) == approved  # held, though approved
    b_before = rendered(store.load_record(b.meeting_id))

    review.reopen(store, a_id, "the officer's post was misspelt")
    # reopened, A still holds its people: Acton as she was, not as she is now
    a_text = rendered(store.load_record(a_id))[0]
    assert "Councillor Heather Acton and Bernie Flaherty" in a_text and LEADER not in a_text
    # an edit made while working on A reaches A (its held copy) and the person's row
    bernie = next(p for p in store.load_record(a_id).people if p.name == "Bernie Flaherty")
    fixed = "Bi-Borough Executive Director, Adult Social Care"
    with store.step(a_id, "Bernie Flaherty's post"):
        store.update(bernie, role=fixed)
    assert (
        f"Bernie Flaherty ({fixed} – Westminster City Council)"
        in rendered(store.load_record(a_id))[0]
    )
    # B's minutes are written (ended) and later than A: it keeps the post it had
    assert rendered(store.load_record(b.meeting_id)) == b_before


def test_a_merge_drops_what_was_held_of_the_entry_merged_away(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    """Flaherty entered twice ("B Flaherty" at A, by mistake, besides the right one): A
    held the mistaken entry when its post changed; merged into the right one, A names the
    right one as it had them (nothing held: as stored), and the journal keeps what went."""
    a_record, before = a
    a_id = a_record.meeting.id
    wrong = store.add(a_id, Person("B Flaherty", role="Director", organisation="WCC"))
    with store.step(a_id, "a post"):  # nothing held: A is the meeting in hand
        store.update(wrong, role="Director of Care")
    store.update(wrong, role="Director of Care and Health")  # today: A is held
    assert [(m, p, d["role"]) for m, p, d in held_rows(store)] == [
        (a_id, wrong.id, "Director of Care")
    ]
    right = store.find_person("Bernie Flaherty")
    assert right is not None
    store.merge_people(right.id, wrong.id)
    assert held_rows(store) == []
    loaded = store.load_record(a_id)
    assert [p.name for p in loaded.people].count("Bernie Flaherty") == 1
    assert "B Flaherty" not in rendered(loaded)[0]
    assert rendered(loaded) == before  # A as it was before the mistake was entered
    gone = [e for e in store.journal() if e.table == "meeting_people_held" and e.op == "delete"]
    assert [(e.row_id, e.old["details"]["role"]) for e in gone] == [(wrong.id, "Director of Care")]


def test_the_command_line_says_each_difference_and_keep_keeps(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    a_path = write(meeting(A_DAY), tmp_path / "a.json")
    first = runner.invoke(main, ["--db", str(db), "import-record", str(a_path)])
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        (a_summary,) = store.list_meetings()
        a_record = store.load_record(a_summary.id)
        before = rendered(a_record)
    b_path = write(changed_b(), tmp_path / "b.json", same=a_record)
    kept = runner.invoke(
        main, ["--db", str(db), "import-record", str(b_path), "--person-change", "keep"]
    )
    assert kept.exit_code == 0, kept.output
    assert (
        f"A person's details differ: Councillor Heather Acton: honorific: 'Councillor' stored, "
        f"'Baroness' in the file; role: '{CABINET}' stored, '{LEADER}' in the file; kept as "
        "stored, the file's ignored." in kept.output
    )
    with Store(db) as store:
        b_id = next(s.id for s in store.list_meetings() if s.date == B_DAY)
        assert LEADER not in rendered(store.load_record(b_id))[0]
        assert rendered(store.load_record(a_summary.id)) == before
        store.delete_meeting(b_id)
    taken = runner.invoke(main, ["--db", str(db), "import-record", str(b_path)])
    assert taken.exit_code == 0, taken.output
    assert "the file's from this meeting on; the meetings stored before it keep theirs." in (
        taken.output
    )
    assert taken.output.count("A person's details differ:") == 3
    with Store(db) as store:
        assert rendered(store.load_record(a_summary.id)) == before


def test_an_upgraded_database_renders_as_before_and_then_holds(tmp_path: Path) -> None:
    """Migration 8 makes the table and holds nothing: every meeting renders from the people
    as stored, as before the upgrade; the first change then holds what it would rewrite."""
    path = make_v1(tmp_path / "old.db")
    with Store(path) as store:
        assert held_rows(store) == []
        ids = [m.id for m in store.list_meetings()]
        assert V1_MEETING in ids and len(ids) == 2
        before = {i: rendered(store.load_record(i)) for i in ids}
        assert "Jonathan Glanz" in before[V1_MEETING][0]
        glanz = store.find_person("Jonathan Glanz")
        assert glanz is not None
        store.update(glanz, name="Jonathan Glanz-Smith")
        assert {i: rendered(store.load_record(i)) for i in ids} == before
        held = sorted((m, d["name"]) for m, _, d in held_rows(store))
        assert held == sorted((i, "Jonathan Glanz") for i in ids)


def test_the_journal_says_who_was_held_and_how(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    from clerk.journal_words import describe

    a_record, _ = a
    save(store, write(changed_b(), tmp_path / "b.json", same=a_record))
    lines = [describe(e) for e in store.journal(a_record.meeting.id)]
    assert "person as they were at this meeting added: 'Heather Acton'" in lines
    assert "person as they were at this meeting added: 'Margot Bright'" in lines


def test_the_public_copy_renders_the_earlier_meeting_with_the_people_it_held(
    store: Store, tmp_path: Path, a: tuple[MeetingRecord, tuple[str, str]]
) -> None:
    """The database published for Datasette prints A's minutes as A printed them, not with
    the people as B changed them."""
    from clerk.store.public_copy import public_copy

    a_record, before = a
    save(store, write(changed_b(), tmp_path / "b.json", same=a_record))
    copy = public_copy(store, tmp_path / "public.db").path
    with Store(copy) as published:
        assert rendered(published.load_record(a_record.meeting.id)) == before
