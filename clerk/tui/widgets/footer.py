"""A footer that takes more lines when the keys do not fit on one.

Textual's Footer is one line that scrolls sideways: at 120 columns the live screen's F8-F10
and Ctrl+N fell off the edge, and the issue asks for every action's key to be shown.

ClerkFooter is a single widget that draws every key itself, in Textual's compact footer style
(Footer mounts a widget per key: some 25 on the live screen, 20-50 ms before its first frame).
It lays the keys out afresh for its width, so a resize needs no more than a repaint, and it
maps a click to the key under the pointer.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.widget import Widget

#: Columns kept free on the first line for the palette key at the right.
PALETTE_WIDTH = 14


class Piece(NamedTuple):
    """A run of one style in the footer; those with a key run it when clicked."""

    text: str
    style: str  # "key", "description", "edge" (the palette key's left border) or "" (space)
    key: str = ""  # the key to press when clicked ("" for none)
    enabled: bool = True
    tooltip: str = ""


class Spot(NamedTuple):
    """Where a clickable piece was drawn: line, first column, end column."""

    line: int
    start: int
    end: int
    piece: Piece
    action: str


Unit = tuple[Piece, ...]  # pieces that stay on one line: a key, or a group and its label


class ClerkFooter(Widget, can_focus=False):
    """The keys in F-key order, on as many lines as they need (one at 120 columns if they fit)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--edge",
        "footer-key--hover",
    }
    DEFAULT_CSS = """
    ClerkFooter {
        dock: bottom;
        width: 1fr;
        height: auto;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--edge {
            color: $foreground 20%;
        }
        .footer-key--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(
        self,
        *,
        compact: bool = True,  # accepted for Footer's sake: the keys are always compact
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.units: list[Unit] = []
        self.palette: Unit = ()
        self.actions: dict[str, str] = {}  # key -> action, for the keys shown
        self.shown: tuple[object, ...] | None = None
        self.hover: tuple[int, int] | None = None  # (column, line) of the key under the pointer
        self._laid_out: tuple[int, list[list[Spot]], list[Text]] | None = None
        self._pieces: list[list[Piece]] = []
        self._update_pending = False

    # ------------------------------------------------------------------------ the keys

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        # focus and bindings change several times as a meeting opens: one look is enough
        if not screen.app.app_focus or self._update_pending:
            return
        if self.is_attached and screen is self.screen:
            self._update_pending = True
            self.call_later(self._update_after_change)

    def _update_after_change(self) -> None:
        self._update_pending = False
        if self.is_attached:
            self.show_keys()

    def show_keys(self) -> None:
        """Take the keys the screen offers now; redraw only if what is shown changes."""
        width = self.size.width
        lines = len(self._layout(width)[0]) if width and self.shown is not None else None
        if not self._read_keys():
            return
        if width and lines == len(self._layout(width)[0]):
            self.refresh()
        else:
            self.refresh(layout=True)

    def _read_keys(self) -> bool:
        """Take the keys the screen offers now: whether they differ from those shown."""
        active = self.screen.active_bindings
        shown = [(b, enabled, tooltip) for (_, b, enabled, tooltip) in active.values() if b.show]
        signature: tuple[object, ...] = tuple(
            (b.key, b.action, b.description, b.group, enabled, tooltip, self.app.get_key_display(b))
            for b, enabled, tooltip in shown
        )
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None:
            _, binding, enabled, _ = palette
            signature += ((binding.key, "palette", enabled, self.app.get_key_display(binding)),)
        if signature == self.shown:
            return False
        self.shown = signature
        self.units, self.actions = _units(self.app, shown)
        self.palette = ()
        if palette is not None:
            _, binding, enabled, _ = palette
            self.palette = _palette_unit(self.app, binding, enabled)
            self.actions[binding.key] = binding.action
        self._laid_out = None
        self.hover = None
        return True

    # ------------------------------------------------------------------------ layout

    def _layout(self, width: int) -> tuple[list[list[Spot]], list[Text]]:
        """The keys shared between lines at this width: the clickable spots and the plain lines."""
        if self.shown is None and self.is_attached:  # laid out before the first look
            self._read_keys()
        if self._laid_out is not None and self._laid_out[0] == width:
            return self._laid_out[1], self._laid_out[2]
        lines: list[list[Piece]] = [[]]
        room = width - PALETTE_WIDTH if self.palette else width
        used = 0
        for unit in self.units:
            unit_width = _unit_width(unit)
            if used + unit_width > room and lines[-1]:
                lines.append([])
                room, used = width, 0
            lines[-1].extend(unit)
            used += unit_width
        if self.palette:
            first = lines[0]
            gap = width - _unit_width(first) - _unit_width(self.palette)
            first.append(Piece(" " * max(gap, 1), ""))
            first.extend(self.palette)
        spots: list[list[Spot]] = []
        for number, line in enumerate(lines):
            column = 0
            row: list[Spot] = []
            for piece in line:
                end = column + cell_len(piece.text)
                if piece.key:
                    row.append(Spot(number, column, end, piece, self.actions.get(piece.key, "")))
                column = end
            spots.append(row)
        texts = [Text("".join(p.text for p in line)) for line in lines]
        self._laid_out = (width, spots, texts)
        self._pieces = lines
        return spots, texts

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._layout(width)[0])

    def render(self) -> Text:
        self._layout(self.size.width)
        styles = {
            "key": self.get_component_rich_style("footer-key--key"),
            "description": self.get_component_rich_style("footer-key--description"),
            "edge": self.get_component_rich_style("footer-key--edge"),
            "": Style(),
        }
        hover = self.get_component_rich_style("footer-key--hover")
        dim = Style(dim=True)
        text = Text(no_wrap=True, overflow="crop", end="")
        hovered = self._spot_at(*self.hover) if self.hover else None
        for number, line in enumerate(self._pieces):
            if number:
                text.append("\n")
            for piece in line:
                style = styles[piece.style]
                if not piece.enabled:
                    style += dim
                if piece.key and hovered and hovered.line == number and _same(hovered, piece):
                    style += hover
                text.append(piece.text, style)
        return text

    # ------------------------------------------------------------------------ the pointer

    def _spot_at(self, x: int, y: int) -> Spot | None:
        spots, _ = self._layout(self.size.width)
        if 0 <= y < len(spots):
            for spot in spots[y]:
                if spot.start <= x < spot.end:
                    return spot
        return None

    def key_spots(self) -> list[tuple[str, Region]]:
        """The action of every key shown and where it is on the screen."""
        spots, _ = self._layout(self.size.width)
        origin = self.content_region.offset
        return [
            (
                spot.action,
                Region(origin.x + spot.start, origin.y + spot.line, spot.end - spot.start, 1),
            )
            for line in spots[: self.content_region.height]
            for spot in line
        ]

    def on_mouse_down(self, event: events.MouseDown) -> None:
        spot = self._spot_at(event.x, event.y)
        if spot is None:
            return
        event.stop()
        if spot.piece.enabled:
            self.app.simulate_key(spot.piece.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        spot = self._spot_at(event.x, event.y)
        hover = None if spot is None else (spot.start, spot.line)
        if hover != self.hover:
            self.hover = hover
            self.tooltip = spot.piece.tooltip or None if spot else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self.hover is not None:
            self.hover = None
            self.tooltip = None
            self.refresh()


def _same(spot: Spot, piece: Piece) -> bool:
    """Whether a piece belongs to the spot under the pointer (a key and its description)."""
    return piece.key == spot.piece.key


def _unit_width(unit: Unit | list[Piece]) -> int:
    return sum(cell_len(p.text) for p in unit)


def _units(app, bindings: list[tuple[Binding, bool, str]]) -> tuple[list[Unit], dict[str, str]]:
    """The keys as Textual's compact Footer shows them (one per action, a group's keys
    together before its label), F-keys in number order first (a focused TextArea's own F6/F7
    would put Vote and Action ahead of F2), then the rest as given."""
    by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    for binding, enabled, tooltip in bindings:
        by_action[binding.action].append((binding, enabled, tooltip))
    units: list[tuple[tuple[int, int], Unit]] = []
    actions: dict[str, str] = {}
    for group, run in groupby(by_action.values(), lambda m: m[0][0].group):
        members = list(run)
        if group is not None and len(members) > 1:
            pieces = [Piece(" ", "")]
            for binding, enabled, tooltip in (m[0] for m in members):
                display = app.get_key_display(binding)
                pieces.append(
                    Piece(display, "key", binding.key, enabled, tooltip or binding.description)
                )
                actions[binding.key] = binding.action
            pieces += [Piece(" ", ""), Piece(group.description, "description"), Piece(" ", "")]
            units.append(((1, 0), tuple(pieces)))
            continue
        for binding, enabled, tooltip in (m[0] for m in members):
            display = app.get_key_display(binding)
            pieces = [Piece(display, "key", binding.key, enabled, tooltip)]
            if binding.description:
                pieces.append(
                    Piece(" " + binding.description, "description", binding.key, enabled, tooltip)
                )
            pieces.append(Piece(" ", ""))
            actions[binding.key] = binding.action
            key = binding.key
            order = (0, int(key[1:])) if key[:1] == "f" and key[1:].isdigit() else (1, 0)
            units.append((order, tuple(pieces)))
    units.sort(key=lambda u: u[0])  # stable: the rest keep their order
    return [unit for _, unit in units], actions


def _palette_unit(app, binding: Binding, enabled: bool) -> Unit:
    """The palette key, drawn at the right of the first line behind a thin border."""
    tooltip = binding.tooltip or binding.description
    display = app.get_key_display(binding)
    return (
        Piece("▏", "edge", binding.key, enabled, tooltip),
        Piece(display, "key", binding.key, enabled, tooltip),
        Piece(" " + binding.description, "description", binding.key, enabled, tooltip),
        Piece(" ", ""),
    )
