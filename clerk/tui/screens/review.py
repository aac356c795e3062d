"""The chair's review: the minutes exactly as exported, passage by passage, and what the chair
(or the clerk on the chair's behalf) does with them — ask for changes, have them accepted or
declined, approve, reopen — with the meeting's status and open requests above.

The minutes shown are `compose_minutes(record, style)`, the document the Word export
renders, in the meeting's house style; references come from `clerk.minutes.references`.
Every change goes through `clerk.review` (which the CLI uses too) on a store opened as the
role acting (journalled: "chair" or "clerk for the chair"); the store refuses writes to
approved minutes and its sentence is shown. Another process's changes (the clerk typing on
the live screen) are seen within a second: the screen polls SQLite's data_version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from clerk.errors import ClerkError
from clerk.tui.widgets.footer import ClerkFooter
from clerk.tui.widgets.minutes_view import MinutesView

if TYPE_CHECKING:
    from clerk.minutes.document import MinutesDocument
    from clerk.record import Amendment, MeetingRecord
    from clerk.store import Store

POLL = 0.5  # seconds between looks at whether another process wrote

#: Who acts on the review screen, as the journal records it.
ROLES = {"chair": "the chair", "clerk for the chair": "the clerk, for the chair"}
DEFAULT_ROLE = "clerk for the chair"  # the clerk opens it in the terminal; the chair says so
CHAIR = "chair"  # who a request is from, whoever types it


def meeting_minutes(record: MeetingRecord) -> MinutesDocument:
    """The minutes as every export renders them (`clerk.review.minutes_document`): the
    meeting's house style, marked DRAFT until the chair approves."""
    from clerk.review import minutes_document

    return minutes_document(record)


def status_words(record: MeetingRecord) -> str:
    """ "with the chair for review", "approved by the chair on 21 October 2019 — read-only" """
    from clerk.review import status_words as words
    from clerk.tui.session import long_date

    meeting = record.meeting
    text = words(meeting.status)
    if meeting.status.minutes_approved:
        if meeting.approved_on and meeting.status.value == "approved":
            text += f" on {long_date(meeting.approved_on)}"
        text += " — read-only"
    return text


class ReviewScreen(Screen):
    """The draft minutes for the chair's review."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "request_amendment", "Request change", id="request_amendment"),
        Binding("f4", "send_to_chair", "Send to chair", id="send_to_chair"),
        Binding("f3", "list_requests", "Requests", id="list_requests"),
        Binding("f5", "approve", "Approve", id="approve"),
        Binding("f6", "reopen", "Reopen", id="reopen"),
        Binding("f7", "journal", "Journal", id="journal"),
        Binding("f8", "versions", "Versions", id="versions"),
        Binding("f9", "acting_as", "Acting as", id="acting_as"),
        Binding("g", "go_to_passage", "Go to", id="go_to_passage"),
        Binding("escape", "leave", "Back", id="leave_review", show=False),
    ]

    AUTO_FOCUS = "#minutes"

    def __init__(self, db_path: Any, meeting_id: str, role: str = DEFAULT_ROLE) -> None:
        super().__init__()
        self.db_path = db_path
        self.meeting_id = meeting_id
        self.role = role
        self.store: Store | None = None
        self.record: MeetingRecord | None = None
        self.amendments: list[Amendment] = []
        self.seen_version = -1
        self.document: MinutesDocument | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static(id="review-title", classes="screen-title")
        yield Static(id="review-header", classes="status-line")
        yield MinutesView(id="minutes")
        yield ClerkFooter(compact=True)

    def on_mount(self) -> None:
        self.open_store(self.role)
        self.reload()
        self.set_interval(POLL, self.poll)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def open_store(self, role: str) -> None:
        """The review's own connection, journalling its changes as `role`."""
        from clerk.store import Store

        if self.store is not None:
            self.store.close()
        self.store = Store(self.db_path, role=role)
        self.role = role

    @property
    def view(self) -> MinutesView:
        return self.query_one(MinutesView)

    # ------------------------------------------------------------------ what is shown

    def reload(self) -> None:
        """Read the meeting again and show it (the passage highlighted stays highlighted)."""
        store = self.store
        assert store is not None
        self.seen_version = store.data_version()
        self.record = store.load_record(self.meeting_id)
        self.amendments = store.amendments(self.meeting_id)
        self.document = meeting_minutes(self.record)
        self.view.show(self.document, self.open_counts())
        self.redraw_header()
        self.refresh_bindings()
        from clerk.tui.screens.requests import RequestsScreen

        for screen in self.app.screen_stack:  # the requests list, if it is open above
            if isinstance(screen, RequestsScreen) and screen.review is self:
                screen.redraw()

    def poll(self) -> None:
        """Reload when another connection (another clerk process) has written."""
        if self.store is None:
            return
        try:
            changed = self.store.data_version() != self.seen_version
            if changed:
                self.reload()
        except ClerkError:
            return  # busy or gone for a moment: the next look tries again

    def open_requests(self) -> list[Amendment]:
        from clerk.record import AmendmentStatus

        return [a for a in self.amendments if a.status is AmendmentStatus.OPEN]

    def open_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for amendment in self.open_requests():
            reference = self.reference_of(amendment)
            counts[reference] = counts.get(reference, 0) + 1
        return counts

    def reference_of(self, amendment: Amendment) -> str:
        """Where the request's passage is now: found by its source row when it has one
        (numbers move as paragraphs are added), else by the reference it was made on."""
        if amendment.source and self.view.lines:
            for line in self.view.lines:
                if line.passage is not None and line.passage.source == amendment.source:
                    return line.passage.reference
        if amendment.source and self.document is not None:
            from clerk.minutes.references import passages

            for passage in passages(self.document):
                if passage.source == amendment.source:
                    return passage.reference
        return amendment.reference

    def redraw_header(self) -> None:
        record = self.record
        assert record is not None
        from clerk.tui.session import long_date

        title = Text(f" Minutes — {record.committee.name}, {long_date(record.meeting.date)}")
        self.query_one("#review-title", Static).update(title)
        header = Text(" ")
        header.append(status_words(record), style="bold")
        count = len(self.open_requests())
        header.append(f" · {count} open request{'s' if count != 1 else ''}")
        header.append(f" · acting as {ROLES.get(self.role, self.role)}", style="italic")
        self.query_one("#review-header", Static).update(header)

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.record is None:
            return True
        approved = self.record.meeting.status.minutes_approved
        status = self.record.meeting.status.value
        if action == "request_amendment":
            return status in ("ended", "sent")
        if action == "send_to_chair":
            return status in ("ended", "sent")  # again after changes: another version
        if action == "approve":
            return status == "sent"
        if action == "reopen":
            return approved
        return True

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            from clerk.tui.app import app_of

            app_of(self).show_picker()

    def action_request_amendment(self) -> None:
        passage = self.view.highlighted_passage()
        if passage is not None:
            self.run_worker(self._request(passage), group="dialog", exclusive=True)

    async def _request(self, passage: Any) -> None:
        from clerk import review
        from clerk.record import AmendmentKind
        from clerk.tui.dialogs.amendment import ask_amendment

        answer = await ask_amendment(self.app, passage)
        if answer is None:
            return
        with self.refusals():
            assert self.store is not None
            review.request_amendment(
                self.store,
                self.meeting_id,
                passage.reference,
                AmendmentKind(answer.kind),
                answer.new_text,
                author=CHAIR,
                role=self.role,
            )
            self.reload()
            self.notify(f"Request on {passage.reference} kept", markup=False)

    def action_go_to_passage(self) -> None:
        self.run_worker(self._go_to_passage(), group="dialog", exclusive=True)

    async def _go_to_passage(self) -> None:
        from clerk.tui.dialogs.answers import text_dialog

        reference = await self.app.push_screen_wait(
            text_dialog("Go to passage", "Reference (4.3, 5 RESOLVED (2))", "reference")
        )
        if reference is not None and not self.view.highlight_reference(reference):
            self.notify(f"No passage {reference} in these minutes", markup=False)

    def action_send_to_chair(self) -> None:
        from clerk import review

        assert self.store is not None
        with self.refusals():
            version = review.send_to_chair(self.store, self.meeting_id, by=self.role)
            self.reload()
            self.notify(f"Version {version.number} frozen and sent to the chair")

    def action_list_requests(self) -> None:
        from clerk.tui.screens.requests import RequestsScreen

        self.app.push_screen(RequestsScreen(self))

    def action_approve(self) -> None:
        self.run_worker(self._approve(), group="dialog", exclusive=True)

    async def _approve(self) -> None:
        from clerk import review
        from clerk.tui.dialogs.forms import ChoiceDialog

        record = self.record
        assert record is not None and self.store is not None
        sure = await self.app.push_screen_wait(
            ChoiceDialog(
                f"Approve the minutes of {record.committee.name}? They become read-only.",
                [("yes", "y", "approve them"), ("no", "n", "not yet")],
            )
        )
        if sure != "yes":
            return
        with self.refusals():
            review.approve(self.store, self.meeting_id, by=self.role)
            self.reload()
            self.notify("The minutes are approved: read-only until reopened")

    def action_reopen(self) -> None:
        self.run_worker(self._reopen(), group="dialog", exclusive=True)

    async def _reopen(self) -> None:
        from clerk import review
        from clerk.tui.dialogs.answers import text_dialog

        reason = await self.app.push_screen_wait(
            text_dialog("Reopen the approved minutes", "Why", "reason for reopening them")
        )
        if reason is None:
            return
        with self.refusals():
            assert self.store is not None
            review.reopen(self.store, self.meeting_id, reason, by=self.role)
            self.reload()
            self.notify("Reopened: the minutes are a draft again", markup=False)

    def action_journal(self) -> None:
        from clerk.tui.screens.journal import JournalScreen

        record = self.record
        assert record is not None and self.store is not None
        from clerk.tui.session import long_date

        title = f"{record.committee.name}, {long_date(record.meeting.date)}"
        self.app.push_screen(JournalScreen(self.store, self.meeting_id, title))

    def action_versions(self) -> None:
        from clerk.tui.screens.versions import VersionsScreen

        assert self.store is not None
        self.app.push_screen(VersionsScreen(self.store, self.meeting_id))

    def action_acting_as(self) -> None:
        self.run_worker(self._acting_as(), group="dialog", exclusive=True)

    async def _acting_as(self) -> None:
        from clerk.tui.dialogs.forms import ChoiceDialog

        role = await self.app.push_screen_wait(
            ChoiceDialog(
                "Who is acting? (the journal records it)",
                [
                    ("chair", "c", "the chair"),
                    ("clerk for the chair", "k", "the clerk, for the chair"),
                ],
            )
        )
        if role is not None and role != self.role:
            with self.refusals():
                self.open_store(role)
                self.reload()

    # ------------------------------------------------------------------ refusals

    @contextlib.contextmanager
    def refusals(self) -> Iterator[None]:
        """A change the store refuses (approved minutes, a passage gone, a busy database)
        is said with the store's sentence; nothing is changed."""
        from clerk.tui.app import app_of

        try:
            yield
        except ClerkError as error:
            app_of(self).refused(error)
