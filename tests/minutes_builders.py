"""Build meeting records for minutes tests in a few lines.

    m = MeetingBuilder()
    glanz = m.member("Jonathan Glanz", chair=True, pronoun="he")
    bright = m.member("Margot Bright", present=False)
    m.attend(m.councillor("Matt Noble"), SUBSTITUTE, substitute_for=bright)
    five = m.item("5", "IMMUNISATION")
    m.para(five, "The Committee discussed …")
    m.resolve(five, "That the report be noted.")
    text = minutes_text(m.build())

A builder starts with items 1 MEMBERSHIP and 2 DECLARATIONS OF INTEREST (standard=False:
none). Members are present unless present=False.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from clerk.minutes.compose import compose_minutes
from clerk.minutes.decisions import compose_decision_note
from clerk.minutes.render_text import render_text
from clerk.minutes.style import HouseStyle, load_style
from clerk.record import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    DeclarationAction,
    ItemOutcome,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MembershipChange,
    MinuteParagraph,
    Part,
    Person,
    Resolution,
    Vote,
    VoteChoice,
    VoteMethod,
)


class MeetingBuilder:
    def __init__(
        self,
        committee: str = "Family and People Services Policy and Scrutiny Committee",
        *,
        chair_title: str = "Chairman",
        councils: list[str] | None = None,
        body: str = "Committee",
        day: date = date(2019, 10, 17),
        start: time | None = time(19, 0),
        end: time | None = time(20, 59),
        venue: str = "Rooms 18.01 and 18.02, 18th Floor, 64 Victoria Street, London SW1E 6QP",
        standard: bool = True,
    ) -> None:
        self.committee = Committee(
            name=committee,
            councils=councils or ["City of Westminster"],
            chair_title=chair_title,
            body=body,
        )
        self.meeting = Meeting(
            committee_id=self.committee.id,
            date=day,
            start_time=start,
            end_time=end,
            venue=venue,
            status=MeetingStatus.ENDED,
        )
        self.people: list[Person] = []
        self.memberships: list[Membership] = []
        self.items: list[AgendaItem] = []
        self.attendance: list[Attendance] = []
        self.declarations: list[Declaration] = []
        self.paragraphs: list[MinuteParagraph] = []
        self.resolutions: list[Resolution] = []
        self.votes: list[Vote] = []
        self.actions: list[Action] = []
        if standard:
            self.item("1", "MEMBERSHIP")
            self.item("2", "DECLARATIONS OF INTEREST")

    # people
    def person(
        self,
        name: str,
        *,
        honorific: str = "",
        role: str = "",
        organisation: str = "",
        pronoun: str = "",
        surname: str = "",
    ) -> Person:
        p = Person(
            name=name,
            honorific=honorific,
            role=role,
            organisation=organisation,
            pronoun=pronoun,
            surname=surname,
        )
        self.people.append(p)
        return p

    def councillor(self, name: str, *, pronoun: str = "", role: str = "") -> Person:
        return self.person(name, honorific="Councillor", pronoun=pronoun, role=role)

    def member(
        self,
        name: str,
        *,
        chair: bool = False,
        co_chair: bool = False,
        pronoun: str = "",
        seat: str = "",
        honorific: str = "Councillor",
        present: bool = True,
    ) -> Person:
        p = self.person(name, honorific=honorific, pronoun=pronoun)
        role = MemberRole.CO_CHAIR if co_chair else MemberRole.CHAIR if chair else MemberRole.MEMBER
        self.memberships.append(Membership(self.committee.id, p.id, role=role, seat=seat))
        if present:
            self.attend(p, AttendanceStatus.PRESENT)
        return p

    def change_membership(
        self, left: Person | None = None, joined: Person | None = None
    ) -> MembershipChange:
        """A membership change noted at this meeting: `left`'s seat ends the day before it,
        `joined` holds a seat from its day (in `left`'s role and seat, if any)."""
        day = self.meeting.date
        role, seat = MemberRole.MEMBER, ""
        if left is not None:
            for ms in self.memberships:
                if ms.person_id == left.id:
                    ms.to_date = day - timedelta(days=1)
                    role, seat = ms.role, ms.seat
        if joined is not None:
            self.memberships.append(
                Membership(self.committee.id, joined.id, role=role, seat=seat, from_date=day)
            )
        change = MembershipChange(
            left_id=left.id if left else None, joined_id=joined.id if joined else None
        )
        self.meeting.membership_changes.append(change)
        return change

    def attend(
        self,
        person: Person,
        status: AttendanceStatus,
        *,
        substitute_for: Person | None = None,
        role: str = "",
        arrived_at: time | None = None,
        arrived_item: AgendaItem | None = None,
        left_at: time | None = None,
        left_item: AgendaItem | None = None,
    ) -> Attendance:
        existing = next((a for a in self.attendance if a.person_id == person.id), None)
        if existing is not None:
            self.attendance.remove(existing)
        a = Attendance(
            person.id,
            status,
            substitute_for=substitute_for.id if substitute_for else None,
            role=role,
            arrived_at=arrived_at,
            arrived_item_id=arrived_item.id if arrived_item else None,
            left_at=left_at,
            left_item_id=left_item.id if left_item else None,
        )
        self.attendance.append(a)
        return a

    # the agenda
    def item(
        self,
        number: str,
        title: str,
        *,
        exempt_paragraphs: list[int] | None = None,
        summary: str = "",
        description: str = "",
        taken_order: int | None = None,
        outcome: ItemOutcome | None = None,
    ) -> AgendaItem:
        item = AgendaItem(
            number=number,
            title=title,
            description=description,
            part=Part.EXEMPT if exempt_paragraphs is not None else Part.PUBLIC,
            exempt_paragraphs=list(exempt_paragraphs or []),
            position=len(self.items) + 1,
            taken_order=taken_order,
            outcome=outcome,
            public_summary=summary,
        )
        self.items.append(item)
        return item

    def para(self, item: AgendaItem, text: str, bullets: list[str] | None = None) -> None:
        n = len([p for p in self.paragraphs if p.item_id == item.id]) + 1
        self.paragraphs.append(MinuteParagraph(item.id, text, list(bullets or []), position=n))

    def resolve(self, item: AgendaItem, *texts: str) -> list[Resolution]:
        out = []
        for text in texts:
            n = len([r for r in self.resolutions if r.item_id == item.id]) + 1
            r = Resolution(item.id, text, position=n)
            self.resolutions.append(r)
            out.append(r)
        return out

    def declare(
        self,
        person: Person,
        item: AgendaItem | None,
        kind: str = "pecuniary interest",
        *,
        nature: str = "",
        capacity: str = "",
        action: DeclarationAction = DeclarationAction.REMAINED,
    ) -> Declaration:
        d = Declaration(
            person.id,
            item.id if item else None,
            kind,
            nature=nature,
            capacity=capacity,
            action=action,
            position=len(self.declarations) + 1,
        )
        self.declarations.append(d)
        return d

    def vote(
        self,
        item: AgendaItem,
        *,
        method: VoteMethod = VoteMethod.SHOW_OF_HANDS,
        motion: str = "",
        resolution: Resolution | None = None,
        votes_for: int = 0,
        against: int = 0,
        abstentions: int = 0,
        named: list[tuple[Person, VoteChoice]] | None = None,
        casting: VoteChoice | None = None,
    ) -> Vote:
        v = Vote(
            item.id,
            resolution_id=resolution.id if resolution else None,
            motion=motion,
            method=method,
            votes_for=votes_for,
            votes_against=against,
            abstentions=abstentions,
            named={p.id: c for p, c in (named or [])},
            casting_vote=casting,
            position=len(self.votes) + 1,
        )
        if named:
            v = v.counted_from_names()
        self.votes.append(v)
        return v

    def action(self, item: AgendaItem, text: str, lead: str = "") -> Action:
        a = Action(item.id, text, lead=lead, position=len(self.actions) + 1)
        self.actions.append(a)
        return a

    def build(self) -> MeetingRecord:
        return MeetingRecord(
            committee=self.committee,
            meeting=self.meeting,
            people=list(self.people),
            memberships=list(self.memberships),
            items=list(self.items),
            attendance=list(self.attendance),
            declarations=list(self.declarations),
            paragraphs=list(self.paragraphs),
            resolutions=list(self.resolutions),
            votes=list(self.votes),
            actions=list(self.actions),
        )


def style_of(style: str | Path | HouseStyle = "westminster") -> HouseStyle:
    return style if isinstance(style, HouseStyle) else load_style(style)


def minutes_text(
    record: MeetingRecord,
    style: str | Path | HouseStyle = "westminster",
    *,
    exempt: bool = False,
    draft: bool = False,
) -> str:
    return render_text(compose_minutes(record, style_of(style), exempt=exempt, draft=draft))


def decision_text(record: MeetingRecord, style: str | Path | HouseStyle = "westminster") -> str:
    return render_text(compose_decision_note(record, style_of(style)))


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def committee_of_three(**kwargs: object) -> tuple[MeetingBuilder, dict[str, Person]]:
    """Glanz (Chairman), Bright and Short, all present: the usual starting point."""
    m = MeetingBuilder(**kwargs)  # type: ignore[arg-type]
    people = {
        "glanz": m.member("Jonathan Glanz", chair=True, pronoun="he"),
        "bright": m.member("Margot Bright", pronoun="she"),
        "short": m.member("Selina Short", pronoun="she"),
    }
    return m, people
