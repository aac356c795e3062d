"""A real terminal: record through tmux, SIGKILL the app mid-typing, restart, nothing is lost."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from clerk.record import AttendanceStatus, DeclarationAction
from clerk.store import Store
from tests.e2e.terminal import Terminal
from tests.tui.conftest import october_record

if shutil.which("tmux") is None:
    # A missing tmux fails rather than skips: this is the only real-terminal test.
    pytest.fail("tmux is not installed (Debian: apt-get install -y tmux; `make test` does)")


@pytest.fixture
def db(tmp_path: Path):
    path = tmp_path / "clerk.db"
    record = october_record()
    with Store(path) as store:
        store.save_record(record)
    yield path, record.meeting.id
    TERMINAL.close()


TERMINAL = Terminal(f"clerk-e2e-{os.getpid()}")
keys, typed, wait_for = TERMINAL.keys, TERMINAL.typed, TERMINAL.wait_for


def test_kill_mid_typing_loses_nothing_already_typed(db) -> None:
    path, meeting_id = db
    TERMINAL.start_clerk(path, meeting_id)
    pid = TERMINAL.pid()

    # roll call: Glanz and Bright present, Butler-Thalassis sends apologies
    keys("F4")
    wait_for("Roll call")
    keys("p", "p", "a")
    keys("Escape")
    wait_for("New paragraph 1.")

    # a declaration under item 2
    keys("C-n")
    wait_for("DECLARATIONS OF INTEREST")
    keys("F5")
    wait_for("Declaration of interest")
    typed("Peter")
    keys("Enter")
    typed("5")
    keys("Enter", "Enter")  # item 5, pecuniary interest
    typed("he is a governor of a local school")
    keys("Enter", "Enter")  # left the room
    wait_for("Peter Freeman declared")

    # item 3: the minutes approved in one key
    keys("C-n", "C-s")
    wait_for("be approved")

    # item 4: a paragraph and an action
    keys("C-n")
    wait_for("CABINET MEMBER UPDATE")
    typed("The Committee noted the update.")
    keys("Enter")
    keys("F7")
    wait_for("Action arising")
    typed("Circulate the Ofsted report.")
    keys("Enter")
    typed("Nicky Crouch")
    keys("Enter", "Enter")
    wait_for("ACTION: Circulate the Ofsted report.")

    # typing, a pause longer than the debounce, more typing, then SIGKILL
    typed("The Committee welcomed")
    time.sleep(1.0)
    typed(" the news and")
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    TERMINAL.close()

    store = Store(path)
    try:
        record = store.load_record(meeting_id)
    finally:
        store.close()
    names = {a.person_id: a.status for a in record.attendance}
    people = {p.name: p.id for p in record.people}
    assert names[people["Jonathan Glanz"]] is AttendanceStatus.PRESENT
    assert names[people["Margot Bright"]] is AttendanceStatus.PRESENT
    assert names[people["Nafsika Butler-Thalassis"]] is AttendanceStatus.APOLOGIES
    (decl,) = record.declarations
    assert decl.person_id == people["Peter Freeman"]
    assert decl.action is DeclarationAction.LEFT_ROOM
    items = {i.number: i for i in record.items}
    assert record.resolutions_for(items["3"].id)[0].text.startswith("That the Minutes of the")
    paragraphs = [p.text for p in record.paragraphs_for(items["4"].id)]
    assert paragraphs[0] == "The Committee noted the update."
    # the completed words were written by the debounce; at most the last second is lost
    assert paragraphs[1].startswith("The Committee welcomed")
    (action,) = record.actions
    assert action.text == "Circulate the Ofsted report." and action.lead == "Nicky Crouch"
    assert record.meeting.current_item_id == items["4"].id

    # restart: back on the same item, with what was typed
    TERMINAL.start_clerk(path, meeting_id)
    # the item's record is composed just after the first frame ("…" until then)
    shown = wait_for("4.1  The Committee noted the update.")
    assert "4. CABINET MEMBER UPDATE" in shown
    assert "4.2  The Committee welcomed" in shown
