"""Latency from the key press that records an entry to its committed row, with 10,000 meetings.

    python benchmarks/bench_tui_latency.py [--meetings 10000] [--entries 300]

Runs the real app headless (App.run_test) on a copy of a database of 10,000 generated meetings
plus the sample meeting, presses keys through the pilot and, after each press, reads the row
back through a second SQLite connection (so only committed rows count). Prints p50 and p99
per kind of entry. Target: p99 <= 10 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generated_db
from clerk.samples import DEMO_MEETING, read_meeting_file, sample_dir
from clerk.store import Store
from clerk.tui.app import ClerkApp


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(db: Path, meeting_id: str, entries: int) -> dict[str, list[float]]:
    check = sqlite3.connect(db)
    results: dict[str, list[float]] = {"first key (new paragraph)": [], "enter (paragraph)": []}
    results["roll call key (attendance)"] = []
    app = ClerkApp(db, meeting_id, clock=lambda: datetime(2019, 11, 25, 19, 0))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        def count(sql: str, *args) -> int:
            return check.execute(sql, args).fetchone()[0]

        for n in range(entries):
            text = f"Paragraph {n} was typed"
            before = count("SELECT count(*) FROM paragraphs WHERE meeting_id = ?", meeting_id)
            start = time.perf_counter()
            await pilot.press(text[0])
            while (
                count("SELECT count(*) FROM paragraphs WHERE meeting_id = ?", meeting_id) == before
            ):
                await asyncio.sleep(0)
            results["first key (new paragraph)"].append(time.perf_counter() - start)
            await pilot.press(*["space" if c == " " else c for c in text[1:]])
            start = time.perf_counter()
            await pilot.press("enter")
            while not count("SELECT count(*) FROM paragraphs WHERE text = ?", text):
                await asyncio.sleep(0)
            results["enter (paragraph)"].append(time.perf_counter() - start)

        await pilot.press("f4")
        members = len(app.session.members())
        for n in range(entries):
            if n % members == 0:
                await pilot.press("pageup")
            key = "pa"[n // members % 2]
            status = {"p": "present", "a": "apologies"}[key]
            row = app.screen.query_one("#rollcall").cursor_row
            person_id = app.screen.row_ids[row]
            start = time.perf_counter()
            await pilot.press(key)
            while not count(
                "SELECT count(*) FROM attendance WHERE person_id = ? AND meeting_id = ? "
                "AND status = ?",
                person_id,
                meeting_id,
                status,
            ):
                await asyncio.sleep(0)
            results["roll call key (attendance)"].append(time.perf_counter() - start)
        await pilot.press("ctrl+q")
    check.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=300)
    args = parser.parse_args()
    source = generated_db(args.meetings)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "clerk.db"
        shutil.copy(source, db)
        record = read_meeting_file(sample_dir() / DEMO_MEETING)
        store = Store(db)
        try:
            store.save_record(record)
            meetings = len(store.list_meetings())
        finally:
            store.close()
        results = asyncio.run(measure(db, record.meeting.id, args.entries))
    print(f"key press -> committed row, {meetings} meetings in the database")
    worst = 0.0
    for kind, values in results.items():
        p50, p99 = percentile(values, 0.5) * 1000, percentile(values, 0.99) * 1000
        worst = max(worst, p99)
        print(f"  {kind:30} n={len(values):4}  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms")
    print(f"worst p99 {worst:.2f} ms (target <= 10 ms): {'OK' if worst <= 10 else 'OVER'}")
    everything = [v for vs in results.values() for v in vs]
    print(f"(median of all: {statistics.median(everything) * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
