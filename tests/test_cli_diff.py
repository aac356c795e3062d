"""`clerk diff`: two versions of a meeting's minutes compared, as text and as Word tracked
changes, on a real database after a real amendment."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from clerk.cli import main

OCTOBER = "2019-10-17"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def clerk(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def ok(db: Path, *args: str) -> str:
    result = clerk(db, *args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def amended(tmp_path: Path) -> Path:
    """The October meeting sent to the chair (version 1), 4.3 reworded at the chair's
    request and accepted, then sent again (version 2)."""
    db = tmp_path / "clerk.db"
    ok(db, "load-samples")
    ok(db, "send-to-chair", OCTOBER, "-o", str(tmp_path / "chair.docx"))
    ok(
        db,
        "request",
        OCTOBER,
        "4.3",
        "replace",
        "The Committee noted the update and held detailed discussions on the following topics:",
        "--as",
        "chair",
    )
    (request,) = json.loads(ok(db, "amendments", OCTOBER, "--json"))
    ok(db, "amend", OCTOBER, request["id"], "accept")
    ok(db, "send-to-chair", OCTOBER, "-o", str(tmp_path / "chair2.docx"))
    return db


def test_the_text_difference_names_the_passage_and_the_words(amended: Path) -> None:
    out = ok(amended, "diff", OCTOBER, "1", "2")
    assert "version 1" in out and "version 2" in out
    assert "4.3" in out
    assert "[-received-]" in out and "{+noted+}" in out
    assert "5.1" not in out  # nothing else changed
    assert "No differences" in ok(amended, "diff", OCTOBER, "2")  # 2 against current


def test_the_word_difference_tracks_the_change_with_its_author(
    amended: Path, tmp_path: Path
) -> None:
    target = tmp_path / "changes.docx"
    out = ok(
        amended, "diff", OCTOBER, "1", "2", "-f", "docx", "-o", str(target), "--author", "Clerk"
    )
    assert str(target) in out
    body = docx.Document(str(target)).element.body
    deleted = "".join(t.text for t in body.iter(f"{W}delText"))
    inserted = "".join(t.text for d in body.iter(f"{W}ins") for t in d.iter(f"{W}t"))
    assert "received" in deleted and "noted" in inserted
    assert {d.get(f"{W}author") for d in body.iter(f"{W}ins")} == {"Clerk"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("7", "2"), "there is no version 7 of these minutes (kept: 1, 2)"),
        (("first",), "'first' is not a version"),
    ],
)
def test_an_unknown_version_is_refused_with_the_ones_kept(
    amended: Path, args: tuple[str, ...], says: str
) -> None:
    result = clerk(amended, "diff", OCTOBER, *args)
    assert result.exit_code == 1
    assert says in result.output
