"""The journal of a meeting, readable: who changed what and when, newest first.

Every change the store makes is journalled (when, which role, which table and row, the
values before and after). Here each entry is one line: the time, the role, what was done to
which kind of row, and the fields that changed, old → new. Nothing here writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from clerk.store import JournalEntry, StatusChange, Store

SHOWN = 2000  # the latest entries shown; the CLI's `clerk journal` gives them all
VALUE_WIDTH = 60  # characters of a changed value shown before "…"

#: What a table's row is called in a sentence.
_ROW_NAMES = {
    "paragraphs": "paragraph",
    "resolutions": "resolution",
    "declarations": "declaration",
    "votes": "vote",
    "actions": "action",
    "attendance": "attendance",
    "items": "item",
    "meetings": "meeting",
    "people": "person",
    "amendments": "amendment request",
    "versions": "version",
    "adjournments": "adjournment",
}
_OPS = {"insert": "added", "update": "changed", "delete": "removed"}
_QUIET = {"id", "meeting_id", "position"}  # fields that say nothing to a reader unless alone


def when(at: str) -> str:
    """ "2024-05-01T18:03:12.345Z" -> "2024-05-01 18:03:12 UTC" (the journal keeps UTC)."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _short(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(str(text).split())
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def what_changed(entry: JournalEntry) -> str:
    """The fields an entry changed: `text: "old" → "new"`; for an added or removed row, its
    text (or name, or status) as it was."""
    old, new = entry.old or {}, entry.new or {}
    if entry.op == "update":
        changed = [k for k in new if old.get(k) != new.get(k)]
        shown = [k for k in changed if k not in _QUIET] or changed
        return "; ".join(f"{k}: {_short(old.get(k))} → {_short(new.get(k))}" for k in shown)
    row = new or old
    for key in ("text", "new_text", "name", "title", "status"):
        if row.get(key):
            return f"{key}: {_short(row[key])}"
    return ""


def describe(entry: JournalEntry) -> str:
    name = _ROW_NAMES.get(entry.table, entry.table)
    return f"{name} {_OPS.get(entry.op, entry.op)}"


@dataclass(frozen=True)
class Line:
    """One line of the journal view: a journalled change, or a change of the meeting's
    status with the reason given (reopening approved minutes needs one)."""

    at: str  # as when() shows it
    role: str
    what: str
    changed: str


def entry_line(entry: JournalEntry) -> Line:
    return Line(when(entry.at), entry.role, describe(entry), what_changed(entry))


def status_line(change: StatusChange) -> Line:
    by = f" (by {change.by})" if change.by and change.by != change.role else ""
    words = f"{change.from_status.value} → {change.to_status.value}{by}"
    reason = f": {change.reason}" if change.reason else ""
    at = change.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return Line(at, change.role, "status changed", words + reason)


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
        self.lines: list[Line] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Journal — {self.title_text}"), classes="screen-title")
        yield JournalTable(id="journal", cursor_type="row", zebra_stripes=True)
        yield Static(id="journal-count", classes="status-line")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(JournalTable)
        table.add_column("When (UTC)", key="at", width=23)
        table.add_column("Who", key="role", width=20)
        table.add_column("What", key="what", width=24)
        table.add_column("Changed", key="changed")
        self.reload()
        table.focus()

    def reload(self) -> None:
        lines = [entry_line(e) for e in self.store.journal(self.meeting_id, limit=SHOWN)]
        lines += [status_line(c) for c in self.store.status_history(self.meeting_id)]
        # newest first; a status change sorts after the journal rows of the same moment
        self.lines = sorted(lines, key=lambda line: line.at, reverse=True)
        table = self.query_one(JournalTable)
        table.clear()
        for line in self.lines:
            # Text throughout: a changed value is what someone typed, "[b]" and all
            table.add_row(Text(line.at), Text(line.role), Text(line.what), Text(line.changed))
        count = len(self.lines)
        more = f" (the latest {SHOWN} changes of rows)" if count >= SHOWN else ""
        self.query_one("#journal-count", Static).update(
            Text(f" {count} change{'s' if count != 1 else ''}{more}")
        )

    def rows_text(self) -> list[str]:
        """Each row as a line of text (what the table shows), for tests."""
        return [f"{line.at} | {line.role} | {line.what} | {line.changed}" for line in self.lines]
