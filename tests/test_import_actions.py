"""`clerk import-actions` (issue 13): the action tracker an agenda pack binds as an appendix,
read onto the meetings it reports on, so `clerk actions --open` lists what is still open.

On the real pack (tests/fixtures/reference_pack_2019-11-25.txt, a copy of
../shared/reference/001_9cd857bcf045d8c5.txt, whose minutes of 17 October 2019 are imported
first) and on trackers made here in other shapes: markdown pipe tables, other round names,
no Update column, a second committee.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from clerk.cli import main
from clerk.importers.action_tracker import parse_tracker
from clerk.record import (
    ActionStatus,
    AgendaItem,
    Committee,
    Meeting,
    MeetingRecord,
    MeetingStatus,
)
from clerk.store import Store
from tests.conftest import REPO

PACK = REPO / "tests" / "fixtures" / "reference_pack_2019-11-25.txt"
OCTOBER = date(2019, 10, 17)


def clerk(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def said(result: Result) -> str:
    """The output as one line: the console wraps at the terminal's width, and a long path
    (a CI checkout's) moves the breaks."""
    return " ".join(result.output.split())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding the 17 October 2019 meeting, read from the pack's minutes."""
    path = tmp_path / "clerk.db"
    result = clerk(path, "import-minutes", str(PACK))
    assert result.exit_code == 0, result.output
    assert "also holds the committee's action tracker" in said(result)
    return path


def stored_actions(db: Path) -> list[tuple[str, str, ActionStatus, str]]:
    with Store(db, create=False) as store:
        return [
            (m.date.isoformat(), i.number, a.status, a.text)
            for c in store.committees()
            for m, i, a in store.committee_actions(c.id)
        ]


def test_the_reference_packs_tracker_goes_onto_the_stored_meeting(db: Path) -> None:
    result = clerk(db, "import-actions", str(PACK))
    assert result.exit_code == 0, result.output
    out = said(result)
    assert "line 1610, ROUND TWO 17 OCTOBER 2019: the meeting of 17 October 2019" in out
    assert "7 actions, 7 added" in out
    for line, day, n in (
        (1620, "17 June 2019", 11),
        (1635, "1 April 2019", 9),
        (1648, "4 February 2019", 4),
        (1655, "3 December 2018", 7),
        (1666, "15 October 2018", 8),
    ):
        assert f"line {line}, " in out and f"on {day} is stored; its {n} actions" in out
    # "Work Programme" is item 7's short name: shown as guessed
    assert "'Item 7: Work Programme' taken as item 7" in out
    actions = stored_actions(db)
    assert len(actions) == 7
    assert {a[0] for a in actions} == {"2019-10-17"}
    by_text = {a[3]: a for a in actions}
    assert by_text["Requested that the Ofsted report be circulated."][1:3] == (
        "4",
        ActionStatus.COMPLETED,
    )
    assert by_text["Requested that the committee be kept appraised of IT roll outs."][1:3] == (
        "5",
        ActionStatus.IN_PROGRESS,
    )
    assert by_text["Receive Healthwatch update electronically."][1] == "7"
    listed = clerk(db, "actions", "--open", "-f", "csv")
    assert listed.exit_code == 0
    rows = listed.output.strip().splitlines()[1:]
    assert len(rows) == 3 and all("2019-10-17" in r for r in rows)
    assert any("why people become homeless" in r for r in rows)


def test_importing_again_updates_statuses_and_never_duplicates(db: Path, tmp_path: Path) -> None:
    assert clerk(db, "import-actions", str(PACK)).exit_code == 0
    with Store(db, create=False) as store:
        minutes_before = clerk(db, "minutes", "2019-10-17").output
        journal = len(store.journal())
    again = clerk(db, "import-actions", str(PACK))
    assert "7 unchanged" in again.output and "0 actions added, 0 updated" in again.output
    assert len(stored_actions(db)) == 7
    with Store(db, create=False) as store:
        assert len(store.journal()) == journal  # nothing to change: nothing written
    # next month's tracker: the homeless report is done, with a note
    later = tmp_path / "pack.txt"
    later.write_text(
        PACK.read_text(encoding="utf-8").replace(
            "sometimes do not ask for help.\tIn progress",
            "sometimes do not ask for help.\tCompleted – circulated 20 November",
        ),
        encoding="utf-8",
    )
    result = clerk(db, "import-actions", str(later))
    assert result.exit_code == 0, result.output
    assert "1 updated, 6 unchanged" in said(result)
    actions = stored_actions(db)
    assert len(actions) == 7
    with Store(db, create=False) as store:
        ((_, _, done),) = [
            r
            for c in store.committees()
            for r in store.committee_actions(c.id)
            if "homeless" in r[2].text
        ]
    assert (done.status, done.comment) == (ActionStatus.COMPLETED, "circulated 20 November")
    open_now = clerk(db, "actions", "--open", "-f", "csv").output.strip().splitlines()[1:]
    assert len(open_now) == 2
    # the approved minutes say what they said: actions are the tracker's, not the minutes'
    assert clerk(db, "minutes", "2019-10-17").output == minutes_before


def test_the_minutes_stay_approved_and_the_actions_are_journalled(db: Path) -> None:
    clerk(db, "import-actions", str(PACK))
    with Store(db, create=False) as store:
        (meeting,) = [m for c in store.committees() for m in store.committee_meetings(c.id)]
        assert meeting.status is MeetingStatus.CONFIRMED
        added = [e for e in store.journal(meeting.id) if e.table == "actions"]
        assert len(added) == 7 and {e.role for e in added} == {"import"}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MARKDOWN = """\
# Family and People Services Policy and Scrutiny Committee – Action Tracker

**Meeting of 17 October 2019**

| Agenda Item | Action | Update |
|---|---|---|
| 4. Cabinet Member Update | Circulate the Ofsted report | Done |
| | Report on homelessness | Awaiting the housing team |

| 5 Immunisation Programmes in Westminster | Send the MMR plan | complete - sent 1 Nov |

Round 9 – 17/10/2019

| Item | Actions |
| --- | --- |
| Item 7 | Move Primary Care Networks to a later round |
"""


def test_a_markdown_tracker_with_other_round_names_and_no_update_column(
    db: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "tracker.md", MARKDOWN)
    result = clerk(db, "import-actions", str(path))
    assert result.exit_code == 0, result.output
    out = said(result)
    assert "line 14: this block has no Update column; its actions are taken as open" in out
    assert "Update 'Awaiting the housing team' names no status; taken as open" in out
    got = {a[3]: (a[1], a[2]) for a in stored_actions(db)}
    assert got == {
        "Circulate the Ofsted report": ("4", ActionStatus.COMPLETED),
        "Report on homelessness": ("4", ActionStatus.OPEN),
        "Send the MMR plan": ("5", ActionStatus.COMPLETED),
        "Move Primary Care Networks to a later round": ("7", ActionStatus.OPEN),
    }
    with Store(db, create=False) as store:
        comments = {
            a.text: a.comment
            for c in store.committees()
            for _, _, a in store.committee_actions(c.id)
        }
    assert comments["Report on homelessness"] == "Awaiting the housing team"
    assert comments["Send the MMR plan"] == "sent 1 Nov"


def test_actions_open_lists_trackers_of_two_committees(db: Path, tmp_path: Path) -> None:
    audit = Committee("Audit and Performance Committee")
    with Store(db) as store:
        store.save_record(
            MeetingRecord(
                committee=audit,
                meeting=Meeting(audit.id, date(2020, 3, 5), status=MeetingStatus.ENDED),
                items=[AgendaItem("4", "INTERNAL AUDIT PROGRESS REPORT", position=0)],
            )
        )
    clerk(db, "import-actions", str(PACK))
    tracker = write(
        tmp_path,
        "audit.txt",
        "5 March 2020\nAgenda Item\tAction\tUpdate\n"
        "Internal Audit Progress Report\tReport back on fraud cases\tIn progress\n",
    )
    result = clerk(db, "import-actions", str(tracker), "--committee", "Audit and Performance")
    assert result.exit_code != 0 and "no committee 'Audit and Performance'" in said(result)
    result = clerk(
        db, "import-actions", str(tracker), "--committee", "audit and performance committee"
    )
    assert result.exit_code == 0, result.output
    assert "taken as item 4 'INTERNAL AUDIT PROGRESS REPORT' by its title" in " ".join(
        result.output.split()
    )
    listed = clerk(db, "actions", "--open", "-f", "csv").output
    assert "Audit and Performance Committee" in listed and "fraud cases" in listed
    assert "Family and People Services" in listed


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (
            "## FPS Action Tracker\n17 October 2019\nAgenda Item\tAction\tUpdate\n"
            "Item 4: Dementia Strategy\tCirculate\tCompleted\n",
            4,
            "item 4 of the meeting on 17 October 2019 is 'CABINET MEMBER UPDATE', not "
            "'Dementia Strategy'",
        ),
        (
            "Agenda Item\tAction\tUpdate\nItem 4: Cabinet Member Update\tCirculate\tDone\n",
            1,
            "no meeting date above it",
        ),
        (
            "17 October 2019\nAgenda Item\tAction\tUpdate\n\tCirculate\tDone\n",
            3,
            "has no agenda item",
        ),
        (
            "17 October 2019\nAgenda Item\tAction\tUpdate\nItem 4: Cabinet Member Update\tX\t\n",
            1,
            "the tracker names no committee",
        ),
        (
            "## Licensing Committee Action Tracker\n17 October 2019\nAgenda Item\tAction\n"
            "Item 4: Cabinet Member Update\tX\n",
            1,
            "no committee 'Licensing Committee' in the database",
        ),
        (
            "## FPS Action Tracker\n17 October 2019\nAgenda Item\tAction\n"
            "Item 4: Cabinet Member Update\tGood\nItem 12: Parking Permits\tBad\n",
            5,
            "has no item 'Item 12: Parking Permits'",
        ),
    ],
)
def test_errors_name_the_file_and_line_and_write_nothing(
    db: Path, tmp_path: Path, text: str, line: int, says: str
) -> None:
    clerk(db, "import-actions", str(PACK))
    before = stored_actions(db)
    with Store(db) as store:
        c = store.committees()[0]
        store.update(c, minutes_name="FPS")  # so the trackers headed "FPS" find it
        journal = len(store.journal())
    path = write(tmp_path, "bad.txt", text)
    result = clerk(db, "import-actions", str(path))
    assert result.exit_code != 0
    out = said(result)
    assert f"{path}, line {line}: " in out and says in out, out
    assert "Traceback" not in result.output
    assert stored_actions(db) == before
    with Store(db, create=False) as store:
        assert len(store.journal()) == journal


def test_a_file_without_a_tracker_is_refused(db: Path, tmp_path: Path) -> None:
    result = clerk(db, "import-actions", str(write(tmp_path, "x.txt", "Nothing here.\n")))
    assert result.exit_code != 0 and "no action tracker found" in said(result)


def test_the_dry_run_writes_nothing(db: Path) -> None:
    result = clerk(db, "import-actions", str(PACK), "--dry-run")
    assert result.exit_code == 0 and "7 added" in said(result)
    assert "Dry run: nothing written." in said(result)
    assert stored_actions(db) == []


def test_the_parser_reads_every_shape_the_pack_uses() -> None:
    blocks, guesses = parse_tracker(PACK.read_text(encoding="utf-8"), "pack")
    assert [(b.line, b.day, len(b.actions)) for b in blocks] == [
        (1610, date(2019, 10, 17), 7),
        (1620, date(2019, 6, 17), 11),  # a blank line inside the block
        (1635, date(2019, 4, 1), 9),
        (1648, date(2019, 2, 4), 4),
        (1655, date(2018, 12, 3), 7),
        (1666, date(2018, 10, 15), 8),
    ]
    assert guesses == []
    assert {b.committee for b in blocks} == {
        "Family and People Services Policy and Scrutiny Committee"
    }
    last = blocks[-1].actions[-1]  # after a blank line, still item 6; "In Progress"
    assert (last.item_number, last.status) == ("6", ActionStatus.IN_PROGRESS)
    assert last.item_title.startswith("Care Home Improvement Programme")
    # the work programme's tables (second column "Reasons & objective") are not trackers
    assert all(a.text != "Examine the approach" for b in blocks for a in b.actions)
