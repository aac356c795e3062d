"""A Minutes document frozen as JSON comes back exactly, whatever it holds."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.minutes.compose import compose_minutes
from clerk.minutes.document import (
    Heading,
    MinutesDocument,
    Paragraph,
    Resolved,
    Run,
    SignatureLines,
    Table,
)
from clerk.minutes.document_json import DocumentJSONError, from_json, to_json
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord
from clerk.samples import read_sample
from tests.strategies import meeting_records, texts

STYLE = load_style("westminster")

runs = st.builds(Run, texts(), st.booleans(), st.booleans())
inlines = st.lists(runs, max_size=3).map(tuple)
small = st.lists(texts(20), max_size=3).map(tuple)
blocks = st.one_of(
    st.builds(Heading, texts(), st.integers(1, 6)),
    st.builds(Paragraph, inlines, texts(8), st.lists(inlines, max_size=3).map(tuple), texts(20)),
    st.builds(
        Resolved,
        st.lists(st.tuples(texts(5), texts()), max_size=3).map(tuple),
        texts(12),
        texts(5),
        st.booleans(),
        st.booleans(),
        small,
    ),
    st.builds(Table, small, st.lists(small, max_size=3).map(tuple), texts(20)),
    st.builds(SignatureLines, small),
)
documents = st.builds(
    MinutesDocument,
    st.lists(blocks, max_size=8).map(tuple),
    texts(),
    texts(),
    st.booleans(),
    st.booleans(),
    small,
)


@given(documents)
def test_any_document_comes_back_exactly(document: MinutesDocument) -> None:
    assert from_json(to_json(document)) == document


@given(meeting_records(), st.booleans())
def test_composed_minutes_come_back_exactly(record: MeetingRecord, exempt: bool) -> None:
    document = compose_minutes(record, STYLE, exempt=exempt)
    assert from_json(to_json(document)) == document


def test_the_october_minutes_are_kept_as_readable_versioned_json() -> None:
    document = compose_minutes(read_sample("fps-2019-10-17.json"), STYLE)
    data = json.loads(to_json(document))
    assert (data["format"], data["version"]) == ("clerk-minutes", 1)
    assert data["blocks"][0] == {"kind": "heading", "text": "CITY OF WESTMINSTER", "level": 1}
    assert from_json(to_json(document)) == document


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("not json", "not JSON"),
        ('{"format": "other"}', "not a Minutes document"),
        ('{"format": "clerk-minutes", "version": 9, "blocks": []}', "version 9"),
        (
            '{"format": "clerk-minutes", "version": 1, "title": "t", '
            '"blocks": [{"kind": "picture"}]}',
            "blocks[0].kind",
        ),
        (
            '{"format": "clerk-minutes", "version": 1, "title": "t", '
            '"blocks": [{"kind": "heading", "text": "A", "level": "one"}]}',
            "blocks[0].level: expected int",
        ),
    ],
)
def test_a_text_that_is_not_a_frozen_document_is_refused_saying_where(
    text: str, where: str
) -> None:
    with pytest.raises(DocumentJSONError, match=where.replace("[", r"\[").replace("]", r"\]")):
        from_json(text)
