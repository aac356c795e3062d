"""Fuzzed agenda packs, TOML meeting files and JSON records: a clear error or an import, never
a traceback or a hang.

    python scripts/fuzz_inputs.py [--count 1000] [--seed 1] [--limit 2.0]

Each input is a real file clerk reads (an agenda pack from tests/agendas, the sample TOML
meeting file, the sample JSON record) with one hostile change: a run of one character tens of
thousands long (tabs, spaces, `| `, `[`, `*`, digits), a line at the length cap, nesting
thousands deep, an integer of thousands of digits, a 100,000-character value, bytes flipped,
the file cut short, NUL bytes, broken UTF-8, lines repeated. Each goes through the command
line in this process (click's runner): `clerk import --dry-run` for agenda packs and meeting
files, `clerk import-record` (into a scratch database) for records.

An outcome is "imported", "refused" (exit 1 with a one-line message) or a failure: a
traceback (any other exception), a hang (more than --limit seconds), or a message longer
than MAX_MESSAGE characters (an error must not repeat a huge value). Prints the counts and
the slowest input, and exits 1 on any failure. tests/test_fuzz_inputs.py runs a short
version of this in the test suite.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from click.testing import CliRunner  # noqa: E402

from clerk.cli import main  # noqa: E402

MAX_MESSAGE = 1_000  # characters: an error names what is wrong, it does not repeat it
AGENDAS = sorted((REPO / "tests" / "agendas").glob("*.*"))
MEETING_FILE = REPO / "sample_meetings" / "fps-2019-11-25.toml"
RECORD = REPO / "sample_meetings" / "fps-2019-10-17.json"

RUNS = [
    "\t",
    " ",
    "| ",
    "[",
    "*",
    "**",
    "_",
    "<",
    "<b ",
    "#",
    "-",
    "\\",
    "&",
    " \t",
    "](",
    "> ",
    "1",
    ". ",
    "(Pages ",
    "a",
    "a@",
    "Page 1 ",
    "’",
    "\u00a0",
    "Councillor ",
    "=",
    '"',
    "{",
]


@dataclass(frozen=True)
class Case:
    name: str  # what was done, for the report
    suffix: str
    data: bytes


@dataclass(frozen=True)
class Outcome:
    case: Case
    kind: str  # imported | refused | traceback | hang | long message
    seconds: float
    detail: str


def cases(count: int, seed: int) -> Iterator[Case]:
    """`count` hostile inputs, the same ones for the same seed."""
    rng = random.Random(seed)
    sources = [(p.read_bytes(), p.suffix) for p in AGENDAS]
    sources += [(MEETING_FILE.read_bytes(), ".toml"), (RECORD.read_bytes(), ".json")]
    html_agenda = b"\n".join(b"<p>" + line + b"</p>" for line in sources[0][0].splitlines())
    sources.append((html_agenda, ".html"))
    mutations = _mutations()
    for n in range(count):
        data, suffix = rng.choice(sources)
        name, mutate = rng.choice(mutations)
        yield Case(f"{n}: {name} ({suffix})", suffix, mutate(rng, data, suffix))


Mutation = Callable[[random.Random, bytes, str], bytes]


def _mutations() -> list[tuple[str, Mutation]]:
    def at_a_line(rng: random.Random, data: bytes, insert: bytes, replace: bool = False) -> bytes:
        lines = data.split(b"\n")
        i = rng.randrange(len(lines))
        if replace:
            lines[i] = insert
        else:
            cut = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + insert + lines[i][cut:]
        return b"\n".join(lines)

    def long_run(rng: random.Random, data: bytes, suffix: str) -> bytes:
        run = rng.choice(RUNS).encode()
        length = rng.choice([2_000, 9_000, 9_990, 20_000, 100_000, 1_000_000])
        return at_a_line(rng, data, run * (length // len(run)), replace=rng.random() < 0.5)

    def deep_nesting(rng: random.Random, data: bytes, suffix: str) -> bytes:
        depth = rng.choice([1_000, 10_000, 100_000])
        if suffix == ".json":
            opener = rng.choice([b"[", b'{"a":'])
            return opener * depth + b"1"
        if suffix == ".toml":
            return b"x = " + b"[" * depth + b"1" + b"]" * depth + b"\n"
        return at_a_line(rng, data, b"<b>" * depth + b"**[" * (depth // 10))

    def huge_number(rng: random.Random, data: bytes, suffix: str) -> bytes:
        digits = b"9" * rng.choice([4_301, 10_000, 50_000])
        if suffix == ".json":
            text = data.decode("utf-8")
            key = rng.choice(['"version": 1', '"page_from": ', '"position": '])
            if key in text:
                return text.replace(key, key.split(":")[0] + ": " + digits.decode(), 1).encode()
            return b'{"format": "clerk-meeting-record", "version": ' + digits + b"}"
        if suffix == ".toml":
            return data.replace(b"\n", b"\nnumber = " + digits + b"\n", 1)
        return at_a_line(rng, data, b"(Pages " + digits + b" - " + digits + b")")

    def huge_value(rng: random.Random, data: bytes, suffix: str) -> bytes:
        value = rng.choice(["x", "2019-13-45 ", "Councillor ", "7.99 pm "]) * 25_000
        if suffix == ".json":
            document = json.loads(data)
            record = document["record"]
            field = rng.choice(["date", "start_time", "venue", "status", "id"])
            record["meeting"][field] = value
            return json.dumps(document).encode()
        if suffix == ".toml":
            key = rng.choice([b"date = ", b"time = ", b"venue = ", b"committee = "])
            lines = [
                (key + json.dumps(value).encode()) if line.startswith(key) else line
                for line in data.split(b"\n")
            ]
            return b"\n".join(lines)
        return at_a_line(rng, data, value.encode(), replace=True)

    def flip_bytes(rng: random.Random, data: bytes, suffix: str) -> bytes:
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)

    def cut_short(rng: random.Random, data: bytes, suffix: str) -> bytes:
        return data[: rng.randrange(len(data))]

    def nul_bytes(rng: random.Random, data: bytes, suffix: str) -> bytes:
        return at_a_line(rng, data, b"\x00" * rng.randint(1, 5))

    def broken_utf8(rng: random.Random, data: bytes, suffix: str) -> bytes:
        return at_a_line(rng, data, rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x80"]))

    def repeated_lines(rng: random.Random, data: bytes, suffix: str) -> bytes:
        lines = data.split(b"\n")
        i = rng.randrange(len(lines))
        return b"\n".join(lines[:i] + [lines[i]] * rng.choice([100, 5_000]) + lines[i:])

    def shuffled_lines(rng: random.Random, data: bytes, suffix: str) -> bytes:
        lines = data.split(b"\n")
        rng.shuffle(lines)
        return b"\n".join(lines)

    def json_types(rng: random.Random, data: bytes, suffix: str) -> bytes:
        if suffix != ".json":
            return flip_bytes(rng, data, suffix)
        document = json.loads(data)
        record = document["record"]
        key = rng.choice(list(record))
        record[key] = rng.choice([None, 1, "x", [], {}, [None], 1e308, -1, True])
        return json.dumps(document).encode()

    return [
        ("a long run of one character", long_run),
        ("deep nesting", deep_nesting),
        ("a number of thousands of digits", huge_number),
        ("a 100,000-character value", huge_value),
        ("bytes flipped", flip_bytes),
        ("cut short", cut_short),
        ("NUL bytes", nul_bytes),
        ("broken UTF-8", broken_utf8),
        ("a line repeated", repeated_lines),
        ("lines shuffled", shuffled_lines),
        ("a field of the wrong type", json_types),
    ]


class _Hang(Exception):
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the input after `seconds` (the regular expression engine checks signals)."""

    def expired(signum: int, frame: object) -> None:
        raise _Hang

    before = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def run_one(case: Case, folder: Path, limit: float) -> Outcome:
    path = folder / f"input{case.suffix}"
    path.write_bytes(case.data)
    db = folder / "fuzz.db"
    if case.suffix == ".json":
        args = ["--db", str(db), "import-record", "--replace", str(path)]
    else:
        args = ["--db", str(db), "import", "--dry-run", str(path)]
    runner = CliRunner()
    started = time.perf_counter()
    try:
        # twice the limit before interrupting: an input between the two is still a hang
        with _deadline(limit * 2):
            result = runner.invoke(main, args, catch_exceptions=True)
    except _Hang:
        return Outcome(case, "hang", time.perf_counter() - started, f"over {limit * 2:.0f} s")
    seconds = time.perf_counter() - started
    if isinstance(result.exception, _Hang):
        return Outcome(case, "hang", seconds, f"over {limit * 2:.0f} s")
    if seconds > limit:
        return Outcome(case, "hang", seconds, f"{seconds:.1f} s")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        return Outcome(case, "traceback", seconds, f"{type(exc).__name__}: {str(exc)[:200]}")
    message = result.output.strip().splitlines()[-1] if result.output.strip() else ""
    if result.exit_code == 0:
        return Outcome(case, "imported", seconds, "")
    if len(message) > MAX_MESSAGE:
        return Outcome(case, "long message", seconds, f"{len(message):,} characters")
    return Outcome(case, "refused", seconds, message[:200])


def fuzz(count: int, seed: int, limit: float = 2.0) -> list[Outcome]:
    with tempfile.TemporaryDirectory(prefix="clerk-fuzz-") as tmp:
        return [run_one(case, Path(tmp), limit) for case in cases(count, seed)]


FAILURES = ("traceback", "hang", "long message")


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds before a hang")
    args = parser.parse_args(argv)
    outcomes = fuzz(args.count, args.seed, args.limit)
    kinds = Counter(o.kind for o in outcomes)
    for outcome in outcomes:
        if outcome.kind in FAILURES:
            print(f"{outcome.kind}: {outcome.case.name}: {outcome.detail}")
    slowest = max(outcomes, key=lambda o: o.seconds)
    print(
        f"{len(outcomes)} inputs (seed {args.seed}): {kinds['imported']} imported, "
        f"{kinds['refused']} refused with a message, {kinds['traceback']} tracebacks, "
        f"{kinds['hang']} hangs over {args.limit:g} s, {kinds['long message']} messages over "
        f"{MAX_MESSAGE:,} characters; slowest {slowest.seconds:.2f} s ({slowest.case.name})"
    )
    return 1 if any(kinds[k] for k in FAILURES) else 0


if __name__ == "__main__":
    sys.exit(main_())
