"""Fit an incoming record to the people and committees the database already knows.

An agenda imported today and a record exported years ago both name "Jonathan Glanz"; the
database must hold him once, so registers of attendance and interests, type-ahead and the
cumulative action tracker see one person and one committee. Matching is by canonical name
(case-insensitive): clerk keeps one spelling per person and committee.
"""

from __future__ import annotations

from dataclasses import fields, replace
from dataclasses import replace as replace_  # where `replace` is an argument
from datetime import date, timedelta
from typing import TYPE_CHECKING

from clerk.record import Committee, MeetingRecord, Membership, Person, new_id

if TYPE_CHECKING:
    from clerk.store import Store


#: What a meeting's minutes depend on of its committee, as the clerk is told of each: a
#: change to any of these is a change the clerk must choose how to take (clerk.importing).
NAME_IN_MINUTES = "name in the minutes"
RENDERED = (
    ("styled_name", NAME_IN_MINUTES),
    ("councils", "councils"),
    ("chair_title", "chair's title"),
    ("body", "name for the body"),
    ("quorum", "quorum"),
    ("style", "house style"),
)


def reconcile(
    record: MeetingRecord,
    store: Store,
    *,
    said: frozenset[str] | None = None,
    new_body: bool = False,
) -> MeetingRecord:
    """The same record with committee and person ids replaced by those already stored, and
    the committee's seats brought up to date (see `_fit_seats`). `said`: the committee's
    attributes the file states (None: all of them); the others keep what is stored.
    `new_body`: the committee is a new body, whatever is stored under its name."""
    committee = None if new_body else stored_committee(store, record.committee, said)
    committee_id = committee.id if committee else record.committee.id
    if new_body:
        committee_id = new_id()
    person_ids: dict[str, str] = {}
    for person in record.people:
        known = store.find_person(person.name)
        if known is not None and known.id != person.id:
            person_ids[person.id] = known.id
    if committee is None and not person_ids and not new_body:
        return record
    latest, known_seats = _known_memberships(store, committee_id)
    renamed = _renamed(record, committee_id, person_ids, known_seats)
    fitted = replace(
        renamed, committee=_fit_committee(renamed.committee, committee, committee_id, said)
    )
    return _fit_seats(fitted, latest, known_seats)


def _fit_seats(
    record: MeetingRecord, latest: date | None, known: list[Membership]
) -> MeetingRecord:
    """A meeting's list of members is the committee's membership on its date, so two
    meetings' lists date the seats between them. Imported after the latest stored meeting:
    a seat missing from the new list ended the day before the new meeting (a member who
    stood down, or one who chaired and now co-chairs), and a seat new to it began the day
    after the latest. Imported before it,
    the same the other way round. Without this every meeting's roll call would list
    everyone who ever sat on the committee."""
    day = record.meeting.date
    listed = {_seat(m) for m in record.memberships if m.current_on(day)}
    if not listed or latest is None or latest == day:
        return record
    earlier, later = (latest, day) if day > latest else (day, latest)
    held_earlier = listed if day == earlier else _held(known, earlier)
    held_later = listed if day == later else _held(known, later)

    def dated(seat: Membership) -> Membership:
        if _seat(seat) not in held_later and seat.current_on(later):
            seat = replace(seat, to_date=later - timedelta(days=1))
        if _seat(seat) not in held_earlier and seat.current_on(earlier):
            seat = replace(seat, from_date=earlier + timedelta(days=1))
        return seat

    # a seat dated here may now be one already stored (a member who joined at this meeting,
    # whose seat a later meeting ended): it is that seat, not a second one
    incoming = [_twin(dated(m), known) for m in record.memberships]
    own_ids = {m.id for m in incoming}
    others = [m for m in known if m.id not in own_ids]
    changed = [new for new, old in zip(map(dated, others), others, strict=True) if new != old]
    return replace(record, memberships=[*incoming, *changed])


def _same_seat(a: Membership, b: Membership) -> bool:
    return (a.person_id, a.role, a.seat, a.from_date, a.to_date) == (
        b.person_id,
        b.role,
        b.seat,
        b.from_date,
        b.to_date,
    )


def _twin(seat: Membership, known: list[Membership]) -> Membership:
    twin = next((k for k in known if _same_seat(k, seat)), None)
    return replace(seat, id=twin.id) if twin else seat


def _held(seats: list[Membership], day: date) -> set[tuple[str, str, str]]:
    return {_seat(seat) for seat in seats if seat.current_on(day)}


def _seat(m: Membership) -> tuple[str, str, str]:
    """A seat as the minutes show it: who, in what role, for whom. A member who chaired
    and later co-chairs held two seats, one after the other."""
    return (m.person_id, m.role.value, m.seat)


def _renamed(
    record: MeetingRecord,
    committee_id: str,
    person_ids: dict[str, str],
    known_memberships: list[Membership],
) -> MeetingRecord:
    def pid(person_id: str | None) -> str | None:
        return person_ids.get(person_id, person_id) if person_id else person_id

    def continued(known: Membership, seat: Membership) -> bool:
        """An undated seat (as an agenda lists members) is the stored one it continues:
        the same person in the same role, held on this meeting's day, keeping its dates."""
        undated = seat.from_date is None and seat.to_date is None
        return undated and _seat(known) == _seat(seat) and known.current_on(day)

    day = record.meeting.date
    memberships = []
    for m in record.memberships:
        moved = replace(m, committee_id=committee_id, person_id=pid(m.person_id) or m.person_id)
        twin = next((k for k in known_memberships if _same_seat(k, moved)), None)
        if twin is None:
            twin = next((k for k in known_memberships if continued(k, moved)), None)
            if twin is not None:
                moved = replace(moved, from_date=twin.from_date, to_date=twin.to_date)
        memberships.append(replace(moved, id=twin.id) if twin else moved)

    people = [replace(p, id=person_ids.get(p.id, p.id)) for p in record.people]
    return replace(
        record,
        committee=replace(record.committee, id=committee_id),
        meeting=replace(
            record.meeting,
            committee_id=committee_id,
            officer_id=pid(record.meeting.officer_id),
            presiding_id=pid(record.meeting.presiding_id),
            membership_changes=[
                replace(c, left_id=pid(c.left_id), joined_id=pid(c.joined_id))
                for c in record.meeting.membership_changes
            ],
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


def _fit_committee(
    incoming: Committee,
    stored: Committee | None,
    committee_id: str,
    said: frozenset[str] | None = None,
) -> Committee:
    """The incoming committee under the stored one's id. What the incoming file leaves
    unsaid (an agenda pack gives no quorum, no chair's title, no name for the minutes) or
    blank keeps what is stored, so importing the next agenda never erases what an earlier
    record set; the stored spelling of the name is kept (one spelling per committee)."""
    if stored is None:
        return replace(incoming, id=committee_id)
    kept = {
        f.name: getattr(stored, f.name)
        for f in fields(Committee)
        if f.name != "id"
        and getattr(stored, f.name)
        and (
            f.name == "name"
            or not getattr(incoming, f.name)
            or (said is not None and f.name not in said)
        )
    }
    return replace(incoming, id=committee_id, **kept)


def stored_committee(
    store: Store, incoming: Committee, said: frozenset[str] | None = None
) -> Committee | None:
    """The stored committee the incoming one is: of those called by its name (or whose
    minutes are headed with it: a new body made beside an old one of the same name), the
    one whose minutes it would not change, else the one that met last (the body in use)."""
    wanted = incoming.name.strip().casefold()
    same = [
        c
        for c in store.committees()
        if wanted in (c.name.casefold(), c.minutes_name.strip().casefold())
    ]
    if not same:
        return None
    return next(
        (c for c in same if not differences(c, _fit_committee(incoming, c, c.id, said))),
        max(same, key=lambda c: _latest(store, c.id)),
    )


def _latest(store: Store, committee_id: str) -> date:
    meetings = store.committee_meetings(committee_id)
    return meetings[0].date if meetings else date.min


def differences(stored: Committee, incoming: Committee) -> list[tuple[str, str, str]]:
    """(what, stored, incoming) for each attribute the minutes depend on that differs."""

    def said(value: object) -> str:
        return ", ".join(value) if isinstance(value, list) else str(value)

    return [
        (words, said(getattr(stored, name)), said(getattr(incoming, name)))
        for name, words in RENDERED
        if getattr(stored, name) != getattr(incoming, name)
    ]


#: What the minutes print of a person, as the clerk is told of each: a change to any of
#: these is said on import, and reaches no meeting stored before (clerk.store.held_people).
PERSON_RENDERED = (
    ("name", "name"),
    ("honorific", "honorific"),
    ("role", "role"),
    ("organisation", "organisation"),
    ("pronoun", "pronoun"),
    ("surname", "surname"),
)


def person_differences(stored: Person, incoming: Person) -> list[tuple[str, str, str]]:
    """(what, stored, incoming) for each detail the minutes print that differs."""
    return [
        (words, getattr(stored, name), getattr(incoming, name))
        for name, words in PERSON_RENDERED
        if getattr(stored, name) != getattr(incoming, name)
    ]


def fit_people(
    store: Store, record: MeetingRecord, *, keep: bool, replace: bool
) -> tuple[MeetingRecord, tuple[str, ...]]:
    """The record's people (ids already fitted) fitted to those stored: what the file leaves
    blank (an agenda gives no pronoun, no e-mail) keeps what is stored, and so does the
    spelling of a name matched ignoring case; each other difference in what the minutes
    print is taken, or with `keep` left as stored, and said in a sentence naming the person
    (clerk.importing.PersonChange). A meeting restored over itself (`replace`) is compared
    with its people as it held them."""
    from contextlib import suppress

    from clerk.store import UnknownMeeting

    stored = {p.id: p for p in store.people()}
    if replace:
        with suppress(UnknownMeeting):
            stored.update({p.id: p for p in store.load_record(record.meeting.id).people})
    day, people, said = record.meeting.date, [], []
    for person in record.people:
        known = stored.get(person.id)
        if known is None:
            people.append(person)
            continue
        blank = {
            f.name: getattr(known, f.name)
            for f in fields(Person)
            if f.name != "id" and not getattr(person, f.name) and getattr(known, f.name)
        }
        if person.name.casefold() == known.name.casefold():
            blank["name"] = known.name
        person = replace_(person, **blank)
        changed = person_differences(known, person)
        if changed:
            who = f"{known.honorific} {known.name}".strip()
            facts = "; ".join(f"{w}: {a!r} stored, {b!r} in the file" for w, a, b in changed)
            if keep:
                person = replace_(person, **{n: getattr(known, n) for n, _ in PERSON_RENDERED})
                done = "kept as stored, the file's ignored"
            elif store.details_are_its_own(person.id, record.meeting.id, day):
                done = "the file's for this meeting only, as a later meeting has them as stored"
            else:
                done = "the file's from this meeting on; the meetings stored before it keep theirs"
            said.append(f"{who}: {facts}; {done}.")
        people.append(person)
    return replace_(record, people=people), tuple(said)


def _known_memberships(store: Store, committee_id: str) -> tuple[date | None, list[Membership]]:
    """The date of the committee's latest stored meeting and the committee's seats."""
    meetings = store.committee_meetings(committee_id)
    if not meetings:
        return None, []
    return meetings[0].date, store.load_record(meetings[0].id).memberships
