"""Agenda import: the real agenda pack and variants in the shapes the council's packs take."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from clerk.importers.agenda import AgendaImport, parse_agenda, read_agenda
from clerk.record import MemberRole, Part, Person

AGENDAS = Path(__file__).resolve().parent / "agendas"
# The council's whole published pack (agenda, reports, the previous meeting's minutes), as
# converted from the PDF: ../shared/reference/001_9cd857bcf045d8c5.txt.
REFERENCE_PACK = Path(__file__).resolve().parent / "fixtures" / "reference_pack_2019-11-25.txt"


def _members(parsed: AgendaImport) -> list[tuple[Person, MemberRole, str]]:
    record = parsed.record
    return [(record.person(m.person_id), m.role, m.seat) for m in record.memberships]


def _names(parsed: AgendaImport) -> list[str]:
    return [p.name for p, _, _ in _members(parsed)]


def _items(parsed: AgendaImport) -> list[tuple[str, str, int | None, int | None]]:
    return [(i.number, i.title, i.page_from, i.page_to) for i in parsed.record.agenda()]


def _officer(parsed: AgendaImport) -> Person:
    officer_id = parsed.record.meeting.officer_id
    assert officer_id is not None
    return parsed.record.person(officer_id)


# --------------------------------------------------------------------------- the reference agenda

REFERENCE_ITEMS = [
    ("1", "MEMBERSHIP", None, None),
    ("2", "DECLARATIONS OF INTEREST", None, None),
    ("3", "MINUTES", 5, 10),
    ("4", "CABINET MEMBER UPDATE", 11, 22),
    (
        "5",
        "WESTMINSTER'S YOUTH JUSTICE, STRATEGIC PARTNERSHIP PLAN, 2019-2022, "
        "A PATHWAY TO POSITIVE CHOICES",
        23,
        62,
    ),
    (
        "6",
        "LOOKED AFTER CHILDREN AND CARE LEAVERS REPORT: INDEPENDENT REVIEWING SERVICE",
        63,
        80,
    ),
    ("7", "2019/20 WORK PROGRAMME AND ACTION TRACKER", 81, 96),
    ("8", "REPORTS OF ANY URGENCY SAFEGUARDING ISSUES", None, None),
    ("9", "ANY OTHER BUSINESS", None, None),
]
REFERENCE_MEMBERS = [
    "Jonathan Glanz",
    "Margot Bright",
    "Nafsika Butler-Thalassis",
    "Peter Freeman",
    "Patricia McAllister",
    "Emily Payne",
    "Selina Short",
    "Aziz Toki",
]


@pytest.fixture(scope="module")
def reference() -> AgendaImport:
    return read_agenda(AGENDAS / "fpss_2019-11-25_reference.md")


def test_reference_committee_and_meeting(reference: AgendaImport) -> None:
    record = reference.record
    assert record.committee.name == "Family and People Services Policy and Scrutiny Committee"
    assert record.committee.councils == ["City of Westminster"]
    assert record.committee.chair_title == "Chairman"
    assert record.committee.body == "Committee"
    meeting = record.meeting
    assert meeting.committee_id == record.committee.id
    assert meeting.date == date(2019, 11, 25)
    assert meeting.start_time == time(19, 0)
    assert meeting.venue == "Rooms 18.01 & 18.03, 18th Floor, 64 Victoria Street, London, SW1E 6QP"
    assert meeting.title == ""
    assert meeting.approves_minutes_of == date(2019, 10, 17)
    assert meeting.published_by == "Stuart Love, Chief Executive"
    assert meeting.published_on == date(2019, 11, 15)
    assert record.attendance == []


def test_reference_items(reference: AgendaImport) -> None:
    items = reference.record.agenda()
    assert _items(reference) == REFERENCE_ITEMS
    assert [i.position for i in items] == list(range(9))
    assert all(i.part is Part.PUBLIC and i.part_heading == "PART 1 (IN PUBLIC)" for i in items)
    assert items[2].description == "To approve the minutes of the meeting held on 17 October 2019."
    assert items[7].description == "Verbal Update (if any)."
    assert items[8].description == "To consider any business which the Chairman considers urgent."
    assert all(i.sub_items == [] for i in items)


def test_reference_members_read_down_the_grid(reference: AgendaImport) -> None:
    members = _members(reference)
    assert _names(reference) == REFERENCE_MEMBERS
    assert [role for _, role, _ in members] == [MemberRole.CHAIR] + [MemberRole.MEMBER] * 7
    assert all(p.honorific == "Councillor" and p.is_councillor for p, _, _ in members)
    assert reference.record.chairs()[0].name == "Jonathan Glanz"
    assert any("down the columns (lines 19–22)" in g for g in reference.guesses)


def test_reference_officer(reference: AgendaImport) -> None:
    officer = _officer(reference)
    assert officer.name == "Tristan Fieldsend"
    assert officer.role == "Committee Officer"
    assert officer.email == "tfieldsend@westminster.gov.uk"
    assert officer.phone == "020 7641 2341"
    assert officer.id not in {m.person_id for m in reference.record.memberships}


def test_the_whole_reference_pack_gives_only_the_agenda_items() -> None:
    parsed = read_agenda(REFERENCE_PACK)
    assert _items(parsed) == REFERENCE_ITEMS
    assert _names(parsed) == REFERENCE_MEMBERS
    assert parsed.record.meeting.date == date(2019, 11, 25)
    assert any("the agenda ends at line 88" in g.lower() for g in parsed.guesses)


def test_parse_agenda_takes_text() -> None:
    text = (AGENDAS / "fpss_2019-11-25_reference.md").read_text(encoding="utf-8")
    assert _items(parse_agenda(text, "pack.md")) == REFERENCE_ITEMS


# --------------------------------------------------------------------------- variants


def test_planning_sub_committee_tab_columns_plain_text() -> None:
    parsed = read_agenda(AGENDAS / "planning_applications_tab_columns.txt")
    record = parsed.record
    assert record.committee.name == "Planning Applications Sub-Committee (2)"
    assert record.committee.body == "Sub-Committee"
    assert record.meeting.date == date(2019, 12, 3)
    assert record.meeting.start_time == time(18, 30)
    assert record.meeting.venue == (
        "Rooms 18.01 - 18.03, 18th Floor, 64 Victoria Street, London, SW1E 6QP"
    )
    assert _items(parsed) == [
        ("1", "MEMBERSHIP", None, None),
        ("2", "DECLARATIONS OF INTEREST", None, None),
        ("3", "28 BROOK STREET, LONDON, W1K 5DH", 5, 40),
        ("4", "THE SOHO HOTEL, 4 RICHMOND MEWS, LONDON, W1D 3DH", 41, 88),
        ("5", "1 - 3 GREEK STREET, LONDON, W1D 4DA", 89, 120),
    ]
    items = record.agenda()
    assert [i.part_heading for i in items] == [
        "PART 1 (IN PUBLIC)",
        "PART 1 (IN PUBLIC)",
        "PART A - APPLICATIONS FOR CONSIDERATION",
        "PART A - APPLICATIONS FOR CONSIDERATION",
        "PART C - APPLICATIONS FOR DEFERRAL",
    ]
    assert all(i.part is Part.PUBLIC for i in items)
    assert items[3].description == (
        "Demolition of rear extension and erection of a five storey extension."
    )
    # a 2 x 2 grid whose rows, not columns, give surnames A-Z
    assert _names(parsed) == [
        "Robert Aldous",
        "Geoffrey Barnes",
        "Susan Carr",
        "Jacqueline Dunmore",
    ]
    assert record.chairs()[0].name == "Robert Aldous"
    assert any("across the rows (lines 15–16)" in g for g in parsed.guesses)
    officer = _officer(parsed)
    assert (officer.name, officer.role) == (
        "Jack Harrow",
        "Senior Committee and Governance Officer",
    )
    assert (officer.email, officer.phone) == ("jharrow@westminster.gov.uk", "07817 054 764")
    assert record.meeting.published_by == "Stuart Love, Chief Executive"
    assert record.meeting.published_on == date(2019, 11, 26)


def test_audit_committee_labels_apart_from_values_and_wrapped_bold() -> None:
    parsed = read_agenda(AGENDAS / "audit_performance_separated_labels.md")
    record = parsed.record
    assert record.committee.name == "Audit and Performance Committee"
    assert record.meeting.date == date(2019, 12, 4)
    assert record.meeting.start_time == time(10, 0)
    assert record.meeting.venue == "Room 3.6, 3rd Floor, 5 Strand, London, WC2N 5HR"
    assert record.meeting.approves_minutes_of == date(2019, 9, 18)
    assert any("labels stand apart from their values" in g for g in parsed.guesses)
    assert _names(parsed) == ["Ian Rowe", "Ruth Barrow", "Paul Desai", "Gita Mohan", "Tom Wells"]
    assert [r for _, r, _ in _members(parsed)] == [MemberRole.CHAIR] + [MemberRole.MEMBER] * 4
    assert all(p.honorific == "Councillor" for p, _, _ in _members(parsed))
    assert _items(parsed) == [
        ("1", "MEMBERSHIP", None, None),
        ("2", "DECLARATIONS OF INTEREST", None, None),
        ("3", "MINUTES", 5, 12),
        ("4", "PERFORMANCE MONITORING", None, None),
        ("5", "INTERNAL AUDIT PROGRESS REPORT AND COUNTER FRAUD PROGRESS REPORT", 91, 100),
        ("6", "WORK PROGRAMME", 101, 108),
    ]
    items = record.agenda()
    # pages before the description
    assert (
        items[2].description
        == "To approve the minutes of the meeting held on 18th September, 2019."
    )
    assert items[3].description == "To receive the quarterly reports:"
    assert [(s.label, s.title, s.page_from, s.page_to) for s in items[3].sub_items] == [
        ("a)", "Quarter 2 Performance Report", 13, 60),
        ("b)", "Quarter 2 Finance Report", 61, 90),
    ]
    assert (
        items[4].description == "To note the work of Internal Audit and the Counter Fraud Service."
    )
    officer = _officer(parsed)
    assert (officer.name, officer.email) == ("Artemis Kassi", "akassi@westminster.gov.uk")


def test_joint_health_and_wellbeing_board_pipe_table_and_roles() -> None:
    parsed = read_agenda(AGENDAS / "hwb_joint_pipe_table.md")
    record = parsed.record
    committee = record.committee
    assert committee.name == "Joint Health and Wellbeing Board"
    assert committee.councils == ["City of Westminster", "Royal Borough of Kensington and Chelsea"]
    assert committee.is_joint
    assert committee.chair_title == "Chair"
    assert committee.body == "Board"
    assert record.meeting.date == date(2019, 11, 28)
    assert record.meeting.start_time == time(16, 0)
    assert record.meeting.venue == "Main Hall, Kensington Town Hall, Hornton Street, London, W8 7NX"
    assert record.meeting.approves_minutes_of == date(2019, 9, 26)
    members = [
        (p.honorific, p.name, p.role, p.organisation, r, seat) for p, r, seat in _members(parsed)
    ]
    assert members == [
        (
            "Councillor",
            "Heather Acton",
            "Cabinet Member for Family Services and Public Health",
            "",
            MemberRole.CO_CHAIR,
            "",
        ),
        (
            "Councillor",
            "Sarah Addenbrooke",
            "Lead Member for Adult Social Care and Public Health",
            "",
            MemberRole.CO_CHAIR,
            "",
        ),
        (
            "",
            "Bernie Flaherty",
            "Bi-Borough Executive Director of Adult Social Care and Health",
            "",
            MemberRole.MEMBER,
            "Bi-Borough Executive Director of Adult Social Care and Health",
        ),
        (
            "Dr",
            "Neville Purssell",
            "Chair",
            "Central London Clinical Commissioning Group",
            MemberRole.MEMBER,
            "Central London Clinical Commissioning Group",
        ),
        (
            "Chief Superintendent",
            "Helen Millichap",
            "Borough Commander",
            "Metropolitan Police",
            MemberRole.MEMBER,
            "Metropolitan Police",
        ),
        (
            "",
            "Olivia Clymer",
            "Healthwatch Westminster",
            "",
            MemberRole.MEMBER,
            "Healthwatch Westminster",
        ),
    ]
    assert [p.name for p in record.chairs()] == ["Heather Acton", "Sarah Addenbrooke"]
    assert _items(parsed) == [
        ("1", "WELCOME AND APOLOGIES", None, None),
        ("2", "DECLARATIONS OF INTEREST", None, None),
        ("3", "MINUTES", 5, 14),
        ("4", "JOINT HEALTH AND WELLBEING STRATEGY - REFRESH", 15, 42),
        ("5", "BETTER CARE FUND PLAN 2019/20", 43, 70),
    ]
    items = record.agenda()
    assert items[0].description == "To welcome members and receive apologies for absence."
    assert (
        items[2].description == "To approve the minutes of the meeting held on 26th September 2019."
    )
    assert [(s.label, s.title) for s in items[3].sub_items] == [
        ("I)", 'Progress on the "Best Start in Life" priority'),
        ("II)", "Mental Health and Wellbeing"),
        ("(III)", "Tobacco Control Strategy"),
    ]
    officer = _officer(parsed)
    assert (officer.name, officer.role) == ("Tristan Fieldsend", "Committee and Governance Officer")
    assert (officer.email, officer.phone) == ("tfieldsend@westminster.gov.uk", "020 7641 2341")
    assert record.meeting.published_on == date(2019, 11, 20)


def test_licensing_sub_committee_plain_numbers_one_line_members_sub_items() -> None:
    parsed = read_agenda(AGENDAS / "licensing_subcommittee.txt")
    record = parsed.record
    assert record.committee.name == "Licensing Sub-Committee (3)"
    assert record.meeting.date == date(2019, 12, 5)
    assert record.meeting.start_time == time(10, 0)
    # a venue wrapped over two lines without any markdown
    assert record.meeting.venue == (
        "Rooms 18.01 - 18.03, 18th Floor, 64 Victoria Street, London, SW1E 6QP"
    )
    assert _names(parsed) == ["Aicha Less", "Rita Begum", "Jim Glen"]
    assert record.chairs()[0].name == "Aicha Less"
    assert all(p.is_councillor for p, _, _ in _members(parsed))
    assert _items(parsed) == [
        ("1", "MEMBERSHIP", None, None),
        ("2", "DECLARATIONS OF INTEREST", None, None),
        ("3", "LICENSING APPLICATIONS", None, None),
    ]
    subs = record.agenda()[2].sub_items
    assert [(s.label, s.title, s.description, s.page_from, s.page_to) for s in subs] == [
        (
            "i)",
            "BAR TERMINI, 7 OLD COMPTON STREET, W1D 5JE",
            "New Premises Licence. Ward: West End.",
            1,
            60,
        ),
        (
            "ii)",
            "44 BERWICK STREET, W1F 8SE",
            "Variation of a Premises Licence. Ward: West End.",
            61,
            110,
        ),
    ]
    officer = _officer(parsed)
    assert (officer.name, officer.email, officer.phone) == (
        "Georgina Wills",
        "gwills@westminster.gov.uk",
        "020 7641 4925",
    )


def test_follow_on_agenda_numbers_from_five_with_unicode_punctuation() -> None:
    parsed = read_agenda(AGENDAS / "fpss_follow_on.md")
    record = parsed.record
    assert record.meeting.title == "Follow-on Agenda"
    assert record.committee.name == "Family and People Services Policy and Scrutiny Committee"
    assert _items(parsed) == [
        (
            "5",
            "WESTMINSTER'S YOUTH JUSTICE, STRATEGIC PARTNERSHIP PLAN, 2019-2022, "
            "A PATHWAY TO POSITIVE CHOICES",
            1,
            40,
        ),
        (
            "6",
            "LOOKED AFTER CHILDREN AND CARE LEAVERS REPORT: INDEPENDENT REVIEWING SERVICE",
            41,
            58,
        ),
        ("8", "REPORTS OF ANY URGENT SAFEGUARDING ISSUES", None, None),
    ]
    items = record.agenda()
    assert [i.position for i in items] == [0, 1, 2]
    assert items[0].description == (
        'The Committee to receive an outline of the "Pathway to Positive Choices" plan.'
    )
    assert items[2].description == "Verbal Update (if any)."
    assert _names(parsed) == ["Jonathan Glanz", "Margot Bright", "Emily Payne"]
    assert _officer(parsed).email == "tfieldsend_fpss@westminster.gov.uk"
    assert record.meeting.approves_minutes_of is None
    assert record.meeting.published_on == date(2019, 11, 21)


def test_cabinet_part_two_items_are_exempt_with_schedule_12a_paragraphs() -> None:
    parsed = read_agenda(AGENDAS / "cabinet_part2.md")
    record = parsed.record
    assert record.committee.name == "Cabinet"
    assert record.committee.body == "Cabinet"
    assert record.meeting.date == date(2019, 12, 9)
    assert record.meeting.start_time == time(18, 30)
    assert record.meeting.approves_minutes_of == date(2019, 11, 18)
    items = record.agenda()
    assert [(i.number, i.part, i.exempt_paragraphs, i.part_heading) for i in items] == [
        ("1", Part.PUBLIC, [], "PART 1 (IN PUBLIC)"),
        ("2", Part.PUBLIC, [], "PART 1 (IN PUBLIC)"),
        ("3", Part.PUBLIC, [], "PART 1 (IN PUBLIC)"),
        ("4", Part.PUBLIC, [], "PART 1 (IN PUBLIC)"),
        ("5", Part.EXEMPT, [3], "PART 2 (IN PRIVATE)"),
        ("6", Part.EXEMPT, [3, 5], "PART 2 (IN PRIVATE)"),
    ]
    assert items[4].title == "OXFORD STREET DISTRICT - CONTRACT AWARD"
    assert (items[5].page_from, items[5].page_to) == (151, 170)
    assert (
        items[1].description == "To approve the minutes of the meeting held on 18th November, 2019."
    )
    assert (items[1].page_from, items[1].page_to) == (5, 12)
    assert [(s.label, s.title, s.page_from, s.page_to) for s in items[2].sub_items] == [
        ("(a)", "2020/21 Budget and Medium Term Plan", 13, 80),
        ("(b)", "Capital Strategy 2020/21 to 2034/35", 81, 130),
    ]
    assert any("Item 5 is in private" in g for g in parsed.guesses)
    people = _members(parsed)
    assert [(p.name, p.role, r) for p, r, _ in people] == [
        ("Nadia Ashworth", "Leader of the Council", MemberRole.CHAIR),
        (
            "Daniel Fenwick",
            "Deputy Leader and Cabinet Member for Finance, Property and Regeneration",
            MemberRole.MEMBER,
        ),
        ("Rachel Robathan", "Cabinet Member for Housing Services", MemberRole.MEMBER),
        ("Tim Barker", "Cabinet Member for Environment and City Management", MemberRole.MEMBER),
    ]
    assert all(p.is_councillor for p, _, _ in people)
    assert any("Took Rachel Robathan to be a councillor" in g for g in parsed.guesses)
    officer = _officer(parsed)
    assert (officer.name, officer.role) == (
        "Reuben Segal",
        "Principal Committee and Governance Officer",
    )


def test_items_in_private_without_their_own_paragraph_are_listed_the_house_way() -> None:
    """Three items and three paragraphs: "Items 5, 7 and 8", never "5 and 7 and 8"."""
    text = (AGENDAS / "cabinet_part2.md").read_text(encoding="utf-8")
    text = text.replace("by virtue of paragraph 3 of", "by virtue of paragraphs 1, 3 and 4 of")
    more = "**7. DEPOT SALE**\n\n**(Pages 171 - 180)**\n\n**8. STAFFING**\n\n"
    text = text.replace("**Stuart Love**", more + "**Stuart Love**")
    parsed = parse_agenda(text, "cabinet.md")
    exempt = [(i.number, i.exempt_paragraphs) for i in parsed.record.agenda() if i.is_exempt]
    assert exempt == [("5", [1, 3, 4]), ("6", [3, 5]), ("7", [1, 3, 4]), ("8", [1, 3, 4])]
    assert (
        "Items 5, 7 and 8 are in private but do not give their own Schedule 12A paragraph; "
        "took paragraphs 1, 3 and 4 from the resolution to exclude the press and public."
    ) in parsed.guesses


def test_html_and_markdown_marks_are_read_through() -> None:
    text = (
        "<p>City of Westminster</p>\n"
        "Title: <b>Audit and Performance Committee</b>\n"
        "Meeting Date: Wednesday 4<sup>th</sup> December, 2019<br>Time: 6.30&nbsp;pm\n"
        "Venue: [Room 3.6, 5 Strand](https://example.org/strand)\n"
        "Members: Cllr Ian Rowe (Chair), Cllr Ruth Barrow and Councillor Paul Desai\n"
        "## AGENDA\n"
        "- **1. MEMBERSHIP**\n"
        "- **2. MINUTES** (Pages 1 &ndash; 4)\n"
    )
    parsed = parse_agenda(text, "inline.md")
    record = parsed.record
    assert record.committee.name == "Audit and Performance Committee"
    assert record.committee.chair_title == "Chair"
    assert record.meeting.date == date(2019, 12, 4)
    assert record.meeting.start_time == time(18, 30)
    assert record.meeting.venue == "Room 3.6, 5 Strand"
    assert _names(parsed) == ["Ian Rowe", "Ruth Barrow", "Paul Desai"]
    assert _items(parsed) == [("1", "MEMBERSHIP", None, None), ("2", "MINUTES", 1, 4)]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Monday 25th November, 2019", date(2019, 11, 25)),
        ("Tuesday 3 December 2019", date(2019, 12, 3)),
        ("25/11/2019", date(2019, 11, 25)),
        ("Wed 4th Dec 2019", date(2019, 12, 4)),
    ],
)
def test_date_forms(written: str, expected: date) -> None:
    text = f"Title: Cabinet\nDate: {written}\nTime: 7pm\nAGENDA\n1. MINUTES\n"
    assert parse_agenda(text).record.meeting.date == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7.00 pm", time(19, 0)),
        ("6.30pm", time(18, 30)),
        ("10:00 am", time(10, 0)),
        ("10.00am", time(10, 0)),
        ("12 noon", time(12, 0)),
        ("19:00", time(19, 0)),
    ],
)
def test_time_forms(written: str, expected: time) -> None:
    text = f"Title: Cabinet\nDate: Monday 9th December, 2019\nTime: {written}\nAGENDA\n1. MINUTES\n"
    assert parse_agenda(text).record.meeting.start_time == expected


def test_a_wrong_weekday_is_a_guess_not_an_error() -> None:
    text = "Title: Cabinet\nDate: Tuesday 25th November, 2019\nAGENDA\n1. MINUTES\n"
    parsed = parse_agenda(text)
    assert parsed.record.meeting.date == date(2019, 11, 25)
    assert any("Line 2 says Tuesday but 25 November 2019 is a Monday" in g for g in parsed.guesses)
