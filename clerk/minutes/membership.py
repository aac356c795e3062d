"""The Membership minute and the attendance sentences: who left or joined the committee, who
sent apologies, who substituted for whom for this meeting, who deputised, who came late or
left early.

Three facts the minutes must never turn into one another (HOUSE_STYLE §3):

- a membership change (`Meeting.membership_changes`): a member has left the committee or
  joined it; "It was noted that Councillor A had stepped down from the Committee …";
- apologies with a substitute (Attendance APOLOGIES, and SUBSTITUTE with `substitute_for`):
  the member stays on the committee and another sits for this meeting only;
- a deputy (Attendance DEPUTY): a board member's nominated deputy.

Each sentence names exactly the people the record holds in that state, and no one else.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.minutes import phrases
from clerk.minutes.style import HouseStyle
from clerk.record import Attendance, AttendanceStatus, MeetingRecord, Person


@dataclass(frozen=True)
class Movement:
    """A late arrival or early departure, as the minutes write it."""

    item_id: str | None  # the item it happened during (None: not placed under an item)
    kind: str  # "arrived" | "left"
    sentence: str
    source: str  # "attendance:<id>"


class AttendanceSentences:
    def __init__(self, record: MeetingRecord, style: HouseStyle, body: str) -> None:
        self.r = record
        self.s = style
        self.body = body

    def named(self, person: Person) -> str:
        """A person as a sentence names them, with the role at this meeting for a
        non-councillor ("Dr Ann Lee (Director of Public Health)")."""
        if person.is_councillor:
            return phrases.cllr(person)
        attendance = self.r.attendance_of(person.id)
        role = attendance.role if attendance is not None else ""
        return phrases.name_with_role(person, role, honorific=True)

    def group(self, people: list[Person]) -> str:
        """People as one list: "Councillors A and B", "Councillor A and Dr B (Role)"."""
        roles = {a.person_id: a.role for a in self.r.attendance}
        return phrases.people_list(people, roles)

    def with_status(self, status: AttendanceStatus) -> list[tuple[Attendance, Person]]:
        return [(a, self.r.person(a.person_id)) for a in self.r.attendance if a.status is status]

    # ------------------------------------------------------------------ the Membership minute

    def changes(self) -> list[str]:
        """One sentence per membership change noted at this meeting, in the order noted."""
        m = self.s.membership
        out = []
        for change in self.r.meeting.membership_changes:
            left = self.r.person(change.left_id) if change.left_id else None
            joined = self.r.person(change.joined_id) if change.joined_id else None
            if left is not None and joined is not None:
                template = m.replaced
            elif left is not None:
                template = m.left
            elif joined is not None:
                template = m.joined
            else:
                continue  # the record's checks refuse a change naming no one
            out.append(
                template.format(
                    left=self.named(left) if left else "",
                    joined=self.named(joined) if joined else "",
                    body=self.body,
                )
            )
        return out

    def apologies(self, people: list[Person] | None = None, *, also: bool = False) -> str:
        """ "Apologies for absence were received from …" naming everyone who sent them (or
        `people`, A–Z); `also`: the "were also received" sentence after deputies."""
        if people is None:
            people = [p for _, p in self.with_status(AttendanceStatus.APOLOGIES)]
        people = phrases.by_surname(people)
        if not people:
            return ""
        template = self.s.membership.apologies_also if also else self.s.membership.apologies
        return template.format(names=self.group(people))

    def substitutes(self) -> list[str]:
        """ "Councillor B attended as a substitute for Councillor A." for each, in the order of
        the members they sat for."""
        subs = [
            (a, p) for a, p in self.with_status(AttendanceStatus.SUBSTITUTE) if a.substitute_for
        ]
        subs.sort(key=lambda ap: (self.r.person(ap[0].substitute_for or "").sort_key, ap[1].id))
        return [
            self.s.membership.substitute.format(
                substitute=self.named(p), member=self.named(self.r.person(a.substitute_for or ""))
            )
            for a, p in subs
        ]

    def deputy_pairs(self) -> list[tuple[Person, Person]]:
        """(deputy, member deputised for), A–Z by the deputy's surname."""
        deputies = [
            (a, p) for a, p in self.with_status(AttendanceStatus.DEPUTY) if a.substitute_for
        ]
        deputies.sort(key=lambda ap: (ap[1].sort_key, ap[1].id))
        return [(p, self.r.person(a.substitute_for or "")) for a, p in deputies]

    def deputies(self, pairs: list[tuple[Person, Person]] | None = None) -> str:
        m = self.s.membership
        pairs = self.deputy_pairs() if pairs is None else pairs
        if not pairs:
            return ""
        names = phrases.join_names(self.named(d) for d, _ in pairs)
        member_names = phrases.join_names(self.named(p) for _, p in pairs)
        template = m.deputy if len(pairs) == 1 else m.deputies
        return template.format(names=names, member=member_names, members=member_names)

    def membership_minute(self) -> list[str]:
        """The Membership item's paragraphs: the changes, then the apologies with the
        substitutes, then the deputies; or "There were no changes to the membership."."""
        out = self.changes()
        if self.s.membership.grouping == "deputies_after_their_members":
            out += self.grouped_by_deputies()
            return out or [self.s.membership.none]
        absent = " ".join(s for s in (self.apologies(), *self.substitutes()) if s)
        if absent:
            out.append(absent)
        deputies = self.deputies()
        if deputies:
            out.append(deputies)
        return out or [self.s.membership.none]

    def grouped_by_deputies(self) -> list[str]:
        """As the boards write it: "Apologies for absence were received from A and B. X and Y
        attended as their respective Deputies. Apologies for absence were also received from
        C." — the first sentence names exactly the members whose deputies follow, in the same
        order, so "their respective" is true. A deputy for a member who sent no apologies is
        named with that member, in the separate form."""
        apologised = {p.id for _, p in self.with_status(AttendanceStatus.APOLOGIES)}
        pairs = self.deputy_pairs()
        grouped = [(d, p) for d, p in pairs if p.id in apologised]
        grouped.sort(key=lambda dp: (dp[1].sort_key, dp[1].id))  # in the apologies' order
        loose = [(d, p) for d, p in pairs if p.id not in apologised]
        sentences: list[str] = []
        if grouped:
            members = [p for _, p in grouped]
            sentences.append(self.apologies(members))
            names = phrases.join_names(self.named(d) for d, _ in grouped)
            template = (
                self.s.membership.deputy_respective
                if len(grouped) == 1
                else self.s.membership.deputies_respective
            )
            sentences.append(template.format(names=names))
        others = [
            p
            for _, p in self.with_status(AttendanceStatus.APOLOGIES)
            if p.id not in {m.id for _, m in grouped}
        ]
        sentences.append(self.apologies(others, also=bool(grouped)))
        sentences += self.substitutes()
        out = [" ".join(s for s in sentences if s)] if any(sentences) else []
        if loose:
            out.append(self.deputies(loose))
        return out

    # ------------------------------------------------------------------ late and early

    def movements(self) -> list[Movement]:
        out = []
        items = {i.id: i for i in self.r.items}
        a_style = self.s.attendance
        for a in self.r.attendance:
            person = self.r.person(a.person_id)
            for kind, at, item_id, timed, untimed in (
                (
                    "arrived",
                    a.arrived_at,
                    a.arrived_item_id,
                    a_style.arrived,
                    a_style.arrived_untimed,
                ),
                ("left", a.left_at, a.left_item_id, a_style.left, a_style.left_untimed),
            ):
                item = items.get(item_id) if item_id else None
                if at is None and item is None:
                    continue
                during = f" during item {item.number}" if item is not None else ""
                template = timed if at is not None else untimed
                when = phrases.clock_time(at, self.s.opening.time) if at is not None else ""
                sentence = template.format(name=phrases.cllr(person), time=when, during=during)
                out.append(
                    Movement(item.id if item else None, kind, sentence, f"attendance:{a.id}")
                )
        return out
