"""The declaration of interest dialog: who, on which item, what kind, and what they did;
the sentence the minutes will write shown as it is filled in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalGroup
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.record import AgendaItem, DeclarationAction, Person
from clerk.tui.dialogs.body import BODY_AND_FOOT_CSS, DialogBody
from clerk.tui.dialogs.forms import Dialog, NameSuggester

ACTION_LABELS = {
    DeclarationAction.LEFT_ROOM: "left the room and took no part in the discussion or vote",
    DeclarationAction.DID_NOT_VOTE: "remained but did not vote",
    DeclarationAction.REMAINED: "remained and took part",
    DeclarationAction.DISPENSATION: "took part under a dispensation",
}
ACTIONS = list(ACTION_LABELS)

DECLARATION_KEYS = 'Enter: next field · Enter on "What they did": save · Escape: cancel'


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
