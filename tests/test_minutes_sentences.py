"""The sentences compose writes, one situation at a time, in the house style's own words."""

from __future__ import annotations

from datetime import time

from clerk.minutes.compose import compose_minutes, exclusion_resolution
from clerk.minutes.document import Paragraph, Resolved
from clerk.minutes.render_text import render_html, render_markdown
from clerk.minutes.style import load_style, loads_style
from clerk.record import AttendanceStatus, DeclarationAction, VoteChoice, VoteMethod
from tests.minutes_builders import (
    MeetingBuilder,
    committee_of_three,
    lines,
    minutes_text,
)

WESTMINSTER = load_style("westminster")


def numbered(text: str, number: str) -> str:
    return next(line for line in lines(text) if line.startswith(number + " "))


# --------------------------------------------------------------------------- attendance


def test_substitute_sits_in_the_place_of_the_member_replaced() -> None:
    m, _ = committee_of_three()
    payne = m.member("Alice Payne", present=False, pronoun="she")
    m.attend(payne, AttendanceStatus.APOLOGIES)
    m.member("Peter Freeman")
    m.attend(m.councillor("Matt Noble"), AttendanceStatus.SUBSTITUTE, substitute_for=payne)
    text = minutes_text(m.build())
    assert (
        "Members Present: Councillors Jonathan Glanz (Chairman), Margot Bright, Peter Freeman, "
        "Matt Noble and Selina Short" in lines(text)
    )
    # she sent apologies and stays on the committee: nothing says she stepped down
    assert numbered(text, "1.1") == (
        "1.1 Apologies for absence were received from Councillor Alice Payne. Councillor Matt "
        "Noble attended as a substitute for Councillor Alice Payne."
    )
    assert "stepped down" not in text


def test_a_membership_change_is_noted_as_one() -> None:
    m, _ = committee_of_three()
    carmen = m.member("Alan Carmen", present=False, pronoun="he")
    m.member("Peter Freeman")
    noble = m.councillor("Matt Noble")
    m.change_membership(left=carmen, joined=noble)
    m.attend(noble, AttendanceStatus.PRESENT)
    text = minutes_text(m.build())
    # the new member is listed in the place of the one he replaced, as a member
    assert (
        "Members Present: Councillors Jonathan Glanz (Chairman), Margot Bright, Matt Noble, "
        "Peter Freeman and Selina Short" in lines(text)
    )
    assert numbered(text, "1.1") == (
        "1.1 It was noted that Councillor Alan Carmen had stepped down from the Committee and "
        "would be replaced by Councillor Matt Noble."
    )
    assert "Apologies" not in text and "substitute" not in text


def test_a_member_leaving_and_one_joining_without_replacing_anyone() -> None:
    m, people = committee_of_three()
    joined = m.councillor("Ruth Ahmed")
    m.change_membership(left=people["short"])
    m.attend(people["short"], AttendanceStatus.ALSO_PRESENT)
    m.change_membership(joined=joined)
    m.attend(joined, AttendanceStatus.PRESENT)
    text = minutes_text(m.build())
    assert numbered(text, "1.1") == (
        "1.1 It was noted that Councillor Selina Short had stepped down from the Committee."
    )
    assert numbered(text, "1.2") == (
        "1.2 It was noted that Councillor Ruth Ahmed had been appointed to the Committee."
    )


def test_no_changes_to_the_membership() -> None:
    m, _ = committee_of_three()
    assert numbered(minutes_text(m.build()), "1.1") == (
        "1.1 There were no changes to the membership."
    )


def test_apologies_a_to_z_with_roles_for_non_councillors() -> None:
    m, _ = committee_of_three()
    zed = m.member("Zara Zed", present=False)
    m.attend(zed, AttendanceStatus.APOLOGIES)
    flaherty = m.person("Bernie Flaherty", role="Executive Director, Adult Social Care and Health")
    m.attend(flaherty, AttendanceStatus.APOLOGIES)
    adams = m.member("Ann Adams", present=False)
    m.attend(adams, AttendanceStatus.APOLOGIES)
    heffernan = m.person(
        "Catherine Heffernan", role="Principal Advisor", organisation="NHS England"
    )
    m.attend(heffernan, AttendanceStatus.APOLOGIES)
    assert numbered(minutes_text(m.build()), "1.1") == (
        "1.1 Apologies for absence were received from Councillor Ann Adams, Bernie Flaherty "
        "(Executive Director, Adult Social Care and Health), Catherine Heffernan (Principal "
        "Advisor – NHS England) and Councillor Zara Zed."
    )


def test_deputies_attend_as_their_respective_deputies() -> None:
    m = MeetingBuilder("Health and Wellbeing Board", chair_title="Chair", body="Board")
    m.member("Tim Mitchell", chair=True)
    police = m.member("Sue Williams", honorific="Chief Superintendent", present=False)
    health = m.member("Jules Martin", honorific="Dr", present=False)
    m.attend(
        m.person("Kevin Lee", honorific="Inspector"), AttendanceStatus.DEPUTY, substitute_for=police
    )
    m.attend(
        m.person("Neville Purssell", honorific="Dr"), AttendanceStatus.DEPUTY, substitute_for=health
    )
    assert numbered(minutes_text(m.build()), "1.1") == (
        "1.1 Inspector Kevin Lee and Dr Neville Purssell attended as Deputies for Chief "
        "Superintendent Sue Williams and Dr Jules Martin respectively."
    )


def test_one_deputy_is_named_with_the_member() -> None:
    m, people = committee_of_three()
    m.attend(people["short"], AttendanceStatus.APOLOGIES)
    m.attend(m.councillor("Dan Deputy"), AttendanceStatus.DEPUTY, substitute_for=people["short"])
    assert numbered(minutes_text(m.build()), "1.2") == (
        "1.2 Councillor Dan Deputy attended as Deputy for Councillor Selina Short."
    )


def test_also_present_and_officers_are_not_listed_in_westminster_style() -> None:
    m, _ = committee_of_three()
    m.attend(
        m.councillor("Heather Acton", role="Cabinet Member for Family Services"),
        AttendanceStatus.ALSO_PRESENT,
    )
    m.attend(m.person("Aaron Hardy", role="Policy and Scrutiny Manager"), AttendanceStatus.OFFICER)
    text = minutes_text(m.build())
    assert "Also present: Councillor Heather Acton." in lines(text)
    assert "Aaron Hardy" not in text


def test_late_arrival_and_early_departure_are_minuted_at_the_item() -> None:
    m, people = committee_of_three()
    four = m.item("4", "CABINET MEMBER UPDATE")
    five = m.item("5", "WORK PROGRAMME")
    m.para(four, "The Committee received the update.")
    m.para(five, "The Committee noted the work programme.")
    m.attend(people["bright"], AttendanceStatus.PRESENT, arrived_at=time(19, 20), arrived_item=four)
    m.attend(people["short"], AttendanceStatus.PRESENT, left_at=time(20, 30), left_item=five)
    text = minutes_text(m.build())
    assert numbered(text, "4.1") == "4.1 Councillor Margot Bright arrived at 7.20 pm during item 4."
    assert numbered(text, "4.2") == "4.2 The Committee received the update."
    assert numbered(text, "5.2") == (
        "5.2 Councillor Selina Short left the meeting at 8.30 pm during item 5."
    )


def test_late_arrival_without_an_item_follows_the_attendance() -> None:
    m, people = committee_of_three()
    m.attend(people["bright"], AttendanceStatus.PRESENT, arrived_at=time(19, 5))
    out = lines(minutes_text(m.build()))
    at = out.index("Councillor Margot Bright arrived at 7.05 pm.")
    assert out[at - 1].startswith("Members Present:")


# --------------------------------------------------------------------------- declarations


def test_no_declarations() -> None:
    m, _ = committee_of_three()
    assert numbered(minutes_text(m.build()), "2.1") == "2.1 There were no declarations of interest."


def test_each_declaration_is_its_own_paragraph_with_kind_item_nature_and_action() -> None:
    m, p = committee_of_three()
    five = m.item("5", "PLANNING APPLICATIONS")
    six = m.item("6", "SCHOOL ORGANISATION")
    m.declare(
        p["bright"],
        five,
        "pecuniary interest",
        nature="she owns a property on the street",
        action=DeclarationAction.LEFT_ROOM,
    )
    m.declare(
        p["glanz"],
        six,
        "other significant interest",
        nature="in that he is a governor of the school",
        action=DeclarationAction.DID_NOT_VOTE,
    )
    m.declare(
        p["short"],
        six,
        "non-pecuniary interest",
        capacity="a trustee of the Westminster Society",
        action=DeclarationAction.REMAINED,
    )
    they = m.councillor("Sam Taylor", pronoun="they")
    m.attend(they, AttendanceStatus.ALSO_PRESENT)
    m.declare(they, five, "pecuniary interest", action=DeclarationAction.DISPENSATION)
    m.declare(p["glanz"], five, "pecuniary interest", action=DeclarationAction.LEFT_ROOM)
    text = minutes_text(m.build())
    assert numbered(text, "2.1") == (
        "2.1 Councillor Margot Bright declared a pecuniary interest in respect of item 5, "
        "'Planning Applications', in that she owns a property on the street. She left the room "
        "during the consideration of the item and took no part in the discussion or vote."
    )
    assert numbered(text, "2.2") == (
        "2.2 Councillor Jonathan Glanz declared a significant interest in respect of "
        "item 6, 'School Organisation', in that he is a governor of the school. He remained in "
        "the room for the discussion of the item but took no part in the vote."
    )
    assert numbered(text, "2.3") == (
        "2.3 Councillor Selina Short declared a non-pecuniary interest in her capacity as a "
        "trustee of the Westminster Society in respect of item 6, 'School Organisation'. She "
        "remained in the room and took part in the discussion and vote."
    )
    assert numbered(text, "2.4") == (
        "2.4 Councillor Sam Taylor declared a pecuniary interest in respect of item 5, "
        "'Planning Applications'. They took part in the discussion and vote under a "
        "dispensation."
    )
    assert numbered(text, "2.5").endswith(
        "He left the room during the consideration of the item and took no part in the "
        "discussion or vote."
    )


def test_a_different_no_declarations_sentence_from_the_style(tmp_path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[declarations]\nnone = "No declarations were received."\n')
    m, _ = committee_of_three()
    assert numbered(minutes_text(m.build(), path), "2.1") == "2.1 No declarations were received."


# --------------------------------------------------------------------------- items


def test_paragraphs_are_numbered_by_position_with_bullets_inside() -> None:
    m, _ = committee_of_three()
    four = m.item("4", "CABINET MEMBER UPDATE")
    m.para(four, "First.")
    m.para(four, "Second:", ["Topic one – detail.", "Topic two – detail."])
    m.para(four, "Third.")
    out = lines(minutes_text(m.build()))
    at = out.index("4. CABINET MEMBER UPDATE")
    assert out[at + 1 : at + 6] == [
        "4.1 First.",
        "4.2 Second:",
        "- Topic one – detail.",
        "- Topic two – detail.",
        "4.3 Third.",
    ]


def test_single_resolution_as_the_only_content_carries_the_paragraph_number() -> None:
    m, _ = committee_of_three()
    three = m.item("3", "MINUTES")
    m.resolve(three, "That the Minutes of the meeting held on 17 June 2019 be approved")
    out = lines(minutes_text(m.build()))
    at = out.index("3. MINUTES")
    assert out[at + 1 : at + 3] == [
        "RESOLVED:",
        "3.1 That the Minutes of the meeting held on 17 June 2019 be approved.",
    ]


def test_resolution_list_punctuation_whatever_was_stored() -> None:
    m, _ = committee_of_three()
    five = m.item("5", "REPORT")
    m.para(five, "The report was discussed.")
    m.resolve(
        five, "That A be noted;", "That B be explored; and", "That C be circulated.", "That D"
    )
    out = lines(minutes_text(m.build()))
    at = out.index("RESOLVED:")
    assert out[at : at + 5] == [
        "RESOLVED:",
        "1) That A be noted;",
        "2) That B be explored;",
        "3) That C be circulated; and",
        "4) That D.",
    ]


def test_items_keep_their_numbers_and_follow_the_agenda_unless_the_style_says(tmp_path) -> None:
    m, _ = committee_of_three()
    m.item("3", "THIRD", taken_order=2)
    m.item("4", "FOURTH", taken_order=1)
    agenda = [ln for ln in lines(minutes_text(m.build())) if ln in ("3. THIRD", "4. FOURTH")]
    assert agenda == ["3. THIRD", "4. FOURTH"]
    path = tmp_path / "taken.toml"
    path.write_text('[items]\norder = "taken"\n')
    taken = [ln for ln in lines(minutes_text(m.build(), path)) if ln in ("3. THIRD", "4. FOURTH")]
    assert taken == ["4. FOURTH", "3. THIRD"]


# --------------------------------------------------------------------------- votes


def test_no_vote_sentence_unless_a_vote_was_recorded() -> None:
    m, _ = committee_of_three()
    five = m.item("5", "REPORT")
    m.resolve(five, "That the report be noted.")
    assert "vote" not in minutes_text(m.build()).casefold()


def test_recorded_vote_names_members_for_against_and_abstaining() -> None:
    m, p = committee_of_three()
    freeman = m.member("Peter Freeman")
    five = m.item("5", "PARKING")
    (res,) = m.resolve(five, "That the proposals be approved.")
    m.vote(
        five,
        method=VoteMethod.RECORDED,
        resolution=res,
        named=[
            (p["glanz"], VoteChoice.FOR),
            (p["short"], VoteChoice.FOR),
            (freeman, VoteChoice.FOR),
            (p["bright"], VoteChoice.AGAINST),
        ],
    )
    assert numbered(minutes_text(m.build()), "5.1") == (
        "5.1 A recorded vote was taken on the motion that the proposals be approved. Voting "
        "for: Councillors Peter Freeman, Jonathan Glanz and Selina Short. Voting against: "
        "Councillor Margot Bright. The motion was carried."
    )


def test_recorded_vote_with_abstention_and_casting_vote() -> None:
    m, p = committee_of_three()
    freeman = m.member("Peter Freeman")
    five = m.item("5", "PARKING")
    m.vote(
        five,
        method=VoteMethod.RECORDED,
        motion="That the item be deferred",
        named=[
            (p["glanz"], VoteChoice.FOR),
            (p["bright"], VoteChoice.AGAINST),
            (p["short"], VoteChoice.ABSTAIN),
            (freeman, VoteChoice.FOR),
        ],
        casting=None,
    )
    assert numbered(minutes_text(m.build()), "5.1") == (
        "5.1 A recorded vote was taken on the motion that the item be deferred. Voting for: "
        "Councillors Peter Freeman and Jonathan Glanz. Voting against: Councillor Margot "
        "Bright. Abstaining: Councillor Selina Short. The motion was carried."
    )


def test_casting_vote_is_said() -> None:
    m, _ = committee_of_three()
    five = m.item("5", "PARKING")
    m.vote(
        five, motion="That the item be deferred.", votes_for=2, against=2, casting=VoteChoice.FOR
    )
    assert numbered(minutes_text(m.build()), "5.1") == (
        "5.1 On a show of hands on the motion that the item be deferred, the votes were equal "
        "and the Chairman gave a casting vote for the motion, which was therefore carried."
    )


def test_show_of_hands_counts_only_when_the_style_says(tmp_path) -> None:
    m, _ = committee_of_three()
    five = m.item("5", "PARKING")
    m.vote(five, votes_for=5, against=2, abstentions=1)
    m.vote(five, motion="That the item be deferred", votes_for=1, against=6)
    record = m.build()
    text = minutes_text(record)
    assert numbered(text, "5.1") == "5.1 On a show of hands, the motion was carried."
    assert numbered(text, "5.2") == (
        "5.2 On a show of hands, the motion that the item be deferred was lost."
    )
    path = tmp_path / "counts.toml"
    path.write_text("[votes]\nshow_counts = true\n")
    assert numbered(minutes_text(record, path), "5.1") == (
        "5.1 On a show of hands, the motion was carried (5 for, 2 against, 1 abstention)."
    )


# --------------------------------------------------------------------------- exempt items


def _with_exempt_item() -> MeetingBuilder:
    m, p = committee_of_three()
    four = m.item("4", "PUBLIC REPORT")
    m.para(four, "The Committee noted the public report.")
    eight = m.item(
        "8", "CONTRACT AWARD", exempt_paragraphs=[3], summary="The Committee agreed a contract."
    )
    m.para(eight, "Bidder Acme Ltd offered £1.2m.", ["Secret bullet."])
    m.resolve(eight, "That the contract be awarded to Acme Ltd.")
    m.declare(
        p["bright"],
        eight,
        "pecuniary interest",
        nature="her husband works for Acme Ltd",
        action=DeclarationAction.LEFT_ROOM,
    )
    return m


def test_public_minutes_carry_only_the_exclusion_and_the_summary() -> None:
    record = _with_exempt_item().build()
    text = minutes_text(record)
    assert "Acme" not in text and "£1.2m" not in text and "Secret" not in text
    out = lines(text)
    at = out.index("8. CONTRACT AWARD")
    assert out[at + 1 : at + 4] == [
        "RESOLVED:",
        "That under Section 100 (A) (4) of the Local Government Act 1972, the public and press be "
        "excluded from the meeting for the following item of business because it involves the "
        "likely disclosure of exempt information on the grounds shown below and it is not in the "
        "public interest to disclose this information: Item 8 – CONTRACT AWARD – Paragraph 3 of "
        "Part 1 of Schedule 12A to the Act (Information relating to the financial or business "
        "affairs of any particular person (including the authority holding that information)).",
        "8.1 The Committee agreed a contract.",
    ]
    # the declaration on it is made public without its nature
    assert numbered(text, "2.1") == (
        "2.1 Councillor Margot Bright declared a pecuniary interest in respect of item 8, "
        "'Contract Award'. She left the room during the consideration of the item and took no "
        "part in the discussion or vote."
    )


def test_exempt_minutes_are_confidential_and_carry_only_the_exempt_items_in_full() -> None:
    record = _with_exempt_item().build()
    document = compose_minutes(record, WESTMINSTER, exempt=True)
    assert document.confidential and "CONFIDENTIAL" in document.marks
    text = minutes_text(record, exempt=True)
    assert "CONFIDENTIAL – NOT FOR PUBLICATION" in text
    assert "PUBLIC REPORT" not in text and "1. MEMBERSHIP" not in text
    assert "8.1 Councillor Margot Bright declared a pecuniary interest" in text
    assert "her husband works for Acme Ltd" in text
    assert "8.2 Bidder Acme Ltd offered £1.2m." in text
    assert "That the contract be awarded to Acme Ltd." in text


def test_consecutive_exempt_items_share_one_exclusion_with_every_paragraph_described() -> None:
    m, _ = committee_of_three()
    seven = m.item("7", "STAFFING", exempt_paragraphs=[1, 2])
    eight = m.item("8", "LEGAL ADVICE", exempt_paragraphs=[5])
    text = exclusion_resolution([seven, eight])
    assert "the following items of business because they involve" in text
    assert (
        "Item 7 – STAFFING – Paragraphs 1 and 2 of Part 1 of Schedule 12A to the Act "
        "(Information relating to any individual; information which is likely to reveal the "
        "identity of an individual); Item 8 – LEGAL ADVICE – Paragraph 5 of Part 1 of Schedule "
        "12A to the Act (Information in respect of which a claim to legal professional "
        "privilege could be maintained in legal proceedings)." in text
    )
    assert minutes_text(m.build()).count("That under Section 100 (A) (4)") == 1


# --------------------------------------------------------------------------- headings, styles


def test_joint_meeting_names_both_councils() -> None:
    m, _ = committee_of_three(
        committee="Health and Wellbeing Board",
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"],
        chair_title="Chair",
        body="Board",
    )
    out = lines(minutes_text(m.build()))
    assert out[:3] == ["CITY OF WESTMINSTER", "ROYAL BOROUGH OF KENSINGTON AND CHELSEA", "MINUTES"]
    assert any(
        ln.startswith("Minutes of a joint meeting of the Health and Wellbeing Board") for ln in out
    )


def test_chair_committees_say_chair() -> None:
    m, _ = committee_of_three(chair_title="Chair")
    out = lines(minutes_text(m.build()))
    assert out[-2:] == ["CHAIR: " + "_" * 30, "DATE: " + "_" * 30]
    assert any("Jonathan Glanz (Chair)," in ln for ln in out)


def test_a_second_style_changes_numbering_time_date_and_attendance(tmp_path) -> None:
    path = tmp_path / "borough.toml"
    path.write_text(
        "\n".join(
            [
                'name = "borough"',
                "[opening]",
                'single = "Minutes of a meeting of the **{committee}** held on **{date}** at '
                '{start_time} at {venue}."',
                'date = "{weekday} {day_ordinal} {month}, {year}"',
                'time = "{h12}.{mm}{ampm}"',
                "[attendance]",
                'layout = "per_person"',
                "officers = true",
                "[resolutions]",
                'label = "({n})"',
                "hoist_that = true",
                "[heading]",
                'chair_title = "Chair"',
            ]
        )
    )
    m, _ = committee_of_three(start=time(16, 30), end=time(18, 5))
    m.attend(m.person("Aaron Hardy", role="Policy and Scrutiny Manager"), AttendanceStatus.OFFICER)
    m.attend(m.councillor("Heather Acton", role="Cabinet Member"), AttendanceStatus.ALSO_PRESENT)
    three = m.item("3", "MINUTES")
    m.para(three, "The minutes were considered.")
    m.resolve(
        three, "That the Minutes be approved for signature by the Chair.", "That progress be noted."
    )
    out = lines(minutes_text(m.build(), path))
    assert (
        "Minutes of a meeting of the Family and People Services Policy and Scrutiny Committee "
        "held on Thursday 17th October, 2019 at 4.30pm at Rooms 18.01 and 18.02, 18th Floor, "
        "64 Victoria Street, London SW1E 6QP." in out
    )
    at = out.index("Present:")
    assert out[at + 1 : at + 6] == [
        "Councillor Jonathan Glanz (Chair)",
        "Councillor Margot Bright",
        "Councillor Selina Short",
        "Councillor Heather Acton (Cabinet Member)",
        "Aaron Hardy (Policy and Scrutiny Manager)",
    ]
    at = out.index("3.2 RESOLVED: That")
    assert out[at + 1 : at + 3] == [
        "(1) The Minutes be approved for signature by the Chair; and",
        "(2) Progress be noted.",
    ]
    assert "The Meeting ended at 6.05pm." in out
    assert "CHAIR: " + "_" * 30 in out


def test_hoisted_single_resolution_runs_on() -> None:
    m, _ = committee_of_three()
    three = m.item("3", "MINUTES")
    m.resolve(three, "That the Minutes be approved.")
    hoisted = loads_style('[resolutions]\nlabel = "({n})"\nhoist_that = true\n')
    assert "3.1 RESOLVED: That the Minutes be approved." in lines(minutes_text(m.build(), hoisted))


def test_seat_layout_marks_a_deputy() -> None:
    m = MeetingBuilder("Health and Wellbeing Board", chair_title="Chair", body="Board")
    m.member("Tim Mitchell", chair=True, seat="Westminster City Council")
    police = m.member(
        "Sue Williams", honorific="Chief Superintendent", present=False, seat="Metropolitan Police"
    )
    m.attend(
        m.person("Kevin Lee", honorific="Inspector"), AttendanceStatus.DEPUTY, substitute_for=police
    )
    style = load_style("westminster")
    from dataclasses import replace

    style = replace(style, attendance=replace(style.attendance, layout="per_seat"))
    out = lines(minutes_text(m.build(), style))
    at = out.index("Present:")
    assert out[at + 1 : at + 3] == [
        "Westminster City Council: Councillor Tim Mitchell (Chair)",
        "Metropolitan Police: Inspector Kevin Lee (acting as Deputy)",
    ]


def test_renderers_escape_everything() -> None:
    m, _ = committee_of_three(committee="Audit <script>alert(1)</script> & *Risk* Committee")
    five = m.item("5", "# NOT A HEADING")
    m.para(five, "1. not a list, <b>not bold</b> & **not bold**")
    document = compose_minutes(m.build(), WESTMINSTER)
    page = render_html(document)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>not bold</b>" not in page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    markdown = render_markdown(document)
    assert "\\# NOT A HEADING" in markdown
    assert "\\*\\*not bold\\*\\*" in markdown


def test_document_blocks_are_format_neutral() -> None:
    m, _ = committee_of_three()
    three = m.item("3", "MINUTES")
    m.resolve(three, "That the Minutes be approved.")
    blocks = compose_minutes(m.build(), WESTMINSTER).blocks
    resolved = next(b for b in blocks if isinstance(b, Resolved))
    (source,) = resolved.sources  # which row it was written from, for the screens
    assert source.startswith("resolutions:")
    assert resolved == Resolved(
        (("", "That the Minutes be approved."),), number="3.1", sources=(source,)
    )
    opening = next(b for b in blocks if isinstance(b, Paragraph))
    assert [r.bold for r in opening.runs] == [False, True, False, True, False]
