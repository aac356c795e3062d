"""Key-to-row latency with PRAGMA synchronous = NORMAL and with FULL, in the same run.

    python benchmarks/bench_synchronous.py [--meetings 10000] [--entries 150] [--rounds 2]

The live screen commits every few keys. In WAL mode NORMAL writes each commit to the WAL and
syncs it only at checkpoints: a commit survives the process being killed (the WAL is in the
operating system's hands), and a power cut may lose the last commits but never corrupts the
file. FULL syncs the WAL at every commit: a power cut then loses nothing committed, at the
cost of an fsync per commit. This runs bench_tui_latency's measurement (the real app, keys
posted as a terminal sends them, the clock stopped at the COMMIT) with each setting in turn,
NORMAL first, alternating for --rounds, on copies of the same database, and prints each
setting's p50 and p99 and FULL's as a ratio of NORMAL's. docs/reliability.md has the figures
and the choice; clerk.store.SYNCHRONOUS holds it.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import clerk.store
from benchmarks.bench_tui_latency import measure, percentile
from benchmarks.generate import generated_db
from clerk.samples import DEMO_MEETING, read_sample
from clerk.store import Store

SETTINGS = ("NORMAL", "FULL")


def one_run(source: Path, setting: str, entries: int) -> list[float]:
    """Every timed key's latency to its commit, in seconds, with `setting`."""
    clerk.store.SYNCHRONOUS = setting
    with tempfile.TemporaryDirectory(dir=source.parent) as folder:  # the same disk as ever
        db = Path(folder) / "clerk.db"
        shutil.copy(source, db)
        record = read_sample(DEMO_MEETING)
        with Store(db) as store:
            store.save_record(record)
        results, _ = asyncio.run(measure(db, record.meeting.id, entries))
    return [committed for pairs in results.values() for committed, _ in pairs]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    source = generated_db(args.meetings)
    times: dict[str, list[float]] = {s: [] for s in SETTINGS}
    for _ in range(args.rounds):
        for setting in SETTINGS:
            times[setting] += one_run(source, setting, args.entries)
    clerk.store.SYNCHRONOUS = "NORMAL"
    base50, base99 = percentile(times["NORMAL"], 0.5), percentile(times["NORMAL"], 0.99)
    print(f"key press -> committed row, {args.meetings} meetings, {args.rounds} rounds")
    for setting in SETTINGS:
        p50, p99 = percentile(times[setting], 0.5), percentile(times[setting], 0.99)
        print(
            f"  synchronous={setting:6}  n={len(times[setting]):4}  p50 {p50 * 1000:6.2f} ms"
            f"  p99 {p99 * 1000:6.2f} ms   ({p50 / base50:.2f}x / {p99 / base99:.2f}x NORMAL)"
        )


if __name__ == "__main__":
    main()
