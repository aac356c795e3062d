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

from benchmarks.generate import generated_db  # noqa: E402
from clerk.store import Store  # noqa: E402

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
    shown = subprocess.run(clerk + ["--json"], capture_output=True, text=True, check=True).stdout
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

    cmd_clerk, cmd_bare, fn_store, fn_bare = [], [], [], []
    for _ in range(args.runs):
        cmd_clerk.append(timed(run_clerk))
        if sqlite_cli:
            cmd_bare.append(timed(run_sqlite_cli))
        fn_store.append(timed(in_store))
        fn_bare.append(timed(bare))
    store.close()
    conn.close()

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:8.2f} ms"

    print(f"\n{args.meetings} meetings, median of {args.runs} runs")
    print(f"in process  Store.list_meetings(limit=50)  {ms(fn_store)}")
    print(f"            bare sqlite3 query             {ms(fn_bare)}")
    print(f"            ratio                          {statistics.median(fn_store) / statistics.median(fn_bare):8.2f}x")
    print(f"command     clerk meetings --limit 50      {ms(cmd_clerk)}")
    if sqlite_cli:
        print(f"            sqlite3 DB QUERY               {ms(cmd_bare)}")
        print(f"            ratio                          {statistics.median(cmd_clerk) / statistics.median(cmd_bare):8.2f}x")
    else:
        print("            (no sqlite3 command-line shell on this machine: apt-get install sqlite3)")


if __name__ == "__main__":
    main()
