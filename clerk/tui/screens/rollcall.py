"""The roll call: who is present, apologies, substitutes, deputies, officers, late and early."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from clerk.errors import ClerkError
from clerk.record import Attendance, AttendanceStatus, MemberRole, Person
from clerk.tui.dialogs.forms import (
    ChoiceDialog,
    Field,
    FormDialog,
    PersonChoice,
    PersonDialog,
)
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.session import LiveSession, clock_time, long_date, parse_time
from clerk.tui.widgets.footer import ClerkFooter

CURSOR = "▶"  # drawn on the highlighted line: the cursor is seen without colour
ROLE_WIDTH = 30


def cut(text: str, width: int) -> str:
    """Text that fits `width`, with … where it was cut (the detail line has the rest)."""
    return text if len(text) <= width else text[: width - 1] + "…"


# How the detail line names a seat; {} is the committee's title for its chair.
SEAT_WORDS = {
    MemberRole.MEMBER: "member",
    MemberRole.CHAIR: "{}",
    MemberRole.VICE_CHAIR: "Vice-{}",
    MemberRole.CO_CHAIR: "Co-{}",
}

STATUS_LABELS = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.APOLOGIES: "apologies",
    AttendanceStatus.ABSENT: "absent",
    AttendanceStatus.SUBSTITUTE: "substitute",
    AttendanceStatus.DEPUTY: "deputy",
    AttendanceStatus.ALSO_PRESENT: "also present",
    AttendanceStatus.OFFICER: "officer",
}


class RollCallTable(KeyedHelp, DataTable):
    # a row cursor has no columns to go to: Home and End go to the first and last lines
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    HELP_TEMPLATE = """\
## Roll call
One key per member: **{key:rollcall_present}** present, **{key:rollcall_apologies}** apologies,
**{key:rollcall_absent}** absent (the cursor moves down). **{key:rollcall_substitute}** a
substitute for the highlighted member (who has sent apologies and stays on the committee),
**{key:rollcall_deputy}** a deputy for them. **{key:rollcall_membership}** a change to the
membership: the highlighted member has left the committee (replaced by a new member, or not);
on anyone else, a new member who has joined it.
**{key:rollcall_also_present}** a councillor also present, **{key:rollcall_officer}** an officer
(name and role, type-ahead over people known). **{key:rollcall_late}** a late arrival,
**{key:rollcall_early}** an early departure (time and item default to now and the current item).
**{key:rollcall_clear}** clears the highlighted line (▶; the line under the table says whose it
is); **{key:undo_meeting}** brings it back. Someone added by mistake: **{key:rollcall_merge}**
merges them into the right person (their attendance, declarations, votes and actions go with
them), **{key:rollcall_remove}** removes them if nothing else names them.
**{key:rollcall_back}** returns to the meeting.
"""


class RollCallScreen(Screen):
    """Attendance at the meeting, written to the store key by key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="rollcall_back"),
        Binding("p", "mark('present')", "Present", id="rollcall_present"),
        Binding("a", "mark('apologies')", "Apologies", id="rollcall_apologies"),
        Binding("x", "mark('absent')", "Absent", id="rollcall_absent"),
        Binding("s", "substitute", "Substitute", id="rollcall_substitute"),
        Binding("d", "deputy", "Deputy", id="rollcall_deputy"),
        # rarer than the others: in the help (F1), not the footer, which keeps Officer and Late
        Binding("n", "membership", "Membership change", id="rollcall_membership", show=False),
        Binding("c", "also_present", "Also present", id="rollcall_also_present"),
        Binding("o", "officer", "Officer", id="rollcall_officer"),
        Binding("l", "late", "Late", id="rollcall_late"),
        Binding("e", "early", "Left early", id="rollcall_early"),
        Binding("delete", "clear", "Clear", id="rollcall_clear"),
        Binding("m", "merge", "Merge into…", id="rollcall_merge"),
        Binding("r", "remove", "Remove person", id="rollcall_remove"),
    ]

    def __init__(self, session: LiveSession) -> None:
        super().__init__()
        self.session = session
        self.row_ids: list[str] = []
        self.marked: str | None = None  # the row showing the cursor mark

    def compose(self) -> ComposeResult:
        yield Static(id="rollcall-title", classes="screen-title")
        yield RollCallTable(id="rollcall", cursor_type="row", zebra_stripes=True)
        yield Static(id="rollcall-detail")
        yield Static(id="rollcall-summary", classes="status-line")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(RollCallTable)
        table.add_column("", key="cursor", width=1)
        table.add_column("Name", key="name", width=34)
        table.add_column("Seat / role", key="role", width=ROLE_WIDTH)
        table.add_column("Attendance", key="status", width=14)
        table.add_column("Notes", key="notes")
        self.redraw()
        table.focus()

    # ------------------------------------------------------------------ drawing

    def redraw(self) -> None:
        # Names, roles and notes go in as Text: a str cell is markup to DataTable, and
        # "Ann [b]Lee[/b]" is a name
        session = self.session
        record = session.record
        table = self.query_one(RollCallTable)
        row = table.cursor_row
        table.clear()
        self.row_ids = []
        self.marked = None
        replaced_by: dict[str, Attendance] = {
            a.substitute_for: a for a in record.attendance if a.substitute_for
        }
        joined_for = {
            c.joined_id: c.left_id for c in record.meeting.membership_changes if c.joined_id
        }
        for person, role in session.members():
            attendance = record.attendance_of(person.id)
            notes = self.notes(attendance)
            if person.id in joined_for:
                left_id = joined_for[person.id]
                instead = f" in place of {record.person(left_id).name}" if left_id else ""
                notes = f"joined the committee{instead}  {notes}".strip()
            if person.id in replaced_by:
                sub = replaced_by[person.id]
                word = "deputy" if sub.status is AttendanceStatus.DEPUTY else "substitute"
                notes = f"{word}: {record.person(sub.person_id).name}  {notes}".strip()
            table.add_row(
                "",
                Text(person.name),
                "" if role == "member" else role.replace("_", " "),
                STATUS_LABELS[attendance.status] if attendance else "—",
                Text(notes),
                key=person.id,
            )
            self.row_ids.append(person.id)
        for attendance in session.others():
            person = record.person(attendance.person_id)
            role = attendance.role or person.role
            if attendance.substitute_for:
                role = f"for {record.person(attendance.substitute_for).name}"
            table.add_row(
                "",
                Text(person.name),
                Text(cut(role, ROLE_WIDTH)),
                STATUS_LABELS[attendance.status],
                Text(self.notes(attendance)),
                key=person.id,
            )
            self.row_ids.append(person.id)
        if self.row_ids:
            table.move_cursor(row=min(row, len(self.row_ids) - 1))
        meeting = record.meeting
        self.query_one("#rollcall-title", Static).update(
            Text(f"Roll call — {record.committee.name}, {long_date(meeting.date)}")
        )
        self.show_cursor()

    @on(DataTable.RowHighlighted, "#rollcall")
    def highlighted(self) -> None:
        self.show_cursor()

    def show_cursor(self) -> None:
        """Whose line the keys act on, seen without colour: the mark on it, their name and
        role in full under the table, and what Delete would clear in the status line."""
        table = self.query_one(RollCallTable)
        person_id = self.highlighted_id()
        if self.marked is not None and self.marked != person_id and self.marked in self.row_ids:
            table.update_cell(self.marked, "cursor", "")
        if person_id is not None and self.marked != person_id:
            table.update_cell(person_id, "cursor", CURSOR)
        self.marked = person_id
        # Text, not str: a name or role with "[" in it is not markup
        self.query_one("#rollcall-detail", Static).update(Text(self.detail(person_id)))
        session = self.session
        present = session.present_count(session.current_item())
        quorum = session.record.committee.quorum
        counts = f"Present {present} · quorum {quorum} · " + (
            "QUORATE" if present >= quorum else "NOT QUORATE"
        )
        self.query_one("#rollcall-summary", Static).update(
            Text(f"{self.what_delete_clears(person_id)}   ·   {counts}")
        )

    def what_delete_clears(self, person_id: str | None) -> str:
        if person_id is None:
            return "No one on the roll yet"
        name = self.session.record.person(person_id).name
        attendance = self.session.record.attendance_of(person_id)
        if attendance is None:
            return f"{CURSOR} {name} — not marked yet"
        return f"Delete clears: {name} — {STATUS_LABELS[attendance.status]}"

    def detail(self, person_id: str | None) -> str:
        """The highlighted person in full: honorific, name, seat or role, organisation,
        whom they stand in for, and when they came and went (the table cuts long roles)."""
        if person_id is None:
            return ""
        record = self.session.record
        person = record.person(person_id)
        attendance = record.attendance_of(person_id)
        parts: list[str] = []
        seat = next((m for m in record.members() if m.person_id == person_id), None)
        if seat is not None:
            title = record.committee.chair_title
            words = SEAT_WORDS[seat.role].format(title)
            parts.append(words + (f", {seat.seat}" if seat.seat else ""))
        if attendance is not None:
            status = STATUS_LABELS[attendance.status]
            if attendance.substitute_for:
                status += f" for {record.person(attendance.substitute_for).name}"
            parts.append(status)
        role = (attendance.role if attendance else "") or person.role
        parts += [text for text in (role, person.organisation, self.notes(attendance)) if text]
        name = f"{person.honorific} {person.name}".strip()
        return f"{name} — {'; '.join(parts)}" if parts else name

    def notes(self, attendance: Attendance | None) -> str:
        if attendance is None:
            return ""
        record = self.session.record
        parts = []
        if attendance.arrived_at:
            parts.append(
                f"arrived {clock_time(attendance.arrived_at)}{self.at(attendance.arrived_item_id)}"
            )
        if attendance.left_at:
            parts.append(f"left {clock_time(attendance.left_at)}{self.at(attendance.left_item_id)}")
        del record
        return "; ".join(parts)

    def at(self, item_id: str | None) -> str:
        if not item_id:
            return ""
        try:
            return f" (item {self.session.record.item(item_id).number})"
        except KeyError:
            return ""

    def highlighted_id(self) -> str | None:
        table = self.query_one(RollCallTable)
        if not self.row_ids:
            return None
        return self.row_ids[min(table.cursor_row, len(self.row_ids) - 1)]

    def is_member(self, person_id: str | None) -> bool:
        return person_id is not None and person_id in self.session.member_ids()

    # ------------------------------------------------------------------ actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_mark(self, status: str) -> None:
        person_id = self.highlighted_id()
        if person_id is None:
            return
        self.session.set_attendance(person_id, AttendanceStatus(status))
        table = self.query_one(RollCallTable)
        self.redraw()
        table.move_cursor(row=min(table.cursor_row + 1, len(self.row_ids) - 1))

    def action_clear(self) -> None:
        person_id = self.highlighted_id()
        if person_id is not None:
            self.session.clear_attendance(person_id)
            self.redraw()

    def action_substitute(self, deputy: bool = False) -> None:
        member_id = self.highlighted_id()
        if not self.is_member(member_id):
            self.notify("Highlight the member being replaced first", severity="warning")
            return
        member = self.session.record.person(member_id)  # type: ignore[arg-type]
        word = "Deputy" if deputy else "Substitute"

        def done(choice: PersonChoice | None) -> None:
            if choice is not None:
                self.session.substitute(member.id, choice.name, deputy=deputy)
                self.redraw()

        self.app.push_screen(
            PersonDialog(f"{word} for {member.name}", self.session.find_people), done
        )

    def action_deputy(self) -> None:
        self.action_substitute(deputy=True)

    def action_membership(self) -> None:
        """Not a substitute: someone has left the committee or joined it. The minutes note it
        under Membership, and the seats change from this meeting on."""
        member_id = self.highlighted_id()
        session = self.session

        def joined(choice: PersonChoice | None, left_id: str | None = None) -> None:
            if choice is None:
                return
            session.change_membership(left_id, choice.name)
            self.redraw()

        if not self.is_member(member_id):
            self.app.push_screen(
                PersonDialog("New member who has joined the committee", session.find_people),
                joined,
            )
            return
        member = session.record.person(member_id)  # type: ignore[arg-type]

        def chosen(answer: str | None) -> None:
            if answer == "replaced":
                self.app.push_screen(
                    PersonDialog(f"New member in place of {member.name}", session.find_people),
                    lambda choice: joined(choice, member.id),
                )
            elif answer == "left":
                session.change_membership(member.id, None)
                self.redraw()

        self.app.push_screen(
            ChoiceDialog(
                f"{member.name} has left the committee",
                [
                    ("replaced", "r", "Replaced by a new member (named next)"),
                    ("left", "l", "No one in their place"),
                    ("cancel", "n", "Cancel: not a change to the membership"),
                ],
            ),
            chosen,
        )

    def action_also_present(self, officer: bool = False) -> None:
        title = "Officer or guest in attendance" if officer else "Councillor also present"

        def done(choice: PersonChoice | None) -> None:
            if choice is not None:
                self.session.also_present(choice.name, choice.role, officer=officer)
                self.redraw()

        self.app.push_screen(PersonDialog(title, self.session.find_people, ask_role=True), done)

    def action_officer(self) -> None:
        self.action_also_present(officer=True)

    def action_merge(self) -> None:
        gone_id = self.highlighted_id()
        if gone_id is None:
            return
        record = self.session.record
        gone = record.person(gone_id)
        if self.is_member(gone_id):
            self.notify(
                f"{gone.name} is a member of the committee: highlight the line added by "
                "mistake, then M",
                severity="warning",
                markup=False,  # a name is text: "[" and all
            )
            return

        def others(text: str) -> list[Person]:
            return [p for p in self.session.find_people(text) if p.id != gone_id]

        def done(choice: PersonChoice | None) -> None:
            if choice is None or choice.person is None:
                return
            try:
                kept = self.session.merge_people(choice.person.id, gone_id)
            except ClerkError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.redraw()
            if kept.id in self.row_ids:
                self.query_one(RollCallTable).move_cursor(row=self.row_ids.index(kept.id))
            self.notify(f"{gone.name} merged into {kept.name}", markup=False)

        self.app.push_screen(
            PersonDialog(f"Merge {gone.name} into… (the person to keep)", others, allow_new=False),
            done,
        )

    def action_remove(self) -> None:
        person_id = self.highlighted_id()
        if person_id is None:
            return
        person = self.session.record.person(person_id)
        if self.is_member(person_id):
            self.notify(
                f"{person.name} is a member of the committee; only someone added here can be "
                "removed (Delete clears their attendance)",
                severity="warning",
                markup=False,
            )
            return

        def chosen(answer: str | None) -> None:
            if answer != "remove":
                return
            try:
                self.session.remove_person(person_id)
            except ClerkError as exc:
                self.notify(
                    f"{exc} Delete clears their line here.",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
                return
            self.redraw()
            self.notify(f"Removed {person.name}", markup=False)

        # Unlike Delete, this takes the person out of clerk altogether: asked once.
        self.app.push_screen(
            ChoiceDialog(
                f"Remove {person.name} from clerk (their line here too)?",
                [("remove", "y", "Yes, remove them"), ("keep", "n", "No, keep them")],
            ),
            chosen,
        )

    def action_late(self, leaving: bool = False) -> None:
        person_id = self.highlighted_id()
        if person_id is None:
            return
        session = self.session
        person = session.record.person(person_id)
        current = session.current_item()
        word = "left" if leaving else "arrived"

        def check(values: dict[str, str]) -> str | None:
            try:
                parse_time(values["time"])
            except ValueError as exc:
                return str(exc)
            if values["item"].strip() and self.item_by_number(values["item"]) is None:
                return f"no item numbered {values['item']!r}"
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            item = self.item_by_number(values["item"])
            moment = parse_time(values["time"])
            if leaving:
                session.left(person_id, moment, item.id if item else None)
            else:
                session.arrived(person_id, moment, item.id if item else None)
            self.redraw()

        self.app.push_screen(
            FormDialog(
                f"{person.name} {word} at",
                [
                    Field("time", "Time", clock_time(session.now())),
                    Field("item", "During item", current.number if current else ""),
                ],
                check,
            ),
            done,
        )

    def action_early(self) -> None:
        self.action_late(leaving=True)

    def item_by_number(self, number: str):
        number = number.strip().rstrip(".").upper()
        return next((i for i in self.session.record.items if i.number.upper() == number), None)
