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
from textual.message import Message
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

#: Lines of sub-items under an item in the agenda down the side ("+N more" included), so
#: a pack with many sub-items does not push the rest of the agenda out of sight.
AGENDA_SUB_ITEMS = 3

#: The agenda's text width before it is first laid out (clerk.tcss: #agenda is 42 wide,
#: less its border, padding and scrollbar); sub-item lines are cut to this until it is known.
AGENDA_TEXT_WIDTH = 36


def sub_item_lines(item: AgendaItem, limit: int, width: int | None = None) -> list[Text]:
    """The item's sub-items as the agenda sets them, one line each ("(i) TITLE"), dim like
    the item's description. At most `limit` lines: past that the last line says how many
    more there are. Each line is cut to `width` cells with an ellipsis rather than wrapped,
    so one long title cannot take over the pane."""
    subs = item.sub_items
    keep = len(subs) if len(subs) <= limit else max(limit - 1, 0)
    lines = [Text(f"{sub.label} {sub.title}".strip(), style="dim") for sub in subs[:keep]]
    if keep < len(subs):
        lines.append(Text(f"+{len(subs) - keep} more", style="dim italic"))
    if width is not None:
        for line in lines:
            line.truncate(max(width, 1), overflow="ellipsis")
    return lines


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
✗ withdrawn, ⊘ exempt (Part 2). An item's sub-items on the agenda ("(i) …") are shown dim
under it, three lines at most ("+N more": the current item's are under its heading). Set
the outcome of the highlighted item with **{key:outcome}**.
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
        self._shown_width = 0  # the text width sub-item lines were cut to; 0: not shown

    def text_width(self) -> int:
        """The cells an option's line has, with the scrollbar counted whether or not it is
        shown (a line cut to fit never wraps, whichever way the list grows)."""
        if not self.region.width:
            return AGENDA_TEXT_WIDTH
        return (
            self.region.width
            - self.styles.gutter.width
            - self.styles.scrollbar_size_vertical
            - self.get_component_styles("option-list--option").padding.width
        )

    class WidthChanged(Message):
        """Sub-item lines were cut to the width the list had: show it again."""

    def on_resize(self) -> None:
        if self._shown_width and self.text_width() != self._shown_width:
            self.post_message(self.WidthChanged())

    def show(self, record: MeetingRecord, current_id: str | None, done: set[str]) -> None:
        keep = self.highlighted
        agenda = record.agenda()
        width = self._shown_width = self.text_width()
        options = [
            Option(self._prompt(item, current_id, done, width), id=item.id) for item in agenda
        ]
        self.numbers = [item.number.upper() for item in agenda]
        self.set_options(options)
        ids = [o.id for o in options]
        if current_id in ids and (keep is None or self.has_focus is False):
            self.highlighted = ids.index(current_id)
        elif keep is not None and keep < len(options):
            self.highlighted = keep

    @staticmethod
    def _prompt(item: AgendaItem, current_id: str | None, done: set[str], width: int) -> Text:
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
        indent = " " * 8  # under the title, past the marks and the number
        for line in sub_item_lines(item, AGENDA_SUB_ITEMS, width - len(indent)):
            text.append("\n" + indent)
            text.append_text(line)
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
