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
from clerk.minutes.document import Inline
from clerk.minutes.style import HouseStyle
from clerk.minutes.templates import fill, join, plain_text, sentences
from clerk.record import Attendance, AttendanceStatus, MeetingRecord, Person


@dataclass(frozen=True)
class Movement:
    """A late arrival or early departure, as the minutes write it."""

    item_id: str | None  # the item it happened during (None: not placed under an item)
    kind: str  # "arrived" | "left"
    sentence: str
    source: str  # "attendance:<id>"
    runs: Inline = ()  # the sentence with the bold the style's template gives it


class AttendanceSentences:
    def __init__(self, record: MeetingRecord, style: HouseStyle, body: str) -> None:
        self.r = record
        self.s = style
        self.body = body

    def role_of(self, person: Person) -> str:
        attendance = self.r.attendance_of(person.id)
        return (attendance.role if attendance is not None else "") or person.role

    def named(self, person: Person, *, honorific: str | None = None) -> Inline:
        """A person as the Membership minute names them, in the style's `councillor` or
        `person` template: "Councillor Heather Acton", "Dr Ann Lee (Director of Public
        Health)". `honorific` in place of their own ("" to leave it out, in a list that says
        "Councillors" once)."""
        m = self.s.membership
        if person.is_councillor:
            template, own = m.councillor, "Councillor"
        else:
            template, own = m.person, person.honorific
        return fill(
            template,
            optional=True,
            honorific=own if honorific is None else honorific,
            name=person.name,
            role=self.role_of(person),
            organisation=person.organisation,
        )

    def group(self, people: list[Person]) -> Inline:
        """People as one list: "Councillors A and B" (the honorific once, when all are
        councillors and the style names a councillor honorific first), otherwise each in
        full: "Councillor A and Dr B (Role)"."""
        once = self.s.membership.councillor.replace("**", "").startswith("{honorific}")
        if people and once and all(p.is_councillor for p in people):
            word = "Councillor" if len(people) == 1 else phrases.plural_honorific("Councillor")
            return join(
                self.named(p, honorific=word if i == 0 else "") for i, p in enumerate(people)
            )
        return join(self.named(p) for p in people)

    def with_status(self, status: AttendanceStatus) -> list[tuple[Attendance, Person]]:
        return [(a, self.r.person(a.person_id)) for a in self.r.attendance if a.status is status]

    # ------------------------------------------------------------------ the Membership minute

    def changes(self) -> list[Inline]:
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
                fill(
                    template,
                    left=self.named(left) if left else "",
                    joined=self.named(joined) if joined else "",
                    body=self.body,
                )
            )
        return out

    def apologies(self, people: list[Person] | None = None, *, also: bool = False) -> Inline:
        """ "Apologies for absence were received from …" naming everyone who sent them (or
        `people`, A–Z); `also`: the "were also received" sentence after deputies."""
        if people is None:
            people = [p for _, p in self.with_status(AttendanceStatus.APOLOGIES)]
        people = phrases.by_surname(people)
        if not people:
            return ()
        template = self.s.membership.apologies_also if also else self.s.membership.apologies
        return fill(template, names=self.group(people))

    def substitutes(self) -> list[Inline]:
        """ "Councillor B attended as a substitute for Councillor A." for each, in the order of
        the members they sat for."""
        subs = [
            (a, p) for a, p in self.with_status(AttendanceStatus.SUBSTITUTE) if a.substitute_for
        ]
        subs.sort(key=lambda ap: (self.r.person(ap[0].substitute_for or "").sort_key, ap[1].id))
        return [
            fill(
                self.s.membership.substitute,
                substitute=self.named(p),
                member=self.named(self.r.person(a.substitute_for or "")),
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

    def deputies(self, pairs: list[tuple[Person, Person]] | None = None) -> Inline:
        m = self.s.membership
        pairs = self.deputy_pairs() if pairs is None else pairs
        if not pairs:
            return ()
        names = join(self.named(d) for d, _ in pairs)
        member_names = join(self.named(p) for _, p in pairs)
        template = m.deputy if len(pairs) == 1 else m.deputies
        return fill(template, names=names, member=member_names, members=member_names)

    def membership_minute(self) -> list[str]:
        """The Membership item's paragraphs as plain text (see `membership_runs`)."""
        return [plain_text(runs) for runs in self.membership_runs()]

    def membership_runs(self) -> list[Inline]:
        """The Membership item's paragraphs: the changes, then the apologies with the
        substitutes, then the deputies; or "There were no changes to the membership."."""
        out = self.changes()
        none = fill(self.s.membership.none)
        if self.s.membership.grouping == "deputies_after_their_members":
            out += self.grouped_by_deputies()
            return out or [none]
        absent = sentences((self.apologies(), *self.substitutes()))
        if absent:
            out.append(absent)
        deputies = self.deputies()
        if deputies:
            out.append(deputies)
        return out or [none]

    def grouped_by_deputies(self) -> list[Inline]:
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
        said: list[Inline] = []
        if grouped:
            members = [p for _, p in grouped]
            said.append(self.apologies(members))
            names = join(self.named(d) for d, _ in grouped)
            template = (
                self.s.membership.deputy_respective
                if len(grouped) == 1
                else self.s.membership.deputies_respective
            )
            said.append(fill(template, names=names))
        others = [
            p
            for _, p in self.with_status(AttendanceStatus.APOLOGIES)
            if p.id not in {m.id for _, m in grouped}
        ]
        said.append(self.apologies(others, also=bool(grouped)))
        said += self.substitutes()
        together = sentences(said)
        out = [together] if together else []
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
                runs = fill(template, name=phrases.cllr(person), time=when, during=during)
                out.append(
                    Movement(
                        item.id if item else None,
                        kind,
                        plain_text(runs),
                        f"attendance:{a.id}",
                        runs,
                    )
                )
        return out
