"""`clerk export-record` and exempt information (issue 12, point 10): the exempt parts are
marked in the file and said on the terminal, and --public leaves them out."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from clerk.cli import main
from clerk.record import Action, AgendaItem, MinuteParagraph, Resolution
from clerk.store import Store
from tests.tui.conftest import october_record

SECRET = "QXSECRETVALUATION"


def clerk(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def with_exempt_minutes(db: Path) -> AgendaItem:
    record = october_record()
    (exempt,) = [item for item in record.items if item.is_exempt]
    exempt.description = f"{SECRET} description"
    exempt.public_summary = "The Committee considered the award of the contract."
    public = record.agenda()[4]
    record.paragraphs = [
        MinuteParagraph(public.id, "The Committee noted the report."),
        MinuteParagraph(exempt.id, f"{SECRET} paragraph", bullets=[f"{SECRET} bullet"]),
    ]
    record.resolutions = [Resolution(exempt.id, f"That {SECRET} be approved.")]
    record.actions = [Action(exempt.id, f"{SECRET} action", lead=f"{SECRET} lead")]
    with Store(db) as store:
        store.save_record(record)
    return exempt


def test_export_marks_the_exempt_parts_and_warns(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    exempt = with_exempt_minutes(db)
    out = tmp_path / "record.json"
    result = clerk("--db", str(db), "export-record", "2019-10-17", "-o", str(out))
    assert result.exit_code == 0
    assert f"exempt (Part 2) information of item {exempt.number}" in result.output
    assert "--public leaves it out" in result.output
    document = json.loads(out.read_text())
    marked = document["exempt"]
    assert "not for publication" in marked["notice"]
    index = [i["id"] for i in document["record"]["items"]].index(exempt.id)
    assert set(marked["parts"]) == {
        f"record.items[{index}]",
        "record.paragraphs[1]",
        "record.resolutions[0]",
        "record.actions[0]",
    }
    # the marked file reads back as it was written
    assert clerk("--db", str(tmp_path / "b.db"), "import-record", str(out)).exit_code == 0


def test_a_public_export_leaves_out_every_exempt_word(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    exempt = with_exempt_minutes(db)
    out = tmp_path / "public.json"
    result = clerk("--db", str(db), "export-record", "2019-10-17", "--public", "-o", str(out))
    assert result.exit_code == 0
    assert "Warning" not in result.output
    text = out.read_text()
    assert SECRET not in text and '"exempt": {' not in text
    record = json.loads(text)["record"]
    (item,) = [i for i in record["items"] if i["id"] == exempt.id]
    assert item["title"] == exempt.title and item["part"] == "exempt"
    assert item["public_summary"] == exempt.public_summary
    assert record["paragraphs"][0]["text"] == "The Committee noted the report."
    # what is handed on is still a record clerk reads
    imported = clerk("--db", str(tmp_path / "b.db"), "import-record", str(out))
    assert imported.exit_code == 0, imported.output
