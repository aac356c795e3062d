"""Two versions of the minutes compared passage by passage (clerk.minutes.diff)."""

from __future__ import annotations

import copy
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from clerk.minutes.compose import compose_minutes
from clerk.minutes.diff import ChangeKind, Op, diff_documents, diff_text, word_spans
from clerk.minutes.document import MinutesDocument
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord, MinuteParagraph
from clerk.samples import read_sample
from tests.strategies import meeting_records

STYLE = load_style("westminster")
NEW_PARAGRAPH = "The Chairman welcomed Councillor Tim Roca to his first meeting."


def versions() -> tuple[MinutesDocument, MinutesDocument]:
    """The 17 October 2019 minutes, and a second version in which the clerk reworded 4.3,
    added a paragraph at the start of item 4 (renumbering the rest), changed a word in
    5 RESOLVED (3) and removed 5 RESOLVED (1)."""
    record = read_sample("fps-2019-10-17.json")
    old = compose_minutes(record, STYLE)
    edited = edit(record)
    return old, compose_minutes(edited, STYLE)


def edit(record: MeetingRecord) -> MeetingRecord:
    edited = copy.deepcopy(record)
    for paragraph in edited.paragraphs:
        if "received the update" in paragraph.text:
            paragraph.text = paragraph.text.replace("received the update", "noted the update")
            item = paragraph.item_id
    edited.paragraphs.append(MinuteParagraph(item_id=item, text=NEW_PARAGRAPH, position=-1))
    for resolution in edited.resolutions:
        if resolution.text.startswith("That all groups involved"):
            resolution.text = resolution.text.replace("all groups", "all the groups")
    edited.resolutions = [
        r for r in edited.resolutions if not r.text.startswith("That NHS England be requested")
    ]
    return edited


def test_each_change_is_named_by_its_passage_and_renumbering_is_not_a_change() -> None:
    old, new = versions()
    changes = diff_documents(old, new)
    summary = [(c.kind, c.reference, c.old.reference if c.old else None) for c in changes]
    assert summary == [
        (ChangeKind.ADDED, "4.1", None),
        (ChangeKind.CHANGED, "4.4", "4.3"),  # renumbered by the paragraph added before it
        (ChangeKind.REMOVED, "5 RESOLVED (1)", "5 RESOLVED (1)"),
        (ChangeKind.CHANGED, "5 RESOLVED (2)", "5 RESOLVED (3)"),
    ]
    reworded = changes[1]
    assert [s for s in reworded.spans if s.op is not Op.EQUAL][:2] == [
        word_spans("received", "noted")[0],
        word_spans("received", "noted")[1],
    ]
    assert changes[0].new_text == NEW_PARAGRAPH
    assert changes[2].old_text.startswith("That NHS England be requested")


def test_the_text_shows_each_passage_with_its_words_marked() -> None:
    old, new = versions()
    text = diff_text(diff_documents(old, new), old_label="version 1", new_label="version 2")
    lines = text.splitlines()
    assert lines[0] == (
        "Changes from version 1 to version 2: 2 passages changed, 1 added, 1 removed"
    )
    assert "4.1 (paragraph) added" in lines
    assert f"  + {NEW_PARAGRAPH}" in lines
    assert "4.4 (paragraph) changed, was 4.3" in lines
    assert any(
        line.startswith("    The Committee [-received-]{+noted+} the update") for line in lines
    )
    assert any(line.startswith("    That all {+the +}groups involved") for line in lines)
    assert "5 RESOLVED (1) (resolution) removed" in lines
    assert diff_text([]) == "Changes: no changes\n"


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_spans_spell_both_texts(old: str, new: str) -> None:
    spans = word_spans(old, new)
    assert "".join(s.text for s in spans if s.op is not Op.INSERT) == old
    assert "".join(s.text for s in spans if s.op is not Op.DELETE) == new
    assert all(s.text for s in spans)
    assert all(a.op is not b.op for a, b in pairwise(spans))


@given(meeting_records())
def test_a_version_compared_with_itself_has_no_changes(record: MeetingRecord) -> None:
    document = compose_minutes(record, STYLE)
    assert diff_documents(document, compose_minutes(record, STYLE)) == []


@given(meeting_records(), st.data())
def test_every_passage_of_either_version_is_accounted_for(
    record: MeetingRecord, data: st.DataObject
) -> None:
    """Changed and unchanged passages of the new version, and removed ones of the old, are
    each version's passages exactly once: nothing lost, nothing invented."""
    from clerk.minutes.references import passages

    old = compose_minutes(record, STYLE)
    edited = copy.deepcopy(record)
    if edited.paragraphs:
        victim = data.draw(st.sampled_from(edited.paragraphs))
        victim.text = data.draw(st.text(min_size=1, max_size=30)) + victim.text
    if edited.resolutions and data.draw(st.booleans()):
        edited.resolutions.pop(0)
    new = compose_minutes(edited, STYLE)
    changes = diff_documents(old, new)
    added = {c.new.reference for c in changes if c.kind is ChangeKind.ADDED and c.new}
    removed = {c.old.reference for c in changes if c.kind is ChangeKind.REMOVED and c.old}
    changed_old = {c.old.reference for c in changes if c.kind is ChangeKind.CHANGED and c.old}
    old_refs = {p.reference for p in passages(old)}
    new_refs = {p.reference for p in passages(new)}
    assert removed <= old_refs and changed_old <= old_refs and added <= new_refs
    assert not removed & changed_old
    for change in changes:
        if change.kind is ChangeKind.CHANGED:
            assert change.old_text != change.new_text
