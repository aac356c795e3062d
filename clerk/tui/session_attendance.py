"""The live session's attendance: the committee's seats, who is present, apologies,
substitutes and deputies, membership changes, guests and officers, arrivals and departures,
quorum and who may vote. The roll call screen and the live screen's people keys call these."""

from __future__ import annotations

from dataclasses import fields
from datetime import time, timedelta
from typing import TYPE_CHECKING, Any

from clerk.record import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    MeetingRecord,
    MemberRole,
    Membership,
    MembershipChange,
    Person,
)

if TYPE_CHECKING:
    pass

from clerk.tui.session_core import SessionCore, clock_time, is_pecuniary

#: A member's own attendance (not sitting for another, not a guest).
_MEMBER_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)


class AttendanceMixin(SessionCore):
    """Who is at the meeting, as the record holds it."""

    # ------------------------------------------------------------------ attendance

    def members(self) -> list[tuple[Person, str]]:
        """The committee's seats on the day, chair first, then by surname, with their role."""
        seats = self.record.members()
        order = {MemberRole.CHAIR: 0, MemberRole.CO_CHAIR: 0, MemberRole.VICE_CHAIR: 1}
        rows = []
        for seat in seats:
            try:
                person = self.record.person(seat.person_id)
            except KeyError:
                continue
            rows.append((order.get(seat.role, 2), person.sort_key, person, seat.role.value))
        rows.sort(key=lambda r: (r[0], r[1]))
        return [(r[2], r[3]) for r in rows]

    def member_ids(self) -> set[str]:
        return {m.person_id for m in self.record.members()}

    def others(self) -> list[Attendance]:
        """Attendance of non-members: substitutes, deputies, also present, officers."""
        members = self.member_ids()
        return [a for a in self.record.attendance if a.person_id not in members]

    def set_attendance(self, person_id: str, status: AttendanceStatus, **fields: Any) -> Attendance:
        existing = self.record.attendance_of(person_id)
        name = self.record.person(person_id).name
        with self.action(f"{name}: {status.value.replace('_', ' ')}"):
            if existing is None:
                return self._add(Attendance(person_id=person_id, status=status, **fields))
            return self._update(existing, status=status, **fields)

    def clear_attendance(self, person_id: str) -> None:
        existing = self.record.attendance_of(person_id)
        if existing is not None:
            name = self.record.person(person_id).name
            with self.action(f"{name}: attendance cleared"):
                self._delete(existing)

    def person_for(self, name: str, role: str = "", honorific: str = "") -> Person:
        """A person already known by this name, or a new one added to the store. Known
        means the same name up to case, accents and an honorific ("cllr heather ACTON" is
        Heather Acton), so a name typed again never makes a second person."""
        from clerk import people

        typed_honorific, name = people.split_honorific(" ".join(name.split()))
        here = {p.id for p in self.record.people}
        known = people.exact(self.record.people, name)
        if known is None:
            known = people.exact(self.store.find_people(name), name, prefer=here)
        if known is not None:
            if known.id not in here:
                self._add(known)  # an existing person is linked to this meeting
            return known
        return self._add(Person(name=name, role=role, honorific=typed_honorific or honorific))

    def find_people(self, text: str, limit: int = 8) -> list[Person]:
        """Type-ahead: the best matches among the people at this meeting and everyone the
        store knows (`clerk.people` ranks them; at this meeting first among equals)."""
        from clerk import people

        if not text.strip():
            return sorted(self.record.people, key=lambda p: p.sort_key)[:limit]
        here = {p.id for p in self.record.people}
        try:
            known = [p for p in self.store.find_people(text, limit=limit) if p.id not in here]
        except Exception:  # type-ahead must never stop the clerk typing
            known = []
        return people.rank([*self.record.people, *known], text, prefer=here, limit=limit)

    def merge_people(self, keep_id: str, gone_id: str) -> Person:
        """One person entered twice becomes `keep_id` everywhere (see Store.merge_people)."""
        gone, keep = self.record.person(gone_id).name, self.record.person(keep_id).name
        with self.action(f"{gone} merged into {keep}"):
            kept = self.store.merge_people(keep_id, gone_id)
        # A merge rewrites rows all through the record (attendance, declarations, votes,
        # actions, seats, the people linked): reading it back is the one sure way for the
        # screens to show what the store now holds. In place, as screens hold the record.
        fresh = self.store.load_record(self.meeting_id)
        for f in fields(MeetingRecord):
            setattr(self.record, f.name, getattr(fresh, f.name))
        return kept

    def remove_person(self, person_id: str) -> None:
        """Take out someone entered by mistake: their attendance at this meeting and the
        person, in one transaction; refused (StoreError) while anything else names them."""
        attendance = self.record.attendance_of(person_id)
        with self.action(f"{self.record.person(person_id).name} removed"):
            if attendance is not None:
                self.store.delete(attendance)
            self.store.remove_person(person_id)
        self.record.attendance[:] = [a for a in self.record.attendance if a.person_id != person_id]
        self.record.people[:] = [p for p in self.record.people if p.id != person_id]

    def substitute(self, member_id: str, name: str, *, deputy: bool = False) -> Attendance:
        """Someone sitting for this meeting only in place of a member, who has therefore
        sent apologies (and stays on the committee): both are recorded in one step."""
        word = "deputy" if deputy else "substitute"
        with self.action(f"{name}: {word} for {self.record.person(member_id).name}"):
            person = self.person_for(name, honorific="" if deputy else "Councillor")
            status = AttendanceStatus.DEPUTY if deputy else AttendanceStatus.SUBSTITUTE
            member = self.record.attendance_of(member_id)
            if member is None or member.status is not AttendanceStatus.APOLOGIES:
                self.set_attendance(member_id, AttendanceStatus.APOLOGIES)
            return self.set_attendance(person.id, status, substitute_for=member_id)

    def change_membership(self, member_id: str | None, name: str | None) -> MembershipChange:
        """A membership change noted at this meeting (not a substitute): the member
        `member_id` has left the committee and/or `name` has joined it, in the leaver's role
        and seat. The seats are dated so that earlier meetings keep theirs: the leaver's ends
        the day before this meeting, the joiner's begins on its day; the joiner is marked
        present, and the leaver's attendance as a member goes."""
        if member_id is None and not name:
            raise ValueError("a membership change names who left or who joined")
        day = self.meeting.date
        left = self.record.person(member_id) if member_id else None
        what = " and ".join(
            part
            for part in (
                f"{left.name} left the committee" if left else "",
                f"{name} joined it" if name else "",
            )
            if part
        )
        with self.action(what):
            role, seat = MemberRole.MEMBER, ""
            if left is not None:
                for ms in [m for m in self.record.members() if m.person_id == left.id]:
                    role, seat = ms.role, ms.seat
                    self._update(ms, to_date=day - timedelta(days=1))
                own = self.record.attendance_of(left.id)
                if own is not None and own.status in _MEMBER_STATUSES:
                    self._delete(own)
            joined = None
            if name:
                joined = self.person_for(name, honorific="Councillor")
                if joined.id not in self.member_ids():
                    self._add(
                        Membership(
                            self.record.committee.id,
                            joined.id,
                            role=role,
                            seat=seat,
                            from_date=day,
                        )
                    )
                self.set_attendance(joined.id, AttendanceStatus.PRESENT)
            change = MembershipChange(
                left_id=left.id if left else None, joined_id=joined.id if joined else None
            )
            self.update_meeting(membership_changes=[*self.meeting.membership_changes, change])
        return change

    def also_present(self, name: str, role: str = "", *, officer: bool = False) -> Attendance:
        with self.action(f"{name}: {'officer' if officer else 'also present'}"):
            person = self.person_for(name, role=role, honorific="" if officer else "Councillor")
            status = AttendanceStatus.OFFICER if officer else AttendanceStatus.ALSO_PRESENT
            return self.set_attendance(person.id, status, role=role or person.role)

    def arrived(self, person_id: str, moment: time, item_id: str | None) -> Attendance:
        existing = self.record.attendance_of(person_id)
        status = existing.status if existing else AttendanceStatus.PRESENT
        if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
            status = AttendanceStatus.PRESENT
        name = self.record.person(person_id).name
        with self.action(f"{name}: arrived at {clock_time(moment)}"):
            return self.set_attendance(
                person_id, status, arrived_at=moment, arrived_item_id=item_id
            )

    def left(self, person_id: str, moment: time, item_id: str | None) -> Attendance:
        existing = self.record.attendance_of(person_id)
        status = existing.status if existing else AttendanceStatus.PRESENT
        name = self.record.person(person_id).name
        with self.action(f"{name}: left at {clock_time(moment)}"):
            return self.set_attendance(person_id, status, left_at=moment, left_item_id=item_id)

    def present_count(self, item: AgendaItem | None = None) -> int:
        """Voting seats in the room now: present, not yet gone, not out for a pecuniary interest."""
        out = self.pecuniary_ids(item) if item else set()
        return sum(
            1
            for a in self.record.attendance
            if a.status.is_voting_seat and a.left_at is None and a.person_id not in out
        )

    def quorate(self, item: AgendaItem | None = None) -> bool:
        return self.present_count(item) >= self.record.committee.quorum

    def pecuniary_ids(self, item: AgendaItem) -> set[str]:
        return {
            d.person_id
            for d in self.record.declarations
            if d.item_id == item.id and is_pecuniary(d.kind)
        }

    def voters(self, item: AgendaItem) -> list[Person]:
        """Who may vote on the item: voting seats present, less pecuniary interests."""
        out = self.pecuniary_ids(item)
        people = []
        for a in self.record.attendance:
            if a.status.is_voting_seat and a.left_at is None and a.person_id not in out:
                people.append(self.record.person(a.person_id))
        return sorted(people, key=lambda p: p.sort_key)
