"""`clerk import-minutes`: exempt (Part 2) items are read as exempt, whatever the wording.

Published minutes print an exempt item's decision ("RESOLVED: That the contract be awarded
…"); read back as a public item, that decision would be in every public thing clerk writes.
Each wording of the resolution excluding the press and public that councils use, and the
"PART 2 (PRIVATE)" heading, must make the right items exempt: the public minutes and the
decisions list then leave their decisions out, and a public item before them stays public.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from clerk.cli import main
from clerk.importers.minutes_text import parse_minutes
from clerk.importers.minutes_text.sentences import exclusion, part_heading
from clerk.record import MeetingRecord, Part
from clerk.store import Store

HEAD = """CITY OF WESTMINSTER

MINUTES

Licensing Committee

MINUTES OF PROCEEDINGS

Minutes of a meeting of the Licensing Committee held on Wednesday 8 July 2015 in Room 5, \
17th Floor, City Hall, 64 Victoria Street, London SW1E 6QP.

Members Present: Councillors Nickie Aiken (Chairman), Heather Acton, Susie Burbridge and \
Tim Mitchell

1. MEMBERSHIP

1.1 Apologies for absence were received from Councillor Rita Begum.

2. DECLARATIONS OF INTEREST

2.1 No declarations were received.

3. LICENSING POLICY REVIEW

3.1 Chris Wroe (Licensing Policy and Strategy Manager) introduced the report.

RESOLVED:

That the revised cumulative impact policy be published for consultation.

"""

FEES = """6. LICENSING FEES CONTRACT

RESOLVED:

That the fees contract be awarded to Acme Collections Ltd for £1,234,567.

"""

STAFF = """7. STAFFING RESTRUCTURE

RESOLVED:

That the post of Principal Licensing Officer be deleted with effect from 1 October 2015.

"""

TAIL = """The meeting closed at 7.42 p.m.

CHAIRMAN: _______________

DATE: _______________
"""

#: the words of the exempt decisions, which nothing public may print
SECRETS = ("Acme Collections", "1,234,567", "Principal Licensing Officer")
PUBLIC = "revised cumulative impact policy be published for consultation"


def minutes(exclusion_text: str, *, heading: str = "", items: str = FEES) -> str:
    middle = "5. EXCLUSION OF THE PRESS AND PUBLIC\n\n"
    if exclusion_text:
        middle += f"RESOLVED:\n\n{exclusion_text}\n\n"
    if heading:
        middle += f"{heading}\n\n"
    return HEAD + middle + items + TAIL


def imported(tmp_path: Path, text: str) -> tuple[MeetingRecord, str, str, str, str]:
    """(the stored record, what the import said, the public minutes, the decisions, the
    confidential minutes), through the command line into a real database."""
    source = tmp_path / "minutes.txt"
    source.write_text(text, encoding="utf-8")
    db = str(tmp_path / "clerk.db")
    runner = CliRunner()
    done = runner.invoke(main, ["--db", db, "import-minutes", str(source)])
    assert done.exit_code == 0, done.output
    outputs = []
    for args in (["minutes", "2015-07-08"], ["decisions", "2015-07-08"]):
        out = runner.invoke(main, ["--db", db, *args])
        assert out.exit_code == 0, out.output
        outputs.append(out.output)
    confidential = runner.invoke(main, ["--db", db, "minutes", "2015-07-08", "--exempt"])
    assert confidential.exit_code == 0, confidential.output
    with Store(Path(db)) as store:
        (meeting,) = store.list_meetings()
        record = store.load_record(meeting.id)
    return record, " ".join(done.output.split()), *outputs, confidential.output


def parts(record: MeetingRecord) -> dict[str, tuple[Part, list[int]]]:
    return {i.number: (i.part, i.exempt_paragraphs) for i in record.items}


def assert_nothing_exempt_published(public: str, decisions: str, confidential: str) -> None:
    for secret in SECRETS:
        assert secret not in public
        assert secret not in decisions
    assert PUBLIC in public and PUBLIC in decisions  # the public item before them stays public
    assert "considered in private" in decisions
    assert "Acme Collections" in confidential  # kept, in the confidential minutes


GROUNDS_NAMED = (
    "That under Section {section} of the Local Government Act 1972, the public and press be "
    "excluded from the meeting for the following item of business because it involves the "
    "likely disclosure of exempt information on the grounds shown below and it is not in the "
    "public interest to disclose this information: Item 6 – Paragraph 3 of Part 1 of Schedule "
    "12A to the Act (information relating to the financial or business affairs of any "
    "particular person)."
)


@pytest.mark.parametrize("section", ["100A(4)", "100 (A) (4)", "100(A)(4)"])
def test_the_resolution_naming_the_item_makes_it_exempt_however_section_100a_is_spelt(
    tmp_path: Path, section: str
) -> None:
    record, said, public, decisions, confidential = imported(
        tmp_path, minutes(GROUNDS_NAMED.format(section=section))
    )
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert {n for n, (part, _) in parts(record).items() if part is Part.EXEMPT} == {"6"}
    assert "names no item" not in said  # the item was named: nothing was guessed
    assert_nothing_exempt_published(public, decisions, confidential)
    # clerk writes the exclusion itself, with the grounds read
    assert "Paragraph 3 of Part 1 of Schedule 12A" in public


OLDER = (
    "That under Section 100A(4) of the Local Government Act 1972, the public and press be "
    "excluded from the meeting for the following item of business because it involves the "
    "likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule "
    "12A to the Act."
)


def test_the_older_wording_naming_no_item_makes_the_next_item_exempt(tmp_path: Path) -> None:
    record, said, public, decisions, confidential = imported(tmp_path, minutes(OLDER))
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert parts(record)["3"] == (Part.PUBLIC, [])
    assert parts(record)["5"] == (Part.PUBLIC, [])
    assert "names no item: item 6, the item after it, is read as exempt" in said
    assert_nothing_exempt_published(public, decisions, confidential)


def test_the_following_item_is_only_the_next_one(tmp_path: Path) -> None:
    record, *_ = imported(tmp_path, minutes(OLDER, items=FEES + STAFF))
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert parts(record)["7"] == (Part.PUBLIC, [])


PLURAL = (
    "That under Section 100A(4) of the Local Government Act 1972, the press and public be "
    "excluded from the meeting for the following items of business because they involve the "
    "likely disclosure of exempt information as defined in paragraphs 1 and 3 of Part 1 of "
    "Schedule 12A to the Act."
)


def test_the_following_items_are_every_later_item_with_all_the_paragraphs(
    tmp_path: Path,
) -> None:
    record, said, public, decisions, confidential = imported(
        tmp_path, minutes(PLURAL, items=FEES + STAFF)
    )
    assert parts(record)["6"] == (Part.EXEMPT, [1, 3])
    assert parts(record)["7"] == (Part.EXEMPT, [1, 3])
    assert "every item after it (items 6 and 7) is read as exempt" in said
    assert_nothing_exempt_published(public, decisions, confidential)
    assert "Paragraphs 1 and 3 of Part 1 of Schedule 12A" in public


def test_probe_06_the_heading_after_the_resolution_is_no_paragraph(tmp_path: Path) -> None:
    text = minutes(OLDER, heading="PART 2 (PRIVATE)")
    record, said, public, decisions, confidential = imported(tmp_path, text)
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert not [p for p in record.paragraphs if "PART 2" in p.text]
    assert "PART 2" not in public
    five = next(i for i in record.items if i.number == "5")
    assert not [p for p in record.paragraphs if p.item_id == five.id]
    six = next(i for i in record.items if i.number == "6")
    assert six.part_heading == "PART 2 (PRIVATE)"
    # the heading agrees with the resolution: no guess about it
    assert "start of the exempt part" not in said
    assert_nothing_exempt_published(public, decisions, confidential)


@pytest.mark.parametrize(
    "heading", ["PART 2 (PRIVATE)", "PART II", "Part 2 – Exempt items", "CONFIDENTIAL ITEMS"]
)
def test_a_part_2_heading_alone_makes_every_item_after_it_exempt_and_says_so(
    tmp_path: Path, heading: str
) -> None:
    text = HEAD + f"{heading}\n\n" + FEES + STAFF + TAIL
    record, said, public, decisions, confidential = imported(tmp_path, text)
    assert parts(record)["6"] == (Part.EXEMPT, [])
    assert parts(record)["7"] == (Part.EXEMPT, [])
    assert parts(record)["3"] == (Part.PUBLIC, [])
    assert (
        f"{heading!r} is read as the start of the exempt part: items 6 and 7 read as exempt" in said
    )
    assert "without a number" not in said  # the heading is not a paragraph
    assert heading not in public
    assert not [p for p in record.paragraphs if heading in p.text]
    assert_nothing_exempt_published(public, decisions, confidential)


def test_a_public_part_heading_ends_the_exempt_items(tmp_path: Path) -> None:
    later = "8. ANY OTHER BUSINESS\n\n8.1 There was no other business.\n\n"
    text = minutes(PLURAL, items=FEES + STAFF + "PART 1 (PUBLIC)\n\n" + later)
    record, said, public, *_ = imported(tmp_path, text)
    assert [n for n, (part, _) in parts(record).items() if part is Part.EXEMPT] == ["6", "7"]
    assert "There was no other business." in public
    assert "every item after it (items 6 and 7)" in said


def test_an_exclusion_that_does_not_say_which_items_covers_every_later_one_as_a_guess(
    tmp_path: Path,
) -> None:
    vague = (
        "That the press and public be excluded from the remainder of the meeting as the "
        "business to be transacted involves exempt information under paragraph 3 of Schedule "
        "12A to the Local Government Act 1972."
    )
    record, said, public, decisions, confidential = imported(
        tmp_path, minutes(vague, items=FEES + STAFF)
    )
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert parts(record)["7"] == (Part.EXEMPT, [3])
    assert "read as the resolution excluding the press and public" in said
    assert "covers is not said: every item after it (items 6 and 7) is read as exempt" in said
    assert_nothing_exempt_published(public, decisions, confidential)


def test_an_exclusion_in_the_exempt_item_itself_keeps_its_decision_private(
    tmp_path: Path,
) -> None:
    """No item title saying it is only the exclusion, and a decision after it: the item it
    is in is read as exempt too (a guess, said) rather than publish the decision."""
    first = FEES.replace("RESOLVED:\n\n", f"RESOLVED:\n\n1) {OLDER[:-1]}; and\n\n2) ")
    record, said, public, decisions, confidential = imported(tmp_path, HEAD + first + STAFF + TAIL)
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert parts(record)["7"] == (Part.EXEMPT, [3])
    assert "item 7, the item after it, is read as exempt" in said
    assert "item 6, the item it is in, says more than the exclusion" in said
    for secret in SECRETS:
        assert secret not in public and secret not in decisions
    assert "Acme Collections" in confidential


def test_an_exclusion_with_no_item_after_it_makes_its_own_item_exempt(tmp_path: Path) -> None:
    first = FEES.replace("RESOLVED:\n\n", f"RESOLVED:\n\n1) {OLDER[:-1]}; and\n\n2) ")
    record, said, public, decisions, confidential = imported(tmp_path, HEAD + first + TAIL)
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert "no item follows the resolution excluding the press and public: item 6" in said
    assert_nothing_exempt_published(public, decisions, confidential)


def test_the_exclusion_printed_as_a_paragraph_still_makes_the_item_exempt(tmp_path: Path) -> None:
    text = HEAD + "5. EXCLUSION OF THE PRESS AND PUBLIC\n\n5.1 " + OLDER + "\n\n" + FEES + TAIL
    record, said, public, decisions, confidential = imported(tmp_path, text)
    assert parts(record)["6"] == (Part.EXEMPT, [3])
    assert "a paragraph taken as the resolution excluding the press and public" in said
    assert_nothing_exempt_published(public, decisions, confidential)


def test_a_mention_of_exempt_information_without_an_exclusion_is_said() -> None:
    text = minutes("", items=FEES).replace(
        "3.1 Chris Wroe",
        "3.2 Appendix B is exempt information under paragraph 3 of Schedule 12A.\n\n3.1 Chris Wroe",
    )
    parsed = parse_minutes(text, "minutes.txt")
    assert all(i.part is Part.PUBLIC for i in parsed.record.items)
    assert any(
        "item 3 speaks of exempt information" in g and "kept public" in g for g in parsed.guesses
    )


def test_part_of_a_sentence_is_no_heading() -> None:
    assert part_heading("Part 2 of the report was noted.") is None
    assert part_heading("Part 2 – the members discussed the proposals at length") is None
    assert part_heading("PART 1 (IN PUBLIC)") is False
    assert part_heading("PART A - PLANNING APPLICATIONS") is False
    assert part_heading("PART B - ITEMS NOT FOR PUBLICATION") is True


# every combination of the spellings councils use, read the same
@given(
    section=st.sampled_from(["100 (A) (4)", "100A(4)", "100(A)(4)", "100A (4)"]),
    press=st.sampled_from(["the public and press", "the press and public"]),
    business=st.sampled_from(["item of business", "item", "items of business", "items"]),
    paragraphs=st.lists(st.integers(1, 7), min_size=1, max_size=3, unique=True),
    named=st.booleans(),
)
def test_each_wording_of_the_exclusion_is_read(
    section: str, press: str, business: str, paragraphs: list[int], named: bool
) -> None:
    listed = (
        str(paragraphs[0])
        if len(paragraphs) == 1
        else ", ".join(map(str, paragraphs[:-1])) + f" and {paragraphs[-1]}"
    )
    word = "paragraph" if len(paragraphs) == 1 else "paragraphs"
    grounds = f"{word} {listed} of Part 1 of Schedule 12A to the Act"
    if named:
        why = (
            "on the grounds shown below and it is not in the public interest to disclose this "
            f"information: Item 6 – {grounds[0].upper()}{grounds[1:]}"
        )
    else:
        why = f"as defined in {grounds}"
    text = (
        f"That under Section {section} of the Local Government Act 1972, {press} be excluded "
        f"from the meeting for the following {business} because it involves the likely "
        f"disclosure of exempt information {why}."
    )
    read = exclusion(text)
    assert read is not None and read.worded
    assert read.following == business.split()[0]
    if named:
        assert read.named == (("6", tuple(paragraphs)),)
    else:
        assert read.named == () and read.paragraphs == tuple(paragraphs)


def test_a_resolution_only_speaking_of_the_exclusion_is_kept_but_errs_towards_exempt() -> None:
    review = (
        "That officers review how often the press and public are excluded from hearings "
        "under Schedule 12A."
    )
    text = minutes(review, items=FEES).replace(
        "5. EXCLUSION OF THE PRESS AND PUBLIC", "5. LICENSING HEARINGS"
    )
    parsed = parse_minutes(text, "minutes.txt")
    assert review in [r.text for r in parsed.record.resolutions]  # not lost
    exempt = [i.number for i in parsed.record.items if i.part is Part.EXEMPT]
    assert exempt == ["5", "6"]
    assert any("a resolution kept as written" in g for g in parsed.guesses)
    assert any(
        "item 5, the item it is in, says more than the exclusion" in g for g in parsed.guesses
    )


def test_a_heading_joined_to_a_paragraph_without_a_full_stop_still_starts_the_exempt_part() -> None:
    # the line before the heading does not end as a sentence does, so the layout reads the
    # heading as the rest of that paragraph
    text = (
        HEAD
        + "4. ANY OTHER BUSINESS\n\n4.1 Members thanked the outgoing Chairman\n\n"
        + "PART 2 (PRIVATE)\n\n"
        + FEES
        + TAIL
    )
    parsed = parse_minutes(text, "minutes.txt")
    assert [i.number for i in parsed.record.items if i.part is Part.EXEMPT] == ["6"]
    assert "Members thanked the outgoing Chairman" in [p.text for p in parsed.record.paragraphs]
    assert any("'PART 2 (PRIVATE)' at the end of a paragraph" in g for g in parsed.guesses)
