"""`clerk import-minutes`: published minutes read back into a meeting record.

The measure of the reader is the round trip: a record's minutes, read back, must give a
record whose minutes are the same text, word for word, in every layout the house style guide
describes; and the council's own published minutes must give a record from which clerk
writes them as the golden test expects.
"""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk import importing
from clerk.cli import main
from clerk.errors import InputError
from clerk.importers.minutes_text import parse_minutes
from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import render_markdown, render_text
from clerk.minutes.style import HouseStyle, load_style, loads_style
from clerk.record import (
    AttendanceStatus,
    DeclarationAction,
    MeetingStatus,
    Part,
    VoteChoice,
    VoteMethod,
)
from clerk.samples import read_sample, sample_files
from clerk.store import Store
from tests import test_minutes_golden as golden
from tests.minutes_builders import MeetingBuilder

HERE = Path(__file__).resolve().parent
PACK = HERE / "fixtures" / "reference_pack_2019-11-25.txt"  # shared/reference/001_…txt
CANONICAL = "Family and People Services Policy and Scrutiny Committee"


def compose(record, style: HouseStyle | None = None, *, markdown: bool = False) -> str:
    style = style or load_style(record.committee.style)
    document = compose_minutes(record, style, draft=False)
    return render_markdown(document) if markdown else render_text(document)


def round_trip(record, style: HouseStyle | None = None, *, markdown: bool = False):
    """(the minutes, the record read back from them, that record's minutes)."""
    text = compose(record, style, markdown=markdown)
    parsed = parse_minutes(text, "minutes.md" if markdown else "minutes.txt")
    return text, parsed, compose(parsed.record, style, markdown=markdown)


# --------------------------------------------------------------------------- the council's own

#: Where the minutes clerk writes from the record read out of the published minutes differ
#: from those it writes from the sample record (the golden test's reference, its DELIBERATE
#: differences applied): (the sample's text, the text read back, count, why). Each must apply
#: exactly `count` times; nothing else may differ.
FROM_THE_MINUTES: tuple[tuple[str, str, int, str], ...] = (
    (
        "It was noted that Councillor Alan Carmen had stepped down",
        "It was noted that Councillor Carmen had stepped down",
        1,
        "the published minutes name him 'Cllr Carmen' only: his first name is the sample "
        "record's, and comes from the store when the committee is stored "
        "(test_minutes_spelling_the_committee_otherwise_join_the_stored_committee)",
    ),
)


def read_back_lines() -> list[str]:
    """The golden test's reference as clerk writes it from the published minutes read back."""
    text = "\n".join(golden.reference_lines())
    for ours, read, count, why in FROM_THE_MINUTES:
        assert text.count(ours) == count, f"{ours!r} ({why})"
        text = text.replace(ours, read)
    return text.split("\n")


def test_the_published_minutes_regenerate_as_the_golden_test_expects() -> None:
    incoming = importing.read_minutes(golden.REFERENCE, committee=CANONICAL)
    document = compose_minutes(incoming.record, load_style("westminster"), draft=False)
    assert golden.normalise(render_text(document).splitlines()) == read_back_lines()
    # what the reader had to decide is said, not hidden
    said = " ".join(incoming.guesses)
    assert "4.2 is numbered twice" in said
    assert "'8:59pm' is written '8.59 pm'" in said
    assert "Carmen" in said


def test_minutes_inside_the_agenda_pack_are_found_and_the_rest_left() -> None:
    incoming = importing.read_minutes(PACK, committee=CANONICAL)
    document = compose_minutes(incoming.record, load_style("westminster"), draft=False)
    assert golden.normalise(render_text(document).splitlines()) == read_back_lines()
    assert any("rest of the pack" in g for g in incoming.guesses)


def test_the_published_minutes_give_the_meeting_as_recorded() -> None:
    record = importing.read_minutes(golden.REFERENCE, committee=CANONICAL).record
    sample = read_sample("fps-2019-10-17.json")
    assert record.meeting.date == date(2019, 10, 17)
    assert record.meeting.end_time == time(20, 59)
    assert record.meeting.approves_minutes_of == date(2019, 6, 17)
    assert record.meeting.status is MeetingStatus.CONFIRMED
    assert [(i.number, i.title) for i in record.agenda()] == [
        (i.number, i.title) for i in sample.agenda()
    ]
    by_name = {p.name: p for p in record.people}
    # "Cllr Carmen had stepped down for the Committee and would be replaced by Cllr Noble for
    # this meeting": a membership change, as the sample records it (the golden test's reading)
    names = {p.id: p.name for p in record.people}
    sample_names = {p.id: p.name for p in sample.people}
    assert [
        (names[c.left_id or ""], names[c.joined_id or ""])
        for c in record.meeting.membership_changes
    ] == [("Carmen", "Matt Noble")]
    assert [
        (sample_names[c.left_id or ""], sample_names[c.joined_id or ""])
        for c in sample.meeting.membership_changes
    ] == [("Alan Carmen", "Matt Noble")]
    noble = record.attendance_of(by_name["Matt Noble"].id)
    assert noble is not None and noble.status is AttendanceStatus.PRESENT
    assert record.attendance_of(by_name["Carmen"].id) is None
    assert {by_name["Matt Noble"].id} <= {m.person_id for m in record.members()}
    assert by_name["Carmen"].id not in {m.person_id for m in record.members()}
    assert record.attendance_of(by_name["Heather Acton"].id).status is (
        AttendanceStatus.ALSO_PRESENT
    )
    chairs = [p.name for p in record.chairs()]
    assert chairs == ["Jonathan Glanz"]
    assert [p.text for p in record.paragraphs] == [p.text for p in sample.paragraphs]
    assert [p.bullets for p in record.paragraphs] == [p.bullets for p in sample.paragraphs]
    assert [r.text for r in record.resolutions] == [r.text for r in sample.resolutions]


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("sample", [p.name for p in sample_files()])
@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
def test_each_sample_meeting_round_trips(sample: str, markdown: bool) -> None:
    text, _, again = round_trip(read_sample(sample), markdown=markdown)
    assert again == text


def full_meeting(**kwargs: object) -> MeetingBuilder:
    """A meeting with everything the minutes generate: substitute, apologies, a late arrival,
    declarations of each kind, votes of each method, an exempt item."""
    m = MeetingBuilder(**kwargs)  # type: ignore[arg-type]
    m.member("Jonathan Glanz", chair=True, pronoun="he")
    bright = m.member("Margot Bright", pronoun="she")
    carmen = m.member("Alan Carmen", present=False)
    m.member("Peter Freeman", present=False)
    short = m.member("Selina Short", pronoun="she")
    noble = m.councillor("Matt Noble")
    m.attend(noble, AttendanceStatus.SUBSTITUTE, substitute_for=carmen)
    m.attend(m.people[3], AttendanceStatus.APOLOGIES)
    m.attend(m.councillor("Heather Acton"), AttendanceStatus.ALSO_PRESENT)
    three = m.item("3", "MINUTES")
    m.resolve(
        three,
        f"That the Minutes of the {m.committee.name} meeting held on 17 June 2019 be approved.",
    )
    four = m.item("4", "SCHOOL STREETS")
    m.para(four, "Jane Doe (Head of Highways) introduced the report.")
    m.para(
        four,
        "The Committee discussed the following:",
        ["Pimlico – It was noted that the trial had ended.", "Soho – Concern was expressed."],
    )
    m.para(four, "Councillor Margot Bright left the room.")
    m.paragraphs[-1].note = True  # unnumbered, in the style's brackets
    resolutions = m.resolve(four, "That the report be noted.", "That officers report back.")
    m.vote(four, votes_for=4, against=1, abstentions=1, resolution=resolutions[0])
    m.vote(
        four,
        method=VoteMethod.RECORDED,
        motion="That the trial be extended.",
        named=[(bright, VoteChoice.FOR), (short, VoteChoice.AGAINST), (noble, VoteChoice.ABSTAIN)],
    )
    m.declare(bright, four, nature="she lives in Pimlico", action=DeclarationAction.LEFT_ROOM)
    m.declare(short, four, "non-pecuniary interest", capacity="a school governor")
    m.attend(short, AttendanceStatus.PRESENT, arrived_at=time(19, 10), arrived_item=four)
    five = m.item("5", "CONTRACT AWARD", exempt_paragraphs=[3], summary="A contract was awarded.")
    m.para(five, "The confidential figure was £1,234,567.")
    m.resolve(five, "That the confidential bid be accepted.")
    six = m.item("6", "ANY OTHER BUSINESS")
    m.para(six, "There was no other business.")
    return m


def test_every_generated_sentence_round_trips() -> None:
    record = full_meeting().build()
    text, parsed, again = round_trip(record)
    assert again == text
    back = parsed.record
    assert {d.kind for d in back.declarations} == {"pecuniary interest", "non-pecuniary interest"}
    # the house style prints no counts for a show of hands: without them there is no vote to
    # record, so the sentence stays the paragraph it is, and the reader says so
    assert [v.method for v in back.votes] == [VoteMethod.RECORDED]
    names = {p.id: p.name for p in back.people}
    assert {names[k]: c for k, c in back.votes[0].named.items()} == {
        "Margot Bright": VoteChoice.FOR,
        "Selina Short": VoteChoice.AGAINST,
        "Matt Noble": VoteChoice.ABSTAIN,
    }
    assert any("show of hands" in g for g in parsed.guesses)
    assert [p.text for p in back.paragraphs if p.note] == [
        "Councillor Margot Bright left the room."
    ]
    exempt = [i for i in back.items if i.part is Part.EXEMPT]
    assert [(i.number, i.exempt_paragraphs, i.public_summary) for i in exempt] == [
        ("5", [3], "A contract was awarded.")
    ]
    assert not [p for p in back.paragraphs if p.item_id == exempt[0].id]
    # the public minutes never held the exempt text, so the record read from them cannot
    assert "£1,234,567" not in repr(back)
    assert "confidential bid" not in repr(back)


def test_a_show_of_hands_with_counts_is_a_vote_again() -> None:
    style = loads_style("[votes]\nshow_counts = true\n")
    text, parsed, again = round_trip(full_meeting().build(), style)
    assert again == text
    show = [v for v in parsed.record.votes if v.method is VoteMethod.SHOW_OF_HANDS]
    assert [(v.votes_for, v.votes_against, v.abstentions) for v in show] == [(4, 1, 1)]


SEATS = ["Westminster", "NHS", "Police", "Healthwatch", "CCG"]

VARIANTS = {
    "board: one a line, councillors first, (1), start time, Chair": "board",
    "RESOLVED: That hoisted, (1)": '[resolutions]\nlabel = "({n})"\nhoist_that = true\n',
    "numbered (1) without hoisting": '[resolutions]\nlabel = "({n})"\n',
    "RESOLVED – with a dash": '[resolutions]\nheading = "RESOLVED –"\n',
    "one line a seat with a deputy": '[attendance]\nlayout = "per_seat"\n',
    "one line a person, officers listed": (
        '[attendance]\nlayout = "per_person"\nofficers = true\n[heading]\nchair_title = "Chair"\n'
    ),
    "inline with officers": "[attendance]\nofficers = true\n",
    "other declarations and membership wording": (
        '[declarations]\nnone = "No declarations were received."\n'
        '[membership]\nnone = "There were no apologies for absence."\n'
    ),
}


def _style(spec: str) -> HouseStyle:
    return load_style("board") if spec == "board" else loads_style(spec)


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_variant_layouts_round_trip(variant: str, markdown: bool) -> None:
    style = _style(VARIANTS[variant])
    m = full_meeting(chair_title="Chair" if "Chair" in variant else "Chairman")
    if "seat" in variant:
        for ms, seat in zip(m.memberships, SEATS, strict=True):
            ms.seat = seat
        deputy = m.councillor("Ann Deputy")
        m.attend(deputy, AttendanceStatus.DEPUTY, substitute_for=m.people[3])
    if "officers" in variant:
        m.attend(m.person("Jane Doe", role="Head of Highways"), AttendanceStatus.OFFICER)
    record = m.build()
    text, parsed, again = round_trip(record, style, markdown=markdown)
    assert again == text, "\n".join(parsed.guesses)


def test_html_minutes_round_trip(tmp_path) -> None:
    from clerk.minutes.render_text import render_html

    record = full_meeting().build()
    page = tmp_path / "minutes.html"
    page.write_text(render_html(compose_minutes(record, load_style("westminster"), draft=False)))
    back = importing.read_minutes(page).record
    assert compose(back) == compose(record)


def test_a_joint_committee_names_both_councils_again() -> None:
    m = full_meeting(
        committee="Health and Wellbeing Board",
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"],
        body="Board",
        chair_title="Chair",
    )
    record = m.build()
    text, parsed, again = round_trip(record, load_style("board"))
    assert again == text
    assert parsed.record.committee.councils == record.committee.councils
    assert "joint meeting" in text


@pytest.mark.parametrize("fate", ["substitute", "replaced"])
def test_one_in_a_members_place_is_not_read_as_an_unmarked_co_chair(fate: str) -> None:
    """One person a line on a joint committee: the chair, then Evans in Dunne's place, then
    Carmen attending. Evans sorts after Carmen, which is how an unmarked co-chair is told
    apart (the co-chair who did not preside comes straight after the chair, out of A–Z
    order), but the minutes say Evans sat for Dunne: a member, listed in Dunne's place."""
    m = MeetingBuilder(
        CANONICAL,
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"],
        chair_title="Chair",
    )
    m.member("Anne Acton", chair=True)
    dunne = m.member("Chloe Dunne")
    m.attendance = [a for a in m.attendance if a.person_id != dunne.id]
    evans = m.councillor("David Evans")
    if fate == "substitute":
        m.attend(evans, AttendanceStatus.SUBSTITUTE, substitute_for=dunne)
    else:
        m.attend(evans, AttendanceStatus.PRESENT)
        m.change_membership(left=dunne, joined=evans)
    m.attend(m.councillor("Elena Carmen"), AttendanceStatus.ALSO_PRESENT)
    text, parsed, again = round_trip(m.build(), load_style("board"))
    assert text.index("Councillor David Evans") < text.index("Councillor Elena Carmen")
    assert again == text, "\n".join(parsed.guesses)
    assert not any("co-chair" in guess for guess in parsed.guesses)


def test_item_headings_without_a_full_stop_and_a_resolved_dash_are_read() -> None:
    record = full_meeting().build()
    text = compose(record)
    variant = re.sub(r"(?m)^(\d+)\. ([A-Z])", r"\1 \2", text).replace("RESOLVED:", "RESOLVED –")
    assert variant != text
    parsed = parse_minutes(variant, "variant.txt")
    assert compose(parsed.record) == text


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("Minutes of a meeting", "Notes of a meeting", "no opening sentence"),
        ("4.3 The Committee", "5.3 The Committee", "is the heading of item 5 missing"),
        ("6. ANY OTHER", "4. ANY OTHER", "item 4 appears twice"),
        ("CITY OF WESTMINSTER", "CONFIDENTIAL", "confidential minutes"),
        ("Thursday 17 October", "Thursday 37 October", "not a date"),
    ],
)
def test_bad_minutes_name_the_file_and_line(old: str, new: str, says: str) -> None:
    text = compose(full_meeting().build()).replace(old, new, 1)
    with pytest.raises(InputError) as caught:
        parse_minutes(text, "bad.txt")
    assert caught.value.source == "bad.txt"
    lines = text.splitlines()
    expected = (
        None
        if says.startswith("no opening")
        else 1 + next(n for n, line in enumerate(lines) if new in line)
    )
    assert caught.value.line == expected, str(caught.value)
    assert says in str(caught.value)


def test_the_command_imports_shows_guesses_and_writes_nothing_on_failure(tmp_path) -> None:
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    good = tmp_path / "minutes.md"
    good.write_text(golden.REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    dry = runner.invoke(main, ["--db", str(db), "import-minutes", str(good), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Guessed:" in dry.output and "Dry run: nothing written." in dry.output
    assert not db.exists()
    bad = tmp_path / "bad.txt"
    bad.write_text(good.read_text(encoding="utf-8").replace("4.3 The", "5.3 The"), "utf-8")
    failed = runner.invoke(main, ["--db", str(db), "import-minutes", str(bad)])
    assert failed.exit_code == 1
    assert "bad.txt, line" in failed.output
    assert not db.exists() or Store(db).list_meetings() == []
    done = runner.invoke(main, ["--db", str(db), "import-minutes", str(good)])
    assert done.exit_code == 0, done.output
    store = Store(db)
    try:
        (meeting,) = store.list_meetings()
        record = store.load_record(meeting.id)
    finally:
        store.close()
    assert len(record.paragraphs) == 17 and len(record.resolutions) == 9
    again = runner.invoke(main, ["--db", str(db), "import-minutes", str(good)])
    assert again.exit_code == 1 and "--new" in again.output


def test_minutes_spelling_the_committee_otherwise_join_the_stored_committee(tmp_path) -> None:
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "load-samples"]).exit_code == 0
    done = runner.invoke(main, ["--db", str(db), "import-minutes", str(golden.REFERENCE), "--new"])
    assert done.exit_code == 0, done.output
    assert "as stored" in done.output
    assert "Carmen is Alan Carmen, as stored" in " ".join(done.output.split())
    assert "surname only" not in done.output
    store = Store(db)
    try:
        assert [c.name for c in store.committees()] == [CANONICAL]
        assert sum(p.name.endswith("Carmen") for p in store.people()) == 1
    finally:
        store.close()
    store = Store(db)
    try:
        october = [m.id for m in store.list_meetings() if m.date == date(2019, 10, 17)]
    finally:
        store.close()
    assert len(october) == 2  # the sample as recorded and as read from its minutes
    texts = set()
    for meeting_id in october:
        written = runner.invoke(main, ["--db", str(db), "minutes", meeting_id[:8]])
        assert written.exit_code == 0, written.output
        texts.add(written.output.removeprefix("DRAFT\n\n"))
    assert len(texts) == 1  # one text: the change and its people are the stored ones
    assert "Councillor Alan Carmen had stepped down from the Committee" in texts.pop()


# --------------------------------------------------------------------------- styles


def test_minutes_in_a_council_style_come_back_in_it(tmp_path: Path) -> None:
    """`--style` names the style the minutes were written in: its wording is read as
    generated, and `clerk minutes` writes the imported meeting in it again."""
    style_file = tmp_path / "our-council.toml"
    style_file.write_text(
        '[attendance]\nlayout = "per_seat"\n'
        '[membership]\nnone = "No apologies or substitutions were reported."\n'
        '[resolutions]\nlabel = "({n})"\n',
        encoding="utf-8",
    )
    m = full_meeting()
    for ms, seat in zip(m.memberships, SEATS, strict=True):
        ms.seat = seat
    m.attendance = [a for a in m.attendance if a.status is not AttendanceStatus.SUBSTITUTE]
    m.attendance = [a for a in m.attendance if a.status is not AttendanceStatus.APOLOGIES]
    record = m.build()
    text = compose(record, load_style(style_file))
    assert "No apologies or substitutions were reported." in text
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(text, encoding="utf-8")
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    done = runner.invoke(
        main, ["--db", str(db), "import-minutes", str(minutes), "--style", str(style_file)]
    )
    assert done.exit_code == 0, done.output
    written = runner.invoke(main, ["--db", str(db), "minutes", "2019-10-17"])
    assert written.exit_code == 0, written.output
    assert written.output == text


def test_clerk_minutes_regenerates_the_imported_pack_as_the_golden_test_expects(
    tmp_path: Path,
) -> None:
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    done = runner.invoke(
        main, ["--db", str(db), "import-minutes", str(PACK), "--committee", CANONICAL]
    )
    assert done.exit_code == 0, done.output
    written = runner.invoke(main, ["--db", str(db), "minutes", "2019-10-17"])
    assert written.exit_code == 0, written.output
    assert golden.normalise(written.output.splitlines()) == read_back_lines()
