"""The built-in `board` style against the partnership boards' minutes of 2019 (issue 11, part 2;
../shared/HOUSE_STYLE.md): the heading keeps "MINUTES OF PROCEEDINGS", a resolution starts
"That" (the word is not hoisted onto the RESOLVED line), and councillors attending who are not
board members are still shown. Each test shows the output."""

from __future__ import annotations

from datetime import time

from clerk.record import AttendanceStatus
from tests.minutes_builders import MeetingBuilder, lines, minutes_text


def board() -> MeetingBuilder:
    m = MeetingBuilder(
        "Health and Wellbeing Board",
        chair_title="Chair",
        body="Board",
        start=time(16, 30),
        end=time(18, 5),
        venue="Room 5.1, 64 Victoria Street",
    )
    m.member("Tim Mitchell", chair=True)
    m.member("Neville Purssell", honorific="Dr")
    m.member("Ann Adams")
    return m


def test_the_heading_keeps_minutes_of_proceedings() -> None:
    out = lines(minutes_text(board().build(), "board"))
    assert out[:4] == [
        "CITY OF WESTMINSTER",
        "MINUTES",
        "Health and Wellbeing Board",
        "MINUTES OF PROCEEDINGS",
    ]


def test_that_stays_with_each_resolution() -> None:
    m = board()
    minutes = m.item("3", "MINUTES")
    m.resolve(minutes, "That the Minutes of the meeting held on 19 September 2019 be approved.")
    plan = m.item("4", "BETTER CARE FUND PLAN")
    m.para(plan, "The Board considered the plan.")
    m.resolve(plan, "That the plan be approved.", "That progress be reported in March.")
    out = lines(minutes_text(m.build(), "board"))
    at = out.index("3. MINUTES")
    assert out[at + 1 : at + 3] == [
        "RESOLVED:",
        "3.1 That the Minutes of the meeting held on 19 September 2019 be approved.",
    ]
    at = out.index("4. BETTER CARE FUND PLAN")
    assert out[at + 1 : at + 5] == [
        "4.1 The Board considered the plan.",
        "RESOLVED:",
        "(1) That the plan be approved; and",
        "(2) That progress be reported in March.",
    ]
    assert not any(line.endswith("RESOLVED: That") for line in out)


def test_councillors_who_are_not_board_members_are_shown() -> None:
    m = board()
    m.attend(
        m.councillor("Heather Acton", role="Cabinet Member for Family Services"),
        AttendanceStatus.ALSO_PRESENT,
    )
    m.attend(m.councillor("Rachael Robathan"), AttendanceStatus.ALSO_PRESENT)
    m.attend(m.person("Aaron Hardy", role="Policy Officer"), AttendanceStatus.OFFICER)
    out = lines(minutes_text(m.build(), "board"))
    at = out.index("Present:")
    # members (the chair, councillors, then the others), then everyone else attending,
    # councillors first: one a line, with no separate "Also present" line
    assert out[at + 1 : at + 7] == [
        "Councillor Tim Mitchell (Chair)",
        "Councillor Ann Adams",
        "Dr Neville Purssell",
        "Councillor Heather Acton (Cabinet Member for Family Services)",
        "Councillor Rachael Robathan",
        "Aaron Hardy (Policy Officer)",
    ]
    assert not any(line.startswith("Also present") for line in out)


def test_deputies_follow_the_members_they_sat_for() -> None:
    m = board()
    police = m.member("Sue Williams", honorific="Chief Superintendent", present=False)
    health = m.member("Jules Martin", honorific="Dr", present=False)
    absent = m.member("Rita Begum", present=False)
    for member in (police, health, absent):
        m.attend(member, AttendanceStatus.APOLOGIES)
    m.attend(
        m.person("Kevin Lee", honorific="Inspector"), AttendanceStatus.DEPUTY, substitute_for=police
    )
    m.attend(m.person("Ian Lamb", honorific="Dr"), AttendanceStatus.DEPUTY, substitute_for=health)
    out = lines(minutes_text(m.build(), "board"))
    assert (
        "1.1 Apologies for absence were received from Dr Jules Martin and Chief Superintendent "
        "Sue Williams. Dr Ian Lamb and Inspector Kevin Lee attended as their respective "
        "Deputies. Apologies for absence were also received from Councillor Rita Begum."
    ) in out


def test_a_meeting_whose_start_is_not_recorded_is_opened_without_one() -> None:
    """Minutes read back from ones that gave no start time: the board's opening says where,
    not "at  at"."""
    record = board().build()
    opened = next(ln for ln in lines(minutes_text(record, "board")) if ln.startswith("Minutes"))
    assert " at 4.30pm at Room 5.1" in opened
    record.meeting.start_time = None
    opened = next(ln for ln in lines(minutes_text(record, "board")) if ln.startswith("Minutes"))
    assert opened.endswith("held on Thursday 17th October, 2019 at Room 5.1, 64 Victoria Street.")
    assert "  " not in opened
