"""The attendance of published minutes: the members' list (in a line, one a line, or one
a seat), those also present and the officers."""

from __future__ import annotations

import re

from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text.base import CHAIR_MARK, DEPUTY_MARK, ReaderBase, surname
from clerk.importers.minutes_text.layout import Layout
from clerk.record import (
    AttendanceStatus,
    MemberRole,
    Person,
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
                if who.label and not CHAIR_MARK.match(who.label):
                    who = f.named(f"{who.name} ({who.label})")
            label = who.label.replace(DEPUTY_MARK, "").strip()
            entries.append((line, seat, f.Named(who.name, who.honorific, label), deputy))
        chairs = 0
        previous = ""
        members_done = False
        for line, seat, who, deputy in entries:
            role = self.mark(who)
            p = self.person(f.Named(who.name, who.honorific), line=line.number)
            # a substitute or deputy sits in the place of the member they replace
            key = self.sits_for.get(surname(who.name), surname(who.name))
            if role is not None and not members_done:
                chairs += 1
                self.seat(p, role, seat)
                self.attend(p, AttendanceStatus.DEPUTY if deputy else AttendanceStatus.PRESENT)
                continue
            member = not members_done and (seat or deputy or who.is_councillor)
            # one line a seat: the seat says so; one a person: the A–Z run (see above)
            if member and (seat or key >= previous):
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
            status = (
                AttendanceStatus.ALSO_PRESENT if who.is_councillor else AttendanceStatus.OFFICER
            )
            self.attend(p, status)
        self.co_chairs(chairs)
        members = sum(1 for a in self.attendance.values() if a.status.counts_as_present)
        if not per_seat:
            self.guesses.append(
                f"attendance one person a line (line {layout.person_lines[0].number}): the "
                f"chair and the councillors after it in A–Z order read as the {members} "
                "members; the rest as attending (councillors) or officers"
            )
