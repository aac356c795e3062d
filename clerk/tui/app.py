"""The clerk terminal app: the meeting picker and the live meeting screen.

`run_app(db_path, meeting_id)` is what the CLI calls. The store is opened when the app
mounts (never at import), the meeting's record is loaded once, and every edit is written
through as it is made: there is no save key and nothing waits for quit.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from clerk.tui import collector
from clerk.tui.widgets.keys import KeysInOrder

if TYPE_CHECKING:
    from textual.driver import Driver

    from clerk.demo import DemoInfo
    from clerk.store import Store
    from clerk.tui.screens.live import LiveScreen
    from clerk.tui.session import LiveSession

Clock = Callable[[], datetime]

TUI_BUSY_TIMEOUT = 0.2  # seconds
HANG_UP_GRACE = 2.0  # seconds to take in the keys read before a hang-up, at the most

#: Set by the startup benchmark: write the time of the first interactive frame here and exit.
PROBE_ENV = "CLERK_STARTUP_PROBE"


class ClerkApp(App):
    """Record a committee meeting live."""

    CSS_PATH = "clerk.tcss"
    TITLE = "clerk"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "toggle_help", "Help", id="help"),
        # on any screen of a meeting (the roll call too); the composer's own undo of typing
        # comes first while it has any
        Binding("ctrl+z", "undo_meeting", "Undo", id="undo_meeting", show=False),
        Binding("ctrl+y", "redo_meeting", "Redo", id="redo_meeting", show=False),
        # Ctrl+P is Textual's command palette (which offers this too, as "Search meetings")
        Binding(
            "ctrl+backslash",
            "search",
            "Search meetings",
            id="search",
            show=False,
            tooltip="search every meeting's minutes (in the meetings list also /)",
        ),
    ]

    def __init__(
        self,
        db_path: Path,
        meeting_id: str | None = None,
        *,
        clock: Clock | None = None,
        keymap_path: Path | None = None,
        cursor_blink: bool = True,
        demo: DemoInfo | None = None,
        review_as: str | None = None,
    ) -> None:
        super().__init__()
        self.review_as = review_as  # `clerk review`: open on the review screen, acting so
        self.db_path = Path(db_path)
        self.start_meeting_id = meeting_id
        self.clock: Clock = clock or datetime.now
        self.keymap_path = keymap_path
        self.cursor_blink = cursor_blink
        self.store: Store | None = None
        self.session: LiveSession | None = None
        self.keys_went_to: Widget | None = None  # see on_event
        self.demo = demo  # `clerk demo`: a scratch database, thrown away unless kept
        self.failure: str | None = None  # why the app stopped, when an error stopped it
        self.backup_note: str | None = None  # where quitting backed the database up, or not

    # ------------------------------------------------------------------ start and stop

    def on_mount(self) -> None:
        from clerk.errors import ClerkError
        from clerk.store import Store
        from clerk.tui.keymap import load_keymap

        keymap, warning = load_keymap(self.keymap_path)
        if keymap:
            self.set_keymap(keymap)
        if warning:
            # markup=False here and wherever a message quotes what someone typed or a file
            # holds: "[/]" in a name is text (as markup it crashes), "[b]now[/b]" loses "[b]"
            self.notify(warning, severity="warning", timeout=10, markup=False)
        if self.demo is not None:
            from clerk.tui.demo import announce

            announce(self, self.demo)
        # Short: while another program holds the write lock the clerk is told at once and
        # the screen keeps what they type, rather than freezing for the default two seconds.
        try:
            self.store = Store(self.db_path, busy_timeout=TUI_BUSY_TIMEOUT)
        except ClerkError as exc:  # not a database, damaged, newer, in a missing folder …
            self.fail(exc)
            return
        if self.store.read_only:
            self.sub_title = "READ-ONLY"
            self.notify(
                f"{self.db_path} is open read-only: {self.store.read_only}. You can read "
                "every meeting, and export them with clerk minutes or clerk export-record; "
                "nothing can be recorded.",
                title="Read-only",
                severity="warning",
                timeout=30,
                markup=False,
            )
        if self.start_meeting_id and self.review_as:
            self.open_review(self.start_meeting_id, self.review_as)
        elif self.start_meeting_id:
            self.open_meeting(self.start_meeting_id)
        else:
            self.show_picker()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not on Windows
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGHUP, signal.SIGTERM):
                before = signal.getsignal(signum)
                if before is not signal.SIG_IGN:  # under nohup, stay deaf
                    loop.add_signal_handler(signum, self._hang_up, signum, before)
        collector.freeze_once_drawn(self)
        probe = os.environ.get(PROBE_ENV)
        if probe:
            self.call_after_refresh(self._probe, probe)

    def _probe(self, path: str) -> None:
        Path(path).write_text(f"{time.time():.6f}\n")
        self.exit()

    def show_picker(self) -> None:
        from clerk.tui.screens.picker import PickerScreen

        self.session = None
        self.switch_or_push(PickerScreen())

    def open_meeting(self, meeting_id: str, item_id: str | None = None) -> None:
        from clerk.errors import ClerkError
        from clerk.tui.screens.live import LiveScreen
        from clerk.tui.session import LiveSession

        assert self.store is not None
        try:
            session = LiveSession(self.store, meeting_id, self.clock)
            session.begin()
        except ClerkError as exc:
            self.notify(str(exc), title="Cannot open the meeting", severity="error", markup=False)
            if not self.screen_stack or len(self.screen_stack) <= 1:
                self.show_picker()
            return
        if item_id is not None:  # a search found it there: shown, not taken
            try:
                session.show(item_id)
            except (ClerkError, KeyError) as exc:
                self.notify(str(exc), title="Not shown", severity="warning", markup=False)
        self.session = session
        self.switch_or_push(LiveScreen(session))

    def open_review(self, meeting_id: str, role: str | None = None) -> None:
        """The chair's review of the meeting's minutes (screens/review.py), over the picker."""
        from clerk.tui.screens.review import DEFAULT_ROLE, ReviewScreen

        self.session = None
        self.switch_or_push(ReviewScreen(self.db_path, meeting_id, role or DEFAULT_ROLE))

    def switch_or_push(self, screen: Screen) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:
            from clerk.tui.driver import ClerkDriver

            return ClerkDriver
        return driver

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            # the widget this key is handed to, unless a priority binding takes it: a command
            # that waits for the keys before it goes there (widgets/keys.py, after_typing)
            target = self.focused
            command = not event.is_printable and any(
                binding.priority
                for _node, bindings in self.screen._binding_chain
                for binding in bindings.key_to_bindings.get(event.key, ())
            )
            await super().on_event(event)
            if not command:
                self.keys_went_to = target
                typed = (
                    event.is_printable
                    and target is not None
                    and target.check_consume_key(event.key, event.character)
                )
                if isinstance(target, KeysInOrder) and not typed:
                    # the next key is handed on once this one has taken effect (a key that is
                    # not typed may move the focus), so it goes where this one left the focus
                    await target.keys_taken()
                    if self.focused is not None and self.focused is not target:
                        # it moved the focus (Escape): its keys are done, so a command next
                        # waits behind the keys handed to where the focus went, not behind
                        # those typed after it
                        self.keys_went_to = self.focused
            return
        await super().on_event(event)

    def live_screen(self) -> LiveScreen | None:
        # The footer asks (check_action) as the picker's first frame is drawn: a live screen
        # module never imported has no screen on the stack, and importing it (the session,
        # the composer, the text editor) would cost that frame a sixth of its time.
        live = sys.modules.get("clerk.tui.screens.live")
        if live is None:
            return None
        return next((s for s in self.screen_stack if isinstance(s, live.LiveScreen)), None)

    def save_now(self) -> None:
        """Write anything typed and not yet written (the app is closing)."""
        live = self.live_screen()
        if live is not None:
            live.save_now()

    async def action_quit(self) -> None:
        if not await self.confirm_demo_quit():
            return
        live = self.live_screen()
        if live is None:
            self.exit()
            return
        # after the keys typed before Ctrl+Q, and never with words the database has not taken
        from clerk.tui.widgets.keys import after_typing

        after_typing(self, live.quit_when_saved)

    def action_search(self) -> None:
        from clerk.tui.screens.search import SearchScreen

        if self.store is not None and not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(), self.open_found)

    def action_registers(self) -> None:
        """The palette's "Registers": of the meeting open's committee, if one is open."""
        self.show_registers(self.session.record.committee.id if self.session else None)

    def show_registers(self, committee_id: str | None = None) -> None:
        """The registers (screens/registers.py), attendance first at `committee_id`'s; Enter
        on an interest or an action opens it as a search result is opened."""
        from clerk.tui.screens.registers import RegistersScreen

        if self.store is not None and not isinstance(self.screen, RegistersScreen):
            self.push_screen(RegistersScreen(committee_id), self.open_found)

    def open_found(self, found: tuple[str, str | None] | None) -> None:
        """Open the meeting a search (or a register) found at its item; the live screen of
        that meeting shows the item, another meeting's lets go of its typing first."""
        if found is None:
            return
        meeting_id, item_id = found
        live = self.live_screen()
        if live is not None and live.session.meeting_id == meeting_id:
            if item_id:
                live.show_item(item_id)
            return
        if live is not None:
            live.let_go("open another meeting", lambda: self.open_meeting(meeting_id, item_id))
            return
        self.open_meeting(meeting_id, item_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("undo_meeting", "redo_meeting"):
            return self.live_screen() is not None
        return True

    def action_undo_meeting(self) -> None:
        live = self.live_screen()
        if live is not None:
            live.undo(redo=False)

    def action_redo_meeting(self) -> None:
        live = self.live_screen()
        if live is not None:
            live.undo(redo=True)

    def _hang_up(self, signum: int, before: Any) -> None:
        """The terminal closed (SIGHUP) or the system asks clerk to stop (SIGTERM): take in
        the keys already read, save what is typed, then end as the signal would have
        (Python's default ends the process at once, with typing unsaved). SIGTERM tries a
        tidy exit, which gives the terminal back; a closed terminal has nothing to give
        back to, and waits for no one."""

        def as_the_signal_would() -> None:
            self.save_now()
            signal.signal(signum, before)  # the default, or what was set before (the demo's)
            os.kill(os.getpid(), signum)

        def saved_then_gone() -> None:
            if signum == signal.SIGTERM:
                self.save_now()
                self.exit()
            else:
                as_the_signal_would()

        # behind the keys already read (they are in the app's queue), then behind those
        # handed to a widget: the last words typed are in the composer when it saves
        from clerk.tui.widgets.keys import after_typing

        self.call_later(after_typing, self, saved_then_gone)
        self.set_timer(HANG_UP_GRACE, as_the_signal_would)  # should taking them in hang

    async def confirm_demo_quit(self) -> bool:
        """Whether to quit now: in the demo the clerk is asked first whether to keep the
        scratch database, and their answer quits (see clerk.tui.demo)."""
        if self.demo is None:
            return True
        from clerk.tui.demo import ask_before_quitting

        return ask_before_quitting(self, self.demo)

    def fail(self, error: Exception) -> None:
        """Stop with `error` in a sentence (run_app says it and exits 1), no traceback."""
        self.failure = str(error)
        self.exit(return_code=1)

    def _handle_exception(self, error: Exception) -> None:
        from clerk.errors import ClerkError

        if isinstance(error, ClerkError):  # a damaged database found by the picker …
            self.fail(error)
            return
        super()._handle_exception(error)  # the traceback, then run_app says it in words

    def on_unmount(self) -> None:
        collector.unfreeze()
        self.save_now()
        if self.session is not None and self.demo is None:  # quitting backs up the database
            self.backup_note = self.session.backup()
        if self.store is not None:
            self.store.close()
            self.store = None

    # ------------------------------------------------------------------ refused writes
    # A store that refuses a write (locked by another program, disk full, read-only) must
    # not close the meeting. Every write starts from an action (a key, the palette) or from
    # a dialog's answer, so both are guarded here: the clerk is told, nothing was changed
    # (the session updates its record only after the store commits) and they can try again.
    # The composer keeps and retries its own typing (widgets/composer.py).

    def refused(self, error: Exception) -> None:
        self.notify(
            f"{error}\nNothing was changed; try again.",
            title="Not saved",
            severity="error",
            timeout=10,
            markup=False,  # the error may quote a name or an entry
        )

    async def _dispatch_action(self, namespace: Any, action_name: str, params: Any) -> bool:
        from clerk.errors import ClerkError

        try:
            return await super()._dispatch_action(namespace, action_name, params)
        except ClerkError as error:
            self.refused(error)
            return True

    def push_screen(self, screen: Any, callback: Any = None, *args: Any, **kwargs: Any) -> Any:
        if callback is not None:
            callback = _noting_refusals(self, callback)
        return super().push_screen(screen, callback, *args, **kwargs)

    # ------------------------------------------------------------------ help and palette

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers what the keys offer now, then the commands without a key."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or not binding.description or binding.action in seen:
                continue
            # clerk's own keys all have ids; the text editor's (cursor, select, cut…) do not
            # and would bury the meeting's actions
            if binding.id is None or binding.id in ("quit", "help", "dialog_cancel"):
                continue
            seen.add(binding.action)
            node = active.node
            yield SystemCommand(
                f"{binding.description} ({self.get_key_display(binding)})",
                binding.tooltip or f"key: {key}",
                _runner(self, binding.action, node),
            )
        for title, help_text, action, _menu_key in getattr(screen, "COMMANDS_EXTRA", []):
            if screen.check_action(action, ()) is False:
                continue
            yield SystemCommand(title, help_text, _runner(self, action, screen))
        # anywhere, as the search is (the meetings list has its own key for it)
        if self.store is not None and "registers" not in seen:
            from textual.screen import ModalScreen

            from clerk.tui.screens.registers import RegistersScreen

            if not isinstance(screen, (RegistersScreen, ModalScreen)):
                yield SystemCommand(
                    "Registers",
                    "attendance, interests declared, open actions: as clerk register prints them",
                    _runner(self, "registers", self),
                )
        yield from super().get_system_commands(screen)


def app_of(node: DOMNode) -> ClerkApp:
    """The ClerkApp that `node` (a screen, a widget) runs in, typed as one: `app_of(self).store`
    where `self.app` is only a Textual `App` to a type checker."""
    app = node.app
    if not isinstance(app, ClerkApp):
        raise TypeError(f"{type(node).__name__} runs in {type(app).__name__}, not in clerk")
    return app


def _noting_refusals(app: ClerkApp, callback: Callable[..., Any]) -> Callable[..., Any]:
    from clerk.errors import ClerkError

    @functools.wraps(callback)
    async def guarded(*args: Any) -> None:
        try:
            result = callback(*args)
            if inspect.isawaitable(result):
                await result
        except ClerkError as error:
            app.refused(error)

    return guarded


def _runner(app: App, action: str, node) -> Callable[[], object]:
    async def run() -> None:
        await app.run_action(action, node)

    return run


def run_app(
    db_path: Path,
    meeting_id: str | None = None,
    *,
    demo: DemoInfo | None = None,
    review_as: str | None = None,
) -> None:
    """Run clerk on the database: the meeting picker, or straight to a meeting's live screen
    (or, `review_as` a role, to its review screen). ClerkError when the app stopped because
    of an error (exit status 1 from the CLI)."""
    from clerk.errors import ClerkError

    app = ClerkApp(Path(db_path), meeting_id, demo=demo, review_as=review_as)
    app.run()
    if app.backup_note:
        print(app.backup_note, file=sys.stderr)
    if app.failure:
        raise ClerkError(app.failure)
    if app.return_code:
        raise ClerkError(
            "clerk stopped because of an unexpected error (the details are above). What the "
            f"database had taken is kept in {db_path}: open the meeting again to go on."
        )
