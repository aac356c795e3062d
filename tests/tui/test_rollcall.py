"""The roll call after a real meeting (issue 8): finding people by surname, making a new
person only on purpose, merging or removing one made by mistake, a cursor seen without
colour, long roles read in full. Each test drives the keys, then reads the database back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget

from clerk.minutes.compose import Composer
from clerk.minutes.style import HouseStyle
from clerk.record import AttendanceStatus, MeetingRecord, Person
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.dialogs.forms import PersonDialog
from clerk.tui.screens.rollcall import RollCallScreen
from clerk.tui.session import LiveSession
from tests.tui.terminal import type_text

SIZE = (120, 40)
LONG_ROLE = "Executive Director of Children's Services"


def keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


def load(path: Path, meeting_id: str) -> MeetingRecord:
    with Store(path) as store:
        return store.load_record(meeting_id)


def everyone(path: Path) -> list[str]:
    with Store(path) as store:
        return [p.name for p in store.people()]


def rendered(widget: Widget) -> list[str]:
    """The widget's lines as the terminal shows them: characters, no colour."""
    width, height = widget.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


def shown(app: ClerkApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def options(app: ClerkApp) -> list[str]:
    matches = app.screen.query_one("#person-matches")
    return [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]


def highlighted_option(app: ClerkApp) -> str | None:
    matches = app.screen.query_one("#person-matches")
    if matches.highlighted is None:
        return None
    return str(matches.get_option_at_index(matches.highlighted).prompt)


# --------------------------------------------------------------------------- finding people


async def test_acton_enter_enter_takes_heather_acton(db, clock) -> None:
    """The bug: `c`, "Acton", Enter, Enter made a new person "Acton" with no role."""
    path, meeting_id = db
    people_before = everyone(path)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "c", *keys("Acton"))
        await pilot.pause()
        assert highlighted_option(app).startswith("Councillor Heather Acton")
        assert options(app)[-1] == "+ New person: ‘Acton’"  # there, but not taken by Enter
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
    record = load(path, meeting_id)
    (attendance,) = record.attendance
    heather = record.person(attendance.person_id)
    assert heather.name == "Heather Acton"
    assert attendance.status is AttendanceStatus.ALSO_PRESENT
    assert attendance.role == "Cabinet Member for Family Services and Public Health"
    assert everyone(path) == people_before


async def test_surname_initial_and_honorific_find_the_person(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "c")
        for typed in ("acton h", "Cllr Acton", "heather acton", "HEATHER"):
            await pilot.press("ctrl+u", *keys(typed))
            await pilot.pause()
            assert highlighted_option(app).startswith("Councillor Heather Acton"), typed
        await pilot.press("ctrl+u", *keys("crouch"))
        await pilot.pause()
        assert highlighted_option(app) == "Nicky Crouch (Interim Director of Family Services)"
        await pilot.press("escape")


async def test_a_new_person_is_made_only_from_the_new_person_line(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        # nothing typed yet: Enter takes no one (the first listed is not a default)
        await pilot.press("f4", "o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert highlighted_option(app) is None
        # one word nobody has: Enter makes no one and says what to do
        await pilot.press(*keys("Heffernan"))
        await pilot.pause()
        assert options(app) == ["+ New person: ‘Heffernan’"]
        assert highlighted_option(app) is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert "type the full name" in shown(app, ".dialog-error")
        # a full name nobody has: the new-person line is highlighted, in plain sight
        await pilot.press("ctrl+u")
        await type_text(pilot, "Catherine Heffernan")
        await pilot.pause()
        assert highlighted_option(app) == "+ New person: ‘Catherine Heffernan’"
        await pilot.press("enter")
        await type_text(pilot, "Principal Advisor")
        await pilot.press("enter")
        await pilot.pause()
        # someone known, but the clerk means someone new called Acton: ↓ to the last line
        await pilot.press("c", *keys("Acton"), "down", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        # a name typed in full that clerk knows: no second one on offer
        await pilot.press("c", *keys("heather ACTON"))
        await pilot.pause()
        assert not any(o.startswith("+ New person") for o in options(app))
        await pilot.press("escape")
    record = load(path, meeting_id)
    seen = {record.person(a.person_id).name: a for a in record.attendance}
    assert seen["Catherine Heffernan"].status is AttendanceStatus.OFFICER
    assert seen["Catherine Heffernan"].role == "Principal Advisor"
    assert seen["Acton"].status is AttendanceStatus.ALSO_PRESENT
    assert "Heather Acton" not in seen
    assert "Heffernan" not in everyone(path)


def test_person_for_never_makes_a_second_person_of_a_known_name(db) -> None:
    path, meeting_id = db
    with Store(path) as store:
        store.add(None, Person("Zoë Ångström"))  # known to clerk, not at this meeting
        session = LiveSession(store, meeting_id)
        count = len(store.people())
        heather = session.person_for("Heather Acton")
        assert session.person_for("cllr heather ACTON") is heather
        assert session.person_for("Councillor  Heather  Acton") is heather
        zoe = session.person_for("zoe angstrom")
        assert zoe.name == "Zoë Ångström" and zoe in session.record.people
        assert len(store.people()) == count
        # someone new typed with an honorific keeps it as their honorific
        new = session.person_for("Cllr Jane Doe")
        assert (new.name, new.honorific) == ("Jane Doe", "Councillor")


# --------------------------------------------------------------------------- merge and remove


async def add_acton_by_mistake(pilot) -> None:
    """The mistake of issue 8: a new person "Acton" also present, the cursor on them."""
    await pilot.press("f4", "c", *keys("Acton"), "down", "enter", "enter")
    await pilot.pause()
    await pilot.press("end")
    await pilot.pause()


async def test_merge_a_mistake_into_the_right_person(db, clock) -> None:
    path, meeting_id = db
    people_before = everyone(path)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await add_acton_by_mistake(pilot)
        assert "Delete clears: Acton — also present" in shown(app, "#rollcall-summary")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await pilot.press(*keys("acton"))
        await pilot.pause()
        # the mistake itself is not offered, and no one new can be made here
        assert options(app) == [
            "Councillor Heather Acton (Cabinet Member for Family Services and Public Health)"
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        assert "Delete clears: Heather Acton — also present" in shown(app, "#rollcall-summary")
        names = [app.session.record.person(pid).name for pid in app.screen.row_ids]
        assert "Acton" not in names and "Heather Acton" in names
    record = load(path, meeting_id)
    (attendance,) = record.attendance
    assert record.person(attendance.person_id).name == "Heather Acton"
    assert everyone(path) == people_before


async def test_remove_a_mistake_that_nothing_else_names(db, clock) -> None:
    path, meeting_id = db
    people_before = everyone(path)
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await add_acton_by_mistake(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")  # yes, remove Acton
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        assert "Acton" not in [p.name for p in app.session.record.people]
    assert load(path, meeting_id).attendance == []
    assert everyone(path) == people_before


async def test_remove_refused_for_members_and_people_named_elsewhere(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "p", "up", "r")  # Jonathan Glanz, a member
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        await add_acton_by_mistake(pilot)
        await pilot.press("escape", "f5", *keys("Acton"), "enter", "enter", "enter")
        await type_text(pilot, "he chairs a school")
        await pilot.press("enter", "enter")  # Acton declares
        await pilot.pause()
        await pilot.press("f4", "end", "r", "y")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
    record = load(path, meeting_id)
    assert {record.person(a.person_id).name for a in record.attendance} == {
        "Jonathan Glanz",
        "Acton",
    }
    assert "Acton" in everyone(path) and "Jonathan Glanz" in everyone(path)


# --------------------------------------------------------------------------- what the cursor is on


async def test_the_cursor_line_is_marked_and_named_without_colour(db, clock) -> None:
    """Issue 8.5: after marking the members and adding an officer the cursor stays on the last
    member; the screen must say so in characters, not only in a background colour."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "p", "p", "p", "x", "p", "p", "a", "p")
        await pilot.press("o", *keys("Nicky"), "enter", "enter")
        await pilot.pause()
        table = app.screen.query_one("#rollcall")
        lines = rendered(table)
        marked = [line for line in lines if "▶" in line]
        assert len(marked) == 1 and "Selina Short" in marked[0]
        assert "Delete clears: Selina Short — present" in shown(app, "#rollcall-summary")
        await pilot.press("up")  # the mark and the status line follow the cursor
        await pilot.pause()
        marked = [line for line in rendered(table) if "▶" in line]
        assert len(marked) == 1 and "Emily Payne" in marked[0]
        assert "Delete clears: Emily Payne — apologies" in shown(app, "#rollcall-summary")
        await pilot.press("delete")
        await pilot.pause()
        assert "Emily Payne — not marked yet" in shown(app, "#rollcall-summary")
    record = load(path, meeting_id)
    assert "Emily Payne" not in {record.person(a.person_id).name for a in record.attendance}


async def test_a_long_role_can_be_read_in_full(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "o")
        await type_text(pilot, "Sarah Newman")
        await pilot.press("enter")
        await type_text(pilot, LONG_ROLE)
        await pilot.press("enter")
        await pilot.press("end")
        await pilot.pause()
        table_text = "\n".join(rendered(app.screen.query_one("#rollcall")))
        assert "Executive Director of Childre…" in table_text  # cut, and seen to be cut
        detail = app.screen.query_one("#rollcall-detail")
        assert detail.region.bottom <= SIZE[1]
        assert f"Sarah Newman — officer; {LONG_ROLE}" in "".join(rendered(detail))
        await pilot.press("home")
        await pilot.pause()
        assert "Councillor Jonathan Glanz — Chairman" in "".join(rendered(detail))


# --------------------------------------------------------------------------- three facts


async def test_a_substitute_is_for_a_member_who_sent_apologies(db, clock) -> None:
    """S on Emily Payne, then Matt Noble: Payne has sent apologies (she stays a member),
    Noble sits for her this meeting only, and the minutes say both."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", *["down"] * 6, "s")  # Emily Payne's line
        await type_text(pilot, "Matt No")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
    record = load(path, meeting_id)
    payne = next(p for p in record.people if p.name == "Emily Payne")
    noble = next(p for p in record.people if p.name == "Matt Noble")
    assert record.attendance_of(payne.id).status is AttendanceStatus.APOLOGIES
    assert record.attendance_of(noble.id).status is AttendanceStatus.SUBSTITUTE
    assert record.attendance_of(noble.id).substitute_for == payne.id
    assert payne.id in {m.person_id for m in record.members()}
    assert record.meeting.membership_changes == []
    minute = " ".join(Composer(record, HouseStyle()).membership_sentences())
    assert minute == (
        "Apologies for absence were received from Councillor Emily Payne. Councillor Matt "
        "Noble attended as a substitute for Councillor Emily Payne."
    )


async def test_a_member_who_left_with_no_one_in_their_place(db, clock) -> None:
    """N on Ian Carmen, then L: his seat ends the day before the meeting (earlier meetings
    keep it), he leaves the roll, and the minutes note it; Ctrl+Z puts it all back."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "down", "down", "down", "n")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert "Ian Carmen" not in " ".join(rendered(app.screen.query_one("#rollcall")))
        record = load(path, meeting_id)
        carmen = next(p for p in record.people if p.name == "Ian Carmen")
        (seat,) = [m for m in record.memberships if m.person_id == carmen.id]
        assert seat.to_date == date(2019, 10, 16)
        assert [(c.left_id, c.joined_id) for c in record.meeting.membership_changes] == [
            (carmen.id, None)
        ]
        assert Composer(record, HouseStyle()).membership_sentences() == [
            "It was noted that Councillor Ian Carmen had stepped down from the Committee."
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
    record = load(path, meeting_id)
    assert record.meeting.membership_changes == []
    assert carmen.id in {m.person_id for m in record.members()}


async def test_a_new_member_who_joined(db, clock) -> None:
    """N on a line that is not a member's (an officer's, the last) names a new member, who
    holds a seat from the meeting's day and is marked present."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "o")
        await type_text(pilot, "Nicky")
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("end", "n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await type_text(pilot, "Matt No")
        await pilot.press("enter")
        await pilot.pause()
    record = load(path, meeting_id)
    noble = next(p for p in record.people if p.name == "Matt Noble")
    assert record.attendance_of(noble.id).status is AttendanceStatus.PRESENT
    (seat,) = [m for m in record.memberships if m.person_id == noble.id]
    assert seat.from_date == date(2019, 10, 17)
    assert Composer(record, HouseStyle()).membership_sentences() == [
        "It was noted that Councillor Matt Noble had been appointed to the Committee."
    ]
