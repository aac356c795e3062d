"""What the parts of the minutes reader share: the people and attendance found so far, and
the items as read. `attendance` and `generated` add to it, `reader` puts it together."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clerk import dates
from clerk.errors import InputError
from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text.layout import ItemText, Para
from clerk.record import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    Meeting,
    MemberRole,
    Membership,
    Person,
    Vote,
)

DEPUTY_MARK = "acting as Deputy"
CHAIR_MARK = re.compile(r"^(?:Co-|Joint )?Chair(?:man|woman|person)?$")


@dataclass
class Item:
    text: ItemText
    item: AgendaItem
    paragraphs: list[Para] = field(default_factory=list)


class ReaderBase:
    def __init__(self, source: str, forms: f.Forms) -> None:
        self.source = source
        self.forms = forms
        self.guesses: list[str] = []
        self.people: list[Person] = []
        self.attendance: dict[str, Attendance] = {}  # person id -> their attendance
        self.memberships: dict[str, Membership] = {}  # person id -> their seat
        self.committee = Committee(name="")
        self.meeting: Meeting | None = None
        self.declarations_found: list[Declaration] = []
        self.found_votes: list[Vote] = []
        # surname of a substitute or deputy -> surname of the member they sat for, read from
        # the membership sentences before the attendance (whose order follows the members')
        self.sits_for: dict[str, str] = {}
        # the arrivals and departures read, (where, person id) in the order written: the
        # minutes write each group in the order of the attendance rows
        self.moved: list[tuple[tuple[str | None, str], str]] = []

    # ----------------------------------------------------------------------- people

    def person(self, who: f.Named, *, line: int | None = None) -> Person:
        key = who.name.casefold()
        for p in self.people:
            if p.name.casefold() == key:
                if who.honorific and not p.honorific:
                    p.honorific = who.honorific
                return p
        if " " not in who.name.strip():  # "Cllr Carmen": a surname, matched if one person has it
            same = [p for p in self.people if p.name.split()[-1:] == [who.name]]
            if len(same) == 1:
                return same[0]
            where = f" (line {line})" if line else ""
            self.guesses.append(
                f"{who.honorific or 'the person'} {who.name}{where} is named by surname only; "
                "kept as written"
            )
        p = Person(name=who.name, honorific=who.honorific)
        self.people.append(p)
        return p

    def attend(self, person: Person, status: AttendanceStatus, **kw: object) -> Attendance:
        att = self.attendance.get(person.id)
        if att is None:
            att = Attendance(person.id, status)
            self.attendance[person.id] = att
        att.status = status
        for key, value in kw.items():
            setattr(att, key, value)
        return att

    def seat(self, person: Person, role: MemberRole = MemberRole.MEMBER, seat: str = "") -> None:
        if person.id not in self.memberships:
            self.memberships[person.id] = Membership(self.committee.id, person.id, role, seat)

    def time(self, text: str, line: int) -> dates.time:
        try:
            return dates.parse_time(text)
        except ValueError as exc:
            raise InputError(self.source, line, str(exc)) from None


def clause(text: str) -> str:
    out = text.strip()
    while True:
        trimmed = out.removesuffix("; and").removesuffix(";").removesuffix(".").removesuffix(",")
        trimmed = trimmed.rstrip()
        if trimmed == out:
            return out
        out = trimmed


def capital_that(text: str) -> str:
    """A hoisted clause ("The Minutes … be approved") as a resolution ("That the Minutes …")."""
    if not text or text[:5].casefold() == "that ":
        return ("That " + text[5:]) if text else text
    first = text.split()[0]
    if first.casefold() in f.COMMON_STARTS and not (len(first) > 1 and first[1].isupper()):
        text = first.lower() + text[len(first) :]
    return "That " + text


def cllr(person: Person) -> str:
    if person.is_councillor:
        return f"Councillor {person.name}"
    return f"{person.honorific} {person.name}".strip()


def surname(name: str) -> str:
    return (name.split() or [""])[-1].casefold()
