"""Dialogs of the live meeting: a declaration, a recorded vote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.record import DeclarationAction, Person, VoteChoice
from clerk.tui.dialogs.forms import Dialog, NameSuggester

ACTION_LABELS = {
    DeclarationAction.LEFT_ROOM: "left the room and took no part in the discussion or vote",
    DeclarationAction.DID_NOT_VOTE: "remained but did not vote",
    DeclarationAction.REMAINED: "remained and took part",
    DeclarationAction.DISPENSATION: "took part under a dispensation",
}


@dataclass
class DeclarationInput:
    person: Person
    kind: str
    nature: str
    action: DeclarationAction
    item_number: str  # "" : the agenda as a whole


class DeclarationDialog(Dialog[DeclarationInput | None]):
    """Member (type-ahead), kind, nature, action: Enter moves on, the last Enter records it."""

    HELP = """\
## Declaration of interest
Member (**→** completes the name), the item (blank: the whole agenda), the kind of
interest from the committee's list, its nature ("in that …") and what the member did.
**Enter** moves on; **Enter** on what they did records it. A pecuniary interest takes
the member out of the quorum and the vote on that item. **Escape** cancels.
"""

    def __init__(
        self, item_label: str, people: list[Person], kinds: list[str], item_number: str = ""
    ) -> None:
        super().__init__()
        self.item_label = item_label
        self.item_number = item_number
        self.people = people
        self.kinds = kinds

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Declaration of interest — {self.item_label}", classes="dialog-title")
            yield Label("Member (→ completes)")
            yield Input(
                id="decl-person",
                suggester=NameSuggester([p.name for p in self.people]),
                placeholder="Type a name…",
            )
            yield Label("In respect of item")
            yield Input(self.item_number, id="decl-item", placeholder="blank: the whole agenda")
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
            yield Static("", classes="dialog-error")

    def on_mount(self) -> None:
        for list_id in ("#decl-kind", "#decl-action"):
            self.query_one(list_id, OptionList).highlighted = 0

    def find(self, name: str) -> Person | None:
        """The one person the typed name means ("Freeman", "Cllr Freeman", "peter f")."""
        from clerk.people import best

        return best(self.people, name)

    @on(Input.Submitted, "#decl-person")
    def person_done(self, event: Input.Submitted) -> None:
        event.stop()
        person = self.find(event.value)
        if person is None:
            self.query_one(".dialog-error", Static).update(
                f"{event.value!r} is not a member at this meeting"
            )
            return
        event.input.value = person.name
        self.query_one(".dialog-error", Static).update("")
        self.query_one("#decl-item").focus()

    @on(Input.Submitted, "#decl-item")
    def item_done(self, event: Input.Submitted) -> None:
        event.stop()
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
            self.query_one(".dialog-error", Static).update("Name the member first")
            self.query_one("#decl-person").focus()
            return
        kind_index = self.query_one("#decl-kind", OptionList).highlighted or 0
        nature = self.query_one("#decl-nature", Input).value.strip()
        if nature.lower().startswith("in that "):
            nature = nature[len("in that ") :]
        self.dismiss(
            DeclarationInput(
                person=person,
                kind=self.kinds[kind_index],
                nature=nature,
                action=DeclarationAction(event.option.id),
                item_number=self.query_one("#decl-item", Input).value.strip().rstrip("."),
            )
        )


class RecordedVoteDialog(Dialog[dict[str, VoteChoice] | None]):
    """Each member's vote: F for, A against, B abstain (the cursor moves down); Enter: done."""

    HELP = """\
## Recorded vote
Members who may vote (present, without a pecuniary interest in the item). **F** for,
**A** against, **B** abstain, and the cursor moves down. **Enter** records the vote;
a tie asks for the chair's casting vote. **Escape** cancels.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "choose('for')", "For", id="vote_for"),
        Binding("a", "choose('against')", "Against", id="vote_against"),
        Binding("b", "choose('abstain')", "Abstain", id="vote_abstain"),
        Binding("enter", "done", "Done", id="vote_done", priority=True),
    ]

    def __init__(self, motion: str, voters: list[Person]) -> None:
        super().__init__()
        self.motion = motion
        self.voters = voters
        self.choices: dict[str, VoteChoice] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Recorded vote — {self.motion}", classes="dialog-title")
            yield DataTable(id="vote-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="vote-tally")
            yield Static("F for   A against   B abstain   Enter done", classes="dialog-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Member", key="name")
        table.add_column("Vote", key="vote")
        for person in self.voters:
            table.add_row(person.name, "", key=person.id)
        self.tally()

    def tally(self) -> None:
        values = list(self.choices.values())
        self.query_one("#vote-tally", Static).update(
            f"For {values.count(VoteChoice.FOR)}  Against {values.count(VoteChoice.AGAINST)}"
            f"  Abstain {values.count(VoteChoice.ABSTAIN)}"
        )

    def action_choose(self, choice: str) -> None:
        table = self.query_one(DataTable)
        if not self.voters:
            return
        row = table.cursor_row
        person = self.voters[row]
        self.choices[person.id] = VoteChoice(choice)
        table.update_cell(person.id, "vote", choice)
        table.move_cursor(row=min(row + 1, len(self.voters) - 1))
        self.tally()

    def action_done(self) -> None:
        self.dismiss(dict(self.choices))
