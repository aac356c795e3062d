"""The chair's review from the command line, the whole path on a real database file:
draft → sent → requests accepted and declined → approved (and then read-only on every
route that writes) → reopened with a reason → approved again → confirmed at the next meeting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document

from clerk.cli import main
from clerk.store import MinutesApproved, Store
from clerk.tui.session import LiveSession

OCTOBER, NOVEMBER = "2019-10-17", "2019-11-25"


def clerk(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def ok(db: Path, *args: str) -> str:
    result = clerk(db, *args)
    assert result.exit_code == 0, result.output
    return result.output


def refused(db: Path, *args: str) -> str:
    result = clerk(db, *args)
    assert result.exit_code == 1, result.output
    return result.output


def requests(db: Path) -> list[dict]:
    return json.loads(ok(db, "amendments", OCTOBER, "--json"))


def minutes_text(db: Path) -> str:
    return ok(db, "minutes", OCTOBER)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "clerk.db"
    ok(path, "load-samples")
    return path


def test_the_whole_review_from_the_command_line(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert "DRAFT" in minutes_text(db)

    # sent: version 1 frozen, the chair's copy written, the status shown
    out = ok(db, "send-to-chair", OCTOBER, "-o", "chair.docx")
    assert "Version 1" in out and "chair.docx" in out
    copy = "\n".join(p.text for p in Document(str(tmp_path / "chair.docx")).paragraphs)
    assert "The Committee received the update" in copy
    (october,) = [m for m in json.loads(ok(db, "meetings", "--json")) if m["date"] == OCTOBER]
    assert october["status"] == "sent"
    assert "with chair" in ok(db, "meetings")

    # requests, from the chair and from the clerk on the chair's behalf
    refused_out = refused(db, "request", OCTOBER, "4.9", "delete")
    assert "no passage '4.9'" in refused_out and "4.1" in refused_out
    ok(db, "request", OCTOBER, "4.2", "replace", "The Committee noted the Ofsted inspection.",
       "--as", "chair", "--author", "Cllr Glanz")  # fmt: skip
    ok(db, "request", OCTOBER, "5 RESOLVED (6)", "delete", "--as", "chair")
    ok(db, "request", OCTOBER, "4.4", "comment", "Is Meals on Wheels right?")
    first, second, third = requests(db)
    assert (first["reference"], first["kind"], first["author"], first["status"]) == (
        "4.2", "replace", "Cllr Glanz", "open",
    )  # fmt: skip
    assert first["old_text"].startswith("The Committee noted that Ofsted")
    assert first["new_text"] == "The Committee noted the Ofsted inspection."
    assert first["date"] and first["reason"] == ""

    # approval waits for open requests
    out = refused(db, "approve", OCTOBER)
    assert "3 amendment requests are still open" in out and "clerk amend" in out

    # accepted and declined
    assert "replaced" in ok(db, "amend", OCTOBER, first["id"][:6], "accept")
    ok(db, "amend", OCTOBER, second["id"], "accept")
    assert "needs a reason" in refused(db, "amend", OCTOBER, third["id"], "decline")
    ok(db, "amend", OCTOBER, third["id"], "decline", "--reason", "It is as minuted.")
    assert "already declined" in refused(db, "amend", OCTOBER, third["id"], "accept")
    statuses = [(r["status"], r["reason"]) for r in requests(db)]
    assert statuses == [("accepted", ""), ("accepted", ""), ("declined", "It is as minuted.")]
    text = minutes_text(db)
    assert "The Committee noted the Ofsted inspection." in text
    assert "6) That the possibility of setting up a pilot" not in text
    assert "5) That the possibility of Westminster participating" in text

    # approved by the chair: no DRAFT mark, journalled as the chair
    ok(db, "approve", OCTOBER, "--on", "2019-10-24")
    assert "DRAFT" not in minutes_text(db)
    journal = json.loads(ok(db, "journal", OCTOBER, "--json"))
    approval = [e for e in journal if e["table"] == "status_changes"][-1]
    assert (approval["role"], approval["new"]["to_status"]) == ("chair", "approved")
    readable = ok(db, "journal", OCTOBER)
    assert "chair   request on 4.2 (replace) by Cllr Glanz" in readable
    assert "status sent → approved" in readable
    versions = json.loads(ok(db, "versions", OCTOBER, "--json"))
    assert [(v["number"], v["event"], v["draft"]) for v in versions] == [
        (1, "sent to the chair", True),
        (2, "approved", False),
    ]

    # read-only on every route that writes
    exported = tmp_path / "october.json"
    ok(db, "export-record", OCTOBER, "-o", str(exported))
    record = json.loads(exported.read_text())
    record["record"]["paragraphs"][0]["text"] = "Changed behind the chair's back."
    exported.write_text(json.dumps(record))
    for args in (
        ("import-record", str(exported), "--replace"),
        ("request", OCTOBER, "4.1", "delete"),
        ("send-to-chair", OCTOBER),
    ):
        out = refused(db, *args)
        assert "read-only" in out or "cannot be" in out, args
        assert f"clerk reopen {OCTOBER} --reason" in out
    with Store(db) as store:
        meeting_id = store.resolve_meeting(OCTOBER)
        session = LiveSession(store, meeting_id)
        with pytest.raises(MinutesApproved):
            session.add_paragraph(session.record.items[3].id, "Typed on the live screen.")
    assert "Changed behind" not in minutes_text(db)

    # reopened with a reason, changed, approved again
    assert "--reason" in clerk(db, "reopen", OCTOBER).output
    ok(db, "reopen", OCTOBER, "--reason", "The chair's name is misspelt in 4.1.")
    assert "DRAFT" in minutes_text(db)
    assert "The chair's name is misspelt in 4.1." in ok(db, "journal", OCTOBER)
    ok(db, "send-to-chair", OCTOBER, "-o", "chair-v3.docx")
    ok(db, "approve", OCTOBER)
    assert "marked published" in ok(db, "publish", OCTOBER, "-o", "papers")

    # confirmed at the next meeting
    out = ok(db, "confirm", OCTOBER, "--at", NOVEMBER, "--minute", "3.1")
    assert "as a correct record at the meeting on 2019-11-25, minute 3.1" in out
    (october,) = [m for m in json.loads(ok(db, "meetings", "--json")) if m["date"] == OCTOBER]
    assert october["status"] == "confirmed"
    assert "already confirmed" in refused(db, "confirm", OCTOBER, "--at", NOVEMBER,
                                          "--minute", "3.1")  # fmt: skip
    exported_again = json.loads(ok(db, "export-record", OCTOBER))
    assert exported_again["record"]["meeting"]["confirmed_minute"] == "3.1"
    assert exported_again["record"]["meeting"]["confirmed_on"] == NOVEMBER


def test_an_unknown_request_id_says_where_to_find_the_ids(db: Path) -> None:
    ok(db, "send-to-chair", OCTOBER, "-o", str(db.parent / "c.docx"))
    out = refused(db, "amend", OCTOBER, "zzzz", "accept")
    assert "clerk amendments MEETING" in out
    assert "No amendment requests" in ok(db, "amendments", OCTOBER)
