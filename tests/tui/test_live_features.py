"""The live screen, feature by feature (issue 3): each test drives the keys (or the mouse) and
then reads the database back, so a feature that only draws on the screen fails here."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from clerk.record import (
    AttendanceStatus,
    ItemOutcome,
    MeetingRecord,
    MeetingStatus,
    VoteChoice,
    VoteMethod,
    VoteOutcome,
)
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.session import LiveSession
from clerk.tui.widgets.composer import SAVE_WITHIN
from clerk.tui.widgets.live import AgendaList
from tests.tui.terminal import type_text

SIZE = (120, 40)


def keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


def load(path: Path, meeting_id: str) -> MeetingRecord:
    with Store(path) as store:
        return store.load_record(meeting_id)


def numbered(record: MeetingRecord) -> dict[str, object]:
    return {i.number: i for i in record.items}


async def palette(pilot, text: str) -> None:
    """Run a command from the palette by typing (part of) its title."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*keys(text))
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause()


def agenda_prompts(app) -> dict[str, str]:
    agenda = app.screen.query_one(AgendaList)
    prompts = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
    return {p[3:].split(".")[0].strip(): p for p in prompts}


async def test_start_time_is_editable(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert load(path, meeting_id).meeting.start_time == time(19, 5)  # recorded on opening
        await palette(pilot, "start time")
        await pilot.press("ctrl+u", *keys("7.02 pm"), "enter")
        await pilot.pause()
        assert "began 7.02 pm" in str(app.screen.query_one("#status").render())
    assert load(path, meeting_id).meeting.start_time == time(19, 2)


async def test_urgent_item_and_outcome_marks(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # item 4
        await palette(pilot, "urgent item")
        await pilot.press(*keys("Road works"), "enter")
        await pilot.pause()
        assert app.session.current_item().number == "4A"
        # item 5 deferred, item 6 withdrawn, from the agenda list (F9 acts on the highlight)
        await pilot.press("ctrl+l", "down", "f9", "d")
        await pilot.press("down", "f9", "w")
        await pilot.pause()
        marks = agenda_prompts(app)
        assert marks["4A"].startswith("▶")
        assert marks["5"][1] == "»" and marks["6"][1] == "✗"
    record = load(path, meeting_id)
    items = numbered(record)
    urgent = items["4A"]
    assert urgent.urgent and urgent.title == "ROAD WORKS"
    assert [i.number for i in record.agenda()][3:6] == ["4", "4A", "5"]
    assert record.meeting.current_item_id == urgent.id
    assert urgent.taken_order == 5  # 1, 2, 3, 4, then 4A
    assert items["5"].outcome is ItemOutcome.DEFERRED
    assert items["6"].outcome is ItemOutcome.WITHDRAWN


async def test_quorum_leaves_out_pecuniary_interests(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "p", "p", "p", "escape")  # three present: quorum is 3
        # declared on item 1, for item 4: Margot Bright, a pecuniary interest
        await pilot.press("f5", *keys("Margot"), "enter", "ctrl+u", "4", "enter")
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "present 3 · quorate (3)" in status
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "present 2 · NOT QUORATE (3)" in status
    record = load(path, meeting_id)
    items = numbered(record)
    (decl,) = record.declarations
    assert decl.item_id == items["4"].id and "pecuniary" in decl.kind
    with Store(path) as store:
        session = LiveSession(store, meeting_id)
        assert session.quorate(items["3"]) and not session.quorate(items["4"])


async def test_roll_call_late_early_and_deputy(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n")  # during item 3
        await pilot.press("f4", "p", "l")  # Glanz present; Bright arrives late
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#field-time").value == "7.05 pm"  # now
        assert dialog.query_one("#field-item").value == "3"  # the current item
        await pilot.press("enter", "enter")
        await pilot.press("up", "e", "ctrl+u", *keys("8.15 pm"), "enter", "enter")
        await pilot.press("down", "down", "down", "d", *keys("Jane Doe"), "enter")
        await pilot.pause()
        await pilot.press("escape")
    record = load(path, meeting_id)
    items = numbered(record)
    people = {p.name: p for p in record.people}
    seen = {record.person(a.person_id).name: a for a in record.attendance}
    bright, glanz, deputy = seen["Margot Bright"], seen["Jonathan Glanz"], seen["Jane Doe"]
    assert bright.status is AttendanceStatus.PRESENT
    assert (bright.arrived_at, bright.arrived_item_id) == (time(19, 5), items["3"].id)
    assert glanz.status is AttendanceStatus.PRESENT
    assert (glanz.left_at, glanz.left_item_id) == (time(20, 15), items["3"].id)
    assert deputy.status is AttendanceStatus.DEPUTY
    assert deputy.substitute_for == people["Ian Carmen"].id


async def test_recorded_vote_casting_vote_and_interests(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", *["p"] * 8, "escape")
        await pilot.press("f5", *keys("Peter"), "enter", "ctrl+u", "5", "enter")  # pecuniary
        await pilot.press("enter", "enter", "enter")
        await pilot.press(*["ctrl+n"] * 4, "f3", *keys("x be agreed."), "enter")
        await pilot.press("f6")
        await pilot.pause()
        # the motion: the resolution just typed, not the item's title
        assert app.screen.query_one("#vote-motion").value == "That x be agreed."
        await pilot.press("enter", "r")
        await pilot.pause()
        table = app.screen.query_one("#vote-table")
        assert table.row_count == 7  # Peter Freeman may not vote
        await pilot.press("f", "f", "f", "a", "a", "a", "b", "enter")  # a tie
        await pilot.press("f")  # the chair's casting vote: for
        await pilot.pause()
        # a show of hands: more votes than voters is refused, then a tie the chair loses
        await pilot.press("f6", "enter", "h", "8", "enter", "0", "enter", "0", "enter")
        await pilot.pause()
        assert "only 7 members may vote" in str(app.screen.query_one(".dialog-error").render())
        await pilot.press("escape")
        await pilot.press("f6", "enter", "h", "2", "enter", "2", "enter", "1", "enter")
        await pilot.press("a")
        await pilot.pause()
    record = load(path, meeting_id)
    item = numbered(record)["5"]
    freeman = next(p for p in record.people if p.name == "Peter Freeman")
    recorded, hands = record.votes_for(item.id)
    assert recorded.method is VoteMethod.RECORDED
    assert len(recorded.named) == 7 and freeman.id not in recorded.named
    assert (recorded.votes_for, recorded.votes_against, recorded.abstentions) == (3, 3, 1)
    assert recorded.casting_vote is VoteChoice.FOR
    assert recorded.outcome is VoteOutcome.CARRIED
    assert recorded.motion == "That x be agreed."
    assert hands.method is VoteMethod.SHOW_OF_HANDS
    assert (hands.votes_for, hands.votes_against, hands.abstentions) == (2, 2, 1)
    assert hands.casting_vote is VoteChoice.AGAINST
    assert hands.outcome is VoteOutcome.LOST


async def test_adjournment_and_end_time_editable(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await palette(pilot, "Adjourn")
        await pilot.press("enter", *keys("Fire alarm"), "enter")
        await pilot.pause()
        assert "ADJOURNED" in str(app.screen.query_one("#status").render())
        await palette(pilot, "Resume")
        await pilot.press("ctrl+u", *keys("7.20 pm"), "enter")
        await pilot.press("f10", "ctrl+u", *keys("8.59 pm"), "enter")
        await pilot.pause()
        assert load(path, meeting_id).meeting.end_time == time(20, 59)
        await pilot.press("f10", "ctrl+u", *keys("9.01 pm"), "enter")  # corrected
        await pilot.pause()
        assert "ended 9.01 pm" in str(app.screen.query_one("#status").render())
    record = load(path, meeting_id)
    (adjournment,) = record.meeting.adjournments
    assert adjournment.start == time(19, 5) and adjournment.end == time(19, 20)
    assert adjournment.item_id == numbered(record)["4"].id
    assert adjournment.reason == "Fire alarm"
    assert record.meeting.status is MeetingStatus.ENDED
    assert record.meeting.end_time == time(21, 1)


async def test_paragraph_numbers_phrases_and_moves(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.press("ctrl+r", *keys("costs rise."), "enter")
        await pilot.press("ctrl+g", *keys("we wait."), "enter")
        await pilot.pause()
        entries = app.screen.query_one("#entries")
        prompts = [str(entries.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts[0].startswith("4.1  Concern was expressed that costs rise.")
        assert prompts[1].startswith("4.2  It was suggested that we wait.")
        await pilot.press("escape", "end", "left_square_bracket")  # 4.2 moves up
        await pilot.pause()
        assert str(entries.get_option_at_index(0).prompt).startswith("4.1  It was suggested")
    record = load(path, meeting_id)
    assert [p.text for p in record.paragraphs_for(numbered(record)["4"].id)] == [
        "It was suggested that we wait.",
        "Concern was expressed that costs rise.",
    ]


async def test_a_paragraph_made_an_unnumbered_note(db, clock) -> None:
    """N on a paragraph of the item's record makes it a note: shown without a number, the
    paragraphs after it numbered as if it were not there, and the minutes say the same."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.press(*keys("The report was introduced."), "enter")
        await pilot.press(*keys("Councillor Bright left the room."), "enter")
        await pilot.press(*keys("The Committee noted the report."), "enter")
        await pilot.pause()
        await pilot.press("escape", "home", "down", "n")
        await pilot.pause()
        entries = app.screen.query_one("#entries")
        prompts = [str(entries.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[0].startswith("4.1  The report was introduced.")
        assert prompts[1].startswith("(Councillor Bright left the room.)")
        assert prompts[2].startswith("4.2  The Committee noted the report.")
    record = load(path, meeting_id)
    assert [p.note for p in record.paragraphs_for(numbered(record)["4"].id)] == [
        False,
        True,
        False,
    ]
    text = render_text(compose_minutes(record, load_style("westminster")))
    out = [line.strip() for line in text.splitlines() if line.strip()]
    at = out.index("4.1 The report was introduced.")
    assert out[at + 1 : at + 3] == [
        "(Councillor Bright left the room.)",
        "4.2 The Committee noted the report.",
    ]


async def test_action_on_an_item_without_minutes(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["ctrl+n"] * 6, "f7", *keys("Add a visit."), "enter")
        await pilot.press(*keys("Aaron"), "right", "enter", *keys("31/12/2019"), "enter")
        await pilot.pause()
    record = load(path, meeting_id)
    item = numbered(record)["7"]
    (action,) = record.actions
    assert action.item_id == item.id and record.paragraphs_for(item.id) == []
    assert action.lead == "Aaron Hardy" and str(action.due) == "2019-12-31"


async def test_click_on_an_agenda_item(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(AgendaList, offset=(10, 7))  # under the border: 1-4, 5 (two lines), 6
        await pilot.pause()
        assert app.session.current_item().number == "6"
        assert app.screen.query_one("#composer").has_focus
    record = load(path, meeting_id)
    assert record.meeting.current_item_id == numbered(record)["6"].id


async def test_help_follows_focus_and_theme_changes(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        help_text = app.screen.query_one("HelpPanel Markdown").source
        assert help_text.startswith("## Composer")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.query_one("HelpPanel Markdown").source.startswith("## Agenda")
        await pilot.press("f1")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Theme" in titles
        app.theme = "textual-light"
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)


async def test_every_key_is_in_the_footer(db, clock) -> None:
    """At 120 columns the footer shows every key the screen offers (on two lines if needed)."""
    from clerk.tui.widgets.footer import ClerkFooter

    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        for screen_keys in ((), ("f4",)):  # the live screen, then the roll call
            await pilot.press(*screen_keys)
            wanted = {
                active.binding.action
                for active in app.screen.active_bindings.values()
                if active.binding.show and active.enabled
            }
            shown: set[str] = set()
            for _ in range(30):  # the footer lays itself out again after the keys change
                await pilot.pause(0.1)
                shown = {
                    action
                    for action, region in app.screen.query_one(ClerkFooter).key_spots()
                    if region.height and region.right <= SIZE[0] and region.bottom <= SIZE[1]
                }
                if wanted <= shown:
                    break
            assert wanted <= shown, wanted - shown
        await pilot.press("escape")
    assert load(path, meeting_id).meeting.status is MeetingStatus.IN_PROGRESS


async def test_meeting_menu_keys(db, clock) -> None:
    """F12 offers the meeting-wide commands, each shown with its key, each one key away."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        prompts = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert "[a] Adjourn" in prompts and "[u] Add an urgent item" in prompts
        assert not any("Resume" in p or "Reopen" in p for p in prompts)  # not valid now
        await pilot.press("s", "ctrl+u", *keys("6.58 pm"), "enter")
        await pilot.press("f12", "a", "enter", "enter")  # adjourned now, no reason
        await pilot.press("f12", "r", "enter")  # resumed now
        await pilot.pause()
    record = load(path, meeting_id)
    assert record.meeting.start_time == time(18, 58)
    (adjournment,) = record.meeting.adjournments
    assert adjournment.start == adjournment.end == time(19, 5)


async def test_who_presided_is_chosen_from_those_sitting(db, clock) -> None:
    """F12, P: the roll call's sitting members by number; the one chosen presided, and the
    minutes list them first with the chair's mark. Ctrl+Z takes it back."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "p", "p", "escape")  # Glanz (Chairman), Bright present
        await pilot.press("f12", "p")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        prompts = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert prompts == [
            "[0] The Chairman (as the committee lists)",
            "[1] Jonathan Glanz",
            "[2] Margot Bright",
        ]
        await pilot.press("2")
        await pilot.pause()
        record = load(path, meeting_id)
        bright = next(p for p in record.people if p.name == "Margot Bright")
        assert record.meeting.presiding_id == bright.id
        text = render_text(compose_minutes(record, load_style("westminster")))
        assert "Members Present: Councillors Margot Bright (Chairman) and Jonathan Glanz\n" in text
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert load(path, meeting_id).meeting.presiding_id is None


async def test_approve_the_minutes_of_a_chosen_meeting(db, clock) -> None:
    """When the agenda did not say whose minutes, Ctrl+S asks (1: the latest earlier one)."""
    from datetime import date

    from clerk.next_meeting import next_meeting

    path, october = db
    with Store(path) as store:
        following = next_meeting(store.load_record(october), date(2019, 11, 25))
        following.meeting.approves_minutes_of = None
        store.save_record(following)
    app = ClerkApp(path, following.meeting.id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+s")  # item 3, MINUTES
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        assert str(choices.get_option_at_index(0).prompt) == "[1] 17 October 2019"
        await pilot.press("1")
        await pilot.pause()
    record = load(path, following.meeting.id)
    item = numbered(record)["3"]
    assert record.meeting.approves_minutes_of == date(2019, 10, 17)
    assert [r.text for r in record.resolutions_for(item.id)] == [
        "That the Minutes of the Family and People Services Policy and Scrutiny Committee "
        "meeting held on 17 October 2019 be approved."
    ]
    assert item.outcome is ItemOutcome.RESOLVED


async def test_exempt_item_with_two_paragraphs(db, clock) -> None:
    path, meeting_id = db
    with Store(path) as store:
        record = store.load_record(meeting_id)
        store.update(numbered(record)["10"], exempt_paragraphs=[1, 3])
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", "end", "enter")
        await pilot.pause()
        banner = str(app.screen.query_one("#exempt-banner").render())
        assert "EXEMPT" in banner and "Schedule 12A, paragraphs 1 and 3" in banner
        assert "⊘" in agenda_prompts(app)["10"]
    record = load(path, meeting_id)
    (exclusion,) = record.resolutions_for(numbered(record)["10"].id)
    assert "Paragraphs 1 and 3 of Part 1 of Schedule 12A" in exclusion.text
    # in the very words of the public minutes (one wording, the composer's)
    public = render_text(compose_minutes(record, load_style("westminster")))
    assert exclusion.text in public


async def test_help_in_a_dialog(db, clock) -> None:
    """F1 in a dialog explains the dialog; what it records still reaches the database."""
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_text = app.screen.query_one("HelpPanel Markdown").source
        assert help_text.startswith("## Declaration of interest")
        await pilot.press("f1", *keys("Selina"), "enter", "enter", "enter", "enter", "enter")
        await pilot.pause()
    (decl,) = load(path, meeting_id).declarations
    assert decl.item_id == numbered(load(path, meeting_id))["1"].id


def entry_lines(screen: LiveScreen) -> tuple[list[tuple[str | None, str]], list[str]]:
    """The item's record as it stands: its options, and the lines drawn on the screen."""
    entries = screen.query_one("#entries")
    options = [(o.id, str(o.prompt)) for o in entries.options]
    drawn = [entries.render_line(y).text for y in range(entries.size.height)]
    return options, drawn


async def assert_as_redrawn(pilot, screen: LiveScreen) -> None:
    """What the entries changed one by one show is what drawing the item afresh shows."""
    await pilot.pause(SAVE_WITHIN + 0.1)  # the typing saved: its entry changes with it
    incremental = entry_lines(screen)
    screen.redraw_item()
    await pilot.pause()
    assert incremental == entry_lines(screen)


async def test_entries_change_one_by_one_as_a_redraw_would_draw_them(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # item 4
        # a resolution and an action first: paragraphs go in above them
        await pilot.press("f3")
        await type_text(pilot, "the report be noted")
        await pilot.press("enter", "f7")
        await type_text(pilot, "Circulate the slides")
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        for text in ("one", "two", "three", "four"):
            await pilot.press(*keys(text))
            await assert_as_redrawn(pilot, screen)
            await pilot.press("enter")
            await assert_as_redrawn(pilot, screen)
        _, drawn = entry_lines(screen)
        assert [line.split()[:2] for line in drawn[:4]] == [
            ["4.1", "one"],
            ["4.2", "two"],
            ["4.3", "three"],
            ["4.4", "four"],
        ]
        # edit 4.2 down to nothing: Enter deletes it and those after it move up a number
        await pilot.press("escape", "home", "down", "enter")
        assert screen.composer.text == "two"
        await pilot.press("backspace", "backspace", "backspace", "enter")
        await assert_as_redrawn(pilot, screen)
        _, drawn = entry_lines(screen)
        assert [line.split()[:2] for line in drawn[:3]] == [
            ["4.1", "one"],
            ["4.2", "three"],
            ["4.3", "four"],
        ]
        # F3 and Enter with nothing typed: the bare "That" goes, the RESOLVED list stays
        await pilot.press("f3", "enter")
        await assert_as_redrawn(pilot, screen)
        # the only resolution emptied to "That": it goes, and the RESOLVED heading with it
        await pilot.press("escape", "end", "up", "enter")
        assert screen.composer.text.startswith("That")
        await pilot.press(*["backspace"] * len(" the report be noted"), "enter")
        await assert_as_redrawn(pilot, screen)
        options, _ = entry_lines(screen)
        assert not [i for i, _ in options if i and i.startswith(("resolutions:", "heading:"))]
        # a paragraph typed now is numbered after the three
        await pilot.press(*keys("five"), "enter")
        await assert_as_redrawn(pilot, screen)
        _, drawn = entry_lines(screen)
        assert drawn[3].split()[:2] == ["4.4", "five"]
        await pilot.press("ctrl+q")
    record = load(path, meeting_id)
    item = numbered(record)["4"]
    assert [p.text for p in record.paragraphs_for(item.id)] == ["one", "three", "four", "five"]
