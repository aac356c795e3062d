"""A Footer that takes a second line when the keys do not fit on one.

Textual's Footer is one line that scrolls sideways: at 120 columns the live screen's F8-F10
and Ctrl+N fell off the edge, and the issue asks for every action's key to be shown.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.compose import compose
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

#: Columns kept free on the first line for the palette key docked at the right.
PALETTE_WIDTH = 14


class FooterRow(HorizontalGroup):
    """One line of keys."""


class ClerkFooter(Footer):
    """The keys in F-key order, on as many lines as they need (one at 120 columns if they fit)."""

    DEFAULT_CSS = """
    ClerkFooter.-rows {
        layout: vertical;
        height: auto;
    }
    FooterRow {
        width: 1fr;
        height: 1;
    }
    """

    def compose(self) -> ComposeResult:
        # Footer.compose nests keys in groups with `with`: run it through Textual's own
        # composer so the groups get their children, then share the cells between lines.
        # Footer shows no keys until the screen's focus has settled (bindings_changed), so
        # the first frame has none; the cells are still worked out then, to keep the lines
        # they will take: the keys arriving must not move (and repaint) everything above.
        ready = self._bindings_ready
        self.set_reactive(Footer._bindings_ready, True)
        try:
            cells = compose(self, super().compose())
        finally:
            self.set_reactive(Footer._bindings_ready, ready)
        palette = [c for c in cells if c.has_class("-command-palette")]
        self.laid_out_for = self.app.size.width
        rows: list[list[Widget]] = [[]]
        room = self.app.size.width - PALETTE_WIDTH  # the first line holds the palette key
        used = 0
        for unit in _in_key_order([c for c in cells if c not in palette]):
            width = sum(_width(cell) for cell in unit)
            if used + width > room and rows[-1]:
                rows.append([])
                room, used = self.app.size.width, 0
            rows[-1].extend(unit)
            used += width
        if not ready:
            self.shown = None
            self.styles.height = len(rows)  # until the keys come
            return
        self.shown = self.signature()
        self.styles.height = None
        self.set_class(len(rows) > 1, "-rows")
        if len(rows) == 1:
            yield from rows[0]
        else:
            for row in rows:
                yield FooterRow(*row)
        yield from palette

    def signature(self) -> tuple[object, ...]:
        """What the keys shown depend on: the screen's bindings and the width."""
        return (
            self.app.size.width,
            tuple(
                (key, binding.action, binding.description, binding.group, enabled, tooltip)
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show
            ),
        )

    def bindings_changed(self, screen: Screen) -> None:
        # Footer recomposes at every change of focus or bindings, and opening a meeting
        # makes several: only a change in what would be shown is worth a new set of keys
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.recompose_if_changed)

    async def show_keys(self) -> None:
        """Show the keys now (the screen has set its focus), not a frame later."""
        self._bindings_ready = True
        with self._context():  # the keys bind to this footer's data, whoever calls
            await self.recompose_if_changed()

    async def recompose_if_changed(self) -> None:
        if self.is_attached and self.signature() != getattr(self, "shown", None):
            await self.recompose()

    def on_resize(self, event: events.Resize) -> None:
        # the terminal was resized: share the keys between lines again (a change of height
        # alone, which laying them out causes, must not start another round)
        if getattr(self, "laid_out_for", None) not in (None, self.app.size.width):
            self.call_after_refresh(self.recompose)


def _width(cell: Widget) -> int:
    """Roughly how many columns a footer cell takes (key, description and margins)."""
    if isinstance(cell, FooterKey):
        return len(cell.key_display) + len(cell.description) + 2
    if isinstance(cell, FooterLabel):
        return len(str(cell.render())) + 1
    children = getattr(cell, "_pending_children", [])  # a KeyGroup not yet mounted
    return sum(_width(c) for c in children) + 1


def _in_key_order(cells: list[Widget]) -> list[list[Widget]]:
    """Cells in units (a key group keeps its label): F-keys in number order first (a focused
    TextArea's own F6/F7 would put Vote and Action ahead of F2), then the rest as given."""
    units: list[list[Widget]] = []
    for cell in cells:
        if isinstance(cell, FooterLabel) and units:
            units[-1].append(cell)  # the description of the group just before it
        else:
            units.append([cell])

    def order(unit: list[Widget]) -> tuple[int, int]:
        key = getattr(unit[0], "key", "")
        if isinstance(unit[0], FooterKey) and key.startswith("f") and key[1:].isdigit():
            return (0, int(key[1:]))
        return (1, 0)

    return sorted(units, key=order)  # stable: the rest keep their order
