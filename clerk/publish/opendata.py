"""A committee's meetings as open data: one JSON document in the Popolo export's shape, whose
events follow Open Civic Data's Event.

    {"organizations": [...], "persons": [...], "memberships": [...],
     "events": [...], "vote_events": [...]}

- organizations: the committee (Popolo Organization, classification "committee");
- persons: everyone the published papers name (members, attendees, declarants, voters), by
  name and honorific only: no e-mail, no telephone;
- memberships: the committee's seats (role "Chair"/"Member", the seat's label, dates);
- events: each meeting (OCD Event: start and end, location, status, participants with their
  attendance, agenda items in order, each with its decisions — the resolutions — and, as
  OCD allows in `extras`, the item's number, part and the declarations of interest);
- vote_events: each vote taken on public business (Popolo VoteEvent: motion, result, counts,
  and for a recorded vote each member's vote).

Exempt (Part 2) business is published as the public minutes publish it: the item's number
and title, that it was exempt and on which paragraphs of Schedule 12A, its public summary and
a declaration's kind and what the member did. Its paragraphs, resolutions, votes, actions and
a declaration's nature or capacity are never read here. The schema is docs/schema/.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from clerk.record import (
    AttendanceStatus,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Part,
    VoteChoice,
    VoteMethod,
)

LONDON = ZoneInfo("Europe/London")
_NAMESPACE = uuid.UUID("6f1d3c3e-2b0a-4d8e-9a51-5c0f6f3e8a21")  # clerk's, fixed forever

#: OCD's event statuses for a meeting's state.
EVENT_STATUS = {
    MeetingStatus.SCHEDULED: "confirmed",
    MeetingStatus.IN_PROGRESS: "confirmed",
    MeetingStatus.ADJOURNED: "confirmed",
    MeetingStatus.ENDED: "passed",
    MeetingStatus.SENT: "passed",
    MeetingStatus.APPROVED: "passed",
    MeetingStatus.PUBLISHED: "passed",
    MeetingStatus.CONFIRMED: "passed",
    MeetingStatus.CANCELLED: "cancelled",
}
_OPTION = {VoteChoice.FOR: "yes", VoteChoice.AGAINST: "no", VoteChoice.ABSTAIN: "abstain"}
_ROLE = {
    MemberRole.CHAIR: "Chair",
    MemberRole.CO_CHAIR: "Co-Chair",
    MemberRole.VICE_CHAIR: "Vice-Chair",
    MemberRole.MEMBER: "Member",
}


def ocd_id(kind: str, clerk_id: str) -> str:
    """ "ocd-event/1b4e…": stable for the same row, whichever database published it."""
    return f"ocd-{kind}/{uuid.uuid5(_NAMESPACE, f'{kind}/{clerk_id}')}"


def moment(record: MeetingRecord, start: bool = True) -> str:
    """An ISO 8601 date-time in London time, or the date alone when the time is unknown."""
    m = record.meeting
    clock = m.start_time if start else m.end_time
    if clock is None:
        return m.date.isoformat()
    at = datetime.combine(m.date, clock.replace(microsecond=0), tzinfo=LONDON)
    return at.isoformat()


def open_data(
    records: list[MeetingRecord],
    *,
    documents: dict[str, list[dict[str, str]]],
    decided: set[str] | None = None,
) -> dict:
    """The Popolo export of `records` (one committee's meetings, or several committees').
    `documents`: meeting id -> the published files of that meeting, as OCD links.
    `decided`: the meetings whose decisions, votes and declarations are published (those
    whose papers are); the others are events with their agenda alone. None: all."""
    organizations: dict[str, dict[str, Any]] = {}
    persons: dict[str, dict[str, Any]] = {}
    memberships: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    vote_events: list[dict[str, Any]] = []
    for record in sorted(records, key=lambda r: (r.meeting.date, r.meeting.id)):
        c = record.committee
        org_id = ocd_id("organization", c.id)
        organizations[org_id] = {
            "id": org_id,
            "name": c.name,
            "classification": "committee",
            "parent_name": " and ".join(c.councils),
        }
        named = _named_people(record)
        for person_id in named:
            p = record.person(person_id)
            persons[ocd_id("person", p.id)] = {
                "id": ocd_id("person", p.id),
                "name": p.name,
                "honorific_prefix": p.honorific,
                "family_name": p.surname or (p.name.split() or [""])[-1],
            }
        for ms in record.memberships:
            if ms.committee_id != c.id:
                continue
            memberships[ocd_id("membership", ms.id)] = {
                "id": ocd_id("membership", ms.id),
                "person_id": ocd_id("person", ms.person_id),
                "organization_id": org_id,
                "role": _ROLE[ms.role],
                "label": ms.seat,
                "start_date": ms.from_date.isoformat() if ms.from_date else "",
                "end_date": ms.to_date.isoformat() if ms.to_date else "",
            }
        full = decided is None or record.meeting.id in decided
        events.append(_event(record, org_id, documents.get(record.meeting.id, []), full=full))
        if full:
            vote_events += _votes(record, org_id)
    return {
        "organizations": list(organizations.values()),
        "persons": sorted(persons.values(), key=lambda p: (p["family_name"], p["name"], p["id"])),
        "memberships": list(memberships.values()),
        "events": events,
        "vote_events": vote_events,
    }


def _named_people(record: MeetingRecord) -> list[str]:
    """Everyone the public papers of the meeting name, in a stable order."""
    ids: list[str] = []
    for ms in record.memberships:
        if ms.committee_id == record.committee.id:
            ids.append(ms.person_id)
    ids += [a.person_id for a in record.attendance]
    ids += [a.substitute_for for a in record.attendance if a.substitute_for]
    ids += [d.person_id for d in record.declarations]
    for vote in _public_votes(record):
        ids += list(vote.named)
    return list(dict.fromkeys(ids))


def _public_votes(record: MeetingRecord) -> list:
    public = {i.id for i in record.items if i.part is Part.PUBLIC}
    return [v for v in record.votes if v.item_id in public]


def _event(
    record: MeetingRecord, org_id: str, documents: list[dict[str, str]], *, full: bool
) -> dict:
    m = record.meeting
    agenda = []
    for item in record.agenda():
        exempt = item.part is Part.EXEMPT
        declarations = [
            {
                "person_id": ocd_id("person", d.person_id),
                "kind": d.kind,
                "action": d.action.value,
                # the nature and capacity of an interest in exempt business are not public
                "nature": "" if exempt else d.nature,
                "capacity": "" if exempt else d.capacity,
            }
            for d in record.declarations_for(item.id)
            if full
        ]
        agenda.append(
            {
                "order": item.position,
                "description": item.title,
                "classification": ["exempt" if exempt else "public"],
                "subjects": [],
                "notes": [item.public_summary] if exempt and item.public_summary.strip() else [],
                "related_entities": [],
                "decisions": []
                if exempt or not full
                else [
                    {"order": n, "text": r.text}
                    for n, r in enumerate(record.resolutions_for(item.id), start=1)
                ],
                "extras": {
                    "number": item.number,
                    "part": item.part.value,
                    "exempt_paragraphs": list(item.exempt_paragraphs) if exempt else [],
                    "outcome": item.outcome.value if item.outcome else "",
                    "declarations": declarations,
                },
            }
        )
    participants: list[dict[str, str]] = [
        {
            "name": record.committee.name,
            "entity_type": "organization",
            "entity_id": org_id,
            "note": "host",
        }
    ]
    for a in record.attendance:
        note = a.status.value
        if a.status in (AttendanceStatus.SUBSTITUTE, AttendanceStatus.DEPUTY) and a.substitute_for:
            note += f" for {record.person(a.substitute_for).name}"
        participants.append(
            {
                "name": record.person(a.person_id).name,
                "entity_type": "person",
                "entity_id": ocd_id("person", a.person_id),
                "note": note,
            }
        )
    general = [
        {
            "person_id": ocd_id("person", d.person_id),
            "kind": d.kind,
            "action": d.action.value,
            "nature": d.nature,
            "capacity": d.capacity,
        }
        for d in record.declarations_for(None)
        if full
    ]
    return {
        "id": ocd_id("event", m.id),
        "name": f"{record.committee.name}, {m.date.isoformat()}"
        + (f" ({m.title})" if m.title else ""),
        "description": "",
        "classification": "committee-meeting",
        "start_date": moment(record),
        "end_date": moment(record, start=False) if m.end_time else "",
        "all_day": m.start_time is None,
        "timezone": "Europe/London",
        "status": EVENT_STATUS[m.status],
        "location": {"name": m.venue, "note": "", "coordinates": None},
        "participants": participants,
        "agenda": agenda,
        "documents": documents,
        "links": [],
        "sources": [],
        "media": [],
        "extras": {"clerk_id": m.id, "declarations": general},
    }


def _votes(record: MeetingRecord, org_id: str) -> list[dict]:
    out = []
    for vote in _public_votes(record):
        if vote.method is VoteMethod.RECORDED and vote.named:
            vote = vote.counted_from_names()
        motion = vote.motion
        if not motion and vote.resolution_id:
            found = next(
                (
                    r
                    for r in record.resolutions
                    if r.id == vote.resolution_id and r.item_id == vote.item_id
                ),
                None,
            )
            motion = found.text if found else ""
        out.append(
            {
                "id": ocd_id("vote", vote.id),
                "organization_id": org_id,
                "event_id": ocd_id("event", record.meeting.id),
                "motion": {"text": motion},
                "start_date": record.meeting.date.isoformat(),
                "result": "pass" if vote.outcome.value == "carried" else "fail",
                "counts": [
                    {"option": "yes", "value": vote.votes_for},
                    {"option": "no", "value": vote.votes_against},
                    {"option": "abstain", "value": vote.abstentions},
                ],
                "votes": [
                    {"voter_id": ocd_id("person", pid), "option": _OPTION[choice]}
                    for pid, choice in vote.named.items()
                ]
                if vote.method is VoteMethod.RECORDED
                else [],
                "extras": {
                    "method": vote.method.value,
                    "casting_vote": _OPTION[vote.casting_vote] if vote.casting_vote else "",
                },
            }
        )
    return out
