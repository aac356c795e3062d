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
    if first.meeting.status.minutes_approved:  # approved minutes are read-only: test_review
        first = dataclasses.replace(
            first, meeting=dataclasses.replace(first.meeting, status=MeetingStatus.ENDED)
        )
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


def test_committee_with_meetings_cannot_be_deleted(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    with pytest.raises(StoreError, match="has 1 meeting in the database"):
        store.delete(record.committee)
    store.delete_meeting(record.meeting.id)
    for membership in record.memberships:
        store.delete(membership)
    store.delete(record.committee)
    assert store.committees() == []


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


def test_checkpoints_in_the_background_not_in_a_commit(tmp_path: Path) -> None:
    """The live screen's store never checkpoints in a commit (a key press would wait for it):
    a thread does, on its own connection; closing stops it and checkpoints the rest."""
    import threading
    import time as clock

    path = tmp_path / "clerk.db"
    record = sample_record()
    texts = [f"Paragraph {n}" for n in range(12)]

    def in_the_file_itself() -> int:  # rows the database file holds, not counting the WAL
        conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        marks = ",".join("?" * len(texts))
        try:
            sql = f"SELECT count(*) FROM paragraphs WHERE text IN ({marks})"
            return conn.execute(sql, texts).fetchone()[0]
        except sqlite3.DatabaseError:  # no tables yet (all in the WAL), or caught mid-copy
            return 0
        finally:
            conn.close()

    with Store(path) as store:
        store.save_record(record)
        store.checkpoint_in_background(every=5)
        store.checkpoint_in_background(every=5)  # once is enough; twice changes nothing
        assert store._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        for text in texts:
            store.add(record.meeting.id, MinuteParagraph(record.items[0].id, text))
        deadline = clock.monotonic() + 10
        while in_the_file_itself() < 10 and clock.monotonic() < deadline:
            clock.sleep(0.01)
        assert in_the_file_itself() >= 10  # two checkpoints' worth, by the thread
    assert not [t for t in threading.enumerate() if t.name == "clerk-checkpoint"]
    assert not Path(f"{path}-wal").exists()
    assert in_the_file_itself() == len(texts)
    with Store(path) as store:
        assert [p.text for p in store.load_record(record.meeting.id).paragraphs][-12:] == texts


def test_default_db_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLERK_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("CLERK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_db_path()
    assert path == tmp_path / "data" / "clerk" / "clerk.db"
    assert not path.parent.exists()  # made by the store when it creates the database (issue 12)


# --------------------------------------------------------------------------- failures


def test_locked_database_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    record = sample_record()
    with Store(path, busy_timeout=0.1) as store:
        store.save_record(record)
        before = store.journal()
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="in use by another program") as caught:
                store.update(record.paragraphs[0], text="lost?")
            assert "try again" in str(caught.value)
            with pytest.raises(StoreError, match="in use by another program"):
                store.save_record(sample_record(date(2020, 1, 1)))
            with pytest.raises(StoreError, match="in use by another program"):
                store.add(record.meeting.id, MinuteParagraph(record.items[0].id, "lost?"))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.journal() == before
        assert store.load_record(record.meeting.id) == record
        assert len(store.list_meetings()) == 1
        # and the store works again once the other program lets go
        store.update(record.paragraphs[0], text="saved")
        assert store.load_record(record.meeting.id).paragraphs[0].text == "saved"


def test_full_disk_is_a_clear_error_and_writes_nothing(store: Store) -> None:
    first = sample_record()
    store.save_record(first)
    before = store.journal()
    conn = store._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # as good as a full disk
    big = sample_record(date(2020, 1, 1))
    big.paragraphs = [
        MinuteParagraph(big.items[0].id, "Zoë said a great deal. " * 200) for _ in range(50)
    ]
    with pytest.raises(StoreError, match=r"disk .* is full: nothing was saved"):
        store.save_record(big)
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert [m.id for m in store.list_meetings()] == [first.meeting.id]
    assert store.journal() == before


# --------------------------------------------------------------------------- finding meetings


@pytest.fixture
def council(store: Store) -> dict[str, MeetingRecord]:
    family = Committee("Family and People Services Policy and Scrutiny Committee")
    audit = Committee("Audit and Performance Committee")
    records = {
        "f1": sample_record(date(2019, 6, 17), family),
        "f2": sample_record(date(2019, 10, 17), family),
        "a1": sample_record(date(2019, 10, 17), audit),
        "a2": sample_record(date(2019, 12, 2), audit),
    }
    records["a1"].meeting.start_time = time(10, 0)
    for record in records.values():
        store.save_record(record)
    return records


def test_resolve_by_id_prefix_and_date(store: Store, council) -> None:
    f1, a2 = council["f1"].meeting.id, council["a2"].meeting.id
    assert store.resolve_meeting(f1) == f1
    assert store.resolve_meeting(f1[:6]) == f1
    assert store.resolve_meeting(f" {f1[:8]} ") == f1
    assert store.resolve_meeting("2019-06-17") == f1
    assert store.resolve_meeting("2019-12-02") == a2
    assert store.resolve_meeting("2019-10-17", committee="audit") == council["a1"].meeting.id
    assert store.resolve_meeting("2019-10-17", committee="FAMILY") == council["f2"].meeting.id
    assert store.resolve_meeting(f1, committee="family") == f1


def test_resolve_same_day_is_ambiguous_and_lists_the_candidates(store: Store, council) -> None:
    with pytest.raises(AmbiguousMeeting) as caught:
        store.resolve_meeting("2019-10-17")
    message = str(caught.value)
    assert "--committee" in message
    assert "Audit and Performance Committee" in message
    assert council["f2"].meeting.id in message and council["a1"].meeting.id in message


def test_resolve_unknown_date_names_the_nearest(store: Store, council) -> None:
    with pytest.raises(UnknownMeeting) as caught:
        store.resolve_meeting("2019-11-01")
    message = str(caught.value)
    assert "2019-10-17" in message and "2019-12-02" in message
    with pytest.raises(UnknownMeeting, match=r"nearest: .*2019-10-17, Family") as caught:
        store.resolve_meeting("2019-12-02", committee="family")
    assert "Audit" not in str(caught.value)


def test_resolve_errors(store: Store, council) -> None:
    with pytest.raises(UnknownMeeting, match="at least 4"):
        store.resolve_meeting("abc")
    with pytest.raises(UnknownMeeting, match="id starting"):
        store.resolve_meeting("zzzzzz")
    with pytest.raises(UnknownMeeting, match="not a real date"):
        store.resolve_meeting("2019-02-30")
    with pytest.raises(UnknownMeeting, match="Audit and Performance"):
        store.resolve_meeting("2019-10-17", committee="planning")
    with pytest.raises(UnknownMeeting, match="id starting"):
        store.resolve_meeting(council["f1"].meeting.id, committee="audit")


def test_resolve_ambiguous_prefix(store: Store) -> None:
    committee = Committee("Planning")
    store.add(None, committee)
    for suffix in ("0001", "0002"):
        store.save_record(
            MeetingRecord(committee, Meeting(committee.id, date(2020, 1, 1), id=f"beef{suffix}"))
        )
    with pytest.raises(AmbiguousMeeting, match=r"beef0001.*beef0002"):
        store.resolve_meeting("beef")
    assert store.resolve_meeting("beef0002") == "beef0002"


def test_list_meetings_newest_first_with_counts(store: Store, council) -> None:
    rows = store.list_meetings()
    assert [(r.date, r.committee) for r in rows] == [
        (date(2019, 12, 2), "Audit and Performance Committee"),
        (date(2019, 10, 17), "Family and People Services Policy and Scrutiny Committee"),
        (date(2019, 10, 17), "Audit and Performance Committee"),  # 7 pm before 10 am, desc
        (date(2019, 6, 17), "Family and People Services Policy and Scrutiny Committee"),
    ]
    assert all(r.items == 2 and r.present == 1 for r in rows)
    assert rows[0].start_time == time(19, 0) and rows[0].venue == "Room 18.01"
    assert rows[0].status is MeetingStatus.SCHEDULED
    assert [r.id for r in store.list_meetings(limit=2)] == [r.id for r in rows[:2]]
    assert [r.date for r in store.list_meetings(committee="FAMILY")] == [
        date(2019, 10, 17),
        date(2019, 6, 17),
    ]
    assert store.list_meetings(committee="nothing like it") == []


def test_list_meetings_uses_an_index(store: Store) -> None:
    plan = " ".join(
        str(r[-1])
        for r in store._conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM meetings "
            "ORDER BY date DESC, start_time DESC, rowid DESC LIMIT 20"
        )
    )
    assert "meetings_by_date" in plan and "TEMP B-TREE" not in plan


def test_committees_and_people(store: Store, council) -> None:
    assert [c.name for c in store.committees()] == [
        "Audit and Performance Committee",
        "Family and People Services Policy and Scrutiny Committee",
    ]
    audit = store.find_committee("audit AND performance committee")
    assert audit == council["a1"].committee
    assert store.find_committee("Audit") is None
    assert store.find_person("margot bright") is not None
    assert store.find_person("Margot") is None
    assert len(store.people()) == 12  # sample_record makes new people each time


def test_find_people_type_ahead(store: Store) -> None:
    names = ["Zoë Ångström", "Jonathan Glanz", "Nafsika Butler-Thalassis", "Peter O'Neill", "Ángel"]
    for name in names:
        store.add(None, Person(name))
    found = lambda text: [p.name for p in store.find_people(text)]  # noqa: E731
    assert found("zoe") == ["Zoë Ångström"]
    assert found("ANGS") == ["Zoë Ångström"]
    assert found("ang") == ["Ángel", "Zoë Ångström"]  # whole-name starts first
    assert found("thal") == ["Nafsika Butler-Thalassis"]
    assert found("neill") == ["Peter O'Neill"]
    assert found("onathan") == []
    assert found("jonathan g") == ["Jonathan Glanz"]
    assert found("") == []
    assert len(store.find_people("a", limit=2)) == 2


def test_committee_actions_newest_meeting_first(store: Store, council) -> None:
    family = council["f1"].committee
    extra = Action(council["f1"].items[0].id, "An earlier action")
    store.add(council["f1"].meeting.id, extra)
    rows = store.committee_actions(family.id)
    assert [(m.date, i.number, a.text) for m, i, a in rows] == [
        (date(2019, 10, 17), "4", "Circulate the figures"),
        (date(2019, 6, 17), "1", "An earlier action"),
        (date(2019, 6, 17), "4", "Circulate the figures"),
    ]
    assert rows[0][0] == council["f2"].meeting
    assert store.committee_actions("no such committee") == []
