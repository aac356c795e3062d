"""Each integrity rule of a meeting record, broken one at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from clerk import validate
from clerk.errors import InputError
from clerk.record import (
    Adjournment,
    Attendance,
    AttendanceStatus,
    MeetingRecord,
    Membership,
    MembershipChange,
    Part,
    Person,
    SubItem,
    VoteChoice,
)
from tests.test_record_json import rich_record


@pytest.fixture
def record() -> MeetingRecord:
    return rich_record()


def _person(r: MeetingRecord, name: str) -> Person:
    return next(p for p in r.people if p.name == name)


def _att(r: MeetingRecord, name: str) -> Attendance:
    return r.attendance_of(_person(r, name).id)  # type: ignore[return-value]


def test_a_sound_record_has_no_problems(record: MeetingRecord) -> None:
    assert validate.problems(record) == []
    validate.check(record, "x.json")  # does not raise


def test_check_raises_input_error_naming_the_source(record: MeetingRecord) -> None:
    record.items[1].number = "1"
    record.committee.chair_title = ""
    with pytest.raises(InputError) as caught:
        validate.check(record, "meeting.json")
    err = caught.value
    assert err.source == "meeting.json"
    assert err.line is None
    assert err.message.splitlines() == [
        "the committee has no chair title (the minutes need 'Chairman' or 'Chair')",
        "  also: two agenda items are numbered 1",
    ]


def test_check_names_the_first_few_problems_and_counts_the_rest(record: MeetingRecord) -> None:
    for p in record.paragraphs:
        p.item_id = "gone"
    record.resolutions[0].item_id = "gone"
    record.resolutions[1].item_id = "gone"
    record.votes[0].resolution_id = None
    record.actions[0].item_id = "gone"
    found = validate.problems(record)
    assert len(found) == 6
    with pytest.raises(InputError) as caught:
        validate.check(record, "m.json")
    lines = caught.value.message.splitlines()
    assert lines[0] == found[0]
    assert lines[-1] == "  and 1 more"


def test_findings_say_where(record: MeetingRecord) -> None:
    record.attendance[2].substitute_for = "ab12"
    (problem,) = validate.findings(record)
    assert problem.path == "attendance[2].substitute_for"
    assert str(problem) == problem.message


# One rule each: (what to break, the problem it must give).
Breaker = Callable[[MeetingRecord], None]


def _set(attr_path: str, value: object) -> Breaker:
    def breaker(r: MeetingRecord) -> None:
        *parents, last = attr_path.split(".")
        target: object = r
        for part in parents:
            target = target[int(part)] if part.isdigit() else getattr(target, part)  # type: ignore[index]
        setattr(target, last, value)

    return breaker


def _dup_id(field_name: str) -> Breaker:
    def breaker(r: MeetingRecord) -> None:
        rows = getattr(r, field_name)
        rows[1].id = rows[0].id

    return breaker


RULES: list[tuple[str, Breaker, str]] = [
    # the committee
    ("committee name", _set("committee.name", " "), "the committee has no name"),
    ("chair title", _set("committee.chair_title", ""), "the committee has no chair title"),
    ("body", _set("committee.body", ""), "the committee has no body word"),
    ("no council", _set("committee.councils", []), "the committee belongs to no council"),
    ("blank council", _set("committee.councils", [""]), "the committee names a blank council"),
    ("quorum", _set("committee.quorum", 0), "the committee's quorum is 0; it must be 1 or more"),
    ("committee id", _set("committee.id", ""), "the committee has no id"),
    # unique ids, each kind
    ("person ids", _dup_id("people"), "two person entries share the id"),
    ("membership ids", _dup_id("memberships"), "two membership entries share the id"),
    ("item ids", _dup_id("items"), "two agenda item entries share the id"),
    ("attendance ids", _dup_id("attendance"), "two attendance entries share the id"),
    ("declaration ids", _dup_id("declarations"), "two declaration entries share the id"),
    ("paragraph ids", _dup_id("paragraphs"), "two minute paragraph entries share the id"),
    ("resolution ids", _dup_id("resolutions"), "two resolution entries share the id"),
    ("blank id", _set("items.0.id", ""), "1st agenda item has no id"),
    ("meeting id", _set("meeting.id", ""), "the meeting has no id"),
    # people
    ("person name", _set("people.8.name", ""), "the 9th person has no name"),
    (
        "person twice",
        _set("people.8.name", "jonathan  GLANZ"),
        "'jonathan  GLANZ' is listed twice among the people",
    ),
    # the meeting
    (
        "meeting committee",
        _set("meeting.committee_id", "c0ffee"),
        "the meeting belongs to an unknown committee id 'c0ffee' (this record's committee is "
        "'Family and People Services Policy and Scrutiny Committee'",
    ),
    (
        "officer",
        _set("meeting.officer_id", "0ff1ce"),
        "the meeting: committee officer is an unknown person id '0ff1ce'",
    ),
    (
        "current item",
        _set("meeting.current_item_id", "1tem"),
        "the meeting: current item is an unknown agenda item id '1tem'",
    ),
    (
        "adjournment item",
        _set("meeting.adjournments", [Adjournment(time(19, 40), item_id="1tem")]),
        "adjournment at 19:40: during an unknown agenda item id '1tem'",
    ),
    (
        "adjournment times",
        _set("meeting.adjournments", [Adjournment(time(19, 40), time(19, 30))]),
        "adjournment at 19:40: it ends (19:30) before it starts",
    ),
    (
        "approves later minutes",
        _set("meeting.approves_minutes_of", date(2019, 11, 25)),
        "the meeting of 25 November 2019 approves the minutes of 25 November 2019, "
        "which is not an earlier meeting",
    ),
    # memberships
    (
        "membership committee",
        _set("memberships.0.committee_id", "other"),
        "membership of 'Jonathan Glanz': on an unknown committee id 'other'",
    ),
    (
        "membership person",
        _set("memberships.1.person_id", "nobody"),
        "the 2nd membership is of an unknown person id 'nobody'",
    ),
    (
        "membership dates",
        _set("memberships.0.from_date", date(2020, 1, 1)),
        None,  # to_date is None: a seat still held is fine; see the next rule
    ),
    (
        "membership backwards",
        lambda r: (
            _set("memberships.0.from_date", date(2020, 1, 1))(r),
            _set("memberships.0.to_date", date(2019, 1, 1))(r),
        ),
        "membership of 'Jonathan Glanz': it ends (2019-01-01) before it begins (2020-01-01)",
    ),
    (
        "two seats",
        lambda r: r.memberships.append(Membership(r.committee.id, r.memberships[1].person_id)),
        "membership of 'Margot Bright': 'Margot Bright' holds two seats on the committee on the "
        "day of the meeting",
    ),
    # the agenda
    (
        "item number blank",
        _set("items.0.number", " "),
        "the agenda item 'MEMBERSHIP' has no number",
    ),
    ("item numbers unique", _set("items.3.number", "3"), "two agenda items are numbered 3"),
    ("item title", _set("items.0.title", ""), "item 1 has no title"),
    (
        "exempt paragraph range",
        _set("items.8.exempt_paragraphs", [8]),
        "item 9 'ANY OTHER BUSINESS': exempt paragraph 8 is not a paragraph of Schedule 12A "
        "(they are numbered 1 to 7)",
    ),
    (
        "exempt paragraph zero",
        _set("items.8.exempt_paragraphs", [0]),
        "exempt paragraph 0 is not a paragraph of Schedule 12A",
    ),
    (
        "public item with exempt paragraphs",
        _set("items.8.part", Part.PUBLIC),
        "item 9 'ANY OTHER BUSINESS' is taken in public but cites exempt paragraphs 1, 3",
    ),
    (
        "last page without first",
        lambda r: _set("items.2.page_from", None)(r),
        "item 3 'MINUTES': a last page (10) but no first page",
    ),
    ("pages backwards", _set("items.2.page_to", 4), "item 3 'MINUTES': pages 5 - 4 run backwards"),
    ("page zero", _set("items.2.page_from", 0), "item 3 'MINUTES': page 0 is not a page number"),
    (
        "sub-item pages",
        _set("items.4.sub_items", [SubItem("i)", "X", page_from=9, page_to=2)]),
        "sub-item i): pages 9 - 2 run backwards",
    ),
    # attendance
    (
        "attendance person",
        _set("attendance.0.person_id", "ghost"),
        "the 1st attendance is of an unknown person id 'ghost'",
    ),
    (
        "attends once",
        lambda r: r.attendance.append(
            Attendance(r.attendance[0].person_id, AttendanceStatus.ABSENT)
        ),
        "'Jonathan Glanz' is recorded in the attendance twice",
    ),
    (
        "substitute says whom",
        _set("attendance.2.substitute_for", None),
        "attendance of 'Matt Noble': a substitute must say whose place they take",
    ),
    (
        "deputy says whom",
        lambda r: (
            _set("attendance.2.substitute_for", None)(r),
            _set("attendance.2.status", AttendanceStatus.DEPUTY)(r),
        ),
        "attendance of 'Matt Noble': a deputy must say whose place they take",
    ),
    (
        "only substitutes sit in place",
        _set("attendance.2.status", AttendanceStatus.ALSO_PRESENT),
        "attendance of 'Matt Noble': recorded as also present, yet sitting in place of "
        "'Emily Payne' (only a substitute or deputy does)",
    ),
    (
        "substitute for unknown",
        _set("attendance.2.substitute_for", "ab12cd34ef56ab78"),
        "attendance of 'Matt Noble': substitute for an unknown person id 'ab12cd34ef56ab78'",
    ),
    (
        "substitute for self",
        lambda r: _set("attendance.2.substitute_for", r.attendance[2].person_id)(r),
        "attendance of 'Matt Noble': cannot sit in their own place",
    ),
    (
        "arrived item",
        _set("attendance.2.arrived_item_id", "1tem"),
        "attendance of 'Matt Noble': arrived during an unknown agenda item id '1tem'",
    ),
    (
        "left item",
        _set("attendance.3.left_item_id", "1tem"),
        "attendance of 'Selina Short': left during an unknown agenda item id '1tem'",
    ),
    # declarations
    (
        "declaration person",
        _set("declarations.0.person_id", "ghost"),
        "the 1st declaration is of an unknown person id 'ghost'",
    ),
    (
        "declaration item",
        _set("declarations.0.item_id", "1tem"),
        "declaration by 'Margot Bright': on an unknown agenda item id '1tem'",
    ),
    (
        "declaration kind",
        _set("declarations.1.kind", " "),
        "declaration by 'Selina Short': the kind of interest is blank",
    ),
    # the minutes
    (
        "paragraph item",
        _set("paragraphs.2.item_id", "1tem"),
        "minute paragraph 3: on an unknown agenda item id '1tem'",
    ),
    (
        "resolution item",
        _set("resolutions.1.item_id", "1tem"),
        "resolution 2: on an unknown agenda item id '1tem'",
    ),
    # votes
    ("vote item", _set("votes.0.item_id", "1tem"), "vote 1: on an unknown agenda item id '1tem'"),
    (
        "vote resolution",
        _set("votes.0.resolution_id", "r3s"),
        "vote on item 5 'WESTMINSTER'S YOUTH JUSTICE, STRATEGIC PARTNERSHIP PLAN, 2019-2022, A "
        "PATHWAY TO POSITIVE CHOICES': on an unknown resolution id 'r3s'",
    ),
    (
        "vote resolution of another item",
        lambda r: _set("resolutions.0.item_id", r.items[3].id)(r),
        "the resolution voted on belongs to item 4 'CABINET MEMBER UPDATE'",
    ),
    (
        "named voter",
        lambda r: r.votes[0].named.update({"n0b0dy": VoteChoice.FOR}),
        "names an unknown person id 'n0b0dy'",
    ),
    ("negative count", _set("votes.0.abstentions", -1), "abstentions is negative"),
    (
        "casting vote only on a tie",
        _set("votes.0.votes_for", 2),
        "a casting vote is recorded but the votes were not tied (2 for, 1 against)",
    ),
    # who presided sat at the meeting
    (
        "presided by someone not sitting",
        lambda r: _set("meeting.presiding_id", _person(r, "Heather Acton").id)(r),
        "the meeting was presided by 'Heather Acton', who is not recorded as sitting",
    ),
    (
        "presided by an unknown person",
        _set("meeting.presiding_id", "ghost"),
        "the meeting: presided by an unknown person id 'ghost'",
    ),
    # a substitute sits for a member who is not sitting too
    (
        "substitute for a member present",
        lambda r: _set("attendance.2.substitute_for", _person(r, "Jonathan Glanz").id)(r),
        "attendance of 'Matt Noble': sits in place of 'Jonathan Glanz', who is recorded as present",
    ),
    # membership changes agree with the seats
    (
        "membership change of no one",
        lambda r: r.meeting.membership_changes.append(MembershipChange()),
        "the 1st membership change names no one who left or joined the committee",
    ),
    (
        "membership change of an unknown person",
        lambda r: r.meeting.membership_changes.append(MembershipChange(left_id="ghost")),
        "the 1st membership change: left is an unknown person id 'ghost'",
    ),
    (
        "left but still seated",
        lambda r: r.meeting.membership_changes.append(
            MembershipChange(left_id=_person(r, "Jonathan Glanz").id)
        ),
        "the 1st membership change: 'Jonathan Glanz' left the committee, yet holds a seat on "
        "it on 25 November 2019",
    ),
    (
        "joined without a seat",
        lambda r: r.meeting.membership_changes.append(
            MembershipChange(joined_id=_person(r, "Heather Acton").id)
        ),
        "the 1st membership change: 'Heather Acton' joined the committee, yet holds no seat "
        "on it on 25 November 2019",
    ),
    # actions
    (
        "action item",
        _set("actions.0.item_id", "1tem"),
        "action 1: on an unknown agenda item id '1tem'",
    ),
    (
        "action lead",
        _set("actions.0.lead_person_id", "ghost"),
        "action on item 4 'CABINET MEMBER UPDATE': led by an unknown person id 'ghost'",
    ),
]


#: Breaking an id also leaves the references to it dangling: more problems follow the first.
CASCADING = {"committee id", "person ids", "item ids", "blank id"}


@pytest.mark.parametrize(("name", "breaker", "expected"), RULES, ids=[r[0] for r in RULES])
def test_rule(record: MeetingRecord, name: str, breaker: Breaker, expected: str | None) -> None:
    breaker(record)
    found = validate.problems(record)
    if expected is None:
        assert found == []
        return
    assert found, "no problem found"
    assert expected in found[0], found  # the cause comes first...
    if name not in CASCADING:
        assert len(found) == 1, found  # ...and is said once


def test_nullable_references_may_be_empty(record: MeetingRecord) -> None:
    record.meeting.officer_id = None
    record.meeting.current_item_id = None
    record.declarations[0].item_id = None
    record.votes[0].resolution_id = None
    record.actions[0].lead_person_id = None
    assert validate.problems(record) == []


def test_a_membership_of_another_period_does_not_clash(record: MeetingRecord) -> None:
    glanz = record.memberships[0]
    record.memberships.append(
        Membership(
            record.committee.id,
            glanz.person_id,
            from_date=date(2015, 5, 1),
            to_date=date(2018, 5, 1),
        )
    )
    assert validate.problems(record) == []


def test_unknown_person_is_named_by_id(record: MeetingRecord) -> None:
    ghost = "feedfacefeedface"
    record.attendance[2].person_id = ghost
    found = validate.problems(record)
    assert "the 3rd attendance is of an unknown person id 'feedfacefeedface'" in found
    assert "attendance of person id 'feedfacefeedface': substitute for" not in " ".join(found)


def test_a_membership_change_that_agrees_with_the_seats_is_sound(record: MeetingRecord) -> None:
    """Emily Payne left before the meeting and Matt Noble joined in her place."""
    payne, noble = _person(record, "Emily Payne"), _person(record, "Matt Noble")
    day = record.meeting.date
    for ms in record.memberships:
        if ms.person_id == payne.id:
            ms.to_date = date(day.year, day.month, day.day - 1)
    record.memberships.append(Membership(record.committee.id, noble.id, from_date=day))
    record.attendance[2].status = AttendanceStatus.PRESENT
    record.attendance[2].substitute_for = None
    record.meeting.membership_changes.append(MembershipChange(left_id=payne.id, joined_id=noble.id))
    assert validate.problems(record) == []
