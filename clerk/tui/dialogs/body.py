"""What the live meeting's dialogs share: a scrolling body under a fixed foot of keys."""

from __future__ import annotations

from textual.containers import VerticalScroll


class DialogBody(VerticalScroll, can_focus=False):
    """A dialog's fields, scrolling on a short terminal; Tab and the first focus go to the fields
    themselves, not to this container."""


# On a short terminal the fields scroll (to the one focused) while the foot, what the clerk must
# not miss (the keys, a refusal, what the minutes will say), stays in view below them.
BODY_AND_FOOT_CSS = """
.dialog-body {
    height: auto;
    max-height: 1fr;
}
.dialog-foot {
    dock: bottom;
    height: auto;
}
"""
