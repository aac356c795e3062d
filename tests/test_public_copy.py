"""`clerk backup --public` (issue 13): a copy of the database to publish with Datasette that
holds no exempt (Part 2) matter and no private contact details anywhere in the file.

The proof is over generated meetings whose every exempt free text is a marker
(tests/test_exempt_guarantee.py) and whose people's e-mail and telephone are markers too, with
exempt text also put in the journal (a paragraph added to an exempt item, then changed): every
column of every table of the copy, FTS5's own vocabulary of its index, and the raw bytes of
the file are scanned. The same scan over the source finds the markers, so it can fail.
"""

from __future__ import annotations

import sqlite3
import stat
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from clerk.cli import main
from clerk.record import MeetingRecord, MeetingStatus, MinuteParagraph
from clerk.store import Store, StoreError
from clerk.store.backup import check_backup
from clerk.store.public_copy import public_copy, unplaced_tables
from tests.strategies import meeting_records
from tests.test_exempt_guarantee import with_markers
from tests.tui.conftest import october_record

EXEMPT = "qxzexempt"  # the markers' stem; FTS5 keeps its words folded to lower case
PRIVATE = "qxzprivate"


def marked(record: MeetingRecord) -> MeetingRecord:
    """Exempt text and contact details marked (an adjournment's reason during an exempt
    item too); a status that lets the journal be written."""
    record = with_markers(record)
    people = [
        replace(p, email=f"QXZPRIVATE{i}e", phone=f"QXZPRIVATE{i}p")
        for i, p in enumerate(record.people)
    ]
    exempt = {i.id for i in record.items if i.is_exempt}
    adjournments = [
        replace(a, reason="QXZEXEMPTadjourned") if a.item_id in exempt else a
        for a in record.meeting.adjournments
    ]
    meeting = replace(record.meeting, status=MeetingStatus.ENDED, adjournments=adjournments)
    return replace(record, people=people, meeting=meeting)


def found_in(db: Path) -> set[str]:
    """Which markers the database file holds: in any column of any table (FTS5's shadow
    tables and the journal included), in the words of the search index, or in its bytes."""
    found: set[str] = set()

    def look(value: object) -> None:
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        text = str(value).casefold()
        found.update(m for m in (EXEMPT, PRIVATE) if m in text)

    conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    look(value)
        conn.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search_index, row)")
        for (term,) in conn.execute("SELECT term FROM temp.words"):
            look(term)
    finally:
        conn.close()
    look(db.read_bytes())
    return found


def stored(record: MeetingRecord, db: Path) -> None:
    with Store(db) as store:
        store.save_record(record)
        exempt = [i for i in record.items if i.is_exempt]
        if exempt:  # exempt text in the journal too: added, then changed
            row = store.add(record.meeting.id, MinuteParagraph(exempt[0].id, "QXZEXEMPTadded"))
            store.update(row, text="QXZEXEMPTchanged")


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(meeting_records(max_items=4, max_rows=3))
def test_no_exempt_or_private_marker_anywhere_in_the_public_copy(generated: MeetingRecord) -> None:
    record = marked(generated)
    with tempfile.TemporaryDirectory() as folder:
        db, copy = Path(folder) / "clerk.db", Path(folder) / "public.db"
        stored(record, db)
        source = found_in(db)
        if any(i.is_exempt for i in record.items):
            assert EXEMPT in source  # the scan can fail
        if record.people:
            assert PRIVATE in source
        with Store(db) as store:
            public_copy(store, copy)
        assert found_in(copy) == set()
        check_backup(copy)  # a sound clerk database
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        with Store(copy, create=False) as published:
            back = published.load_record(record.meeting.id)
        exempt = {i.id for i in record.items if i.is_exempt}
        assert [i.title for i in back.items] == [i.title for i in record.items]
        for rows in ("paragraphs", "resolutions", "votes", "actions"):
            public = [r for r in getattr(record, rows) if r.item_id not in exempt]
            assert getattr(back, rows) == public, rows
        assert back.attendance == record.attendance
        assert [a.start for a in back.meeting.adjournments] == [
            a.start for a in record.meeting.adjournments
        ]
        assert not any(p.email or p.phone for p in back.people)


def test_the_sample_meetings_copy_is_searched_and_read_as_any_database(tmp_path: Path) -> None:
    db, copy = tmp_path / "clerk.db", tmp_path / "public.db"
    record = october_record()
    (exempt,) = [i for i in record.items if i.is_exempt]
    record.paragraphs.append(MinuteParagraph(exempt.id, "The bids safeguarding QXZEXEMPT."))
    with Store(db) as store:
        store.save_record(record)
    run = CliRunner().invoke
    result = run(main, ["--db", str(db), "backup", "--public", "-o", str(copy)])
    assert result.exit_code == 0, result.output
    assert f"to {copy}" in result.output and "contact details" in result.output
    with sqlite3.connect(copy) as conn:  # one file, to publish as it is
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not list(tmp_path.glob(".*partial")) and not list(tmp_path.glob("public.db-*"))
    before = run(main, ["--db", str(db), "search", "safeguarding"]).output
    after = run(main, ["--db", str(copy), "search", "safeguarding"])
    assert after.exit_code == 0 and after.output == before
    for register in (["actions", "--open"], ["register", "interests"]):
        out = run(main, ["--db", str(copy), *register])
        assert out.exit_code == 0 and out.output == run(main, ["--db", str(db), *register]).output
    attendance = ["register", "attendance", "Family", "--year", "2019/20"]
    assert (
        run(main, ["--db", str(copy), *attendance]).output
        == run(main, ["--db", str(db), *attendance]).output
    )
    assert EXEMPT in found_in(db) and found_in(copy) == set()
    assert (
        run(main, ["--db", str(copy), "minutes", "2019-10-17"]).output
        == run(main, ["--db", str(db), "minutes", "2019-10-17"]).output
    )
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM journal").fetchone() == (0,)


def test_a_table_the_copy_does_not_know_stops_it_and_nothing_is_written(tmp_path: Path) -> None:
    db, copy = tmp_path / "clerk.db", tmp_path / "public.db"
    with Store(db) as store:
        store._conn.execute("CREATE TABLE private_notes (text TEXT)")
        with pytest.raises(StoreError, match="private_notes"):
            public_copy(store, copy)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("clerk.db")) == []


def test_every_table_of_a_new_database_is_placed(tmp_path: Path) -> None:
    with Store(tmp_path / "clerk.db") as store:
        assert unplaced_tables(store._conn) == []


def test_the_database_itself_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "clerk.db") as store, pytest.raises(StoreError, match="itself"):
        public_copy(store, tmp_path / "clerk.db")
