"""The live screen's lists and status line: the agenda down the side and the clock above.

The composer (widgets/composer.py) and the item's record (widgets/item_record.py) have
modules of their own.
"""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from clerk.record import AgendaItem, ItemOutcome, MeetingRecord
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.widgets.keys import KeysInOrder

_MARKS = {
    ItemOutcome.RESOLVED: "✓",
    ItemOutcome.NOTED: "✓",
    ItemOutcome.DEFERRED: "»",
    ItemOutcome.WITHDRAWN: "✗",
}

#: Seconds after which typed characters start a new item number rather than extend it.
NUMBER_PAUSE = 1.0


class SteadyOptionList(OptionList):
    """An OptionList that keeps its measured and drawn lines through a Resize that leaves
    its width alone (lines depend on the width only). OptionList drops them at every
    Resize, and the first one arrives after the first frame is drawn: every list was drawn
    twice as the screen opened."""

    _lines_width: int | None = None

    def _update_lines(self) -> None:
        super()._update_lines()
        if self.scrollable_content_region:
            self._lines_width = self.scrollable_content_region.width

    # OptionList's handler takes no event; Textual hands the event to a handler that takes one
    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        if self._lines_width == self.scrollable_content_region.width:
            event.prevent_default()  # OptionList's own handler would drop them


class AgendaList(KeysInOrder, KeyedHelp, SteadyOptionList):
    """The agenda down the side: ▶ marks the current item; ✓ done, » deferred, ✗ withdrawn."""

    HELP_TEMPLATE = """\
## Agenda
Up and down choose an item, or type its number ("5", "4A"); **{key:take_item}** takes it (it
becomes the current item, and is recorded as taken next if it was not taken before — so
items can be taken out of order). **{key:next_item}** / **{key:previous_item}** move to the
next / previous item from anywhere; **{key:focus_composer}** goes back to the composer.

Marks: ▶ current, ✓ done (a resolution recorded, or resolved or noted), » deferred,
✗ withdrawn, ⊘ exempt (Part 2). Set the outcome of the highlighted item with **{key:outcome}**.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.focus_composer", "Composer", id="focus_composer", show=False),
        # not OptionList's select (a message handled later): the keys typed after Enter
        # belong to the item taken
        Binding("enter", "screen.take_item", "Take item", id="take_item", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.numbers: list[str] = []
        self._typed = ""
        self._typed_at = 0.0

    def show(self, record: MeetingRecord, current_id: str | None, done: set[str]) -> None:
        keep = self.highlighted
        agenda = record.agenda()
        options = [Option(self._prompt(item, current_id, done), id=item.id) for item in agenda]
        self.numbers = [item.number.upper() for item in agenda]
        self.set_options(options)
        ids = [o.id for o in options]
        if current_id in ids and (keep is None or self.has_focus is False):
            self.highlighted = ids.index(current_id)
        elif keep is not None and keep < len(options):
            self.highlighted = keep

    @staticmethod
    def _prompt(item: AgendaItem, current_id: str | None, done: set[str]) -> Text:
        pointer = "▶" if item.id == current_id else " "
        mark = _MARKS.get(item.outcome, " ") if item.outcome else " "
        if mark == " " and item.id in done:
            mark = "✓"
        exempt = "⊘" if item.is_exempt else " "
        text = Text(f"{pointer}{mark}{exempt}{item.number:>3}. ")
        style = "bold" if item.id == current_id else ""
        text.append(item.title, style=style)
        if item.taken_order is not None:
            text.append(f"  #{item.taken_order}", style="dim")
        return text

    async def key_first(self, event: events.Key) -> bool:
        """An item's number typed highlights that item; Enter then takes it."""
        char = event.character or ""
        if not (char.isalnum() and len(char) == 1):
            return False
        now = time.monotonic()
        typed = (self._typed if now - self._typed_at < NUMBER_PAUSE else "") + char.upper()
        self._typed_at = now
        if not any(n.startswith(typed) for n in self.numbers):
            typed = char.upper()  # a fresh number
        self._typed = typed
        exact = [i for i, n in enumerate(self.numbers) if n == typed]
        starts = [i for i, n in enumerate(self.numbers) if n.startswith(typed)]
        if exact or starts:
            self.highlighted = (exact or starts)[0]
        return True


class StatusLine(Static):
    """Clock, people present and whether the meeting is quorate."""
