"""Record the 17 October 2019 meeting through the keyboard, then read the database back."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from clerk.record import (
    AttendanceStatus,
    DeclarationAction,
    ItemOutcome,
    MeetingStatus,
    VoteMethod,
    VoteOutcome,
)
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.rollcall import RollCallScreen
from tests.tui.terminal import type_text

SIZE = (120, 40)


async def test_record_the_october_meeting(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)

        # ---- 1. Membership: the roll call
        await pilot.press("f4")
        assert isinstance(app.screen, RollCallScreen)
        await pilot.press("p", "p", "p")  # Glanz, Bright, Butler-Thalassis
        # Carmen has stepped down from the committee: a membership change, Noble in his place
        await pilot.press("n", "r")
        await type_text(pilot, "Matt No")
        await pilot.press("enter")
        await pilot.pause()
        # Carmen is off the roll; Noble, a member now, is marked present in his place
        await pilot.press(
            "p", "p", "down", "a", "p"
        )  # Freeman, McAllister, (Noble), Payne (apologies), Short
        await pilot.press("c")  # Councillor also present
        await type_text(pilot, "Heather")
        await pilot.press("enter", "enter")  # takes Heather Acton, keeps her role
        await pilot.press("o")  # an officer already known
        await type_text(pilot, "Nicky")
        await pilot.press("enter", "enter")
        await pilot.press("o")  # an officer not known before
        await type_text(pilot, "Catherine Heffernan")
        await pilot.press("enter")
        await type_text(pilot, "Principal Advisor for Commissioning Immunisations")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, LiveScreen)

        await type_text(pilot, "It was noted that Cllr Carmen had stepped down.")
        await pilot.press("enter")

        # ---- 2. Declarations
        await pilot.press("ctrl+n")
        await pilot.press("f5")
        await type_text(pilot, "Peter")
        await pilot.press("enter")  # Peter Freeman
        await type_text(pilot, "5")
        await pilot.press("enter")  # item 5
        await pilot.press("enter")  # pecuniary interest
        await type_text(pilot, "he is a governor of a local school")
        await pilot.press("enter")
        await pilot.press("enter")  # left the room
        await pilot.pause()

        # ---- 3. Minutes: approved in one key
        await pilot.press("ctrl+n", "ctrl+s")

        # ---- 4. Cabinet Member Update: names with roles, house phrases, an action
        await pilot.press("ctrl+n")
        await pilot.press("f8")
        await type_text(pilot, "Heather")
        await pilot.press("enter", "enter")
        await type_text(pilot, ", provided a briefing on key issues within her portfolio.")
        await pilot.press("enter")
        await pilot.press("ctrl+t")
        await type_text(pilot, "that Ofsted had rated the service Outstanding.")
        await pilot.press("enter")
        await pilot.press("f8")
        await type_text(pilot, "Nicky")
        await pilot.press("enter", "enter")
        await pilot.press("ctrl+o")
        await type_text(pilot, "the inspection.")
        await pilot.press("enter")
        await pilot.press("f7")
        await type_text(pilot, "Requested that the Ofsted report be circulated.")
        await pilot.press("enter")
        await type_text(pilot, "Nicky Crouch")
        await pilot.press("enter")
        await type_text(pilot, "2019-11-25")
        await pilot.press("enter")
        await pilot.pause()

        # reorder: the third paragraph moves up to be the second, then one is deleted
        await pilot.press("escape")  # to the item's record
        await pilot.press("end", "ctrl+up")  # highlighted: the action; no effect on paragraphs
        await pilot.pause()

        # ---- 5. Immunisation: two resolutions and a vote (Freeman has a pecuniary interest)
        await pilot.press("ctrl+n")
        await pilot.press("f2")
        await type_text(pilot, "Catherine Heffernan introduced the report.")
        await pilot.press("enter")
        await pilot.press("f3")
        await type_text(pilot, "NHS England be requested to explore an e-consent service;")
        await pilot.press("enter")
        await pilot.press("f3")
        await type_text(pilot, "a pilot scheme for nurseries be explored.")
        await pilot.press("enter")
        await pilot.press("f6", "enter", "h")
        await type_text(pilot, "5")
        await pilot.press("enter")
        await type_text(pilot, "1")
        await pilot.press("enter")
        await type_text(pilot, "0")
        await pilot.press("enter")
        await pilot.pause()

        # ---- 10. The exempt item, taken out of order from the agenda list
        await pilot.press("ctrl+l", "end", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#exempt-banner").display
        assert screen.has_class("-exempt")
        await type_text(pilot, "The Committee considered the award of the contract.")
        await pilot.press("enter")

        # ---- back to item 6 (taken after 10)
        await pilot.press("ctrl+l", "home")
        await pilot.press(*["down"] * 5, "enter")
        await pilot.press("f9", "n")  # noted

        # ---- close
        await pilot.press("f10", "ctrl+u")
        await type_text(pilot, "8.59 pm")
        await pilot.press("enter")
        await pilot.pause()
        current_number = app.session.current_item().number
        await pilot.press("ctrl+q")

    store = Store(path)
    try:
        record = store.load_record(meeting_id)
    finally:
        store.close()
    by_name = {p.name: p for p in record.people}
    status = {record.person(a.person_id).name: a for a in record.attendance}
    number = {i.id: i.number for i in record.items}

    assert record.meeting.status is MeetingStatus.ENDED
    assert record.meeting.start_time == time(19, 5)
    assert record.meeting.end_time == time(20, 59)
    assert number[record.meeting.current_item_id] == current_number == "6"

    # attendance
    for name in ("Jonathan Glanz", "Margot Bright", "Nafsika Butler-Thalassis"):
        assert status[name].status is AttendanceStatus.PRESENT
    for name in ("Peter Freeman", "Patricia McAllister", "Selina Short"):
        assert status[name].status is AttendanceStatus.PRESENT
    assert status["Emily Payne"].status is AttendanceStatus.APOLOGIES
    assert "Ian Carmen" not in status
    assert status["Matt Noble"].status is AttendanceStatus.PRESENT
    (change,) = record.meeting.membership_changes
    assert (change.left_id, change.joined_id) == (
        by_name["Ian Carmen"].id,
        by_name["Matt Noble"].id,
    )
    assert {record.person(m.person_id).name for m in record.members()} >= {"Matt Noble"}
    assert "Ian Carmen" not in {record.person(m.person_id).name for m in record.members()}
    assert status["Heather Acton"].status is AttendanceStatus.ALSO_PRESENT
    assert status["Nicky Crouch"].status is AttendanceStatus.OFFICER
    assert status["Catherine Heffernan"].status is AttendanceStatus.OFFICER
    assert status["Catherine Heffernan"].role == "Principal Advisor for Commissioning Immunisations"

    # declaration
    (decl,) = record.declarations
    assert record.person(decl.person_id).name == "Peter Freeman"
    assert number[decl.item_id] == "5"
    assert decl.kind == "pecuniary interest"
    assert decl.nature == "he is a governor of a local school"
    assert decl.action is DeclarationAction.LEFT_ROOM

    items = {i.number: i for i in record.items}
    # paragraphs
    assert [p.text for p in record.paragraphs_for(items["1"].id)] == [
        "It was noted that Cllr Carmen had stepped down."
    ]
    assert [p.text for p in record.paragraphs_for(items["4"].id)] == [
        "Councillor Heather Acton (Cabinet Member for Family Services and Public Health), "
        "provided a briefing on key issues within her portfolio.",
        "The Committee noted that Ofsted had rated the service Outstanding.",
        "Nicky Crouch (Interim Director of Family Services) introduced the report, which "
        "provided an overview of the inspection.",
    ]
    # resolutions
    assert [r.text for r in record.resolutions_for(items["3"].id)] == [
        "That the Minutes of the Family and People Services Policy and Scrutiny Committee "
        "meeting held on 17 June 2019 be approved."
    ]
    assert items["3"].outcome is ItemOutcome.RESOLVED
    assert [r.text for r in record.resolutions_for(items["5"].id)] == [
        "That NHS England be requested to explore an e-consent service;",
        "That a pilot scheme for nurseries be explored.",
    ]
    # vote
    (vote,) = record.votes_for(items["5"].id)
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (5, 1, 0)
    assert vote.method is VoteMethod.SHOW_OF_HANDS
    assert vote.outcome is VoteOutcome.CARRIED
    # action
    (action,) = record.actions
    assert number[action.item_id] == "4"
    assert action.text == "Requested that the Ofsted report be circulated."
    assert action.lead == "Nicky Crouch"
    assert action.lead_person_id == by_name["Nicky Crouch"].id
    assert str(action.due) == "2019-11-25"
    # the exempt item: exclusion of the press and public, then its minute
    exclusion = record.resolutions_for(items["10"].id)
    assert "public and press be excluded from the meeting" in exclusion[0].text
    assert "Paragraph 3 of Part 1 of Schedule 12A" in exclusion[0].text
    assert [p.text for p in record.paragraphs_for(items["10"].id)] == [
        "The Committee considered the award of the contract."
    ]
    # order taken: 1-5, then 10, then 6
    taken = {i.number: i.taken_order for i in record.items if i.taken_order}
    assert taken == {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "10": 6, "6": 7}
    assert items["6"].outcome is ItemOutcome.NOTED


async def test_reopening_returns_to_the_same_item(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await type_text(pilot, "Half a paragr")
        await pilot.press("ctrl+q")  # quit flushes what was typed
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.current_item().number == "4"
        entries = app.screen.query_one("#entries")
        assert "Half a paragr" in str(entries.get_option_at_index(0).prompt)
    store = Store(path)
    try:
        record = store.load_record(meeting_id)
        assert [p.text for p in record.paragraphs] == ["Half a paragr"]
    finally:
        store.close()


async def test_typing_is_written_within_a_second(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "First words")
        await pilot.pause(0.5)  # debounce: written 300 ms after the last key
        other = Store(path)
        try:
            assert [p.text for p in other.load_record(meeting_id).paragraphs] == ["First words"]
        finally:
            other.close()


async def test_no_declarations_and_edit_delete(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+f")
        await pilot.press("ctrl+n", "ctrl+n")
        for text in ("one", "two", "three"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.press("escape", "home", "down", "ctrl+down")  # two moves below three
        await pilot.press("home", "delete")  # one is deleted
        await pilot.press("home", "enter")  # edit the first (now three)
        await type_text(pilot, "!")
        await pilot.press("enter")
        await pilot.press("ctrl+q")
    store = Store(path)
    try:
        record = store.load_record(meeting_id)
    finally:
        store.close()
    items = {i.number: i for i in record.items}
    assert items["2"].outcome is ItemOutcome.NOTED
    assert [p.text for p in record.paragraphs_for(items["4"].id)] == ["three!", "two"]


async def test_keymap_from_config(db, clock, isolated_config) -> None:
    (isolated_config / "keys.toml").write_text('[keys]\nnext_item = "ctrl+t,f12"\n')
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        assert app.session.current_item().number == "2"
    store = Store(path)
    try:
        assert store.meeting(meeting_id).current_item_id == app.session.current_item().id
    finally:
        store.close()


async def test_palette_offers_actions_valid_now(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Roll call") for t in titles)
        # the composer has focus, but its editing keys do not crowd the meeting's actions
        assert not any(t.startswith(("Select all", "Cut", "Copy", "Paste")) for t in titles)
        assert "Adjourn" in titles and "Resume" not in titles
        assert not any(t.startswith("Approve minutes") for t in titles)  # not on item 1
        await pilot.press("ctrl+n", "ctrl+n")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Approve minutes") for t in titles)


async def test_unreadable_config_folder_still_opens_the_meeting(
    db, clock, isolated_config, monkeypatch
) -> None:
    """A config folder the clerk cannot read (root-owned, wrong mode) must not stop the meeting
    opening: the keys stay as shipped and the status line says why."""
    real_is_file = Path.is_file

    def refuse(self: Path) -> bool:
        if self.name == "keys.toml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", refuse)
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        assert app.session.current_item().number == "2"
        shown = [n.message for n in app._notifications]
        assert any("Permission denied" in m and "key bindings left" in m for m in shown)
