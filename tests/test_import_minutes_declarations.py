"""`clerk import-minutes`: declarations of interest in the forms the published minutes use
(HOUSE_STYLE §3), not only the one clerk writes. Each is read into the declaration it records
(member, item or items, kind, nature or capacity, what the member did) and so reaches the
register of interests; what the minutes leave unsaid is said in the guesses, and a sentence
about a declaration that cannot be read is named by its line, never dropped.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.cli import main
from clerk.importers.minutes_text import parse_minutes
from clerk.record import DeclarationAction, MeetingRecord

HEAD = """CITY OF WESTMINSTER

MINUTES

Housing, Finance and Corporate Services Policy and Scrutiny Committee

MINUTES OF PROCEEDINGS

Minutes of a meeting of the Housing, Finance and Corporate Services Policy and Scrutiny \
Committee held on Monday 13 January 2020 in Rooms 18.01 - 18.03, 64 Victoria Street, London \
SW1E 6QP.

Members Present: Councillors Barbara Arzymanow (Chairman), Melvyn Caplan, Lorraine Dean, \
Murad Gassanly, Adam Hug and Gotz Mohindra

1. MEMBERSHIP

1.1 There were no changes to the membership.

2. DECLARATIONS OF INTEREST

"""

REST = """3. MINUTES

RESOLVED:

3.1 That the Minutes of the meeting held on 4 November 2019 be approved.

4. HOUSING REVENUE ACCOUNT BUDGET

4.1 Councillor Andrew Smith (Cabinet Member for Housing Services) introduced the report.
{during}
5. COUNCIL TAX REDUCTION SCHEME

5.1 The Committee noted the proposed scheme.

The Meeting ended at 9.05 pm.

CHAIRMAN: _______________

DATE: _______________
"""


def minutes(*declarations: str, during: str = "") -> str:
    said = "".join(f"2.{n} {d}\n\n" for n, d in enumerate(declarations, start=1))
    return HEAD + said + REST.format(during=f"\n4.2 {during}\n" if during else "")


def line_of(text: str, words: str) -> int:
    return 1 + next(n for n, line in enumerate(text.splitlines()) if words in line)


def read(text: str) -> tuple[MeetingRecord, list[str]]:
    parsed = parse_minutes(text, "minutes.txt")
    return parsed.record, list(parsed.guesses)


def facts(record: MeetingRecord) -> list[tuple[str, str | None, str, str, str, str]]:
    """(member, item number, kind, nature, capacity, action) for each declaration, in order."""
    out = []
    for d in sorted(record.declarations, key=lambda d: d.position):
        item = record.item(d.item_id).number if d.item_id else None
        name = record.person(d.person_id).name
        out.append((name, item, d.kind, d.nature, d.capacity, d.action.value))
    return out


CAPACITY = (
    "Councillor Melvyn Caplan declared an interest in his capacity as a member of the Pension "
    "Fund Committee in respect of item 4, 'Housing Revenue Account Budget'."
)
LEASEHOLDER = (
    "Councillor Adam Hug declared that he was a leaseholder of a City West Homes property in "
    "respect of item 4."
)
TWO_ITEMS = (
    "Councillor Lorraine Dean declared a non-pecuniary interest in respect of items 4 and 5 in "
    "that she was a Council tenant. She remained in the room and took part in the discussion."
)
LEFT = (
    "Councillor Murad Gassanly declared a pecuniary interest in respect of item 5, 'Council Tax "
    "Reduction Scheme', in that he owned a property in the borough. He left the room during the "
    "consideration of the item and took no part in the discussion or vote."
)
DURING = (
    "Councillor Gotz Mohindra declared a personal interest at this point as a director of a "
    "housing association."
)
NOT_SAID = "does not say what they did"


@pytest.mark.parametrize(
    ("sentence", "expected", "guessed"),
    [
        (
            CAPACITY,
            [("Melvyn Caplan", "4", "interest", "", "a member of the Pension Fund Committee")],
            [NOT_SAID],
        ),
        (
            LEASEHOLDER,
            [
                (
                    "Adam Hug",
                    "4",
                    "interest",
                    "in that he was a leaseholder of a City West Homes property",
                    "",
                )
            ],
            ["names no kind of interest", NOT_SAID],
        ),
        (
            TWO_ITEMS,
            [
                (
                    "Lorraine Dean",
                    n,
                    "non-pecuniary interest",
                    "in that she was a Council tenant",
                    "",
                )
                for n in ("4", "5")
            ],
            ["in respect of items 4 and 5 is recorded once for each item"],
        ),
        (
            LEFT,
            [
                (
                    "Murad Gassanly",
                    "5",
                    "pecuniary interest",
                    "in that he owned a property in the borough",
                    "",
                )
            ],
            [],
        ),
    ],
    ids=["capacity", "declared that", "two items", "left the room"],
)
def test_each_published_form_is_read_into_its_declaration(
    sentence: str, expected: list[tuple[str, str, str, str, str]], guessed: list[str]
) -> None:
    text = minutes(sentence)
    record, guesses = read(text)
    action = {
        CAPACITY: "not_stated",
        LEASEHOLDER: "not_stated",
        TWO_ITEMS: "remained",
        LEFT: "left_room",
    }[sentence]
    assert facts(record) == [(*e, action) for e in expected]
    line = line_of(text, sentence[:40])
    about = [g for g in guesses if g.startswith(f"line {line}:")]
    assert len(about) == len(guessed), guesses
    for words, guess in zip(guessed, about, strict=True):
        assert words in guess
    # the declaration is not also kept as a paragraph of the declarations item
    two = next(i for i in record.items if i.number == "2")
    assert record.paragraphs_for(two.id) == []


def test_a_capacity_names_the_pronoun_the_minutes_will_use() -> None:
    record, _ = read(
        minutes(CAPACITY.replace("Melvyn Caplan", "Lorraine Dean").replace("his", "her"))
    )
    dean = next(p for p in record.people if p.name == "Lorraine Dean")
    assert dean.pronoun == "she"


def test_a_declaration_made_during_an_item_is_recorded_on_that_item() -> None:
    text = minutes("There were no declarations of interest.", during=DURING)
    record, guesses = read(text)
    assert facts(record) == [
        (
            "Gotz Mohindra",
            "4",
            "personal interest",
            "",
            "a director of a housing association",
            DeclarationAction.NOT_STATED.value,
        )
    ]
    four = next(i for i in record.items if i.number == "4")
    assert [p.text for p in record.paragraphs_for(four.id)] == [
        "Councillor Andrew Smith (Cabinet Member for Housing Services) introduced the report."
    ]
    line = line_of(text, "Gotz Mohindra declared")
    said = [g for g in guesses if g.startswith(f"line {line}:")]
    assert any("made during item 4 is recorded on item 4" in g for g in said), guesses
    assert any(NOT_SAID in g for g in said), guesses
    assert "personal interest" in record.committee.interest_kinds


@pytest.mark.parametrize(
    "sentence",
    [
        # a second sentence that is not what the member did
        LEFT.replace("He left the room during the", "He left early, before the"),
        # the item named in a way clerk does not read
        "Councillor Adam Hug declared an interest on the budget item, which the Chairman noted.",
        # two members in one sentence
        "Councillors Adam Hug and Lorraine Dean declared non-pecuniary interests in item 4.",
    ],
    ids=["unknown action", "unknown item form", "two members"],
)
def test_a_declaration_that_cannot_be_read_is_kept_and_named_by_its_line(sentence: str) -> None:
    text = minutes(sentence, CAPACITY)
    record, guesses = read(text)
    assert [f[0] for f in facts(record)] == ["Melvyn Caplan"]  # the other is read
    two = next(i for i in record.items if i.number == "2")
    assert [p.text for p in record.paragraphs_for(two.id)] == [sentence]
    line = line_of(text, sentence[:40])
    said = [g for g in guesses if g.startswith(f"line {line}:")]
    assert len(said) == 1 and "not in the register of interests" in said[0], guesses


def test_a_clerks_sentence_in_an_item_is_not_read_as_a_declaration() -> None:
    """Only a member the minutes name, declaring a kind of interest, is a declaration."""
    text = minutes(
        "There were no declarations of interest.",
        during="Councillor Adam Hug declared that the item was urgent.",
    )
    record, guesses = read(text)
    assert record.declarations == []
    four = next(i for i in record.items if i.number == "4")
    assert "Councillor Adam Hug declared that the item was urgent." in [
        p.text for p in record.paragraphs_for(four.id)
    ]
    stranger = minutes(
        "There were no declarations of interest.",
        during="Councillor Jane Doe declared a pecuniary interest in respect of item 4.",
    )
    record, guesses = read(stranger)
    assert record.declarations == []
    line = line_of(stranger, "Jane Doe declared")
    assert any(g.startswith(f"line {line}:") and "not in the register" in g for g in guesses)


def _clerk(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_register_of_interests_lists_every_form_and_the_minutes_read_back(
    tmp_path: Path,
) -> None:
    db = tmp_path / "clerk.db"
    source = tmp_path / "minutes.txt"
    source.write_text(minutes(CAPACITY, LEASEHOLDER, TWO_ITEMS, LEFT, during=DURING), "utf-8")
    _clerk(db, "import-minutes", str(source))
    register = _clerk(db, "register", "interests", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(register)))
    assert sorted((r["Member"], r["Item"][:1], r["Kind"], r["What they did"]) for r in rows) == [
        ("Adam Hug", "4", "interest", "not stated"),
        ("Gotz Mohindra", "4", "personal interest", "not stated"),
        ("Lorraine Dean", "4", "non-pecuniary interest", "remained and took part"),
        ("Lorraine Dean", "5", "non-pecuniary interest", "remained and took part"),
        ("Melvyn Caplan", "4", "interest", "not stated"),
        ("Murad Gassanly", "5", "pecuniary interest", "left the room and took no part"),
    ]
    interests = {r["Member"]: r["Interest"] for r in rows}
    assert interests["Melvyn Caplan"] == "a member of the Pension Fund Committee"
    assert interests["Adam Hug"] == "in that he was a leaseholder of a City West Homes property"
    # the minutes clerk writes from the import read back into the same declarations
    written = _clerk(db, "minutes", "2020-01-13")
    assert (
        "Councillor Melvyn Caplan declared an interest in his capacity as a member of the "
        "Pension Fund Committee in respect of item 4, 'Housing Revenue Account Budget'."
    ) in written
    again = tmp_path / "again.txt"
    again.write_text(written[written.index("CITY OF WESTMINSTER") :], "utf-8")
    first, _ = read(source.read_text("utf-8"))
    second, guesses = read(again.read_text("utf-8"))
    assert facts(second) == facts(first)
    # what the published minutes did not say, clerk's do not say either
    caplan = written[written.index("Councillor Melvyn Caplan declared") :]
    assert not caplan.split("\n\n")[0].count("remained")
    assert [g for g in guesses if NOT_SAID in g]
