"""clerk in a real terminal: a tmux session of 120x40 running a command, read and typed into.

Shared by the real-terminal tests and scripts/kill_rounds.py."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


class Terminal:
    """One tmux session (UTF-8, xterm-256color) running `command`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-u", *args], capture_output=True, text=True, check=True)
        return result.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", **env}
        env_args = [arg for k, v in env.items() for arg in ("-e", f"{k}={v}")]
        # COLUMNS/LINES inherited by the tmux server would override the real terminal size
        self.tmux(
            "new-session", "-d", "-s", self.name, "-x", "120", "-y", "40", *env_args,
            f"exec env -u COLUMNS -u LINES {command}",
            ";", "set-option", "-t", self.name, "remain-on-exit", "on",
            ";", "resize-window", "-t", self.name, "-x", "120", "-y", "40",
        )  # fmt: skip

    def start_clerk(self, db: Path, meeting_id: str) -> None:
        """`python -m clerk.tui --db DB MEETING`, no keys.toml, on its first frame."""
        self.start(
            f"{sys.executable} -m clerk.tui --db {db} {meeting_id}",
            {"CLERK_CONFIG": str(db.parent / "no-config")},
        )
        self.wait_for("New paragraph ")

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{shown}")

    def keys(self, *names: str, pause: float = 0.15) -> None:
        for name in names:
            self.tmux("send-keys", "-t", self.name, name)
            time.sleep(pause)

    def typed(self, text: str, pause: float = 0.2) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)
        time.sleep(pause)

    def burst(self, text: str, *keys: str) -> None:
        """`text` and then `keys`, in one write to the terminal: no pause between them."""
        args: list[str] = ["send-keys", "-t", self.name, "-l", text]
        for key in keys:
            args += [";", "send-keys", "-t", self.name, key]
        self.tmux(*args)

    def exited(self) -> bool:
        return self.tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)
