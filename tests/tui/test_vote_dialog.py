"""The vote dialog on its own (issue 8, point 10): one dialog asks the motion, how the vote was
taken, the numbers or each member's vote and, on a tie, the chair's casting vote, and shows the
sentence the minutes will print, written by the real Composer."""

from __future__ import annotations

from dataclasses import replace

from clerk.minutes.compose import Composer
from clerk.minutes.style import VotesStyle, load_style
from clerk.record import MeetingRecord, Person, VoteChoice, VoteMethod
from clerk.tui.dialogs.vote import VoteDialog, VoteInput
from tests.tui.conftest import october_record
from tests.tui.dialog_host import SIZE, DialogHost, in_view, keys, shown
from tests.tui.terminal import type_text

MOTION = "That the report be noted."


def voters(record: MeetingRecord) -> list[Person]:
    """The members less Peter Freeman, out for a pecuniary interest: seven may vote."""
    members = [p for p in record.people if p.is_councillor and p.name != "Peter Freeman"]
    return sorted(members[:7], key=lambda p: p.sort_key)


def vote_dialog(
    record: MeetingRecord, *, motion: str = MOTION, show_counts: bool = True
) -> VoteDialog:
    style = replace(load_style("westminster"), votes=VotesStyle(show_counts=show_counts))
    return VoteDialog(
        motion,
        voters(record),
        Composer(record, style).vote_sentence,
        show_counts=show_counts,
        pecuniary_excluded=True,
        item_label="5. IMMUNISATION PROGRAMMES IN WESTMINSTER",
    )


async def test_a_show_of_hands_with_the_motion_and_the_figures() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#vote-motion").value == MOTION
        assert "Enter: next · Enter on the last: record vote · Escape: cancel" in shown(app)
        assert "7 members may vote (pecuniary interests excluded)." in shown(app)
        await pilot.press("enter", "h", "5", "enter", "1", "enter")
        assert "Total 6 of 7" in shown(app)
        assert (
            "The minutes will say: On a show of hands, the motion that the report be noted was "
            "carried (5 for, 1 against, no abstentions)." in shown(app)
        )
        assert "The minutes print these figures." in shown(app)
        await pilot.press("enter")  # on abstain, the last: recorded
        await pilot.pause()
    assert app.results == [
        VoteInput(
            motion=MOTION,
            method=VoteMethod.SHOW_OF_HANDS,
            votes_for=5,
            votes_against=1,
            abstentions=0,
        )
    ]


async def test_the_motion_typed_is_what_the_minutes_name() -> None:
    app = DialogHost(vote_dialog(october_record(), motion=""))
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "That the strategy be endorsed.")
        assert "the motion that the strategy be endorsed was lost" in shown(app)
        await pilot.press("enter", "enter", "4", "enter", "2", "enter", "1", "enter")
        await pilot.pause()
    (result,) = app.results
    assert result.motion == "That the strategy be endorsed."
    assert (result.votes_for, result.votes_against, result.abstentions) == (4, 2, 1)


async def test_a_style_without_figures_says_so_and_the_preview_leaves_them_out() -> None:
    app = DialogHost(vote_dialog(october_record(), show_counts=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "h", "5", "enter", "1", "enter")
        text = shown(app)
        assert "The minutes print the outcome, not these figures (the house style)." in text
        assert (
            "The minutes will say: On a show of hands, the motion that the report be noted was "
            "carried." in text
        )
        assert "5 for" not in text


async def test_an_empty_motion_is_refused() -> None:
    app = DialogHost(vote_dialog(october_record(), motion=""))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert "Say what the motion was: the minutes name it" in shown(app)
        assert app.screen.focused is app.screen.query_one("#vote-motion")
        # emptied after the numbers are in: refused at the end as well
        await pilot.press(*keys("x"), "enter", "h", "3", "enter", "1", "enter")
        app.screen.query_one("#vote-motion").value = "  "
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == []
        assert "Say what the motion was" in shown(app)


async def test_counts_take_digits_only_and_no_more_than_may_vote() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "h", "x", "8", "enter")
        assert app.screen.query_one("#vote-for").value == "8"
        assert "Total 8: more than the 7 who may vote" in shown(app)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.results == []
        assert "8 votes but only 7 members may vote" in shown(app)


async def test_a_tie_asks_the_casting_vote_in_the_same_dialog() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "h", "3", "enter", "3", "enter", "1")
        assert "the chair's casting vote" not in shown(app)
        await pilot.press("enter")
        assert "The votes are equal: the chair's casting vote" in shown(app)
        assert app.results == []
        assert (
            "the votes were equal (3 for, 3 against, 1 abstention) and the Chairman gave a "
            "casting vote for the motion, which was therefore carried." in shown(app)
        )
        await pilot.press("down")
        assert "casting vote against the motion, which was therefore lost." in shown(app)
        await pilot.press("a")
        await pilot.pause()
    (result,) = app.results
    assert result.casting_vote is VoteChoice.AGAINST
    assert (result.votes_for, result.votes_against, result.abstentions) == (3, 3, 1)


async def test_changing_a_count_after_a_tie_drops_the_casting_vote() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "h", "2", "enter", "2", "enter", "enter")
        assert "The votes are equal" in shown(app)
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "end", "backspace", "4")
        assert "The votes are equal" not in shown(app)
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
    (result,) = app.results
    assert (result.votes_for, result.votes_against, result.casting_vote) == (4, 2, None)


async def test_a_recorded_vote_names_each_member() -> None:
    record = october_record()
    people = {p.name: p for p in record.people}
    app = DialogHost(vote_dialog(record))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r")
        table = app.screen.query_one("#vote-table")
        assert table.row_count == 7
        assert "F: for · A: against · B: abstain (the cursor moves down)" in shown(app)
        # Bright, Butler-Thalassis, Carmen, Glanz, McAllister, Payne, Short
        await pilot.press("f", "f", "a", "f", "b", "a", "a")
        assert "For 3  Against 3  Abstain 1" in shown(app)
        await pilot.press("enter")
        assert "The votes are equal" in shown(app)
        await pilot.press("f")
        await pilot.pause()
    (result,) = app.results
    assert result.method is VoteMethod.RECORDED
    assert result.named == {
        people["Margot Bright"].id: VoteChoice.FOR,
        people["Nafsika Butler-Thalassis"].id: VoteChoice.FOR,
        people["Ian Carmen"].id: VoteChoice.AGAINST,
        people["Jonathan Glanz"].id: VoteChoice.FOR,
        people["Patricia McAllister"].id: VoteChoice.ABSTAIN,
        people["Emily Payne"].id: VoteChoice.AGAINST,
        people["Selina Short"].id: VoteChoice.AGAINST,
    }
    assert (result.votes_for, result.votes_against, result.abstentions) == (3, 3, 1)
    assert result.casting_vote is VoteChoice.FOR


async def test_the_preview_names_who_voted_which_way() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r", "f", "f", "f", "f", "a")
        assert (
            "A recorded vote was taken on the motion that the report be noted. Voting for: "
            "Councillors Margot Bright, Nafsika Butler-Thalassis, Ian Carmen and Jonathan Glanz. "
            "Voting against: Councillor Patricia McAllister. The motion was carried (4 for, "
            "1 against, no abstentions)." in shown(app)
        )


async def test_a_recorded_vote_with_no_votes_given_is_refused() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r", "enter")
        await pilot.pause()
        assert app.results == []
        assert "Give each member's vote: F for, A against, B abstain" in shown(app)


async def test_escape_records_nothing() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "h", "5", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_on_a_short_terminal_the_casting_vote_and_the_preview_stay_in_view() -> None:
    app = DialogHost(vote_dialog(october_record()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "h", "3", "enter", "3", "enter", "1", "enter")
        await pilot.pause()
        assert in_view(app, app.screen.query_one("#vote-casting-choice"))
        text = shown(app)
        assert "The minutes will say: On a show of hands on the motion" in text
        assert "Enter: next · Enter on the last: record vote · Escape: cancel" in text
