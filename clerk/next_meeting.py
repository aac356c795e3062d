"""The committee's next meeting, made from one of its meetings already stored.

Same committee, members, officer and venue; an agenda of the standing items (titled as
`clerk.standing` titles them for a next meeting); its Minutes item approves the earlier
meeting's minutes. The agenda pack, once published, is merged into it (`clerk.importing`).

Open actions carry forward by staying where they arose: the committee's tracker is
cumulative, each action kept in the round of the meeting that asked for it, its Update column
("In progress", "Completed") brought up to date at later meetings (HOUSE_STYLE §5; the
reference tracker still shows December 2018's actions "In progress" under ROUND THREE). So
nothing is copied into the new meeting, which would print an action twice: `open_actions`
lists, for the new meeting, the earlier actions still to report on, and their progress is
written to them even once those minutes are approved (the store lets it through).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    new_id,
)
from clerk.standing import NEXT_MEETING_TITLES

#: The date first offered for the next meeting is this long after the last: about a committee's
#: cycle (the samples' meetings are 17 October and 25 November 2019); the clerk changes it.
INTERVAL = timedelta(weeks=5)


def suggested_date(previous: MeetingRecord) -> date:
    return previous.meeting.date + INTERVAL


def next_meeting(previous: MeetingRecord, day: date) -> MeetingRecord:
    """The committee's next meeting, on `day`, after `previous`."""
    members = {m.person_id for m in previous.members()}
    people = [p for p in previous.people if p.id in members]
    items = [
        AgendaItem(
            number=str(index),
            title=title,
            position=index - 1,
            part_heading=previous.agenda()[0].part_heading if previous.items else "",
        )
        for index, (_kind, title) in enumerate(NEXT_MEETING_TITLES, start=1)
    ]
    meeting = Meeting(
        committee_id=previous.committee.id,
        date=day,
        # a meeting not yet held has the agenda's start time, the committee's usual one; once
        # opened, its start time is when it actually began, which says nothing of the next
        start_time=previous.meeting.start_time
        if previous.meeting.status is MeetingStatus.SCHEDULED
        else None,
        venue=previous.meeting.venue,
        approves_minutes_of=previous.meeting.date,
        officer_id=previous.meeting.officer_id,
        id=new_id(),
    )
    if meeting.officer_id and all(p.id != meeting.officer_id for p in people):
        officer = next((p for p in previous.people if p.id == meeting.officer_id), None)
        if officer:
            people.append(officer)
    return MeetingRecord(
        committee=previous.committee,
        meeting=meeting,
        people=people,
        memberships=[replace(m) for m in previous.memberships],
        items=items,
    )


def open_actions(
    entries: list[tuple[Meeting, AgendaItem, Action]], meeting: Meeting
) -> list[tuple[Meeting, AgendaItem, Action]]:
    """The actions of the committee's earlier meetings not yet completed, oldest meeting
    first: what the tracker at `meeting` reports progress on. `entries` are
    `Store.committee_actions(meeting.committee_id)`."""
    earlier = [
        (m, i, a)
        for m, i, a in entries
        if m.date < meeting.date and m.id != meeting.id and a.status is not ActionStatus.COMPLETED
    ]
    return sorted(earlier, key=lambda e: (e[0].date, e[1].position, e[2].position))
