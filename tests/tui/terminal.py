"""Keys as a fast typist and a slow terminal deliver them: all at once, nothing awaited.

`Pilot.press` waits for the app to go idle after every key, which hides every bug of order
(a key handled before the keys typed just before it). `burst` hands the keys to the app the
way its terminal driver does, one event after another with no pause, so the app must cope
with a whole paragraph and the Enter after it arriving before it has handled the first key.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from textual import events
from textual.app import App
from textual.keys import (
    KEY_NAME_REPLACEMENTS,
    REPLACED_KEYS,
    _character_to_key,
    _get_unicode_name_from_key,
)


def key_names(text: str) -> list[str]:
    """The keys that type `text`."""
    return ["space" if c == " " else c for c in text]


async def burst(app: App, *keys: str) -> None:
    """Deliver keys as a terminal does: every event queued at once. A key is a name
    ("enter", "ctrl+n", "f3") or a single character; `typed(text)` spells out text."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        await app._post_message(event)


def key_event(key: str) -> events.Key:
    """The event the terminal driver makes for a key: a character is its own character
    (as Textual's xterm parser makes it: "—" is typed, where Pilot.press drops it); a named
    key as Textual's pilot makes it."""
    if len(key) == 1:
        name = key if key.isalnum() else _character_to_key(key)
        return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def typed(text: str) -> list[str]:
    return key_names(text)


async def type_text(pilot, text: str) -> None:
    """Type `text` as a terminal delivers it, every key at once, then wait until all of them
    are handled. (`pilot.press` waits for the app to go idle after each key: a second for
    every ten characters, and nothing like a terminal.)"""
    await burst(pilot.app, *typed(text))
    await settled(pilot)


async def paste(app: App, text: str) -> None:
    event = events.Paste(text)
    event.set_sender(app)
    await app._post_message(event)


def stored_paragraphs(path: Path, meeting_id: str) -> dict[str, list[str]]:
    """Each item's paragraphs (by item number) as the database holds them, read through a
    connection of its own."""
    return stored(path, meeting_id, "paragraphs")


def stored_resolutions(path: Path, meeting_id: str) -> dict[str, list[str]]:
    return stored(path, meeting_id, "resolutions")


def stored(path: Path, meeting_id: str, table: str) -> dict[str, list[str]]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            f"SELECT i.number, t.text FROM {table} t JOIN items i ON i.id = t.item_id "
            "WHERE t.meeting_id = ? ORDER BY i.position, t.position",
            (meeting_id,),
        ).fetchall()
    out: dict[str, list[str]] = {}
    for number, text in rows:
        out.setdefault(number, []).append(text)
    return out


async def settled(pilot, extra: float = 0.0) -> None:
    """Wait until every key delivered has been handled (the app, its screen and every widget
    with nothing left in its queue), then `extra` seconds more (SAVE_WITHIN, for a save
    due on the timer)."""
    app = pilot.app
    for _ in range(500):
        await pilot.pause()
        pumps = [app, *app.screen_stack, *(w for s in app.screen_stack for w in s.walk_children())]
        if all(p._message_queue.empty() for p in pumps):
            break
        await pilot.pause(0.01)
    if extra:
        await pilot.pause(extra)
