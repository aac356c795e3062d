"""Two clerk processes on one database: each store can tell that the other has written
(SQLite's data_version), and neither's own writes count as the other's."""

from __future__ import annotations

from pathlib import Path

from clerk.record import MinuteParagraph
from clerk.store import Store
from tests.tui.conftest import october_record


def test_data_version_changes_for_the_other_connections_writes_only(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    record = october_record()
    with Store(path) as clerk, Store(path, role="chair") as chair:
        clerk.save_record(record)
        seen = chair.data_version()
        mine = clerk.data_version()
        item = record.items[3]
        clerk.add(record.meeting.id, MinuteParagraph(item_id=item.id, text="Noted.", position=0))
        assert clerk.data_version() == mine, "a connection's own commit is not another's"
        assert chair.data_version() != seen, "the chair's store sees the clerk's commit"
        again = chair.data_version()
        assert chair.data_version() == again, "and nothing more until another commit"
        # the chair reads the paragraph the clerk wrote, without reopening anything
        loaded = chair.load_record(record.meeting.id)
        assert [p.text for p in loaded.paragraphs] == ["Noted."]


def test_a_record_is_read_as_it_stood_at_one_moment(tmp_path: Path, monkeypatch) -> None:
    """Another process's commit landing between load_record's SELECTs is not half seen."""
    path = tmp_path / "clerk.db"
    record = october_record()
    item = record.items[3]
    with Store(path) as clerk, Store(path, role="chair") as chair:
        clerk.save_record(record)
        real_select = type(chair)._select
        landed = []

        def select_then_commit(self, conn, cls, where, params):  # type: ignore[no-untyped-def]
            rows = real_select(self, conn, cls, where, params)
            if not landed:  # after the first SELECT, the clerk commits two paragraphs
                landed.append(True)
                with clerk.batch():
                    for n in range(2):
                        clerk.add(
                            record.meeting.id,
                            MinuteParagraph(item_id=item.id, text=f"Para {n}.", position=n),
                        )
            return rows

        monkeypatch.setattr(type(chair), "_select", select_then_commit)
        during = chair.load_record(record.meeting.id)
        monkeypatch.undo()
        after = chair.load_record(record.meeting.id)
    assert landed
    assert during.paragraphs == []  # as it stood when the reading began
    assert [p.text for p in after.paragraphs] == ["Para 0.", "Para 1."]
