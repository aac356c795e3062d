"""Approving the earlier meeting's minutes on the live screen (Ctrl+S on the Minutes item)
records, in that earlier meeting, that they were confirmed here, and at which minute."""

from __future__ import annotations

from datetime import date

from clerk import review
from clerk.next_meeting import next_meeting
from clerk.record import MeetingStatus
from clerk.store import Store
from clerk.tui.app import ClerkApp

SIZE = (120, 40)


async def test_ctrl_s_at_the_next_meeting_confirms_the_earlier_minutes(db, clock) -> None:
    path, october = db
    with Store(path) as store:
        store.update_meeting(october, status=MeetingStatus.ENDED)
        review.send_to_chair(store, october)
        review.approve(store, october, on=date(2019, 10, 24))
        following = next_meeting(store.load_record(october), date(2019, 11, 25))
        store.save_record(following)
    app = ClerkApp(path, following.meeting.id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+s")  # item 3, MINUTES
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert "The minutes of 17 October 2019 are confirmed as a correct record." in said
    with Store(path) as store:
        earlier = store.meeting(october)
        history = store.status_history(october)
    assert earlier.status is MeetingStatus.CONFIRMED
    assert (earlier.confirmed_by_meeting_id, earlier.confirmed_minute, earlier.confirmed_on) == (
        following.meeting.id,
        "3.1",
        date(2019, 11, 25),
    )
    assert history[-1].reason == (
        "confirmed as a correct record at the meeting on 2019-11-25, minute 3.1"
    )


async def test_minutes_the_chair_has_not_approved_are_not_confirmed_and_the_clerk_is_told(
    db, clock
) -> None:
    path, october = db
    with Store(path) as store:
        store.update_meeting(october, status=MeetingStatus.ENDED)
        following = next_meeting(store.load_record(october), date(2019, 11, 25))
        store.save_record(following)
    app = ClerkApp(path, following.meeting.id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+s")
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
        assert "the chair has not approved them" in said
    with Store(path) as store:
        assert store.meeting(october).status is MeetingStatus.ENDED
        resolutions = store.load_record(following.meeting.id).resolutions
    # the resolution is recorded all the same: the committee did approve them
    assert [r.text for r in resolutions if "17 October 2019" in r.text]
