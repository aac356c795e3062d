"""Dialogs of the live meeting: a declaration of interest, a recorded vote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalGroup, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.record import AgendaItem, DeclarationAction, Person, VoteChoice
from clerk.tui.dialogs.forms import Dialog, NameSuggester

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
    ) -> None:
        """items: the agenda, to show the title of the item typed and refuse one not on it
        (None: the item number is taken as typed)."""
        super().__init__()
        self.item_label = item_label
        self.item_number = item_number
        self.people = people
        self.kinds = kinds
        self.items = items

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
                yield OptionList(
                    *[Option(k, id=str(i)) for i, k in enumerate(self.kinds)], id="decl-kind"
                )
                yield Label("Nature: in that …")
                yield Input(id="decl-nature", placeholder="he is a governor of the school")
                yield Label("What they did")
                yield OptionList(
                    *[Option(label, id=a.value) for a, label in ACTION_LABELS.items()],
                    id="decl-action",
                )
            with VerticalGroup(classes="dialog-foot"):
                yield Static("", classes="dialog-error", markup=False)
                yield Static(DECLARATION_KEYS, classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        for list_id in ("#decl-kind", "#decl-action"):
            self.query_one(list_id, OptionList).highlighted = 0
        self.show_item(self.item_number)
        self.error("")

    def find(self, name: str) -> Person | None:
        wanted = " ".join(name.split()).casefold()
        exact = [p for p in self.people if p.name.casefold() == wanted]
        if exact:
            return exact[0]
        starts = [p for p in self.people if p.name.casefold().startswith(wanted)]
        return starts[0] if len(starts) == 1 else None

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


class VoteTable(DataTable[str]):
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
            self.add_row(person.name, "", key=person.id)

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


class RecordedVoteDialog(Dialog[dict[str, VoteChoice] | None]):
    """Each member's vote: F for, A against, B abstain (the cursor moves down); Enter: done."""

    HELP = """\
## Recorded vote
Members who may vote (present, without a pecuniary interest in the item). **F** for,
**A** against, **B** abstain, and the cursor moves down. **Enter** records the vote;
a tie asks for the chair's casting vote. **Escape** cancels.
"""

    def __init__(self, motion: str, voters: list[Person]) -> None:
        super().__init__()
        self.motion = motion
        self.voters = voters

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Recorded vote — {self.motion}", classes="dialog-title")
            yield VoteTable(self.voters, id="vote-table")
            yield Static("", id="vote-tally")
            yield Static("F for   A against   B abstain   Enter done", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#vote-tally", Static).update(self.query_one(VoteTable).tally())

    @on(VoteTable.Changed)
    def tally(self) -> None:
        self.query_one("#vote-tally", Static).update(self.query_one(VoteTable).tally())

    @on(VoteTable.Done)
    def done(self) -> None:
        self.dismiss(dict(self.query_one(VoteTable).choices))
