"""An Escape typed with keys straight after it (a fast typist, a slow terminal: one read)
is the Escape key, then those keys; the codes of arrow and function keys, and pasted text,
are read as ever."""

from __future__ import annotations

from textual._xterm_parser import XTermParser

from clerk.tui.escapes import ESCAPE_KEY, Escapes


def keys(*reads: str, gap: float = 0.0) -> list[str]:
    """The keys Textual's parser reads from these reads, `gap` seconds apart."""
    escapes, parser, out, now = Escapes(delay=0.1), XTermParser(False), [], 0.0
    for data in reads:
        for event in parser.feed(held) if (held := escapes.due(now)) else ():
            out.append(event.key)
        fed = escapes.feed(data, now)
        out += [e.key for e in parser.feed(fed)] if fed else []
        now += gap
    out += [e.key for e in parser.feed(escapes.due(now + 1))]
    return out


def test_escape_then_keys_in_one_read_are_each_key() -> None:
    assert keys("ab\x1b\x0ecd") == ["a", "b", "escape", "ctrl+n", "c", "d"]
    assert keys("ab\x1bcd") == ["a", "b", "escape", "c", "d"]
    assert keys("\x1b\x1b") == ["escape", "escape"]


def test_codes_that_begin_with_escape_are_read_as_ever() -> None:
    assert keys("a\x1b[Ab") == ["a", "up", "b"]
    assert keys("\x1bOP") == ["f1"]
    assert keys("a\x1b", "[B") == ["a", "down"]  # a code cut between two reads


def test_an_escape_ending_a_read_is_the_escape_key_once_nothing_follows() -> None:
    escapes = Escapes(delay=0.1)
    assert escapes.feed("ab\x1b", 0.0) == "ab"
    assert escapes.due(0.05) == ""
    assert escapes.due(0.1) == ESCAPE_KEY
    assert escapes.due(0.2) == ""
    assert keys("x\x1b", "y", gap=0.5) == ["x", "escape", "y"]


def test_pasted_text_is_passed_on_as_it_is() -> None:
    pasted = "\x1b[200~a\x1bb\x1b[201~"
    escapes = Escapes()
    assert escapes.feed(pasted + "\x1bc", 0.0) == pasted + ESCAPE_KEY + "c"
