"""The store: round trips, fine-grained edits and their journal, meetings by reference, errors."""

from __future__ import annotations

import dataclasses
import itertools
import sqlite3
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from clerk.errors import ClerkError
from clerk.record import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MinuteParagraph,
    Person,
    Resolution,
    Vote,
    VoteChoice,
)
from clerk.store import (
    SCHEMA_VERSION,
    AmbiguousMeeting,
    JournalEntry,
    Store,
    StoreError,
    UnknownMeeting,
    default_db_path,
)
from tests.strategies import meeting_records

HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def sample_record(
    day: date = date(2019, 10, 17), committee: Committee | None = None
) -> MeetingRecord:
    committee = committee or Committee("Family and People Services Policy and Scrutiny Committee")
    glanz = Person("Jonathan Glanz", honorific="Councillor", pronoun="he")
    bright = Person("Margot Bright", honorific="Councillor", pronoun="she")
    officer = Person("Tristan Fieldsend", role="Committee Officer")
    meeting = Meeting(
        committee.id, day, start_time=time(19, 0), venue="Room 18.01", officer_id=officer.id
    )
    membership = AgendaItem("1", "MEMBERSHIP", position=0)
    report = AgendaItem("4", "CABINET MEMBER UPDATE", page_from=11, page_to=22, position=1)
    resolution = Resolution(report.id, "That the report be noted.")
    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=[glanz, bright, officer],
        memberships=[
            Membership(committee.id, glanz.id, MemberRole.CHAIR),
            Membership(committee.id, bright.id),
        ],
        items=[membership, report],
        attendance=[
            Attendance(glanz.id, AttendanceStatus.PRESENT),
            Attendance(bright.id, AttendanceStatus.APOLOGIES),
            Attendance(officer.id, AttendanceStatus.OFFICER),
        ],
        declarations=[Declaration(bright.id, report.id, "pecuniary interest", nature="a governor")],
        paragraphs=[
            MinuteParagraph(membership.id, "There were no changes to the membership."),
            MinuteParagraph(report.id, "Councillor Glanz introduced the report.", ["Care – ok"]),
        ],
        resolutions=[resolution],
        votes=[Vote(report.id, resolution.id, votes_for=5, named={glanz.id: VoteChoice.FOR})],
        actions=[Action(report.id, "Circulate the figures", lead="Tristan Fieldsend")],
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "clerk.db") as s:
        yield s


# --------------------------------------------------------------------------- round trips

_counter = itertools.count()


@HYPOTHESIS
@given(record=meeting_records())
def test_record_round_trip_is_identical(tmp_path: Path, record: MeetingRecord) -> None:
    path = tmp_path / f"rt{next(_counter)}.db"
    with Store(path) as store:
        store.save_record(record)
        assert store.load_record(record.meeting.id) == record
    with Store(path) as reopened:
        assert reopened.load_record(record.meeting.id) == record
        assert reopened.meeting(record.meeting.id) == record.meeting


@HYPOTHESIS
@given(first=meeting_records(), second=meeting_records())
def test_replace_swaps_the_meeting_rows(tmp_path: Path, first, second) -> None:
    path = tmp_path / f"rp{next(_counter)}.db"
    second = dataclasses.replace(
        second,
        meeting=dataclasses.replace(
            second.meeting, id=first.meeting.id, committee_id=first.committee.id
        ),
        committee=first.committee,
        memberships=[],
    )
    with Store(path) as store:
        store.save_record(first)
        with pytest.raises(StoreError, match="already in the database"):
            store.save_record(second)
        assert store.load_record(first.meeting.id) == first
        store.save_record(second, replace=True)
        loaded = store.load_record(first.meeting.id)
        assert loaded.meeting == second.meeting
        for name in ("items", "attendance", "paragraphs", "votes", "actions", "declarations"):
            assert getattr(loaded, name) == getattr(second, name)


def test_lists_keep_the_order_added(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    item = record.items[1]
    later = MinuteParagraph(item.id, "added later", position=-5)
    store.add(record.meeting.id, later)
    person = Person("Ángela Zed")
    store.add(record.meeting.id, person)
    loaded = store.load_record(record.meeting.id)
    assert loaded.paragraphs == [*record.paragraphs, later]
    assert loaded.people == [*record.people, person]


def test_saving_a_second_meeting_updates_shared_people(store: Store) -> None:
    first = sample_record()
    store.save_record(first)
    renamed = dataclasses.replace(first.people[0], role="Cabinet Member")
    second = sample_record(date(2019, 11, 25), committee=first.committee)
    second.people[0] = renamed
    second.memberships = first.memberships
    for a in second.attendance:
        if a.person_id == second.attendance[0].person_id:
            a.person_id = renamed.id
    second.attendance = [a for a in second.attendance if a.person_id != renamed.id]
    store.save_record(second)
    assert store.find_person("JONATHAN GLANZ") == renamed
    update = [e for e in store.journal(second.meeting.id) if e.table == "people"]
    assert update[0].op == "update"
    assert update[0].old == {"role": ""} and update[0].new == {"role": "Cabinet Member"}


# --------------------------------------------------------------------------- the journal


def _last(store: Store) -> JournalEntry:
    return store.journal(limit=1)[0]


@pytest.mark.parametrize(
    "make",
    [
        lambda r: MinuteParagraph(r.items[0].id, "It was noted that…"),
        lambda r: Resolution(r.items[0].id, "That the report be noted."),
        lambda r: AgendaItem("4A", "URGENT ITEM", urgent=True),
        lambda r: Attendance(r.people[2].id, AttendanceStatus.ALSO_PRESENT),
        lambda r: Declaration(r.people[0].id, None, "non-pecuniary interest"),
        lambda r: Vote(r.items[1].id, votes_for=3),
        lambda r: Action(r.items[1].id, "Write to the Cabinet Member", due=date(2020, 1, 1)),
    ],
)
def test_add_update_delete_each_leave_one_journal_row(store: Store, make) -> None:
    record = sample_record()
    store.save_record(record)
    row = make(record)
    table_rows = len(store.journal())

    store.add(record.meeting.id, row)
    entry = _last(store)
    assert len(store.journal()) == table_rows + 1
    assert (entry.op, entry.row_id, entry.meeting_id, entry.role) == (
        "insert",
        row.id,
        record.meeting.id,
        "clerk",
    )
    assert entry.old is None and entry.new["id"] == row.id

    field = next(f for f in ("text", "role", "position") if hasattr(row, f))
    new_value = 7 if field == "position" else "Changed — ‘quoted’ 🙂"
    updated = store.update(row, **{field: new_value})
    assert getattr(updated, field) == new_value
    entry = _last(store)
    assert entry.op == "update"
    assert entry.old == {field: getattr(row, field)}
    assert entry.new == {field: new_value}
    assert len(store.journal()) == table_rows + 2

    store.delete(updated)
    entry = _last(store)
    assert entry.op == "delete" and entry.new is None
    assert entry.old[field] == new_value
    assert entry.meeting_id == record.meeting.id
    loaded = store.load_record(record.meeting.id)
    assert row.id not in {r.id for r in getattr(loaded, entry.table)}


def test_global_rows_are_journalled_without_a_meeting(store: Store) -> None:
    committee = store.add(None, Committee("Audit and Performance Committee"))
    entry = _last(store)
    assert (entry.table, entry.op, entry.meeting_id) == ("committees", "insert", None)
    store.update(committee, quorum=4)
    assert _last(store).old == {"quorum": 3} and _last(store).new == {"quorum": 4}
    person = store.add(None, Person("Zoë O'Brien"))
    membership = store.add(None, Membership(committee.id, person.id, MemberRole.VICE_CHAIR))
    assert _last(store).new["role"] == "vice_chair"
    store.delete(membership)
    assert _last(store).op == "delete"
    assert store.committees() == [dataclasses.replace(committee, quorum=4)]


def test_update_meeting_is_journalled(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    meeting = store.update_meeting(
        record.meeting.id, status=MeetingStatus.IN_PROGRESS, current_item_id=record.items[1].id
    )
    assert meeting.status is MeetingStatus.IN_PROGRESS
    assert store.meeting(record.meeting.id) == meeting
    entry = _last(store)
    assert (entry.table, entry.op, entry.row_id) == ("meetings", "update", record.meeting.id)
    assert entry.old == {"status": "scheduled", "current_item_id": None}
    assert entry.new == {"status": "in_progress", "current_item_id": record.items[1].id}


def test_update_of_unchanged_values_writes_nothing(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    before = len(store.journal())
    paragraph = record.paragraphs[0]
    assert store.update(paragraph, text=paragraph.text) == paragraph
    assert len(store.journal()) == before


def test_update_rejects_unknown_fields_and_ids(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    with pytest.raises(TypeError):
        store.update(record.paragraphs[0], colour="red")
    with pytest.raises(TypeError):
        store.update(record.paragraphs[0], id="x")
    with pytest.raises(TypeError):
        store.update_meeting(record.meeting.id, colour="red")


def test_deleting_an_item_takes_its_minute_with_it_into_the_journal(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    store.delete(record.items[1])
    loaded = store.load_record(record.meeting.id)
    assert loaded.items == record.items[:1]
    assert loaded.resolutions == loaded.votes == loaded.actions == loaded.declarations == []
    old = _last(store).old
    assert old["title"] == "CABINET MEMBER UPDATE"
    assert {"paragraphs", "resolutions", "votes", "actions", "declarations"} <= set(
        old["_deleted_with"]
    )


def test_delete_meeting_cascades_and_is_journalled(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    store.delete_meeting(record.meeting.id)
    entry = _last(store)
    assert (entry.op, entry.table, entry.old["venue"]) == ("delete", "meetings", "Room 18.01")
    with pytest.raises(UnknownMeeting):
        store.load_record(record.meeting.id)
    conn = sqlite3.connect(store.path)
    for table in ("items", "paragraphs", "attendance", "meeting_people", "votes"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 3
    conn.close()
    with pytest.raises(UnknownMeeting):
        store.delete_meeting(record.meeting.id)


def test_journal_is_append_only(store: Store) -> None:
    store.add(None, Person("Selina Short"))
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE journal SET role = 'forger'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM journal")
    conn.close()
    assert _last(store).role == "clerk"


def test_journal_time_role_and_filters(tmp_path: Path) -> None:
    record = sample_record()
    with Store(tmp_path / "c.db", role="chair") as store:
        store.save_record(record)
        store.add(None, Person("Someone Else"))
        entries = store.journal()
        assert [e.id for e in entries] == sorted(e.id for e in entries)
        assert {e.role for e in entries} == {"chair"}
        assert all(len(e.at) == 24 and e.at.endswith("Z") and e.at[19] == "." for e in entries)
        assert store.journal(record.meeting.id)[-1].table == "meetings"
        assert store.journal(limit=1) == entries[-1:]


def test_person_still_named_cannot_be_deleted(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    with pytest.raises(StoreError, match="still named"):
        store.delete(record.people[0])
    assert store.find_person("Jonathan Glanz") == record.people[0]


def test_add_existing_person_links_them_to_the_meeting(store: Store) -> None:
    first, second = sample_record(), sample_record(date(2019, 11, 25))
    store.save_record(first)
    store.save_record(second)
    store.add(second.meeting.id, first.people[0])
    assert store.load_record(second.meeting.id).people[-1] == first.people[0]
    with pytest.raises(StoreError, match="already"):
        store.add(second.meeting.id, first.people[0])


def test_child_rows_need_a_meeting(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    with pytest.raises(StoreError):
        store.add(None, MinuteParagraph(record.items[0].id, "orphan"))
    with pytest.raises(UnknownMeeting):
        store.add("nope", MinuteParagraph(record.items[0].id, "orphan"))
    with pytest.raises(StoreError, match="reference"):
        store.add(record.meeting.id, MinuteParagraph("no-such-item", "orphan"))
    assert store.load_record(record.meeting.id) == record


def test_updating_a_deleted_row_is_an_error(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    store.delete(record.paragraphs[0])
    with pytest.raises(StoreError, match="no longer"):
        store.update(record.paragraphs[0], text="x")


def test_errors_are_clerk_errors() -> None:
    assert issubclass(StoreError, ClerkError)
    assert issubclass(UnknownMeeting, StoreError)
    assert issubclass(AmbiguousMeeting, StoreError)


# --------------------------------------------------------------------------- opening


def test_new_database_settings(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2000


def test_default_db_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLERK_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("CLERK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_db_path()
    assert path.name == "clerk.db" and path.parent.is_dir()
