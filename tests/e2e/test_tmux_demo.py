"""A real terminal: `clerk demo` says where its scratch database is, and closing the terminal
(tmux kill-session hangs up on it) leaves no scratch folder behind and no clerk running:
run straight, and run by make as `make demo` runs it (make catches the hang-up and waits,
and clerk met the dead terminal without a SIGHUP: it read nothing forever, at half a CPU)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk.demo import PID_FILE

if shutil.which("tmux") is None:
    pytest.fail("tmux is not installed (Debian: apt-get install -y tmux; `make test` does)")

SESSION = f"clerk-e2e-demo-{os.getpid()}"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def wait_for(text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = tmux("capture-pane", "-p", "-J", "-t", SESSION)
        if text in shown.replace("\n", ""):
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared on the screen:\n{shown}")


@pytest.fixture
def scratch(tmp_path: Path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    yield temp
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


@pytest.mark.parametrize("under", ["exec", "make"])
def test_a_demo_whose_terminal_is_closed_leaves_no_folder(
    scratch: Path, tmp_path: Path, under: str
) -> None:
    if under == "make" and shutil.which("make") is None:
        pytest.fail("make is not installed (Debian: apt-get install -y make)")
    env = {
        "TMPDIR": str(scratch),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "CLERK_CONFIG": str(tmp_path / "no-config"),
        "TERM": "xterm-256color",
    }
    env_args = [arg for k, v in env.items() for arg in ("-e", f"{k}={v}")]
    command = f"exec env -u COLUMNS -u LINES {sys.executable} -m clerk demo"
    if under == "make":
        makefile = tmp_path / "Makefile"
        makefile.write_text(f"demo:\n\tenv -u COLUMNS -u LINES {sys.executable} -m clerk demo\n")
        command = f"exec make -s -f {makefile} demo"
    tmux(
        "new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", *env_args, command,
        ";", "resize-window", "-t", SESSION, "-x", "120", "-y", "40",
    )  # fmt: skip
    wait_for("New paragraph 1.")
    [folder] = scratch.glob("clerk-demo-*")
    wait_for(f"{folder.name}/demo.db")  # the app says where the scratch database is
    wait_for("which is thrown")

    pid = int((folder / PID_FILE).read_text())  # clerk's own, whatever runs it
    tmux("kill-session", "-t", SESSION)  # as closing the terminal window: SIGHUP
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (folder.exists() or _alive(pid)):
        time.sleep(0.1)
    assert not _alive(pid), "clerk still running with its terminal gone"
    assert not folder.exists()
    assert list(scratch.iterdir()) == []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
