"""Ten years of a large council (10,000 meetings): the picker, search and memory, as ratios
against baselines measured in the same run.

    python benchmarks/bench_decade.py [--meetings 10000] [--runs 11]

The database is `benchmarks/generate.py`'s (built once, cached in benchmarks/results/): 25
committees, council prose on a decade's topics, declarations, actions, exempt items.

1. Picker open to first frame: `python -m clerk --db DB` (the meeting picker) against the bare
   Textual app of bench_tui_startup.py, each launched on its own 120x40 pseudo-terminal and
   stamped at its first refresh. Medians of alternating runs. Target <= 1.3.
2. `clerk search` in process against a bare sqlite3 FTS5 query for the same rows: per query,
   clerk.searching.search on a Store opened for it (the rows, ranked, with a snippet and the
   reference the minutes print, composed per meeting on the page) against the same SQL
   (MATCH, the joins to meeting, committee and item, snippet(), bm25 order, LIMIT) on a
   plain sqlite3 connection opened for it. Medians over several queries. Target <= 3.
3. The whole command against Python's own start-up: `clerk --db DB search QUERY` (the
   installed command, beside this Python) to exit against `python -c pass`. Medians. Target
   <= 3. For scale, `python -m clerk` the same, and two plain scripts printing the same
   rows: one running section 2's bare query, one the least a ranked search runs (bm25 over
   every match, the best 20 and their snippets).
4. Search in the TUI, key to results drawn: the search screen typing queries a key at a time
   (each key posted to the driver as a terminal's key is); the clock stops at the first
   refresh after the results for that key are in the list (drawn on the key, or from a
   thread for a word in nearly every row).
   p50 and p99 over every key. Target p99 <= 50 ms.
5. Peak memory of the TUI: a child process runs the app headless on the database, opens the
   picker, pages down through 1,000 meetings, searches, and opens a meeting; its peak
   resident set size (getrusage). Target <= 60 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tui_startup import BASELINE_APP, time_to_first_frame
from benchmarks.generate import generated_db

QUERIES = [
    "school streets",
    "housing company",
    '"temporary accommodation"',
    "cafe soho",
    "rough sleep*",
    "briefing note -completed",
    "district heating pimlico",
    "valuation",
]
TYPED = ["school streets", "housing company", "cafe licensing", "rough sleeping"]

BARE_SQL = """
    SELECT d.kind, d.row_id, d.meeting_id, m.date, c.name, d.item_id, i.number, i.title,
           i.part, snippet(search_index, 0, char(2), char(3), '…', 16)
    FROM search_index
    JOIN search_docs d ON d.doc = search_index.rowid
    JOIN meetings m ON m.id = d.meeting_id
    JOIN committees c ON c.id = m.committee_id
    LEFT JOIN items i ON i.id = d.item_id
    WHERE search_index MATCH ? AND (d.kind = 'item' OR i.part IS NULL OR i.part != 'exempt')
    ORDER BY search_index.rank, m.date DESC, search_index.rowid
    LIMIT 20
"""


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --------------------------------------------------------------------------- 1. the picker


def picker_first_frame(db: Path, folder: Path, runs: int) -> tuple[float, float]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEXTUAL", "CLERK_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        TERM="xterm-256color", COLORTERM="truecolor", PYTHONPYCACHEPREFIX=str(folder / "pyc")
    )
    baseline = folder / "baseline.py"
    baseline.write_text(BASELINE_APP)
    probe = folder / "probe"
    commands = {
        "clerk": [sys.executable, "-m", "clerk", "--db", str(db)],
        "baseline": [sys.executable, str(baseline)],
    }
    for command in commands.values():  # compiles the bytecode; not timed
        time_to_first_frame(command, probe, env)
    times: dict[str, list[float]] = {side: [] for side in commands}
    for _ in range(runs):
        for side, command in commands.items():
            times[side].append(time_to_first_frame(command, probe, env))
    return median_ms(times["clerk"]), median_ms(times["baseline"])


# --------------------------------------------------------------------------- 2. in process


def search_in_process(db: Path, runs: int) -> tuple[float, float, list[str]]:
    from clerk.searching import search
    from clerk.store import Store

    clerk_times: list[float] = []
    bare_times: list[float] = []
    notes = []
    for query in QUERIES:
        from clerk.store.search import match_expression

        expression = match_expression(query)
        per_clerk, per_bare = [], []
        for _ in range(runs):
            start = time.perf_counter()
            conn = sqlite3.connect(str(db))
            rows = conn.execute(BARE_SQL, (expression,)).fetchall()
            conn.close()
            per_bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            with Store(db) as store:
                hits = search(store, query, limit=20)
            per_clerk.append(time.perf_counter() - start)
            assert [h.row.row_id for h in hits] == [r[1] for r in rows], query
        clerk_times.append(statistics.median(per_clerk))
        bare_times.append(statistics.median(per_bare))
        notes.append(
            f"    {query!r:32} {len(rows):3} rows  clerk {median_ms(per_clerk):6.1f} ms"
            f"  bare {median_ms(per_bare):6.1f} ms"
        )
    return sum(clerk_times) * 1000, sum(bare_times) * 1000, notes


# --------------------------------------------------------------------------- 3. the command


#: A plain script printing the same 20 rows: section 2's bare query, or ("r") the least a
#: ranked search must run (FTS5's bm25 over every match, the best 20, their snippets).
BARE_SCRIPT = f"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
sql = {BARE_SQL!r} if len(sys.argv) < 4 else (
    "SELECT rowid, snippet(search_index, 0, char(2), char(3), '…', 16) FROM search_index "
    "WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT 20"
)
for row in conn.execute(sql, (sys.argv[2],)):
    print(*row)
"""


def whole_command(db: Path, runs: int, folder: Path) -> dict[str, float]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CLERK_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pyc")
    from clerk.store.search import match_expression

    bare = folder / "bare_search.py"
    bare.write_text(BARE_SCRIPT)
    clerk = str(Path(sys.executable).with_name("clerk"))  # the command the clerk types
    commands = {
        "clerk": [clerk, "--db", str(db), "search", "school streets"],
        "rare": [clerk, "--db", str(db), "search", "valuation"],
        "module": [sys.executable, "-m", "clerk", "--db", str(db), "search", "school streets"],
        "python": [sys.executable, "-c", "pass"],
        "bare": [sys.executable, str(bare), str(db), match_expression("school streets")],
        "ranked": [sys.executable, str(bare), str(db), match_expression("school streets"), "r"],
    }
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True, env=env)
    times: dict[str, list[float]] = {side: [] for side in commands}
    for _ in range(runs):
        for side, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            times[side].append(time.perf_counter() - start)
    return {side: median_ms(values) for side, values in times.items()}


# --------------------------------------------------------------------------- 4. TUI search


def bare_typed(db: Path) -> list[float]:
    """The bare query for every prefix typed in section 4, for comparison."""
    from clerk.errors import ClerkError
    from clerk.store.search import match_expression

    conn = sqlite3.connect(str(db))
    times = []
    for query in TYPED:
        for n in range(1, len(query) + 1):
            try:
                expression = match_expression(query[:n])
            except ClerkError:
                continue
            start = time.perf_counter()
            conn.execute(BARE_SQL, (expression,)).fetchall()
            times.append(time.perf_counter() - start)
    conn.close()
    return times


async def _typed_latencies(db: Path) -> list[float]:
    from textual import events

    from clerk.tui.app import ClerkApp
    from clerk.tui.screens.search import SearchScreen

    drawn: list[float] = []
    original = SearchScreen.show_results

    def timed(self: SearchScreen, found) -> None:  # type: ignore[no-untyped-def]
        original(self, found)
        if self.shown is found:  # drawn: it answers what is in the box
            self.call_after_refresh(lambda: drawn.append(time.perf_counter()))

    SearchScreen.show_results = timed  # type: ignore[method-assign]
    latencies: list[float] = []
    app = ClerkApp(db, None, cursor_blink=False)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            for query in TYPED:
                for char in query:
                    key = "space" if char == " " else char
                    drawn.clear()
                    event = events.Key(key, " " if key == "space" else char)
                    event.set_sender(app)
                    assert app._driver is not None
                    start = time.perf_counter()
                    app._driver.send_message(event)
                    while not drawn:
                        await asyncio.sleep(0)
                    latencies.append(drawn[0] - start)
                    await pilot.pause()
                for _ in query:
                    await pilot.press("backspace")
                await pilot.pause()
    finally:
        SearchScreen.show_results = original  # type: ignore[method-assign]
    return latencies


# --------------------------------------------------------------------------- 5. memory

MEMORY_CHILD = """
import asyncio, sys
from pathlib import Path
from clerk.tui import collector
collector.hold()  # as `clerk` does: nothing collected before the first frame
from clerk.tui.app import ClerkApp

async def main(db):
    app = ClerkApp(Path(db), None, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(30):  # a page down at a time, 1,000 meetings and more
            await pilot.press("pagedown")
        await pilot.pause()
        await pilot.press("slash")
        for char in "school streets":
            await pilot.press("space" if char == " " else char)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LiveScreen", app.screen
        print(len(app.screen_stack), file=sys.stderr)

asyncio.run(main(sys.argv[1]))
"""


def peak_memory(db: Path, folder: Path) -> float:
    script = folder / "memory_child.py"
    script.write_text(MEMORY_CHILD)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLERK_", "TEXTUAL"))}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    process = subprocess.Popen(
        [sys.executable, str(script), str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"the memory run failed: {process.stderr.read().decode()}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


# --------------------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    source = generated_db(args.meetings)
    with tempfile.TemporaryDirectory(prefix="clerk-decade-") as name:
        folder = Path(name)
        db = folder / "clerk.db"
        shutil.copy(source, db)  # the picker's first open may write (a WAL, a checkpoint)
        with sqlite3.connect(db) as conn:
            meetings = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
            docs = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        print(f"{meetings} meetings, {docs} searchable rows, {db.stat().st_size >> 20} MB")

        picker, bare_app = picker_first_frame(db, folder, args.runs)
        clerk_search, bare_query, notes = search_in_process(db, args.runs)
        commands = whole_command(db, args.runs, folder)
        latencies = asyncio.run(_typed_latencies(db))
        bare_keys = bare_typed(db)
        peak = peak_memory(db, folder)

    def verdict(ok: bool) -> str:
        return "OK" if ok else "OVER"

    print(f"\n1. picker open -> first frame (median of {args.runs} alternating runs)")
    print(f"   bare Textual app {bare_app:7.1f} ms   clerk picker {picker:7.1f} ms")
    ratio = picker / bare_app
    print(f"   ratio {ratio:.2f} (target <= 1.3): {verdict(ratio <= 1.3)}")
    print("\n2. search in process, Store + rows + references, against bare sqlite3 FTS5")
    for line in notes:
        print(line)
    ratio = clerk_search / bare_query
    print(f"   all queries: clerk {clerk_search:.1f} ms, bare {bare_query:.1f} ms")
    print(f"   ratio {ratio:.2f} (target <= 3): {verdict(ratio <= 3)}")
    print("\n3. `clerk search` whole command against `python -c pass`")
    python, command = commands["python"], commands["clerk"]
    ratio = command / python
    print(f"   python {python:7.1f} ms   clerk search 'school streets' {command:7.1f} ms")
    print(f"   (clerk search 'valuation', a word in few rows: {commands['rare']:.1f} ms)")
    print(f"   (python -m clerk search 'school streets': {commands['module']:.1f} ms)")
    print(
        f"   (a plain script running section 2's bare query: {commands['bare']:.1f} ms, "
        f"{commands['bare'] / python:.2f}x; ranking with nothing else, no exempt filter, "
        f"date order or references: {commands['ranked']:.1f} ms, "
        f"{commands['ranked'] / python:.2f}x)"
    )
    print(f"   ratio {ratio:.2f} (target <= 3): {verdict(ratio <= 3)}")
    p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
    print(f"\n4. TUI search, key -> results drawn, {len(latencies)} keys")
    print(f"   p50 {p50:.1f} ms   p99 {p99:.1f} ms (target p99 <= 50 ms): {verdict(p99 <= 50)}")
    b50, b99 = percentile(bare_keys, 0.5) * 1000, percentile(bare_keys, 0.99) * 1000
    print(f"   (the bare sqlite3 query for the same prefixes: p50 {b50:.1f} ms, p99 {b99:.1f} ms)")
    print("\n5. TUI peak memory (picker, 1,000+ meetings paged, a search, a meeting opened)")
    print(f"   peak RSS {peak:.1f} MB (target <= 60 MB): {verdict(peak <= 60)}")


if __name__ == "__main__":
    main()
