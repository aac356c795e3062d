"""Fit an incoming record to the people and committees the database already knows.

An agenda imported today and a record exported years ago both name "Jonathan Glanz"; the
database must hold him once, so registers of attendance and interests, type-ahead and the
cumulative action tracker see one person and one committee. Matching is by canonical name
(case-insensitive): clerk keeps one spelling per person and committee.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from clerk.record import MeetingRecord, Membership

if TYPE_CHECKING:
    from clerk.store import Store


def reconcile(record: MeetingRecord, store: Store) -> MeetingRecord:
    """The same record with committee and person ids replaced by those already stored."""
    committee = store.find_committee(record.committee.name)
    committee_id = committee.id if committee else record.committee.id
    person_ids: dict[str, str] = {}
    for person in record.people:
        known = store.find_person(person.name)
        if known is not None and known.id != person.id:
            person_ids[person.id] = known.id
    if committee_id == record.committee.id and not person_ids:
        return record
    known = _known_memberships(store, record.committee.name, committee_id)
    return _renamed(record, committee_id, person_ids, known)


def _renamed(
    record: MeetingRecord,
    committee_id: str,
    person_ids: dict[str, str],
    known_memberships: list[Membership],
) -> MeetingRecord:
    def pid(person_id: str | None) -> str | None:
        return person_ids.get(person_id, person_id) if person_id else person_id

    def same_seat(a: Membership, b: Membership) -> bool:
        return (a.person_id, a.role, a.seat, a.from_date, a.to_date) == (
            b.person_id,
            b.role,
            b.seat,
            b.from_date,
            b.to_date,
        )

    memberships = []
    for m in record.memberships:
        moved = replace(m, committee_id=committee_id, person_id=pid(m.person_id) or m.person_id)
        twin = next((k for k in known_memberships if same_seat(k, moved)), None)
        memberships.append(replace(moved, id=twin.id) if twin else moved)

    people = [replace(p, id=person_ids.get(p.id, p.id)) for p in record.people]
    return replace(
        record,
        committee=replace(record.committee, id=committee_id),
        meeting=replace(
            record.meeting, committee_id=committee_id, officer_id=pid(record.meeting.officer_id)
        ),
        people=people,
        memberships=memberships,
        attendance=[
            replace(
                a, person_id=pid(a.person_id) or a.person_id, substitute_for=pid(a.substitute_for)
            )
            for a in record.attendance
        ],
        declarations=[
            replace(d, person_id=pid(d.person_id) or d.person_id) for d in record.declarations
        ],
        votes=[
            replace(v, named={pid(k) or k: c for k, c in v.named.items()}) for v in record.votes
        ],
        actions=[replace(a, lead_person_id=pid(a.lead_person_id)) for a in record.actions],
    )


def _known_memberships(store: Store, name: str, committee_id: str) -> list[Membership]:
    meetings = store.list_meetings(committee=name)
    latest = next((m for m in meetings if m.committee_id == committee_id), None)
    if latest is None:
        return []
    return store.load_record(latest.id).memberships
