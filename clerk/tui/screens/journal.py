"""The journal of a meeting, readable: who changed what and when, newest first.

Every change the store makes is journalled (when, which role, which table and row, the values
before and after), status changes with their reasons too. Each entry is one line here, in
the words `clerk journal` uses (clerk.journal_words). Nothing here writes.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from clerk.journal_words import describe
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from clerk.store import JournalEntry, Store

SHOWN = 2000  # the latest entries shown; `clerk journal MEETING` gives them all


def when(at: str) -> str:
    """ "2024-05-01T18:03:12.345Z" -> "2024-05-01 18:03:12 UTC" (the journal keeps UTC)."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


class JournalTable(KeyedHelp, DataTable):
    HELP_TEMPLATE = """\
## The journal
Every change to this meeting, newest first: when (UTC), who (the role the change was made
as: clerk, chair, clerk for the chair, import), what was changed and from what to what.
**{key:close_journal}** goes back. `clerk journal MEETING --json` exports it all.
"""


class JournalScreen(Screen):
    """A meeting's journal, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="close_journal"),
    ]

    def __init__(self, store: Store, meeting_id: str, title: str) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.title_text = title
        self.lines: list[tuple[JournalEntry, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Journal — {self.title_text}"), classes="screen-title")
        yield JournalTable(id="journal", cursor_type="row", zebra_stripes=True)
        yield Static(id="journal-count", classes="status-line")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(JournalTable)
        table.add_column("When (UTC)", key="at", width=23)
        table.add_column("Who", key="role", width=20)
        table.add_column("What", key="what")
        self.reload()
        table.focus()

    def reload(self) -> None:
        entries = self.store.journal(self.meeting_id, limit=SHOWN)
        # newest first; a line the status change beside it already tells is left out
        self.lines = [(e, line) for e in reversed(entries) if (line := describe(e))]
        table = self.query_one(JournalTable)
        table.clear()
        for entry, line in self.lines:
            # Text throughout: a changed value is what someone typed, "[b]" and all
            table.add_row(Text(when(entry.at)), Text(entry.role), Text(line))
        count = len(self.lines)
        more = f" (of the latest {SHOWN})" if len(entries) >= SHOWN else ""
        self.query_one("#journal-count", Static).update(
            Text(f" {count} change{'s' if count != 1 else ''}{more}")
        )

    def rows_text(self) -> list[str]:
        """Each row as a line of text (what the table shows), for tests."""
        return [f"{when(e.at)} | {e.role} | {line}" for e, line in self.lines]
