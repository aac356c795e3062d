"""Passage references: one name for each passage of the minutes, the same on every route."""

from __future__ import annotations

from hypothesis import given

from clerk.minutes.compose import compose_minutes
from clerk.minutes.document import Paragraph, Resolved
from clerk.minutes.references import PassageKind, find, passages
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord
from clerk.samples import read_sample
from tests.strategies import meeting_records

STYLE = load_style("westminster")


def test_the_october_minutes_are_referenced_as_a_reader_would() -> None:
    document = compose_minutes(read_sample("fps-2019-10-17.json"), STYLE)
    found = {p.reference: p for p in passages(document)}
    assert found["4.3"].text.startswith("The Committee received the update")
    assert found["4.3"].source.startswith("paragraphs:")
    assert found["3.1 RESOLVED"].text.startswith("That the Minutes of the Family")
    assert found["5 RESOLVED (2)"].text.startswith("That vaccination providers")
    assert found["5 RESOLVED (2)"].part == 1
    assert found["attendance 1"].text.startswith("Members Present:")
    assert found["heading 1"].text == "CITY OF WESTMINSTER"
    assert found["closing"].text == "The Meeting ended at 8.59 pm."
    assert find(document, "  5 resolved   (2) ") == found["5 RESOLVED (2)"]
    assert find(document, "10.1") is None


@given(meeting_records())
def test_every_passage_has_one_reference_and_every_row_is_reachable(record: MeetingRecord) -> None:
    for exempt in (False, True):
        document = compose_minutes(record, STYLE, exempt=exempt)
        found = passages(document)
        references = [p.reference for p in found]
        assert len(references) == len(set(references))
        for passage in found:
            assert find(document, passage.reference) == passage
        # references are written with their spaces collapsed (an item numbered " " in a
        # record the checks would refuse gives a paragraph " .1", referred to as ".1")
        numbered = [
            " ".join(b.number.split())
            for b in document.blocks
            if isinstance(b, Paragraph) and b.number
        ]
        assert set(numbered) <= set(references)
        resolution_sources = [
            s for b in document.blocks if isinstance(b, Resolved) for s in b.sources if s
        ]
        kept = [p.source for p in found if p.kind is PassageKind.RESOLUTION]
        assert all(s in kept for s in resolution_sources)
