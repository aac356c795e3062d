"""The chair's Word copy read back, and the version difference written, for a large meeting.

The meeting is bench_minutes_docx's: 40 items, 60 members, 300 minute paragraphs. The chair's
copy has 100 tracked changes (a word replaced in each of 100 paragraphs, each a w:del and a
w:ins with author and date). Three timings, each the median of interleaved runs so machine
noise hits all sides alike:

- render: `render_docx` of the composed minutes (what `clerk minutes -f docx` spends), the
  baseline;
- read back: `read_chair_docx` of the chair's copy against the minutes it was made from
  (what the review command spends reading a chair's copy with `--from FILE.docx`);
- diff: `render_diff_docx` of the version before those 100 changes and the one after (what
  the diff command spends with `-f docx`).

Targets: read back <= 3x render, diff <= 3x render (it renders both versions).

    python benchmarks/bench_chair_docx.py [--runs 7]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_minutes_docx import ITEMS, PARAGRAPHS, big_record
from clerk.minutes.chair_docx import ChairChangeKind, read_chair_docx
from clerk.minutes.compose import compose_minutes
from clerk.minutes.diff_docx import render_diff_docx
from clerk.minutes.document import MinutesDocument
from clerk.minutes.render_docx import render_docx
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord

CHANGES = 100
TARGET_READ, TARGET_DIFF = 3.0, 3.0


def chaired(record: MeetingRecord) -> MeetingRecord:
    """The record with one word replaced in each of CHANGES paragraphs."""
    edited = copy.deepcopy(record)
    step = max(1, len(edited.paragraphs) // CHANGES)
    for paragraph in edited.paragraphs[::step][:CHANGES]:
        words = paragraph.text.split(" ")
        words[len(words) // 2] = "amended"
        paragraph.text = " ".join(words)
    return edited


def compose(record: MeetingRecord) -> MinutesDocument:
    return compose_minutes(record, load_style("westminster"), draft=True)


def _time(fn: Callable[[], object], samples: list[float]) -> None:
    start = time.perf_counter()
    fn()
    samples.append(time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    import docx  # noqa: F401  (import cost paid once, outside the timings, as in the CLI)

    record = big_record()
    draft = compose(record)
    revised = compose(chaired(record))
    when = datetime(2019, 10, 24, 10, 15, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        # The chair's copy: the draft with the chair's 100 changes tracked.
        copy_path = out / "chair.docx"
        render_diff_docx(draft, revised, copy_path, author="Chairman", date=when)
        read = read_chair_docx(copy_path, draft)
        replaced = sum(1 for c in read if c.kind is ChairChangeKind.REPLACE)
        print(
            f"meeting: {ITEMS} items, {PARAGRAPHS} paragraphs -> {len(draft.blocks)} blocks; "
            f"chair's copy read back as {len(read)} changes ({replaced} replace)"
        )
        if replaced != CHANGES:
            print(f"expected {CHANGES} replaced passages, read {replaced}")
            return 1

        times: dict[str, list[float]] = {"render": [], "read": [], "diff": []}
        render_docx(draft, out / "warm.docx")
        for _ in range(args.runs):
            _time(lambda: render_docx(draft, out / "render.docx"), times["render"])
            _time(lambda: read_chair_docx(copy_path, draft), times["read"])
            _time(
                lambda: render_diff_docx(draft, revised, out / "diff.docx", date=when),
                times["diff"],
            )

    median = {k: statistics.median(v) for k, v in times.items()}
    read_ratio = median["read"] / median["render"]
    diff_ratio = median["diff"] / median["render"]
    print(f"runs: {args.runs} (median)")
    print(f"  render_docx (baseline):          {median['render']:.3f} s")
    print(f"  read_chair_docx, {CHANGES} changes:    {median['read']:.3f} s  ({read_ratio:.2f}x)")
    print(f"  render_diff_docx:                {median['diff']:.3f} s  ({diff_ratio:.2f}x)")
    ok = read_ratio <= TARGET_READ and diff_ratio <= TARGET_DIFF
    print(
        f"target: read back <= {TARGET_READ:.0f}x render, diff <= {TARGET_DIFF:.0f}x render: "
        f"{'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
