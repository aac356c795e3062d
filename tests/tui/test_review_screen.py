"""The chair's review screen, through the keyboard: the minutes exactly as exported with their
references; a draft sent, a change requested, one accepted and one declined with a reason,
the minutes approved and then read-only on the live screen too, reopened with a reason; the
journal says who did each; another process's change shows within two seconds."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from textual.widgets import TextArea

from clerk.minutes.references import passages
from clerk.record import AmendmentStatus, MeetingStatus, MinuteParagraph
from clerk.review import minutes_document
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.journal import JournalScreen
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.requests import RequestsScreen
from clerk.tui.screens.review import ReviewScreen
from clerk.tui.screens.versions import VersionsScreen
from tests.tui.conftest import october_record
from tests.tui.terminal import type_text

SIZE = (120, 40)

FIRST = "Councillor Heather Acton introduced the report on family hubs."
SECOND = "The Committee noted the update on the work programme."


def ended_meeting(path) -> str:
    """The October meeting, ended, with two paragraphs under item 4: its id."""
    record = october_record()
    item = record.items[3]
    record.meeting = replace(record.meeting, status=MeetingStatus.ENDED, end_time=time(20, 30))
    record.paragraphs = [
        MinuteParagraph(item_id=item.id, text=FIRST, position=0),
        MinuteParagraph(item_id=item.id, text=SECOND, position=1),
    ]
    with Store(path) as store:
        store.save_record(record)
    return record.meeting.id


def stored(path, meeting_id):
    with Store(path) as store:
        return store.load_record(meeting_id), store.amendments(meeting_id)


async def go_to(pilot, reference: str) -> None:
    await pilot.press("g")
    await type_text(pilot, reference)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_review_shows_the_minutes_as_exported(tmp_path) -> None:
    path = tmp_path / "clerk.db"
    meeting_id = ended_meeting(path)
    record, _ = stored(path, meeting_id)
    exported = passages(minutes_document(record))
    app = ClerkApp(path, meeting_id, cursor_blink=False, review_as="chair")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        shown = [line.passage for line in screen.view.lines if line.passage is not None]
        assert [(p.reference, p.text) for p in shown] == [(p.reference, p.text) for p in exported]
        assert "DRAFT" in [line.text for line in screen.view.lines]
        header = str(screen.query_one("#review-header").render())
        assert "0 open requests" in header and "acting as the chair" in header
        # the cursor moves passage by passage, over lines that are not passages
        first = screen.view.highlighted_passage()
        await pilot.press("down")
        assert screen.view.highlighted_passage() is not first
        await go_to(pilot, "4.2")
        assert screen.view.highlighted_passage().text == SECOND
        await pilot.press("ctrl+q")


async def test_request_accept_decline_approve_refuse_reopen(tmp_path, clock) -> None:
    path = tmp_path / "clerk.db"
    meeting_id = ended_meeting(path)
    app = ClerkApp(path, meeting_id, cursor_blink=False, review_as="clerk for the chair")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        # ---- the draft goes to the chair: a version is frozen
        await pilot.press("f4")
        await pilot.pause()
        assert "with the chair for review" in str(review.query_one("#review-header").render())

        # ---- a replacement asked on 4.1, prefilled with its words
        await go_to(pilot, "4.1")
        await pilot.press("f2", "r")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == FIRST
        area.load_text(FIRST.replace("family hubs", "the new family hubs"))
        await pilot.press("f2")
        await pilot.pause()
        # ---- a comment on 4.2, typed
        await go_to(pilot, "4.2")
        await pilot.press("f2", "c")
        await type_text(pilot, "Say which update.")
        await pilot.press("f2")
        await pilot.pause()
        header = str(review.query_one("#review-header").render())
        assert "2 open requests" in header
        assert review.view.marked() == ["4.1", "4.2"]
        _, amendments = stored(path, meeting_id)
        assert [(a.reference, a.kind.value, a.author) for a in amendments] == [
            ("4.1", "replace", "chair"),
            ("4.2", "comment", "chair"),
        ]

        # ---- approving with requests open is refused, in the store's words
        await pilot.press("f5", "y")
        await pilot.pause()
        record, _ = stored(path, meeting_id)
        assert record.meeting.status is MeetingStatus.SENT

        # ---- the clerk accepts the first: the record changes, the minutes follow
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, RequestsScreen)
        await pilot.press("a")
        await pilot.pause()
        record, amendments = stored(path, meeting_id)
        assert FIRST.replace("family hubs", "the new family hubs") in [
            p.text for p in record.paragraphs
        ]
        assert amendments[0].status is AmendmentStatus.ACCEPTED
        # ---- and declines the second, with a reason
        await pilot.press("down", "d")
        await type_text(pilot, "The update is named in 4.1.")
        await pilot.press("enter")
        await pilot.pause()
        _, amendments = stored(path, meeting_id)
        assert amendments[1].status is AmendmentStatus.DECLINED
        assert amendments[1].reason == "The update is named in 4.1."
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is review
        shown = [line.text for line in review.view.lines]
        assert FIRST.replace("family hubs", "the new family hubs") in shown

        # ---- approved: read-only, the DRAFT mark gone
        await pilot.press("f5", "y")
        await pilot.pause()
        record, _ = stored(path, meeting_id)
        assert record.meeting.status is MeetingStatus.APPROVED
        assert "read-only" in str(review.query_one("#review-header").render())
        assert "DRAFT" not in [line.text for line in review.view.lines]
        assert review.check_action("request_amendment", ()) is False

        # ---- the journal says who did what
        await pilot.press("f7")
        await pilot.pause()
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        rows = journal.rows_text()
        asked = "| clerk for the chair | request on 4.2 (comment) by chair: 'Say which update.'"
        assert any(asked in r for r in rows), rows
        declined = [r for r in rows if " declined by clerk for the chair: " in r]
        assert declined and declined[0].endswith("The update is named in 4.1."), rows
        await pilot.press("escape")
        await pilot.press("ctrl+q")

    # ---- the live screen, opened on approved minutes, says so and keeps what is typed
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        live = app.screen
        assert isinstance(live, LiveScreen)
        assert "READ-ONLY" in str(live.query_one("#status").render())
        await type_text(pilot, "A late thought.")
        await pilot.pause(0.8)
        assert live.composer.text == "A late thought."  # never lost
        assert live.composer.refusal is not None
        assert "approved" in str(live.composer.refusal)
        notes = [n.message for n in app._notifications]
        assert any("reopen" in m for m in notes), notes
        live.composer.abandon()  # the clerk lets go of it (the recovery route is tested elsewhere)
        await pilot.press("ctrl+q")
    record, _ = stored(path, meeting_id)
    assert "A late thought." not in [p.text for p in record.paragraphs]

    # ---- reopened, with a reason the journal keeps
    app = ClerkApp(path, meeting_id, cursor_blink=False, review_as="chair")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await type_text(pilot, "A name was misspelt.")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.check_action("request_amendment", ()) is True
        await pilot.press("ctrl+q")
    record, _ = stored(path, meeting_id)
    assert record.meeting.status is MeetingStatus.ENDED
    with Store(path) as store:
        last = store.status_history(meeting_id)[-1]
    assert (last.role, last.to_status, last.reason) == (
        "chair",
        MeetingStatus.ENDED,
        "A name was misspelt.",
    )


async def test_two_versions_compared(tmp_path) -> None:
    path = tmp_path / "clerk.db"
    meeting_id = ended_meeting(path)
    app = ClerkApp(path, meeting_id, cursor_blink=False, review_as="chair")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")  # version 1
        await go_to(pilot, "4.2")
        await pilot.press("f2", "d")  # the chair asks that 4.2 go
        await pilot.press("f3", "a", "escape")  # accepted
        await pilot.press("f4")  # version 2
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        versions = app.screen
        assert isinstance(versions, VersionsScreen)
        assert [v.number for v in versions.versions] == [1, 2]
        await pilot.press("enter")  # version 2 against the one before
        await pilot.pause()
        shown = str(versions.query_one("#diff-text").render())
        assert f"-4.2 {SECOND}" in shown.replace("\t", " "), shown
        assert not any(line.startswith("+") and SECOND in line for line in shown.splitlines())
        await pilot.press("ctrl+q")


async def test_the_picker_opens_the_review_of_the_highlighted_meeting(tmp_path) -> None:
    path = tmp_path / "clerk.db"
    meeting_id = ended_meeting(path)
    app = ClerkApp(path, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.meeting_id == meeting_id
        assert review.role == "clerk for the chair"  # the clerk, until they say otherwise
        await pilot.press("f9", "c")  # now the chair
        await pilot.pause()
        assert "acting as the chair" in str(review.query_one("#review-header").render())
        await pilot.press("escape")  # back to the meetings
        await pilot.pause()
        assert type(app.screen).__name__ == "PickerScreen"
        await pilot.press("ctrl+q")
