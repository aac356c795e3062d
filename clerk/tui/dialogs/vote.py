"""The vote dialog: the motion, how it was taken (show of hands or recorded), the counts or
each member's vote, a casting vote; the sentence the minutes will write shown as it is
filled in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical, VerticalGroup
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, OptionList, Static

from clerk.record import Person, Vote, VoteChoice, VoteMethod
from clerk.tui.dialogs.body import BODY_AND_FOOT_CSS, DialogBody
from clerk.tui.dialogs.forms import Dialog, KeyedChoices


class VoteTable(DataTable[Text | str]):
    """Each voter's vote: F for, A against, B abstain, and the cursor moves down; Enter: done."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "choose('for')", "For", id="vote_for"),
        Binding("a", "choose('against')", "Against", id="vote_against"),
        Binding("b", "choose('abstain')", "Abstain", id="vote_abstain"),
        # replaces the table's own Enter (select the row): here it finishes the vote
        Binding("enter", "done", "Done", id="vote_done"),
    ]

    class Changed(Message):
        """A member's vote was given or changed."""

    class Done(Message):
        """Enter: the clerk has given the votes."""

    def __init__(self, voters: list[Person], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.voters = voters
        self.choices: dict[str, VoteChoice] = {}

    def on_mount(self) -> None:
        self.add_column("Member", key="name")
        self.add_column("Vote", key="vote", width=len("against"))
        for person in self.voters:
            # Text: a str cell is markup to DataTable, and a name is not
            self.add_row(Text(person.name), "", key=person.id)

    def counts(self) -> tuple[int, int, int]:
        values = list(self.choices.values())
        return (
            values.count(VoteChoice.FOR),
            values.count(VoteChoice.AGAINST),
            values.count(VoteChoice.ABSTAIN),
        )

    def tally(self) -> str:
        votes_for, against, abstain = self.counts()
        return f"For {votes_for}  Against {against}  Abstain {abstain}"

    def action_choose(self, choice: str) -> None:
        if not self.voters:
            return
        row = self.cursor_row
        person = self.voters[row]
        self.choices[person.id] = VoteChoice(choice)
        self.update_cell(person.id, "vote", choice)
        self.move_cursor(row=min(row + 1, len(self.voters) - 1))
        self.post_message(self.Changed())

    def action_done(self) -> None:
        self.post_message(self.Done())


@dataclass
class VoteInput:
    """A vote as the clerk gave it; the screen adds which item and resolution it is on."""

    motion: str
    method: VoteMethod
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    named: dict[str, VoteChoice] = field(default_factory=dict)  # person id: a recorded vote
    casting_vote: VoteChoice | None = None  # the chair's, on a tie

    def vote(self, item_id: str, resolution_id: str | None = None) -> Vote:
        return Vote(
            item_id=item_id,
            resolution_id=resolution_id,
            motion=self.motion,
            method=self.method,
            votes_for=self.votes_for,
            votes_against=self.votes_against,
            abstentions=self.abstentions,
            named=dict(self.named),
            casting_vote=self.casting_vote,
        )


METHODS = [VoteMethod.SHOW_OF_HANDS, VoteMethod.RECORDED]
CASTING: list[VoteChoice | None] = [VoteChoice.FOR, VoteChoice.AGAINST, None]
COUNT_FIELDS = (("for", "For"), ("against", "Against"), ("abstain", "Abstain"))

VOTE_KEYS = "Enter: next · Enter on the last: record vote · Escape: cancel"
NO_MOTION = "Say what the motion was: the minutes name it"


class VoteDialog(Dialog[VoteInput | None]):
    """The whole vote in one dialog: motion, method, counts or each member's vote, and on a tie
    the chair's casting vote, with the sentence the minutes will print as it is typed."""

    HELP = """\
## Vote
**Motion**: what was voted on, as the minutes will name it (the item's latest
resolution is filled in; edit it to match what was put). Then how it was taken: **H**
a show of hands, **R** a recorded vote. A show of hands asks the numbers for, against
and abstaining (no more than may vote); a recorded vote asks each member's vote:
**F** for, **A** against, **B** abstain, and the cursor moves down. When the votes are
equal the chair's casting vote is asked: **F** for, **A** against, **N** none (the
motion is lost). The line at the foot is what the minutes will print.
**Enter** moves on; **Enter** on the last records the vote. **Escape** cancels.
"""

    DEFAULT_CSS = (
        BODY_AND_FOOT_CSS
        + """
    VoteDialog .vote-counts Label {
        padding: 1 1 0 2;
    }
    VoteDialog .vote-counts Label.first {
        padding: 1 1 0 0;
    }
    VoteDialog .vote-counts Input {
        width: 9;
    }
    VoteDialog #vote-preview {
        margin-top: 1;
    }
    """
    )

    def __init__(
        self,
        motion: str,
        voters: list[Person],
        preview: Callable[[Vote], str],
        *,
        show_counts: bool,
        pecuniary_excluded: bool = False,
        item_label: str = "",
    ) -> None:
        """motion: the current resolution's text, or "" (never the item's title: the minutes
        would call the title "the motion"); voters: who may vote; preview: the sentence the
        minutes print for a vote; show_counts: whether the house style prints a show of
        hands' figures; pecuniary_excluded: someone may not vote for a pecuniary interest."""
        super().__init__()
        self.motion = motion
        self.voters = voters
        self.preview = preview
        self.show_counts = show_counts
        self.pecuniary_excluded = pecuniary_excluded
        self.item_label = item_label
        self.method = VoteMethod.SHOW_OF_HANDS

    def compose(self) -> ComposeResult:
        title = f"Vote — {self.item_label}" if self.item_label else "Vote"
        with Vertical(classes="dialog"):
            yield Label(title, classes="dialog-title", markup=False)
            with DialogBody(classes="dialog-body"):
                yield Label("Motion")
                yield Input(self.motion, id="vote-motion", placeholder="That the report be noted.")
                yield Label("Taken by")
                yield KeyedChoices(
                    [
                        (VoteMethod.SHOW_OF_HANDS.value, "h", "show of hands"),
                        (VoteMethod.RECORDED.value, "r", "recorded vote: each member named"),
                    ],
                    id="vote-method",
                )
                yield Static(self.who_may_vote(), id="vote-voters", classes="dialog-note")
                with VerticalGroup(id="vote-hands"):
                    with HorizontalGroup(classes="vote-counts"):
                        for index, (name, label) in enumerate(COUNT_FIELDS):
                            yield Label(label, classes="first" if index == 0 else "")
                            yield Input(
                                id=f"vote-{name}", restrict=r"[0-9]*", max_length=3, placeholder="0"
                            )
                    yield Static("", id="vote-total")
                    yield Static(
                        "The minutes print these figures."
                        if self.show_counts
                        else "The minutes print the outcome, not these figures (the house style).",
                        id="vote-counts-note",
                        classes="dialog-note",
                    )
                with VerticalGroup(id="vote-recorded"):
                    yield VoteTable(self.voters, id="vote-table")
                    yield Static("", id="vote-tally")
                    yield Static(
                        "F: for · A: against · B: abstain (the cursor moves down)",
                        classes="dialog-note",
                    )
                with VerticalGroup(id="vote-casting"):
                    yield Label("The votes are equal: the chair's casting vote")
                    yield KeyedChoices(
                        [
                            ("for", "f", "for the motion"),
                            ("against", "a", "against the motion"),
                            ("none", "n", "none: the motion is lost"),
                        ],
                        id="vote-casting-choice",
                    )
            with VerticalGroup(classes="dialog-foot"):
                # markup off: the motion and members' names are shown as typed
                yield Static("", id="vote-preview", markup=False)
                yield Static("", classes="dialog-error", markup=False)
                yield Static(VOTE_KEYS, classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#vote-method", OptionList).highlighted = 0
        self.query_one("#vote-casting-choice", OptionList).highlighted = 0
        self.show_method(VoteMethod.SHOW_OF_HANDS)

    # ------------------------------------------------------------------ what is shown

    def who_may_vote(self) -> str:
        if not self.voters:
            return "No attendance recorded: who may vote is not known."
        excluded = " (pecuniary interests excluded)" if self.pecuniary_excluded else ""
        return f"{len(self.voters)} members may vote{excluded}."

    def show_method(self, method: VoteMethod) -> None:
        self.method = method
        self.query_one("#vote-hands").display = method is VoteMethod.SHOW_OF_HANDS
        self.query_one("#vote-recorded").display = method is VoteMethod.RECORDED
        self.counts_changed()

    def counts_changed(self) -> None:
        """A count changed: any casting vote asked for the old counts no longer stands."""
        self.query_one("#vote-casting").display = False
        self.error("")
        self.query_one("#vote-tally", Static).update(self.query_one(VoteTable).tally())
        total = sum(self.counts())
        if not self.voters:
            text = f"Total {total}"
        elif total > len(self.voters):
            text = f"Total {total}: more than the {len(self.voters)} who may vote"
        else:
            text = f"Total {total} of {len(self.voters)}"
        self.query_one("#vote-total", Static).update(text)
        self.show_preview()

    def show_preview(self) -> None:
        # no item id: the sentence does not depend on which item the vote is on
        text = self.preview(self.current(casting_vote=self.casting_highlighted()).vote(""))
        self.query_one("#vote-preview", Static).update(f"The minutes will say: {text}")

    def error(self, text: str) -> None:
        error = self.query_one(".dialog-error", Static)
        error.update(text)
        error.display = bool(text)

    # ------------------------------------------------------------------ the vote so far

    def counts(self) -> tuple[int, int, int]:
        if self.method is VoteMethod.RECORDED:
            return self.query_one(VoteTable).counts()
        votes_for, against, abstain = (
            int(self.query_one(f"#vote-{name}", Input).value or 0) for name, _ in COUNT_FIELDS
        )
        return votes_for, against, abstain

    def casting_highlighted(self) -> VoteChoice | None:
        """The casting vote the cursor is on, while it is being asked."""
        if not self.query_one("#vote-casting").display:
            return None
        index = self.query_one("#vote-casting-choice", OptionList).highlighted
        return CASTING[index] if index is not None else None

    def current(self, casting_vote: VoteChoice | None) -> VoteInput:
        votes_for, against, abstain = self.counts()
        recorded = self.method is VoteMethod.RECORDED
        return VoteInput(
            motion=self.query_one("#vote-motion", Input).value.strip(),
            method=self.method,
            votes_for=votes_for,
            votes_against=against,
            abstentions=abstain,
            named=dict(self.query_one(VoteTable).choices) if recorded else {},
            casting_vote=casting_vote,
        )

    def problem(self) -> str | None:
        if not self.query_one("#vote-motion", Input).value.strip():
            return NO_MOTION
        total = sum(self.counts())
        if self.method is VoteMethod.RECORDED:
            if not self.voters:
                return "Nobody may vote: record who is present first"
            if total == 0:
                return "Give each member's vote: F for, A against, B abstain"
            return None
        if total == 0:
            return "Give the numbers for, against and abstaining"
        if self.voters and total > len(self.voters):
            return f"{total} votes but only {len(self.voters)} members may vote"
        return None

    # ------------------------------------------------------------------ keys

    @on(Input.Changed, "#vote-motion")
    def motion_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.error("")
        self.show_preview()

    @on(Input.Submitted, "#vote-motion")
    def motion_done(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.error(NO_MOTION)
            return
        self.query_one("#vote-method").focus()

    @on(OptionList.OptionHighlighted, "#vote-method")
    def method_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if METHODS[event.option_index] is not self.method:
            self.show_method(METHODS[event.option_index])

    @on(OptionList.OptionSelected, "#vote-method")
    def method_done(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.show_method(METHODS[event.option_index])
        first = "#vote-for" if self.method is VoteMethod.SHOW_OF_HANDS else "#vote-table"
        self.focus_shown(self.query_one(first))

    @on(Input.Changed, "#vote-for, #vote-against, #vote-abstain")
    def count_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.counts_changed()

    @on(Input.Submitted, "#vote-for, #vote-against")
    def count_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Submitted, "#vote-abstain")
    def abstain_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.finish()

    @on(VoteTable.Changed)
    def member_voted(self) -> None:
        self.counts_changed()

    @on(VoteTable.Done)
    def members_done(self) -> None:
        self.finish()

    @on(OptionList.OptionHighlighted, "#vote-casting-choice")
    def casting_highlighted_changed(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.show_preview()

    @on(OptionList.OptionSelected, "#vote-casting-choice")
    def casting_done(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.record(CASTING[event.option_index])

    def focus_shown(self, widget: Widget) -> None:
        """Focus a field just shown; on a short terminal, scroll the fields to it once its place
        is known (focus alone scrolls to where it was before it was shown)."""
        widget.focus(scroll_visible=False)
        self.call_after_refresh(widget.scroll_visible, animate=False)

    @on(DataTable.RowHighlighted, "#vote-table")
    def follow_cursor(self, event: DataTable.RowHighlighted) -> None:
        """The table grows with its rows, so on a short terminal the fields, not the table, must
        scroll to keep the member whose vote is asked in view."""
        event.stop()
        if self.method is not VoteMethod.RECORDED:
            return  # the table is hidden: it has no place to scroll to
        table = event.data_table
        body = self.query_one(DialogBody)
        header = 1
        y = table.region.y - body.region.y + body.scroll_offset.y + header + event.cursor_row
        body.scroll_to_region(Region(0, y, 1, 1), animate=False)

    def finish(self) -> None:
        """Enter on the last field: record the vote, or on a tie ask the casting vote first."""
        if self.refused():
            return
        votes_for, against, _abstain = self.counts()
        if votes_for == against:
            self.query_one("#vote-casting").display = True
            self.focus_shown(self.query_one("#vote-casting-choice"))
            self.show_preview()
            return
        self.record(None)

    def record(self, casting_vote: VoteChoice | None) -> None:
        if not self.refused():
            self.dismiss(self.current(casting_vote))

    def refused(self) -> bool:
        """Say what is wrong, if anything, and take the clerk back to the motion if that is it."""
        problem = self.problem()
        self.error(problem or "")
        if problem == NO_MOTION:
            self.query_one("#vote-motion").focus()
        return problem is not None
