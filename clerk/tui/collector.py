"""Short garbage collections in a long-running app.

Python's full collections walk every object alive, and a running app holds a great many
that live as long as it does (modules, classes, the screens, the store): each full
collection paused the app 25 to 60 ms, some seconds apart, in the middle of whatever a
key was doing (a search's results, a word typed). Once the first screen is drawn and
filled, what is alive then is collected and set out of the collector's reach; what is made
later is collected as ever. Given back when the app stops, so that another app in the
same process (a test's) is not left with this one's objects beyond collection.

Before that, from the command's start to the first frame (`hold`), nothing is collected
at all: importing Textual and the store and building the first screen make hundreds of
thousands of objects that live on, and collections walking them over and over were a
twentieth of the time to the first frame. What start-up leaves as garbage is collected
with the rest at the freeze.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

#: Seconds after the first frame: after what the screens defer to just after it, and never
#: in the frame itself (the startup benchmark stamps it).
FREEZE_AFTER = 0.25


def hold() -> None:
    """No collections until the app's first frame (or until it stops, if it never draws)."""
    gc.disable()


def freeze_once_drawn(app: App) -> None:
    app.call_after_refresh(app.set_timer, FREEZE_AFTER, lambda: _freeze(app))


def _freeze(app: App) -> None:
    if app.is_running:
        gc.collect()
        gc.freeze()
    gc.enable()


def unfreeze() -> None:
    gc.unfreeze()
    gc.enable()
