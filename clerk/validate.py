"""The integrity rules a meeting record must satisfy before it is stored or exported.

Every rule speaks to the clerk in the clerk's words: people by name, items by number and
title. `findings` also says where in the record each problem is (a path such as
`attendance[2].substitute_for`, spelt as the JSON meeting record spells it), so a reader of
a file can point at the line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clerk.dates import CLOCK_24H, DAY_MONTH_YEAR, clock_time, long_date
from clerk.errors import InputError, short
from clerk.record import (
    AgendaItem,
    AttendanceStatus,
    MeetingRecord,
    MinuteParagraph,
    Resolution,
    SubItem,
)

#: Schedule 12A to the Local Government Act 1972 has seven paragraphs of exempt information.
EXEMPT_PARAGRAPHS = range(1, 8)

#: How many problems `check` names before it says "and N more".
SHOWN = 5


@dataclass(frozen=True)
class Problem:
    path: str  # where in the record: "attendance[2].substitute_for" ("" for the record as a whole)
    message: str  # what is wrong, for the clerk

    def __str__(self) -> str:
        return self.message


def problems(record: MeetingRecord) -> list[str]:
    """Everything wrong with `record`, each in words a clerk understands; [] when it is sound."""
    return [p.message for p in findings(record)]


def check(record: MeetingRecord, source: str | Path) -> None:
    """Raise InputError naming `source` when the record breaks any rule."""
    found = findings(record)
    if found:
        raise InputError(source, None, describe(found))


def describe(found: Sequence[Problem]) -> str:
    """The first few problems as one message: the first, then one "also:" line per other."""
    lines = [found[0].message]
    lines += [f"  also: {p.message}" for p in found[1:SHOWN]]
    if len(found) > SHOWN:
        lines.append(f"  and {len(found) - SHOWN} more")
    return "\n".join(lines)


def findings(record: MeetingRecord) -> list[Problem]:
    """Every problem with `record`, in the order of the record's parts."""
    return _Checker(record).run()


class _Checker:
    def __init__(self, record: MeetingRecord) -> None:
        self.r = record
        self.found: list[Problem] = []
        self.people = {p.id: p for p in record.people}
        self.items = {i.id: i for i in record.items}
        self.resolutions = {r.id: r for r in record.resolutions}

    def run(self) -> list[Problem]:
        self.committee()
        self.unique_ids()
        self.people_()
        self.meeting()
        self.memberships()
        self.agenda()
        self.attendance()
        self.declarations()
        self.minutes()
        self.votes()
        self.actions()
        return self.found

    # ------------------------------------------------------------------ helpers

    def add(self, path: str, message: str) -> None:
        self.found.append(Problem(path, message))

    def who(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return f"'{short(person.name)}'" if person else f"person id '{short(person_id)}'"

    def what(self, item_id: str) -> str:
        item = self.items.get(item_id)
        return _item_label(item) if item else f"item id '{short(item_id)}'"

    def person_ref(self, path: str, owner: str, person_id: str | None, role: str) -> None:
        if person_id is not None and person_id not in self.people:
            self.add(path, f"{owner}: {role} an unknown person id '{short(person_id)}'")

    def subject_ref(self, path: str, what: str, person_id: str) -> None:
        if person_id not in self.people:
            self.add(path, f"{what} is of an unknown person id '{short(person_id)}'")

    def item_ref(self, path: str, owner: str, item_id: str | None, role: str) -> None:
        if item_id is not None and item_id not in self.items:
            self.add(path, f"{owner}: {role} an unknown agenda item id '{short(item_id)}'")

    def item_owner(self, item_id: str, index: int, kind: str) -> str:
        item = self.items.get(item_id)
        if item is None:
            return f"{kind} {index + 1}"
        return f"{kind} on {_item_label(item)}"

    # ------------------------------------------------------------------ rules

    def committee(self) -> None:
        c = self.r.committee
        if not c.id:
            self.add("committee.id", "the committee has no id")
        if not c.name.strip():
            self.add("committee.name", "the committee has no name")
        if not c.chair_title.strip():
            self.add(
                "committee.chair_title",
                "the committee has no chair title (the minutes need 'Chairman' or 'Chair')",
            )
        if not c.body.strip():
            self.add(
                "committee.body",
                "the committee has no body word (the minutes say 'The Committee noted')",
            )
        if not c.councils:
            self.add("committee.councils", "the committee belongs to no council")
        for i, council in enumerate(c.councils):
            if not council.strip():
                self.add(f"committee.councils[{i}]", "the committee names a blank council")
        if c.quorum < 1:
            self.add(
                "committee.quorum", f"the committee's quorum is {c.quorum}; it must be 1 or more"
            )

    def unique_ids(self) -> None:
        kinds: list[tuple[str, str, Sequence[object]]] = [
            ("people", "person", self.r.people),
            ("memberships", "membership", self.r.memberships),
            ("items", "agenda item", self.r.items),
            ("attendance", "attendance", self.r.attendance),
            ("declarations", "declaration", self.r.declarations),
            ("paragraphs", "minute paragraph", self.r.paragraphs),
            ("resolutions", "resolution", self.r.resolutions),
            ("votes", "vote", self.r.votes),
            ("actions", "action", self.r.actions),
        ]
        if not self.r.meeting.id:
            self.add("meeting.id", "the meeting has no id")
        for field_name, kind, rows in kinds:
            seen: set[str] = set()
            for i, row in enumerate(rows):
                row_id: str = row.id  # type: ignore[attr-defined]
                path = f"{field_name}[{i}].id"
                if not row_id:
                    self.add(path, f"{_nth(i)} {kind} has no id")
                elif row_id in seen:
                    self.add(path, f"two {kind} entries share the id '{short(row_id)}'")
                seen.add(row_id)

    def people_(self) -> None:
        seen: set[str] = set()
        for i, person in enumerate(self.r.people):
            key = _name_key(person.name)
            if not key:
                self.add(f"people[{i}].name", f"the {_nth(i)} person has no name")
            elif key in seen:
                self.add(
                    f"people[{i}].name",
                    f"'{short(person.name)}' is listed twice among the people "
                    "(clerk keeps one entry per person)",
                )
            seen.add(key)

    def meeting(self) -> None:
        m, c = self.r.meeting, self.r.committee
        if m.committee_id != c.id:
            self.add(
                "meeting.committee_id",
                f"the meeting belongs to an unknown committee id '{short(m.committee_id)}' "
                f"(this record's committee is '{short(c.name)}', id '{short(c.id)}')",
            )
        self.person_ref("meeting.officer_id", "the meeting", m.officer_id, "committee officer is")
        self.person_ref("meeting.presiding_id", "the meeting", m.presiding_id, "presided by")
        if m.presiding_id in self.people:
            sat = self.r.attendance_of(m.presiding_id or "")
            if sat is None or not sat.status.is_voting_seat:
                self.add(
                    "meeting.presiding_id",
                    f"the meeting was presided by {self.who(m.presiding_id or '')}, who is not "
                    "recorded as sitting (present, substitute or deputy)",
                )
        self.item_ref(
            "meeting.current_item_id", "the meeting", m.current_item_id, "current item is"
        )
        for i, adj in enumerate(m.adjournments):
            self.item_ref(
                f"meeting.adjournments[{i}].item_id",
                f"adjournment at {clock_time(adj.start, CLOCK_24H)}",
                adj.item_id,
                "during",
            )
            if adj.end is not None and adj.end < adj.start:
                self.add(
                    f"meeting.adjournments[{i}].end",
                    f"adjournment at {clock_time(adj.start, CLOCK_24H)}: it ends "
                    f"({clock_time(adj.end, CLOCK_24H)}) before it starts",
                )
        self.membership_changes()
        if m.approves_minutes_of is not None and m.approves_minutes_of >= m.date:
            self.add(
                "meeting.approves_minutes_of",
                f"the meeting of {long_date(m.date, DAY_MONTH_YEAR)} approves the minutes of "
                f"{long_date(m.approves_minutes_of, DAY_MONTH_YEAR)}, which is not an earlier "
                "meeting",
            )

    def membership_changes(self) -> None:
        """A change noted at the meeting must agree with the seats: the minutes will say the
        one has stepped down and the other joined, so the record must hold it so."""
        seated = {ms.person_id for ms in self.r.members()}
        day = long_date(self.r.meeting.date, DAY_MONTH_YEAR)
        named: set[str] = set()
        for i, change in enumerate(self.r.meeting.membership_changes):
            path = f"meeting.membership_changes[{i}]"
            owner = f"the {_nth(i)} membership change"
            if change.left_id is None and change.joined_id is None:
                self.add(path, f"{owner} names no one who left or joined the committee")
            if change.left_id is not None and change.left_id == change.joined_id:
                self.add(f"{path}.joined_id", f"{owner}: a member cannot replace themselves")
            for field_name, person_id, role in (
                ("left_id", change.left_id, "left"),
                ("joined_id", change.joined_id, "joined"),
            ):
                if person_id is None:
                    continue
                if person_id not in self.people:
                    self.person_ref(f"{path}.{field_name}", owner, person_id, f"{role} is")
                    continue
                if person_id in named:
                    self.add(
                        f"{path}.{field_name}",
                        f"{owner}: {self.who(person_id)} is in another membership change too",
                    )
                named.add(person_id)
                if role == "left" and person_id in seated:
                    self.add(
                        f"{path}.left_id",
                        f"{owner}: {self.who(person_id)} left the committee, yet holds a seat "
                        f"on it on {day} (end the membership before the meeting)",
                    )
                if role == "joined" and person_id not in seated:
                    self.add(
                        f"{path}.joined_id",
                        f"{owner}: {self.who(person_id)} joined the committee, yet holds no "
                        f"seat on it on {day}",
                    )

    def memberships(self) -> None:
        c = self.r.committee
        current: Counter[str] = Counter()
        for i, ms in enumerate(self.r.memberships):
            owner = f"membership of {self.who(ms.person_id)}"
            if ms.committee_id != c.id:
                self.add(
                    f"memberships[{i}].committee_id",
                    f"{owner}: on an unknown committee id '{short(ms.committee_id)}' "
                    f"(this record's committee is '{short(c.name)}')",
                )
            self.subject_ref(
                f"memberships[{i}].person_id", f"the {_nth(i)} membership", ms.person_id
            )
            if ms.from_date and ms.to_date and ms.to_date < ms.from_date:
                self.add(
                    f"memberships[{i}].to_date",
                    f"{owner}: it ends ({ms.to_date}) before it begins ({ms.from_date})",
                )
            if ms.committee_id == c.id and ms.current_on(self.r.meeting.date):
                current[ms.person_id] += 1
                if current[ms.person_id] == 2:
                    self.add(
                        f"memberships[{i}]",
                        f"{owner}: {self.who(ms.person_id)} holds two seats on the committee "
                        "on the day of the meeting",
                    )

    def agenda(self) -> None:
        numbers: set[str] = set()
        for i, item in enumerate(self.r.items):
            path = f"items[{i}]"
            label = _item_label(item)
            number = item.number.strip().casefold()
            if not number:
                self.add(f"{path}.number", f"the agenda item '{short(item.title)}' has no number")
            elif number in numbers:
                self.add(f"{path}.number", f"two agenda items are numbered {item.number}")
            numbers.add(number)
            if not item.title.strip():
                self.add(f"{path}.title", f"{label} has no title")
            self.pages(path, label, item)
            for j, sub in enumerate(item.sub_items):
                self.pages(f"{path}.sub_items[{j}]", f"{label}, sub-item {sub.label}", sub)
            for j, para in enumerate(item.exempt_paragraphs):
                if para not in EXEMPT_PARAGRAPHS:
                    self.add(
                        f"{path}.exempt_paragraphs[{j}]",
                        f"{label}: exempt paragraph {para} is not a paragraph of Schedule 12A "
                        "(they are numbered 1 to 7)",
                    )
            if item.exempt_paragraphs and not item.is_exempt:
                self.add(
                    f"{path}.exempt_paragraphs",
                    f"{label} is taken in public but cites exempt paragraphs "
                    f"{', '.join(map(str, item.exempt_paragraphs))}",
                )

    def pages(self, path: str, label: str, thing: AgendaItem | SubItem) -> None:
        if thing.page_from is None:
            if thing.page_to is not None:
                self.add(
                    f"{path}.page_to", f"{label}: a last page ({thing.page_to}) but no first page"
                )
            return
        if thing.page_from < 1:
            self.add(f"{path}.page_from", f"{label}: page {thing.page_from} is not a page number")
        if thing.page_to is not None and thing.page_to < thing.page_from:
            self.add(
                f"{path}.page_to",
                f"{label}: pages {thing.page_from} - {thing.page_to} run backwards",
            )

    def attendance(self) -> None:
        seen: set[str] = set()
        for i, a in enumerate(self.r.attendance):
            path = f"attendance[{i}]"
            owner = f"attendance of {self.who(a.person_id)}"
            self.subject_ref(f"{path}.person_id", f"the {_nth(i)} attendance", a.person_id)
            if a.person_id in seen:
                self.add(
                    f"{path}.person_id",
                    f"{self.who(a.person_id)} is recorded in the attendance twice",
                )
            seen.add(a.person_id)
            sits_in = a.status in (AttendanceStatus.SUBSTITUTE, AttendanceStatus.DEPUTY)
            if sits_in and a.substitute_for is None:
                self.add(
                    f"{path}.substitute_for",
                    f"{owner}: a {a.status.value} must say whose place they take",
                )
            if not sits_in and a.substitute_for is not None:
                self.add(
                    f"{path}.substitute_for",
                    f"{owner}: recorded as {a.status.value.replace('_', ' ')}, yet sitting in "
                    f"place of {self.who(a.substitute_for)} (only a substitute or deputy does)",
                )
            self.person_ref(f"{path}.substitute_for", owner, a.substitute_for, "substitute for")
            if a.substitute_for is not None and a.substitute_for == a.person_id:
                self.add(f"{path}.substitute_for", f"{owner}: cannot sit in their own place")
            replaced = self.r.attendance_of(a.substitute_for) if a.substitute_for else None
            if (
                sits_in
                and replaced is not None
                and replaced is not a
                and replaced.status.is_voting_seat
            ):
                self.add(
                    f"{path}.substitute_for",
                    f"{owner}: sits in place of {self.who(a.substitute_for or '')}, who is "
                    f"recorded as {replaced.status.value.replace('_', ' ')}",
                )
            self.item_ref(f"{path}.arrived_item_id", owner, a.arrived_item_id, "arrived during")
            self.item_ref(f"{path}.left_item_id", owner, a.left_item_id, "left during")

    def declarations(self) -> None:
        for i, d in enumerate(self.r.declarations):
            path = f"declarations[{i}]"
            owner = f"declaration by {self.who(d.person_id)}"
            self.subject_ref(f"{path}.person_id", f"the {_nth(i)} declaration", d.person_id)
            self.item_ref(f"{path}.item_id", owner, d.item_id, "on")
            if not d.kind.strip():
                self.add(f"{path}.kind", f"{owner}: the kind of interest is blank")

    def minutes(self) -> None:
        minuted: tuple[tuple[str, str, Sequence[MinuteParagraph | Resolution]], ...] = (
            ("paragraphs", "minute paragraph", self.r.paragraphs),
            ("resolutions", "resolution", self.r.resolutions),
        )
        for field_name, kind, rows in minuted:
            for i, row in enumerate(rows):
                self.item_ref(f"{field_name}[{i}].item_id", f"{kind} {i + 1}", row.item_id, "on")

    def votes(self) -> None:
        for i, v in enumerate(self.r.votes):
            path = f"votes[{i}]"
            owner = self.item_owner(v.item_id, i, "vote")
            self.item_ref(f"{path}.item_id", f"vote {i + 1}", v.item_id, "on")
            if v.resolution_id is not None:
                res = self.resolutions.get(v.resolution_id)
                if res is None:
                    self.add(
                        f"{path}.resolution_id",
                        f"{owner}: on an unknown resolution id '{short(v.resolution_id)}'",
                    )
                elif res.item_id != v.item_id and v.item_id in self.items:
                    self.add(
                        f"{path}.resolution_id",
                        f"{owner}: the resolution voted on belongs to {self.what(res.item_id)}",
                    )
            for person_id in v.named:
                self.person_ref(f"{path}.named.{person_id}", owner, person_id, "names")
            for name in ("votes_for", "votes_against", "abstentions"):
                if getattr(v, name) < 0:
                    self.add(f"{path}.{name}", f"{owner}: {name.replace('_', ' ')} is negative")
            if v.casting_vote is not None and v.votes_for != v.votes_against:
                self.add(
                    f"{path}.casting_vote",
                    f"{owner}: a casting vote is recorded but the votes were not tied "
                    f"({v.votes_for} for, {v.votes_against} against)",
                )

    def actions(self) -> None:
        for i, a in enumerate(self.r.actions):
            path = f"actions[{i}]"
            owner = self.item_owner(a.item_id, i, "action")
            self.item_ref(f"{path}.item_id", f"action {i + 1}", a.item_id, "on")
            self.person_ref(f"{path}.lead_person_id", owner, a.lead_person_id, "led by")


def _item_label(item: AgendaItem) -> str:
    return f"item {item.number} '{short(item.title)}'" if item.title else f"item {item.number}"


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _nth(index: int) -> str:
    n = index + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
