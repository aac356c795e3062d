"""A hit's reference counted from its item's rows is the reference the composed minutes
give it, over generated meetings; where counting is not enough, it says so (None) and the
minutes are composed."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from clerk.record import MeetingRecord
from clerk.searching import References, counted_reference
from clerk.store import SearchRow, Store
from tests.strategies import meeting_records


def rows_of(record: MeetingRecord) -> list[SearchRow]:
    items = {i.id: i for i in record.items}
    out = []
    for kind, rows in (
        ("paragraph", record.paragraphs),
        ("resolution", record.resolutions),
        ("action", record.actions),
        ("item", record.items),
        ("declaration", record.declarations),
    ):
        for row in rows:
            item_id = row.id if kind == "item" else row.item_id
            if item_id is None:  # a declaration on the meeting as a whole
                continue
            item = items[item_id]
            out.append(
                SearchRow(
                    kind=kind,
                    row_id=row.id,
                    meeting_id=record.meeting.id,
                    date=record.meeting.date,
                    committee=record.committee.name,
                    item_id=item.id,
                    item_number=item.number,
                    item_title=item.title,
                    exempt=item.is_exempt and kind != "item",
                    snippet="",
                )
            )
    return out


def plainly_numbered(
    record: MeetingRecord, numbers: list[str], titles: list[str], notes: list[bool]
) -> MeetingRecord:
    """The record with its items numbered plainly, each number once (as agendas are), so
    that the counting is tried on every item; some titled as the standing items are (whose
    minutes start with generated sentences); some paragraphs unnumbered notes."""
    items = [
        replace(item, number=numbers[k], title=titles[k] or item.title)
        for k, item in enumerate(record.items)
    ]
    paragraphs = [replace(p, note=notes[k % len(notes)]) for k, p in enumerate(record.paragraphs)]
    return replace(record, items=items, paragraphs=paragraphs)


STANDING_TITLES = st.sampled_from(
    ["", "", "MEMBERSHIP", "DECLARATIONS OF INTEREST", "APOLOGIES AND MEMBERSHIP", "MINUTES"]
)


@given(
    record=meeting_records(max_items=5, max_rows=5),
    numbers=st.lists(
        st.from_regex(r"[1-9][0-9]?[A-C]?", fullmatch=True),
        min_size=5,
        max_size=5,
        unique_by=str.casefold,
    ),
    titles=st.lists(STANDING_TITLES, min_size=5, max_size=5),
    notes=st.lists(st.booleans(), min_size=1, max_size=4),
    plain=st.booleans(),
)
def test_counted_references_are_the_composed_ones(
    record: MeetingRecord, numbers: list[str], titles: list[str], notes: list[bool], plain: bool
) -> None:
    if plain:
        record = plainly_numbered(record, numbers, titles, notes)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "r.db") as store:
        store.save_record(record)
        references = References(store)
        rows = [r for r in rows_of(record) if not r.exempt]
        # every row as search names it (counted where it can be) against the composed
        assert references.references(rows) == [references.composed(row) for row in rows]
        numbering = store.item_numbering([r.item_id for r in rows if r.item_id])
        for row in rows:
            if row.kind == "declaration":
                continue
            counted = counted_reference(row, numbering[row.item_id], references.style)
            if counted is not None:
                assert counted == references.composed(row), row


def test_plain_items_are_counted(tmp_path: Path) -> None:
    from tests.test_search import school_streets

    with Store(tmp_path / "c.db") as store:
        record = school_streets()
        store.save_record(record)
        references = References(store)
        rows = [r for r in rows_of(record) if not r.exempt]
        numbering = store.item_numbering([r.item_id for r in rows])
        counted = {
            (r.kind, counted_reference(r, numbering[r.item_id], references.style)) for r in rows
        }
        assert ("paragraph", "4.2") in counted and ("resolution", "4 RESOLVED (2)") in counted
        assert ("item", "1 title") in counted  # a title is its number whatever the item
        assert ("action", "4 action 1") in counted
