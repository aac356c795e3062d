"""`clerk import-minutes`, sentence by sentence: each fact the minutes write in words of their
own (a membership change, apologies with a substitute, deputies, a declaration, a vote) read
back into that fact and no other, in the wording clerk writes now and in the council's older
published wording.

tests/test_import_minutes.py holds the whole-meeting round trips; these check what each
sentence becomes in the record, since a round trip alone cannot tell a substitute read as a
membership change from one read right when both are written the same.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from clerk import importing
from clerk.importers.minutes_text import parse_minutes
from clerk.minutes.style import HouseStyle, load_style, loads_style
from clerk.record import (
    AttendanceStatus,
    DeclarationAction,
    MeetingRecord,
    VoteChoice,
    VoteMethod,
)
from tests.minutes_builders import MeetingBuilder, minutes_text

DAY = date(2019, 10, 17)
SEATS = ["Westminster", "NHS", "Police", "CCG", "Healthwatch"]
STYLES = {
    "westminster": "westminster",
    "board": "board",
    "per seat": '[attendance]\nlayout = "per_seat"\n',
}


def _style(spec: str) -> HouseStyle:
    return load_style(spec) if spec in ("westminster", "board") else loads_style(spec)


def read_back(record: MeetingRecord, style: HouseStyle) -> tuple[str, MeetingRecord, list[str]]:
    """The minutes, the record read from them, and the reader's guesses; the minutes written
    from the record read back must be the same text."""
    text = minutes_text(record, style)
    parsed = parse_minutes(text, "minutes.txt")
    assert minutes_text(parsed.record, style) == text, "\n".join(parsed.guesses)
    return text, parsed.record, list(parsed.guesses)


def names(record: MeetingRecord) -> dict[str | None, str]:
    return {p.id: p.name for p in record.people}


def status(record: MeetingRecord, name: str) -> AttendanceStatus | None:
    person = next(p for p in record.people if p.name == name)
    att = record.attendance_of(person.id)
    return att.status if att else None


def committee(**kwargs: object) -> MeetingBuilder:
    m = MeetingBuilder(**kwargs)  # type: ignore[arg-type]
    m.member("Jonathan Glanz", chair=True)
    m.member("Margot Bright")
    m.member("Alan Carmen")
    m.member("Peter Freeman")
    m.member("Selina Short")
    return m


def member(m: MeetingBuilder, name: str):
    return next(p for p in m.people if p.name == name)


def absent(m: MeetingBuilder, *people_names: str) -> None:
    ids = {member(m, n).id for n in people_names}
    m.attendance = [a for a in m.attendance if a.person_id not in ids]


# --------------------------------------------------------------------------- membership changes


@pytest.mark.parametrize("style", list(STYLES))
@pytest.mark.parametrize("change", ["replaced", "left", "joined"])
def test_a_membership_change_is_read_as_one(change: str, style: str) -> None:
    m = committee(chair_title="Chair" if style == "board" else "Chairman")
    carmen = member(m, "Alan Carmen")
    noble = m.councillor("Matt Noble")
    if change in ("replaced", "left"):
        absent(m, "Alan Carmen")
    if change in ("replaced", "joined"):
        m.attend(noble, AttendanceStatus.PRESENT)
    m.change_membership(
        left=carmen if change != "joined" else None,
        joined=noble if change != "left" else None,
    )
    text, back, _ = read_back(m.build(), _style(STYLES[style]))
    assert "stepped down" in text or "appointed" in text
    who = names(back)
    (read,) = back.meeting.membership_changes
    assert (who.get(read.left_id), who.get(read.joined_id)) == (
        "Alan Carmen" if change != "joined" else None,
        "Matt Noble" if change != "left" else None,
    )
    seated = {who[ms.person_id] for ms in back.members()}
    # the leaver's seat ended before the meeting
    assert ("Alan Carmen" in seated) is (change == "joined")
    if change != "left":
        assert "Matt Noble" in seated and status(back, "Matt Noble") is AttendanceStatus.PRESENT
        (seat,) = [ms for ms in back.memberships if who[ms.person_id] == "Matt Noble"]
        assert seat.from_date == DAY
    if change != "joined":
        (seat,) = [ms for ms in back.memberships if who[ms.person_id] == "Alan Carmen"]
        assert seat.to_date == DAY - timedelta(days=1)
        assert status(back, "Alan Carmen") is None  # not an apology, not absent: not a member
    assert not [a for a in back.attendance if a.status is AttendanceStatus.SUBSTITUTE]


def test_the_councils_published_wording_of_a_change_is_a_change() -> None:
    """The reference minutes' "stepped down for the Committee … for this meeting", with the
    surname only, as the golden test reads it."""
    m = committee()
    noble = m.councillor("Matt Noble")
    absent(m, "Alan Carmen")
    m.attend(noble, AttendanceStatus.PRESENT)
    m.change_membership(left=member(m, "Alan Carmen"), joined=noble)
    ours = minutes_text(m.build())
    written = (
        "It was noted that Councillor Alan Carmen had stepped down from the Committee and "
        "would be replaced by Councillor Matt Noble."
    )
    published = (
        "It was noted that Cllr Carmen had stepped down for the Committee and would be "
        "replaced by Cllr Noble for this meeting."
    )
    assert ours.count(written) == 1
    parsed = parse_minutes(ours.replace(written, published), "published.txt")
    who = names(parsed.record)
    assert [
        (who[c.left_id], who[c.joined_id]) for c in parsed.record.meeting.membership_changes
    ] == [("Carmen", "Matt Noble")]
    assert any("read as a membership change" in g for g in parsed.guesses)
    assert minutes_text(parsed.record) == ours.replace("Alan Carmen had", "Carmen had")


def test_a_member_listed_present_who_stepped_down_is_left_as_the_clerk_wrote_it() -> None:
    m = committee()
    text = minutes_text(m.build())
    said = (
        "It was noted that Councillor Alan Carmen had stepped down from the Committee and "
        "would be replaced by Councillor Matt Noble."
    )
    text = text.replace("There were no changes to the membership.", said)
    parsed = parse_minutes(text, "odd.txt")
    assert parsed.record.meeting.membership_changes == []
    assert said in [p.text for p in parsed.record.paragraphs]
    assert any("yet is listed as a member" in g for g in parsed.guesses)


# --------------------------------------------------------------------------- substitutes, deputies


@pytest.mark.parametrize("style", list(STYLES))
def test_apologies_with_a_substitute_keep_the_member_on_the_committee(style: str) -> None:
    m = committee(chair_title="Chair" if style == "board" else "Chairman")
    absent(m, "Alan Carmen", "Peter Freeman")
    m.attend(member(m, "Alan Carmen"), AttendanceStatus.APOLOGIES)
    m.attend(member(m, "Peter Freeman"), AttendanceStatus.APOLOGIES)
    noble = m.councillor("Matt Noble")
    m.attend(noble, AttendanceStatus.SUBSTITUTE, substitute_for=member(m, "Alan Carmen"))
    text, back, _ = read_back(m.build(), _style(STYLES[style]))
    assert (
        "Apologies for absence were received from Councillors Alan Carmen and Peter Freeman. "
        "Councillor Matt Noble attended as a substitute for Councillor Alan Carmen." in text
    )
    who = names(back)
    assert status(back, "Alan Carmen") is AttendanceStatus.APOLOGIES
    assert status(back, "Peter Freeman") is AttendanceStatus.APOLOGIES
    sub = next(a for a in back.attendance if who[a.person_id] == "Matt Noble")
    assert sub.status is AttendanceStatus.SUBSTITUTE and who[sub.substitute_for] == "Alan Carmen"
    seated = {who[ms.person_id] for ms in back.members()}
    assert "Alan Carmen" in seated and "Matt Noble" not in seated
    assert back.meeting.membership_changes == []


GROUPED = (
    '[attendance]\nlayout = "per_seat"\n[membership]\ngrouping = "deputies_after_their_members"\n'
)


@pytest.mark.parametrize(
    "spec",
    ['[attendance]\nlayout = "per_seat"\n', GROUPED, "board"],
    ids=["separate", "grouped", "board"],
)
@pytest.mark.parametrize("deputies", [1, 2])
def test_deputies_are_paired_with_the_members_they_sat_for(spec: str, deputies: int) -> None:
    m = committee(chair_title="Chair", body="Board")
    for ms, seat in zip(m.memberships, SEATS, strict=True):
        ms.seat = seat
    sat_for = ["Peter Freeman", "Alan Carmen"][:deputies]
    absent(m, "Alan Carmen", "Peter Freeman", "Selina Short")
    for name in ("Alan Carmen", "Peter Freeman", "Selina Short"):
        m.attend(member(m, name), AttendanceStatus.APOLOGIES)
    pairs = {"Zoe Adams": "Peter Freeman", "Yusuf Baker": "Alan Carmen"}
    for deputy, whom in list(pairs.items())[:deputies]:
        m.attend(m.councillor(deputy), AttendanceStatus.DEPUTY, substitute_for=member(m, whom))
    text, back, _ = read_back(m.build(), _style(spec))
    if spec == GROUPED:
        assert "respective Deputies" in text if deputies == 2 else "their Deputy" in text
        assert "were also received from Councillor" in text
    who = names(back)
    read = {
        who[a.person_id]: who[a.substitute_for]
        for a in back.attendance
        if a.status is AttendanceStatus.DEPUTY
    }
    assert read == {d: w for d, w in pairs.items() if w in sat_for}
    for name in ("Alan Carmen", "Peter Freeman", "Selina Short"):
        assert status(back, name) is AttendanceStatus.APOLOGIES


# --------------------------------------------------------------------------- declarations


@pytest.mark.parametrize("pronoun", ["", "he", "she", "they"])
@pytest.mark.parametrize("capacity", ["", "a school governor"])
def test_a_declaration_says_a_pronoun_only_when_recorded_and_reads_back(
    pronoun: str, capacity: str
) -> None:
    m = MeetingBuilder()
    m.member("Jonathan Glanz", chair=True)
    lee = m.member("Ann Lee", pronoun=pronoun)
    five = m.item("3", "WESTMINSTER'S YOUTH JUSTICE PLAN, 2019-2022")
    m.para(five, "The Committee noted the plan.")
    m.declare(
        lee,
        five,
        "other significant interest",
        capacity=capacity,
        nature="she is a magistrate",
        action=DeclarationAction.LEFT_ROOM,
    )
    text, back, _ = read_back(m.build(), load_style("westminster"))
    assert "declared a significant interest" in text
    assert "in respect of item 3, 'Westminster's Youth Justice Plan, 2019-2022'" in text
    (d,) = back.declarations
    assert (d.kind, d.capacity, d.nature, d.action) == (
        "other significant interest",
        capacity,
        "in that she is a magistrate",
        DeclarationAction.LEFT_ROOM,
    )
    assert back.item(d.item_id or "").number == "3"
    assert next(p for p in back.people if p.name == "Ann Lee").pronoun == pronoun


def test_declarations_of_each_kind_and_action_read_back() -> None:
    m = MeetingBuilder()
    m.member("Jonathan Glanz", chair=True, pronoun="he")
    bright = m.member("Margot Bright", pronoun="she")
    short = m.member("Selina Short")
    four = m.item("3", "SCHOOL STREETS")
    m.para(four, "The Committee noted the report.")
    expected = []
    for n, (who, kind, action) in enumerate(
        [
            (bright, "pecuniary interest", DeclarationAction.DID_NOT_VOTE),
            (short, "non-pecuniary interest", DeclarationAction.DISPENSATION),
            (bright, "personal interest", DeclarationAction.REMAINED),  # not a listed kind
            (short, "pecuniary interest", DeclarationAction.LEFT_ROOM),
        ]
    ):
        m.declare(who, four if n != 3 else None, kind, action=action)
        expected.append((who.name, kind, action, n != 3))
    _, back, _ = read_back(m.build(), load_style("westminster"))
    who = names(back)
    assert [
        (who[d.person_id], d.kind, d.action, d.item_id is not None) for d in back.declarations
    ] == expected


def test_the_older_declaration_wording_is_read() -> None:
    m = MeetingBuilder()
    m.member("Jonathan Glanz", chair=True)
    bright = m.member("Margot Bright", pronoun="she")
    four = m.item("3", "SCHOOL STREETS")
    m.para(four, "The Committee noted the report.")
    m.declare(bright, four, "other significant interest", action=DeclarationAction.LEFT_ROOM)
    ours = minutes_text(m.build())
    older = ours.replace(
        "declared a significant interest", "declared an other significant interest"
    )
    older = older.replace("item 3, 'School Streets'", "item 3, 'SCHOOL STREETS'")
    assert older != ours
    back = parse_minutes(older, "older.txt").record
    (d,) = back.declarations
    assert d.kind == "other significant interest"
    assert minutes_text(back) == ours


# --------------------------------------------------------------------------- votes


@pytest.mark.parametrize("method", [VoteMethod.SHOW_OF_HANDS, VoteMethod.RECORDED])
@pytest.mark.parametrize(
    "counts", [(3, 1, 0), (2, 2, 1), (1, 3, 2)], ids=["carried", "tied", "lost"]
)
def test_votes_with_figures_read_back(method: VoteMethod, counts: tuple[int, int, int]) -> None:
    m = MeetingBuilder()
    people = [m.member("Jonathan Glanz", chair=True)]
    people += [m.member(f"Member {chr(65 + n)}{'x' * n}") for n in range(sum(counts) - 1)]
    item = m.item("3", "SCHOOL STREETS")
    m.para(item, "The Committee discussed the trial.")
    (resolution,) = m.resolve(item, "That the trial be extended.")
    tied = counts[0] == counts[1]
    choices = [VoteChoice.FOR] * counts[0] + [VoteChoice.AGAINST] * counts[1]
    choices += [VoteChoice.ABSTAIN] * counts[2]
    if method is VoteMethod.RECORDED:
        m.vote(
            item,
            method=method,
            motion="That the trial be extended.",
            named=list(zip(people, choices, strict=True)),
            casting=VoteChoice.FOR if tied else None,
        )
    else:
        m.vote(
            item,
            resolution=resolution,
            votes_for=counts[0],
            against=counts[1],
            abstentions=counts[2],
            casting=VoteChoice.FOR if tied else None,
        )
    style = loads_style("[votes]\nshow_counts = true\n")
    text, back, _ = read_back(m.build(), style)
    abstentions = "no abstentions" if counts[2] == 0 else f"{counts[2]} abstention"
    assert f"({counts[0]} for, {counts[1]} against, {abstentions}" in text
    (v,) = back.votes
    assert (v.method, v.votes_for, v.votes_against, v.abstentions) == (method, *counts)
    assert v.casting_vote is (VoteChoice.FOR if tied else None)


# --------------------------------------------------------------------------- the committee's name


def test_the_committee_named_as_stored_keeps_the_minutes_spelling() -> None:
    m = committee(committee="Family and People Services Policy & Scrutiny Committee")
    text = minutes_text(m.build())
    canonical = "Family and People Services Policy and Scrutiny Committee"
    back = parse_minutes(text, "minutes.txt", committee=canonical).record
    assert back.committee.name == canonical
    assert back.committee.minutes_name == "Family and People Services Policy & Scrutiny Committee"
    assert minutes_text(back) == text
    other = parse_minutes(text, "minutes.txt", committee="Adults Committee")
    assert other.record.committee.minutes_name == ""  # another name: the clerk's, not a spelling
    assert any("as given" in g for g in other.guesses)


def test_a_council_style_names_its_own_membership_wording(tmp_path: Path) -> None:
    style_file = tmp_path / "ours.toml"
    style_file.write_text(
        "[membership]\n"
        'replaced = "{left} left the {body}; {joined} takes the seat."\n'
        'substitute = "{substitute} sat in for {member}."\n'
        "[declarations]\n"
        'item = "the item on {title}"\n',
        encoding="utf-8",
    )
    style = load_style(style_file)
    m = committee()
    absent(m, "Alan Carmen", "Peter Freeman")
    m.attend(member(m, "Peter Freeman"), AttendanceStatus.APOLOGIES)
    noble, kaur = m.councillor("Matt Noble"), m.councillor("Priya Kaur")
    m.attend(noble, AttendanceStatus.PRESENT)
    m.attend(kaur, AttendanceStatus.SUBSTITUTE, substitute_for=member(m, "Peter Freeman"))
    m.change_membership(left=member(m, "Alan Carmen"), joined=noble)
    three = m.item("3", "SCHOOL STREETS")
    m.para(three, "The Committee noted the report.")
    m.declare(member(m, "Selina Short"), three, action=DeclarationAction.REMAINED)
    record = m.build()
    text = minutes_text(record, style)
    assert (
        "Councillor Alan Carmen left the Committee; Councillor Matt Noble takes the seat." in text
    )
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(text, encoding="utf-8")
    back = importing.read_minutes(minutes, style=str(style_file)).record
    assert minutes_text(back, style) == text
    assert len(back.meeting.membership_changes) == 1 and len(back.declarations) == 1
    assert status(back, "Priya Kaur") is AttendanceStatus.SUBSTITUTE


# --------------------------------------------------------------------------- who presided

PRESIDING = {
    "board": "board",
    "inline": "westminster",
    "inline, Co-Chair": '[attendance]\nother_co_chair = "Co-{title}"\n',
    "one a line, Co-Chair": '[attendance]\nlayout = "per_person"\nother_co_chair = "Co-{title}"\n',
    "one a seat": '[attendance]\nlayout = "per_seat"\n',
}


@pytest.mark.parametrize("spec", list(PRESIDING))
@pytest.mark.parametrize("presiding", ["Tim Mitchell", "Sarah Addenbrooke", None])
def test_who_presided_over_a_joint_board_is_read(spec: str, presiding: str | None) -> None:
    m = MeetingBuilder(
        committee="Health and Wellbeing Board",
        body="Board",
        chair_title="Chair",
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"],
    )
    chairs = [m.member("Tim Mitchell", co_chair=True), m.member("Sarah Addenbrooke", co_chair=True)]
    m.member("Heather Acton")
    m.member("Zed Zulu")
    if "seat" in spec:
        for ms, seat in zip(m.memberships, SEATS, strict=False):
            ms.seat = seat
    m.meeting.presiding_id = next((p.id for p in chairs if p.name == presiding), None)
    _, back, guesses = read_back(m.build(), _style(PRESIDING[spec]))
    who = names(back)
    assert who.get(back.meeting.presiding_id) == presiding
    roles = {who[ms.person_id]: ms.role.value for ms in back.members()}
    assert roles == {
        "Tim Mitchell": "co_chair",
        "Sarah Addenbrooke": "co_chair",
        "Heather Acton": "member",
        "Zed Zulu": "member",
    }
    # unmarked, the co-chair who did not preside is known by the list's order: said so
    unmarked = presiding is not None and "Co-Chair" not in spec
    assert any("read as a co-chair" in g for g in guesses) is unmarked


# --------------------------------------------------------------------------- late and early


@pytest.mark.parametrize("style", ["westminster", "board"])
def test_arrivals_and_departures_with_a_time_an_item_or_both_read_back(style: str) -> None:
    m = committee(chair_title="Chair" if style == "board" else "Chairman")
    four, six = m.item("3", "SCHOOL STREETS"), m.item("4", "ANY OTHER BUSINESS")
    m.para(four, "The Committee noted the report.")
    m.para(six, "There was no other business.")
    m.attend(
        member(m, "Selina Short"),
        AttendanceStatus.PRESENT,
        arrived_at=time(19, 10),
        arrived_item=four,
    )
    m.attend(
        member(m, "Margot Bright"), AttendanceStatus.PRESENT, arrived_item=four, left_at=time(20, 5)
    )
    m.attend(member(m, "Jonathan Glanz"), AttendanceStatus.PRESENT, left_item=six)
    text, back, _ = read_back(m.build(), _style(style))
    assert "Councillor Margot Bright arrived during item 3." in text
    who = names(back)
    read = {
        who[a.person_id]: (
            a.arrived_at,
            back.item(a.arrived_item_id).number if a.arrived_item_id else None,
            a.left_at,
            back.item(a.left_item_id).number if a.left_item_id else None,
        )
        for a in back.attendance
        if a.arrived_at or a.arrived_item_id or a.left_at or a.left_item_id
    }
    assert read == {
        "Selina Short": (time(19, 10), "3", None, None),
        "Margot Bright": (None, "3", time(20, 5), None),
        "Jonathan Glanz": (None, None, None, "4"),
    }
