"""Compose a meeting record into the Minutes document, in a house style.

This is the only place that decides the minutes' wording. What is generated rather than
stored:

- the heading block, the opening sentence, the attendance (from attendance records);
- the membership minute (substitutes, apologies, deputies, or "no changes") and the
  declarations minute (one paragraph per declaration, or "no declarations");
- paragraph numbers ("4.1", "4.2" …, by position, restarting in each item, so no number can
  be duplicated or skipped);
- RESOLVED blocks and their punctuation. A resolution is stored as its clause, usually with a
  final "." ("That the report be noted."); compose strips any trailing ".", ";", "; and" or
  "," and punctuates by position: a single resolution ends ".", in a list every one ends ";"
  except the second-last ("; and") and the last (".");
- votes (only those recorded), late arrivals and early departures, the exclusion of the press
  and public for exempt items, the closing time and the signature lines.

Exempt (Part 2) items: the public minutes carry, for each run of consecutive exempt items,
the resolution excluding the press and public with the Schedule 12A grounds, and any public
summary the clerk wrote — nothing else of them (no paragraphs, resolutions, votes, and no
nature or capacity of a declaration on them). `exempt=True` composes the separate
confidential minutes with only the exempt items, in full.

Why one module (about 700 lines): the Composer is one walk over the record in the order the
minutes print it, and the numbering of each item's paragraphs depends on everything the walk
wrote before; the sentences that stand alone are already apart (`membership`, `declaring`,
`voting`, `phrases`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from datetime import time

from clerk.minutes import phrases
from clerk.minutes.declaring import declaration_runs, declaration_sentence
from clerk.minutes.document import (
    STATUS,
    Block,
    Heading,
    Inline,
    MinutesDocument,
    Paragraph,
    Resolved,
    Run,
    SignatureLines,
    inline_text,
    plain,
)
from clerk.minutes.membership import AttendanceSentences
from clerk.minutes.style import HouseStyle
from clerk.minutes.templates import fill_values
from clerk.minutes.voting import clause as clause
from clerk.minutes.voting import vote_runs, vote_sentence
from clerk.record import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Person,
    Resolution,
    Vote,
)
from clerk.standing import Standing, standing_items

#: Part 1 of Schedule 12A to the Local Government Act 1972: the descriptions of exempt information.
SCHEDULE_12A: dict[int, str] = {
    1: "Information relating to any individual",
    2: "Information which is likely to reveal the identity of an individual",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    4: "Information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter arising "
    "between the authority or a Minister of the Crown and employees of, or office holders "
    "under, the authority",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    6: "Information which reveals that the authority proposes (a) to give under any enactment "
    "a notice under or by virtue of which requirements are imposed on a person; or (b) to make "
    "an order or direction under any enactment",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime",
}

CONFIDENTIAL = "CONFIDENTIAL – NOT FOR PUBLICATION"


def compose_minutes(
    record: MeetingRecord, style: HouseStyle, *, exempt: bool = False, draft: bool = True
) -> MinutesDocument:
    """The minutes of the meeting: the public minutes, or (exempt=True) the confidential
    minutes of its exempt items."""
    return Composer(record, style).minutes(exempt=exempt, draft=draft)


# --------------------------------------------------------------------------- shared helpers


#: A style's words for when the meeting began, for minutes of a meeting whose start is not
#: recorded (one read from minutes that did not say).
_AT_START = re.compile(r"\s*\b(?:at|from)\s+\{start_time\}")


def templated(template: str, **values: object) -> Inline:
    """A style template as runs: `**…**` is bold; a value can never turn bold on or off
    (clerk.minutes.templates)."""
    return fill_values(
        template, {k: v if isinstance(v, tuple) else str(v) for k, v in values.items()}
    )


def punctuate(clauses: list[str]) -> list[str]:
    """ "…;" for each but the second-last ("…; and") and the last ("….")."""
    n = len(clauses)
    out = []
    for i, c in enumerate(clauses):
        if i == n - 1:
            out.append(c + ".")
        elif i == n - 2:
            out.append(c + "; and")
        else:
            out.append(c + ";")
    return out


def exemption_grounds(item: AgendaItem) -> str:
    """ "Paragraph 3 of Part 1 of Schedule 12A to the Act (Information relating to …)"."""
    paras = sorted(set(item.exempt_paragraphs))
    known = [p for p in paras if p in SCHEDULE_12A]
    if not paras:
        return "Part 1 of Schedule 12A to the Act"
    word = "Paragraph" if len(paras) == 1 else "Paragraphs"
    numbers = phrases.join_names(str(p) for p in paras)
    descriptions = "; ".join(
        SCHEDULE_12A[p] if i == 0 else phrases.lower_first(SCHEDULE_12A[p])
        for i, p in enumerate(known)
    )
    tail = f" ({descriptions})" if descriptions else ""
    return f"{word} {numbers} of Part 1 of Schedule 12A to the Act{tail}"


#: Words every exclusion resolution holds, whatever its grounds: how one already made is known.
EXCLUDED = "be excluded from the meeting"


def exempt_run(record: MeetingRecord, item: AgendaItem) -> list[AgendaItem]:
    """The exempt items taken together from `item` on, in agenda order: one exclusion of the
    press and public covers them all."""
    agenda = record.agenda()
    run: list[AgendaItem] = []
    for later in agenda[agenda.index(item) :]:
        if not later.is_exempt:
            break
        run.append(later)
    return run


def exclusion_resolution(items: list[AgendaItem]) -> str:
    """The resolution excluding the press and public for `items` (consecutive exempt items)."""
    grounds = "; ".join(
        f"Item {item.number} – {item.title} – {exemption_grounds(item)}" for item in items
    )
    if len(items) == 1:
        business = "the following item of business because it involves"
    else:
        business = "the following items of business because they involve"
    return (
        "That under Section 100 (A) (4) of the Local Government Act 1972, the public and press "
        f"be excluded from the meeting for {business} the likely disclosure of exempt "
        "information on the grounds shown below and it is not in the public interest to "
        f"disclose this information: {grounds}."
    )


class Composer:
    def __init__(self, record: MeetingRecord, style: HouseStyle) -> None:
        self.r = record
        self.s = style
        self.chair_title = style.heading.chair_title or record.committee.chair_title or "Chair"
        self.body = record.committee.body or "Committee"
        self.standing = standing_items(record)
        self.sentences = AttendanceSentences(record, style, self.body)

    # ----------------------------------------------------------------------- words

    def approval_resolution(self, held_on: dt.date | None) -> str:
        """The Minutes item's standard resolution approving an earlier meeting's minutes."""
        rs = self.s.resolutions
        if held_on is None:
            return rs.approve_minutes_undated.format(committee=self.r.committee.name)
        return rs.approve_minutes.format(
            committee=self.r.committee.name,
            date=phrases.long_date(held_on, "{day} {month} {year}"),
        )

    def date(self) -> str:
        return phrases.long_date(self.r.meeting.date, self.s.opening.date)

    def time(self, moment: time) -> str:
        return phrases.clock_time(moment, self.s.opening.time)

    def items(self) -> list[AgendaItem]:
        return self.r.order_taken() if self.s.items.order == "taken" else self.r.agenda()

    def present(self, statuses: Iterable[AttendanceStatus]) -> list[tuple[Attendance, Person]]:
        wanted = set(statuses)
        return [(a, self.r.person(a.person_id)) for a in self.r.attendance if a.status in wanted]

    # ----------------------------------------------------------------------- the document

    def minutes(self, *, exempt: bool, draft: bool) -> MinutesDocument:
        blocks: list[Block] = [*self.heading_block()]
        exempt_items = [i for i in self.items() if i.is_exempt]
        if exempt:
            paragraphs = sorted({p for i in exempt_items for p in i.exempt_paragraphs})
            note = (
                "These minutes contain exempt information within "
                f"{exemption_grounds_short(paragraphs)} of Part 1 of Schedule 12A to the "
                "Local Government Act 1972 and are not for publication."
            )
            blocks.append(Paragraph((Run(CONFIDENTIAL, bold=True),)))
            blocks.append(Paragraph(plain(note)))
        blocks.append(Paragraph(self.opening()))
        blocks += self.attendance_block()
        blocks += [Paragraph(m.runs) for m in self.sentences.movements() if m.item_id is None]
        if not exempt:
            if Standing.MEMBERSHIP not in self.standing:
                blocks += [Paragraph(runs) for runs in self.membership_runs()]
            if Standing.DECLARATIONS not in self.standing:
                blocks += [Paragraph(runs) for runs in self.declaration_runs()]
        items = self.items()
        for index, item in enumerate(items):
            if exempt:
                if item.is_exempt:
                    blocks += self.item_blocks(item)
                continue
            if item.is_exempt:
                first_of_run = index == 0 or not items[index - 1].is_exempt
                run: list[AgendaItem] = []
                if first_of_run:
                    for later in items[index:]:
                        if not later.is_exempt:
                            break
                        run.append(later)
                blocks += self.exempt_item_public(item, run)
            else:
                blocks += self.item_blocks(item)
        if self.r.meeting.end_time is not None:
            ended = phrases.clock_time(
                self.r.meeting.end_time, self.s.closing.time or self.s.opening.time
            )
            blocks.append(Paragraph(templated(self.s.closing.ended, time=ended)))
        labels = tuple(
            label.replace("**", "").format(CHAIR=self.chair_title.upper(), Chair=self.chair_title)
            for label in self.s.closing.signatures
        )
        if labels:
            blocks.append(SignatureLines(labels))
        blocks += [Paragraph(line, source=STATUS) for line in self.status_lines()]
        marks = (("DRAFT",) if draft else ()) + (("CONFIDENTIAL",) if exempt else ())
        title = f"{self.r.committee.styled_name} – {self.date()}"
        if exempt:
            title += " – exempt minutes"
        return MinutesDocument(
            blocks=tuple(blocks),
            title=title,
            running_header=f"{self.r.committee.styled_name} – {self.date()}",
            draft=draft,
            confidential=exempt,
            marks=marks,
        )

    def status_lines(self) -> list[Inline]:
        """ "Approved by the Chairman on …" and "Confirmed … on …", as the record says and
        the style words them; none while the minutes are a draft."""
        m, closing = self.r.meeting, self.s.closing
        if not m.status.minutes_approved:
            return []
        lines: list[Inline] = []
        if m.approved_on is not None and closing.approved:
            lines.append(
                templated(
                    closing.approved,
                    Chair=self.chair_title,
                    CHAIR=self.chair_title.upper(),
                    date=phrases.long_date(m.approved_on, self.s.opening.date),
                )
            )
        if m.status is MeetingStatus.CONFIRMED and m.confirmed_on is not None:
            template = (
                closing.confirmed_amended if m.confirmed_with_amendments else closing.confirmed
            )
            if template:
                lines.append(
                    templated(
                        template,
                        date=phrases.long_date(m.confirmed_on, self.s.opening.date),
                        minute=m.confirmed_minute,
                    )
                )
        return lines

    def heading_block(self) -> list[Block]:
        """The council(s), title, committee and subtitle lines, or the style's own `lines`."""
        councils = self.s.heading.councils or self.r.committee.councils
        councils = [c.upper() if self.s.heading.uppercase_councils else c for c in councils]
        if self.s.heading.lines:
            return self.heading_lines(councils)
        out: list[Block] = [Heading(council, 1) for council in councils]
        if self.s.heading.title:
            out.append(Heading(self.s.heading.title, 2))
        out.append(Heading(self.r.committee.styled_name, 3))
        if self.s.heading.subtitle:
            out.append(Heading(self.s.heading.subtitle, 4))
        return out

    def heading_lines(self, councils: list[str]) -> list[Block]:
        """The style's heading lines in its order: a line with {council} is written once per
        council; the committee's line is the main heading, lines before it the titles above
        it and lines after it the subtitles (their levels in Word and markdown)."""
        out: list[Block] = []
        after_committee = False
        for template in self.s.heading.lines:
            bare = template.replace("**", "")  # headings are bold whatever the markers
            names = {"committee": self.r.committee.styled_name}
            names["COMMITTEE"] = names["committee"].upper()
            if "{council}" in template:
                for council in councils:
                    out.append(Heading(bare.format(council=council, **names), 1))
                continue
            text = bare.format(council="", **names)
            if "{committee}" in template or "{COMMITTEE}" in template:
                out.append(Heading(text, 3))
                after_committee = True
            elif text:
                out.append(Heading(text, 4 if after_committee else 2))
        return out

    def opening(self) -> Inline:
        m = self.r.meeting
        template = self.s.opening.joint if self.r.committee.is_joint else self.s.opening.single
        if not m.start_time:  # none recorded: "at {start_time}" goes, not just the time
            template = _AT_START.sub("", template).replace("{start_time}", "")
        return templated(
            template,
            committee=self.r.committee.styled_name,
            date=self.date(),
            venue=m.venue,
            start_time=self.time(m.start_time) if m.start_time else "",
            councils=phrases.join_names(self.r.committee.councils),
        )

    # ----------------------------------------------------------------------- attendance

    def seats(self) -> list[tuple[str, Person, Attendance, Person | None]]:
        """Each seat filled at the meeting, chair(s) first then A–Z by the member's surname:
        (member label, the person sitting, their attendance, the member they sit for)."""
        # a member who joined at this meeting in another's place is listed in that place,
        # as a substitute is (HOUSE_STYLE §2.3)
        in_place_of = {
            c.joined_id: c.left_id
            for c in self.r.meeting.membership_changes
            if c.joined_id and c.left_id
        }
        presiding = self.r.meeting.presiding_id
        chairs = (MemberRole.CHAIR, MemberRole.CO_CHAIR)
        memberships = sorted(
            self.r.members(),
            key=lambda m: (
                m.person_id != presiding,
                m.role not in chairs,
                self.r.person(in_place_of.get(m.person_id, m.person_id)).sort_key,
            ),
        )
        seated: set[str] = set()
        out: list[tuple[str, Person, Attendance, Person | None]] = []
        for ms in memberships:
            member = self.r.person(ms.person_id)
            mark = ""
            if member.id == presiding:
                mark = self.chair_title
            elif ms.role in chairs:
                # a co-chair who did not preside, when the record says who did
                other = self.s.attendance.other_co_chair
                mark = (
                    self.chair_title if presiding is None else other.format(title=self.chair_title)
                )
            own = self.r.attendance_of(member.id)
            if own is not None and own.status is AttendanceStatus.PRESENT:
                out.append((mark, member, own, None))
                seated.add(member.id)
                continue
            for a in self.r.attendance:
                if a.substitute_for == member.id and a.status in (
                    AttendanceStatus.SUBSTITUTE,
                    AttendanceStatus.DEPUTY,
                ):
                    out.append(("", self.r.person(a.person_id), a, member))
                    seated.add(a.person_id)
        out += self.unlisted_seats(seated)
        return self.in_order(out)

    def in_order(
        self, seats: list[tuple[str, Person, Attendance, Person | None]]
    ) -> list[tuple[str, Person, Attendance, Person | None]]:
        """The seats in the style's order: alphabetical (the chair first, then A–Z by the
        member's surname, a substitute in the place of the member replaced), as recorded in
        the roll call, by seat (the committee's own order of its seats), or councillors
        first (the chair, councillors A–Z, then everyone else A–Z)."""
        order = self.s.attendance.order
        if order == "recorded":
            rows = {a.id: i for i, a in enumerate(self.r.attendance)}
            return sorted(seats, key=lambda s: rows.get(s[2].id, len(rows)))
        if order == "seat":
            listed = {m.person_id: i for i, m in enumerate(self.r.memberships)}
            return sorted(seats, key=lambda s: listed.get((s[3] or s[1]).id, len(listed)))
        if order == "councillors_first":
            return sorted(seats, key=lambda s: (not s[0], not s[1].is_councillor))
        return seats

    def unlisted_seats(
        self, seated: set[str]
    ) -> list[tuple[str, Person, Attendance, Person | None]]:
        """Anyone recorded in a seat with no current membership on the record: at the end."""
        out: list[tuple[str, Person, Attendance, Person | None]] = []
        rest = [
            (a, p)
            for a, p in self.present(
                [AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.DEPUTY]
            )
            if p.id not in seated
        ]
        for a, p in sorted(rest, key=lambda ap: ap[1].sort_key):
            replaced = self.r.person(a.substitute_for) if a.substitute_for else None
            out.append(("", p, a, replaced))
        return out

    def seat_name(self, mark: str, person: Person, attendance: Attendance) -> str:
        name = person.name if person.is_councillor else f"{person.honorific} {person.name}"
        name = name.strip()
        if mark:
            name += f" ({mark})"
        return name

    def attendance_block(self) -> list[Block]:
        a = self.s.attendance
        seats = self.seats()
        also = phrases.by_surname(p for _, p in self.present([AttendanceStatus.ALSO_PRESENT]))
        also_att = {p.id: at for at, p in self.present([AttendanceStatus.ALSO_PRESENT])}
        officers = self.present([AttendanceStatus.OFFICER])
        officer_people = phrases.by_surname(p for _, p in officers)
        officer_att = {p.id: at for at, p in officers}
        out: list[Block] = []
        if a.layout == "inline":
            all_councillors = all(p.is_councillor for _, p, _, _ in seats)
            if all_councillors:  # "Councillors A (Chairman), B and C"
                names = [self.seat_name(mark, p, att) for mark, p, att, _ in seats]
            else:  # each named in full: "Councillor A (Chair), Dr B and Councillor C"
                names = [
                    phrases.cllr(p) + (f" ({mark})" if mark else "") for mark, p, _, _ in seats
                ]
            if names:
                listed = (
                    phrases.councillor_list(names) if all_councillors else phrases.join_names(names)
                )
                out.append(Paragraph(templated(a.members, names=listed)))
            if a.also_present and also:
                out.append(
                    Paragraph(
                        templated(
                            a.also_present_line,
                            names=self.people_list(also, {k: v.role for k, v in also_att.items()}),
                        )
                    )
                )
            if a.officers and officer_people:
                officer_names = phrases.join_names(
                    phrases.name_with_role(p, officer_att[p.id].role) for p in officer_people
                )
                out.append(Paragraph(templated(a.officers_line, names=officer_names)))
            return out
        # one line a person (or a seat)
        out.append(Paragraph(templated(a.present_heading)))
        lines: list[str] = []
        for mark, p, att, replaced in seats:
            role = att.role or p.role
            if a.layout == "per_seat":
                seat = self.seat_label(replaced or p)
                name = phrases.cllr(p)
                if att.status is AttendanceStatus.DEPUTY and a.deputy_mark:
                    name += f" {a.deputy_mark}"
                if mark == self.chair_title and a.per_seat_chair == "title":
                    # "Chair: Councillor Tim Mitchell (Cabinet Member for …)"
                    lines.append(f"{mark}: {name}" + (f" ({role})" if role else ""))
                    continue
                if mark:
                    name += f" ({mark})"
                lines.append(f"{seat}: {name}" if seat else name)
            else:
                label = chair_label(a.chair_label, mark, att.role) if mark else att.role
                if att.status is AttendanceStatus.DEPUTY and a.deputy_mark:
                    label = (label + " " if label else "") + a.deputy_mark.strip("()")
                lines.append(f"{phrases.cllr(p)} ({label})" if label else phrases.cllr(p))
        others: list[Person] = []
        roles: dict[str, str] = {}
        also_line = a.also_present and also and a.also_present_layout == "line"
        if a.also_present and not also_line:
            others += also
            roles.update({k: v.role for k, v in also_att.items()})
        if a.officers:
            others += officer_people
            roles.update({k: v.role for k, v in officer_att.items()})
        councillors = [p for p in others if p.is_councillor]
        rest = [p for p in others if not p.is_councillor]
        for p in phrases.by_surname(councillors) + phrases.by_surname(rest):
            label = phrases.role_label(p, roles.get(p.id, ""))
            lines.append(f"{phrases.cllr(p)} ({label})" if label else phrases.cllr(p))
        out += [Paragraph(plain(line)) for line in lines]
        if also_line:  # "Also present: …" after the list, as in the inline layout
            also_names = self.people_list(also, {k: v.role for k, v in also_att.items()})
            out.append(Paragraph(templated(a.also_present_line, names=also_names)))
        return out

    def seat_label(self, member: Person) -> str:
        for ms in self.r.members():
            if ms.person_id == member.id:
                return ms.seat
        return ""

    def people_list(self, people: list[Person], roles: dict[str, str] | None = None) -> str:
        """ "Councillor Heather Acton", "Councillors A and B", "Councillor A and X (Role)"."""
        return phrases.people_list(people, roles)

    # ----------------------------------------------------------------------- attendance sentences

    def movements(self) -> list[tuple[str | None, str, str, str]]:
        """(item id or None, "arrived"/"left", sentence, source) for late arrivals and early
        departures."""
        return [(m.item_id, m.kind, m.sentence, m.source) for m in self.sentences.movements()]

    def unplaced_movements(self) -> list[str]:
        return [s for item_id, _, s, _ in self.movements() if item_id is None]

    def membership_sentences(self) -> list[str]:
        return self.sentences.membership_minute()

    def membership_runs(self) -> list[Inline]:
        return self.sentences.membership_runs()

    # ----------------------------------------------------------------------- declarations

    def declarations(self) -> list[Declaration]:
        return sorted(self.r.declarations, key=lambda d: (d.position, d.id))

    def declaration_sentences(self, *, public: bool = True) -> list[str]:
        """One sentence group per declaration; on an exempt item the public minutes name the
        interest and what the member did, but not its nature or the capacity."""
        return [inline_text(runs) for runs in self.declaration_runs(public=public)]

    def declaration_sentence(self, d: Declaration, *, public: bool) -> str:
        return declaration_sentence(self.r, self.s, d, public=public)

    def declaration_runs(self, *, public: bool = True) -> list[Inline]:
        """As `declaration_sentences`, with the bold the style gives."""
        declarations = self.declarations()
        if not declarations:
            return [templated(self.s.declarations.none)]
        return [declaration_runs(self.r, self.s, d, public=public) for d in declarations]

    # ----------------------------------------------------------------------- items

    def item_heading(self, item: AgendaItem) -> Heading:
        """ "5. IMMUNISATION PROGRAMMES", or as the style's [items] heading says (headings
        are bold whatever the markers)."""
        text = self.s.items.heading.replace("**", "").format(
            number=item.number,
            title=item.title,
            title_upper=item.title.upper(),
            title_case=phrases.title_as_written(item.title),
        )
        return Heading(text, 5)

    def item_blocks(self, item: AgendaItem) -> list[Block]:
        """An item's minute: numbered paragraphs, then the RESOLVED block."""
        movements = [m for m in self.sentences.movements() if m.item_id == item.id]
        texts: list[tuple[Inline, tuple[Inline, ...], str]] = []
        texts += [(m.runs, (), m.source) for m in movements if m.kind == "arrived"]
        if item is self.standing.get(Standing.MEMBERSHIP):
            texts += [(runs, (), "membership") for runs in self.membership_runs()]
        if item is self.standing.get(Standing.DECLARATIONS):
            public = not item.is_exempt
            declarations = self.declarations()
            if declarations:
                texts += [
                    (declaration_runs(self.r, self.s, d, public=public), (), f"declarations:{d.id}")
                    for d in declarations
                ]
            else:
                texts.append((templated(self.s.declarations.none), (), "declarations"))
        if item.is_exempt:  # the exempt minutes: declarations on it, in full, under it
            texts += [
                (declaration_runs(self.r, self.s, d, public=False), (), f"declarations:{d.id}")
                for d in self.r.declarations_for(item.id)
            ]
        notes: set[str] = set()  # sources of unnumbered notes
        for p in self.r.paragraphs_for(item.id):
            bullets = tuple(plain(b) for b in p.bullets if b.strip())
            if p.note:
                notes.add(f"paragraphs:{p.id}")
                texts.append(
                    (templated(self.s.items.note, text=p.text), bullets, f"paragraphs:{p.id}")
                )
            else:
                texts.append((plain(p.text), bullets, f"paragraphs:{p.id}"))
        texts += [(self.vote_runs(v), (), f"votes:{v.id}") for v in self.r.votes_for(item.id)]
        texts += [(m.runs, (), m.source) for m in movements if m.kind == "left"]
        resolutions = self.r.resolutions_for(item.id)
        blocks: list[Block] = [self.item_heading(item)]
        n = 0
        for runs, bullets, source in texts:
            if source in notes:  # not numbered, and no number skipped for it
                blocks.append(Paragraph(runs, bullets=bullets, source=source))
                continue
            n += 1
            blocks.append(
                Paragraph(runs, number=f"{item.number}.{n}", bullets=bullets, source=source)
            )
        if resolutions:
            blocks.append(self.resolved(item, resolutions, only_content=not n, next_n=n + 1))
        return blocks

    def resolved(
        self,
        item: AgendaItem,
        resolutions: list[Resolution],
        *,
        only_content: bool,
        next_n: int,
    ) -> Resolved:
        return self.resolved_from_texts(
            item,
            [r.text for r in resolutions],
            only_content=only_content,
            next_n=next_n,
            sources=[f"resolutions:{r.id}" for r in resolutions],
        )

    def resolved_from_texts(
        self,
        item: AgendaItem,
        texts: list[str],
        *,
        only_content: bool,
        next_n: int,
        sources: list[str] | None = None,
    ) -> Resolved:
        rs = self.s.resolutions
        kept = [
            (clause(t), src) for t, src in zip(texts, sources or [""] * len(texts), strict=True)
        ]
        kept = [(c, src) for c, src in kept if c]
        clauses = [c for c, _ in kept]
        hoist = rs.hoist_that
        if hoist:  # "RESOLVED: That the …" runs on; a list's items start "(1) The …"
            clauses = [_unhoist(c, capital=len(clauses) > 1) for c in clauses]
        number = ""
        if hoist or only_content:
            number = f"{item.number}.{next_n}"
        if len(clauses) == 1:
            resolutions: tuple[tuple[str, str], ...] = (("", clauses[0] + "."),)
        else:
            resolutions = tuple(
                (rs.label.format(n=i), text) for i, text in enumerate(punctuate(clauses), start=1)
            )
        # the heading is bold whatever the markers say: "**RESOLVED:**" prints no asterisks
        plain_heading = rs.heading.replace("**", "")
        heading = f"{plain_heading} That" if hoist else plain_heading
        return Resolved(
            resolutions,
            heading=heading,
            number=number,
            number_on_heading=hoist,
            run_in=hoist and len(clauses) == 1,
            sources=tuple(src for _, src in kept),
        )

    def exempt_item_public(self, item: AgendaItem, run: list[AgendaItem]) -> list[Block]:
        """An exempt item in the public minutes: the exclusion resolution (before the first
        item of a run of exempt items) and the public summary, if one was written."""
        blocks: list[Block] = [self.item_heading(item)]
        texts = [m.runs for m in self.sentences.movements() if m.item_id == item.id]
        if item.public_summary.strip():
            texts.append(plain(item.public_summary.strip()))
        if run:
            blocks.append(
                self.resolved_from_texts(
                    item, [exclusion_resolution(run)], only_content=not texts, next_n=1
                )
            )
        n = 1 if (run and (self.s.resolutions.hoist_that or not texts)) else 0
        for runs in texts:
            n += 1
            blocks.append(Paragraph(runs, number=f"{item.number}.{n}"))
        return blocks

    # ----------------------------------------------------------------------- votes

    def vote_sentences(self, item: AgendaItem) -> list[str]:
        return [self.vote_sentence(v) for v in self.r.votes_for(item.id)]

    def vote_sentence(self, vote: Vote) -> str:
        return vote_sentence(self.r, self.s, vote, self.chair_title)

    def vote_runs(self, vote: Vote) -> Inline:
        return vote_runs(self.r, self.s, vote, self.chair_title)


def chair_label(template: str, mark: str, role: str) -> str:
    """The chair's label in the one-a-line layout: the mark in place of the role ("Chair"),
    or beside it ("Chair, Cabinet Member for …"), with no stray separator when there is no
    role."""
    text = template.format(title=mark, role=role)
    return text.strip().strip(",;–-").strip() if not role else text


def _unhoist(text: str, *, capital: bool) -> str:
    """ "That the Minutes … be approved" -> "The Minutes … be approved" (the heading says That)."""
    if text[:5].casefold() == "that ":
        rest = text[5:]
        return phrases.capitalise(rest) if capital else rest
    return text


def exemption_grounds_short(paragraphs: list[int]) -> str:
    if not paragraphs:
        return "the meaning"
    word = "paragraph" if len(paragraphs) == 1 else "paragraphs"
    return f"{word} {phrases.join_names(str(p) for p in paragraphs)}"
