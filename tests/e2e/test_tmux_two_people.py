"""Two people, one database, two `clerk` processes in real terminals: the clerk types on the
live screen while the chair reads the review screen. The chair's screen shows the clerk's
new paragraph within two seconds; the chair's request is in the database, journalled as the
chair's; neither screen ever says the database is in use."""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import replace
from datetime import time as clock
from pathlib import Path

import pytest

from clerk import review
from clerk.record import AmendmentKind, MeetingStatus, MinuteParagraph
from clerk.store import Store
from tests.e2e.terminal import Terminal
from tests.tui.conftest import october_record

if shutil.which("tmux") is None:
    pytest.fail("tmux is not installed (Debian: apt-get install -y tmux; `make test` does)")

CLERK = Terminal(f"clerk-typing-{os.getpid()}")
CHAIR = Terminal(f"chair-reviewing-{os.getpid()}")
SEEN_WITHIN = 2.0  # seconds
NEW = "The Committee thanked the officers for the clear report."
BUSY = ("in use by another program", "Not saved", "locked")


@pytest.fixture
def db(tmp_path: Path):
    """The October meeting, ended and sent to the chair, one paragraph under item 1."""
    path = tmp_path / "clerk.db"
    record = october_record()
    first = record.items[0]
    record.meeting = replace(
        record.meeting,
        status=MeetingStatus.ENDED,
        end_time=clock(20, 30),
        current_item_id=first.id,
    )
    record.items[0] = replace(first, taken_order=1)
    record.paragraphs = [
        MinuteParagraph(item_id=first.id, text="The Chairman welcomed everyone.", position=0)
    ]
    with Store(path) as store:
        store.save_record(record)
        review.send_to_chair(store, record.meeting.id)
    yield path, record.meeting.id
    CLERK.close()
    CHAIR.close()


def test_the_chair_sees_the_clerks_typing_and_asks_for_a_change(db) -> None:
    path, meeting_id = db
    env = {"CLERK_CONFIG": str(path.parent / "no-config")}
    CLERK.start_clerk(path, meeting_id)
    CHAIR.start(f"{sys.executable} -m clerk --db {path} review {meeting_id} --as chair", env)
    CHAIR.wait_for("open request")
    CHAIR.wait_for("The Chairman welcomed everyone.")

    # the clerk types a new paragraph under item 1 (1.2) and finishes it
    CLERK.typed(NEW, pause=0)
    CLERK.keys("Enter", pause=0)
    typed_at = time.monotonic()
    CHAIR.wait_for(NEW, timeout=10)
    seen_after = time.monotonic() - typed_at
    # the clerk's screen saves within half a second of a pause; the chair's polls every half
    assert seen_after < SEEN_WITHIN + 0.5, f"the chair saw it after {seen_after:.2f} s"

    # the chair goes to it and comments on it
    CHAIR.keys("g")
    CHAIR.typed("1.2")
    CHAIR.keys("Enter", "F2", "c")
    CHAIR.typed("Name the officers.")
    CHAIR.keys("F2")
    CHAIR.wait_for("1 open request")
    # and the clerk goes on typing meanwhile
    CLERK.typed("Another paragraph.", pause=0)
    CLERK.keys("Enter")
    CHAIR.wait_for("Another paragraph.", timeout=10)
    for screen in (CLERK.screen(), CHAIR.screen()):
        assert not any(word in screen for word in BUSY), screen

    with Store(path) as store:
        amendments = store.amendments(meeting_id)
        texts = [p.text for p in store.load_record(meeting_id).paragraphs]
        journal = store.journal(meeting_id)
    assert [(a.reference, a.kind, a.new_text) for a in amendments] == [
        ("1.2", AmendmentKind.COMMENT, "Name the officers.")
    ]
    assert any(e.table == "amendments" and e.role == "chair" for e in journal)
    assert NEW in texts and "Another paragraph." in texts
