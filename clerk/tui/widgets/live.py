"""The live screen's parts: the agenda, the item's record, the composer and the status line."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.visual import VisualType
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import DuplicateID, Option

from clerk.errors import ClerkError
from clerk.record import AgendaItem, ItemOutcome, MeetingRecord
from clerk.tui.session import PHRASES

if TYPE_CHECKING:
    from clerk.tui.screens.live import LiveScreen

_MARKS = {
    ItemOutcome.RESOLVED: "✓",
    ItemOutcome.NOTED: "✓",
    ItemOutcome.DEFERRED: "»",
    ItemOutcome.WITHDRAWN: "✗",
}


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

    def _on_resize(self, event: events.Resize) -> None:
        if self._lines_width == self.scrollable_content_region.width:
            event.prevent_default()  # OptionList's own handler would drop them


class AgendaList(SteadyOptionList):
    """The agenda down the side: ▶ marks the current item; ✓ done, » deferred, ✗ withdrawn."""

    HELP = """\
## Agenda
Up and down choose an item; **Enter** takes it (it becomes the current item, and is
recorded as taken next if it was not taken before — so items can be taken out of order).
**Ctrl+N** / **Ctrl+B** move to the next / previous item from anywhere.

Marks: ▶ current, ✓ resolved or noted, » deferred, ✗ withdrawn, ⊘ exempt (Part 2).
Set the outcome of the highlighted item with **F9**.
"""

    def show(self, record: MeetingRecord, current_id: str | None) -> None:
        keep = self.highlighted
        options = [Option(self._prompt(item, current_id), id=item.id) for item in record.agenda()]
        self.set_options(options)
        ids = [o.id for o in options]
        if current_id in ids and (keep is None or self.has_focus is False):
            self.highlighted = ids.index(current_id)
        elif keep is not None and keep < len(options):
            self.highlighted = keep

    @staticmethod
    def _prompt(item: AgendaItem, current_id: str | None) -> Text:
        pointer = "▶" if item.id == current_id else " "
        mark = _MARKS.get(item.outcome, " ") if item.outcome else " "
        exempt = "⊘" if item.is_exempt else " "
        text = Text(f"{pointer}{mark}{exempt}{item.number:>3}. ")
        style = "bold" if item.id == current_id else ""
        text.append(item.title, style=style)
        if item.taken_order is not None:
            text.append(f"  #{item.taken_order}", style="dim")
        return text


class ItemRecord(SteadyOptionList):
    """What has been recorded under the current item, in the order of the minutes."""

    HELP = """\
## The item's record
Declarations, numbered minute paragraphs, the RESOLVED list, votes and actions of the
current item. **Enter** edits the highlighted entry; **Delete** removes it;
**Ctrl+Up** / **Ctrl+Down** (or **[** / **]**) move a paragraph or resolution.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "screen.delete_entry", "Delete", id="delete_entry"),
        Binding("ctrl+up,left_square_bracket", "screen.move_entry(-1)", "Up", id="move_up"),
        Binding("ctrl+down,right_square_bracket", "screen.move_entry(1)", "Down", id="move_down"),
    ]

    # OptionList forgets the measured lines of every option whenever one changes
    # (replace_option_prompt, remove_option) and can only add at the end. An item with
    # hundreds of paragraphs made every key that changed one entry measure them all again, so
    # these change one option and forget only the lines from it on (those before it are
    # where they were). They use OptionList's caches: textual is pinned to 8.x.

    def insert_option_at(self, index: int, option: Option) -> None:
        """Put `option` at `index` (at the end if `index` is past it)."""
        if index >= self.option_count:
            self.add_option(option)
            return
        if option.id is not None and option.id in self._id_to_option:
            raise DuplicateID(f"Unable to add {option!r} due to duplicate ID")
        self._options.insert(index, option)
        for later, moved in enumerate(self._options[index:], index):
            self._option_to_index[moved] = later
        if option.id is not None:
            self._id_to_option[option.id] = option
        self._forget_lines_from(index)

    def set_prompts(self, prompts: dict[str, VisualType]) -> None:
        """Give the options named by id (all of them must exist) new prompts."""
        if not prompts:
            return
        indexes = [self.get_option_index(option_id) for option_id in prompts]
        for index, prompt in zip(indexes, prompts.values(), strict=True):
            self._options[index]._set_prompt(prompt)
        self._forget_lines_from(min(indexes))

    def remove_options_at(self, indexes: list[int]) -> None:
        """Remove the options at these indexes."""
        if not indexes:
            return
        gone = {self._options[i] for i in indexes}
        first = min(indexes)
        self._options[first:] = [o for o in self._options[first:] if o not in gone]
        for option in gone:
            del self._option_to_index[option]
            if option.id is not None:
                del self._id_to_option[option.id]
        for later, moved in enumerate(self._options[first:], first):
            self._option_to_index[moved] = later
        self._mouse_hovering_over = None
        self.highlighted = self.highlighted  # within the list still
        self._forget_lines_from(first)

    def _forget_lines_from(self, index: int) -> None:
        cache = self._line_cache
        start = cache.index_to_line.get(index)
        if start is None:  # never measured (or after the end): measure everything again
            cache.clear()
        else:
            del cache.lines[start:]
            for key in [k for k in cache.heights if k >= index]:
                del cache.heights[key]
                cache.index_to_line.pop(key, None)
        # the drawn lines carry their option's index: draw those on screen again
        self._option_render_cache.clear()
        self.refresh()
        if self.is_mounted:
            self._update_lines()


#: The house phrases share one footer entry (F1 and the palette name each one).
PHRASE_KEYS = Binding.Group("Phrases", compact=True)


class Composer(TextArea):
    """Where minute paragraphs and resolutions are typed; written to the store as you type."""

    HELP = """\
## Composer
Type the paragraph: it is saved as you type (no save key). **Enter** finishes it and the
next words start a new paragraph; **Escape** leaves the composer.

House phrases: **Ctrl+O** "introduced the report, which provided an overview of",
**Ctrl+T** "The Committee noted", **Ctrl+R** "Concern was expressed that",
**Ctrl+G** "It was suggested that". **F8** inserts a person with their role.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+o", "phrase('overview')", "Overview", id="phrase_overview", group=PHRASE_KEYS
        ),
        Binding("ctrl+t", "phrase('noted')", "Noted", id="phrase_noted", group=PHRASE_KEYS),
        Binding("ctrl+r", "phrase('concern')", "Concern", id="phrase_concern", group=PHRASE_KEYS),
        Binding(
            "ctrl+g", "phrase('suggested')", "Suggested", id="phrase_suggested", group=PHRASE_KEYS
        ),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus", **kwargs)

    @property
    def live(self) -> LiveScreen:
        return self.screen  # type: ignore[return-value]

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            try:
                if event.key == "enter":
                    self.live.finish_entry()
                else:
                    self.live.leave_composer()
            except ClerkError as exc:  # the database refused: the words stay here
                self.app.refused(exc)  # type: ignore[attr-defined]
            return
        # other keys: TextArea's own handler runs next (Textual walks the MRO)

    def action_phrase(self, name: str) -> None:
        self.insert_text(PHRASES[name])

    def insert_text(self, text: str) -> None:
        """Insert at the cursor, with a space before it when a word precedes."""
        row, column = self.cursor_location
        line = self.document.get_line(row)
        before = line[:column]
        if before and not before.endswith(" ") and not text.startswith((" ", ",", ".")):
            text = " " + text
        self.insert(text)

    def set_text(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)

    def on_blur(self, event: events.Blur) -> None:
        self.live.flush()


class StatusLine(Static):
    """Clock, people present and whether the meeting is quorate."""
