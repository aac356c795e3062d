"""Opening the review screen on a large meeting (40 items, 60 members, 300 paragraphs),
against writing the same minutes to .docx, in the same run.

- review: `ClerkApp(..., review_as="chair")` under Textual's headless pilot at 120x40, from
  starting the app to the review screen showing every passage with its gutter and header
  (the store opened, the record loaded, the minutes composed, every line laid out and the
  first frame drawn);
- baseline: `compose_minutes` from the same record, then `render_docx` to a file (what
  `clerk minutes -f docx` spends after loading the record).

Each the median of interleaved runs, so machine noise hits both alike. Target: review <= 2x
the Word export (the chair waits no longer for the screen than for the document).

    python benchmarks/bench_review_screen.py [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_minutes_docx import ITEMS, MEMBERS, PARAGRAPHS, big_record
from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_docx import render_docx
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord
from clerk.store import Store

TARGET_RATIO = 2.0
SIZE = (120, 40)


async def _open_review(db: Path, meeting_id: str) -> tuple[float, int]:
    from clerk.tui.app import ClerkApp
    from clerk.tui.screens.review import ReviewScreen

    start = time.perf_counter()
    app = ClerkApp(db, meeting_id, cursor_blink=False, review_as="chair")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen), type(screen)
        lines = len(screen.view.lines)
        elapsed = time.perf_counter() - start
        await pilot.press("ctrl+q")
    return elapsed, lines


def open_review(db: Path, meeting_id: str) -> tuple[float, int]:
    return asyncio.run(_open_review(db, meeting_id))


def to_docx(record: MeetingRecord, path: Path) -> float:
    start = time.perf_counter()
    render_docx(compose_minutes(record, load_style("westminster")), path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    record = big_record()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "clerk.db"
        with Store(db, role="import") as store:
            store.save_record(record)
        meeting_id = record.meeting.id
        # warm-up: imports, the Word template, bytecode
        open_review(db, meeting_id)
        to_docx(record, folder / "warm.docx")
        review: list[float] = []
        word: list[float] = []
        lines = 0
        for _ in range(args.runs):
            elapsed, lines = open_review(db, meeting_id)
            review.append(elapsed)
            word.append(to_docx(record, folder / "minutes.docx"))
    r, w = statistics.median(review), statistics.median(word)
    ratio = r / w
    print(f"meeting: {ITEMS} items, {MEMBERS} members, {PARAGRAPHS} paragraphs -> {lines} lines")
    print(f"runs: {args.runs} (median)")
    print(f"  review screen open (pilot, 120x40): {r:.3f} s")
    print(f"  compose_minutes + render_docx:      {w:.3f} s")
    print(f"  ratio review / docx: {ratio:.2f}x")
    ok = ratio <= TARGET_RATIO
    print(f"target: <= {TARGET_RATIO:.0f}x the Word export: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
