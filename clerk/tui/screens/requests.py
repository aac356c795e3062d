"""The amendment requests on a meeting's minutes: each with its passage, kind, the words
asked for, who asked, and its outcome; the clerk accepts one (the record changes and the
minutes are written again) or declines it with a reason.

Opened from the review screen, over it: the changes go through `clerk.review` on the review's
store (so they are journalled as the role acting there), and the review redraws behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.widgets.footer import ClerkFooter

if TYPE_CHECKING:
    from clerk.record import Amendment
    from clerk.tui.screens.review import ReviewScreen

WORDS = 70  # characters of the words asked for, in the table


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WORDS else text[: WORDS - 1] + "…"


class RequestsTable(KeyedHelp, DataTable):
    HELP_TEMPLATE = """\
## Amendment requests
Every request on these minutes: its passage (as it is numbered now), what it asks, who asked
and its outcome. **{key:accept_request}** accepts the highlighted open request: the record
changes and the minutes are written again. **{key:decline_request}** declines it, with a
reason. **{key:show_passage}** shows its passage in the minutes; **{key:close_requests}**
goes back.
"""


class RequestsScreen(Screen):
    """The requests on the review screen's meeting."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept", id="accept_request"),
        Binding("d", "decline", "Decline", id="decline_request"),
        Binding("enter", "show_passage", "Show passage", id="show_passage", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="close_requests"),
    ]

    def __init__(self, review: ReviewScreen) -> None:
        super().__init__()
        self.review = review
        self.shown: list[Amendment] = []

    def compose(self) -> ComposeResult:
        yield Static(id="requests-title", classes="screen-title")
        yield RequestsTable(id="requests", cursor_type="row", zebra_stripes=True)
        yield Static(id="requests-detail")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(RequestsTable)
        table.add_column("Passage", key="reference", width=16)
        table.add_column("Asks", key="kind", width=8)
        table.add_column("Words", key="words", width=WORDS)
        table.add_column("By", key="author", width=20)
        table.add_column("Status", key="status", width=10)
        table.add_column("Reason", key="reason")
        self.redraw()
        table.focus()

    def redraw(self) -> None:
        table = self.query_one(RequestsTable)
        keep = table.cursor_row
        table.clear()
        self.shown = list(self.review.amendments)
        for amendment in self.shown:
            words = amendment.new_text if amendment.kind.value != "delete" else "(delete)"
            # Text: the words are what someone typed, "[b]" and all
            table.add_row(
                Text(self.review.reference_of(amendment)),
                Text(amendment.kind.value),
                Text(_short(words)),
                Text(amendment.author),
                Text(amendment.status.value),
                Text(_short(amendment.reason)),
                key=amendment.id,
            )
        if self.shown:
            table.move_cursor(row=min(keep, len(self.shown) - 1))
        open_count = len(self.review.open_requests())
        self.query_one("#requests-title", Static).update(
            Text(f" Amendment requests — {len(self.shown)} in all, {open_count} open")
        )
        self.show_detail()
        self.refresh_bindings()

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def highlighted(self) -> Amendment | None:
        if not self.shown:
            return None
        row = self.query_one(RequestsTable).cursor_row
        return self.shown[min(row, len(self.shown) - 1)]

    def show_detail(self) -> None:
        amendment = self.highlighted()
        detail = self.query_one("#requests-detail", Static)
        if amendment is None:
            detail.update(Text(" No requests yet: F2 on the minutes asks for a change."))
            return
        text = Text()
        text.append(f" {self.review.reference_of(amendment)}", style="bold")
        text.append(f" — {amendment.kind.value}, asked by {amendment.author}\n")
        text.append(" Was: ", style="dim")
        text.append(amendment.old_text + "\n")
        if amendment.new_text:
            text.append(" Asks: ", style="dim")
            text.append(amendment.new_text + "\n")
        if amendment.status.value != "open":
            decided = f" by {amendment.decided_by}" if amendment.decided_by else ""
            text.append(f" {amendment.status.value.capitalize()}{decided}", style="bold")
            if amendment.reason:
                text.append(f": {amendment.reason}")
        detail.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "decline"):
            amendment = self.highlighted()
            return amendment is not None and amendment.status.value == "open"
        return True

    def action_accept(self) -> None:
        from clerk import review

        amendment = self.highlighted()
        store = self.review.store
        if amendment is None or store is None:
            return
        with self.review.refusals():
            outcome = review.accept(
                store, self.review.meeting_id, amendment.id, by=self.review.role
            )
            self.review.reload()
            self.notify(outcome.message, markup=False)

    def action_decline(self) -> None:
        amendment = self.highlighted()
        if amendment is not None:
            self.run_worker(self._decline(amendment), group="dialog", exclusive=True)

    async def _decline(self, amendment: Amendment) -> None:
        from clerk import review
        from clerk.tui.dialogs.answers import text_dialog

        reference = self.review.reference_of(amendment)
        reason = await self.app.push_screen_wait(
            text_dialog(f"Decline the request on {reference}", "Reason", "reason")
        )
        store = self.review.store
        if reason is None or store is None:
            return
        with self.review.refusals():
            review.decline(store, self.review.meeting_id, amendment.id, reason, by=self.review.role)
            self.review.reload()
            self.notify(f"Declined: {reference}", markup=False)

    def action_show_passage(self) -> None:
        amendment = self.highlighted()
        if amendment is None:
            return
        self.app.pop_screen()
        self.review.view.highlight_reference(self.review.reference_of(amendment))
