"""Published minutes read back into a meeting record.

    read_minutes(path) -> ParsedMinutes(record, guesses)

`layout` cuts the text into its parts; this module says what they mean. The sentences the
minutes generate from the record (attendance, apologies and substitutes, declarations,
votes, arrivals and departures, the exclusion of the press and public, the end time) become
the record again; every other paragraph is kept word for word as a numbered paragraph of its
item, with its topic bullets, and each RESOLVED block's clauses as resolutions. Paragraph
numbers are not kept (clerk numbers by position): a duplicated or skipped number is said in
the guesses. What could not be known from the text (the first name of a member named only as
"Cllr Carmen", which councillors of a one-a-line list are members) is guessed and said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from clerk import dates
from clerk.errors import InputError
from clerk.importers import read_utf8
from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text import sentences
from clerk.importers.minutes_text.layout import ItemText, Layout, Para, cut
from clerk.importers.minutes_text.lines import html_to_text, read_lines
from clerk.record import (
    DEFAULT_INTEREST_KINDS,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    ItemOutcome,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MinuteParagraph,
    Part,
    Person,
    Resolution,
    Vote,
    VoteMethod,
)
from clerk.standing import Standing, standing_kind

DEPUTY_MARK = "acting as Deputy"
_CHAIR_MARK = re.compile(r"^(?:Co-|Joint )?Chair(?:man|woman|person)?$")


@dataclass(frozen=True)
class ParsedMinutes:
    record: MeetingRecord
    guesses: tuple[str, ...]


def read_minutes(
    path: Path, *, committee: str | None = None, forms: f.Forms | None = None
) -> ParsedMinutes:
    path = Path(path)
    text = read_utf8(path, "minutes")
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    return parse_minutes(text, str(path), committee=committee, forms=forms)


def parse_minutes(
    text: str, source: str, *, committee: str | None = None, forms: f.Forms | None = None
) -> ParsedMinutes:
    return _Reader(source, forms or f.Forms()).read(text, committee)


@dataclass
class _Item:
    text: ItemText
    item: AgendaItem
    paragraphs: list[Para] = field(default_factory=list)


class _Reader:
    def __init__(self, source: str, forms: f.Forms) -> None:
        self.source = source
        self.forms = forms
        self.guesses: list[str] = []
        self.people: list[Person] = []
        self.attendance: dict[str, Attendance] = {}  # person id -> their attendance
        self.memberships: dict[str, Membership] = {}  # person id -> their seat
        self.committee = Committee(name="")
        self.meeting: Meeting | None = None

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

    # ----------------------------------------------------------------------- the whole

    def read(self, text: str, committee: str | None) -> ParsedMinutes:
        layout = cut(read_lines(text), self.source)
        marks = [ln.text for ln in layout.heading]
        if any("CONFIDENTIAL" in m for m in marks):
            raise InputError(
                self.source,
                layout.heading[0].number,
                "these are the confidential minutes of exempt business; clerk imports the "
                "public minutes only (the exempt minute belongs in the confidential record)",
            )
        self.read_heading(layout, committee)
        self.read_attendance(layout)
        items = self.read_items(layout)
        self.read_generated(layout, items)
        record = self.assemble(layout, items)
        if layout.trailing is not None:
            self.guesses.append(
                f"the minutes end at line {layout.trailing.number - 1}; what follows them "
                "(the rest of the pack) was not read"
            )
        return ParsedMinutes(record, tuple(self.guesses))

    def read_heading(self, layout: Layout, committee: str | None) -> None:
        m = layout.opening_match
        opening = layout.opening
        written = opening.bold[0] if len(opening.bold) >= 2 else m.group("committee")
        name = committee or written
        if committee and committee != written:
            self.guesses.append(f"committee {committee!r} as given (the minutes say {written!r})")
        try:
            day = dates.parse_date(opening.bold[1] if len(opening.bold) >= 2 else m.group("date"))
        except ValueError as exc:
            raise InputError(self.source, opening.number, str(exc)) from None
        skip = {"MINUTES", "MINUTES OF PROCEEDINGS", "DRAFT", name.upper(), written.upper()}
        councils = []
        for line in layout.heading:
            if line.text.upper() in skip or line.text.casefold() == written.casefold():
                break
            councils.append(_title_case(line.text))
        if not councils:
            councils = ["City of Westminster"]
            self.guesses.append("no council named above the minutes: City of Westminster")
        if m.group("joint") and len(councils) < 2:
            self.guesses.append("a joint meeting, but only one council is named above it")
        last = name.split()[-1] if name.split() else ""
        body = last if last in ("Board", "Panel", "Forum", "Sub-Committee", "Commission") else ""
        self.committee = Committee(
            name=name, councils=councils, body=body or "Committee", style="westminster"
        )
        start = None
        if layout.start_time:
            start = self.time(layout.start_time, opening.number)
        self.meeting = Meeting(
            committee_id=self.committee.id,
            date=day,
            start_time=start,
            venue=layout.venue,
            status=MeetingStatus.ENDED
            if any(ln.text.startswith("DRAFT") for ln in layout.heading)
            else MeetingStatus.CONFIRMED,
        )

    def time(self, text: str, line: int) -> dates.time:
        try:
            return dates.parse_time(text)
        except ValueError as exc:
            raise InputError(self.source, line, str(exc)) from None

    # ----------------------------------------------------------------------- attendance

    def read_attendance(self, layout: Layout) -> None:
        for line, what, listed in layout.attendance:
            if what.startswith(("Members", "Present")) and listed:
                self.members_inline(listed, line.number)
            elif what.startswith("Also"):
                for who in f.named_list(listed):
                    p = self.person(who, line=line.number)
                    self.labelled(p, who.label)
                    self.attend(p, AttendanceStatus.ALSO_PRESENT)
            elif what.startswith(("Officers", "In")):
                for who in f.named_list(listed):
                    p = self.person(who, line=line.number)
                    self.labelled(p, who.label)
                    self.attend(p, AttendanceStatus.OFFICER)
        if layout.person_lines:
            self.members_by_line(layout)

    def labelled(self, person: Person, label: str) -> None:
        if label and not person.role:
            person.role = label

    def mark(self, who: f.Named) -> MemberRole | None:
        if _CHAIR_MARK.match(who.label):
            self.committee.chair_title = re.sub(r"^(?:Co-|Joint )", "", who.label)
            return MemberRole.CHAIR
        return None

    def members_inline(self, listed: str, line: int) -> None:
        people = f.named_list(listed)
        everyone_councillor = listed.startswith(("Councillor ", "Councillors ", "Cllr"))
        chairs = 0
        for who in people:
            if not who.honorific and not everyone_councillor:
                who = f.Named(who.name, "Councillor", who.label)
            role = self.mark(who)
            chairs += role is not None
            p = self.person(who, line=line)
            self.seat(p, role or MemberRole.MEMBER)
            self.attend(p, AttendanceStatus.PRESENT)
        if not everyone_councillor and any(not w.honorific for w in people):
            self.guesses.append(
                f"line {line}: members named without an honorific are taken to be councillors"
            )
        self.co_chairs(chairs)

    def co_chairs(self, chairs: int) -> None:
        if chairs > 1:
            for ms in self.memberships.values():
                if ms.role is MemberRole.CHAIR:
                    ms.role = MemberRole.CO_CHAIR

    def members_by_line(self, layout: Layout) -> None:
        """One person a line: "Seat: Name (mark)" or "Name (role)". The chair(s) first, then
        the members A–Z; then (by the house order) councillors and others attending A–Z.
        Where the members end is not written: the A–Z run of councillors (and deputies)
        after the chair is taken to be the members."""
        entries = []
        per_seat = False
        for line in layout.person_lines:
            seat = ""
            text = line.text
            m = re.match(r"^(?P<seat>[^:()]{1,60}):\s+(?P<who>.+)$", text)
            if m:
                seat, text, per_seat = m.group("seat").strip(), m.group("who"), True
            who = f.named(text)
            deputy = DEPUTY_MARK in who.label or text.endswith(f"({DEPUTY_MARK})")
            if text.endswith(f"({DEPUTY_MARK})") and not who.label.endswith(DEPUTY_MARK):
                who = f.named(text[: -len(DEPUTY_MARK) - 2].strip())
                if who.label and not _CHAIR_MARK.match(who.label):
                    who = f.named(f"{who.name} ({who.label})")
            label = who.label.replace(DEPUTY_MARK, "").strip()
            entries.append((line, seat, f.Named(who.name, who.honorific, label), deputy))
        chairs = 0
        previous = ""
        members_done = False
        for line, seat, who, deputy in entries:
            role = self.mark(who)
            p = self.person(f.Named(who.name, who.honorific), line=line.number)
            key = _surname(who.name)
            if role is not None and not members_done:
                chairs += 1
                self.seat(p, role, seat)
                self.attend(p, AttendanceStatus.DEPUTY if deputy else AttendanceStatus.PRESENT)
                continue
            member = not members_done and (seat or deputy or who.is_councillor)
            if member and key >= previous:
                previous = key
                if deputy:
                    self.attend(p, AttendanceStatus.DEPUTY, role=who.label)
                    self.seat(p, MemberRole.MEMBER, seat)
                else:
                    self.seat(p, MemberRole.MEMBER, seat)
                    self.attend(p, AttendanceStatus.PRESENT, role=who.label)
                continue
            members_done = True
            self.labelled(p, who.label)
            status = AttendanceStatus.ALSO_PRESENT if who.is_councillor else AttendanceStatus.OFFICER
            self.attend(p, status)
        self.co_chairs(chairs)
        members = sum(1 for a in self.attendance.values() if a.status.counts_as_present)
        if not per_seat:
            self.guesses.append(
                f"attendance one person a line (line {layout.person_lines[0].number}): the "
                f"chair and the councillors after it in A–Z order read as the {members} "
                "members; the rest as attending (councillors) or officers"
            )

    # ----------------------------------------------------------------------- items

    def read_items(self, layout: Layout) -> list[_Item]:
        out: list[_Item] = []
        for n, text in enumerate(layout.items):
            item = AgendaItem(number=text.number, title=text.title, taken_order=n + 1)
            entry = _Item(text, item, [*text.paragraphs])
            self.check_numbers(text)
            out.append(entry)
        order = sorted(out, key=lambda e: _number_key(e.item.number))
        for position, entry in enumerate(order, start=1):
            entry.item.position = position
        if [e.item.number for e in order] != [e.item.number for e in out]:
            self.items_in_taken_order = True
            self.guesses.append("the items are printed in the order taken, not agenda order")
        return out

    def check_numbers(self, text: ItemText) -> None:
        written = [p.number for p in [*text.paragraphs, *text.after_resolved] if p.number]
        if text.resolved and text.resolved.number:
            written.append(text.resolved.number)
        seen: set[str] = set()
        for number in written:
            if number in seen:
                self.guesses.append(
                    f"paragraph {number} is numbered twice in item {text.number}; clerk numbers "
                    "paragraphs by position"
                )
            seen.add(number)
        unnumbered = [p for p in text.paragraphs if not p.number]
        for p in unnumbered:
            self.guesses.append(f"line {p.line}: a paragraph without a number, kept in its place")

    def read_generated(self, layout: Layout, items: list[_Item]) -> None:
        """The sentences compose writes from the record, turned back into the record."""
        standing: dict[Standing, _Item] = {}
        for entry in sorted(items, key=lambda e: e.item.position):
            kind = standing_kind(entry.item.title)
            if kind is not None and kind not in standing:
                standing[kind] = entry
        self.exempt(items)
        # an exempt item is not a standing item (standing_items skips them)
        standing = {k: e for k, e in standing.items() if e.item.part is Part.PUBLIC}
        before = layout.before_items
        membership = standing.get(Standing.MEMBERSHIP)
        target = membership.paragraphs if membership else before
        said_membership = self.membership(target)
        if not said_membership:
            where = f"item {membership.item.number}" if membership else "the minutes"
            self.guesses.append(
                f"{where} does not say whether the membership changed: clerk's minutes will say "
                f"{self.forms.membership_none[0]!r}"
            )
        declarations = standing.get(Standing.DECLARATIONS)
        self.declarations_found: list[Declaration] = []
        self.declarations(declarations.paragraphs if declarations else before, items)
        for entry in items:
            self.movements(entry.paragraphs, entry.item, items)
            self.votes(entry)
        self.movements(before, None, items)
        if before:
            for p in before:
                self.guesses.append(
                    f"line {p.line}: text before the first item that clerk does not write there "
                    f"was left out: {p.text[:60]!r}"
                )

    def exempt(self, items: list[_Item]) -> None:
        by_number = {e.item.number: e for e in items}
        for entry in items:
            block = entry.text.resolved
            if block is None:
                continue
            for line, clause in list(block.clauses):
                named = sentences.exclusion(clause)
                if named is None:
                    continue
                block.clauses.remove((line, clause))
                for number, paragraphs in named:
                    other = by_number.get(number)
                    if other is None:
                        raise InputError(
                            self.source,
                            line,
                            f"the press and public are excluded for item {number}, which the "
                            "minutes do not have",
                        )
                    other.item.part = Part.EXEMPT
                    other.item.exempt_paragraphs = paragraphs
            if not block.clauses:
                entry.text.resolved = None
        for entry in items:
            if entry.item.part is not Part.EXEMPT:
                continue
            texts = [*entry.paragraphs, *entry.text.after_resolved]
            entry.paragraphs = []
            kept = []
            for p in texts:
                if self.movement(p.text, entry.item, items):
                    continue
                kept.append(p.text)
            if len(kept) > 1:
                self.guesses.append(
                    f"exempt item {entry.item.number}: its {len(kept)} public paragraphs are "
                    "kept as one summary"
                )
            entry.item.public_summary = " ".join(kept)

    def membership(self, paragraphs: list[Para]) -> bool:
        said = False
        for p in list(paragraphs):
            text = p.text
            if f.match_whole(self.forms.membership_none, text):
                paragraphs.remove(p)
                said = True
                continue
            subs = f.match_repeated(self.forms.substitute, text)
            if subs:
                for m in subs:
                    groups = m.groupdict()
                    member = f.named(groups.get("member") or groups.get("member_short") or "")
                    sub = f.named(groups.get("substitute") or groups.get("substitute_short") or "")
                    if groups.get("body"):
                        self.committee.body = groups["body"]
                    mp = self.person(member, line=p.line)
                    sp = self.person(sub, line=p.line)
                    self.memberships.pop(sp.id, None)
                    self.seat(mp)
                    self.attendance.pop(mp.id, None)
                    self.attend(sp, AttendanceStatus.SUBSTITUTE, substitute_for=mp.id)
                paragraphs.remove(p)
                said = True
                continue
            m = f.match_whole(self.forms.apologies, text)
            if m:
                for who in f.named_list(m.group("names")):
                    person = self.person(who, line=p.line)
                    if who.label and not person.is_councillor:
                        self.attend(person, AttendanceStatus.APOLOGIES, role=who.label)
                    else:
                        self.attend(person, AttendanceStatus.APOLOGIES)
                    self.seat(person)
                paragraphs.remove(p)
                said = True
                continue
            m = f.match_whole(self.forms.deputy, text) or f.match_whole(self.forms.deputies, text)
            if m:
                member = None
                if "member" in m.groupdict():
                    member = self.person(f.named(m.group("member")), line=p.line)
                    self.seat(member)
                    self.attendance.pop(member.id, None)
                for who in f.named_list(m.group("names")):
                    person = self.person(who, line=p.line)
                    if member is not None:
                        self.memberships.pop(person.id, None)
                    self.attend(
                        person,
                        AttendanceStatus.DEPUTY,
                        substitute_for=member.id if member else None,
                    )
                paragraphs.remove(p)
                said = True
                continue
            break  # generated sentences come first; the rest is the clerk's own text
        return said

    def declarations(self, paragraphs: list[Para], items: list[_Item]) -> None:
        kinds = list(DEFAULT_INTEREST_KINDS)
        by_number = {e.item.number: e.item for e in items}
        for p in list(paragraphs):
            if f.match_whole(self.forms.declarations_none, p.text):
                paragraphs.remove(p)
                continue
            d = sentences.declaration(p.text, kinds)
            if d is None:
                continue
            person = self.person(f.named(d.who), line=p.line)
            if d.pronoun and not person.pronoun:
                person.pronoun = d.pronoun
            item = by_number.get(d.item_number) if d.item_number else None
            if d.item_number and item is None:
                raise InputError(
                    self.source, p.line, f"a declaration on item {d.item_number}, which is not here"
                )
            if d.kind not in kinds:
                self.committee.interest_kinds.append(d.kind)
                kinds.append(d.kind)
            self.declarations_found.append(
                Declaration(
                    person.id,
                    item.id if item else None,
                    d.kind,
                    nature=d.nature,
                    capacity=d.capacity,
                    action=d.action,
                    position=len(self.declarations_found),
                )
            )
            paragraphs.remove(p)

    def movements(self, paragraphs: list[Para], item: AgendaItem | None, items: list[_Item]) -> None:
        for p in list(paragraphs):
            if self.movement(p.text, item, items):
                paragraphs.remove(p)

    def movement(self, text: str, item: AgendaItem | None, items: list[_Item]) -> bool:
        for kind, templates in (("arrived", self.forms.arrived), ("left", self.forms.left)):
            m = None
            for template in templates:
                m = f.pattern(template).fullmatch(text) or f.pattern(
                    template.replace(" at {time}", " {time}")
                ).fullmatch(text)
                if m:
                    break
            if m is None:
                continue
            during = m.groupdict().get("during") or ""
            d = re.fullmatch(r" during item (\d{1,3}[A-Z]?)", during)
            if during and not d:
                return False
            person = next((p for p in self.people if _cllr(p) == m.group("name")), None)
            if person is None or person.id not in self.attendance:
                return False
            when = None
            if m.group("time"):
                try:
                    when = dates.parse_time(m.group("time"))
                except ValueError:
                    return False
            at_item = next((e.item for e in items if d and e.item.number == d.group(1)), None)
            if (at_item or None) is not (item if d else None) and item is not None:
                return False
            att = self.attendance[person.id]
            if kind == "arrived":
                att.arrived_at, att.arrived_item_id = when, at_item.id if at_item else None
            else:
                att.left_at, att.left_item_id = when, at_item.id if at_item else None
            return True
        return False

    def votes(self, entry: _Item) -> None:
        self.found_votes = getattr(self, "found_votes", [])
        for p in list(entry.paragraphs):
            v = sentences.vote(p.text)
            if v is None:
                continue
            named = {}
            for names, choice in v.named:
                for who in f.named_list(names):
                    named[self.person(who, line=p.line).id] = choice
            vote = Vote(
                entry.item.id,
                motion=_capital_that(v.motion),
                method=VoteMethod.RECORDED if v.recorded else VoteMethod.SHOW_OF_HANDS,
                votes_for=v.votes_for,
                votes_against=v.votes_against,
                abstentions=v.abstentions,
                named=named,
                casting_vote=v.casting,
                position=len([x for x in self.found_votes if x.item_id == entry.item.id]),
            )
            if v.recorded:
                vote = vote.counted_from_names()
            if (vote.outcome.value == "carried") != v.carried:
                self.guesses.append(
                    f"line {p.line}: the vote's counts do not give the outcome the minutes say"
                )
            self.found_votes.append(vote)
            entry.paragraphs.remove(p)

    # ----------------------------------------------------------------------- the record

    def assemble(self, layout: Layout, items: list[_Item]) -> MeetingRecord:
        assert self.meeting is not None
        meeting = self.meeting
        paragraphs: list[MinuteParagraph] = []
        resolutions: list[Resolution] = []
        for entry in items:
            item = entry.item
            for n, p in enumerate(entry.paragraphs + entry.text.after_resolved):
                paragraphs.append(MinuteParagraph(item.id, p.text, list(p.bullets), n))
            block = entry.text.resolved
            if block is None:
                continue
            if block.hoisted:
                self.committee.style = "board"
            for n, (_, clause) in enumerate(block.clauses):
                text = _capital_that(clause) if block.hoisted else clause
                resolutions.append(Resolution(item.id, _clause(text) + ".", n))
            item.outcome = ItemOutcome.RESOLVED
            if standing_kind(item.title) is Standing.MINUTES and block.clauses:
                approved = self.approved_on(block.clauses[0][1])
                if approved is not None:
                    meeting.approves_minutes_of = approved
        if layout.person_lines and not any(":" in ln.text for ln in layout.person_lines):
            self.committee.style = "board" if self.committee.style == "board" else "westminster"
        if layout.ended is not None:
            line, written = layout.ended
            meeting.end_time = self.time(written, line.number)
            canonical = dates.clock_time(meeting.end_time)
            if written != canonical and self.committee.style == "westminster":
                self.guesses.append(f"the end time {written!r} is written {canonical!r}")
        for label in layout.signatures:
            if label.upper() in ("CHAIR", "CHAIRMAN", "CHAIRWOMAN", "CHAIRPERSON"):
                self.committee.chair_title = label.capitalize()
        if self.committee.style != "westminster":
            self.guesses.append(f"house style: {self.committee.style}")
        for ms in self.memberships.values():
            ms.committee_id = self.committee.id
        meeting.committee_id = self.committee.id
        return MeetingRecord(
            committee=self.committee,
            meeting=meeting,
            people=self.people,
            memberships=list(self.memberships.values()),
            items=[e.item for e in items],
            attendance=list(self.attendance.values()),
            declarations=self.declarations_found,
            paragraphs=paragraphs,
            resolutions=resolutions,
            votes=getattr(self, "found_votes", []),
        )

    def approved_on(self, clause: str) -> dates.date | None:
        m = f.match_whole(self.forms.approve_minutes, _clause(clause) + ".")
        if not m:
            return None
        try:
            return dates.parse_date(m.group("date"))
        except ValueError:
            return None


def _clause(text: str) -> str:
    out = text.strip()
    while True:
        trimmed = out.removesuffix("; and").removesuffix(";").removesuffix(".").removesuffix(",")
        trimmed = trimmed.rstrip()
        if trimmed == out:
            return out
        out = trimmed


def _capital_that(text: str) -> str:
    """A hoisted clause ("The Minutes … be approved") as a resolution ("That the Minutes …")."""
    if not text or text[:5].casefold() == "that ":
        return ("That " + text[5:]) if text else text
    first = text.split()[0]
    if first.casefold() in f.COMMON_STARTS and not (len(first) > 1 and first[1].isupper()):
        text = first.lower() + text[len(first) :]
    return "That " + text


def _cllr(person: Person) -> str:
    if person.is_councillor:
        return f"Councillor {person.name}"
    return f"{person.honorific} {person.name}".strip()


def _surname(name: str) -> str:
    return (name.split() or [""])[-1].casefold()


def _number_key(number: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", number)
    return (int(m.group(1)), m.group(2)) if m else (0, number)


_SMALL = {"of", "and", "the", "for", "in", "on", "upon", "at", "to"}


def _title_case(text: str) -> str:
    """ "ROYAL BOROUGH OF KENSINGTON AND CHELSEA" -> "Royal Borough of Kensington and Chelsea"."""
    words = text.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL else w[:1] + w[1:].lower()
        for i, w in enumerate(words)
    )
