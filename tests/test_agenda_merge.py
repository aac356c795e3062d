"""A follow-on agenda, or the same pack again, for a meeting already in the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk.agenda_merge import apply_merge, merge_agenda, number_key
from clerk.importers.agenda import read_agenda
from clerk.record import AgendaItem
from clerk.store import Store, StoreError
from tests.conftest import REPO

AGENDAS = REPO / "tests" / "agendas"
MAIN = AGENDAS / "fpss_2019-11-25_reference.md"
FOLLOW_ON = AGENDAS / "fpss_follow_on.md"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "clerk.db")
    yield store
    store.close()


def test_numbers_sort_as_on_an_agenda() -> None:
    assert sorted(["10", "4A", "5", "4", "1"], key=number_key) == ["1", "4", "4A", "5", "10"]


def test_the_same_pack_again_changes_nothing(store: Store) -> None:
    record = read_agenda(MAIN).record
    store.save_record(record)
    merge = merge_agenda(store.load_record(record.meeting.id), read_agenda(MAIN).record)
    assert not merge.changes_anything
    assert merge.same == [i.number for i in record.agenda()]


def test_a_follow_on_item_fills_in_only_what_was_blank(store: Store) -> None:
    record = read_agenda(MAIN).record
    five = next(i for i in record.items if i.number == "5")
    record.items[record.items.index(five)] = AgendaItem(
        number="5", title=five.title, position=five.position, page_from=23, page_to=62, id=five.id
    )
    store.save_record(record)
    follow_on = read_agenda(FOLLOW_ON).record
    merge = merge_agenda(store.load_record(record.meeting.id), follow_on)
    assert [item.number for item, _ in merge.filled] == ["5"]
    apply_merge(store, record.meeting.id, merge)
    stored = next(i for i in store.load_record(record.meeting.id).items if i.number == "5")
    incoming = next(i for i in follow_on.items if i.number == "5")
    assert stored.description == incoming.description != ""
    assert (stored.page_from, stored.page_to) == (23, 62)  # the main pack's pages stay
    changes = [e for e in store.journal(record.meeting.id) if e.op == "update"]
    assert changes and "description" in changes[-1].new


def test_new_items_go_in_their_place_by_number(store: Store) -> None:
    record = read_agenda(MAIN).record
    store.save_record(record)
    later = read_agenda(MAIN).record
    later.items = [
        AgendaItem(number="6A", title="URGENT: WINTER PRESSURES", position=0),
        AgendaItem(number="10", title="EXCLUSION OF PRESS AND PUBLIC", position=1),
    ]
    merge = merge_agenda(store.load_record(record.meeting.id), later)
    apply_merge(store, record.meeting.id, merge)
    numbers = [i.number for i in store.load_record(record.meeting.id).agenda()]
    assert numbers == ["1", "2", "3", "4", "5", "6", "6A", "7", "8", "9", "10"]


def test_a_merge_the_database_refuses_writes_nothing(store: Store, tmp_path: Path) -> None:
    record = read_agenda(MAIN).record
    store.save_record(record)
    later = read_agenda(MAIN).record
    later.items = [AgendaItem(number="6A", title="URGENT", position=0)]
    merge = merge_agenda(store.load_record(record.meeting.id), later)
    importer = Store(tmp_path / "clerk.db", busy_timeout=0.1)
    before = (tmp_path / "clerk.db").read_bytes()
    other = sqlite3.connect(tmp_path / "clerk.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with pytest.raises(StoreError, match="in use by another program"):
            apply_merge(importer, record.meeting.id, merge)
    finally:
        other.rollback()
        other.close()
        importer.close()
    assert [i.number for i in store.load_record(record.meeting.id).agenda()][5:7] == ["6", "7"]
    assert (tmp_path / "clerk.db").read_bytes() == before


def test_a_batch_that_fails_half_way_rolls_back(store: Store) -> None:
    record = read_agenda(MAIN).record
    store.save_record(record)
    first, second = record.agenda()[:2]
    with pytest.raises(StoreError), store.batch():
        store.update(first, title="CHANGED")
        store.delete(second)
        store.update(second, title="GONE")  # no longer there: the whole batch is undone
    titles = {i.id: i.title for i in store.load_record(record.meeting.id).items}
    assert titles[first.id] == first.title and second.id in titles
