"""Start-up of `clerk open MEETING` to its first interactive frame, against a bare Textual app.

    python benchmarks/bench_tui_startup.py [--runs 11]

Both sides are whole processes launched the same way (`python -m clerk ...` and `python
baseline.py`), each on its own pseudo-terminal of 120x40 so Textual runs its real Linux
driver and writes every frame to a terminal, as it does for a user. Each writes time.time()
to the file named by $CLERK_STARTUP_PROBE just after its first refresh and exits (clerk's
`ClerkApp._probe`; the baseline does the same in its on_mount: `call_after_refresh`, which
runs once the screen has nothing left to lay out or paint). The time is from just before
the process is launched to that stamp. Both run from bytecode compiled by a warm-up run.

clerk runs on a scratch database holding the sample meetings (`clerk load-samples`) and opens
the meeting of 2019-11-25 on the live screen. The baseline is a bare Textual app with a
Header, a DataTable, an Input and a Footer. Runs alternate, after one discarded warm-up run
of each; the figures are medians. Target: clerk / baseline <= 1.3.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.tui.app import PROBE_ENV

MEETING = "2019-11-25"
SIZE = (120, 40)  # columns, rows
TARGET = 1.3

BASELINE_APP = f'''"""The baseline: a bare Textual app, probed as clerk is."""

import os
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Input()
        yield Footer()

    def on_mount(self) -> None:
        probe = os.environ.get({PROBE_ENV!r})
        if probe:
            self.call_after_refresh(self._probe, probe)

    def _probe(self, path: str) -> None:
        Path(path).write_text(f"{{time.time():.6f}}\\n")
        self.exit()


if __name__ == "__main__":
    Bare().run()
'''


def _drain(fd: int) -> None:
    """Read (and drop) everything the app writes, so it never blocks on a full terminal."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:  # EIO: the last process holding the terminal has gone
            return


def time_to_first_frame(command: list[str], probe: Path, env: dict[str, str]) -> float:
    """Seconds from launching `command` on a fresh pseudo-terminal to its probe's stamp."""
    probe.unlink(missing_ok=True)
    master, slave = os.openpty()
    columns, rows = SIZE
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    reader = threading.Thread(target=_drain, args=(master,), daemon=True)
    reader.start()
    env = {**env, PROBE_ENV: str(probe)}
    try:
        start = time.time()
        process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        slave = -1
        try:
            code = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise SystemExit(f"{command} did not reach its first frame within 60 s") from None
        reader.join(timeout=5)
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
    if code != 0 or not probe.exists():
        raise SystemExit(f"{command} exited with status {code} without writing its probe")
    return float(probe.read_text()) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="clerk-startup-") as name:
        folder = Path(name)
        # Both run from bytecode, as an installed app does: the warm-up run compiles into a
        # cache of our own (whatever $PYTHONDONTWRITEBYTECODE says and whatever __pycache__
        # folders hold). No Textual or clerk settings from the environment.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TEXTUAL", "CLERK_")) and k != "PYTHONDONTWRITEBYTECODE"
        }
        env.update(
            TERM="xterm-256color", COLORTERM="truecolor", PYTHONPYCACHEPREFIX=str(folder / "pyc")
        )
        db = folder / "clerk.db"
        subprocess.run(
            [sys.executable, "-m", "clerk", "--db", str(db), "load-samples"],
            check=True,
            capture_output=True,
            env=env,
        )
        baseline_script = folder / "baseline.py"
        baseline_script.write_text(BASELINE_APP)
        probe = folder / "probe"
        commands = {
            "clerk": [sys.executable, "-m", "clerk", "--db", str(db), "open", MEETING],
            "baseline": [sys.executable, str(baseline_script)],
        }
        # The first open starts the meeting (a write) and compiles the bytecode: not timed.
        for command in commands.values():
            time_to_first_frame(command, probe, env)
        times: dict[str, list[float]] = {side: [] for side in commands}
        for _ in range(args.runs):
            for side, command in commands.items():
                times[side].append(time_to_first_frame(command, probe, env))

    clerk = statistics.median(times["clerk"])
    baseline = statistics.median(times["baseline"])
    ratio = clerk / baseline

    def spread(side: str) -> str:
        return f"(runs {min(times[side]) * 1000:.0f}-{max(times[side]) * 1000:.0f} ms)"

    print(f"launch -> first interactive frame, {SIZE[0]}x{SIZE[1]} pseudo-terminal")
    print(f"median of {args.runs} alternating runs")
    print(
        f"  bare Textual app (Header, DataTable, Input, Footer)  {baseline * 1000:8.1f} ms "
        + spread("baseline")
    )
    print(
        f"  clerk open {MEETING} (live screen, sample meetings)  {clerk * 1000:8.1f} ms "
        + spread("clerk")
    )
    verdict = "OK" if ratio <= TARGET else "OVER"
    print(f"ratio clerk / baseline {ratio:.2f} (target <= {TARGET}): {verdict}")


if __name__ == "__main__":
    main()
