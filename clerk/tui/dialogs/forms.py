"""Generic dialogs: a form of text fields, a list of choices, a person picker."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk import people
from clerk.record import Person
from clerk.tui.session import person_label

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A pop-up that Escape cancels (nothing is written) and F1 explains (its HELP).

    A modal screen does not take the app's own F1, so a dialog binds it again, under the
    same id: a remapped help key is remapped here too."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
        Binding("f1", "app.toggle_help", "Help", id="help"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    suggester: Suggester | None = None


class KeyedChoices(OptionList):
    """Choices inside a form, each picked by its own key (shown in brackets) or by arrows and
    Enter; either way the list posts OptionSelected, so the form moves on the same way."""

    def __init__(self, choices: list[tuple[str, str, str]], *, id: str | None = None) -> None:
        """choices: (value, key, label)."""
        self.keyed = {key: value for value, key, _label in choices}
        # Text, not a str: "[h]" in a str is content markup and would vanish from the screen
        super().__init__(
            *[Option(Text(f"[{key}] {label}"), id=value) for value, key, label in choices], id=id
        )

    def on_key(self, event: events.Key) -> None:
        value = self.keyed.get(event.key)
        if value is None:
            return
        event.stop()
        event.prevent_default()
        self.highlighted = self.get_option_index(value)
        self.action_select()


class FormDialog(Dialog[Any]):
    """Text fields: Enter moves to the next field and submits from the last; Escape cancels.

    With `read`, the dialog answers with what `read` makes of the fields (a time, an action):
    a ValueError it raises is shown and the dialog stays, so callers get a value already
    checked and never parse the fields again. Without it, the answer is the fields' text.

    The title, note and the check's complaint are drawn as text, never markup: they name people
    and items and quote what was typed ("Next meeting of the Audit [/] Panel")."""

    HELP = """\
## Form
**Enter** moves to the next field and, from the last, records what the form says;
**Tab** / **Shift+Tab** move between fields; **Ctrl+U** clears a field; **→** takes a
suggested name. **Escape** cancels: nothing is written.
"""

    def __init__(
        self,
        title: str,
        fields: list[Field],
        check: Callable[[dict[str, str]], str | None] | None = None,
        note: str = "",
        *,
        read: Callable[[dict[str, str]], Any] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.check = check
        self.read = read
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(Text(self.note), classes="dialog-note")
            for field in self.fields:
                yield Label(Text(field.label))
                yield Input(
                    field.value,
                    placeholder=field.placeholder,
                    id=f"field-{field.name}",
                    suggester=field.suggester,
                )
            yield Static("", classes="dialog-error", markup=False)
            yield Static("Enter: next / done   Escape: cancel", classes="dialog-keys")

    def values(self) -> dict[str, str]:
        return {f.name: self.query_one(f"#field-{f.name}", Input).value for f in self.fields}

    @on(Input.Submitted)
    def next_or_done(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
            return
        values = self.values()
        problem = self.check(values) if self.check else None
        if problem:
            self.query_one(".dialog-error", Static).update(problem)
            return
        if self.read is None:
            self.dismiss(values)
            return
        try:
            answer = self.read(values)
        except ValueError as exc:
            self.query_one(".dialog-error", Static).update(str(exc))
            return
        self.dismiss(answer)


class ChoiceDialog(Dialog[str | None]):
    """Pick one: arrows and Enter, or the option's own key (shown in brackets). The title and
    labels are text, never markup ("Remove Cy [link=…]Poe[/link] from clerk?")."""

    HELP = """\
## Choose one
Press the key shown in brackets, or move with the arrows and press **Enter**.
**Escape** cancels.
"""

    def __init__(self, title: str, choices: list[tuple[str, str, str]]) -> None:
        """choices: (value, key, label)."""
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            # Text, not a str: "[r]" in a str is content markup and would vanish from the screen
            yield OptionList(
                *[Option(Text(f"[{key}] {label}"), id=value) for value, key, label in self.choices],
                id="choices",
            )

    def on_key(self, event) -> None:
        for value, key, _label in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


@dataclass
class PersonChoice:
    name: str
    role: str
    person: Person | None  # None: a new person, chosen as such, called `name`


NEW_PERSON = "new-person"  # the option id of "+ New person: ‘…’"


class PersonDialog(Dialog[PersonChoice | None]):
    """A person by type-ahead over everyone known. Enter takes the highlighted match; a new
    person is made only from the "+ New person" option, which is on the list to be seen."""

    HELP = """\
## Person
Type any part of a name (surname first if you like: "acton h"), an honorific or a role:
people at this meeting come first among equals, then everyone clerk knows.
**↑** / **↓** move the highlight; **Enter** takes the highlighted line. Someone clerk does
not know yet: choose the last line, **+ New person**. Where a role is asked, **Enter** on it
finishes. **Escape** cancels.
"""

    def __init__(
        self,
        title: str,
        find: Callable[[str], list[Person]],
        *,
        ask_role: bool = False,
        role_label: str = "Role",
        allow_new: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.find = find
        self.ask_role = ask_role
        self.role_label = role_label
        self.allow_new = allow_new
        self.matches: list[Person] = []
        self.typed = ""
        self.picked: Person | None = None
        self.new_name: str | None = None  # chosen: a new person of this name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # text, never markup: titles name people ("Substitute for Bob [red]Roe[/red]"), and
            # the complaint below quotes what was typed
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Input(placeholder="Type a name…", id="person-name")
            yield OptionList(id="person-matches")
            if self.ask_role:
                yield Label(Text(self.role_label))
                yield Input(id="person-role")
            yield Static("", classes="dialog-error", markup=False)
            yield Static(
                "↑↓: choose   Enter: take the highlighted line   Escape: cancel",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.refresh_matches("")

    @on(Input.Changed, "#person-name")
    def typed_name(self, event: Input.Changed) -> None:
        self.picked = None
        self.new_name = None
        self.refresh_matches(event.value)

    def refresh_matches(self, text: str) -> None:
        self.typed = " ".join(text.split())
        self.matches = self.find(text)
        # Text, not str: a "[" in a name or role is not markup
        options = [Option(Text(person_label(p)), id=p.id) for p in self.matches]
        offer_new = (
            self.allow_new
            and any(c.isalpha() for c in self.typed)
            and people.exact(self.matches, self.typed) is None  # no second Heather Acton
        )
        if offer_new:
            options.append(Option(Text(f"+ New person: ‘{self.typed}’"), id=NEW_PERSON))
        matches = self.query_one("#person-matches", OptionList)
        matches.set_options(options)
        if not self.typed:
            matches.highlighted = None  # nothing typed: Enter takes no one, ↓ chooses
        elif self.matches:
            matches.highlighted = 0
        elif offer_new and people.is_full_name(self.typed):
            matches.highlighted = 0  # nobody like it: the new person, in plain sight
        else:
            matches.highlighted = None
        self.query_one(".dialog-error", Static).update("")

    def on_key(self, event) -> None:
        # the highlight moves while typing goes on in the name
        if event.key in ("up", "down") and self.query_one("#person-name", Input).has_focus:
            event.stop()
            matches = self.query_one("#person-matches", OptionList)
            if event.key == "down":
                matches.action_cursor_down()
            else:
                matches.action_cursor_up()

    @on(Input.Submitted, "#person-name")
    def name_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_highlighted()

    @on(OptionList.OptionSelected, "#person-matches")
    def match_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.take_option(event.option.id)

    def take_highlighted(self) -> None:
        matches = self.query_one("#person-matches", OptionList)
        if matches.highlighted is not None:
            self.take_option(matches.get_option_at_index(matches.highlighted).id)
        elif self.typed and matches.option_count:
            self.query_one(".dialog-error", Static).update(
                f"No one known is called ‘{self.typed}’: type the full name, or choose "
                "+ New person with ↓ and Enter."
            )
        elif self.typed:
            self.query_one(".dialog-error", Static).update(f"No one known matches ‘{self.typed}’.")

    def take_option(self, option_id: str | None) -> None:
        if option_id == NEW_PERSON:
            self.picked, self.new_name = None, self.typed
            self.next_or_done()
            return
        person = next((p for p in self.matches if p.id == option_id), None)
        if person is not None:
            self.take(person)

    def take(self, person: Person) -> None:
        self.picked, self.new_name = person, None
        name = self.query_one("#person-name", Input)
        with name.prevent(Input.Changed):
            name.value = person.name
        if self.ask_role:
            role = self.query_one("#person-role", Input)
            if not role.value:
                role.value = person.role
        self.next_or_done()

    def chosen_name(self) -> str | None:
        if self.picked is not None:
            return self.picked.name
        return self.new_name

    def next_or_done(self) -> None:
        if self.ask_role and not self.query_one("#person-role", Input).has_focus:
            self.query_one("#person-role", Input).focus()
            return
        name = self.chosen_name()
        if name is None:
            return
        role = self.query_one("#person-role", Input).value if self.ask_role else ""
        self.dismiss(PersonChoice(name=name, role=role.strip(), person=self.picked))

    @on(Input.Submitted, "#person-role")
    def role_done(self, event: Input.Submitted) -> None:
        event.stop()
        if self.chosen_name() is None:
            # the role was typed first: the name's highlighted line decides, as its Enter would
            self.take_highlighted()
            if self.chosen_name() is None:
                self.query_one("#person-name", Input).focus()
            return
        self.next_or_done()


class NameSuggester(Suggester):
    """Completes a name from a list, in place: the best match (as `clerk.people` ranks
    them) whose name begins with what was typed. Right arrow accepts."""

    def __init__(self, names: Iterable[str | Person]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.people = [n if isinstance(n, Person) else Person(n) for n in names]

    async def get_suggestion(self, value: str) -> str | None:
        found = people.completion(self.people, value)
        return None if found is None else found.name
