"""What refusing changes to approved minutes costs each save: the live screen's paragraph
save (`Store.update`, one UPDATE and one journal row), with the guard in the journal against
the same save with the guard skipped, on the same database.

The guard reads the meeting's status by primary key inside the save's transaction. Each
figure is the median of interleaved rounds, so machine noise hits both sides alike; the
result is their ratio.

    python benchmarks/bench_review_guard.py [--saves 500] [--rounds 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.samples import read_sample
from clerk.store import Store


def _saves(store: Store, paragraph, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        paragraph = store.update(paragraph, text=f"The Committee noted the update {i}.")
    return (time.perf_counter() - start) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        record = read_sample("fps-2019-10-17.json")
        store.save_record(record)
        paragraph = record.paragraphs[0]
        guarded, bare = [], []
        guard = store._refuse_if_approved
        for _ in range(args.rounds):
            guarded.append(_saves(store, paragraph, args.saves))
            store._refuse_if_approved = lambda *a, **k: None  # type: ignore[method-assign]
            bare.append(_saves(store, paragraph, args.saves))
            store._refuse_if_approved = guard  # type: ignore[method-assign]
        store.close()
    g, b = statistics.median(guarded), statistics.median(bare)
    print(f"save with the guard:    {g * 1e6:8.1f} µs")
    print(f"save without the guard: {b * 1e6:8.1f} µs")
    print(f"ratio: {g / b:.3f}")


if __name__ == "__main__":
    main()
