"""The attendance of published minutes: the members' list (in a line, one a line, or one
a seat), those also present and the officers."""

from __future__ import annotations

import re

from clerk.importers.agenda_forms import sort_surname
from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text.base import CHAIR_MARK, DEPUTY_MARK, ReaderBase, cllr, surname
from clerk.importers.minutes_text.layout import Layout
from clerk.importers.minutes_text.lines import Line
from clerk.people import fold
from clerk.record import (
    AttendanceStatus,
    MemberRole,
    Person,
)

# "Councillor Susie Burbridge (substitute for Councillor Rita Begum)" in the members' list
SUBSTITUTE_MARK = re.compile(
    r"^(?:as (?:a )?)?substitut(?:e|ing)\b(?: for)?\s*(?P<member>.*)$", re.I
)


class AttendanceReader(ReaderBase):
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
        if CHAIR_MARK.match(who.label):
            self.committee.chair_title = re.sub(r"^(?:Co-|Joint )", "", who.label)
            return MemberRole.CHAIR
        return None

    def members_inline(self, listed: str, line: int) -> None:
        people = f.named_list(listed)
        everyone_councillor = listed.startswith(("Councillor ", "Councillors ", "Cllr"))
        seated: list[tuple[Person, str]] = []
        for who in people:
            if not who.honorific and not everyone_councillor:
                who = f.Named(who.name, "Councillor", who.label)
            role = self.mark(who)
            p = self.person(who, line=line)
            if role is None and self.substitute_in_list(p, who, line):
                continue
            self.seat(p, role or MemberRole.MEMBER)
            self.attend(p, AttendanceStatus.PRESENT)
            seated.append((p, who.label if role else ""))
        if not everyone_councillor and any(not w.honorific for w in people):
            self.guesses.append(
                f"line {line}: members named without an honorific are taken to be councillors"
            )
        self.co_chairs(seated, line)

    def substitute_in_list(self, person: Person, who: f.Named, line: int) -> bool:
        """A member of the list marked "(substitute for Councillor Rita Begum)": a substitute
        for this meeting, sitting for that member, who stays on the committee and sent
        apologies (as the Membership minute would say: clerk's minutes say it there). True
        when read so; a mark naming no one is said and the person read as a member."""
        m = SUBSTITUTE_MARK.match(who.label)
        if m is None:
            return False
        written = f.named(m.group("member"))
        if not written.name or written.label:
            self.guesses.append(
                f"line {line}: {cllr(person)} ({who.label}): the member substituted for could "
                "not be read; read as a member"
            )
            return False
        if not written.honorific and who.is_councillor:
            written = f.Named(written.name, "Councillor")
        member = self.person(written, line=line)
        self.seat(member)
        if member.id not in self.attendance:
            self.attend(member, AttendanceStatus.APOLOGIES)
        self.attend(person, AttendanceStatus.SUBSTITUTE, substitute_for=member.id)
        self.sits_for[surname(person.name)] = surname(member.name)
        self.guesses.append(
            f"line {line}: {cllr(person)} ({who.label}) read as a substitute for this meeting; "
            f"{cllr(member)} stays a member, with apologies"
        )
        return True

    def co_chairs(self, seated: list[tuple[Person, str]], line: int) -> None:
        """Who chaired, from the members in the order listed, (person, chair mark or "").
        Two or more marked are co-chairs; when one is marked with the title alone and the
        others otherwise ("Co-Chair", a style's mark for a co-chair who did not preside), that
        one presided. On a joint committee one marked, with the name after it out of A–Z
        order, presided over a co-chair the style leaves unmarked (the minutes list the
        chairs first, then the members A–Z)."""
        assert self.meeting is not None
        chairs = [p for p, mark in seated if mark]
        if len(chairs) > 1:
            for p in chairs:
                self.memberships[p.id].role = MemberRole.CO_CHAIR
            plain = [p for p, mark in seated if mark == self.committee.chair_title]
            if len(plain) == 1:
                self.meeting.presiding_id = plain[0].id
            return
        rest = [p for p, mark in seated if not mark]
        if len(chairs) != 1 or not self.committee.is_joint or len(rest) < 2:
            return
        first, second = (self.listed_as(p.name) for p in rest[:2])
        if seated[0][0] is not chairs[0] or first <= second:
            return
        if surname(rest[0].name) in self.sits_for:  # listed in the place they sat in
            return
        for p in (chairs[0], rest[0]):
            self.memberships[p.id].role = MemberRole.CO_CHAIR
        self.meeting.presiding_id = chairs[0].id
        self.guesses.append(
            f"line {line}: {rest[0].name} is listed after the {self.committee.chair_title}, "
            f"out of A–Z order: read as a co-chair; {chairs[0].name} presided"
        )

    def listed_as(self, name: str) -> str:
        """The surname a member is listed by in A–Z order, as compared (no case, no
        accents, "de la Cruz" whole): a substitute's or deputy's is the member's."""
        member = self.sits_for.get(surname(name))
        return sort_surname(name) if member is None else fold(member)

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
                if who.label and not CHAIR_MARK.match(who.label):
                    who = f.named(f"{who.name} ({who.label})")
            label = who.label.replace(DEPUTY_MARK, "").strip()
            entries.append((line, seat, f.Named(who.name, who.honorific, label), deputy))
        seated: list[tuple[Person, str]] = []  # the members in order, with a chair's mark
        previous = ""
        members_done = False
        for n, (line, seat, who, deputy) in enumerate(entries):
            role = self.mark(who)
            p = self.person(f.Named(who.name, who.honorific), line=line.number)
            # a substitute or deputy sits in the place of the member they replace
            key = self.listed_as(who.name)
            if role is not None and not members_done:
                seated.append((p, who.label))
                self.seat(p, role, seat)
                self.attend(p, AttendanceStatus.DEPUTY if deputy else AttendanceStatus.PRESENT)
                continue
            member = not members_done and (seat or deputy or who.is_councillor)
            # one line a seat: the seat says so; one a person: the A–Z run (see above), after
            # an unmarked co-chair listed straight after the one who presided (co_chairs)
            co_chair = self.unmarked_co_chair(entries, n)
            if member and (seat or co_chair or key >= previous):
                if not co_chair:
                    previous = key
                seated.append((p, ""))
                if deputy:
                    self.attend(p, AttendanceStatus.DEPUTY, role=who.label)
                    self.seat(p, MemberRole.MEMBER, seat)
                else:
                    self.seat(p, MemberRole.MEMBER, seat)
                    self.attend(p, AttendanceStatus.PRESENT, role=who.label)
                continue
            members_done = True
            self.labelled(p, who.label)
            status = (
                AttendanceStatus.ALSO_PRESENT if who.is_councillor else AttendanceStatus.OFFICER
            )
            self.attend(p, status)
        self.co_chairs(seated, layout.person_lines[0].number)
        members = sum(1 for a in self.attendance.values() if a.status.counts_as_present)
        if not per_seat:
            self.guesses.append(
                f"attendance one person a line (line {layout.person_lines[0].number}): the "
                f"chair and the councillors after it in A–Z order read as the {members} "
                "members; the rest as attending (councillors) or officers"
            )

    def unmarked_co_chair(self, entries: list[tuple[Line, str, f.Named, bool]], n: int) -> bool:
        """The line after the only chair, on a joint committee, out of A–Z order with the
        councillor after it: a co-chair who did not preside, whom the style leaves unmarked.
        Not one who sat in another's place (a substitute, a deputy, a member who joined in
        place of one who left): the minutes list them in that place, and a councillor
        attending after them may well sort before it."""
        if n != 1 or len(entries) < 3 or not self.committee.is_joint:
            return False
        if not CHAIR_MARK.match(entries[0][2].label) or CHAIR_MARK.match(entries[2][2].label):
            return False
        after = entries[2][2]
        if not (after.is_councillor or entries[2][1] or entries[2][3]):
            return False
        if surname(entries[1][2].name) in self.sits_for:  # listed in another's place
            return False
        return self.listed_as(entries[1][2].name) > self.listed_as(after.name)
