"""Search every meeting: results as the clerk types, best first, each with its date,
committee, item and reference and the words matched; Enter opens that meeting at that item.

A search over up to some thousands of rows (counted from the index before any is ranked)
runs on the key itself, drawn in the frame that echoes it; one over nearly every row ("the")
runs in a thread (an exclusive worker), so the box echoes every key at once. A search that a
later key has made stale is not run, or its results not drawn, so the results shown always
answer what is in the box (key to results drawn on ten years of meetings: a 99th
percentile of 37 to 45 ms here, benchmarks/bench_decade.py). A page of results is fetched
and drawn at a time (a screenful and a little more); moving past the last fetches the next.
Enter in the box opens the best result for what is in the box, searching then if the results
are not yet in.
Exempt (Part 2) matter is shown only while the clerk has asked for it (a key), and each
exempt result says so in the error colour.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from clerk.errors import ClerkError
from clerk.searching import KIND_NAMES, Hit, References, search
from clerk.store.search import match_expression
from clerk.tui.app import app_of
from clerk.tui.keys_help import key_for
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from clerk.store import Store

PAGE = 15  # results fetched and drawn at a time: a screenful (three lines each) and more
REMEMBERED = 32  # searches whose results are kept while the screen is shown
#: Rows matching up to which a search runs on the key itself. Ranking ten thousand takes
#: some 15 ms, and a thread would make it slower (it contends with drawing for the
#: interpreter, and its results wait for the next frame: twice the time from key to results
#: drawn, measured with benchmarks/bench_decade.py); a word in nearly every row ("the",
#: "council") takes ten times as long, and then the box must not wait for it.
FEW = 20_000


class Found(NamedTuple):
    """What a search found, and what it was asked: results are drawn only if that is still
    what the box holds."""

    text: str
    exempt: bool
    limit: int
    hits: list[Hit]
    error: str | None


def hit_text(hit: Hit) -> Content:
    """One result: where it is on the first line, the snippet under it. Everything from the
    database is plain text, never markup ("[/]" in a title is text). Textual's own Content,
    not Rich Text: the list draws it without converting it first."""
    row = hit.row
    parts: list[str | tuple[str, str]] = [
        (row.date.isoformat(), "bold"),
        "  ",
        row.committee,
        "\n  ",
        f"{row.item_number}. {row.item_title}" if row.item_number else row.item_title,
        "  ",
        (hit.reference, "bold"),
        (f"  {KIND_NAMES.get(row.kind, row.kind)}", "dim"),
    ]
    if row.exempt:
        parts.append(("  EXEMPT – not for publication", "bold white on red"))
    parts.append("\n  ")
    for part, matched in hit.parts:
        text = part.replace("\n", " ")
        parts.append((text, "reverse bold") if matched else text)
    return Content.assemble(*parts)


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
        self.limit = PAGE
        self.hits: list[Hit] = []
        self.shown: Found | None = None  # what the results drawn answer
        self._references: References | None = None
        self._searching = threading.RLock()  # one search at a time (they share references)
        #: the latest searches' results by what they asked, so that a key that changes
        #: nothing searched ("school " after "school") or goes back to an earlier search
        #: (a word deleted) is answered without searching; for as long as the screen is
        #: shown (a meeting is not changed under it)
        self._found: OrderedDict[tuple[str | None, bool, int], list[Hit]] = OrderedDict()

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
        self.call_after_refresh(self._warm)

    def _warm(self) -> None:
        """Load the house style a resolution's reference is counted by, in a thread once the
        screen is drawn: done on the first key that finds a resolution, importing and
        reading it doubled that key's wait."""

        def warm() -> None:
            with self._searching:
                self.references.style("")

        self.run_worker(warm, name="warm", group="warm", thread=True, exit_on_error=False)

    @on(Input.Changed, "#search-query")
    def query_changed(self, event: Input.Changed) -> None:
        self.limit = PAGE
        if event.value != self.query_one(Input).value:
            return  # a later key has changed the box already: its own change searches
        self.run_search()

    @on(Input.Submitted, "#search-query")
    def query_submitted(self) -> None:
        if not self.answers_the_box():  # the results for what was typed are not in yet
            self.show_results(self.find(self.query_one(Input).value, self.exempt, self.limit))
        if self.hits:
            self.open_hit(self.hits[0])

    def asked(self) -> tuple[str, bool, int]:
        return self.query_one(Input).value, self.exempt, self.limit

    def answers_the_box(self) -> bool:
        shown = self.shown
        return shown is not None and (shown.text, shown.exempt, shown.limit) == self.asked()

    def run_search(self) -> None:
        """Search for what is in the box, in a thread; an earlier search still running is
        cancelled (its results, if it finishes, are not drawn)."""
        text, exempt, limit = self.asked()
        if not text.strip():
            self.show_results(Found(text, exempt, limit, [], None))
            return
        known = self._found.get(self._key(text, exempt, limit))
        if known is not None:  # the same search ("school " is "school"): nothing to run
            self._found.move_to_end(self._key(text, exempt, limit))
            self.show_results(Found(text, exempt, limit, known, None))
            return
        if self._cheap(text):  # on this key, in the frame that echoes it
            self.show_results(self.find(text, exempt, limit))
            return
        self.run_worker(
            lambda: self._search_in_thread(text, exempt, limit),
            name="search",
            group="search",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _search_in_thread(self, text: str, exempt: bool, limit: int) -> None:
        worker = get_current_worker()
        with self._searching:
            if worker.is_cancelled:  # a later key came while an earlier search ran
                return
            found = self.find(text, exempt, limit)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_results, found)

    def _cheap(self, text: str) -> bool:
        """Whether ranking what was typed costs less than handing it to a thread and
        waiting a frame for its results: few rows match (counted from the index, without
        ranking them). Not while a search runs in a thread (it would wait for it)."""
        if any(w.group == "search" and w.is_running for w in self.workers):
            return False
        try:
            return self.store.search_matches(text) <= FEW
        except ClerkError:
            return True  # said at once: nothing to rank

    @staticmethod
    def _key(text: str, exempt: bool, limit: int) -> tuple[str | None, bool, int]:
        try:
            return match_expression(text), exempt, limit
        except ClerkError:
            return None, exempt, limit  # never remembered

    def _remember(self, found: Found) -> None:
        key = self._key(found.text, found.exempt, found.limit)
        if key[0] is not None:
            self._found[key] = found.hits
            self._found.move_to_end(key)
            while len(self._found) > REMEMBERED:
                self._found.popitem(last=False)

    def find(self, text: str, exempt: bool, limit: int) -> Found:
        with self._searching:
            try:
                hits = search(
                    self.store, text, exempt=exempt, limit=limit, references=self.references
                )
            except ClerkError as exc:
                return Found(text, exempt, limit, [], str(exc))
        return Found(text, exempt, limit, hits, None)

    def show_results(self, found: Found) -> None:
        """Draw what a search found, if it answers what the box holds now."""
        if (found.text, found.exempt, found.limit) != self.asked():
            return
        results = self.query_one(OptionList)
        status = self.query_one("#search-status", Static)
        same = self.shown is not None and self.shown.hits is found.hits and found.error is None
        highlighted = results.highlighted if self.shown and self.shown.text == found.text else 0
        self.shown, self.hits = found, found.hits
        if same and found.text.strip():
            return  # the very results drawn: drawn as they are
        if found.error is None and found.text.strip():
            self._remember(found)
        if not found.text.strip():
            results.clear_options()
            status.update(
                Text(" Type what to look for: every meeting's minutes are searched."), layout=False
            )
            return
        if found.error is not None:
            results.clear_options()
            status.update(Text(f" {found.error}"), layout=False)
            return
        results.set_options([Option(hit_text(hit), id=str(n)) for n, hit in enumerate(self.hits)])
        if self.hits:
            results.highlighted = min(highlighted or 0, len(self.hits) - 1)
        opens = key_for(self, "close_search")
        exempt = key_for(self, "search_exempt")
        shown = "exempt matter shown, marked" if self.exempt else "exempt matter hidden"
        more = len(self.hits) == found.limit
        count = f"{len(self.hits)}{'+' if more else ''} found"
        status.update(  # one line, whatever it says: no layout of the screen again
            Text(f" {count} · Enter opens at the item · {exempt}: {shown} · {opens} goes back"),
            layout=False,
        )

    @on(OptionList.OptionHighlighted, "#search-results")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """At the last result drawn, when there may be more: fetch the next page."""
        shown = self.shown
        if (
            shown is not None
            and self.answers_the_box()
            and event.option_index == len(self.hits) - 1
            and len(self.hits) == shown.limit
        ):
            self.limit = shown.limit + PAGE
            self.run_search()

    def action_to_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_toggle_exempt(self) -> None:
        self.exempt = not self.exempt
        self.limit = PAGE
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
