"""Bold markers in the Membership, declaration and vote sentences, and a person's honorific,
role and organisation in them (issue 11, part 2).

A style may bold part of these sentences (a name, the outcome of a vote); every renderer shows
it bold — Word, HTML, markdown, the review and live screens — and plain text shows the words
without the markers. Asterisks the clerk typed (in a name, a title, a motion) stay literal and
never turn bold on or off, whatever the style. The `councillor` and `person` templates write
each name with its honorific, role and organisation, with no empty brackets or dangling
separators when some are missing.
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.minutes.compose import compose_minutes
from clerk.minutes.document import MinutesDocument, Paragraph, Run, inline_text
from clerk.minutes.render_docx import render_docx
from clerk.minutes.render_text import md_escape, render_html, render_markdown, render_text
from clerk.minutes.style import load_style, loads_style
from clerk.minutes.templates import fill, plain_text
from clerk.record import AttendanceStatus, DeclarationAction, MeetingRecord, VoteChoice, VoteMethod
from tests.docx_helpers import open_docx
from tests.minutes_builders import committee_of_three, lines, minutes_text
from tests.strategies import ORGANISATIONS, ROLES, starred_meetings

WESTMINSTER = load_style("westminster")

#: Westminster's wording with the names, the outcome and a recorded vote's labels in bold.
BOLD = loads_style(
    """
[membership]
councillor = "**{honorific} {name}**"
person = "**{honorific} {name}** ({role} – {organisation})"
[declarations]
member = "**{honorific} {name}**"
[votes]
outcome = "**{outcome}**"
voting_for = "**Voting for:**"
voting_against = "**Voting against:**"
abstaining = "**Abstaining:**"
""",
    "bold.toml",
)

#: The paragraphs these templates write.
SENTENCES = ("membership", "declarations", "votes")


def sentence_paragraphs(document: MinutesDocument) -> list[Paragraph]:
    return [
        b
        for b in document.blocks
        if isinstance(b, Paragraph) and b.source.split(":")[0] in SENTENCES
    ]


def bold_parts(runs: tuple[Run, ...]) -> list[str]:
    return [r.text for r in runs if r.bold]


# --------------------------------------------------------------------------- worked examples


def a_meeting() -> MeetingRecord:
    m, people = committee_of_three()
    adams = m.member("Ann Adams", present=False)
    payne = m.member("Emily Payne", present=False)
    lee = m.member("Ann Lee", honorific="Dr", present=False)
    lee.role, lee.organisation = "Director of Public Health", "NHS England"
    for member in (adams, payne, lee):
        m.attend(member, AttendanceStatus.APOLOGIES)
    m.attend(m.councillor("Matt Noble"), AttendanceStatus.SUBSTITUTE, substitute_for=payne)
    report = m.item("5", "PLANNING APPLICATIONS")
    m.declare(
        people["bright"],
        report,
        nature="she owns a property on the street",
        action=DeclarationAction.LEFT_ROOM,
    )
    short = people["short"]
    short.pronoun = ""
    m.declare(short, report, action=DeclarationAction.DID_NOT_VOTE)
    m.vote(report, motion="That the report be noted.", votes_for=5, against=1)
    m.vote(
        report,
        method=VoteMethod.RECORDED,
        motion="That the application be refused.",
        named=[(people["glanz"], VoteChoice.FOR), (people["bright"], VoteChoice.AGAINST)],
        casting=VoteChoice.FOR,
    )
    return m.build()


def test_the_membership_minute_bolds_the_names_the_style_bolds() -> None:
    document = compose_minutes(a_meeting(), BOLD, draft=False)
    membership = next(p for p in sentence_paragraphs(document) if p.source == "membership")
    assert [(r.text, r.bold) for r in membership.runs] == [
        ("Apologies for absence were received from ", False),
        ("Councillor Ann Adams", True),
        (", ", False),
        ("Dr Ann Lee", True),
        (" (Director of Public Health – NHS England) and ", False),
        ("Councillor Emily Payne", True),
        (". ", False),
        ("Councillor Matt Noble", True),
        (" attended as a substitute for ", False),
        ("Councillor Emily Payne", True),
        (".", False),
    ]
    # the same words as Westminster's, without a marker printed
    assert inline_text(membership.runs) == next(
        inline_text(p.runs)
        for p in sentence_paragraphs(compose_minutes(a_meeting(), WESTMINSTER))
        if p.source == "membership"
    )


def test_declarations_and_votes_bold_the_member_and_the_outcome() -> None:
    document = compose_minutes(a_meeting(), BOLD, draft=False)
    paragraphs = sentence_paragraphs(document)
    declarations = [p for p in paragraphs if p.source.startswith("declarations:")]
    assert [bold_parts(p.runs) for p in declarations] == [
        ["Councillor Margot Bright"],
        # no pronoun recorded: the name again, bold again
        ["Councillor Selina Short", "Councillor Selina Short"],
    ]
    assert inline_text(declarations[0].runs) == (
        "Councillor Margot Bright declared a pecuniary interest in respect of item 5, "
        "'Planning Applications', in that she owns a property on the street. She left the "
        "room during the consideration of the item and took no part in the discussion or vote."
    )
    votes = [p for p in paragraphs if p.source.startswith("votes:")]
    assert [bold_parts(p.runs) for p in votes] == [
        ["carried"],
        ["Voting for:", "Voting against:", "carried"],
    ]
    assert inline_text(votes[1].runs) == (
        "A recorded vote was taken on the motion that the application be refused. Voting for: "
        "Councillor Jonathan Glanz. Voting against: Councillor Margot Bright. The votes being "
        "equal, the Chairman gave a casting vote for the motion, which was therefore carried."
    )


def test_every_renderer_shows_the_bold_and_no_marker(tmp_path: Path) -> None:
    document = compose_minutes(a_meeting(), BOLD, draft=False)
    text = render_text(document)
    assert "*" not in text
    assert (
        "1.1 Apologies for absence were received from Councillor Ann Adams, Dr Ann Lee "
        "(Director of Public Health – NHS England) and Councillor Emily Payne. Councillor "
        "Matt Noble attended as a substitute for Councillor Emily Payne."
    ) in lines(text)
    page = render_html(document)
    assert "<strong>Councillor Ann Adams</strong>, <strong>Dr Ann Lee</strong> (" in page
    assert "was <strong>carried</strong>" in page and "**" not in page
    markdown = render_markdown(document)
    assert "from **Councillor Ann Adams**, **Dr Ann Lee** (Director" in markdown
    path = tmp_path / "minutes.docx"
    render_docx(document, path)
    word = open_docx(path)
    membership = next(p for p in word.paragraphs if "Apologies for absence" in p.text)
    assert [r.text for r in membership.runs if r.bold] == [
        "Councillor Ann Adams",
        "Dr Ann Lee",
        "Councillor Emily Payne",
        "Councillor Matt Noble",
        "Councillor Emily Payne",
    ]
    assert "*" not in "".join(p.text for p in word.paragraphs)


def test_the_outcome_in_capitals() -> None:
    m, _ = committee_of_three()
    report = m.item("4", "ANNUAL REPORT")
    m.vote(report, motion="That the report be noted.", votes_for=2, against=1)
    capitals = loads_style('[votes]\noutcome = "**{OUTCOME}**"\nshow_counts = true\n')
    assert (
        "4.1 On a show of hands, the motion that the report be noted was CARRIED "
        "(2 for, 1 against, no abstentions)."
    ) in lines(minutes_text(m.build(), capitals))


# --------------------------------------------------------------------------- names


PERSON = "{honorific} {name} ({role}, {organisation})"


@pytest.mark.parametrize(
    ("honorific", "role", "organisation", "written"),
    [
        ("", "Principal Advisor", "NHS England",
         "Catherine Heffernan (Principal Advisor, NHS England)"),
        ("", "", "NHS England", "Catherine Heffernan (NHS England)"),
        ("", "Principal Advisor", "", "Catherine Heffernan (Principal Advisor)"),
        ("", "", "", "Catherine Heffernan"),
        ("Dr", "", "", "Dr Catherine Heffernan"),
        ("Dr", "", "NHS England", "Dr Catherine Heffernan (NHS England)"),
    ],
)  # fmt: skip
def test_a_person_named_with_what_is_recorded(
    honorific: str, role: str, organisation: str, written: str
) -> None:
    m, _ = committee_of_three()
    heffernan = m.member("Catherine Heffernan", honorific=honorific, present=False)
    heffernan.role, heffernan.organisation = role, organisation
    m.attend(heffernan, AttendanceStatus.APOLOGIES)
    style = loads_style(f'[membership]\nperson = "{PERSON}"\n')
    assert f"1.1 Apologies for absence were received from {written}." in lines(
        minutes_text(m.build(), style)
    )


def test_a_councillor_with_a_role_and_the_honorific_once() -> None:
    m, _ = committee_of_three()
    mitchell = m.member("Tim Mitchell", present=False)
    mitchell.role = "Cabinet Member for Adult Social Care"
    adams = m.member("Ann Adams", present=False)
    for member in (mitchell, adams):
        m.attend(member, AttendanceStatus.APOLOGIES)
    style = loads_style('[membership]\ncouncillor = "{honorific} {name} ({role})"\n')
    assert (
        "1.1 Apologies for absence were received from Councillors Ann Adams and Tim Mitchell "
        "(Cabinet Member for Adult Social Care)."
    ) in lines(minutes_text(m.build(), style))
    # the honorific once only when the template starts with it
    after = loads_style('[membership]\ncouncillor = "{name} ({honorific})"\n')
    assert (
        "1.1 Apologies for absence were received from Ann Adams (Councillor) and Tim Mitchell "
        "(Councillor)."
    ) in lines(minutes_text(m.build(), after))


@given(
    honorific=st.sampled_from(["", " ", "Dr", "**Dr"]),
    name=st.sampled_from(["Ann Lee", "*Ann* Lee", "Ann **Lee"]),
    role=st.sampled_from(ROLES),
    organisation=st.sampled_from(ORGANISATIONS),
    template=st.sampled_from(
        [
            PERSON,
            "{honorific} {name} ({role} – {organisation})",
            "**{honorific} {name}** ({role}; {organisation})",
            "{name}, {role}, {organisation}",
        ]
    ),
)
def test_missing_parts_leave_no_empty_brackets_or_dangling_separators(
    honorific: str, name: str, role: str, organisation: str, template: str
) -> None:
    said = plain_text(
        fill(
            template,
            optional=True,
            honorific=honorific,
            name=name,
            role=role,
            organisation=organisation,
        )
    )
    present = [v for v in (role, organisation) if v.strip()]
    lead = " ".join(v for v in (honorific, name) if v.strip())
    separator = next(s for s in (", ", " – ", "; ") if s in template.split("{role}")[1])
    if template.startswith("{name},"):
        expected = ", ".join([name, *present])
    else:
        expected = lead + (f" ({separator.join(present)})" if present else "")
    assert said == expected


# --------------------------------------------------------------------------- property


def _docx_bold(document: MinutesDocument) -> dict[str, str]:
    """Each paragraph of the Word export with any bold: its text -> its bold text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "minutes.docx"
        render_docx(document, path)
        word = open_docx(path)
    return {
        p.text: "".join(r.text for r in p.runs if r.bold)
        for p in word.paragraphs
        if any(r.bold for r in p.runs)
    }


@given(starred_meetings())
def test_typed_asterisks_stay_literal_and_the_style_bold_shows(record: MeetingRecord) -> None:
    plain_minutes = compose_minutes(record, WESTMINSTER, draft=False)
    bold_minutes = compose_minutes(record, BOLD, draft=False)
    plain_paragraphs = sentence_paragraphs(plain_minutes)
    bold_paragraphs = sentence_paragraphs(bold_minutes)
    # a style without markers bolds nothing, whatever asterisks the names hold
    assert all(not bold_parts(p.runs) for p in plain_paragraphs)
    # the markers are never printed: the words are Westminster's, asterisks typed included
    assert [inline_text(p.runs) for p in bold_paragraphs] == [
        inline_text(p.runs) for p in plain_paragraphs
    ]
    # what is bold is exactly a person as named, an outcome or a recorded vote's label
    named = set()
    for person in record.people:
        honorific = "Councillor" if person.is_councillor else person.honorific
        named |= {person.name, f"{honorific} {person.name}".strip(), f"Councillors {person.name}"}
    allowed = named | {"carried", "lost", "Voting for:", "Voting against:", "Abstaining:"}
    for paragraph in bold_paragraphs:
        for text in bold_parts(paragraph.runs):
            assert text in allowed, (text, inline_text(paragraph.runs))
    # and everyone who sent apologies is named in bold, every vote's outcome is bold
    membership = " | ".join(
        " | ".join(bold_parts(p.runs)) for p in bold_paragraphs if p.source == "membership"
    )
    for a in record.attendance:
        if a.status is AttendanceStatus.APOLOGIES:
            assert record.person(a.person_id).name in membership
    for paragraph in bold_paragraphs:
        if paragraph.source.startswith("votes:"):
            assert {"carried", "lost"} & set(bold_parts(paragraph.runs))
    # every renderer shows that bold and prints no marker of the style's
    text = render_text(bold_minutes)
    page = render_html(bold_minutes)
    markdown = render_markdown(bold_minutes)
    word = _docx_bold(bold_minutes)
    for paragraph in bold_paragraphs:
        said = inline_text(paragraph.runs)
        assert said in text
        assert html.escape(said, quote=True) in re.sub(r"</?strong>", "", page)
        for part in bold_parts(paragraph.runs):
            assert f"<strong>{html.escape(part, quote=True)}</strong>" in page
            assert f"**{md_escape(part.strip())}**" in markdown
        if bold_parts(paragraph.runs):
            number = f"{paragraph.number}\t" if paragraph.number else ""
            assert word[number + said] == "".join(bold_parts(paragraph.runs))
