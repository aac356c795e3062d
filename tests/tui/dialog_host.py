"""A bare app that opens one dialog, so a dialog is tested on its own, without the live screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.errors import NoWidget
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

import clerk.tui

SIZE = (100, 45)


class DialogHost(App[None]):
    """Pushes the dialog on mount; what it dismisses with goes into results."""

    CSS_PATH = Path(clerk.tui.__file__).parent / "clerk.tcss"

    def __init__(self, dialog: Screen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


def in_view(app: App[Any], widget: Widget) -> bool:
    """Whether any of the widget is on the screen now: not hidden, nor scrolled out of sight."""
    try:
        return app.screen.find_widget(widget).visible_region.area > 0
    except NoWidget:  # hidden (display: none): not laid out at all
        return False


def shown(app: App[Any]) -> str:
    """The text of every label and line in view now, one a line."""
    return "\n".join(
        str(widget.render()) for widget in app.screen.query(Static) if in_view(app, widget)
    )
