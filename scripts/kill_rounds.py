"""Nothing typed more than a second before a crash is lost: SIGKILL rounds, CPU busy.

    python scripts/kill_rounds.py [--rounds 100] [--load 2] [--seed 1]

Each round starts `clerk open` in a real terminal (tmux, 120x40) on a fresh database, types
numbered sentences as a typist does (a burst a sentence, an Enter after some of them, a
pause or none between them), SIGKILLs the process at a random moment, and reads the
database back: every sentence sent to the terminal more than GRACE seconds before the kill
must be in it, in order, in the paragraph it was typed into. `--load N` keeps N processes
spinning on the CPU meanwhile (the machine here has two cores). Prints each round's count of
sentences due and missing, and exits 1 if any was missing.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.store import Store
from tests.e2e.terminal import Terminal
from tests.tui.conftest import october_record

GRACE = 1.0  # seconds: typing older than this at the kill must be in the database


@contextmanager
def cpu_load(processes: int) -> Iterator[None]:
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def one_round(folder: Path, rng: random.Random, session: str) -> tuple[int, list[str]]:
    """(sentences due, those missing) for one round."""
    db = folder / "clerk.db"
    record = october_record()
    with Store(db) as store:
        store.save_record(record)
    terminal = Terminal(session)
    try:
        terminal.start_clerk(db, record.meeting.id)
        pid = terminal.pid()
        sent: list[tuple[float, str]] = []
        kill_at = time.monotonic() + rng.uniform(1.5, 6.0)
        n = 0
        while time.monotonic() < kill_at:
            n += 1
            sentence = f"S{n:03d} the committee noted the report and asked for more."
            enter = rng.random() < 0.3
            terminal.burst(sentence + ("" if enter else " "), *(["Enter"] if enter else []))
            sent.append((time.monotonic(), sentence))
            time.sleep(rng.choice([0.0, 0.02, 0.1, 0.3]))
        killed = time.monotonic()
        os.kill(pid, signal.SIGKILL)
    finally:
        terminal.close()
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        texts = [t for (t,) in check.execute("SELECT text FROM paragraphs ORDER BY position")]
    stored = "\n".join(texts)
    due = [s for at, s in sent if at < killed - GRACE]
    missing = [s for s in due if s not in stored]
    # in order: each due sentence after the one before it
    position = 0
    for sentence in due:
        found = stored.find(sentence, position)
        if found < 0 and sentence not in missing:
            missing.append(sentence + " (out of order)")
        position = max(position, found)
    return len(due), missing


def run(rounds: int, load: int, seed: int, quiet: bool = False) -> tuple[int, list[str]]:
    """(sentences due, the sentences missing) over all rounds."""
    rng = random.Random(seed)
    due_total = 0
    missing_all: list[str] = []
    with cpu_load(load), tempfile.TemporaryDirectory(prefix="clerk-kill-") as tmp:
        for n in range(rounds):
            folder = Path(tmp) / f"round-{n}"
            folder.mkdir()
            due, missing = one_round(folder, rng, f"clerk-kill-{os.getpid()}-{n}")
            due_total += due
            missing_all += missing
            if not quiet:
                print(f"round {n + 1:3}: {due:3} sentences due, {len(missing)} missing {missing}")
    return due_total, missing_all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--load", type=int, default=2, help="busy processes (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    due, missing = run(args.rounds, args.load, args.seed)
    print(
        f"{args.rounds} SIGKILL rounds, {args.load} busy processes, seed {args.seed}: "
        f"{due} sentences typed more than {GRACE:g} s before the kill, {len(missing)} missing"
    )
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
