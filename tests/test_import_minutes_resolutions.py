"""`clerk import-minutes`: RESOLVED blocks in the forms other committees print them.

A heading that says how the committee resolved ("RESOLVED (UNANIMOUSLY):", "RESOLVED
UNANIMOUSLY:", "RESOLVED (by a majority):") is still the RESOLVED heading: the resolution after
it is a resolution, not a paragraph, and the words saying how are kept (as an unnumbered note:
the record has no place of its own for them) and said in the guesses. A resolution's lettered
sub-clauses ("(a) …", "(b) …") belong to it, and a numbered list goes on after them.

The end time in other words ("The meeting finished at 8.15pm.", "Meeting ended: 8.15 pm") is
the end time, not a paragraph of the last item; one in the small hours is said as a guess.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.cli import main
from clerk.importers.minutes_text import parse_minutes
from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord
from clerk.store import Store

MINUTES = """CITY OF WESTMINSTER

MINUTES

Planning Applications Sub-Committee (2)

MINUTES OF PROCEEDINGS

Minutes of a meeting of the Planning Applications Sub-Committee (2) held on Tuesday 3 December 2019 in Rooms 5, 6 & 7 - 17th Floor, 64 Victoria Street, London, SW1E 6QP.

Members Present: Councillors Robert Rigby (Chairman), Geoff Barraclough, Jim Glen and Louise Hyams

1. MEMBERSHIP

1.1 There were no changes to the membership.

2. DECLARATIONS OF INTEREST

2.1 There were no declarations of interest.

3. 14 SOHO SQUARE, LONDON, W1D 3QG

3.1 Use of part of the ground floor as a restaurant (Class A3) and associated external alterations.

3.2 The presenting officer tabled the following amendment to condition 3: "The use shall not commence until..."

{resolved}

4. 27 GREEK STREET, LONDON, W1D 5DF

4.1 Erection of a mansard roof extension to create an additional residential unit.

4.2 The Sub-Committee noted the objections of the neighbouring residents.

{listed}

The Meeting ended at 8.15 pm.

CHAIRMAN: _______________

DATE: _______________
"""  # noqa: E501 (the minutes' lines as printed)

GRANT = """That conditional permission be granted, subject to:

(a) an amendment to condition 3 to limit the opening hours to 08.00 to 23.00;

(b) an additional condition requiring a servicing management plan; and

(c) an informative advising the applicant to liaise with the Soho Society."""

#: the resolution as stored: its sub-clauses in its text, as the minutes print them
GRANTED = (
    "That conditional permission be granted, subject to: (a) an amendment to condition 3 to "
    "limit the opening hours to 08.00 to 23.00; (b) an additional condition requiring a "
    "servicing management plan; and (c) an informative advising the applicant to liaise with "
    "the Soho Society."
)

LISTED = """RESOLVED:

1. That conditional permission be refused on the grounds of harm to the character of the Soho Conservation Area; and

2. That the reasons for refusal be agreed by the Chairman."""  # noqa: E501

REFUSED = [
    "That conditional permission be refused on the grounds of harm to the character of the "
    "Soho Conservation Area.",
    "That the reasons for refusal be agreed by the Chairman.",
]

ITEM_3_PARAGRAPHS = [
    "Use of part of the ground floor as a restaurant (Class A3) and associated external "
    "alterations.",
    'The presenting officer tabled the following amendment to condition 3: "The use shall not '
    'commence until..."',
]

#: a numbered list whose second resolution has lettered sub-clauses (the probe's item 5)
SUB_LISTED = """RESOLVED:
{one} That the Treasury Management Strategy be endorsed;
{two} That the Committee's comments be reported to Cabinet:
   (a) on the level of property investment; and
   (b) on the diversification of counterparties; and
{three} That the borrowing limits be noted."""

SUB_RESOLUTIONS = [
    "That the Treasury Management Strategy be endorsed.",
    "That the Committee's comments be reported to Cabinet: (a) on the level of property "
    "investment; and (b) on the diversification of counterparties.",
    "That the borrowing limits be noted.",
]


def minutes(resolved: str, listed: str = LISTED) -> str:
    return MINUTES.replace("{resolved}", resolved).replace("{listed}", listed)


def line_of(text: str, words: str) -> int:
    return 1 + next(n for n, line in enumerate(text.splitlines()) if words in line)


def of_item(record: MeetingRecord, number: str) -> tuple[list[str], list[str], list[bool]]:
    """(resolutions, paragraphs, which paragraphs are notes) of item `number`, in order."""
    item = next(i for i in record.items if i.number == number)
    paragraphs = record.paragraphs_for(item.id)
    return (
        [r.text for r in record.resolutions_for(item.id)],
        [p.text for p in paragraphs],
        [p.note for p in paragraphs],
    )


def written(record: MeetingRecord, style: str = "") -> str:
    chosen = load_style(style or record.committee.style)
    return render_text(compose_minutes(record, chosen, draft=False))


def assert_fixed_point(record: MeetingRecord, style: str = "") -> str:
    """The minutes clerk writes from the record, read back, give the same minutes (in the
    style named, or the record's)."""
    text = written(record, style)
    again = parse_minutes(text, "again.txt")
    assert written(again.record, style) == text, "\n".join(again.guesses)
    return text


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        ("RESOLVED (UNANIMOUSLY):", "Resolved unanimously."),
        ("RESOLVED UNANIMOUSLY:", "Resolved unanimously."),
        ("RESOLVED (by a majority):", "Resolved by a majority."),
        ("RESOLVED (Unanimously) –", "Resolved unanimously."),
        ("RESOLVED (UNANIMOUSLY)", "Resolved unanimously."),
    ],
)
def test_a_resolved_heading_saying_how_is_the_resolved_heading(heading: str, note: str) -> None:
    text = minutes(f"{heading}\n\n{GRANT}")
    parsed = parse_minutes(text, "planning.txt")
    resolutions, paragraphs, notes = of_item(parsed.record, "3")
    assert resolutions == [GRANTED]
    # how it was resolved is kept, unnumbered, where the heading was: 3.1 and 3.2 stay so
    assert paragraphs == [*ITEM_3_PARAGRAPHS, note]
    assert notes == [False, False, True]
    assert of_item(parsed.record, "4")[0] == REFUSED
    said = "\n".join(parsed.guesses)
    assert f"line {line_of(text, heading)}: clerk's record has no place for how" in said
    assert repr(note) in said
    assert "without a number" not in said and "not read as a resolution" not in said
    regenerated = assert_fixed_point(parsed.record)
    assert f"3.2 {ITEM_3_PARAGRAPHS[1]}\n\n({note})\n\nRESOLVED:\n{GRANTED}\n" in regenerated


def test_a_hoisted_heading_saying_how_keeps_the_resolution_and_its_sub_clauses() -> None:
    grant = GRANT.replace("That conditional", "RESOLVED (UNANIMOUSLY): That conditional")
    parsed = parse_minutes(minutes(grant), "planning.txt")
    resolutions, paragraphs, _ = of_item(parsed.record, "3")
    assert resolutions == [GRANTED]
    assert paragraphs == [*ITEM_3_PARAGRAPHS, "Resolved unanimously."]
    # the hoisted "That" makes the style guess the board's, whose opening needs a start time
    # these minutes lack; the resolutions are what is checked here
    assert_fixed_point(parsed.record, "westminster")


@pytest.mark.parametrize(
    "labels", [("1.", "2.", "3."), ("1)", "2)", "3)"), ("(1)", "(2)", "(3)")], ids=str
)
@pytest.mark.parametrize("indent", ["   ", ""], ids=["indented", "flush"])
def test_lettered_sub_clauses_belong_to_their_numbered_resolution(
    labels: tuple[str, str, str], indent: str
) -> None:
    one, two, three = labels
    listed = SUB_LISTED.format(one=one, two=two, three=three).replace("   (", indent + "(")
    text = minutes("RESOLVED:\n\n" + GRANT, listed)
    parsed = parse_minutes(text, "treasury.txt")
    resolutions, paragraphs, _ = of_item(parsed.record, "4")
    assert resolutions == SUB_RESOLUTIONS
    assert paragraphs == [
        "Erection of a mansard roof extension to create an additional residential unit.",
        "The Sub-Committee noted the objections of the neighbouring residents.",
    ]
    assert of_item(parsed.record, "3")[0] == [GRANTED]
    said = "\n".join(parsed.guesses)
    first, last = line_of(text, "(a) on the level"), line_of(text, "(b) on the diversification")
    assert f"lines {first}–{last}: the lettered sub-clauses are part of resolution 2 of item 4" in (
        said
    )
    assert "without a number" not in said
    regenerated = assert_fixed_point(parsed.record)
    assert (
        "1) That the Treasury Management Strategy be endorsed;\n"
        f"2) {SUB_RESOLUTIONS[1][:-1]}; and\n"
        "3) That the borrowing limits be noted.\n"
    ) in regenerated


def test_hoisted_clauses_keep_their_sub_clauses() -> None:
    listed = (
        "4.3 RESOLVED: That\n\n"
        "(1) The Treasury Management Strategy be endorsed;\n\n"
        "(2) The Committee's comments be reported to Cabinet:\n\n"
        "(a) on the level of property investment; and\n\n"
        "(b) on the diversification of counterparties; and\n\n"
        "(3) The borrowing limits be noted."
    )
    parsed = parse_minutes(minutes("RESOLVED:\n\n" + GRANT, listed), "board.txt")
    assert of_item(parsed.record, "4")[0] == SUB_RESOLUTIONS
    assert len(of_item(parsed.record, "4")[1]) == 2
    assert_fixed_point(parsed.record, "westminster")


def test_a_lettered_line_after_a_finished_resolution_is_not_taken_into_it() -> None:
    """Only a resolution that introduces a list ("…, subject to:") takes the lettered lines
    after it; after one that ended, they are the minutes' own paragraph."""
    text = minutes(
        "RESOLVED:\n\nThat the application be refused.\n\n(a) A note the clerk added later."
    )
    parsed = parse_minutes(text, "planning.txt")
    resolutions, paragraphs, _ = of_item(parsed.record, "3")
    assert resolutions == ["That the application be refused."]
    assert paragraphs == [*ITEM_3_PARAGRAPHS, "(a) A note the clerk added later."]


def test_a_resolved_the_reader_cannot_read_as_a_heading_is_said() -> None:
    text = minutes("3.3 It was RESOLVED that the application be refused.")
    parsed = parse_minutes(text, "planning.txt")
    resolutions, paragraphs, _ = of_item(parsed.record, "3")
    assert resolutions == []
    assert paragraphs[-1] == "It was RESOLVED that the application be refused."
    assert (
        f"line {line_of(text, 'It was RESOLVED')}: the paragraph says 'RESOLVED' but was not "
        "read as a resolution"
    ) in "\n".join(parsed.guesses)


def test_clerk_minutes_regenerates_the_imported_resolutions(tmp_path: Path) -> None:
    source = tmp_path / "planning.txt"
    source.write_text(
        minutes(
            "RESOLVED (UNANIMOUSLY):\n\n" + GRANT, SUB_LISTED.format(one="1.", two="2.", three="3.")
        ),
        encoding="utf-8",
    )
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    done = runner.invoke(main, ["--db", str(db), "import-minutes", str(source)])
    assert done.exit_code == 0, done.output
    flat = " ".join(done.output.split())
    assert "no place for how a resolution was made ('UNANIMOUSLY')" in flat
    assert "5 paragraphs, 4 resolutions" in flat
    with Store(db) as store:
        (meeting,) = store.list_meetings()
        record = store.load_record(meeting.id)
    assert of_item(record, "3") == (
        [GRANTED],
        [*ITEM_3_PARAGRAPHS, "Resolved unanimously."],
        [False, False, True],
    )
    assert of_item(record, "4")[0] == SUB_RESOLUTIONS
    shown = runner.invoke(main, ["--db", str(db), "minutes", "2019-12-03"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.removeprefix("DRAFT\n\n") == written(record)
    assert f"(Resolved unanimously.)\n\nRESOLVED:\n{GRANTED}\n\n4. 27 GREEK" in shown.output
    assert f"2) {SUB_RESOLUTIONS[1][:-1]}; and\n3) That the borrowing" in shown.output


# --------------------------------------------------------------------------- the end time


@pytest.mark.parametrize(
    "ending",
    [
        "The meeting finished at 8.15pm.",
        "Meeting ended: 8.15 pm",
        "The Meeting concluded at 8.15 pm.",
        "The meeting closed at 8.15 pm.",
    ],
)
def test_other_wordings_of_the_end_time_are_the_end_time(ending: str) -> None:
    text = minutes("RESOLVED:\n\n" + GRANT).replace("The Meeting ended at 8.15 pm.", ending)
    parsed = parse_minutes(text, "planning.txt")
    assert parsed.record.meeting.end_time == time(20, 15)
    _, paragraphs, _ = of_item(parsed.record, "4")
    assert paragraphs == [
        "Erection of a mansard roof extension to create an additional residential unit.",
        "The Sub-Committee noted the objections of the neighbouring residents.",
    ]
    said = "\n".join(parsed.guesses)
    assert (
        f"line {line_of(text, ending)}: {ending!r} read as when the meeting ended (8.15 pm); "
        "clerk's minutes write it in their own words ('The Meeting ended at …')"
    ) in said
    assert "do not say when the meeting ended" not in said and "midnight" not in said
    regenerated = assert_fixed_point(parsed.record)
    assert "\nThe Meeting ended at 8.15 pm.\n" in regenerated


def test_the_house_wording_of_the_end_time_is_not_remarked_on() -> None:
    parsed = parse_minutes(minutes("RESOLVED:\n\n" + GRANT), "planning.txt")
    assert parsed.record.meeting.end_time == time(20, 15)
    said = "\n".join(parsed.guesses)
    assert "read as when the meeting ended" not in said and "midnight" not in said


@pytest.mark.parametrize("start", ["", " at 6.30pm"], ids=["no start", "a start"])
def test_a_meeting_ending_after_midnight_is_said(start: str) -> None:
    text = (
        minutes("RESOLVED:\n\n" + GRANT)
        .replace("The Meeting ended at 8.15 pm.", "The Meeting ended at 12.10 am.")
        .replace("Tuesday 3 December 2019 in", f"Tuesday 3 December 2019{start} in")
    )
    parsed = parse_minutes(text, "planning.txt")
    assert parsed.record.meeting.end_time == time(0, 10)
    assert parsed.record.meeting.start_time == (time(18, 30) if start else None)
    before = ", before the meeting began (6.30 pm)" if start else ""
    assert (
        f"line {line_of(text, '12.10 am')}: the meeting ended at '12.10 am'{before}: taken to be "
        "after midnight, on Wednesday 4 December 2019"
    ) in "\n".join(parsed.guesses)
    assert "\nThe Meeting ended at 12.10 am.\n" in assert_fixed_point(parsed.record)


def test_a_sentence_about_the_meeting_closing_that_is_not_a_time_stays_a_paragraph() -> None:
    text = minutes("RESOLVED:\n\n" + GRANT).replace(
        "4.2 The Sub-Committee", "4.2 The meeting closed at the request of the Chairman. The"
    )
    parsed = parse_minutes(text, "planning.txt")
    assert parsed.record.meeting.end_time == time(20, 15)
    assert of_item(parsed.record, "4")[1][1].startswith("The meeting closed at the request")
