"""The hand-written TOML meeting file: what it reads, what it writes, and where it complains."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk import validate
from clerk.codec import encode
from clerk.errors import InputError
from clerk.importers import meeting_file
from clerk.record import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    Part,
    Person,
    SubItem,
)

SAMPLE = Path(__file__).resolve().parent.parent / "sample_meetings" / "fps-2019-11-25.toml"


# --------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample() -> MeetingRecord:
    return meeting_file.read(SAMPLE)


def test_sample_committee_and_meeting(sample: MeetingRecord) -> None:
    c, m = sample.committee, sample.meeting
    assert c.name == "Family and People Services Policy and Scrutiny Committee"
    assert c.chair_title == "Chairman"
    assert c.councils == ["City of Westminster"]
    assert m.committee_id == c.id
    assert m.date == date(2019, 11, 25)
    assert m.start_time == time(19, 0)
    assert m.venue == "Rooms 18.01 & 18.03, 18th Floor, 64 Victoria Street, London, SW1E 6QP"
    assert m.approves_minutes_of == date(2019, 10, 17)
    assert m.published_by == "Stuart Love, Chief Executive"
    assert m.published_on == date(2019, 11, 15)
    assert m.status is MeetingStatus.SCHEDULED
    assert m.title == ""


def test_sample_members(sample: MeetingRecord) -> None:
    members = [sample.person(ms.person_id) for ms in sample.members()]
    assert [p.name for p in members] == [
        "Jonathan Glanz",
        "Margot Bright",
        "Nafsika Butler-Thalassis",
        "Peter Freeman",
        "Patricia McAllister",
        "Emily Payne",
        "Selina Short",
        "Aziz Toki",
    ]
    assert all(p.honorific == "Councillor" and p.is_councillor for p in members)
    assert [p.name for p in sample.chairs()] == ["Jonathan Glanz"]
    assert sum(ms.role is MemberRole.MEMBER for ms in sample.members()) == 7


def test_sample_officer(sample: MeetingRecord) -> None:
    officer = sample.person(sample.meeting.officer_id or "")
    assert officer.name == "Tristan Fieldsend"
    assert officer.role == "Committee Officer"
    assert officer.email == "tfieldsend@westminster.gov.uk"
    assert officer.phone == "020 7641 2341"
    assert officer.honorific == ""
    assert sample.attendance_of(officer.id) is None
    assert len(sample.people) == 9


def test_sample_agenda(sample: MeetingRecord) -> None:
    agenda = sample.agenda()
    assert [(i.number, i.title, i.pages) for i in agenda] == [
        ("1", "MEMBERSHIP", ""),
        ("2", "DECLARATIONS OF INTEREST", ""),
        ("3", "MINUTES", "5 - 10"),
        ("4", "CABINET MEMBER UPDATE", "11 - 22"),
        (
            "5",
            "WESTMINSTER'S YOUTH JUSTICE, STRATEGIC PARTNERSHIP PLAN, 2019-2022, "
            "A PATHWAY TO POSITIVE CHOICES",
            "23 - 62",
        ),
        (
            "6",
            "LOOKED AFTER CHILDREN AND CARE LEAVERS REPORT: INDEPENDENT REVIEWING SERVICE",
            "63 - 80",
        ),
        ("7", "2019/20 WORK PROGRAMME AND ACTION TRACKER", "81 - 96"),
        ("8", "REPORTS OF ANY URGENCY SAFEGUARDING ISSUES", ""),
        ("9", "ANY OTHER BUSINESS", ""),
    ]
    assert all(i.description for i in agenda)
    assert agenda[0].description == "To note any changes to the membership."
    assert agenda[2].description == "To approve the minutes of the meeting held on 17 October 2019."
    assert agenda[7].description == "Verbal Update (if any)."
    assert [i.position for i in agenda] == list(range(9))
    assert {i.part for i in agenda} == {Part.PUBLIC}
    assert {i.part_heading for i in agenda} == {"PART 1 (IN PUBLIC)"}
    assert not any(i.sub_items or i.urgent or i.exempt_paragraphs for i in agenda)


def test_sample_is_sound_and_ids_are_fresh(sample: MeetingRecord) -> None:
    assert validate.problems(sample) == []
    again = meeting_file.read(SAMPLE)
    assert again.committee.id != sample.committee.id
    assert _shape(again) == _shape(sample)


# --------------------------------------------------------------------------- writing back


def _shape(record: MeetingRecord) -> Any:
    """The record as data with every id replaced by its order of first appearance."""
    data = encode(record)
    ids: dict[str, str] = {}

    def collect(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                collect(v, k)
        elif isinstance(value, list):
            for v in value:
                collect(v)
        elif key == "id" and isinstance(value, str):
            ids.setdefault(value, f"#{len(ids)}")

    def rename(value: Any) -> Any:
        if isinstance(value, dict):
            return {ids.get(k, k): rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return ids.get(value, value) if isinstance(value, str) else value

    collect(data)
    return rename(data)


def test_sample_round_trips(sample: MeetingRecord) -> None:
    text = meeting_file.dumps(sample)
    assert _shape(meeting_file.loads(text)) == _shape(sample)
    # what it writes is what a clerk would write
    assert 'start = "7.00 pm"' in text
    assert "date = 2019-11-25" in text
    assert 'officer = "Tristan Fieldsend"' in text
    assert 'pages = "5 - 10"' in text
    assert "number = 1\n" in text


def test_the_sample_file_is_what_dumps_writes(sample: MeetingRecord) -> None:
    """The sample is in the canonical layout, so a clerk can diff a written file against it."""

    def body(text: str) -> list[str]:
        return [line for line in text.splitlines() if line and not line.startswith("#")]

    assert body(meeting_file.dumps(sample)) == body(SAMPLE.read_text(encoding="utf-8"))


def awkward_record() -> MeetingRecord:
    committee = Committee(
        name="Health & Wellbeing Board",
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"],
        chair_title="Chair",
        body="Board",
        quorum=4,
        interest_kinds=["pecuniary interest", "personal interest"],
        style="rbkc",
    )
    chair = Person("Heather Acton", pronoun="she")
    police = Person(
        "Simon Dobinson",
        honorific="Chief Superintendent",
        role="Borough Commander",
        organisation="Metropolitan Police",
        surname="Dobinson",
    )
    lay = Person("Ann O'Brien", honorific="", email="ann@example.org", phone="+44 20 0000")
    officer = Person("Kiran “Kit” Shah", role="Governance Officer\tLead", pronoun="they")
    guest = Person("Dr Ngozi Okonkwo-Adébáyọ̀", honorific="Dr")
    memberships = [
        Membership(committee.id, chair.id, MemberRole.CO_CHAIR, seat="Westminster"),
        Membership(
            committee.id,
            police.id,
            MemberRole.VICE_CHAIR,
            seat="Metropolitan Police",
            from_date=date(2019, 5, 1),
            to_date=date(2020, 4, 30),
        ),
        Membership(committee.id, lay.id),
    ]
    meeting = Meeting(
        committee.id,
        date(2019, 11, 28),
        start_time=time(16, 30, 15),
        venue='Room 1, "The Town Hall"\nHornton Street',
        approves_minutes_of=date(2019, 9, 19),
        officer_id=officer.id,
        title="Follow-on Agenda",
        published_by="Stuart Love\\Chief Executive",
        published_on=date(2019, 11, 20),
    )
    items = [
        AgendaItem("4", "APOLOGIES", position=0, part_heading="PART A - GENERAL"),
        AgendaItem(
            "4A",
            "URGENT ITEM",
            description="Added on the day.\nSecond line.",
            page_from=7,
            position=1,
            urgent=True,
            part_heading="PART A - GENERAL",
            sub_items=[
                SubItem("i)", "First", "one", 7, 8),
                SubItem("(II)", "Second", page_from=9, page_to=9),
            ],
        ),
        AgendaItem("05", "ZERO-PADDED", position=2, part_heading=""),
        AgendaItem(
            "6",
            "STAFFING",
            page_from=11,
            page_to=20,
            part=Part.EXEMPT,
            exempt_paragraphs=[1, 3],
            part_heading="PART 2 (PRIVATE)",
            public_summary="A staffing matter was considered.",
            position=3,
        ),
    ]
    record = MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=[chair, police, lay, officer, guest],
        memberships=memberships,
        items=items,
    )
    assert validate.problems(record) == []
    return record


def test_every_field_round_trips() -> None:
    record = awkward_record()
    text = meeting_file.dumps(record)
    back = meeting_file.loads(text)
    assert _shape(back) == _shape(record)
    assert meeting_file.dumps(back) == text
    assert 'role = "vice-chair"' in text
    assert 'honorific = ""' in text  # a member who is not a councillor says so
    assert "pages = 7\n" in text
    assert 'pages = "9 - 9"' in text
    assert "start = 16:30:15" in text


@pytest.mark.parametrize(
    ("start", "written"),
    [
        (time(19), '"7.00 pm"'),
        (time(12), '"12.00 noon"'),
        (time(0, 5), '"12.05 am"'),
        (time(0), '"12.00 midnight"'),
    ],
)
def test_start_times_are_written_in_the_house_form(start: time, written: str) -> None:
    """As the minutes write them, and read back to the same time."""
    record = awkward_record()
    record.meeting.start_time = start
    text = meeting_file.dumps(record)
    assert f"start = {written}\n" in text
    assert meeting_file.loads(text).meeting.start_time == start


def test_writing_drops_what_happened_at_the_meeting(tmp_path: Path) -> None:
    from tests.test_record_json import rich_record

    record = rich_record()
    path = tmp_path / "next.toml"
    meeting_file.write(record, path)
    back = meeting_file.read(path)
    assert back.attendance == back.paragraphs == back.votes == back.actions == []
    assert back.meeting.status is MeetingStatus.SCHEDULED
    assert [i.number for i in back.agenda()] == [i.number for i in record.agenda()]
    assert {p.name for p in back.people} == {p.name for p in record.people}


# --------------------------------------------------------------------------- accepted forms


MINIMAL = """\
[committee]
name = "Audit Committee"

[meeting]
date = 2020-01-06
"""


def _load(extra: str, meeting: str = "") -> MeetingRecord:
    text = MINIMAL + meeting + extra
    return meeting_file.loads(text, "m.toml")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("19:00:00", time(19)),
        ('"7.00 pm"', time(19)),
        ('"7pm"', time(19)),
        ('"7:30 p.m."', time(19, 30)),
        ('"12.15 am"', time(0, 15)),
        ('"12 noon"'.replace(" noon", " pm"), time(12)),
        ('"9.05 AM"', time(9, 5)),
        ('"18.30"', time(18, 30)),
        ('"18:30"', time(18, 30)),
    ],
)
def test_start_times(written: str, expected: time) -> None:
    assert _load("", f"start = {written}\n").meeting.start_time == expected


@pytest.mark.parametrize(
    "written",
    [
        "2019-10-17",
        '"2019-10-17"',
        '"17 October 2019"',
        '"Thursday 17th October, 2019"',
        '"17 Oct 2019"',
    ],
)
def test_dates(written: str) -> None:
    record = _load("", f"approves_minutes_of = {written}\n")
    assert record.meeting.approves_minutes_of == date(2019, 10, 17)


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [('"5 - 10"', 5, 10), ('"5-10"', 5, 10), ('"5 – 10"', 5, 10), ("5", 5, None), ('"5"', 5, None)],
)
def test_pages(written: str, first: int, last: int | None) -> None:
    item = _load(f'[[items]]\nnumber = 1\ntitle = "X"\npages = {written}\n').items[0]
    assert (item.page_from, item.page_to) == (first, last)


def test_part_heading_carries_on_until_the_next() -> None:
    items = _load(
        '[[items]]\nnumber = 1\ntitle = "A"\npart_heading = "PART 1"\n'
        '[[items]]\nnumber = 2\ntitle = "B"\n'
        '[[items]]\nnumber = 3\ntitle = "C"\npart_heading = "PART 2"\npart = "exempt"\n'
        "exempt_paragraphs = [3]\n"
        '[[items]]\nnumber = 4\ntitle = "D"\npart = "Exempt"\n'
    ).agenda()
    assert [i.part_heading for i in items] == ["PART 1", "PART 1", "PART 2", "PART 2"]
    assert [i.part for i in items] == [Part.PUBLIC, Part.PUBLIC, Part.EXEMPT, Part.EXEMPT]
    assert items[2].exempt_paragraphs == [3]


def test_member_roles_and_sub_items() -> None:
    record = _load(
        '[[members]]\nname = "A B"\nrole = "Vice Chair"\n'
        '[[members]]\nname = "C D"\nrole = "co_chair"\nhonorific = "Dr"\npost = "GP"\n'
        '[[items]]\nnumber = "4A"\ntitle = "X"\n'
        '[[items.sub_items]]\nlabel = "i)"\ntitle = "One"\npages = "3 - 4"\n'
        '[[items.sub_items]]\nlabel = "ii)"\ntitle = "Two"\n'
    )
    assert [m.role for m in record.memberships] == [MemberRole.VICE_CHAIR, MemberRole.CO_CHAIR]
    assert record.people[1].honorific == "Dr"
    assert record.people[1].role == "GP"
    assert record.items[0].sub_items == [SubItem("i)", "One", "", 3, 4), SubItem("ii)", "Two")]


# --------------------------------------------------------------------------- errors


SMALL = """\
# An audit committee
[committee]
name = "Audit Committee"

[meeting]
date = 2020-01-06
start = "6.30 pm"
officer = "Ann Clerk"
notes = \"\"\"
[[items]]
number = 99
\"\"\"

[[members]]
name = "Bo Chair"
role = "chair"

[[members]]
name = "Cy Member"

[[people]]
name = "Ann Clerk"

[[items]]
number = 1
title = "MEMBERSHIP"

[[items]]
number = 2
title = "MINUTES"
pages = "1 - 4"
"""


def _fails(text: str, source: str = "audit.toml") -> InputError:
    with pytest.raises(InputError) as caught:
        meeting_file.loads(text, source)
    assert caught.value.source == source
    return caught.value


def _line(text: str, needle: str, nth: int = 1) -> int:
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


# the multi-line string in SMALL must not confuse the line finder: it holds an [[items]] table
GOOD = SMALL.replace('notes = """\n[[items]]\nnumber = 99\n"""\n', "")


def test_good_small_file() -> None:
    record = meeting_file.loads(GOOD)
    assert [i.number for i in record.items] == ["1", "2"]


def test_multi_line_strings_do_not_move_lines() -> None:
    text = SMALL.replace("notes = ", "venue = ")
    bad = text.replace('title = "MINUTES"', 'titel = "MINUTES"')
    err = _fails(bad)
    assert err.line == _line(bad, "titel")


def test_toml_syntax_error_line() -> None:
    bad = GOOD.replace('name = "Cy Member"', "name = Cy Member")
    err = _fails(bad)
    assert err.line == _line(bad, "name = Cy Member")
    assert err.message.startswith("not a valid TOML file")
    assert "double quotes" in err.message
    assert str(err).startswith(f"audit.toml, line {err.line}: ")


def test_time_without_seconds_gets_a_hint() -> None:
    bad = GOOD.replace('start = "6.30 pm"', "start = 18:30")
    err = _fails(bad)
    assert err.line == _line(bad, "start")
    assert "18:30:00" in err.message


def test_unclosed_array_at_end() -> None:
    bad = GOOD + '[[items]]\nnumber = 3\ntitle = "X"\nexempt_paragraphs = [1,\n'
    err = _fails(bad)
    assert err.line == bad.count("\n")
    assert "end of the file" in err.message


def test_unknown_field_is_an_error_with_a_suggestion() -> None:
    bad = GOOD.replace('pages = "1 - 4"', 'page = "1 - 4"')
    err = _fails(bad)
    assert err.line == _line(bad, "page =")
    assert "[[items]] 2: unknown field 'page'" in err.message
    assert "did you mean 'pages'?" in err.message


def test_unknown_table_is_an_error() -> None:
    bad = GOOD.replace("[[people]]", "[[peple]]")
    err = _fails(bad)
    assert err.line == _line(bad, "[[peple]]")
    assert "did you mean 'people'?" in err.message


def test_unknown_field_in_committee() -> None:
    bad = GOOD.replace('name = "Audit Committee"', 'name = "Audit Committee"\nchair = "Chair"')
    err = _fails(bad)
    assert err.line == 4
    assert "[committee]: unknown field 'chair'" in err.message


def test_unknown_field_in_a_sub_item() -> None:
    bad = GOOD + '\n[[items.sub_items]]\nlabel = "i)"\ntitle = "X"\npagez = 3\n'
    err = _fails(bad)
    assert err.line == _line(bad, "pagez")
    assert "of item 2" in err.message


def test_member_named_twice() -> None:
    bad = GOOD.replace('name = "Cy Member"', 'name = "Bo  chair"')
    err = _fails(bad)
    assert err.line == _line(bad, 'name = "Bo  chair"')
    assert f"named twice (first on line {_line(bad, 'Bo Chair')})" in err.message


def test_person_both_member_and_people() -> None:
    bad = GOOD.replace('name = "Ann Clerk"', 'name = "Cy Member"')
    err = _fails(bad)
    assert err.line == _line(bad, 'name = "Cy Member"', nth=2)
    assert err.message.startswith("[[people]]: 'Cy Member' is named twice")


def test_officer_not_among_people() -> None:
    bad = GOOD.replace('officer = "Ann Clerk"', 'officer = "Anne Clerk"')
    err = _fails(bad)
    assert err.line == _line(bad, "officer")
    assert "'Anne Clerk' is not among the [[people]]" in err.message


@pytest.mark.parametrize(
    ("old", "new", "key", "expected"),
    [
        ("date = 2020-01-06", 'date = "31 February 2020"', "date", "expected a date"),
        ("date = 2020-01-06", "date = 2020-01-06T18:30:00", "date", "got a date and time"),
        ("date = 2020-01-06", "date = 20200106", "date", "got the number 20200106"),
        ('start = "6.30 pm"', 'start = "half six"', "start", "expected a time"),
        ('start = "6.30 pm"', 'start = "13 pm"', "start", "expected a time"),
        ('role = "chair"', 'role = "chairman"', "role", '"vice-chair"'),
        ('pages = "1 - 4"', 'pages = "4 - 1"', "pages", "run backwards"),
        ('pages = "1 - 4"', 'pages = "i - iv"', "pages", 'expected pages such as "5 - 10"'),
        ('pages = "1 - 4"', "pages = 0", "pages", "not a page number"),
        ('title = "MINUTES"', 'title = ""', "title", "must not be blank"),
        ('title = "MINUTES"', "title = 3", "title", "expected text in double quotes"),
        ('pages = "1 - 4"', 'part = "private"', "part", 'expected "public" or "exempt"'),
        ('pages = "1 - 4"', 'urgent = "yes"', "urgent", "expected true or false"),
        (
            'pages = "1 - 4"',
            'part = "exempt"\nexempt_paragraphs = [8]',
            "exempt_paragraphs",
            "1 to 7",
        ),
        ('pages = "1 - 4"', "exempt_paragraphs = [3]", "exempt_paragraphs", 'part = "exempt"'),
    ],
)
def test_bad_values_point_at_their_key(old: str, new: str, key: str, expected: str) -> None:
    assert old in GOOD
    bad = GOOD.replace(old, new)
    err = _fails(bad)
    assert err.line == bad.count("\n", 0, bad.rindex(f"\n{key} =")) + 2
    assert expected in err.message
    assert f"{key}:" in err.message


def test_committee_values() -> None:
    bad = GOOD.replace('name = "Audit Committee"', 'name = "Audit Committee"\nquorum = 0')
    assert _fails(bad).line == _line(bad, "quorum")
    bad = GOOD.replace('name = "Audit Committee"', 'name = "Audit Committee"\nchair_title = " "')
    err = _fails(bad)
    assert err.line == _line(bad, "chair_title")
    assert "must not be blank" in err.message
    bad = GOOD.replace('name = "Audit Committee"', 'name = "Audit Committee"\ncouncils = "Brent"')
    assert "list of text" in _fails(bad).message


def test_item_number_repeated() -> None:
    bad = GOOD.replace("number = 2", 'number = "1"')
    err = _fails(bad)
    assert err.line == _line(bad, 'number = "1"')
    assert f"item 1 is numbered twice (first on line {_line(bad, 'number = 1')})" in err.message


def test_missing_required_field_points_at_its_table() -> None:
    bad = GOOD.replace('title = "MINUTES"\n', "")
    err = _fails(bad)
    assert err.line == _line(bad, "[[items]]", nth=2)
    assert err.message == "[[items]] 2: 'title' is missing"


def test_missing_table() -> None:
    err = _fails(GOOD.replace("[committee]", "[comittee]"))
    assert "did you mean 'committee'?" in err.message
    err = _fails(GOOD.split("[meeting]")[0])
    assert err.line is None
    assert err.message == "the file has no [meeting] table"


def test_single_brackets_for_a_list_table() -> None:
    bad = GOOD.replace("[[people]]", "[people]")
    err = _fails(bad)
    assert err.line == _line(bad, "[people]")
    assert "[[people]] table (two square brackets)" in err.message


def test_minutes_approved_must_be_earlier() -> None:
    bad = GOOD.replace("date = 2020-01-06", "date = 2020-01-06\napproves_minutes_of = 2020-02-01")
    err = _fails(bad)
    assert err.line == _line(bad, "approves_minutes_of")
    assert "is not before the meeting's date" in err.message


def test_membership_dates_in_order() -> None:
    bad = GOOD.replace(
        'name = "Cy Member"', 'name = "Cy Member"\nfrom = 2020-01-01\nto = 2019-01-01'
    )
    err = _fails(bad)
    assert err.line == _line(bad, "to =")
    assert "'to' is before 'from'" in err.message


CHANGED = GOOD.replace(
    '[[members]]\nname = "Cy Member"\n',
    '[[members]]\nname = "Cy Member"\nto = 2020-01-05\n\n'
    '[[members]]\nname = "Di New"\nfrom = 2020-01-06\n\n'
    '[[membership_changes]]\nleft = "Cy Member"\njoined = "Di New"\n',
)


def test_a_membership_change_is_read_written_and_minuted() -> None:
    record = meeting_file.loads(CHANGED)
    by_id = {p.id: p.name for p in record.people}
    (change,) = record.meeting.membership_changes
    assert (by_id[change.left_id or ""], by_id[change.joined_id or ""]) == ("Cy Member", "Di New")
    assert meeting_file.dumps(meeting_file.loads(meeting_file.dumps(record))) == (
        meeting_file.dumps(record)
    )
    assert '[[membership_changes]]\nleft = "Cy Member"\njoined = "Di New"' in (
        meeting_file.dumps(record)
    )
    from clerk.minutes.compose import Composer
    from clerk.minutes.style import HouseStyle

    assert Composer(record, HouseStyle()).membership_sentences() == [
        "It was noted that Councillor Cy Member had stepped down from the Committee and would "
        "be replaced by Councillor Di New."
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('left = "Cy Member"\njoined = "Di New"\n', "", "name who 'left' the committee"),
        ('left = "Cy Member"', 'left = "Ann Clerk"', "'Ann Clerk' is not among the [[members]]"),
        ("to = 2020-01-05", "to = 2020-01-06", "'Cy Member' still holds a seat on 2020-01-06"),
        ("from = 2020-01-06", "from = 2020-01-07", "'Di New' holds no seat on 2020-01-06"),
    ],
)
def test_a_membership_change_that_the_seats_contradict(old: str, new: str, expected: str) -> None:
    bad = CHANGED.replace(old, new)
    err = _fails(bad)
    assert expected in err.message
    assert err.line is not None and err.line >= _line(bad, "[[membership_changes]]")


def test_read_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace("number = 2", "number = 1"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        meeting_file.read(path)
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"{path}, line ")
    with pytest.raises(InputError, match="no such file"):
        meeting_file.read(tmp_path / "absent.toml")
    path.write_bytes(b"name = \xff\n")
    with pytest.raises(InputError, match="not UTF-8"):
        meeting_file.read(path)


def test_records_are_independent_dataclasses() -> None:
    """Reading twice gives two records whose lists are not shared."""
    a, b = meeting_file.loads(GOOD), meeting_file.loads(GOOD)
    a.items[0].exempt_paragraphs.append(1)
    assert b.items[0].exempt_paragraphs == []
    assert dataclasses.is_dataclass(a)


def test_the_documentation_names_every_field() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "meeting-file.md").read_text()
    tables = [meeting_file.COMMITTEE, meeting_file.MEETING, meeting_file.MEMBER]
    tables += [meeting_file.PERSON, meeting_file.ITEM, meeting_file.SUB_ITEM]
    tables += [meeting_file.MEMBERSHIP_CHANGE]
    for table in tables:
        assert f"### `{table.header}`" in doc
    missing = [f"{t.header} {name}" for t in tables for name in t.fields if f"`{name}`" not in doc]
    assert missing == []


_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_A_NAME = _ANY_TEXT.filter(lambda s: s.strip() != "")


@given(
    names=st.lists(
        _A_NAME, min_size=5, max_size=5, unique_by=lambda s: " ".join(s.split()).casefold()
    ),
    texts=st.lists(_ANY_TEXT, min_size=8, max_size=8),
)
def test_any_text_survives_writing_and_reading(names: list[str], texts: list[str]) -> None:
    record = awkward_record()
    for person, name in zip(record.people, names, strict=True):
        person.name = name
    record.committee.name = names[0]
    record.meeting.venue, record.meeting.title, record.meeting.published_by = texts[:3]
    item = record.items[1]
    item.title = names[1]
    item.description, item.part_heading = texts[3:5]
    item.sub_items[0].label, item.sub_items[0].description = names[2], texts[5]
    record.people[3].role, record.people[4].email = texts[6:8]
    assert _shape(meeting_file.loads(meeting_file.dumps(record))) == _shape(record)
