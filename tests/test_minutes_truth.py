"""Every sentence the minutes write is true of the record, for every combination of facts.

Meetings are generated with people in every state (`tests.strategies.attended_meetings`):
present, apologies, apologies with a substitute, with a deputy, absent, a membership change
(left, left and replaced, joined), late, left early, also present, officer; declarations of
every kind and action; votes of every outcome. Each sentence is then checked against the
record: it names exactly the people the record holds in that state (surnames are distinct
words, so who a sentence names can be read off it), in the right grammatical number, and
nothing the record does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from clerk import validate
from clerk.minutes import phrases
from clerk.minutes.compose import Composer, compose_minutes
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from clerk.record import (
    AttendanceStatus,
    DeclarationAction,
    MeetingRecord,
    MemberRole,
    Person,
    VoteChoice,
    VoteMethod,
)
from tests.strategies import SURNAMES, attended_meetings, meeting_records

WESTMINSTER = load_style("westminster")
BOARD = load_style("board")


def named(text: str) -> set[str]:
    """The surnames a sentence names."""
    return {s for s in SURNAMES if re.search(rf"\b{s}\b", text)}


def surnames(people: list[Person]) -> set[str]:
    return {p.name.split()[-1] for p in people}


def in_state(record: MeetingRecord, *statuses: AttendanceStatus) -> list[Person]:
    return [record.person(a.person_id) for a in record.attendance if a.status in statuses]


def sentences(paragraphs: list[str]) -> list[str]:
    """Sentences of the paragraphs (no name or role generated holds a full stop)."""
    return [s for p in paragraphs for s in re.split(r"(?<=\.) ", p) if s]


def assert_number(text: str, people: list[Person]) -> None:
    """ "Councillors" once for two or more councillors listed alone; "Councillor" for each
    otherwise; never a plural for one."""
    councillors = [p for p in people if p.is_councillor]
    others = [p for p in people if not p.is_councillor]
    plural = len(councillors) >= 2 and not others
    assert ("Councillors " in text) == plural, text
    assert ("Councillor " in text) == (bool(councillors) and not plural), text


# --------------------------------------------------------------------------- membership


@given(attended_meetings())
def test_the_membership_minute_names_each_fact_and_no_one_else(record: MeetingRecord) -> None:
    assert validate.problems(record) == []
    minute = Composer(record, WESTMINSTER).membership_sentences()
    said = sentences(minute)
    changes = record.meeting.membership_changes
    apologies = in_state(record, AttendanceStatus.APOLOGIES)
    subs = [a for a in record.attendance if a.status is AttendanceStatus.SUBSTITUTE]
    deputies = [a for a in record.attendance if a.status is AttendanceStatus.DEPUTY]

    if not (changes or apologies or subs or deputies):
        assert minute == ["There were no changes to the membership."]
        return
    assert "There were no changes to the membership." not in minute

    # the membership changes: one sentence each, in the order noted
    change_said = [s for s in said if s.startswith("It was noted that")]
    assert len(change_said) == len(changes)
    for change, sentence in zip(changes, change_said, strict=True):
        left = record.person(change.left_id) if change.left_id else None
        joined = record.person(change.joined_id) if change.joined_id else None
        assert named(sentence) == surnames([p for p in (left, joined) if p])
        assert ("stepped down from the" in sentence) == (left is not None)
        if left and joined:
            before, after = sentence.split(" would be replaced by ")
            assert named(before) == surnames([left]) and named(after) == surnames([joined])
        elif joined:
            assert sentence.endswith("had been appointed to the " + record.committee.body + ".")
    # apologies: exactly those who sent them, in the right number
    apology_said = [s for s in said if s.startswith("Apologies for absence")]
    assert len(apology_said) == (1 if apologies else 0)
    if apologies:
        assert named(apology_said[0]) == surnames(apologies)
        assert_number(apology_said[0].removeprefix("Apologies for absence were "), apologies)
    # substitutes: one sentence each, naming the substitute and the member sat for
    sub_said = [s for s in said if " attended as a substitute for " in s]
    assert len(sub_said) == len(subs)
    pairs = set()
    for sentence in sub_said:
        who, whom = sentence.split(" attended as a substitute for ")
        assert len(named(who)) == 1 and len(named(whom)) == 1
        pairs.add((*named(who), *named(whom)))
    assert pairs == {
        (
            record.person(a.person_id).name.split()[-1],
            record.person(a.substitute_for or "").name.split()[-1],
        )
        for a in subs
    }
    # deputies: one sentence, each deputy with the member deputised for, in the same order
    deputy_said = [s for s in said if " attended as Deput" in s]
    assert len(deputy_said) == (1 if deputies else 0)
    if deputies:
        (sentence,) = deputy_said
        who, whom = re.split(r" attended as Deput(?:y|ies) for ", sentence)
        assert (" as Deputy for " in sentence) == (len(deputies) == 1)
        assert (" as Deputies for " in sentence) == (len(deputies) > 1)
        order = sorted(named(who), key=who.index)
        members = sorted(named(whom), key=whom.index)
        by_deputy = {
            record.person(a.person_id).name.split()[-1]: record.person(
                a.substitute_for or ""
            ).name.split()[-1]
            for a in deputies
        }
        assert [by_deputy[d] for d in order] == members
    # nothing else is said, and no one else is named
    assert len(said) == len(change_said) + len(apology_said) + len(sub_said) + len(deputy_said)
    everyone = set()
    for change in changes:
        everyone |= surnames(
            [record.person(i) for i in (change.left_id, change.joined_id) if i is not None]
        )
    everyone |= surnames(apologies) | surnames(in_state(record, AttendanceStatus.SUBSTITUTE))
    everyone |= surnames(in_state(record, AttendanceStatus.DEPUTY))
    everyone |= {record.person(a.substitute_for or "").name.split()[-1] for a in subs + deputies}
    assert named(" ".join(minute)) == everyone
    assert "Cllr" not in " ".join(minute)


@given(attended_meetings())
def test_the_attendance_lists_name_exactly_who_sat_and_who_else_came(
    record: MeetingRecord,
) -> None:
    text = render_text(compose_minutes(record, WESTMINSTER, draft=False))
    lines = text.splitlines()
    sitting = in_state(
        record, AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.DEPUTY
    )
    members_line = [line for line in lines if line.startswith("Members Present:")]
    assert len(members_line) == (1 if sitting else 0)
    if sitting:
        (line,) = members_line
        assert named(line) == surnames(sitting)
        assert_number(line.removeprefix("Members Present: "), sitting)
        chair = next((m for m in record.members() if m.role is MemberRole.CHAIR), None)
        chair_sits = chair is not None and (
            (a := record.attendance_of(chair.person_id)) is not None
            and a.status is AttendanceStatus.PRESENT
        )
        mark = f"({record.committee.chair_title})"
        assert (mark in line) == chair_sits
        if chair is not None and chair_sits:
            assert line.index(record.person(chair.person_id).name) < line.index(mark)
    also = in_state(record, AttendanceStatus.ALSO_PRESENT)
    also_line = [line for line in lines if line.startswith("Also present:")]
    assert len(also_line) == (1 if also else 0)
    if also:
        assert named(also_line[0]) == surnames(also)
        assert_number(also_line[0].removeprefix("Also present: "), also)
    # officers are named in the item text, not in the Westminster attendance
    officers = surnames(in_state(record, AttendanceStatus.OFFICER))
    assert not named(" ".join(members_line + also_line)) & officers
    assert "Cllr" not in text


@given(attended_meetings())
def test_late_arrivals_and_early_departures_name_who_came_and_went(
    record: MeetingRecord,
) -> None:
    composer = Composer(record, WESTMINSTER)
    movements = composer.movements()
    items = {i.id: i for i in record.items}
    expected = []
    for a in record.attendance:
        for kind, at, item_id in (
            ("arrived", a.arrived_at, a.arrived_item_id),
            ("left", a.left_at, a.left_item_id),
        ):
            if at is not None or item_id is not None:
                expected.append((a, kind, at, item_id))
    assert len(movements) == len(expected)
    for (item_id, kind, sentence, source), (a, want_kind, at, want_item) in zip(
        movements, expected, strict=True
    ):
        person = record.person(a.person_id)
        assert source == f"attendance:{a.id}" and kind == want_kind and item_id == want_item
        assert named(sentence) == surnames([person])
        assert sentence.startswith(
            phrases.cllr(person) + (" arrived" if kind == "arrived" else " left")
        )
        assert (" at " in sentence) == (at is not None)
        during = f" during item {items[want_item].number}." if want_item else ""
        assert sentence.endswith(during or ".")
        assert "  " not in sentence


# --------------------------------------------------------------------------- declarations

ACTION_WORDS = {
    DeclarationAction.LEFT_ROOM: "left the room",
    DeclarationAction.DID_NOT_VOTE: "took no part in the vote",
    DeclarationAction.REMAINED: "remained in the room and took part",
    DeclarationAction.DISPENSATION: "under a dispensation",
}


@given(attended_meetings())
def test_declarations_name_the_kind_item_and_member_as_the_record_holds_them(
    record: MeetingRecord,
) -> None:
    composer = Composer(record, WESTMINSTER)
    for d in record.declarations:
        person = record.person(d.person_id)
        item = record.item(d.item_id) if d.item_id else None
        sentence = composer.declaration_sentence(d, public=True)
        assert sentence.startswith(f"{phrases.cllr(person)} declared {phrases.interest(d.kind)}")
        assert "an other" not in sentence and "a other" not in sentence
        assert named(sentence) == surnames([person])
        if item is not None:
            assert f"in respect of item {item.number}, " in sentence
            assert f"'{phrases.title_as_written(item.title)}'" in sentence
            assert item.title not in sentence  # never the agenda's capitals
        else:
            assert "in respect of item" not in sentence
        hidden = item is not None and item.is_exempt
        for detail in (d.nature.removeprefix("in that "), d.capacity):
            if detail:
                assert (detail in sentence) == (not hidden)
        # a pronoun only where the record holds one; otherwise the name again
        pronouns = re.findall(r"\b(?:He|She|They|his|her|their)\b", sentence)
        subject = person.pronoun.capitalize()
        possessive = phrases.pronoun(person, "possessive")
        if d.action is DeclarationAction.NOT_STATED:
            # read from minutes that did not say what the member did: nor does this
            assert not any(words in sentence for words in ACTION_WORDS.values())
            assert f". {subject} " not in sentence and sentence.count(". ") == 0
            assert set(pronouns) <= {possessive} if person.pronoun else pronouns == []
            assert sentence.count(phrases.cllr(person)) == 1
        else:
            if person.pronoun:
                assert f". {subject} " in sentence
                assert set(pronouns) <= {subject, possessive}
            else:
                assert pronouns == []
                assert sentence.count(phrases.cllr(person)) == 2
            assert ACTION_WORDS[d.action] in sentence
            assert sum(words in sentence for words in ACTION_WORDS.values()) == 1
        # the exempt minutes say it in full
        full = composer.declaration_sentence(d, public=False)
        if d.nature:
            assert d.nature.removeprefix("in that ") in full


# --------------------------------------------------------------------------- votes


@given(attended_meetings())
def test_votes_say_the_motion_outcome_figures_and_names_the_record_holds(
    record: MeetingRecord,
) -> None:
    for style in (WESTMINSTER, BOARD):
        composer = Composer(record, style)
        for vote in record.votes:
            sentence = composer.vote_sentence(vote)
            item = record.item(vote.item_id)
            counted = vote.counted_from_names() if vote.named else vote
            # the item's title is never the motion
            assert item.title not in sentence
            assert phrases.title_as_written(item.title) not in sentence
            if vote.motion.startswith("That "):
                assert "the motion that " + vote.motion[5:].rstrip(".") in sentence
            outcome = counted.outcome.value
            other = "lost" if outcome == "carried" else "carried"
            assert f"was {outcome}" in sentence or f"therefore {outcome}" in sentence
            assert f"was {other}" not in sentence and f"therefore {other}" not in sentence
            tied = counted.votes_for == counted.votes_against
            casting = counted.casting_vote is not None and tied
            assert ("casting vote" in sentence) == casting
            assert ("equal" in sentence) == casting
            if casting:
                side = "for" if counted.casting_vote is VoteChoice.FOR else "against"
                assert f"casting vote {side} the motion" in sentence
            figures = f"{counted.votes_for} for, {counted.votes_against} against"
            assert (figures in sentence) == style.votes.show_counts
            if vote.method is VoteMethod.RECORDED:
                for choice, label in (
                    (VoteChoice.FOR, "Voting for: "),
                    (VoteChoice.AGAINST, "Voting against: "),
                    (VoteChoice.ABSTAIN, "Abstaining: "),
                ):
                    voters = [record.person(p) for p, c in vote.named.items() if c is choice]
                    group = re.search(re.escape(label) + r"([^.]*)\.", sentence)
                    assert (group is not None) == bool(voters)
                    if group:
                        assert named(group[1]) == surnames(voters)
                        assert_number(group[1], voters)
                assert named(sentence) == surnames([record.person(p) for p in vote.named])
            else:
                assert named(sentence) == set()
                assert sentence.startswith("On a show of hands")


# --------------------------------------------------------------------------- the generator


def _has(status: AttendanceStatus) -> Callable[[MeetingRecord], bool]:
    return lambda r: any(a.status is status for a in r.attendance)


COMBINATIONS: dict[str, Callable[[MeetingRecord], bool]] = {
    **{f"attendance {s.value}": _has(s) for s in AttendanceStatus},
    "two or more apologies": lambda r: len(in_state(r, AttendanceStatus.APOLOGIES)) >= 2,
    "two or more deputies": lambda r: len(in_state(r, AttendanceStatus.DEPUTY)) >= 2,
    "a member left, replaced": lambda r: any(
        c.left_id and c.joined_id for c in r.meeting.membership_changes
    ),
    "a member left": lambda r: any(
        c.left_id and not c.joined_id for c in r.meeting.membership_changes
    ),
    "a member joined": lambda r: any(
        c.joined_id and not c.left_id for c in r.meeting.membership_changes
    ),
    "late, at a time": lambda r: any(a.arrived_at for a in r.attendance),
    "late, during an item only": lambda r: any(
        a.arrived_item_id and not a.arrived_at for a in r.attendance
    ),
    "left early": lambda r: any(a.left_at for a in r.attendance),
    **{
        f"declaration, {action.value}": (
            lambda r, action=action: any(d.action is action for d in r.declarations)
        )
        for action in DeclarationAction
    },
    "declaration, other significant interest": lambda r: any(
        d.kind == "other significant interest" for d in r.declarations
    ),
    "declaration on the whole agenda": lambda r: any(d.item_id is None for d in r.declarations),
    "declaration on an exempt item": lambda r: any(
        d.item_id and r.item(d.item_id).is_exempt for d in r.declarations
    ),
    "vote carried": lambda r: any(v.outcome.value == "carried" for v in r.votes),
    "vote lost": lambda r: any(v.outcome.value == "lost" for v in r.votes),
    "recorded vote": lambda r: any(v.method is VoteMethod.RECORDED and v.named for v in r.votes),
    "casting vote on a show of hands": lambda r: any(
        v.casting_vote and v.method is VoteMethod.SHOW_OF_HANDS for v in r.votes
    ),
    "casting vote on a recorded vote": lambda r: any(
        v.casting_vote and v.method is VoteMethod.RECORDED for v in r.votes
    ),
    "the item's title as the motion": lambda r: any(
        v.motion == r.item(v.item_id).title for v in r.votes
    ),
}


@pytest.mark.parametrize("combination", list(COMBINATIONS))
def test_the_generator_reaches_every_combination(combination: str) -> None:
    """The property tests above are only as good as what they are given: each state, kind
    and outcome is reachable."""
    found = find(
        attended_meetings(),
        COMBINATIONS[combination],
        settings=settings(max_examples=5000, database=None, phases=[Phase.generate]),
    )
    assert validate.problems(found) == []


GROUPED = replace(
    WESTMINSTER,
    membership=replace(WESTMINSTER.membership, grouping="deputies_after_their_members"),
)


@given(attended_meetings())
def test_grouped_deputies_follow_exactly_their_members(record: MeetingRecord) -> None:
    """ "Apologies … from A and B. X and Y attended as their respective Deputies.
    Apologies … were also received from C.": the sentence before "their respective" names
    exactly the members those deputies sat for, in the same order; every apology is named
    once; a deputy for a member who sent none is named with that member."""
    said = sentences(Composer(record, GROUPED).membership_sentences())
    apologies = in_state(record, AttendanceStatus.APOLOGIES)
    apologised = {p.id for p in apologies}
    deputies = [a for a in record.attendance if a.status is AttendanceStatus.DEPUTY]
    grouped = [a for a in deputies if a.substitute_for in apologised]
    apology_said = [s for s in said if s.startswith("Apologies for absence")]
    named_in_apologies = [n for s in apology_said for n in named(s)]
    assert sorted(named_in_apologies) == sorted(surnames(apologies))
    respective = [
        i for i, s in enumerate(said) if re.search(r" attended as their (respective )?Deput", s)
    ]
    assert len(respective) == (1 if grouped else 0)
    if grouped:
        (i,) = respective
        before, sentence = said[i - 1], said[i]
        assert before.startswith("Apologies for absence were received from")
        members = [record.person(a.substitute_for or "").name.split()[-1] for a in grouped]
        assert named(before) == set(members)
        by_member = {
            record.person(a.substitute_for or "").name.split()[-1]: record.person(
                a.person_id
            ).name.split()[-1]
            for a in grouped
        }
        in_order = sorted(named(before), key=before.index)
        assert sorted(named(sentence), key=sentence.index) == [by_member[m] for m in in_order]
        assert ("respective Deputies" in sentence) == (len(grouped) > 1)
        also = [s for s in apology_said if " were also received " in s]
        assert len(also) == (1 if len(apologies) > len(grouped) else 0)
    loose = [a for a in deputies if a.substitute_for not in apologised]
    loose_said = [s for s in said if re.search(r" attended as Deput(y|ies) for ", s)]
    assert len(loose_said) == (1 if loose else 0)


# --------------------------------------------------------------------------- the opening


@given(meeting_records(), st.sampled_from([WESTMINSTER, BOARD]))
def test_the_opening_says_when_only_what_the_record_holds(record: MeetingRecord, style) -> None:
    """The opening sentence names the day and the place, and the time it began only when
    the record holds one (a meeting read from minutes that gave none): never "at  at"."""
    opening = render_text(compose_minutes(record, style, draft=False)).split("\n")
    sentence = next(ln for ln in opening if ln.startswith("Minutes of a"))
    composer = Composer(record, style)
    day, venue = f" held on {composer.date()}", f"{record.meeting.venue}."
    assert day in sentence and sentence.endswith(venue)
    between = sentence[sentence.index(day) + len(day) : len(sentence) - len(venue)]
    start = record.meeting.start_time
    if start is not None and "{start_time}" in style.opening.single:
        assert between == f" at {composer.time(start)} at "
    else:
        assert between in (" at ", " in ")
