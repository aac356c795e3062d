"""Agenda import: the real agenda pack and variants in the shapes the council's packs take."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from clerk.importers.agenda import AgendaImport, parse_agenda, read_agenda
from clerk.record import MemberRole, Part, Person

AGENDAS = Path(__file__).resolve().parent / "agendas"
REFERENCE_PACK = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "001_9cd857bcf045d8c5.txt"
)


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
    if not REFERENCE_PACK.exists():
        pytest.skip(f"the shared reference pack is not beside the repository ({REFERENCE_PACK})")
    parsed = read_agenda(REFERENCE_PACK)
    assert _items(parsed) == REFERENCE_ITEMS
    assert _names(parsed) == REFERENCE_MEMBERS
    assert parsed.record.meeting.date == date(2019, 11, 25)
    assert any("the agenda ends at line 88" in g.lower() for g in parsed.guesses)


def test_parse_agenda_takes_text() -> None:
    text = (AGENDAS / "fpss_2019-11-25_reference.md").read_text(encoding="utf-8")
    assert _items(parse_agenda(text, "pack.md")) == REFERENCE_ITEMS
