"""The chair's review on a real SQLite file: versions, requests accepted and declined,
approval, read-only approved minutes on every route that writes, reopening, confirmation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clerk import review
from clerk.minutes.references import find, passages
from clerk.minutes.style import load_style
from clerk.record import (
    AmendmentKind,
    AmendmentStatus,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    new_id,
)
from clerk.review import ReviewError
from clerk.samples import read_sample
from clerk.store import MinutesApproved, Store, StoreError
from clerk.tui.session import LiveSession

OCTOBER = "fps-2019-10-17.json"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "clerk.db") as s:
        yield s


@pytest.fixture
def record(store: Store) -> MeetingRecord:
    record = read_sample(OCTOBER)
    store.save_record(record)
    return record


def text_of(store: Store, meeting_id: str, reference: str) -> str:
    passage = find(review.current_minutes(store, meeting_id), reference)
    assert passage is not None, reference
    return passage.text


def sent(store: Store, record: MeetingRecord) -> str:
    review.send_to_chair(store, record.meeting.id)
    return record.meeting.id


def test_sending_freezes_numbered_versions_exactly_as_rendered(
    store: Store, record: MeetingRecord
) -> None:
    mid = record.meeting.id
    first = review.send_to_chair(store, mid)
    assert first.number == 1
    assert first.document == review.current_minutes(store, mid)
    assert first.document.draft
    assert store.meeting(mid).status is MeetingStatus.SENT
    history = store.status_history(mid)
    assert [(h.from_status, h.to_status, h.role) for h in history] == [
        (MeetingStatus.ENDED, MeetingStatus.SENT, "clerk")
    ]
    request = review.request_amendment(
        store, mid, "4.3", AmendmentKind.REPLACE, "The Committee received the update."
    )
    review.accept(store, mid, request.id)
    second = review.send_to_chair(store, mid)
    kept = review.versions(store, mid)
    assert [v.number for v in kept] == [1, 2]
    assert kept[0].document == first.document  # the first version did not follow the record
    assert find(kept[1].document, "4.3").text == "The Committee received the update."
    assert find(kept[0].document, "4.3").text.startswith("The Committee received the update and")
    assert second.document != first.document


def test_a_meeting_not_yet_ended_cannot_go_to_the_chair(
    store: Store, record: MeetingRecord
) -> None:
    store.update_meeting(record.meeting.id, status=MeetingStatus.IN_PROGRESS)
    with pytest.raises(ReviewError, match="once it has ended"):
        review.send_to_chair(store, record.meeting.id)
    assert store.versions(record.meeting.id) == []


def test_a_request_on_a_passage_that_does_not_exist_is_refused(
    store: Store, record: MeetingRecord
) -> None:
    mid = sent(store, record)
    with pytest.raises(ReviewError, match=r"no passage '4\.9'.*4\.1, 4\.2"):
        review.request_amendment(store, mid, "4.9", AmendmentKind.DELETE)
    assert store.amendments(mid) == []


def test_accepting_a_replacement_changes_the_record_and_the_minutes(
    store: Store, record: MeetingRecord
) -> None:
    mid = sent(store, record)
    old = text_of(store, mid, "4.3")
    request = review.request_amendment(
        store, mid, "4.3", AmendmentKind.REPLACE, "The Committee noted the update.", "Cllr Glanz"
    )
    assert (request.reference, request.old_text, request.author) == ("4.3", old, "Cllr Glanz")
    assert request.source.startswith("paragraphs:")
    assert request.version == 1
    outcome = review.accept(store, mid, request.id[:6])
    assert outcome.applied
    assert text_of(store, mid, "4.3") == "The Committee noted the update."
    (kept,) = store.amendments(mid)
    assert kept.status is AmendmentStatus.ACCEPTED and kept.decided_by == "clerk"
    entries = store.journal(mid)
    asked = next(e for e in entries if e.table == "amendments" and e.op == "insert")
    assert asked.role == "chair"
    changed = next(e for e in entries if e.table == "paragraphs")
    assert (changed.role, changed.new["text"]) == ("clerk", "The Committee noted the update.")


def test_accepting_an_insertion_and_a_deletion(store: Store, record: MeetingRecord) -> None:
    mid = sent(store, record)
    was_43 = text_of(store, mid, "4.3")
    insert = review.request_amendment(
        store, mid, "4.2", AmendmentKind.INSERT, "A new point.\nfirst bullet\nsecond bullet"
    )
    delete = review.request_amendment(store, mid, "5 RESOLVED (2)", AmendmentKind.DELETE)
    review.accept(store, mid, insert.id)
    review.accept(store, mid, delete.id)
    assert text_of(store, mid, "4.3") == "A new point.\nfirst bullet\nsecond bullet"
    assert text_of(store, mid, "4.4") == was_43
    resolutions = [p.text for p in passages(review.current_minutes(store, mid))
                   if p.reference.startswith("5 RESOLVED")]  # fmt: skip
    assert len(resolutions) == 5
    assert not any(t.startswith("That vaccination providers") for t in resolutions)


def test_a_request_on_a_generated_passage_is_accepted_for_the_clerk_to_make_by_hand(
    store: Store, record: MeetingRecord
) -> None:
    mid = sent(store, record)
    before = store.load_record(mid)
    request = review.request_amendment(
        store, mid, "attendance 2", AmendmentKind.REPLACE, "Also present: nobody."
    )
    outcome = review.accept(store, mid, request.id)
    assert not outcome.applied
    assert "attendance" in outcome.message and "live screen" in outcome.message
    assert store.load_record(mid) == before
    (kept,) = store.amendments(mid)
    assert kept.status is AmendmentStatus.ACCEPTED
    assert kept.reason.startswith("to be made by hand")


def test_a_replacement_of_a_passage_changed_since_is_refused(
    store: Store, record: MeetingRecord
) -> None:
    mid = sent(store, record)
    first = review.request_amendment(store, mid, "4.3", AmendmentKind.REPLACE, "One.")
    second = review.request_amendment(store, mid, "4.3", AmendmentKind.REPLACE, "Two.")
    review.accept(store, mid, first.id)
    with pytest.raises(ReviewError, match="has changed since"):
        review.accept(store, mid, second.id)
    assert text_of(store, mid, "4.3") == "One."
    assert store.amendment(mid, second.id).status is AmendmentStatus.OPEN


def test_a_hoisting_style_keeps_that_in_the_record(store: Store, tmp_path: Path) -> None:
    record = read_sample(OCTOBER)
    store.save_record(record)
    mid = record.meeting.id
    style_file = tmp_path / "hoist.toml"
    style_file.write_text('[resolutions]\nlabel = "({n})"\nhoist_that = true\n')
    style = load_style(style_file)
    review.send_to_chair(store, mid, style)
    shown = find(review.current_minutes(store, mid, style), "5.6 RESOLVED (2)")
    assert shown.text.startswith("Vaccination providers")
    request = review.request_amendment(
        store, mid, "5.6 RESOLVED (2)", AmendmentKind.REPLACE,
        "Vaccination providers be asked to tell residents about clinics;", style=style,
    )  # fmt: skip
    review.accept(store, mid, request.id, style=style)
    stored = next(r for r in store.load_record(mid).resolutions if r.id in request.source)
    assert stored.text == "That vaccination providers be asked to tell residents about clinics;"
    assert find(review.current_minutes(store, mid, style), "5.6 RESOLVED (2)").text == (
        "Vaccination providers be asked to tell residents about clinics;"
    )


def test_declining_needs_a_reason_and_keeps_it(store: Store, record: MeetingRecord) -> None:
    mid = sent(store, record)
    request = review.request_amendment(store, mid, "4.1", AmendmentKind.COMMENT, "Too long?")
    with pytest.raises(ReviewError, match="needs a reason"):
        review.decline(store, mid, request.id, "  ")
    declined = review.decline(store, mid, request.id, "It is as said at the meeting.")
    assert (declined.status, declined.reason) == (
        AmendmentStatus.DECLINED,
        "It is as said at the meeting.",
    )
    with pytest.raises(ReviewError, match="already declined"):
        review.accept(store, mid, request.id)


def test_approval_waits_for_open_requests_then_freezes_the_approved_minutes(
    store: Store, record: MeetingRecord
) -> None:
    mid = record.meeting.id
    with pytest.raises(ReviewError, match="send-to-chair"):
        review.approve(store, mid)
    sent(store, record)
    request = review.request_amendment(store, mid, "4.1", AmendmentKind.COMMENT, "Fine.")
    with pytest.raises(ReviewError, match=r"1 amendment request is still open \(" + request.id[:8]):
        review.approve(store, mid)
    review.accept(store, mid, request.id)
    approved = review.approve(store, mid, on=date(2019, 10, 24))
    assert (approved.status, approved.approved_on) == (MeetingStatus.APPROVED, date(2019, 10, 24))
    latest = review.versions(store, mid)[-1]
    assert (latest.number, latest.event) == (2, "approved")
    assert not latest.document.draft and "DRAFT" not in latest.document.marks
    change = store.status_history(mid)[-1]
    assert (change.to_status, change.role) == (MeetingStatus.APPROVED, "chair")
    status_entries = [e for e in store.journal(mid) if e.table in ("meetings", "status_changes")]
    assert [e.role for e in status_entries[-2:]] == ["chair", "chair"]


def approved_meeting(store: Store, record: MeetingRecord) -> str:
    mid = sent(store, record)
    review.approve(store, mid, on=date(2019, 10, 24))
    return mid


def test_approved_minutes_are_read_only_on_every_route_that_writes(
    store: Store, record: MeetingRecord
) -> None:
    mid = approved_meeting(store, record)
    before = store.load_record(mid)
    journal = len(store.journal())
    paragraph = before.paragraphs[0]
    attempts = {
        "update": lambda: store.update(paragraph, text="Changed."),
        "add": lambda: store.add(mid, MinuteParagraph(item_id=paragraph.item_id, text="New")),
        "delete": lambda: store.delete(before.resolutions[0]),
        "meeting": lambda: store.update_meeting(mid, venue="Elsewhere"),
        "status by hand": lambda: store.update_meeting(mid, status=MeetingStatus.ENDED),
        "import-record --replace": lambda: store.save_record(
            replace(before, paragraphs=[]), replace=True
        ),
        "delete meeting": lambda: store.delete_meeting(mid),
        "request": lambda: review.request_amendment(store, mid, "4.1", AmendmentKind.DELETE),
        "send": lambda: review.send_to_chair(store, mid),
    }
    for route, attempt in attempts.items():
        with pytest.raises(MinutesApproved, match=r"reopen .*--reason") as refused:
            attempt()
        assert "2019-10-17" in str(refused.value), route
    session = LiveSession(store, mid)
    with pytest.raises(MinutesApproved):
        session.add_paragraph(paragraph.item_id, "Typed on the live screen.")
    assert store.load_record(mid) == before
    assert len(store.journal()) == journal
    # moving about an approved meeting on the live screen changes nothing it says
    store.update_meeting(mid, current_item_id=before.items[2].id)


def test_undoing_a_change_to_minutes_since_approved_is_refused(
    store: Store, record: MeetingRecord
) -> None:
    mid = sent(store, record)
    paragraph = store.load_record(mid).paragraphs[0]
    with store.step(mid, "paragraph 4.1"):
        store.update(paragraph, text="Typed before approval.")
    review.approve(store, mid)
    with pytest.raises(MinutesApproved):
        store.replay(mid, store.steps(mid)[-1], backward=True)


def test_reopening_needs_a_reason_is_journalled_and_allows_changes(
    store: Store, record: MeetingRecord
) -> None:
    mid = approved_meeting(store, record)
    with pytest.raises(ReviewError, match="needs a reason"):
        review.reopen(store, mid, "")
    reopened = review.reopen(store, mid, "Councillor Bright's name was misspelt.")
    assert (reopened.status, reopened.approved_on) == (MeetingStatus.ENDED, None)
    change = store.status_history(mid)[-1]
    assert (change.from_status, change.to_status, change.reason) == (
        MeetingStatus.APPROVED,
        MeetingStatus.ENDED,
        "Councillor Bright's name was misspelt.",
    )
    meeting_entry, why = store.journal(mid)[-2:]
    assert meeting_entry.old["status"] == "approved" and meeting_entry.new["status"] == "ended"
    assert (why.table, why.new["reason"]) == (
        "status_changes",
        "Councillor Bright's name was misspelt.",
    )
    paragraph = store.load_record(mid).paragraphs[0]
    store.update(paragraph, text="Corrected.")
    with pytest.raises(ReviewError, match="not approved"):
        review.reopen(store, mid, "again")


def test_confirmation_at_a_later_meeting(store: Store, record: MeetingRecord) -> None:
    mid = record.meeting.id
    later = replace(
        record.meeting, id=new_id(), date=date(2019, 11, 25), status=MeetingStatus.SCHEDULED
    )
    store.save_record(MeetingRecord(record.committee, later, people=record.people))
    review.send_to_chair(store, mid)
    with pytest.raises(ReviewError, match="Approve them first"):
        review.confirm(store, mid, later.id, "3.1")
    review.approve(store, mid, on=date(2019, 10, 24))
    review.publish(store, mid)
    with pytest.raises(ReviewError, match="not later"):
        review.confirm(store, later.id, mid, "3.1")
    confirmed = review.confirm(store, mid, later.id, "3.1", with_amendments=True)
    assert confirmed.status is MeetingStatus.CONFIRMED
    assert (
        confirmed.confirmed_by_meeting_id,
        confirmed.confirmed_minute,
        confirmed.confirmed_with_amendments,
        confirmed.confirmed_on,
    ) == (later.id, "3.1", True, date(2019, 11, 25))
    assert [m.id for m in store.meetings_confirmed_by(later.id)] == [mid]
    with pytest.raises(MinutesApproved, match="confirmed as a correct record"):
        store.update_meeting(mid, venue="Elsewhere")
    assert [h.to_status for h in store.status_history(mid)] == [
        MeetingStatus.SENT,
        MeetingStatus.APPROVED,
        MeetingStatus.PUBLISHED,
        MeetingStatus.CONFIRMED,
    ]


def test_a_decision_on_an_unknown_request_says_how_to_find_one(
    store: Store, record: MeetingRecord
) -> None:
    mid = sent(store, record)
    with pytest.raises(StoreError, match="clerk amendments MEETING"):
        review.accept(store, mid, "nope")


def test_exports_say_when_the_chair_approved_and_when_a_later_meeting_confirmed(
    store: Store, record: MeetingRecord, tmp_path: Path
) -> None:
    mid = sent(store, record)
    draft = review.current_minutes(store, mid)
    assert draft.draft and "DRAFT" in draft.marks
    assert find(draft, "status") is None
    review.approve(store, mid, on=date(2019, 10, 24))
    approved = review.current_minutes(store, mid)
    assert not approved.draft and "DRAFT" not in approved.marks
    assert find(approved, "status").text == "Approved by the Chairman on Thursday 24 October 2019."
    assert find(approved, "closing").text == "The Meeting ended at 8.59 pm."  # still the closing
    later = replace(record.meeting, id=new_id(), date=date(2019, 11, 25))
    store.save_record(MeetingRecord(record.committee, later, people=record.people))
    review.confirm(store, mid, later.id, "3.1")
    confirmed = review.current_minutes(store, mid)
    assert find(confirmed, "status [2]").text == (
        "Confirmed as a correct record at the meeting on Monday 25 November 2019 (minute 3.1)."
    )
    quiet = tmp_path / "quiet.toml"
    quiet.write_text('[closing]\napproved = ""\nconfirmed = ""\n')
    assert find(review.current_minutes(store, mid, load_style(quiet)), "status") is None
    review.reopen(store, mid, "A name is wrong.")
    assert find(review.current_minutes(store, mid), "status") is None


def test_approving_the_minutes_at_the_next_meeting_confirms_the_earlier_one(
    store: Store,
) -> None:
    from clerk.samples import load_samples

    loaded = load_samples(store)
    october, november = loaded[OCTOBER], loaded["fps-2019-11-25.toml"]
    session = LiveSession(store, november)
    # not yet approved by the chair: the resolution is recorded, the clerk told why not
    resolution = session.approve_minutes()
    assert "Approve them first" in session.confirm_previous(resolution)
    assert store.meeting(october).status is MeetingStatus.ENDED
    review.send_to_chair(store, october)
    review.approve(store, october, on=date(2019, 10, 24))
    said = session.confirm_previous(resolution)
    assert said == "The minutes of 17 October 2019 are confirmed as a correct record."
    earlier = store.meeting(october)
    assert (earlier.status, earlier.confirmed_by_meeting_id, earlier.confirmed_on) == (
        MeetingStatus.CONFIRMED,
        november,
        date(2019, 11, 25),
    )
    assert earlier.confirmed_minute == session.minute_of(resolution) == "3.1"
    assert "already confirmed" in session.confirm_previous(resolution)
