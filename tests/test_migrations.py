"""Opening databases: migrating an old clerk database, refusing what is not ours."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

import clerk.store
from clerk.migrations import APPLICATION_ID, MIGRATIONS
from clerk.record import MeetingStatus, MinuteParagraph
from clerk.store import SCHEMA_VERSION, Store, StoreError

FIXTURES = Path(__file__).parent / "fixtures"
V1_MEETING = "m00000000000a002"


def make_v1(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def test_fixture_is_a_v1_database(tmp_path: Path) -> None:
    conn = sqlite3.connect(make_v1(tmp_path / "old.db"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "paragraphs_fts" not in names and "meetings_by_date" not in names
    conn.close()


def test_v1_database_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = make_v1(tmp_path / "old.db")
    assert SCHEMA_VERSION >= 2
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        record = store.load_record(V1_MEETING)
        assert record.committee.name == "Family and People Services Policy & Scrutiny Committee"
        assert [p.name for p in record.people] == ["Jonathan Glanz", "Zoë O’Brien"]
        assert [i.title for i in record.items] == ["MEMBERSHIP", "CABINET MEMBER UPDATE"]
        assert record.items[1].sub_items[0].title == "Children’s services"
        assert record.meeting.approves_minutes_of == date(2019, 6, 17)
        assert record.meeting.status is MeetingStatus.ENDED
        # the membership-changes step (issue 11): none noted at a meeting recorded before it
        assert record.meeting.membership_changes == []
        assert [p.text for p in record.paragraphs_for(record.items[1].id)] == [
            "The Cabinet Member introduced the café report 🙂.",
            "Members asked about safeguarding.",
        ]
        assert record.paragraphs[1].bullets == ["Résumé – noted"]
        assert len(record.memberships) == 2 and record.chairs()[0].name == "Jonathan Glanz"
        assert [s.date for s in store.list_meetings()] == [
            date(2019, 10, 17),
            date(2019, 6, 17),
        ]
        # the old journal is intact, and still append-only
        (entry,) = store.journal()
        assert (entry.at, entry.role, entry.op) == ("2019-10-17T18:01:02.345Z", "import", "insert")
        # the paragraphs and titles already there are searchable, accents or not, and new
        # ones too
        assert [h.row_id for h in store.search("cafe")] == ["t00000000000e002"]
        found = {(h.kind, h.row_id) for h in store.search("cabinet")}
        assert found == {("item", record.items[1].id), ("paragraph", "t00000000000e002")}
        added = store.add(V1_MEETING, MinuteParagraph(record.items[0].id, "Councillor Zoë spoke."))
        assert [h.row_id for h in store.search("zoe")] == [added.id]
        store.update(added, text="Nothing to search for")
        assert store.search("zoe") == []
    # Opening again does nothing more.
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert len(store.journal()) == 3


def test_a_failed_migration_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_v1(tmp_path / "old.db")

    def broken(db) -> None:
        db["half_done"].create({"id": str}, pk="id")
        raise sqlite3.OperationalError("something went wrong half way")

    monkeypatch.setattr(clerk.store, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(clerk.store, "SCHEMA_VERSION", len(MIGRATIONS) + 1)
    with pytest.raises(StoreError, match="something went wrong"):
        Store(path)
    conn = sqlite3.connect(path)
    # The migrations before the broken one are kept (each is its own transaction)...
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    # ... and the broken one left no trace.
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names
    conn.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_newer_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="newer version of clerk") as caught:
        Store(path)
    assert str(path) in str(caught.value)
    assert _bytes(path) == before


@pytest.mark.parametrize(
    "content",
    [
        b"Minutes of a meeting of the Committee\n",
        bytes(range(256)) * 8,
        b"SQLite format 2\x00" + b"\x00" * 100,
    ],
)
def test_not_sqlite_is_refused_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "minutes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a clerk database"):
        Store(path)
    assert _bytes(path) == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.db"]


def test_someone_elses_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('Zoë')")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="not a clerk database"):
        Store(path)
    assert _bytes(path) == before


def test_empty_file_and_missing_folder_become_a_new_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with Store(empty) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with Store(tmp_path / "a" / "b" / "clerk.db") as store:
        assert store.list_meetings() == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_the_membership_changes_step_adds_its_column_once(tmp_path: Path) -> None:
    """On a database made before it, the step adds meetings.membership_changes holding "[]";
    on one whose v1 step already made it (from today's record), it does nothing."""
    from sqlite_utils import Database

    from clerk.migrations import _v6_membership_changes

    path = make_v1(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    db = Database(conn)
    _v6_membership_changes(db)
    assert conn.execute("SELECT DISTINCT membership_changes FROM meetings").fetchall() == [("[]",)]
    _v6_membership_changes(db)  # again: nothing to do, no error
    columns = [row[1] for row in conn.execute("PRAGMA table_info(meetings)")]
    assert columns.count("membership_changes") == 1
    conn.close()
