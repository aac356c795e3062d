"""The store's people: type-ahead through the matcher, merging a person entered twice,
removing one entered by mistake."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk.record import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    Membership,
    Person,
    Vote,
    VoteChoice,
    VoteMethod,
)
from clerk.store import Store, StoreError
from tests.test_store import sample_record


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "clerk.db") as s:
        yield s


def heather() -> Person:
    return Person(
        "Heather Acton",
        honorific="Councillor",
        role="Cabinet Member for Family Services and Public Health",
    )


def test_find_people_ranks_with_the_matcher(store: Store) -> None:
    acton = heather()
    for person in (Person("Acton Smith"), Person("Harry Actonby"), acton, Person("Nicky Crouch")):
        store.add(None, person)
    found = lambda text, limit=10: [p.name for p in store.find_people(text, limit)]  # noqa: E731
    assert found("acton") == ["Heather Acton", "Acton Smith", "Harry Actonby"]
    for typed in ("acton h", "Cllr Acton", "HEATHER ACTON", "h acton"):
        assert found(typed)[0] == "Heather Acton", typed
    assert found("cabinet") == ["Heather Acton"]  # a role word finds her too
    assert found("cllr") == ["Heather Acton"]
    assert found("acton", limit=1) == ["Heather Acton"]  # the best, not the first stored
    assert found("nobody") == [] and found("  ") == [] and found("-") == []


def _meeting_with_a_mistake(store: Store):
    """The sample meeting, Heather Acton known from elsewhere, and "Acton" entered by
    mistake at this meeting and named everywhere a person can be."""
    record = sample_record()
    store.save_record(record)
    meeting_id = record.meeting.id
    glanz = record.people[0]
    keep = heather()
    store.add(None, keep)
    gone = Person("Acton", role="Cabinet Member")
    store.add(meeting_id, gone)
    report = record.items[1]
    store.add(meeting_id, Attendance(gone.id, AttendanceStatus.ALSO_PRESENT))
    store.update(record.attendance[1], substitute_for=gone.id)  # as if Bright stood in for them
    store.add(meeting_id, Declaration(gone.id, report.id, "non-pecuniary interest"))
    store.add(None, Membership(record.committee.id, gone.id))
    action = Action(report.id, "Write to schools", lead="Acton", lead_person_id=gone.id)
    store.add(meeting_id, action)
    named = {glanz.id: VoteChoice.FOR, gone.id: VoteChoice.AGAINST}
    store.add(meeting_id, Vote(report.id, method=VoteMethod.RECORDED, named=named))
    store.update_meeting(meeting_id, officer_id=gone.id)
    return record, keep, gone


def test_merge_moves_every_reference_to_the_kept_person(store: Store) -> None:
    record, keep, gone = _meeting_with_a_mistake(store)
    before = len(store.journal())

    kept = store.merge_people(keep.id, gone.id)

    assert kept.id == keep.id and kept.role == keep.role  # her own role, not the mistake's
    loaded = store.load_record(record.meeting.id)
    assert gone.id not in {p.id for p in loaded.people}
    assert [p.name for p in loaded.people].count("Heather Acton") == 1
    (attendance,) = [a for a in loaded.attendance if a.status is AttendanceStatus.ALSO_PRESENT]
    assert attendance.person_id == keep.id
    assert loaded.attendance[1].substitute_for == keep.id
    assert [d.person_id for d in loaded.declarations][-1] == keep.id
    assert keep.id in {m.person_id for m in loaded.memberships}
    action = loaded.actions[-1]
    assert (action.lead, action.lead_person_id) == ("Heather Acton", keep.id)
    assert loaded.votes[-1].named[keep.id] is VoteChoice.AGAINST
    assert loaded.meeting.officer_id == keep.id
    assert [p.name for p in store.find_people("acton")] == ["Heather Acton"]
    assert store.find_person("Acton") is None

    # every change journalled; the person's deletion says whom they went into
    entries = store.journal()[before:]
    tables = {(e.table, e.op) for e in entries}
    for table in ("attendance", "declarations", "memberships", "actions", "votes", "meetings"):
        assert (table, "update") in tables, table
    assert ("meeting_people", "delete") in tables and ("meeting_people", "insert") in tables
    (deleted,) = [e for e in entries if e.table == "people"]
    assert deleted.op == "delete" and deleted.row_id == gone.id
    assert deleted.old["name"] == "Acton" and deleted.old["_merged_into"] == keep.id


def test_merge_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    record, keep, gone = _meeting_with_a_mistake(store)
    before = store.load_record(record.meeting.id)
    journal = len(store.journal())
    real = store._journal

    def fail_on_the_person(conn, meeting_id, table, *rest) -> None:
        if table == "people":
            raise OSError("disk gone")
        real(conn, meeting_id, table, *rest)

    monkeypatch.setattr(store, "_journal", fail_on_the_person)
    with pytest.raises(OSError):
        store.merge_people(keep.id, gone.id)
    monkeypatch.undo()
    assert store.load_record(record.meeting.id) == before
    assert len(store.journal()) == journal


def test_merge_where_both_attended_keeps_the_kept_persons_own(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    glanz = record.people[0]
    gone = Person("J Glanz")
    store.add(record.meeting.id, gone)
    store.add(record.meeting.id, Attendance(gone.id, AttendanceStatus.ALSO_PRESENT))
    vote = Vote(record.items[1].id, named={glanz.id: VoteChoice.FOR, gone.id: VoteChoice.AGAINST})
    store.add(record.meeting.id, vote)
    store.merge_people(glanz.id, gone.id)
    loaded = store.load_record(record.meeting.id)
    glanz_rows = [a for a in loaded.attendance if a.person_id == glanz.id]
    assert [a.status for a in glanz_rows] == [AttendanceStatus.PRESENT]
    assert loaded.votes[-1].named == {glanz.id: VoteChoice.FOR}
    assert [p.id for p in loaded.people].count(glanz.id) == 1


def test_merge_gives_the_kept_person_details_they_lacked(store: Store) -> None:
    keep, gone = Person("Nicky Crouch"), Person("Nicky Crouch", role="Interim Director")
    store.add(None, keep)
    store.add(None, gone)
    assert store.merge_people(keep.id, gone.id).role == "Interim Director"
    assert store.find_person("nicky crouch").role == "Interim Director"


def test_merge_refuses_nonsense_and_changes_nothing(store: Store) -> None:
    keep = heather()
    store.add(None, keep)
    journal = len(store.journal())
    with pytest.raises(StoreError, match="into themselves"):
        store.merge_people(keep.id, keep.id)
    with pytest.raises(StoreError, match="no person"):
        store.merge_people(keep.id, "no-such-id")
    assert len(store.journal()) == journal
    assert store.find_person("Heather Acton") == keep


def test_remove_a_person_nothing_refers_to(store: Store) -> None:
    record = sample_record()
    store.save_record(record)
    mistake = Person("Acton")
    store.add(record.meeting.id, mistake)
    before = len(store.journal())
    store.remove_person(mistake.id)
    assert store.find_person("Acton") is None
    assert [p.name for p in store.load_record(record.meeting.id).people] == [
        p.name for p in record.people
    ]
    entries = store.journal()[before:]
    assert [(e.table, e.op, e.row_id) for e in entries] == [
        ("meeting_people", "delete", mistake.id),
        ("people", "delete", mistake.id),
    ]
    assert entries[-1].old["name"] == "Acton"


def test_remove_is_refused_while_anything_names_them(store: Store) -> None:
    _record, _keep, gone = _meeting_with_a_mistake(store)
    journal = len(store.journal())
    with pytest.raises(StoreError) as refused:
        store.remove_person(gone.id)
    message = str(refused.value)
    for words in (
        "attendance at 1 meeting",
        "1 substitution",
        "1 declaration",
        "1 committee seat",
        "1 action",
        "1 recorded vote",
        "1 meeting as its officer",
        "Merge them into the right person",
    ):
        assert words in message, words
    assert len(store.journal()) == journal
    assert store.find_person("Acton") == gone

    # an action's lead alone is enough (deleting the person would leave it pointing nowhere)
    lead = Person("Sam Lead")
    store.add(None, lead)
    audit = Committee("Audit and Performance Committee")
    item = AgendaItem("1", "BUDGET")
    store.save_record(
        MeetingRecord(
            committee=audit,
            meeting=Meeting(audit.id, date(2020, 1, 6)),
            items=[item],
            actions=[Action(item.id, "Report back", lead=lead.name, lead_person_id=lead.id)],
        )
    )
    with pytest.raises(StoreError, match="1 action"):
        store.remove_person(lead.id)
