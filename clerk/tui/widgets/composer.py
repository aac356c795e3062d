"""The composer: where minute paragraphs and resolutions are typed, and the one place that
saves what is typed.

Nothing the clerk types may be lost, whatever the timing of the keys. Three rules make it so:

- **The text area is the truth.** A save writes what the composer holds at that moment, never
  what its Changed messages said. Keys reach the composer through its own queue, so when Enter
  is handled every key typed before it is in the text, while the Changed messages of those
  keys are still waiting behind Enter (reading them lost the end of fast paragraphs).
- **A save is due SAVE_WITHIN seconds after the first unsaved change**, on a timer that later
  keys do not push back: typed words are in the database within that time however fast or
  long the typing. Enter, Escape and every command that moves on save at once.
- **Keys take effect in the order typed** (widgets/keys.py): Backspace, Home and the other
  bindings run when their key reaches the composer, not after the keys behind them.
- **Commands wait for the keys typed before them.** The live screen's command keys are priority
  bindings, run as soon as the app reads them, possibly before the keys typed just before
  them have reached the composer's queue. A command that changes what the composer holds
  (next item, a new resolution, quit) goes through `keys.after_typing`, behind those keys.

When the database refuses a save (locked by another program, disk full) the words stay in the
composer, a retry runs every RETRY seconds until it succeeds, and the composer will not let go
of them (`finish` says False) unless the clerk chooses to (`abandon`, after a recovery file).

The composer tells the screen what happened by messages: Saved, Finished, Refused, SavedAgain.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import TextArea

from clerk.errors import ClerkError
from clerk.record import MinuteParagraph, Resolution, new_id
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.session import PHRASES, LiveSession
from clerk.tui.widgets.keys import KeysInOrder

SAVE_WITHIN = 0.4  # seconds from the first unsaved change to its save
RETRY = 1.0  # seconds between attempts when the database refused a save

#: Characters that take no space before them: a phrase's trailing space gives way to them.
_CLOSING = ",.;:!?)]’”"
#: Characters after which a phrase needs no space.
_OPENING = "([‘“\"'"

Entry = MinuteParagraph | Resolution

#: The house phrases share one footer entry (F1 and the palette name each one).
PHRASE_KEYS = Binding.Group("Phrases", compact=True)


class Composer(KeysInOrder, KeyedHelp, TextArea):
    """Where minute paragraphs and resolutions are typed; written to the store as you type."""

    HELP_TEMPLATE = """\
## Composer
Type the paragraph: it is saved as you type (no save key). **Enter** finishes it and the
next words start a new paragraph; **{key:leave_composer}** goes to the item's record (and
back). **Home** / **End** go to the start / end of the paragraph. **{key:undo}** / **{key:redo}**
undo and redo typing, and with nothing typed to undo, the last change to the meeting.

House phrases: **{key:phrase_overview}** "introduced the report, which provided an overview
of", **{key:phrase_noted}** "The Committee noted", **{key:phrase_concern}** "Concern was
expressed that", **{key:phrase_suggested}** "It was suggested that" (a space typed next is not
doubled). **{key:insert_person}** inserts a person with their role.
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
        # a paragraph is one line of the text area, wrapped on screen: Home and End go to
        # its ends, not to those of the wrapped screen line the cursor is on
        Binding("home,ctrl+a", "paragraph_start", "Start", show=False),
        Binding("end,ctrl+e", "paragraph_end", "End", show=False),
        Binding("ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
    ]

    class Saved(Message):
        """The database holds the entry's text (`created`: its row was made just now)."""

        def __init__(self, row: Entry, created: bool) -> None:
            super().__init__()
            self.row = row
            self.created = created

    class Finished(Message):
        """The entry is done and the composer empty; `removed`: a blank entry was deleted."""

        def __init__(self, removed: Entry | None) -> None:
            super().__init__()
            self.removed = removed

    class Refused(Message):
        """The database would not take a save: the words stay here, retried every second."""

        def __init__(self, error: ClerkError) -> None:
            super().__init__()
            self.error = error

    class SavedAgain(Message):
        """A save refused before has now gone through: nothing typed is unsaved."""

    class Held(Message):
        """Enter or Escape could not finish the entry (the database refuses it): it stays."""

    class UndoMeeting(Message):
        """Ctrl+Z or Ctrl+Y with nothing of the composer's own to undo: the meeting's turn."""

        def __init__(self, redo: bool) -> None:
            super().__init__()
            self.redo = redo

    def __init__(self, session: LiveSession, **kwargs: Any) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus", **kwargs)
        self.session = session
        self.target: Entry | None = None  # the row being typed; None: a paragraph not begun
        self.saved_text: str | None = None  # what the database holds for the target
        self.step: str | None = None  # the undo step the typing of this entry belongs to
        self.step_label = ""
        self.refusal: ClerkError | None = None  # the last refusal, until a save goes through
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._phrase_end: tuple[int, int] | None = None  # just after a phrase's own space

    # ------------------------------------------------------------------ saving

    @property
    def unsaved(self) -> bool:
        """Words on screen that the database does not hold yet."""
        if self.target is None:
            return bool(self.text.strip())
        return self.text != self.saved_text

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        # Changed comes behind later keys: it only says that a save may be due. The first
        # words of a new paragraph make its row at once (its entry appears as it is begun).
        if event.text_area is not self:
            return
        event.stop()  # nothing above the composer needs it: a key's messages stop here
        if self.refusal is not None:
            return
        if self.target is None and self.text.strip():
            self.save()
        elif self.unsaved and self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_WITHIN, self._save_due)

    def _save_due(self) -> None:
        self._save_timer = None
        self.save()

    def save(self) -> bool:
        """Write what the composer holds; True when the database holds it all."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if not self.unsaved:
            return True
        text = self.text
        session = self.session
        created = self.target is None
        try:
            if self.target is None:
                item = session.current_item()
                if item is None:
                    return False  # no agenda: nowhere for a paragraph to go
                self.step = new_id()
                self.step_label = f"paragraph {session.next_paragraph_number(item)} typed"
                with session.typing(self.step_label, self.step):
                    row = session.add_paragraph(item.id, text)
            else:
                if self.step is None:
                    self.step = new_id()
                    self.step_label = f"{session.describe(self.target)} edited"
                with session.typing(self.step_label, self.step):
                    row = session.set_text(self.target, text)
        except ClerkError as exc:
            self._refused(exc)
            return False
        if row is None:  # the entry was deleted (undone) under the composer: keep the words
            self.target, self.saved_text = None, None
            return self.save()
        self.target, self.saved_text = row, text
        self._saved_again()
        self.post_message(self.Saved(row, created))
        return True

    def _refused(self, error: ClerkError) -> None:
        first = self.refusal is None or str(self.refusal) != str(error)
        self.refusal = error
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY, self._retry)
        if first:
            self.post_message(self.Refused(error))

    def _retry(self) -> None:
        self.save()

    def _saved_again(self) -> None:
        if self.refusal is None:
            return
        self.refusal = None
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self.post_message(self.SavedAgain())

    def finish(self) -> bool:
        """The entry is done: saved, and the composer empty for the next paragraph. An entry
        left blank (or a resolution left at "That") is deleted. False, keeping every word,
        when the database will not take them."""
        if not self.save():
            return False
        removed = None
        target = self.target
        stored = self.session.refresh_row(target) if target is not None else None
        if stored is not None and _blank(stored):
            try:
                with self.session.typing(self.step_label, self.step or new_id()):
                    self.session.delete(stored)
            except ClerkError as exc:
                self._refused(exc)
                return False
            removed = stored
        self._clear()
        self.post_message(self.Finished(removed))
        return True

    def abandon(self) -> str:
        """Let go of the entry without saving it (the clerk chose so, after the words went to
        a recovery file); returns the words let go."""
        text = self.text
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self.refusal = None
        self._clear()
        self.post_message(self.Finished(None))
        return text

    def _clear(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self.target, self.saved_text, self.step, self.step_label = None, None, None, ""
        self._phrase_end = None
        with self.prevent(TextArea.Changed):
            self.load_text("")

    def edit_entry(self, row: Entry) -> bool:
        """Put an entry in the composer to be changed (the current one finished first)."""
        if not self.finish():
            return False
        self.target, self.saved_text = row, row.text
        self.step, self.step_label = None, ""  # a step only once the text changes
        with self.prevent(TextArea.Changed):
            self.load_text(row.text)
        self.move_cursor(self.document.end)
        return True

    def new_resolution(self, item_id: str) -> bool:
        """Start a RESOLVED entry ("That " filled in) under the item."""
        if not self.finish():
            return False
        self.step = new_id()
        self.step_label = "RESOLVED entry typed"
        try:
            with self.session.typing(self.step_label, self.step):
                row = self.session.add_resolution(item_id)
        except ClerkError as exc:
            self.step = None
            self.post_message(self.Refused(exc))
            return False
        self.target, self.saved_text = row, row.text
        with self.prevent(TextArea.Changed):
            self.load_text(row.text)
        self.move_cursor(self.document.end)
        self.post_message(self.Saved(row, True))
        return True

    # ------------------------------------------------------------------ keys

    async def key_first(self, event: events.Key) -> bool:
        """Enter finishes the entry; a phrase's own space gives way to what comes next."""
        if self._phrase_end is not None:
            phrase_end, self._phrase_end = self._phrase_end, None
            if self.cursor_location == phrase_end and event.character:
                if event.character == " ":  # the phrase brought its own space
                    return True
                if event.character in _CLOSING:  # "noted," not "noted ,"
                    row, column = phrase_end
                    self.delete((row, column - 1), phrase_end)
        if event.key == "enter":
            if not self.finish():
                self.post_message(self.Held())
            return True
        return False

    async def _on_paste(self, event: events.Paste) -> None:
        """Pasted lines become paragraphs of their own, as if each were typed and Entered."""
        lines = [line.strip() for line in event.text.replace("\r", "\n").split("\n")]
        lines = [line for line in lines if line]
        if len(lines) <= 1:
            return  # TextArea's own paste
        event.stop()
        event.prevent_default()
        self.insert(lines[0])
        for at, line in enumerate(lines[1:], 1):
            if not self.finish():  # the database refuses: keep the rest here, nothing lost
                self.insert(" " + " ".join(lines[at:]))
                return
            self.insert(line)

    def action_paragraph_start(self) -> None:
        self.move_cursor((self.cursor_location[0], 0))

    def action_paragraph_end(self) -> None:
        row = self.cursor_location[0]
        self.move_cursor((row, len(self.document.get_line(row))))

    def action_undo(self) -> None:
        if self.history.undo_stack:
            self.undo()
        else:
            self.post_message(self.UndoMeeting(redo=False))

    def action_redo(self) -> None:
        if self.history.redo_stack:
            self.redo()
        else:
            self.post_message(self.UndoMeeting(redo=True))

    # ------------------------------------------------------------------ phrases

    def action_phrase(self, name: str) -> None:
        self.insert_phrase(PHRASES[name])

    def insert_phrase(self, text: str) -> None:
        """Insert words at the cursor with one space on each side where words meet them. The
        space after them gives way to whatever the clerk types next: a space typed at once
        is not doubled, a comma or full stop takes its place."""
        row, column = self.cursor_location
        line = self.document.get_line(row)
        before, after = line[:column], line[column:]
        if before and not before[-1].isspace() and before[-1] not in _OPENING:
            text = " " + text
        trailing = not after or not (after[0].isspace() or after[0] in _CLOSING)
        if trailing:
            text += " "
        self.insert(text)
        self._phrase_end = self.cursor_location if trailing else None


def _blank(row: Entry) -> bool:
    text = row.text.strip()
    return not text or (isinstance(row, Resolution) and text == "That")
