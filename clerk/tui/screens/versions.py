"""The frozen versions of a meeting's minutes, and what changed between any two of them.

A version is frozen each time the draft goes to the chair (and when it is approved). Pick
two (Space marks the first, Enter the second, or Enter alone compares with the version
before) and the difference between their texts is shown line by line: "-" for what the
earlier said, "+" for what the later says (the plain-text export of each, compared).
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Static

from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from clerk.minutes.document import MinutesDocument
    from clerk.review import MinutesVersion
    from clerk.store import Store


def text_lines(document: MinutesDocument) -> list[str]:
    """The version as the plain-text export writes it, a line a paragraph."""
    from clerk.minutes.render_text import render_text

    return render_text(document).splitlines()


def difference(earlier: MinutesVersion, later: MinutesVersion) -> Text:
    """What changed from `earlier` to `later`, as unified-diff lines, coloured."""
    lines = difflib.unified_diff(
        text_lines(earlier.document),
        text_lines(later.document),
        f"version {earlier.number}",
        f"version {later.number}",
        lineterm="",
        n=1,
    )
    out = Text()
    changed = False
    for line in lines:
        changed = changed or (line[:1] in "+-" and not line.startswith(("+++", "---")))
        style = {"+": "green", "-": "red", "@": "dim"}.get(line[:1], "")
        out.append(line + "\n", style=style)
    if not changed:
        return Text(f"Versions {earlier.number} and {later.number} say the same.")
    return out


class VersionsTable(KeyedHelp, DataTable):
    HELP_TEMPLATE = """\
## Versions
Each version of the minutes frozen as it went to the chair (or was approved).
**{key:mark_version}** marks the highlighted version; **{key:compare_versions}** shows what
changed from the marked version (or, with none marked, from the version before) to the
highlighted one. **{key:close_versions}** goes back.
"""


class VersionsScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark", id="mark_version"),
        Binding("enter", "compare", "Compare", id="compare_versions", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="close_versions"),
    ]

    def __init__(self, store: Store, meeting_id: str) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.versions: list[MinutesVersion] = []
        self.marked: int | None = None  # index into versions

    def compose(self) -> ComposeResult:
        yield Static(Text(" Versions of the minutes"), classes="screen-title")
        yield VersionsTable(id="versions", cursor_type="row")
        with VerticalScroll(id="version-diff"):
            yield Static(id="diff-text")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        from clerk import review

        self.versions = review.versions(self.store, self.meeting_id)
        table = self.query_one(VersionsTable)
        table.styles.height = min(len(self.versions) + 2, 10)
        table.add_column("", key="mark", width=2)
        table.add_column("Version", key="number", width=8)
        table.add_column("Frozen (UTC)", key="at", width=20)
        table.add_column("By", key="by", width=20)
        table.add_column("When", key="event")
        for version in self.versions:
            table.add_row(
                "",
                str(version.number),
                version.frozen_at.strftime("%Y-%m-%d %H:%M"),
                Text(version.by),
                Text(version.event),
                key=str(version.number),
            )
        if self.versions:
            table.move_cursor(row=len(self.versions) - 1)
        else:
            self.show(
                Text("No versions yet: a version is frozen when the draft goes to the chair.")
            )
        table.focus()

    def show(self, text: Text) -> None:
        self.query_one("#diff-text", Static).update(text)

    def action_mark(self) -> None:
        table = self.query_one(VersionsTable)
        if not self.versions:
            return
        if self.marked is not None:
            table.update_cell_at(Coordinate(self.marked, 0), "")
        self.marked = table.cursor_row
        table.update_cell_at(Coordinate(self.marked, 0), "●")

    def action_compare(self) -> None:
        if not self.versions:
            return
        later = self.query_one(VersionsTable).cursor_row
        earlier = self.marked if self.marked is not None else later - 1
        if earlier < 0 or earlier == later:
            self.show(Text("Mark another version (Space) to compare this one with."))
            return
        first, second = sorted((earlier, later))
        self.show(difference(self.versions[first], self.versions[second]))
