"""The registers read from the store's light rows (the few columns each needs: issue 13) are
the registers computed from whole records as before, over generated meetings: the same
title, notes, rows and places, exempt matter in or out, items numbered any way ("4A", "10",
a number two items share, text), several meetings of one committee and one only."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clerk.codec import decode, encode
from clerk.record import MeetingRecord
from clerk.registers import (
    MunicipalYear,
    attendance_from_rows,
    interests_from_rows,
    open_actions_from_rows,
)
from clerk.store import Store, StoreError
from tests import registers_before as before
from tests.minutes_builders import MeetingBuilder
from tests.strategies import meeting_records


def _ids(data: Any, out: set[str]) -> set[str]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str) and data["id"]:
            out.add(data["id"])
        for value in data.values():
            _ids(value, out)
    elif isinstance(data, list):
        for value in data:
            _ids(value, out)
    return out


def _renamed(data: Any, names: dict[str, str]) -> Any:
    if isinstance(data, dict):
        return {k: _renamed(v, names) for k, v in data.items()}
    if isinstance(data, list):
        return [_renamed(v, names) for v in data]
    if isinstance(data, str):
        return names.get(data, data)
    return data


def apart(record: MeetingRecord, n: int) -> MeetingRecord:
    """The record with every id its own to the `n`th record (each record draws its ids
    alone, and shrinking makes them alike)."""
    data = encode(record)
    names = {i: f"{n:02x}{i[2:]}" for i in _ids(data, set())}
    return decode(MeetingRecord, _renamed(data, names))


def under(record: MeetingRecord, first: MeetingRecord) -> MeetingRecord:
    """The record as a meeting of `first`'s committee (its seats on that committee)."""
    record.committee = first.committee
    record.meeting.committee_id = first.committee.id
    for seat in record.memberships:
        seat.committee_id = first.committee.id
    return record


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    records=st.lists(meeting_records(max_items=4, max_rows=4), min_size=1, max_size=4),
    shared=st.integers(0, 3),
    exempt=st.booleans(),
    data=st.data(),
)
def test_the_light_rows_give_the_registers_whole_records_give(
    records: list[MeetingRecord], shared: int, exempt: bool, data: st.DataObject
) -> None:
    records = [apart(r, n) for n, r in enumerate(records)]
    # the first `shared` after the first are more meetings of the first one's committee
    records = [records[0]] + [
        under(r, records[0]) if n < shared else r for n, r in enumerate(records[1:])
    ]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "r.db") as store:
        for record in records:
            store.save_record(record)

        for committee in store.committees():
            meetings = store.committee_meetings(committee.id)
            years = [None, *(MunicipalYear(m.date.year - (m.date.month < 5)) for m in meetings)]
            year = data.draw(st.sampled_from(years))
            records = [
                store.load_record(m.id)
                for m in meetings
                if year is None or m.date in year  # as the command read them
            ]
            whole = before.attendance_register(committee, records, year)
            light = store.attendance_rows(
                committee.id,
                year.first_day if year else None,
                year.last_day if year else None,
            )
            assert attendance_from_rows(committee, light, year) == whole
            event(f"attendance rows: {min(len(whole.rows), 3)}")

        everyone = [p.id for p in store.people()]
        for ids in (
            None,
            data.draw(st.lists(st.sampled_from(everyone), unique=True)) if everyone else [],
        ):
            made = before.declarations_made(store, ids, exempt=exempt)
            whole = before.interests_register(made, person="x", exempt=exempt)
            light = store.declaration_rows(ids, exempt=exempt)
            assert interests_from_rows(light, person="x", exempt=exempt) == whole
        actions = before.open_actions(store, exempt=exempt)
        whole = before.open_actions_register(actions, exempt=exempt)
        light = store.open_action_rows(exempt=exempt)
        assert open_actions_from_rows(light, exempt=exempt) == whole


def test_a_value_clerk_cannot_read_is_named_and_nothing_listed(tmp_path: Path) -> None:
    m = MeetingBuilder(day=date(2020, 1, 9))
    m.action(m.item("4", "SCHOOL STREETS"), "Report back")
    db = tmp_path / "r.db"
    with Store(db) as store:
        store.save_record(m.build())
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE actions SET status = 'parked'")
    with Store(db) as store, pytest.raises(StoreError) as raised:
        store.open_action_rows()
    assert str(raised.value) == (
        "The database holds a value clerk cannot read: actions.status is 'parked'"
    )
