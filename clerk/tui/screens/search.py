"""Search every meeting: results as the clerk types, best first, each with its date,
committee, item and reference and the words matched; Enter opens that meeting at that item.

Results are drawn from what the store found in the same key press (a search of ten years of
meetings takes milliseconds; see benchmarks/bench_decade.py), so what is shown always
answers what is in the box. Exempt (Part 2) matter is shown only while the clerk has asked
for it (a key), and each exempt result says so in the error colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from clerk.errors import ClerkError
from clerk.searching import KIND_NAMES, Hit, References, search
from clerk.tui.app import app_of
from clerk.tui.keys_help import key_for
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from clerk.store import Store

SHOWN = 30  # results drawn at once: a screenful and a page more


def hit_text(hit: Hit) -> Text:
    """One result: where it is on the first line, the snippet under it. Everything from the
    database is Text, never markup ("[/]" in a title is text)."""
    row = hit.row
    line = Text.assemble(
        (row.date.isoformat(), "bold"),
        "  ",
        (row.committee, ""),
        "\n  ",
        (f"{row.item_number}. {row.item_title}" if row.item_number else row.item_title, ""),
        "  ",
        (hit.reference, "bold"),
        (f"  {KIND_NAMES.get(row.kind, row.kind)}", "dim"),
    )
    if row.exempt:
        line.append("  EXEMPT – not for publication", style="bold white on red")
    line.append("\n  ")
    for part, matched in hit.parts:
        line.append(part.replace("\n", " "), style="reverse bold" if matched else "")
    return line


class SearchScreen(Screen):
    """Find a passage in any meeting."""

    DEFAULT_CSS = """
    SearchScreen #search-query { margin: 0 1; }
    SearchScreen #search-results { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close_search"),
        Binding("down", "to_results", "Results", id="search_results", show=False),
        Binding("f3", "toggle_exempt", "Exempt", id="search_exempt"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.exempt = False
        self.hits: list[Hit] = []
        self._references: References | None = None

    def compose(self) -> ComposeResult:
        yield Static("clerk — search every meeting", classes="screen-title")
        yield Input(
            value=self.initial,
            placeholder='words, "a phrase", word*, -leave-out',
            id="search-query",
        )
        yield OptionList(id="search-results")
        yield Static(id="search-status", classes="status-line")
        yield ClerkFooter(compact=True)

    @property
    def store(self) -> Store:
        store = app_of(self).store
        assert store is not None, "search is shown once the app has opened the store"
        return store

    @property
    def references(self) -> References:
        if self._references is None:
            self._references = References(self.store)
        return self._references

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.run_search()

    @on(Input.Changed, "#search-query")
    def query_changed(self) -> None:
        self.run_search()

    @on(Input.Submitted, "#search-query")
    def query_submitted(self) -> None:
        if self.hits:
            self.open_hit(self.hits[0])

    def run_search(self) -> None:
        text = self.query_one(Input).value
        results = self.query_one(OptionList)
        status = self.query_one("#search-status", Static)
        if not text.strip():
            self.hits = []
            results.clear_options()
            status.update(Text(" Type what to look for: every meeting's minutes are searched."))
            return
        try:
            self.hits = search(
                self.store, text, exempt=self.exempt, limit=SHOWN, references=self.references
            )
        except ClerkError as exc:
            self.hits = []
            results.clear_options()
            status.update(Text(f" {exc}"))
            return
        results.clear_options()
        results.add_options([Option(hit_text(hit), id=str(n)) for n, hit in enumerate(self.hits)])
        if self.hits:
            results.highlighted = 0
        opens = key_for(self, "close_search")
        exempt = key_for(self, "search_exempt")
        shown = "exempt matter shown, marked" if self.exempt else "exempt matter hidden"
        count = f"{len(self.hits)}{'+' if len(self.hits) == SHOWN else ''} found"
        status.update(
            Text(f" {count} · Enter opens at the item · {exempt}: {shown} · {opens} goes back")
        )

    def action_to_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_toggle_exempt(self) -> None:
        self.exempt = not self.exempt
        self.run_search()

    def action_close(self) -> None:
        self.dismiss()

    @on(OptionList.OptionSelected, "#search-results")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_hit(self.hits[int(event.option.id or 0)])

    def open_hit(self, hit: Hit) -> None:
        """Close, answering where to go: the app opens it once this screen is gone."""
        self.dismiss((hit.row.meeting_id, hit.row.item_id))
