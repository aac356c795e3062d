"""`clerk import-minutes` over generated meetings: every kind of attendance, membership
change, declaration, vote and exempt item, in the built-in styles and variants of them; the
minutes written from the record read back must be the minutes read, word for word.

Not generated: a substitute for a chair or co-chair. The minutes list them in the chair's
place without a mark, and no reading of the list can tell them from a member listed out of
A–Z order; such minutes read back with the substitute among the members."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.minutes.style import HouseStyle, load_style
from clerk.record import (
    AttendanceStatus,
    DeclarationAction,
    MeetingRecord,
    VoteChoice,
    VoteMethod,
)
from tests.minutes_builders import MeetingBuilder
from tests.test_import_minutes import CANONICAL, round_trip

FIRST = ["Anne", "Brian", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal"]
SURNAMES = [
    "Acton", "Bright", "Carmen", "Dunne", "Evans", "Freeman", "Glanz", "Hug", "Ismail",
    "Jones", "Kaur", "Lowe", "McAllister", "Noble", "Butler-Thalassis", "O'Neill",
]  # fmt: skip
TITLES = [
    "CABINET MEMBER UPDATE",
    "SCHOOL STREETS",
    "2019/20 WORK PROGRAMME AND ACTION TRACKER",
    "HOUSING COMPANY – ANNUAL REPORT",
    "YOUTH JUSTICE PLAN, 2019-2022",
]
SENTENCES = [
    "The Committee noted the report.",
    "Concern was expressed that the consultation had been too short.",
    "It was suggested that officers report back in March (a ‘first look’).",
    "The Committee discussed the following topics:",
    "Jane Doe (Head of Highways – Westminster) introduced the report, which provided an "
    "overview of the trial.",
]
BULLETS = ["Pimlico – the trial had ended.", "Soho - concern was expressed about access."]
CLAUSES = [
    "That the report be noted.",
    "That officers be requested to report back to the Committee in March 2020.",
    "That NHS England be asked to continue its work.",
]


@st.composite
def plausible_meetings(draw: st.DrawFn) -> tuple[MeetingRecord, HouseStyle]:
    """Meetings as councils hold them (realistic names and sentences, every kind of
    attendance and membership change, declarations, votes, exempt items), in either built-in
    style or a variant of one (deputies after their members, a show of hands's figures)."""
    style_name = draw(st.sampled_from(["westminster", "board"]))
    variant = draw(st.sampled_from(["", "grouped", "counts"]))
    joint = draw(st.booleans())
    m = MeetingBuilder(
        committee=draw(st.sampled_from([CANONICAL, "Health and Wellbeing Board"])),
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"]
        if joint
        else None,
        chair_title="Chair" if style_name == "board" else "Chairman",
        end=draw(st.none() | st.builds(time, st.integers(17, 22), st.integers(0, 59))),
    )
    surnames = draw(st.permutations(SURNAMES))
    names = [f"{FIRST[i % len(FIRST)]} {s}" for i, s in enumerate(surnames)]
    n_members = draw(st.integers(2, 6))
    co_chairs = joint and draw(st.booleans())  # a joint board's two chairs, one presiding
    members = []
    for n, name in enumerate(names[:n_members]):
        members.append(
            m.member(
                name,
                chair=n == 0 and not co_chairs,
                co_chair=co_chairs and n < 2,
                pronoun=draw(st.sampled_from(["", "he", "she"])),
            )
        )
    if co_chairs:
        presiding = draw(st.sampled_from([None, *members[:2]]))
        m.meeting.presiding_id = presiding.id if presiding else None
    spare = iter(names[n_members:])
    fates = ["present", "present", "apologies", "substitute", "apologies and substitute"]
    fates += ["deputy", "apologies and deputy", "stood down", "replaced"]
    # the chairs are present: a substitute for one is listed, unmarked, in the chair's place,
    # which no reading of the list can tell from a member (see the module's docstring)
    for member in members[2 if co_chairs else 1 :]:
        fate = draw(st.sampled_from(fates))
        if fate != "present":
            m.attendance = [a for a in m.attendance if a.person_id != member.id]
        if fate.startswith("apologies"):
            m.attend(member, AttendanceStatus.APOLOGIES)
        if fate.endswith(("substitute", "deputy")):
            status = AttendanceStatus.DEPUTY if "deputy" in fate else AttendanceStatus.SUBSTITUTE
            m.attend(m.councillor(next(spare)), status, substitute_for=member)
        elif fate in ("stood down", "replaced"):
            joined = m.councillor(next(spare)) if fate == "replaced" else None
            if joined is not None:
                m.attend(joined, AttendanceStatus.PRESENT)
            m.change_membership(left=member, joined=joined)
    if draw(st.booleans()):  # a member appointed at this meeting, in no one's place
        appointed = m.councillor(next(spare), pronoun=draw(st.sampled_from(["", "they"])))
        m.attend(appointed, AttendanceStatus.PRESENT)
        m.change_membership(joined=appointed)
    for _ in range(draw(st.integers(0, 2))):
        m.attend(m.councillor(next(spare)), AttendanceStatus.ALSO_PRESENT)
    minutes = m.item("3", "MINUTES")
    m.resolve(
        minutes,
        f"That the Minutes of the {m.committee.name} meeting held on 17 June 2019 be approved.",
    )
    present = [
        p
        for p in m.people
        if (a := next((a for a in m.attendance if a.person_id == p.id), None))
        and a.status.counts_as_present
    ]
    public = []
    for number, title in enumerate(
        draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=3, unique=True)), start=4
    ):
        item = m.item(str(number), title)
        public.append(item)
        for sentence in draw(st.lists(st.sampled_from(SENTENCES), max_size=3)):
            bullets = BULLETS if sentence.endswith("topics:") else []
            m.para(item, sentence, bullets)
        m.resolve(item, *draw(st.lists(st.sampled_from(CLAUSES), max_size=3, unique=True)))
    if present and draw(st.booleans()):
        voters = draw(st.lists(st.sampled_from(present), min_size=1, unique_by=lambda p: p.id))
        m.vote(
            draw(st.sampled_from(public)),
            method=VoteMethod.RECORDED,
            motion="That the trial be extended.",
            named=[(p, draw(st.sampled_from(VoteChoice))) for p in voters],
        )
    if draw(st.booleans()):
        votes_for, against = draw(st.integers(0, 9)), draw(st.integers(0, 9))
        m.vote(
            draw(st.sampled_from(public)),
            motion=draw(st.sampled_from(["", "That the report be noted."])),
            votes_for=votes_for,
            against=against,
            abstentions=draw(st.integers(0, 3)),
            casting=draw(st.sampled_from(VoteChoice)) if votes_for == against else None,
        )
    for _ in range(draw(st.integers(0, 2))):
        if not present:
            break
        m.declare(
            draw(st.sampled_from(present)),
            draw(st.none() | st.sampled_from(public)),
            draw(
                st.sampled_from(
                    ["pecuniary interest", "other significant interest", "non-pecuniary interest"]
                )
            ),
            nature=draw(st.sampled_from(["", "in that she is a governor of the school"])),
            capacity=draw(st.sampled_from(["", "a trustee of the Westminster Society"])),
            action=draw(st.sampled_from(DeclarationAction)),
        )
    # late arrivals and early departures: a time, an item, or both
    for person in draw(st.lists(st.sampled_from(present), max_size=2, unique_by=lambda p: p.id)):
        a = next(a for a in m.attendance if a.person_id == person.id)
        for kind in ("arrived", "left"):
            when = draw(st.none() | st.builds(time, st.integers(17, 22), st.integers(0, 59)))
            during = draw(st.none() | st.sampled_from(public))
            setattr(a, f"{kind}_at", when)
            setattr(a, f"{kind}_item_id", during.id if during else None)
    n = len(m.items) + 1
    for k in range(draw(st.integers(0, 2))):
        item = m.item(
            str(n + k),
            "CONTRACT AWARD" if k == 0 else "STAFFING",
            exempt_paragraphs=[3],
            summary=draw(st.sampled_from(["", "A contract was awarded."])),
        )
        m.para(item, "SECRET figures.")
    style = load_style(style_name)
    if variant == "grouped":
        membership = replace(style.membership, grouping="deputies_after_their_members")
        style = replace(style, membership=membership)
    elif variant == "counts":
        style = replace(style, votes=replace(style.votes, show_counts=True))
    if co_chairs and draw(st.booleans()):  # the co-chair who did not preside marked so
        style = replace(style, attendance=replace(style.attendance, other_co_chair="Co-{title}"))
    return m.build(), style


@settings(deadline=None)
@given(plausible_meetings())
def test_generated_meetings_round_trip(case: tuple[MeetingRecord, HouseStyle]) -> None:
    record, style = case
    text, parsed, again = round_trip(record, style)
    assert again == text, "\n".join(parsed.guesses)
