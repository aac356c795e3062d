"""Agenda packs in the shapes of issue 11 section 4: members named one after another on a line
with only spaces between them, papers bound after the agenda whose numbered headings look like
items, and sub-items marked "(i)", "ii)", "(a)". Each test asserts what the clerk sees."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk.errors import InputError
from clerk.importers.agenda import AgendaImport, parse_agenda, read_agenda
from clerk.record import MemberRole, Part

AGENDAS = Path(__file__).resolve().parent / "agendas"


def _members(parsed: AgendaImport) -> list[tuple[str, str, MemberRole]]:
    record = parsed.record
    people = [(record.person(m.person_id), m.role) for m in record.memberships]
    return [(p.honorific, p.name, role) for p, role in people]


def _titles(parsed: AgendaImport) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in parsed.record.agenda()]


def _subs(parsed: AgendaImport, number: str) -> list[tuple[str, str, int | None, int | None]]:
    item = next(i for i in parsed.record.agenda() if i.number == number)
    return [(s.label, s.title, s.page_from, s.page_to) for s in item.sub_items]


def _split_guesses(parsed: AgendaImport) -> list[str]:
    return [g for g in parsed.guesses if "names together" in g or "where one name ends" in g]


# --------------------------------------------------------------------------- the variant packs


def test_councillors_on_one_line_and_a_briefing_bound_after_the_signature() -> None:
    parsed = read_agenda(AGENDAS / "audit_members_one_line_briefing_after.txt")
    record = parsed.record
    C, M = MemberRole.CHAIR, MemberRole.MEMBER
    assert _members(parsed) == [
        ("Councillor", "Ian Adams", C),
        ("Councillor", "Susie Burbridge", M),
        ("Councillor", "Angela Piddock", M),
        ("Councillor", "Paul Swaddle", M),
        ("Councillor", "Aziz Toki", M),
    ]
    assert record.committee.chair_title == "Chairman"
    assert _split_guesses(parsed) == []  # each name had its honorific: nothing was guessed
    # the briefing's "1. Executive Summary", "2. Key Matters for the Committee" are not items
    assert _titles(parsed) == [
        ("1", "MEMBERSHIP"),
        ("2", "DECLARATIONS OF INTEREST"),
        ("3", "MINUTES"),
        ("4", "QUARTERLY PERFORMANCE REPORTS"),
        ("5", "WORK PROGRAMME"),
    ]
    assert _subs(parsed, "4") == [
        ("(i)", "Quarter 2 Performance Report", 13, 40),
        ("(ii)", "Complaints and Customer Feedback", 41, 58),
        ("(iii)", "Counter Fraud Progress Report", 59, 70),
        ("(iv)", "Internal Audit Progress Report", 71, 90),
    ]
    assert record.agenda()[4].description == "To note the Committee's work programme for 2019/20."
    assert record.meeting.published_by == "Stuart Love, Chief Executive"
    assert record.meeting.published_on == date(2019, 11, 15)
    assert (
        "The agenda ends at line 44 (the signature 'Stuart Love, Chief Executive'); the rest of "
        "the pack (lines 48–66) was not read as agenda items."
    ) in parsed.guesses


def test_cllr_membership_label_chair_mark_part_two_and_a_signature_in_capitals() -> None:
    parsed = read_agenda(AGENDAS / "licensing_membership_cllr_part2.md")
    record = parsed.record
    assert _members(parsed) == [
        ("Councillor", "A Smith", MemberRole.CHAIR),
        ("Councillor", "B Jones", MemberRole.MEMBER),
        ("Councillor", "Dr C Brown", MemberRole.MEMBER),  # "Cllr Dr C Brown": one person
    ]
    assert record.committee.chair_title == "Chair"
    assert _split_guesses(parsed) == []
    # "1. EXECUTIVE SUMMARY" in capitals after item 4 used to stop the import with an error
    items = record.agenda()
    assert [(i.number, i.title, i.part) for i in items] == [
        ("1", "MEMBERSHIP", Part.PUBLIC),
        ("2", "DECLARATIONS OF INTEREST", Part.PUBLIC),
        ("3", "LICENSING APPLICATIONS", Part.PUBLIC),
        ("4", "REVIEW OF A PREMISES LICENCE", Part.EXEMPT),
    ]
    assert items[3].exempt_paragraphs == [7]
    assert _subs(parsed, "3") == [
        ("i)", "BAR TERMINI, 7 OLD COMPTON STREET, W1D 5JE", 1, 60),
        ("ii)", "44 BERWICK STREET, W1F 8SE", 61, 110),
    ]
    assert items[2].sub_items[0].description == "New Premises Licence. Ward: West End."
    assert _subs(parsed, "4") == [("(a)", "SOHO LATE BAR, 12 FRITH STREET, W1D 4RQ", 111, 140)]
    assert record.meeting.published_by == "Stuart Love, Chief Executive"
    assert record.meeting.published_on == date(2019, 11, 27)


def test_names_apart_by_two_spaces_dash_chair_vice_chair_numbered_sub_items() -> None:
    parsed = read_agenda(AGENDAS / "planning_members_two_spaces_page_break.txt")
    record = parsed.record
    assert _members(parsed) == [
        ("Councillor", "Ian Adams", MemberRole.CHAIR),  # "Ian Adams - Chair"
        ("Councillor", "Susie Burbridge", MemberRole.VICE_CHAIR),
        ("Councillor", "Angela Piddock", MemberRole.MEMBER),
        ("Councillor", "Paul Swaddle", MemberRole.MEMBER),
    ]
    assert record.committee.chair_title == "Chair"
    assert _split_guesses(parsed) == []  # two spaces set the names apart: no guess
    assert _titles(parsed) == [
        ("1", "MEMBERSHIP"),
        ("2", "DECLARATIONS OF INTEREST"),
        ("3", "APPLICATIONS FOR CONSIDERATION"),
        ("4", "ANY OTHER BUSINESS"),
    ]
    # "3 (i) …", "3(iii) …": sub-items of item 3, not item 3 again
    assert _subs(parsed, "3") == [
        ("(i)", "28 BROOK STREET, LONDON, W1K 5DH", 5, 40),
        ("(ii)", "THE SOHO HOTEL, 4 RICHMOND MEWS, LONDON, W1D 3DH", 41, 88),
        ("(iii)", "1 - 3 GREEK STREET, LONDON, W1D 4DA", 89, 120),
    ]
    assert record.agenda()[2].sub_items[1].description == (
        "Demolition of rear extension and erection of a five storey extension."
    )
    # "(a)" alone on its line, its title after a blank line
    assert _subs(parsed, "4") == [("(a)", "Urgent items, if any.", None, None)]
    assert record.meeting.published_by == "Stuart Love, Chief Executive"
    assert record.meeting.published_on == date(2019, 11, 26)  # on the signature's line


def test_names_without_honorifics_are_split_by_a_guess_the_clerk_is_shown() -> None:
    parsed = read_agenda(AGENDAS / "scrutiny_members_guessed_part2.md")
    record = parsed.record
    assert [(name, role) for _, name, role in _members(parsed)] == [
        ("Ian Adams", MemberRole.CHAIR),
        ("Susie Burbridge", MemberRole.MEMBER),
        ("Angela Piddock", MemberRole.MEMBER),
        ("Paul Swaddle", MemberRole.MEMBER),
        ("B J Jones", MemberRole.MEMBER),
    ]
    assert _split_guesses(parsed) == [
        "Line 13 runs members' names together with only spaces between them; split them as a "
        "first name (or initials) and a surname each: Susie Burbridge, Angela Piddock, Paul "
        "Swaddle and B J Jones. Check these names against the agenda."
    ]
    items = record.agenda()
    assert [(i.number, i.title, i.part) for i in items] == [
        ("1", "MEMBERSHIP", Part.PUBLIC),
        ("2", "DECLARATIONS OF INTEREST", Part.PUBLIC),
        ("3", "CABINET MEMBER UPDATES", Part.PUBLIC),
        ("4", "WORK PROGRAMME", Part.PUBLIC),
        ("5", "HOUSING CONTRACT RENEWAL", Part.EXEMPT),
    ]
    assert items[4].exempt_paragraphs == [3]
    # "(i)" alone on its line, the title and the pages on the lines after
    assert _subs(parsed, "3") == [
        ("(i)", "Cabinet Member for Housing Services", 5, 14),
        ("(ii)", "Cabinet Member for Finance, Property and Regeneration", 15, 22),
    ]
    # no signature: the publication date ends the agenda, and the briefing is not read
    assert record.meeting.published_on == date(2019, 11, 8)
    assert record.meeting.published_by == ""
    assert (
        "The agenda ends at line 57 (the date the agenda was published, 'Published on 8 November "
        "2019'); the rest of the pack (lines 59–77) was not read as agenda items."
    ) in parsed.guesses


# --------------------------------------------------------------------------- members, one line

HEADER = (
    "City of Westminster\n"  # 1
    "\n"
    "Title: Audit and Performance Committee\n"  # 3
    "\n"
    "Meeting Date: Monday 25th November, 2019\n"  # 5
    "\n"
    "Time: 6.30 pm\n"  # 7
    "\n"
    "{members}\n"  # 9
    "\n"
    "AGENDA\n"
    "\n"
    "1. MEMBERSHIP\n"
    "\n"
    "2. ANY OTHER BUSINESS\n"
)


def _with_members(members: str) -> AgendaImport:
    return parse_agenda(HEADER.format(members=members), "agenda.txt")


@pytest.mark.parametrize(
    ("members", "expected", "chair_title"),
    [
        (
            "Members: Councillor Ian Adams (Chairman) Councillor Susie Burbridge "
            "Councillor Angela Piddock",
            [("Ian Adams", "chair"), ("Susie Burbridge", "member"), ("Angela Piddock", "member")],
            "Chairman",
        ),
        (
            "Membership: Cllr A Smith (Chair) Cllr B Jones Cllr C de Souza",
            [("A Smith", "chair"), ("B Jones", "member"), ("C de Souza", "member")],
            "Chair",
        ),
        (
            "Members: Cllr B Jones Cllr A Smith - Chair Cllr C Brown (Vice-Chair)",
            [("B Jones", "member"), ("A Smith", "chair"), ("C Brown", "vice_chair")],
            "Chair",
        ),
        (
            "Members: Councillor Ian Adams (Vice-Chairman) Councillor Susie Burbridge (Chairman)",
            [("Ian Adams", "vice_chair"), ("Susie Burbridge", "chair")],
            "Chairman",
        ),
        (
            "Members:\n\nCouncillor Ian Adams (Chair) Councillor Mary Jane Smith",
            [("Ian Adams", "chair"), ("Mary Jane Smith", "member")],
            "Chair",
        ),
    ],
)
def test_honorifics_and_chair_marks_split_a_line_of_members_for_certain(
    members: str, expected: list[tuple[str, str]], chair_title: str
) -> None:
    parsed = _with_members(members)
    assert [(name, role.value) for _, name, role in _members(parsed)] == expected
    assert all(h == "Councillor" for h, _, _ in _members(parsed))
    assert parsed.record.committee.chair_title == chair_title
    assert _split_guesses(parsed) == []


def test_councillors_once_then_names_run_together_is_a_guess() -> None:
    parsed = _with_members("Members: Councillors Ian Adams (Chairman) Susie Burbridge Paul Swaddle")
    assert [(h, n) for h, n, _ in _members(parsed)] == [
        ("Councillor", "Ian Adams"),
        ("Councillor", "Susie Burbridge"),
        ("Councillor", "Paul Swaddle"),
    ]
    assert _split_guesses(parsed) == [
        "Line 9 runs members' names together with only spaces between them; split them as a "
        "first name (or initials) and a surname each: Susie Burbridge and Paul Swaddle. Check "
        "these names against the agenda."
    ]


def test_two_names_run_together_are_not_taken_as_one_long_name() -> None:
    parsed = _with_members("Members: Ian Adams Susie Burbridge")
    assert [n for _, n, _ in _members(parsed)] == ["Ian Adams", "Susie Burbridge"]
    assert len(_split_guesses(parsed)) == 1
    assert "Ian Adams and Susie Burbridge" in _split_guesses(parsed)[0]


def test_a_run_of_names_that_cannot_be_split_is_left_to_the_clerk_not_made_one_name() -> None:
    parsed = _with_members("Members: Ian Adams (Chairman) Susie Burbridge Angela Mary Piddock")
    assert [n for _, n, _ in _members(parsed)] == ["Ian Adams"]
    assert _split_guesses(parsed) == [
        "Line 9: could not tell where one name ends and the next begins in 'Susie Burbridge "
        "Angela Mary Piddock'; add those members by hand."
    ]


def test_names_set_apart_by_two_spaces_need_no_guess() -> None:
    parsed = _with_members("Members:  Ian Adams (Chairman)  Susie Mary Burbridge  Angela Piddock")
    assert [n for _, n, _ in _members(parsed)] == [
        "Ian Adams",
        "Susie Mary Burbridge",
        "Angela Piddock",
    ]
    assert _split_guesses(parsed) == []


def test_a_line_of_prose_after_the_label_is_not_read_as_names() -> None:
    parsed = _with_members("Members: To be appointed at the Annual Council meeting")
    assert _members(parsed) == []
    assert "No members' list found on the agenda; add the members by hand." in parsed.guesses


def test_without_a_label_names_without_honorifics_are_not_guessed() -> None:
    parsed = _with_members("Ian Adams (Chairman) Susie Burbridge Angela Piddock")
    assert _split_guesses(parsed) == []
    assert [n for _, n, _ in _members(parsed)] == []


# --------------------------------------------------------------------------- the agenda's end

AGENDA = (
    "City of Westminster\n"
    "\n"
    "Title: Family and People Services Policy and Scrutiny Committee\n"
    "\n"
    "Meeting Date: Monday 25th November, 2019\n"
    "\n"
    "Time: 7.00 pm\n"
    "\n"
    "Members: Councillor Jonathan Glanz (Chairman), Councillor Margot Bright\n"
    "\n"
    "AGENDA\n"
    "\n"
    "1. MEMBERSHIP\n"
    "\n"
    "2. MINUTES\n"
    "To approve the minutes of the meeting held on 17 October 2019.\n"
    "(Pages 5 - 10)\n"
    "\n"
    "3. ANY OTHER BUSINESS\n"
    "To consider any business which the Chairman considers urgent.\n"
    "\n"
)
BRIEFING = (
    "\n"
    "Family and People Services Policy and Scrutiny Committee\n"
    "\n"
    "Cabinet Member Update\n"
    "\n"
    "Date: Monday 25 November 2019\n"
    "\n"
    "Briefing of: Councillor Heather Acton, Cabinet Member for Family Services\n"
    "\n"
    "1. EXECUTIVE SUMMARY\n"
    "\n"
    "1.1 This paper outlines the plan.\n"
    "\n"
    "2. Key Matters for the Committee\n"
    "\n"
    "4. WINTER PLANNING\n"
    "\n"
    "Further work is being undertaken.\n"
)
THREE_ITEMS = [("1", "MEMBERSHIP"), ("2", "MINUTES"), ("3", "ANY OTHER BUSINESS")]


@pytest.mark.parametrize(
    ("signature", "published_by", "published_on"),
    [
        ("Stuart Love\nChief Executive\n15 November 2019\n", "Stuart Love, Chief Executive", 15),
        ("STUART LOVE\nCHIEF EXECUTIVE\n15 November 2019\n", "Stuart Love, Chief Executive", 15),
        ("Stuart Love CBE\nChief Executive\n14 Nov 2019\n", "Stuart Love, Chief Executive", 14),
        (
            "Stuart Love\nChief Executive and Town Clerk\n15 November 2019\n",
            "Stuart Love, Chief Executive and Town Clerk",
            15,
        ),
        ("Stuart Love, Chief Executive, 13 November 2019\n", "Stuart Love, Chief Executive", 13),
        ("Chief Executive\nStuart Love\n15 November 2019\n", "Stuart Love, Chief Executive", 15),
        (
            "Stuart Love\nHead of Paid Service\n15 November 2019\n",
            "Stuart Love, Head of Paid Service",
            15,
        ),
        ("15 November 2019\n", "", 15),
        ("Date of publication: 12 November 2019\n", "", 12),
        ("", "", None),  # the briefing's cover alone
        ("\f", "", None),  # a page break, then the cover
    ],
)
def test_papers_bound_after_the_agenda_are_not_items(
    signature: str, published_by: str, published_on: int | None
) -> None:
    parsed = parse_agenda(AGENDA + signature + BRIEFING, "pack.txt")
    assert _titles(parsed) == THREE_ITEMS
    items = parsed.record.agenda()
    assert items[2].description == "To consider any business which the Chairman considers urgent."
    meeting = parsed.record.meeting
    assert meeting.published_by == published_by
    assert meeting.published_on == (date(2019, 11, published_on) if published_on else None)
    assert any(g.startswith("The agenda ends at line") for g in parsed.guesses)


def test_a_page_break_before_a_cover_ends_the_agenda_after_a_bare_last_item() -> None:
    text = AGENDA.replace("To consider any business which the Chairman considers urgent.\n", "") + (
        "\fYouth Justice Plan\n\nClassification: General Release\n\nReport of: Sarah Newman\n"
    )
    parsed = parse_agenda(text, "pack.txt")
    assert _titles(parsed) == THREE_ITEMS
    assert parsed.record.agenda()[2].description == ""
    assert any("the cover of a report bound after the agenda" in g for g in parsed.guesses)


def test_dates_inside_items_do_not_end_the_agenda() -> None:
    text = AGENDA.replace(
        "To approve the minutes of the meeting held on 17 October 2019.\n", "17 October 2019\n"
    ) + ("4. DATE OF NEXT MEETING\nMonday 20 January 2020\n")
    parsed = parse_agenda(text, "pack.txt")
    assert [n for n, _ in _titles(parsed)] == ["1", "2", "3", "4"]
    assert parsed.record.agenda()[1].description == "17 October 2019"
    assert parsed.record.agenda()[3].description == "Monday 20 January 2020"
    assert parsed.record.meeting.published_on is None


def test_an_item_that_is_a_report_of_someone_does_not_end_the_agenda() -> None:
    text = AGENDA.replace(
        "To approve the minutes of the meeting held on 17 October 2019.\n",
        "Report of the Cabinet Member for Finance, Property and Regeneration\n",
    )
    parsed = parse_agenda(text, "pack.txt")
    assert _titles(parsed) == THREE_ITEMS
    assert parsed.record.agenda()[1].description == (
        "Report of the Cabinet Member for Finance, Property and Regeneration"
    )


def test_the_whole_reference_pack_reads_as_before() -> None:
    """The real pack: its agenda ends at the signature; the papers after are not read."""
    parsed = read_agenda(Path(__file__).parent / "fixtures" / "reference_pack_2019-11-25.txt")
    assert len(parsed.record.agenda()) == 9
    assert parsed.record.meeting.published_by == "Stuart Love, Chief Executive"
    assert parsed.record.meeting.published_on == date(2019, 11, 15)
    assert all(i.sub_items == [] for i in parsed.record.agenda())
    assert [g for g in parsed.guesses if g.startswith("The agenda ends")] == [
        "The agenda ends at line 88 (the signature 'Stuart Love, Chief Executive'); the rest of "
        "the pack (lines 96–1734) was not read as agenda items."
    ]


# --------------------------------------------------------------------------- bad input


def test_a_numbered_sub_item_with_pages_the_wrong_way_round_names_its_line() -> None:
    text = (AGENDAS / "planning_members_two_spaces_page_break.txt").read_text(encoding="utf-8")
    text = text.replace("(Pages 41 - 88)", "(Pages 88 - 41)")
    with pytest.raises(InputError) as caught:
        parse_agenda(text, "planning.txt")
    assert (caught.value.source, caught.value.line) == ("planning.txt", 30)
    assert "expected pages from low to high" in caught.value.message


def test_an_item_numbered_again_after_its_sub_items_names_its_line() -> None:
    text = AGENDA.replace("3. ANY OTHER BUSINESS", "2 (i) FIRST REPORT\n\n2. AGAIN")
    with pytest.raises(InputError) as caught:
        parse_agenda(text, "pack.txt")
    assert caught.value.line == 21
    assert "item 2 is numbered again (first at line 15)" in caught.value.message


# --------------------------------------------------------------------------- shown to the clerk


def test_clerk_import_shows_the_guessed_split_and_the_sub_items(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from clerk.cli import main
    from clerk.store import Store

    db = tmp_path / "clerk.db"
    pack = AGENDAS / "scrutiny_members_guessed_part2.md"
    result = CliRunner().invoke(
        main, ["--db", str(db), "import", str(pack)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # as read, not as the terminal's width wraps it
    assert (
        "Members (5): Ian Adams (Chairman), Susie Burbridge, Angela Piddock, Paul Swaddle, "
        "B J Jones"
    ) in out
    assert (
        "Guessed: Line 13 runs members' names together with only spaces between them; split "
        "them as a first name (or initials) and a surname each: Susie Burbridge, Angela Piddock, "
        "Paul Swaddle and B J Jones. Check these names against the agenda."
    ) in out
    assert "(i) Cabinet Member for Housing Services" in out
    assert "(ii) Cabinet Member for Finance, Property and Regeneration" in out
    assert "Executive Summary" not in out and "HOMELESSNESS" not in out  # the briefing's
    # the sub-items are stored with their item, not lost
    with Store(db) as store:
        (summary,) = store.list_meetings()
        record = store.load_record(summary.id)
    subs = record.agenda()[2].sub_items
    assert [(s.label, s.title, s.page_from, s.page_to) for s in subs] == [
        ("(i)", "Cabinet Member for Housing Services", 5, 14),
        ("(ii)", "Cabinet Member for Finance, Property and Regeneration", 15, 22),
    ]
