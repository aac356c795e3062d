"""The chair's Word copy, written by LibreOffice with tracked changes and a comment, read
back into amendment requests on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk import review
from clerk.chair_copy import read_chair_copy
from clerk.record import AmendmentKind
from clerk.samples import load_samples
from clerk.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "chair_fps-2019-10-17_libreoffice.docx"
CHAIR = "Councillor Jonathan Glanz"


@pytest.fixture
def sent(tmp_path: Path) -> tuple[Store, str]:
    store = Store(tmp_path / "clerk.db")
    meeting_id = load_samples(store)["fps-2019-10-17.json"]
    review.send_to_chair(store, meeting_id)
    return store, meeting_id


def test_every_change_the_chair_tracked_becomes_a_request_on_its_passage(
    sent: tuple[Store, str],
) -> None:
    store, meeting_id = sent
    reading = read_chair_copy(store, meeting_id, FIXTURE)
    asked = {(a.reference, a.kind) for a in reading.taken}
    assert {
        ("4.3", AmendmentKind.REPLACE),
        ("5 RESOLVED (2)", AmendmentKind.REPLACE),
        ("5.2", AmendmentKind.COMMENT),
        ("6.3", AmendmentKind.DELETE),
        ("7.2", AmendmentKind.DELETE),  # merged into 7.1
        ("8.1", AmendmentKind.INSERT),
        ("attendance 2", AmendmentKind.REPLACE),
    } <= asked
    by_reference = {a.reference: a for a in reading.taken if a.kind is AmendmentKind.REPLACE}
    assert "noted the update" in by_reference["4.3"].new_text
    assert by_reference["4.3"].author == CHAIR
    assert by_reference["attendance 2"].author == "Aaron Hardy"  # the second author kept
    assert by_reference["4.3"].made_at is not None and by_reference["4.3"].made_at.year == 2019
    assert reading.version == 1 and reading.not_taken == ()
    stored = {(a.reference, a.kind) for a in store.amendments(meeting_id)}
    assert stored == asked


def test_reading_the_same_copy_again_asks_nothing_twice(sent: tuple[Store, str]) -> None:
    store, meeting_id = sent
    first = read_chair_copy(store, meeting_id, FIXTURE)
    again = read_chair_copy(store, meeting_id, FIXTURE)
    assert again.taken == () and again.repeated == len(first.taken)
    assert len(store.amendments(meeting_id)) == len(first.taken)


def test_a_change_to_a_passage_deleted_since_is_reported_not_lost(
    sent: tuple[Store, str],
) -> None:
    store, meeting_id = sent
    # The clerk deleted 8.1 after the copy went out (a request of their own, accepted).
    own = review.request_amendment(store, meeting_id, "8.1", AmendmentKind.DELETE, author="clerk")
    review.accept(store, meeting_id, own.id)
    reading = read_chair_copy(store, meeting_id, FIXTURE)
    (missed,) = [n for n in reading.not_taken if n.reference == "8.1"]
    assert missed.kind == "insert" and "Chairman thanked officers" in missed.text
    assert "There is no passage '8.1'" in missed.why


def test_clerk_review_from_the_chairs_copy_prints_what_it_read(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from clerk.cli import main

    db = tmp_path / "clerk.db"

    def clerk(*args: str) -> str:
        result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    clerk("load-samples")
    clerk("send-to-chair", "2019-10-17", "-o", str(tmp_path / "chair.docx"))
    out = clerk("review", "2019-10-17", "--from", str(FIXTURE))
    assert "against version 1" in out and "11 amendment request(s) made" in out
    assert "5 RESOLVED (2)" in out and CHAIR in out
    again = clerk("review", "2019-10-17", "--from", str(FIXTURE))
    assert "0 amendment request(s) made, 11 already asked for" in again
    listed = clerk("amendments", "2019-10-17", "--json")
    assert listed.count('"reference"') == 11
