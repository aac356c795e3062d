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
have. And the app hands such a widget the next key only once the last has taken effect
(`keys_taken`, called from ClerkApp.on_event): a key that moves the focus has moved it
before the app decides where the next key goes — otherwise the keys typed after Escape went
to the item's record while the Escape still waited in the composer, and were lost.

Priority bindings run in the app as soon as it reads their key, before the keys typed just
before them have been handled by the widget they were handed to. A command that must come
after them (the next item, a new resolution, quit) is run through `after_typing`: it travels
behind those keys, through the queue of the widget that has them (and on, if that widget
passes them on), and runs when it comes out.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.app import App
from textual.message import Message

from clerk.errors import ClerkError

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object  # a mixin: a Widget base here would upset Textual's component classes


class AfterTyping(Message, bubble=False):
    """A command waiting for the keys typed before it (see `after_typing`)."""

    def __init__(self, callback: Callable[[], Any]) -> None:
        super().__init__()
        self.callback = callback


def after_typing(app: App, callback: Callable[[], Any]) -> None:
    """Run `callback` once the keys the app has handed on so far have taken effect.

    It goes to the widget the last key was handed to (the app notes it: ClerkApp.on_event),
    which is not always the one with the focus now: that widget may already have moved the
    focus on, with keys still waiting in its queue."""
    target = getattr(app, "keys_went_to", None) or app.focused
    if isinstance(target, KeysInOrder) and target.is_attached:
        target.post_message(AfterTyping(callback))
    else:  # keys went to a widget that handles them as it receives them
        app.call_later(callback)


#: Seconds the app waits for a key to take effect before handing on the next regardless.
KEY_TIMEOUT = 1.0


ActionT = TypeVar("ActionT", bound=Callable[..., Any])


def waits_for_typing(action: ActionT) -> ActionT:
    """For a screen's command key (a priority binding, run as it arrives): run the command
    once the keys typed before it have taken effect. A database that refuses what it does
    is said (the app's `refused`), as for any key."""

    @functools.wraps(action)
    def deferred(screen: Any, *args: Any, **kwargs: Any) -> None:
        def run() -> None:
            try:
                action(screen, *args, **kwargs)
            except ClerkError as exc:
                screen.app.refused(exc)

        after_typing(screen.app, run)

    return deferred  # type: ignore[return-value]


class KeysTaken(Message, bubble=False):
    """Says, by being handled, that the keys handed to the widget before it have taken effect."""

    def __init__(self, done: asyncio.Future[None]) -> None:
        super().__init__()
        self.done = done


class KeysInOrder(_Base):
    """Mix in before the widget class: `class Composer(KeysInOrder, TextArea)`."""

    async def keys_taken(self) -> None:
        """Wait (a little at most) until the keys handed to this widget have taken effect."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if not self.post_message(KeysTaken(done)):
            return  # the widget is closing: nothing more will be handled
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(done, KEY_TIMEOUT)

    def _on_keys_taken(self, message: KeysTaken) -> None:
        message.stop()
        if not message.done.done():
            message.done.set_result(None)

    async def _on_after_typing(self, message: AfterTyping) -> None:
        message.stop()
        focused = self.app.focused
        if focused is not self and isinstance(focused, KeysInOrder):
            # the keys before it were passed on to where the focus went: so is the command
            focused.post_message(AfterTyping(message.callback))
            return
        result = message.callback()
        if inspect.isawaitable(result):
            await result

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
        if event.is_printable and self.check_consume_key(event.key, event.character):
            return  # a character the widget types: no binding is looked for (most keys)
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
