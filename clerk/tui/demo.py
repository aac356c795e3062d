"""The demo on screen: where its scratch database is, and on quit, keep it or throw it away.

A new user trying clerk may record a real meeting in the demo; quitting must not delete it
without a word. The app calls `announce` as it starts and `ask_before_quitting` from its
quit path (ClerkApp.confirm_demo_quit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.demo import DemoInfo, keep, keep_path
from clerk.errors import ClerkError
from clerk.tui.dialogs.forms import ChoiceDialog

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


def announce(app: ClerkApp, demo: DemoInfo) -> None:
    from clerk.tui.keys_help import key_for

    app.notify(
        f"This is the demo: what you record goes into a scratch database, {demo.db_path}, "
        f"which is thrown away when you quit. {key_for(app, 'quit')} offers to keep a copy.",
        title="Demo",
        timeout=30,
        markup=False,  # a path is text: a folder may be called "[b]work[/b]"
    )


class DemoQuitDialog(ChoiceDialog):
    """Keep a copy of the demo's database (the path shown) or throw it away; Escape stays."""

    HELP = """\
## Quitting the demo
The demo records into a scratch database that is deleted when clerk closes.
**K** keeps a copy (at the path shown) and quits; open it later with `clerk --db PATH`.
**T** throws it away and quits. **Escape** goes back to clerk.
"""

    def __init__(self, demo: DemoInfo, target: str) -> None:
        super().__init__(
            "Quit the demo",
            [
                ("keep", "k", f"Keep a copy: {target}"),
                ("discard", "t", "Throw it away"),
            ],
        )
        self.demo = demo

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(
                Text(
                    f"What you recorded is in a scratch database, {self.demo.db_path}, "
                    "which is deleted when clerk closes."
                ),
                classes="dialog-note",
            )
            yield OptionList(
                *[Option(Text(f"[{key}] {label}"), id=value) for value, key, label in self.choices],
                id="choices",
            )
            yield Static("Escape: back to clerk", classes="dialog-keys")


def ask_before_quitting(app: ClerkApp, demo: DemoInfo) -> bool:
    """True when the app may quit now; else the question is asked and its answer quits.

    The answer comes later, from a dialog, while the quit action has to return now: so the
    question is put and False returned, and the answer goes through the quit path again
    (with anything still to be done there, such as writing unsaved typing).
    """
    if demo.decided:
        return True
    if isinstance(app.screen, DemoQuitDialog):
        return False  # Ctrl+Q again while asked: the question stands
    target = keep_path(app.clock())

    def answered(choice: str | None) -> None:
        if choice is None:
            return  # Escape: back to what they were doing
        if choice == "keep":
            app.save_now()  # typing not yet written must be in the copy
            try:
                demo.kept = keep(demo.db_path, target)
            except (OSError, ClerkError) as error:  # a full disk, say: stay, say so
                app.notify(
                    f"Could not keep a copy at {target}: {error}",
                    title="Not kept",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
                return
        demo.decided = True
        app.call_later(app.action_quit)

    app.push_screen(DemoQuitDialog(demo, str(target)), answered)
    return False
