"""A fast typist in a real terminal (issue 8): text arrives as one burst with the key that
ends it — Enter, Ctrl+N, F3, Escape — in the same write, and the database must hold every
character, byte for byte, in the paragraph it was typed into.

Each burst is one tmux command list (`send-keys -l TEXT ; send-keys KEY`), so the app reads
the text and the key together, as from a paste or a slow remote terminal."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk.samples import read_meeting_file, sample_dir
from clerk.store import Store
from tests.tui.conftest import october_record

if shutil.which("tmux") is None:
    pytest.fail("tmux is not installed (Debian: apt-get install -y tmux; `make test` does)")

SESSION = f"clerk-bursts-{os.getpid()}"

#: A terminal sends Escape as the byte that also starts Alt+key and the arrow keys' codes:
#: Textual reads ESC followed within 100 ms (its ESCDELAY, checked every 100 ms) by a letter
#: as Alt+letter. Any terminal program does; a typist pausing this long after Escape is safe.
ESC_ALONE = 0.5

REPORT = (
    "Catherine Heffernan (Principal Advisor for Commissioning Immunisations and Vaccination – "
    "NHS England) introduced the report, which provided an overview of the immunisation "
    "programmes in Westminster. "
)


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", "-u", *args], capture_output=True, text=True, check=True)
    return result.stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = screen()
        if text in shown:
            return shown
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared on the screen:\n{screen()}")


def burst(text: str, *keys: str) -> None:
    """`text` and then `keys`, in one write to the terminal: no pause between them."""
    args: list[str] = ["send-keys", "-t", SESSION, "-l", text]
    for key in keys:
        args += [";", "send-keys", "-t", SESSION, key]
    tmux(*args)


def start(db_path: Path, meeting_id: str) -> None:
    command = (
        f"exec env -u COLUMNS -u LINES {sys.executable} -m clerk.tui --db {db_path} {meeting_id}"
    )
    env = {
        "CLERK_CONFIG": str(db_path.parent / "no-config"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    env_args = [arg for k, v in env.items() for arg in ("-e", f"{k}={v}")]
    tmux(
        "new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", *env_args, command,
        ";", "set-option", "-t", SESSION, "remain-on-exit", "on",
    )  # fmt: skip
    wait_for("New paragraph 1.")


def quit_and_wait() -> None:
    tmux("send-keys", "-t", SESSION, "C-q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if tmux("display-message", "-p", "-t", SESSION, "#{pane_dead}").strip() == "1":
            return
        time.sleep(0.05)
    raise AssertionError(f"clerk did not quit:\n{screen()}")


def stored(db_path: Path, table: str) -> dict[str, list[str]]:
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            f"SELECT i.number, t.text FROM {table} t JOIN items i ON i.id = t.item_id "
            "ORDER BY i.position, t.position"
        ).fetchall()
    out: dict[str, list[str]] = {}
    for number, text in rows:
        out.setdefault(number, []).append(text)
    return out


@pytest.fixture
def db(tmp_path: Path):
    path = tmp_path / "clerk.db"
    record = october_record()
    with Store(path) as store:
        store.save_record(record)
    yield path, record.meeting.id
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


def outline(texts: dict[str, list[str]]) -> dict[str, list[tuple[str, int]]]:
    """Each paragraph's first letters and length: what a failure shows first."""
    return {item: [(t[:2], len(t)) for t in rows] for item, rows in texts.items()}


def text_of(size: int) -> str:
    return (REPORT * (size // len(REPORT) + 1))[:size].strip()


def test_bursts_of_every_size_end_where_their_key_says(db) -> None:
    path, meeting_id = db
    start(path, meeting_id)
    expected_paragraphs: dict[str, list[str]] = {}
    expected_resolutions: dict[str, list[str]] = {}
    for number, size in zip("1234", (1, 40, 280, 1200), strict=True):
        a, b, c, d = (f"{n}. {text_of(size)}" for n in "abcd")
        burst(a, "Enter")  # a paragraph and Enter in one write
        burst(b, "F3")  # a paragraph, then at once a RESOLVED entry
        burst("the report be noted.", "Enter")
        burst(c, "Escape")  # to the item's record, with the words saved
        time.sleep(ESC_ALONE)
        burst("", "Escape")  # back to the composer
        time.sleep(ESC_ALONE)
        burst(d, "C-n")  # the last paragraph, and on to the next item
        wait_for(f"New paragraph {int(number) + 1}.")
        expected_paragraphs[number] = [a, b, c, d]
        expected_resolutions[number] = ["That the report be noted."]
    quit_and_wait()
    paragraphs = stored(path, "paragraphs")
    assert outline(paragraphs) == outline(expected_paragraphs)
    assert paragraphs == expected_paragraphs
    assert stored(path, "resolutions") == expected_resolutions


def test_a_whole_item_typed_as_fast_bursts_is_stored_byte_for_byte(db) -> None:
    """Item 5 of the 17 October 2019 meeting, as the clerk minuted it: five paragraphs and
    six resolutions, each sent with the key after it and no pause anywhere."""
    path, meeting_id = db
    sample = read_meeting_file(sample_dir() / "fps-2019-10-17.json")
    item = next(i for i in sample.items if i.number == "5")
    paragraphs = [p.text for p in sample.paragraphs_for(item.id)]
    resolutions = [r.text for r in sample.resolutions_for(item.id)]
    start(path, meeting_id)
    burst("", "C-l")
    burst("5", "Enter")  # the agenda takes item 5 by its number
    for text in paragraphs[:-1]:
        burst(text, "Enter")
    burst(paragraphs[-1], "F3")
    for n, text in enumerate(resolutions):
        more = ["Enter", "F3"] if n < len(resolutions) - 1 else ["Enter"]
        burst(text.removeprefix("That "), *more)
    wait_for("New paragraph 5.6")
    quit_and_wait()
    assert stored(path, "paragraphs") == {"5": paragraphs}
    assert stored(path, "resolutions") == {"5": resolutions}
