"""The item's record: what the minutes will say under the current item, as they will say it.

The entries are the item's minute as the minutes composer writes it (`LiveSession.item_minute`)
— the sentences generated from the roll call, the declarations and the votes included, with
the numbers the minutes will print — followed by the item's actions arising (they go to the
action tracker, not the minute). The clerk's own paragraphs and resolutions can be edited from
here; they, declarations, votes and actions can be deleted; generated sentences change where
their facts are recorded (the roll call, F5, F6).

`ItemRecord.show` changes only the entries that differ from what is on screen, so a key
that changes one entry of an item of hundreds does not measure and draw them all again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.visual import VisualType
from textual.widgets.option_list import DuplicateID, Option

from clerk.minutes.document import Inline, Paragraph, Resolved, inline_text
from clerk.record import AgendaItem
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.session import LiveSession, long_date
from clerk.tui.widgets.keys import KeysInOrder
from clerk.tui.widgets.live import SteadyOptionList

#: Entries the clerk typed: Enter puts them in the composer.
EDITABLE = frozenset({"paragraphs", "resolutions"})
#: Entries Delete removes (the rest are generated from facts recorded elsewhere).
DELETABLE = EDITABLE | {"declarations", "votes", "actions"}


@dataclass(frozen=True)
class Entry:
    """One line (or more) of the item's record. `id` is "table:row id" for an entry made
    from one row of the record, or a name of its own for generated text."""

    id: str
    kind: str  # the table, or "generated", "heading", "info"
    number: str  # "4.3", "2)"; "" where the minutes print none
    text: str
    # a generated sentence's runs when the style bolds part of it (a name, the outcome)
    runs: Inline = ()

    @property
    def table(self) -> str:
        return self.id.partition(":")[0]

    @property
    def row_id(self) -> str:
        return self.id.partition(":")[2]

    def prompt(self) -> Text:
        if self.kind == "heading":
            return Text(self.text, style="bold")
        if self.kind == "info":
            return Text(self.text, style="dim")
        if self.kind == "resolutions":
            text = Text("  ")
            if self.number:
                text.append(f"{self.number} ", style="bold")
            return text.append(self.text)
        if self.kind == "actions":
            return Text("ACTION: ", style="bold").append(self.text)
        # the number bold, not the words: a Text's own style would make every run bold and
        # hide the bold the style gives part of a sentence
        text = Text()
        if self.number:
            text.append(f"{self.number}  ", style="bold")
        # generated from facts recorded elsewhere (the roll call, a declaration, a vote):
        # shown as the minutes will print them, in italics to tell them from typed text
        style = "" if self.kind == "paragraphs" else "italic"
        said = 0
        for run in self.runs:
            text.append(run.text, style=f"{style} bold" if run.bold else style)
            said += len(run.text)
        return text.append(self.text[said:] or ("" if said else "…"), style=style)

    def option(self) -> Option:
        return Option(self.prompt(), id=self.id, disabled=self.kind not in DELETABLE)


def item_entries(session: LiveSession, item: AgendaItem) -> list[Entry]:
    """The entries of the item's record, in the order the minutes print them."""
    record = session.record
    entries: list[Entry] = []
    if item is session.attendance_item():
        entries.append(Entry("info:attendance", "info", "", session.attendance_summary()))
    generated = 0
    for block in session.item_minute(item):
        if isinstance(block, Paragraph):
            table, _, row_id = block.source.partition(":")
            runs = block.runs if any(r.bold for r in block.runs) else ()
            if row_id and table in DELETABLE:
                entries.append(
                    Entry(block.source, table, block.number, inline_text(block.runs), runs)
                )
            else:
                generated += 1
                entries.append(
                    Entry(f"generated:{generated}", "generated", block.number, _text(block), runs)
                )
        elif isinstance(block, Resolved):
            heading = f"{block.number} {block.heading}" if block.number_on_heading else ""
            entries.append(Entry("heading:resolved", "heading", "", heading or block.heading))
            single_number = block.number if not block.number_on_heading else ""
            for (label, text), source in zip(block.resolutions, block.sources, strict=True):
                entries.append(Entry(source, "resolutions", label or single_number, text))
    for action in record.actions_for(item.id):
        lead = f" — {action.lead}" if action.lead else ""
        due = f" — by {long_date(action.due)}" if action.due else ""
        entries.append(Entry(f"actions:{action.id}", "actions", "", f"{action.text}{lead}{due}"))
    return entries


def _text(block: Paragraph) -> str:
    return inline_text(block.runs) + "".join(f"\n   • {inline_text(b)}" for b in block.bullets)


class ItemRecord(KeysInOrder, KeyedHelp, SteadyOptionList):
    """What has been recorded under the current item, in the order of the minutes."""

    HELP_TEMPLATE = """\
## The item's record
The current item's minute as the minutes will print it, numbers and all, then its actions.
Sentences in italics are written from what is recorded elsewhere (the roll call, a
declaration, a vote). **{key:edit_entry}** edits a paragraph or resolution you typed;
**{key:delete_entry}** removes the highlighted entry (**{key:undo_meeting}** brings it back);
**{key:move_up}** / **{key:move_down}** move a paragraph or resolution; **{key:note_entry}** makes
a paragraph an unnumbered note between the numbered ones (again: numbered).
**{key:focus_composer}** goes back to the composer.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "screen.delete_entry", "Delete", id="delete_entry"),
        Binding("ctrl+up,left_square_bracket", "screen.move_entry(-1)", "Up", id="move_up"),
        Binding("ctrl+down,right_square_bracket", "screen.move_entry(1)", "Down", id="move_down"),
        Binding("n", "screen.note_entry", "Note", id="note_entry", show=False),
        Binding("escape", "screen.focus_composer", "Composer", id="focus_composer", show=False),
        # not OptionList's select (a message the screen handles later): the keys typed after
        # Enter must find the entry already in the composer
        Binding("enter", "screen.edit_entry", "Edit", id="edit_entry", show=False),
    ]

    entries: list[Entry]

    def on_mount(self) -> None:
        self.entries = []

    def show(self, entries: list[Entry]) -> None:
        """Make the list show `entries`, changing only the options that differ."""
        old = getattr(self, "entries", [])
        if not old or not entries:
            self.rebuild(entries)
            return
        start = 0
        while start < min(len(old), len(entries)) and old[start].id == entries[start].id:
            start += 1
        end_old, end_new = len(old), len(entries)
        while (
            end_old > start and end_new > start and old[end_old - 1].id == entries[end_new - 1].id
        ):
            end_old -= 1
            end_new -= 1
        try:
            self.remove_options_at(list(range(start, end_old)))
            for at, entry in enumerate(entries[start:end_new], start):
                self.insert_option_at(at, entry.option())
            prompts = {
                e.id: e.prompt()
                for e, o in zip(entries[:start], old[:start], strict=True)
                if e != o
            }
            prompts.update(
                {
                    e.id: e.prompt()
                    for e, o in zip(entries[end_new:], old[end_old:], strict=True)
                    if e != o
                }
            )
            self.set_prompts(prompts)
        except DuplicateID:  # an id met twice: never expected, but the list must be right
            self.rebuild(entries)
            return
        self.entries = entries

    def rebuild(self, entries: list[Entry]) -> None:
        """Draw every entry afresh."""
        keep = self.highlighted
        self.set_options([e.option() for e in entries])
        self.entries = entries
        if keep is not None and entries:
            self.highlighted = min(keep, len(entries) - 1)

    def on_focus(self) -> None:
        if self.highlighted is None:
            self.highlight_last()

    def highlight_last(self) -> None:
        """The last entry that can be chosen (coming from the composer: the one just typed)."""
        enabled = [i for i, e in enumerate(self.entries) if e.kind in DELETABLE]
        if enabled:
            self.highlighted = enabled[-1]

    def highlight(self, entry_id: str) -> None:
        index = next((i for i, e in enumerate(self.entries) if e.id == entry_id), None)
        if index is not None:
            self.highlighted = index

    def highlighted_entry(self) -> Entry | None:
        if self.highlighted is None or self.highlighted >= len(self.entries):
            return None
        return self.entries[self.highlighted]

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

    def set_prompts(self, prompts: Mapping[str, VisualType]) -> None:
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
