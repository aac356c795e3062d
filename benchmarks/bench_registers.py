"""The registers on ten years of a large council (10,000 meetings), as ratios against
baselines measured in the same run.

    python benchmarks/bench_registers.py [--meetings 10000] [--runs 5]

The database is `benchmarks/generate.py`'s (built once, cached in benchmarks/results/).

1. Each register in process against bare sqlite3 reading the rows it is made of: the
   registers screen's `compute` (the reads and calls of `clerk register attendance|interests`
   and `clerk actions --open`) on a Store opened for it, against the same rows fetched on a
   plain sqlite3 connection opened for it (attendance: the committee's attendance and
   membership rows; interests and actions: the joined rows, exempt items left out, in order).
   Medians.
2. The registers screen, key to the register drawn (F2, F3, F4 in turn, each key posted to the
   driver as a terminal's key is; the clock stops at the first refresh after the register's
   first page is in the table), against the same register computed in process (section 1):
   what the thread, the pause that lets a name be typed, and the drawing add. Medians.
3. Keys while a register computes: Tab (the focus moves and is drawn) pressed while the
   interests or the open actions compute, against the same key with nothing computing.
   p50 and p99; the ratio of the p99s.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generated_db

HELD = "('in_progress', 'adjourned', 'ended', 'approved', 'confirmed')"
BARE = {
    "attendance": [
        f"""SELECT a.person_id, a.status, a.substitute_for, m.date
            FROM attendance a JOIN meetings m ON m.id = a.meeting_id
            WHERE m.committee_id = :committee AND m.status IN {HELD}""",
        "SELECT person_id, role, from_date, to_date FROM memberships "
        "WHERE committee_id = :committee",
    ],
    "interests": [
        """SELECT m.date, c.name, i.number, i.title, p.name, d.kind, d.capacity, d.nature,
                  d.action
           FROM declarations d
           JOIN meetings m ON m.id = d.meeting_id
           JOIN committees c ON c.id = m.committee_id
           JOIN people p ON p.id = d.person_id
           LEFT JOIN items i ON i.id = d.item_id
           WHERE (i.part IS NULL OR i.part != 'exempt')
           ORDER BY m.date, m.start_time, m.rowid, i.position, d.position, d.rowid"""
    ],
    "actions": [
        """SELECT c.name, m.date, i.number, i.title, a.text, a.lead, a.due, a.status
           FROM actions a
           JOIN meetings m ON m.id = a.meeting_id
           JOIN committees c ON c.id = m.committee_id
           JOIN items i ON i.id = a.item_id
           WHERE a.status != 'completed' AND i.part != 'exempt'
           ORDER BY c.name COLLATE NOCASE, m.date, m.rowid, i.position, a.position, a.rowid"""
    ],
}


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --------------------------------------------------------------------------- 1. in process


def newest_committee(db: Path) -> str:
    """The committee the screen opens on from the picker: the newest meeting's."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT committee_id FROM meetings ORDER BY date DESC, start_time DESC, rowid DESC"
        ).fetchone()[0]


def in_process(db: Path, runs: int) -> dict[str, tuple[float, float, int]]:
    """Per register: clerk's median ms, the bare median ms, and the rows of the register."""
    from clerk.store import Store
    from clerk.tui.screens.registers import Choice, Kind, compute

    committee_id = newest_committee(db)
    out = {}
    for kind in Kind:
        per_clerk, per_bare, rows = [], [], 0
        for _ in range(runs):
            start = time.perf_counter()
            conn = sqlite3.connect(str(db))
            for sql in BARE[kind.value]:
                conn.execute(sql, {"committee": committee_id}).fetchall()
            conn.close()
            per_bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            with Store(db) as store:
                committee = next(c for c in store.committees() if c.id == committee_id)
                register = compute(store, Choice(kind, committee))
            per_clerk.append(time.perf_counter() - start)
            rows = len(register.rows)
        out[kind.value] = (median_ms(per_clerk), median_ms(per_bare), rows)
    return out


# --------------------------------------------------------------------------- 2 and 3. the TUI


async def _on_screen(
    db: Path, runs: int
) -> tuple[dict[str, list[float]], list[float], list[float]]:
    from textual import events

    from clerk.tui.app import ClerkApp
    from clerk.tui.screens.registers import RegistersScreen

    drawn: list[float] = []
    original = RegistersScreen.show

    def timed(self: RegistersScreen, result) -> None:
        original(self, result)
        self.call_after_refresh(lambda: drawn.append(time.perf_counter()))

    RegistersScreen.show = timed  # type: ignore[method-assign]
    shown: dict[str, list[float]] = {"attendance": [], "interests": [], "actions": []}
    busy: list[float] = []
    idle: list[float] = []
    app = ClerkApp(db, None, cursor_blink=False)

    def post(key: str) -> float:
        event = events.Key(key, None)
        event.set_sender(app)
        assert app._driver is not None
        start = time.perf_counter()
        app._driver.send_message(event)
        return start

    async def tab() -> float:
        before = app.focused
        start = post("tab")
        while app.focused is before:
            await asyncio.sleep(0)
        moved: list[float] = []
        app.screen.call_after_refresh(lambda: moved.append(time.perf_counter()))
        while not moved:
            await asyncio.sleep(0)
        return moved[0] - start

    try:
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f6")
            screen = app.screen
            assert isinstance(screen, RegistersScreen)
            while not screen.settled:
                await asyncio.sleep(0.01)
            await pilot.pause()
            for _ in range(runs):
                for key, kind in (("f3", "interests"), ("f4", "actions"), ("f2", "attendance")):
                    drawn.clear()
                    start = post(key)
                    await asyncio.sleep(0.15)  # the thread has begun
                    if kind != "attendance":
                        for _ in range(4):
                            if screen.computing is None:
                                break
                            busy.append(await tab())
                    while not drawn:
                        await asyncio.sleep(0.001)
                    shown[kind].append(drawn[0] - start)
                    assert screen.shown is not None and screen.shown.choice.kind.value == kind
                    await pilot.pause(0.1)
                    for _ in range(4):
                        idle.append(await tab())
                    await pilot.pause()
    finally:
        RegistersScreen.show = original  # type: ignore[method-assign]
    return shown, busy, idle


# --------------------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = generated_db(args.meetings)
    with tempfile.TemporaryDirectory(prefix="clerk-registers-") as name:
        db = Path(name) / "clerk.db"
        shutil.copy(source, db)  # the app's first open may write (a WAL, a checkpoint)
        with sqlite3.connect(db) as conn:
            meetings = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
        print(f"{meetings} meetings, {db.stat().st_size >> 20} MB")
        computed = in_process(db, args.runs)
        shown, busy, idle = asyncio.run(_on_screen(db, args.runs))

    print(f"\n1. each register in process against bare sqlite3 (medians of {args.runs})")
    for kind, (clerk, bare, rows) in computed.items():
        print(
            f"   {kind:10} {rows:5} rows  clerk {clerk:7.1f} ms  bare {bare:6.1f} ms"
            f"  ratio {clerk / bare:5.1f}"
        )
    print("\n2. the screen, key -> register drawn, against computing it in process (medians)")
    for kind, times in shown.items():
        on_screen, alone = median_ms(times), computed[kind][0]
        print(
            f"   {kind:10} screen {on_screen:7.1f} ms  in process {alone:7.1f} ms"
            f"  ratio {on_screen / alone:4.2f}"
        )
    print("\n3. Tab (focus moved and drawn) while a register computes, against idle")
    b50, b99 = percentile(busy, 0.5) * 1000, percentile(busy, 0.99) * 1000
    i50, i99 = percentile(idle, 0.5) * 1000, percentile(idle, 0.99) * 1000
    print(f"   computing: {len(busy)} keys, p50 {b50:.1f} ms, p99 {b99:.1f} ms")
    print(f"   idle:      {len(idle)} keys, p50 {i50:.1f} ms, p99 {i99:.1f} ms")
    print(f"   ratio of p99s {b99 / i99:.1f}")


if __name__ == "__main__":
    main()
