"""The terminal driver: Textual's, with Escape read as Escape however busy the app is.

A terminal sends the Escape key as the byte that also begins Alt+key and the arrow keys'
codes, so a reader must wait a moment (Textual: ESCDELAY, 100 ms) to know which it was; if
more keys are read with the Escape, it is taken as part of them (Textual then types a "^").
Two things in Textual's input thread made that happen to an Escape pressed well apart from
the keys after it:

- it checked whether the moment had passed only when its wait for input timed out, so keys
  arriving later were read before the Escape was settled: here the time is checked first;
- it handed each key to the app separately, each hand-over waiting for the app's thread to
  let go of the interpreter: a burst of a thousand keys kept it from reading for a second
  or more, and the Escape and the keys typed after it were then read together. Here the
  keys of one read go to the app in one hand-over, in order.

An Escape with keys straight after it in the same read is the Escape key, then those keys,
unless they continue a key's code (clerk.tui.escapes).

And a terminal that is gone (a read gives nothing, or fails) is a hang-up: the thread stops
reading and the app is sent the SIGHUP a closed terminal sends, so that it saves and ends
(clerk.tui.app's hang-up). The kernel's own SIGHUP does not always come: under `make demo`,
make catches it and waits for clerk, and Textual's thread read nothing from the dead
terminal forever, at half a CPU, with the demo's scratch folder left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import selectors
import signal
import time
from codecs import getincrementaldecoder

from textual._loop import loop_last
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from clerk.tui.escapes import Escapes


class ClerkDriver(LinuxDriver):
    _batch: list[Message] | None = None

    def send_message(self, message: Message) -> None:
        if self._batch is not None:  # inside one read: sent with the others, in order
            self._batch.append(message)
            return
        super().send_message(message)

    async def _post_all(self, messages: list[Message]) -> None:
        for message in messages:
            await self._app._post_message(message)

    def _send_batch(self, events: list) -> None:
        self._batch = []
        try:
            for event in events:
                self.process_message(event)  # LinuxDriver's own handling, then send_message
            batch = self._batch
        finally:
            self._batch = None
        if batch:
            asyncio.run_coroutine_threadsafe(self._post_all(batch), loop=self._loop)

    def run_input_thread(self) -> None:
        """LinuxDriver.run_input_thread (Textual 8.2), but for the two changes above."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        escapes = Escapes()

        gone = False

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            nonlocal gone
            # an Escape whose moment has passed is an Escape, before anything read now
            held = escapes.due(time.monotonic())
            events = list(parser.feed(held)) if held else []  # feed("") ends the input
            events.extend(parser.tick())
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    try:
                        read = os.read(fileno, 1024 * 4)
                    except OSError:  # EIO: the terminal is gone
                        read = b""
                    if not read:
                        gone = True
                        break
                    data = decode(read, final=final and last)
                    if not data:  # the first bytes of a character: the rest comes next
                        continue
                    data = escapes.feed(data, time.monotonic())
                    if data:  # an Escape ending the read is held: nothing else came
                        events.extend(parser.feed(data))
            events.extend(parser.tick())
            self._send_batch(events)

        try:
            while not self.exit_event.is_set() and not gone:
                process_selector_events(selector.select(0.1))
            if gone:
                os.kill(os.getpid(), signal.SIGHUP)  # as the terminal's own hang-up
                return
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            with contextlib.suppress(Exception):
                for _event in parser.feed(""):
                    pass
