"""`clerk meetings --limit 50` on 10,000 meetings, against a bare sqlite3 query for the same rows.

Two comparisons, each the median of interleaved runs so machine noise hits both sides alike:

- whole command: `clerk --db DB meetings --limit 50` as a process, against the `sqlite3`
  command-line shell running the same query (what a user waits for at the prompt);
- in process: `Store.list_meetings(limit=50)` against Python's sqlite3 executing that query
  on an open connection (what clerk's own code adds on top of SQLite).

    python benchmarks/bench_meetings.py [--meetings 10000] [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generated_db
from clerk.store import Store

# The same rows `clerk meetings` shows: the 50 newest meetings with committee name and counts.
QUERY = """
SELECT m.id, c.name, m.date, m.start_time, m.venue, m.status,
       (SELECT count(*) FROM items i WHERE i.meeting_id = m.id),
       (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id
          AND a.status IN ('present', 'substitute', 'deputy'))
FROM meetings m JOIN committees c ON c.id = m.committee_id
ORDER BY m.date DESC, m.start_time DESC, m.rowid DESC
LIMIT 50
"""


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    print(f"generating (or reusing) a database of {args.meetings} meetings ...", flush=True)
    db = generated_db(args.meetings)
    clerk = [sys.executable, "-m", "clerk", "--db", str(db), "meetings", "--limit", "50"]
    sqlite_cli = shutil.which("sqlite3")

    # Both sides must show the same meetings.
    shown = subprocess.run([*clerk, "--json"], capture_output=True, text=True, check=True).stdout
    with sqlite3.connect(db) as conn:
        expected = [row[0] for row in conn.execute(QUERY)]
    assert all(mid in shown for mid in expected), "clerk meetings shows other rows"

    def run_clerk() -> None:
        subprocess.run(clerk, capture_output=True, check=True)

    def run_sqlite_cli() -> None:
        subprocess.run([sqlite_cli, str(db), QUERY], capture_output=True, check=True)

    store = Store(db)
    conn = sqlite3.connect(db)

    def in_store() -> None:
        assert len(store.list_meetings(limit=50)) == 50

    def bare() -> None:
        assert len(conn.execute(QUERY).fetchall()) == 50

    for fn in (run_clerk, in_store, bare):
        fn()  # warm the page cache and imports
    if sqlite_cli:
        run_sqlite_cli()

    bare_python = [
        sys.executable,
        "-c",
        f"import sqlite3; print(sqlite3.connect({str(db)!r}).execute({QUERY!r}).fetchall())",
    ]

    def run_bare_python() -> None:
        subprocess.run(bare_python, capture_output=True, check=True)

    sides: dict[str, list[float]] = {
        "clerk": [],
        "sqlite3": [],
        "python": [],
        "store": [],
        "bare": [],
    }
    for _ in range(args.runs):
        sides["clerk"].append(timed(run_clerk))
        if sqlite_cli:
            sides["sqlite3"].append(timed(run_sqlite_cli))
        sides["python"].append(timed(run_bare_python))
        sides["store"].append(timed(in_store))
        sides["bare"].append(timed(bare))
    store.close()
    conn.close()

    med = {k: statistics.median(v) for k, v in sides.items() if v}

    def line(label: str, key: str, baseline: str | None = None) -> None:
        ratio = f"   {med[key] / med[baseline]:6.2f}x" if baseline else ""
        print(f"  {label:<46} {med[key] * 1000:8.2f} ms{ratio}")

    print(f"\n{args.meetings} meetings, median of {args.runs} interleaved runs")
    print("in process")
    line("bare sqlite3 query (baseline)", "bare")
    line("Store.list_meetings(limit=50)", "store", "bare")
    print("whole command")
    if sqlite_cli:
        line("sqlite3 DB QUERY (baseline)", "sqlite3")
    line(
        "python -c 'sqlite3 ... QUERY' (Python's floor)",
        "python",
        "sqlite3" if sqlite_cli else None,
    )
    line("clerk meetings --limit 50", "clerk", "sqlite3" if sqlite_cli else None)
    print(f"  clerk against Python's floor{'':<29}{med['clerk'] / med['python']:6.2f}x")


if __name__ == "__main__":
    main()
