"""The Escape key told apart from the keys typed straight after it.

A terminal sends Escape as the byte that also begins Alt+key ("ESC b") and the codes of the
arrow and function keys ("ESC [ A", "ESC O P"). Textual reads an Escape with a key after it
in the same read as Alt+that key: a fast typist's (or a slow terminal's) Escape then Ctrl+N
became one key nobody pressed, and the clerk's Escape was lost, the words typed next going
into the resolution being left. clerk binds no Alt key, so here an Escape followed by
anything that cannot continue a key's code is the Escape key, then that key: it is handed
to the parser as the code a terminal reporting keys unambiguously sends for Escape
(ESC [ 27 u). An Escape at the end of what was read is held until the next read (the rest
of an arrow key's code) or until the parser's own delay has passed, and is the Escape key
then. Pasted text (between the terminal's paste marks) is passed on as it is.
"""

from __future__ import annotations

from textual import constants

ESC = "\x1b"
#: The Escape key as a terminal reporting keys unambiguously sends it (Textual reads it so).
ESCAPE_KEY = "\x1b[27u"
#: What may follow ESC in a key's or the terminal's code: CSI, SS3, OSC, DCS, APC, PM, ST.
_SEQUENCE = frozenset("[O]P_^\\")
_PASTE_START, _PASTE_END = "\x1b[200~", "\x1b[201~"


class Escapes:
    def __init__(self, delay: float | None = None) -> None:
        self.delay = constants.ESCAPE_DELAY if delay is None else delay
        self.held_at: float | None = None  # when an Escape ending a read was read
        self.pasting = False

    def feed(self, data: str, now: float) -> str:
        """`data` as the parser should read it."""
        if self.held_at is not None:
            data, self.held_at = ESC + data, None
        out: list[str] = []
        at = 0
        while at < len(data):
            if self.pasting:
                end = data.find(_PASTE_END, at)
                stop = len(data) if end < 0 else end + len(_PASTE_END)
                out.append(data[at:stop])
                self.pasting, at = end < 0, stop
                continue
            escape = data.find(ESC, at)
            if escape < 0:
                out.append(data[at:])
                break
            out.append(data[at:escape])
            at = escape + 1
            if at == len(data):
                self.held_at = now  # the rest of a code may come in the next read
            elif data.startswith(_PASTE_START, escape):
                out.append(_PASTE_START)
                self.pasting, at = True, escape + len(_PASTE_START)
            else:
                out.append(ESC if data[at] in _SEQUENCE else ESCAPE_KEY)
        return "".join(out)

    def due(self, now: float) -> str:
        """The held Escape, once nothing has followed it within the delay."""
        if self.held_at is not None and now - self.held_at >= self.delay:
            self.held_at = None
            return ESCAPE_KEY
        return ""
