"""Exempt (Part 2) matter never reaches a search result shown as public, nor a register,
over generated meetings: a marker word put in every row under an exempt item is found only
when exempt matter is asked for, always marked so, and is never in a register otherwise."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import given

from clerk.record import MeetingRecord
from clerk.registers import (
    attendance_from_rows,
    interests_from_rows,
    open_actions_from_rows,
)
from clerk.searching import search
from clerk.store import Store
from tests.strategies import meeting_records

MARK = "zqxconfidential"


def marked(record: MeetingRecord) -> tuple[MeetingRecord, int]:
    """The record with MARK in the text of every row under an exempt item; how many rows."""
    exempt = {i.id for i in record.items if i.is_exempt}
    n = 0

    def mark(rows, field: str):  # type: ignore[no-untyped-def]
        nonlocal n
        out = []
        for row in rows:
            if row.item_id in exempt:
                n += 1
                row = replace(row, **{field: f"{getattr(row, field)} {MARK}{n} "})
            out.append(row)
        return out

    record = replace(
        record,
        paragraphs=mark(record.paragraphs, "text"),
        resolutions=mark(record.resolutions, "text"),
        actions=mark(record.actions, "text"),
        declarations=mark(record.declarations, "nature"),
    )
    return record, n


@given(record=meeting_records(max_items=4, max_rows=4))
def test_exempt_text_is_never_shown_as_public(record: MeetingRecord) -> None:
    record, exempt_rows = marked(record)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "p.db") as store:
        store.save_record(record)
        assert search(store, f"{MARK}*", limit=None) == []
        asked = search(store, f"{MARK}*", exempt=True, limit=None)
        assert len(asked) == exempt_rows
        assert all(hit.row.exempt for hit in asked)
        # whatever else is searched for, nothing public carries the marker
        words = {w for p in record.paragraphs for w in p.text.split() if w.isalpha()}
        for word in sorted(words)[:5]:
            for hit in search(store, word, limit=None):
                assert MARK not in hit.text and not hit.row.exempt
        registers = [
            # as `clerk register` and the registers screen compute them: from the rows the
            # store reads for them, exempt matter left out in its SQL
            interests_from_rows(store.declaration_rows()),
            open_actions_from_rows(store.open_action_rows()),
            attendance_from_rows(record.committee, store.attendance_rows(record.committee.id)),
        ]
    for register in registers:
        assert MARK not in repr(register)
        assert "EXEMPT" not in repr(register)
