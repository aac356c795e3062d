"""Asking for a change to a passage of the minutes: what kind (replace, insert after, delete,
comment), then the words, in a dialog that answers a checked AmendmentAnswer.

The words are edited in a text area (a passage may run to several lines: a paragraph's
bullets), prefilled with the passage's text for a replacement; Ctrl+S or F2 gives the
answer, Escape cancels. The review screen awaits `ask_amendment` in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from clerk.tui.dialogs.forms import ChoiceDialog, Dialog

if TYPE_CHECKING:
    from textual.app import App

    from clerk.minutes.references import Passage

#: (kind, key, label): the values are AmendmentKind's.
KINDS = [
    ("replace", "r", "replace its words"),
    ("insert", "i", "insert a new paragraph after it"),
    ("delete", "d", "delete it"),
    ("comment", "c", "a comment on it (changes nothing by itself)"),
]


@dataclass(frozen=True)
class AmendmentAnswer:
    kind: str  # an AmendmentKind value
    new_text: str  # "" for a deletion


def check_words(kind: str, old_text: str, words: str) -> str:
    """The words of a request as they will be kept, or ValueError saying what is wrong."""
    text = "\n".join(" ".join(line.split()) for line in words.strip().splitlines()).strip()
    if kind == "delete":
        return ""
    if not text:
        what = {"replace": "the new words", "insert": "the paragraph to insert"}
        raise ValueError(f"Give {what.get(kind, 'the comment')}")
    if kind == "replace" and text == old_text.strip():
        raise ValueError("The new words are the same as the old: change them, or Escape")
    return text


class WordsDialog(Dialog[str | None]):
    """Several lines of text; Ctrl+S or F2 answers them once `check` passes."""

    HELP = """\
## The words
Type or edit the words (Enter starts a new line). **Ctrl+S** or **F2** gives them;
**Escape** cancels: nothing is asked.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "done", "Done", id="words_done", priority=True),
    ]

    def __init__(self, title: str, note: str, value: str, kind: str, old_text: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note
        self.value = value
        self.kind = kind
        self.old_text = old_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(Text(self.note), classes="dialog-note")
            yield TextArea(self.value, id="words", soft_wrap=True, show_line_numbers=False)
            yield Static("", classes="dialog-error", markup=False)
            yield Static("Ctrl+S or F2: done   Escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        area = self.query_one("#words", TextArea)
        area.styles.height = 8
        area.focus()
        area.move_cursor(area.document.end)

    def action_done(self) -> None:
        try:
            words = check_words(self.kind, self.old_text, self.query_one(TextArea).text)
        except ValueError as exc:
            self.query_one(".dialog-error", Static).update(str(exc))
            return
        self.dismiss(words)


async def ask_amendment(app: App, passage: Passage) -> AmendmentAnswer | None:
    """Ask what change the chair wants to `passage`; None if they cancel."""
    kind = await app.push_screen_wait(
        ChoiceDialog(f"Request a change to {passage.reference}", KINDS)
    )
    if kind is None:
        return None
    if kind == "delete":
        return AmendmentAnswer(kind, "")
    titles = {
        "replace": f"Replace {passage.reference} with",
        "insert": f"Insert after {passage.reference}",
        "comment": f"Comment on {passage.reference}",
    }
    note = "" if kind == "replace" else passage.text
    words = await app.push_screen_wait(
        WordsDialog(
            titles[kind], note, passage.text if kind == "replace" else "", kind, passage.text
        )
    )
    return None if words is None else AmendmentAnswer(kind, words)
