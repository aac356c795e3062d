"""The Membership minute read back: membership changes, apologies, substitutes, deputies.

Three facts the minutes keep apart (clerk.minutes.membership) are kept apart here too:

- "It was noted that A had stepped down from the Committee and would be replaced by B." is
  a membership change (`Meeting.membership_changes`): A's seat ends the day before the
  meeting, B's begins on its day. The council's own published minutes wrote the same fact
  "stepped down for the Committee … for this meeting"; that is read as a change too, as the
  golden test reads it (tests/test_minutes_golden.py) and as the record of that meeting holds;
- "Apologies for absence were received from A. B attended as a substitute for A." is an
  apology and a substitute for this meeting only (A stays a member);
- "X attended as Deputy for A", "X and Y attended as Deputies for A and B respectively", and
  the boards' "Apologies … from A and B. X and Y attended as their respective Deputies." are
  deputies, each paired with the member they sat for in the order written.

`facts` reads a paragraph into these (or None: then it is the clerk's own text);
`MembershipReader` puts them into the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text.base import ReaderBase, cllr, surname
from clerk.importers.minutes_text.layout import Layout, Para
from clerk.record import AttendanceStatus, MembershipChange, Person


@dataclass(frozen=True)
class NoChange:
    """ "There were no changes to the membership." """


@dataclass(frozen=True)
class Change:
    left: f.Named | None
    joined: f.Named | None
    body: str
    published: bool  # in the council's older wording ("… for this meeting")


@dataclass(frozen=True)
class Apologies:
    names: tuple[f.Named, ...]


@dataclass(frozen=True)
class SatFor:
    """A substitute or deputy and the member they sat for."""

    person: f.Named
    member: f.Named
    deputy: bool


Fact = NoChange | Change | Apologies | SatFor


def _kinds(forms: f.Forms) -> list[tuple[str, tuple[str, ...]]]:
    return [
        ("none", forms.membership_none),
        ("replaced", forms.change_replaced),
        ("left", forms.change_left),
        ("joined", forms.change_joined),
        ("published", forms.change_published),
        ("apologies", forms.apologies),
        ("apologies", forms.apologies_also),
        ("substitute", forms.substitute),
        ("deputies", forms.deputies),
        ("deputy", forms.deputy),
        ("respective", forms.deputies_respective),
        ("respective", forms.deputy_respective),
    ]


def facts(forms: f.Forms, text: str) -> list[Fact] | None:
    """What a paragraph of the Membership minute says, or None when any sentence of it is
    not one the minutes generate (or pairs people the sentences before it do not name)."""
    sentences = f.match_sentences(_kinds(forms), text)
    if sentences is None:
        return None
    out: list[Fact] = []
    apologised: tuple[f.Named, ...] = ()  # the last apologies sentence's names
    for kind, m in sentences:
        g = m.groupdict()
        if kind == "none":
            out.append(NoChange())
        elif kind in ("replaced", "left", "joined", "published"):
            left = f.named(g["left"]) if g.get("left") else None
            joined = f.named(g["joined"]) if g.get("joined") else None
            out.append(Change(left, joined, g.get("body") or "", kind == "published"))
        elif kind == "apologies":
            apologised = tuple(f.named_list(g["names"]))
            out.append(Apologies(apologised))
        elif kind == "substitute":
            if g.get("member"):
                member = f.named(g["member"])
            elif len(apologised) == 1:  # "… from A. B attended as a substitute."
                member = apologised[0]
            else:
                return None
            out.append(SatFor(f.named(g["substitute"]), member, deputy=False))
        else:
            people = f.named_list(g["names"])
            if kind == "respective":
                members = list(apologised)
            else:
                members = f.named_list(g.get("members") or g.get("member") or "")
            if len(people) != len(members) or not people:
                return None
            out += [SatFor(p, mb, deputy=True) for p, mb in zip(people, members, strict=True)]
    return out


class MembershipReader(ReaderBase):
    def who_sits_for(self, layout: Layout) -> None:
        """Who sits in whose place (a substitute, a deputy, a member who joined in place of
        one who left), read before the attendance: a list one person a line puts them there."""
        paragraphs = [*layout.before_items, *(p for i in layout.items for p in i.paragraphs)]
        for p in paragraphs:
            for fact in facts(self.forms, p.text) or []:
                if isinstance(fact, SatFor):
                    self.sits_for[surname(fact.person.name)] = surname(fact.member.name)
                elif isinstance(fact, Change) and fact.left and fact.joined:
                    self.sits_for[surname(fact.joined.name)] = surname(fact.left.name)

    def membership(self, paragraphs: list[Para]) -> bool:
        """The generated paragraphs at the head of the Membership minute, into the record;
        True when the minutes said anything of the membership."""
        said = False
        for p in list(paragraphs):
            found = facts(self.forms, p.text)
            if found is None or not self.possible(found, p):
                break  # generated sentences come first; the rest is the clerk's own text
            for fact in found:
                self.apply(fact, p)
            paragraphs.remove(p)
            said = True
        return said

    def possible(self, found: list[Fact], p: Para) -> bool:
        """A member said to have left the committee cannot be listed present as a member:
        such a paragraph is kept as the clerk wrote it."""
        for fact in found:
            if isinstance(fact, Change) and fact.left is not None:
                person = self.find(fact.left)
                att = self.attendance.get(person.id) if person else None
                listed = att is not None and att.status is AttendanceStatus.PRESENT
                if person and person.id in self.memberships and listed:
                    self.guesses.append(
                        f"line {p.line}: {cllr(person)} is said to have stepped down, yet is "
                        "listed as a member: the paragraph is kept as text"
                    )
                    return False
        return True

    def find(self, who: f.Named) -> Person | None:
        key = who.name.casefold()
        same = [p for p in self.people if p.name.casefold() == key]
        if not same and " " not in who.name.strip():
            same = [p for p in self.people if p.name.split()[-1:] == [who.name]]
        return same[0] if len(same) == 1 else None

    def apply(self, fact: Fact, p: Para) -> None:
        if isinstance(fact, Apologies):
            for who in fact.names:
                person = self.person(who, line=p.line)
                if who.label and not person.is_councillor:
                    self.attend(person, AttendanceStatus.APOLOGIES, role=who.label)
                else:
                    self.attend(person, AttendanceStatus.APOLOGIES)
                self.seat(person)
        elif isinstance(fact, SatFor):
            member = self.person(fact.member, line=p.line)
            self.seat(member)
            person = self.person(fact.person, line=p.line)
            # the list of members gave the substitute (or deputy) a seat: it is the member's
            held = self.memberships.pop(person.id, None)
            if held is not None and held.seat and not self.memberships[member.id].seat:
                self.memberships[member.id].seat = held.seat
            status = AttendanceStatus.DEPUTY if fact.deputy else AttendanceStatus.SUBSTITUTE
            self.attend(person, status, substitute_for=member.id)
        elif isinstance(fact, Change):
            self.change(fact, p)

    def change(self, fact: Change, p: Para) -> None:
        """A member left the committee (their seat ends the day before the meeting) and/or
        another joined it (their seat begins on its day, in the leaver's seat)."""
        assert self.meeting is not None
        day = self.meeting.date
        if fact.body:
            self.committee.body = fact.body
        left = self.person(fact.left, line=p.line) if fact.left else None
        joined = self.person(fact.joined, line=p.line) if fact.joined else None
        if joined is not None:
            self.seat(joined)
            self.memberships[joined.id].from_date = day
        if left is not None:
            self.seat(left, seat=self.memberships[joined.id].seat if joined else "")
            self.memberships[left.id].to_date = day - timedelta(days=1)
        self.meeting.membership_changes.append(
            MembershipChange(
                left_id=left.id if left else None, joined_id=joined.id if joined else None
            )
        )
        if fact.published and left is not None and joined is not None:
            self.guesses.append(
                f"line {p.line}: '{p.text[:50]}…' is read as a membership change "
                f"({left.name} left the {fact.body or 'Committee'}, {joined.name} joined it in "
                "that place); clerk's minutes say it in the house wording"
            )
