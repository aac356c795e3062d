"""A fast typist in a real terminal (issue 8): text arrives as one burst with the key that
ends it — Enter, Ctrl+N, F3, Escape — in the same write, and the database must hold every
character, byte for byte, in the paragraph it was typed into.

Each burst is one tmux command list (`send-keys -l TEXT ; send-keys KEY`), so the app reads
the text and the key together, as from a paste or a slow remote terminal."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from clerk.samples import read_sample
from clerk.store import Store
from tests.e2e.terminal import Terminal
from tests.tui.conftest import october_record
from tests.tui.terminal import stored

if shutil.which("tmux") is None:
    pytest.fail("tmux is not installed (Debian: apt-get install -y tmux; `make test` does)")

TERMINAL = Terminal(f"clerk-bursts-{os.getpid()}")
burst, wait_for = TERMINAL.burst, TERMINAL.wait_for

#: A terminal sends Escape as the byte that also starts Alt+key and the arrow keys' codes:
#: Textual reads ESC followed within 100 ms (its ESCDELAY) by a letter as one key. Any
#: terminal program does; a typist pausing this long after Escape is safe.
ESC_ALONE = 0.5

REPORT = (
    "Catherine Heffernan (Principal Advisor for Commissioning Immunisations and Vaccination – "
    "NHS England) introduced the report, which provided an overview of the immunisation "
    "programmes in Westminster. "
)


def quit_and_wait() -> None:
    TERMINAL.keys("C-q", pause=0)
    deadline = time.monotonic() + 10
    while not TERMINAL.exited():
        if time.monotonic() > deadline:
            raise AssertionError(f"clerk did not quit:\n{TERMINAL.screen()}")
        time.sleep(0.05)


@pytest.fixture
def db(tmp_path: Path):
    path = tmp_path / "clerk.db"
    record = october_record()
    with Store(path) as store:
        store.save_record(record)
    yield path, record.meeting.id
    TERMINAL.close()


def outline(texts: dict[str, list[str]]) -> dict[str, list[tuple[str, int]]]:
    """Each paragraph's first letters and length: what a failure shows first."""
    return {item: [(t[:2], len(t)) for t in rows] for item, rows in texts.items()}


def text_of(size: int) -> str:
    return (REPORT * (size // len(REPORT) + 1))[:size].strip()


def test_bursts_of_every_size_end_where_their_key_says(db) -> None:
    path, meeting_id = db
    TERMINAL.start_clerk(path, meeting_id)
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
    paragraphs = stored(path, meeting_id, "paragraphs")
    assert outline(paragraphs) == outline(expected_paragraphs)
    assert paragraphs == expected_paragraphs
    assert stored(path, meeting_id, "resolutions") == expected_resolutions


def test_a_whole_item_typed_as_fast_bursts_is_stored_byte_for_byte(db) -> None:
    """Item 5 of the 17 October 2019 meeting, as the clerk minuted it: five paragraphs and
    six resolutions, each sent with the key after it and no pause anywhere."""
    path, meeting_id = db
    sample = read_sample("fps-2019-10-17.json")
    item = next(i for i in sample.items if i.number == "5")
    paragraphs = [p.text for p in sample.paragraphs_for(item.id)]
    resolutions = [r.text for r in sample.resolutions_for(item.id)]
    TERMINAL.start_clerk(path, meeting_id)
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
    assert stored(path, meeting_id, "paragraphs") == {"5": paragraphs}
    assert stored(path, meeting_id, "resolutions") == {"5": resolutions}


def test_closing_the_terminal_mid_sentence_keeps_the_words(db) -> None:
    """The terminal window closed (SIGHUP) straight after typing, before the save was due:
    the words are saved on the way out."""
    path, meeting_id = db
    TERMINAL.start_clerk(path, meeting_id)
    words = "The Committee noted the report and thanked the officers for"
    burst(words)
    time.sleep(0.05)  # well inside the 0.4 s before a save is due
    pid = TERMINAL.pid()
    TERMINAL.close()  # as closing the window: SIGHUP
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.05)
    assert not alive(pid)
    assert stored(path, meeting_id, "paragraphs") == {"1": [words]}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
