"""The difference between two versions of the minutes as a Word document with tracked changes.

The new version is rendered exactly as `clerk minutes -f docx` renders it (render_docx, same
styles, header, footer), then, through render_docx's `revise` hook, what differs from the
old version is marked as Word's own tracked changes: words inserted and deleted inside a
paragraph, and whole paragraphs (and tables) inserted or deleted, each with the author and
date. Accepting every change in Word gives the new version; rejecting them all gives the old.

The comparison is of what Word shows, paragraph by paragraph, so a paragraph renumbered
because one was added before it shows its number changed, as Word's own Compare would.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from clerk.minutes.diff import Op, similar, word_spans
from clerk.minutes.document import MinutesDocument
from clerk.minutes.render_docx import build_docx, render_docx
from clerk.minutes.revisions import (
    W_P,
    Stamp,
    mark_spans,
    mark_whole,
    track_revisions,
    unit_text,
)


def render_diff_docx(
    old: MinutesDocument,
    new: MinutesDocument,
    path: Path,
    *,
    author: str = "clerk",
    date: datetime | None = None,
    template: Path | None = None,
) -> int:
    """Write `new` to `path` with its differences from `old` as tracked changes by `author`
    at `date` (now when None). Track Changes is left on, so the reader's edits are tracked
    too. Returns the number of tracked changes written."""
    _, old_written = build_docx(old, template=template)
    old_units = [element for elements in old_written for element in elements]
    stamp = Stamp(author) if date is None else Stamp(author, date)

    def revise(word: Any, written: list[tuple[Any, ...]]) -> None:
        new_units = [element for elements in written for element in elements]
        mark_differences(old_units, new_units, stamp)
        track_revisions(word.settings)

    render_docx(new, path, template=template, revise=revise)
    return stamp.next_id - 1


def mark_differences(old_units: Sequence[Any], new_units: Sequence[Any], stamp: Stamp) -> None:
    """Mark on `new_units` (body-level <w:p>/<w:tbl>, in the document) how they differ from
    `old_units`: changed paragraphs word by word, new ones inserted, old ones put back in
    their place as deleted."""
    old_texts = [_key(u) for u in old_units]
    new_texts = [_key(u) for u in new_units]
    matcher = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = _pair_similar(old_texts, new_texts, range(i1, i2), range(j1, j2))
        partner = dict(pairs)
        # Walk the region in order: a deleted old unit goes in before the next new one.
        j = j1
        for i in range(i1, i2):
            if i in partner:
                target = partner[i]
                for k in range(j, target):
                    mark_whole(new_units[k], Op.INSERT, stamp)
                _mark_changed(old_units[i], new_units[target], stamp)
                j = target + 1
            else:
                _put_back_deleted(old_units[i], new_units, j, stamp)
        for k in range(j, j2):
            mark_whole(new_units[k], Op.INSERT, stamp)


def _key(unit: Any) -> str:
    return ("p\0" if unit.tag == W_P else "t\0") + unit_text(unit)


def _pair_similar(
    old: Sequence[str], new: Sequence[str], olds: range, news: range
) -> list[tuple[int, int]]:
    """Old and new paragraphs of a changed region paired in order, each with the first
    similar enough one not yet passed (tables pair only with tables, and only when equal
    in shape: a changed table is shown deleted and inserted whole)."""
    pairs: list[tuple[int, int]] = []
    start = news.start
    for i in olds:
        if not old[i].startswith("p\0"):
            continue
        for j in range(start, news.stop):
            if not new[j].startswith("p\0"):
                continue
            if similar(old[i], new[j]):
                pairs.append((i, j))
                start = j + 1
                break
    return pairs


def _mark_changed(old: Any, new: Any, stamp: Stamp) -> None:
    before, after = unit_text(old), unit_text(new)
    if before != after:
        mark_spans(new, word_spans(before, after), stamp)


def _put_back_deleted(old: Any, new_units: Sequence[Any], index: int, stamp: Stamp) -> None:
    """A copy of the old paragraph or table, marked deleted, before new_units[index] (or
    after the last new unit when there is none)."""
    ghost = copy.deepcopy(old)
    mark_whole(ghost, Op.DELETE, stamp)
    if index < len(new_units):
        new_units[index].addprevious(ghost)
        return
    body = new_units[-1].getparent()
    if body[-1].tag.endswith("}sectPr"):  # the body ends with its section properties
        body[-1].addprevious(ghost)
    else:
        body.append(ghost)
