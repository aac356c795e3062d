"""`clerk import-minutes` guessing the house style the minutes are written in: weighed on
every mark the built-in styles write differently, not turned by one item's resolution, and
never changing a stored committee's style without asking (--committee-change)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from clerk import importing
from clerk.cli import main
from clerk.record import AttendanceStatus
from clerk.store import Store
from tests import test_minutes_golden as golden
from tests.test_import_minutes import CANONICAL, read_back_lines

PUBLISHED_ITEM_3 = (
    "##### RESOLVED:\n\n- 3.1 That the Minutes of the Family and People Services Policy and "
    "Scrutiny Committee meeting held on 17 June 2019 be approved."
)
INLINE_ITEM_3 = (
    "- 3.1 RESOLVED: That the Minutes of the Family and People Services Policy and "
    "Scrutiny Committee meeting held on 17 June 2019 be approved."
)

BOARD = """CITY OF WESTMINSTER

MINUTES

Audit and Performance Committee

MINUTES OF PROCEEDINGS

Minutes of a meeting of the Audit and Performance Committee held on {day} at 7.00pm at \
Room 18.01, 64 Victoria Street, London SW1E 6QP.

Present:
Councillor Aziz Toki (Chair)
Councillor Ian Adams
Councillor Richard Elcho
Councillor Ian Rowley

1. MEMBERSHIP

1.1 There were no changes to the membership.

2. DECLARATIONS OF INTEREST

2.1 No declarations were made.

3. TREASURY MANAGEMENT STRATEGY

3.1 Phil Triggs (Director of Treasury and Pensions) presented the strategy.

RESOLVED:

(1) That the Treasury Management Strategy be endorsed; and

(2) That the borrowing limits be noted.

The meeting ended at 8.45pm.

CHAIR: _______________
"""

WESTMINSTER = """CITY OF WESTMINSTER

MINUTES

Audit and Performance Committee

MINUTES OF PROCEEDINGS

Minutes of a meeting of the Audit and Performance Committee held on {day} in Room \
18.01, 64 Victoria Street, London SW1E 6QP.

Members Present: Councillors Aziz Toki (Chairman), Ian Adams, Richard Elcho and Ian Rowley

1. MEMBERSHIP

1.1 There were no changes to the membership.

2. DECLARATIONS OF INTEREST

2.1 There were no declarations of interest.

3. MINUTES

3.1 RESOLVED: That

(1) The Minutes of the meeting held on 18 November 2019 be approved; and

(2) Progress on actions arising from the previous meeting be noted.

4. TREASURY MANAGEMENT STRATEGY

4.1 Phil Triggs (Director of Treasury and Pensions) presented the strategy.

RESOLVED: That the report be noted.

The Meeting ended at 8.45 pm.

CHAIRMAN: _______________
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> str:
    done = CliRunner().invoke(main, list(args))
    assert done.exit_code == 0, done.output
    return done.output


def said(output: str) -> str:
    """The command's output as one line: the guesses wrap at the terminal's width."""
    return " ".join(output.split())


def test_one_inline_resolved_keeps_the_reference_minutes_westminster(tmp_path: Path) -> None:
    """The published minutes with item 3 written "3.1 RESOLVED: That the Minutes … be
    approved." on one line are still Westminster's, and regenerate as the golden test
    expects: item 3 in the house's own form, everything else as published (the probe saw
    "(Chair)", one person a line and "No declarations were made." instead)."""
    published = golden.REFERENCE.read_text(encoding="utf-8")
    assert published.count(PUBLISHED_ITEM_3) == 1
    minutes = write(tmp_path, "minutes.md", published.replace(PUBLISHED_ITEM_3, INLINE_ITEM_3))
    db = str(tmp_path / "clerk.db")
    output = run("--db", db, "import-minutes", str(minutes), "--committee", CANONICAL)
    assert "house style: board" not in said(output)
    assert Store(Path(db)).find_committee(CANONICAL).style == "westminster"  # type: ignore[union-attr]
    written = run("--db", db, "minutes", "2019-10-17")
    assert golden.normalise(written.splitlines()) == read_back_lines()


def test_board_minutes_are_guessed_the_boards_naming_what_shows_it(tmp_path: Path) -> None:
    incoming = importing.read_minutes(
        write(tmp_path, "m.txt", BOARD.format(day="Monday 10 February 2020"))
    )
    assert incoming.record.committee.style == "board"
    guess = next(g for g in incoming.guesses if g.startswith("house style:"))
    for mark in (
        "one person a line",
        "the start time",
        "'Chair'",
        "No declarations were made",
        "'8.45pm'",
        "numbered (1)",
    ):
        assert mark in guess, guess


def test_a_hoisted_resolution_is_said_and_does_not_turn_the_style(tmp_path: Path) -> None:
    """Westminster's minutes with one item's resolutions hoisted ("3.1 RESOLVED: That" then
    "(1) The Minutes …"), the form neither built-in style writes: Westminster's, and the
    hoisting said with how to keep it."""
    path = write(tmp_path, "m.txt", WESTMINSTER.format(day="Monday 10 February 2020"))
    incoming = importing.read_minutes(path)
    assert incoming.record.committee.style == "westminster"
    assert not any(g.startswith("house style: board") for g in incoming.guesses)
    hoisted = [g for g in incoming.guesses if "'RESOLVED: That' with the clauses" in g]
    assert len(hoisted) == 1 and hoisted[0].startswith("item 3:"), incoming.guesses
    texts = [r.text for r in incoming.record.resolutions]
    assert "That the Minutes of the meeting held on 18 November 2019 be approved." in texts
    assert "That the report be noted." in texts


def test_a_stored_committees_style_is_not_changed_without_asking(tmp_path: Path) -> None:
    """The committee stored in the board's style (its first minutes were the board's);
    minutes of a later meeting in Westminster's are refused naming the style, nothing
    written, until --committee-change says how to take it; the meeting stored keeps its
    minutes as they were whatever is chosen."""
    db = str(tmp_path / "clerk.db")
    first = write(tmp_path, "first.txt", BOARD.format(day="Monday 10 February 2020"))
    run("--db", db, "import-minutes", str(first))
    before = run("--db", db, "minutes", "2020-02-10")
    assert "CHAIR:" in before and "Councillor Aziz Toki (Chair)" in before
    later = str(write(tmp_path, "later.txt", WESTMINSTER.format(day="Wednesday 11 March 2020")))

    refused = CliRunner().invoke(main, ["--db", db, "import-minutes", later])
    assert refused.exit_code != 0
    for what in (
        "chair's title: 'Chair' stored, 'Chairman'",
        "house style: 'board' stored, 'westminster'",
    ):
        assert what in said(refused.output)
    assert "--committee-change" in refused.output and "Nothing was written" in refused.output
    assert len(Store(Path(db)).list_meetings()) == 1

    kept = run("--db", db, "import-minutes", later, "--committee-change", "keep", "--dry-run")
    assert "The committee: kept the committee as stored; the file's chair's title" in said(kept)
    merged = run("--db", db, "import-minutes", later, "--committee-change", "merge")
    assert "house style 'westminster' (stored: 'board') from this meeting on" in said(merged)
    after = run("--db", db, "minutes", "2020-03-11")
    assert "Members Present: Councillors Aziz Toki (Chairman)" in after
    assert "There were no declarations of interest." in after
    assert run("--db", db, "minutes", "2020-02-10") == before


def test_minutes_showing_no_style_keep_the_stored_one_unasked(tmp_path: Path) -> None:
    """Minutes with nothing either style writes its own way (no attendance, no chair, no
    times) say no style: the stored one stays, and nothing is asked."""
    db = str(tmp_path / "clerk.db")
    run(
        "--db",
        db,
        "import-minutes",
        str(write(tmp_path, "a.txt", BOARD.format(day="Monday 10 February 2020"))),
    )
    bare = (
        "Minutes of a meeting of the Audit and Performance Committee held on Wednesday 11 "
        "March 2020.\n\n1. WORK PROGRAMME\n\n1.1 The Committee noted the work programme.\n"
    )
    incoming = importing.read_minutes(write(tmp_path, "bare.txt", bare))
    assert incoming.said is not None and "style" not in incoming.said
    run("--db", db, "import-minutes", str(tmp_path / "bare.txt"))
    assert Store(Path(db)).find_committee("Audit and Performance Committee").style == "board"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- inline substitutes

SUB_COMMITTEE = """CITY OF WESTMINSTER

MINUTES

Licensing Sub-Committee (1)

MINUTES OF PROCEEDINGS

Minutes of a meeting of the Licensing Sub-Committee (1) held on Thursday 5 March 2020 in \
Room 3.1, 3rd Floor, 5 Strand, London, WC2 5HR.

Members Present: Councillor Tim Mitchell (Chairman), {substitute} and Councillor Aicha Less

1. MEMBERSHIP

{membership}

2. DECLARATIONS OF INTEREST

2.1 There were no declarations of interest.

3. LICENSING APPLICATION: 12 OLD COMPTON STREET, W1D 4TQ

3.1 The Sub-Committee considered an application for a new premises licence.

RESOLVED:
That the application be granted, subject to the conditions set out in the Appendix.

The Meeting ended at 11.35 am.

CHAIRMAN: _______________
"""
MARKED = "Councillor Susie Burbridge (substitute for Councillor Rita Begum)"


def test_a_substitute_marked_in_the_members_list_sits_for_the_member(tmp_path: Path) -> None:
    """ "Councillor Susie Burbridge (substitute for Councillor Rita Begum)": Burbridge a
    substitute for this meeting, not a member; Begum a member who sent apologies; said as a
    guess; clerk's minutes write it as the house does."""
    text = SUB_COMMITTEE.format(
        substitute=MARKED,
        membership="1.1 Councillor Susie Burbridge replaced Councillor Rita Begum.",
    )
    incoming = importing.read_minutes(write(tmp_path, "m.txt", text))
    record = incoming.record
    by_name = {p.name: p for p in record.people}
    burbridge, begum = by_name["Susie Burbridge"], by_name["Rita Begum"]
    status = {a.person_id: a for a in record.attendance}
    assert status[burbridge.id].status is AttendanceStatus.SUBSTITUTE
    assert status[burbridge.id].substitute_for == begum.id
    assert status[begum.id].status is AttendanceStatus.APOLOGIES
    members = {ms.person_id for ms in record.memberships}
    assert begum.id in members and burbridge.id not in members
    assert any("read as a substitute for this meeting" in g for g in incoming.guesses)
    assert not any("does not say whether the membership changed" in g for g in incoming.guesses)
    db = str(tmp_path / "clerk.db")
    run("--db", db, "import-minutes", str(tmp_path / "m.txt"))
    written = run("--db", db, "minutes", "2020-03-05")
    assert (
        "Members Present: Councillors Tim Mitchell (Chairman), Susie Burbridge and Aicha Less"
        in written
    )
    assert (
        "1.1 Apologies for absence were received from Councillor Rita Begum. Councillor Susie "
        "Burbridge attended as a substitute for Councillor Rita Begum." in written
    )
    # the minute's own sentence is kept as written, after the generated one
    assert "1.2 Councillor Susie Burbridge replaced Councillor Rita Begum." in written


def test_a_substitute_marked_in_the_list_and_said_in_the_minute_is_read_once(
    tmp_path: Path,
) -> None:
    """The list's mark and the Membership minute's sentences say the same: one substitute,
    one apology, and the minutes regenerate as published but for the mark (clerk's list
    names the substitute in the member's place without it)."""
    said_there = (
        "1.1 Apologies for absence were received from Councillor Rita Begum. Councillor Susie "
        "Burbridge attended as a substitute for Councillor Rita Begum."
    )
    text = SUB_COMMITTEE.format(substitute=MARKED, membership=said_there)
    db = str(tmp_path / "clerk.db")
    run("--db", db, "import-minutes", str(write(tmp_path, "m.txt", text)))
    written = run("--db", db, "minutes", "2020-03-05")
    plain = SUB_COMMITTEE.format(substitute="Councillor Susie Burbridge", membership=said_there)
    plain = plain.replace(
        "Councillor Tim Mitchell (Chairman), Councillor Susie Burbridge and Councillor",
        "Councillors Tim Mitchell (Chairman), Susie Burbridge and",
    )
    assert [ln for ln in written.splitlines() if ln.strip() and not ln.startswith("DATE")] == [
        ln.replace("_______________", "______________________________")
        for ln in plain.splitlines()
        if ln.strip()
    ]
    record = Store(Path(db)).load_record(Store(Path(db)).list_meetings()[0].id)
    assert [a.status for a in record.attendance].count(AttendanceStatus.SUBSTITUTE) == 1


def test_a_substitute_mark_naming_no_one_is_said(tmp_path: Path) -> None:
    text = SUB_COMMITTEE.format(
        substitute="Councillor Susie Burbridge (substitute)",
        membership="1.1 There were no changes to the membership.",
    )
    incoming = importing.read_minutes(write(tmp_path, "m.txt", text))
    assert any(
        "Councillor Susie Burbridge (substitute): the member substituted for could not be read" in g
        for g in incoming.guesses
    ), incoming.guesses
