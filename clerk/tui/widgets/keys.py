"""Keys that take effect in the order they were typed, however fast they come.

Textual hands each key to the focused widget's queue. A widget types what it types at once,
but its key bindings (Backspace, Home, the arrows, Enter in a list, Escape) run only when the
key has bubbled up to the app through the queue of every container on the way — by which
time the keys typed after it have been handled. In a burst (a fast typist, a paste, a slow
or remote terminal, a busy machine) "ab<Backspace>c" came out "ab", and keys typed after
a key that moves the focus (Escape, Ctrl+L, Enter on an entry) reached the widget the focus
had left and were lost.

A widget with `KeysInOrder` runs every binding of its own, its screen's and the app's (the
screen's binding chain, the user's keymap applied) when the key reaches it, and passes a key
that reaches it after the focus has moved on to where the focus now is, as the app would
have. Priority bindings are not touched: the app runs them before it hands the key on (the
live screen makes those wait for the keys before them: screens/live.py, `after_typing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object  # a mixin: a Widget base here would upset Textual's component classes


class KeysInOrder(_Base):
    """Mix in before the widget class: `class Composer(KeysInOrder, TextArea)`."""

    async def key_first(self, event: events.Key) -> bool:
        """What the widget does with a key before any binding (True: the key is used)."""
        return False

    async def _on_key(self, event: events.Key) -> None:
        focused = self.app.focused
        if focused is not self:
            # sent here before the focus moved on: it belongs where the focus is now
            event.stop()
            event.prevent_default()
            target = focused if focused is not None else self.app.screen
            target._forward_event(events.Key(event.key, event.character))
            return
        if await self.key_first(event):
            event.stop()
            event.prevent_default()
            return
        # the binding chain from this widget up (less the keys it types itself)
        for namespace, bindings in self.screen._binding_chain:
            for binding in bindings.key_to_bindings.get(event.key, ()):
                if binding.priority:
                    continue  # the app ran it before the key was sent here
                if await self.app.run_action(binding.action, namespace):
                    event.stop()
                    event.prevent_default()
                    return
        # a key no binding takes: the widget's own handler (a text area types it) runs next
