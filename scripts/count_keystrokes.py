"""Keystrokes against characters: the standard parts of the 17 October 2019 meeting.

    python scripts/count_keystrokes.py

Records, through the real app (Textual's pilot, each key counted), the parts of the meeting
that clerk writes from a few keys: the roll call with a substitute, no declarations, the
minutes approved, each RESOLVED of the meeting, the end time. Then composes the minutes and
counts the characters those parts take there. Prints a table: keys pressed, characters in
the minutes, and how many characters each key gave.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.minutes.compose import compose_minutes
from clerk.minutes.document import Heading, Paragraph, Resolved
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from clerk.samples import read_sample
from clerk.store import Store
from clerk.tui.app import ClerkApp
from tests.tui.conftest import october_record

#: The items whose resolutions the clerk types (the minutes item's is one key).
RESOLVED_ITEMS = ("5", "7")


def typed(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def record_parts(db: Path, meeting_id: str) -> dict[str, int]:
    """Keys pressed for each part."""
    counts: dict[str, int] = {}
    sample = read_sample("fps-2019-10-17.json")
    resolutions = {
        item.number: [r.text for r in sample.resolutions_for(item.id)] for item in sample.items
    }
    app = ClerkApp(db, meeting_id, clock=lambda: datetime(2019, 10, 17, 19, 0))
    async with app.run_test(size=(120, 40)) as pilot:

        async def press(part: str, *keys: str) -> None:
            counts[part] = counts.get(part, 0) + len(keys)
            for key in keys:
                await pilot.press(key)
            await pilot.pause()

        # Glanz, Bright, Butler-Thalassis present; Noble for Carmen; Freeman, McAllister
        # present, Payne apologies, Short present; Councillor Acton also present
        await press("roll call", "f4", "p", "p", "p", "s", *typed("Noble"), "enter", "down")
        await press("roll call", "p", "p", "a", "p", "c", *typed("Acton"), "enter", "enter")
        await press("roll call", "escape")
        await press("no declarations", "ctrl+n", "ctrl+f")
        await press("minutes approved", "ctrl+n", "ctrl+s")
        for number in RESOLVED_ITEMS:
            await press("resolutions", "ctrl+l", *typed(number), "enter")
            for text in resolutions[number]:
                await press("resolutions", "f3", *typed(text.removeprefix("That ")), "enter")
        await press("end time", "f10", "ctrl+u", *typed("8.59 pm"), "enter")
        await pilot.press("ctrl+q")
    return counts


def characters(db: Path, meeting_id: str) -> dict[str, int]:
    """Characters of each part in the minutes composed from what was recorded, each block
    printed as the text minutes print it."""
    with Store(db) as store:
        record = store.load_record(meeting_id)
    document = compose_minutes(record, load_style(record.committee.style))
    parts: dict[str, int] = dict.fromkeys(
        ("roll call", "no declarations", "minutes approved", "resolutions", "end time"), 0
    )
    item = ""
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 5:
            item = block.text.split(".")[0]
            continue
        text = render_text(replace(document, blocks=(block,), marks=(), draft=False)).strip()
        if isinstance(block, Paragraph):
            if text.startswith(("Members Present", "Also present")) or item == "1":
                parts["roll call"] += len(text)
            elif item == "2":
                parts["no declarations"] += len(text)
            elif text.startswith("The Meeting ended"):
                parts["end time"] += len(text)
        elif isinstance(block, Resolved) and item == "3":
            parts["minutes approved"] += len(text)
        elif isinstance(block, Resolved) and item in RESOLVED_ITEMS:
            parts["resolutions"] += len(text)
    return parts


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "clerk.db"
        record = october_record()
        with Store(db) as store:
            store.save_record(record)
        keys = asyncio.run(record_parts(db, record.meeting.id))
        chars = characters(db, record.meeting.id)
    print(f"{'part':18} {'keys':>5} {'characters':>11} {'per key':>8}")
    for part, n in keys.items():
        print(f"{part:18} {n:5} {chars[part]:11} {chars[part] / n:8.1f}")
    total_keys, total_chars = sum(keys.values()), sum(chars.values())
    print(f"{'all':18} {total_keys:5} {total_chars:11} {total_chars / total_keys:8.1f}")


if __name__ == "__main__":
    main()
