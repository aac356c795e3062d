"""Dialogs of the live meeting: a declaration of interest, a vote."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical, VerticalGroup, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.record import AgendaItem, DeclarationAction, Person, Vote, VoteChoice, VoteMethod
from clerk.tui.dialogs.forms import Dialog, KeyedChoices, NameSuggester

ACTION_LABELS = {
    DeclarationAction.LEFT_ROOM: "left the room and took no part in the discussion or vote",
    DeclarationAction.DID_NOT_VOTE: "remained but did not vote",
    DeclarationAction.REMAINED: "remained and took part",
    DeclarationAction.DISPENSATION: "took part under a dispensation",
}
ACTIONS = list(ACTION_LABELS)

DECLARATION_KEYS = 'Enter: next field · Enter on "What they did": save · Escape: cancel'


class DialogBody(VerticalScroll, can_focus=False):
    """A dialog's fields, scrolling on a short terminal; Tab and the first focus go to the fields
    themselves, not to this container."""


# On a short terminal the fields scroll (to the one focused) while the foot, what the clerk must
# not miss (the keys, a refusal, what the minutes will say), stays in view below them.
BODY_AND_FOOT_CSS = """
.dialog-body {
    height: auto;
    max-height: 1fr;
}
.dialog-foot {
    dock: bottom;
    height: auto;
}
"""


@dataclass
class DeclarationInput:
    person: Person
    kind: str
    nature: str
    action: DeclarationAction
    item_number: str  # "" : the agenda as a whole
    # the item declared on, found by the dialog when it was given the agenda; None: the agenda
    # as a whole (or, from a dialog not given the agenda, look item_number up)
    item_id: str | None = None


class DeclarationDialog(Dialog[DeclarationInput | None]):
    """Member (type-ahead), item, kind, nature, action: Enter moves on; the last Enter saves."""

    HELP = """\
## Declaration of interest
Member (**→** completes the name), the item's number (blank: the whole agenda; the
item's title shows beneath it, and a number not on the agenda is refused), the kind
of interest from the committee's list, its nature ("in that …") and what the member
did. **Enter** moves on; **Enter** on what they did records it. A pecuniary interest
takes the member out of the quorum and the vote on that item. **Escape** cancels.
"""

    DEFAULT_CSS = BODY_AND_FOOT_CSS

    def __init__(
        self,
        item_label: str,
        people: list[Person],
        kinds: list[str],
        item_number: str = "",
        *,
        items: list[AgendaItem] | None = None,
        preview: Callable[[DeclarationInput], str] | None = None,
    ) -> None:
        """items: the agenda, to show the title of the item typed and refuse one not on it
        (None: the item number is taken as typed); preview: the sentence the minutes will
        print for a declaration (the minutes' composer's, so the screen never words it
        itself), shown at the foot as the fields are filled in."""
        super().__init__()
        self.item_label = item_label
        self.item_number = item_number
        self.people = people
        self.kinds = kinds
        self.items = items
        self.preview = preview

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                f"Declaration of interest — {self.item_label}",
                classes="dialog-title",
                markup=False,
            )
            with DialogBody(classes="dialog-body"):
                yield Label("Member (→ completes)")
                yield Input(
                    id="decl-person",
                    suggester=NameSuggester([p.name for p in self.people]),
                    placeholder="Type a name…",
                )
                yield Label("In respect of item")
                yield Input(self.item_number, id="decl-item", placeholder="blank: the whole agenda")
                # markup off: an agenda title may hold square brackets
                yield Static("", id="decl-item-title", classes="dialog-note", markup=False)
                yield Label("Kind of interest")
                # Text: the committee's own kinds of interest are text, not markup
                yield OptionList(
                    *[Option(Text(k), id=str(i)) for i, k in enumerate(self.kinds)], id="decl-kind"
                )
                yield Label("Nature: in that …")
                yield Input(id="decl-nature", placeholder="he is a governor of the school")
                yield Label("What they did")
                yield OptionList(
                    *[Option(label, id=a.value) for a, label in ACTION_LABELS.items()],
                    id="decl-action",
                )
            with VerticalGroup(classes="dialog-foot"):
                # markup off: names, titles and natures are shown as typed
                yield Static("", id="decl-preview", classes="dialog-note", markup=False)
                yield Static("", classes="dialog-error", markup=False)
                yield Static(DECLARATION_KEYS, classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        for list_id in ("#decl-kind", "#decl-action"):
            self.query_one(list_id, OptionList).highlighted = 0
        self.show_item(self.item_number)
        self.error("")
        self.show_preview()

    def current(self) -> DeclarationInput | None:
        """The declaration as the fields hold it now, or None while no member is named."""
        person = self.find(self.query_one("#decl-person", Input).value)
        kind_index = self.query_one("#decl-kind", OptionList).highlighted
        action_index = self.query_one("#decl-action", OptionList).highlighted
        if person is None or kind_index is None or not self.kinds:
            return None
        typed = self.query_one("#decl-item", Input).value.strip().rstrip(".")
        if self.item_problem(typed):
            return None
        item = self.item_for(typed)
        nature = self.query_one("#decl-nature", Input).value.strip()
        if nature.lower().startswith("in that "):
            nature = nature[len("in that ") :]
        return DeclarationInput(
            person=person,
            kind=self.kinds[kind_index],
            nature=nature,
            action=ACTIONS[action_index or 0],
            item_number=item.number if item else typed,
            item_id=item.id if item else None,
        )

    def show_preview(self) -> None:
        if self.preview is None:
            return
        preview = self.query_one("#decl-preview", Static)
        current = self.current()
        preview.update(
            f"The minutes will say: {self.preview(current)}"
            if current is not None
            else "The minutes will say: (name the member)"
        )

    @on(Input.Changed)
    @on(OptionList.OptionHighlighted)
    def field_changed(self) -> None:
        self.show_preview()

    def find(self, name: str) -> Person | None:
        """The one person the typed name means ("Freeman", "Cllr Freeman", "peter f")."""
        from clerk.people import best

        return best(self.people, name)

    def item_for(self, number: str) -> AgendaItem | None:
        wanted = number.strip().rstrip(".").casefold()
        return next((i for i in self.items or [] if i.number.casefold() == wanted), None)

    def item_problem(self, number: str) -> str | None:
        number = number.strip().rstrip(".")
        if self.items is None or not number or self.item_for(number) is not None:
            return None
        return f"There is no item {number} on this agenda (blank: the agenda as a whole)"

    @on(Input.Changed, "#decl-item")
    def item_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_item(event.value)

    def show_item(self, typed: str) -> None:
        """Which item the number typed names, so the clerk sees it before saving."""
        if self.items is None:
            return
        number = typed.strip().rstrip(".")
        item = self.item_for(number)
        if not number:
            text = "blank: the agenda as a whole"
        elif item is None:
            text = f"no item {number} on this agenda"
        else:
            text = f"{item.number} — {item.title}"
        self.query_one("#decl-item-title", Static).update(text)

    def error(self, text: str) -> None:
        error = self.query_one(".dialog-error", Static)
        error.update(text)
        error.display = bool(text)

    @on(Input.Submitted, "#decl-person")
    def person_done(self, event: Input.Submitted) -> None:
        event.stop()
        person = self.find(event.value)
        if person is None:
            self.error(f"{event.value!r} is not a member at this meeting")
            return
        event.input.value = person.name
        self.error("")
        self.query_one("#decl-item").focus()

    @on(Input.Submitted, "#decl-item")
    def item_done(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.item_problem(event.value)
        if problem:
            self.error(problem)
            return
        self.error("")
        self.query_one("#decl-kind").focus()

    @on(OptionList.OptionSelected, "#decl-kind")
    def kind_done(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#decl-nature").focus()

    @on(Input.Submitted, "#decl-nature")
    def nature_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#decl-action").focus()

    @on(OptionList.OptionSelected, "#decl-action")
    def action_done(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        person = self.find(self.query_one("#decl-person", Input).value)
        if person is None:
            self.error("Name the member first")
            self.query_one("#decl-person").focus()
            return
        # the field may have been left by Tab or the mouse, never checked by its own Enter
        typed = self.query_one("#decl-item", Input).value.strip().rstrip(".")
        problem = self.item_problem(typed)
        if problem:
            self.error(problem)
            self.query_one("#decl-item").focus()
            return
        kind_index = self.query_one("#decl-kind", OptionList).highlighted
        if kind_index is None:
            self.error("Choose the kind of interest")
            self.query_one("#decl-kind").focus()
            return
        nature = self.query_one("#decl-nature", Input).value.strip()
        if nature.lower().startswith("in that "):
            nature = nature[len("in that ") :]
        item = self.item_for(typed)
        self.dismiss(
            DeclarationInput(
                person=person,
                kind=self.kinds[kind_index],
                nature=nature,
                action=ACTIONS[event.option_index],
                item_number=item.number if item else typed,
                item_id=item.id if item else None,
            )
        )


# --------------------------------------------------------------------------- votes


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
