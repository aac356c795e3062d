"""Reading the chair's Word copy back: every tracked change and comment, tied to a passage.

The chair works in Word (or LibreOffice) with Track Changes on and sends the file back.
Given that file and the Minutes document it was made from, `read_chair_docx` returns what
the chair asked for, one `ChairChange` per passage changed (with each insertion and deletion
Word recorded kept in `marks`), per paragraph added, and per comment:

- the file's paragraphs are read as they stood before the chair's changes (deleted text in,
  inserted text out, a paragraph mark the chair inserted joining its two halves again), and
  those are matched to the paragraphs clerk wrote by text, exact first and then similar, so
  paragraphs the chair added, removed or reworded do not shift the rest;
- a paragraph the chair split gives a replace (the first part) and an insert after it (the
  rest); two paragraphs merged give a replace of the first (the merged text) and a delete of
  the second; a paragraph added whole is an insert after the passage before it;
- a change inside one resolution of a RESOLVED block is that resolution's ("5 RESOLVED (2)");
  changes to the heading or the attendance block carry those references ("heading 5",
  "attendance 1") and `passage_kind`, since what they change is the record's attendance or
  the meeting's details, not a minute paragraph;
- text changed with Track Changes off is reported too, with no author and `tracked` False.

References are the ones clerk.minutes.references gives the document the copy was made from.

Why one module (about 500 lines): matching the chair's paragraphs to the passages and
turning the marks into changes share one alignment; the XML of w:ins/w:del is in `revisions`.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from difflib import SequenceMatcher
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from clerk.errors import ClerkError
from clerk.minutes.diff import Op, similar
from clerk.minutes.document import MinutesDocument
from clerk.minutes.references import Passage, PassageKind, passages
from clerk.minutes.render_docx import build_docx
from clerk.minutes.revisions import (
    FileParagraph,
    original_groups,
    original_text,
    paragraph_text,
    paragraphs_in,
    read_paragraphs,
)

# A paragraph number or resolution label and the TAB after it: "4.2<TAB>", "(3)<TAB>".
_NUMBERED = re.compile(r"^\s*(\d+[A-Za-z]?(\.\d+)*|\(?[0-9A-Za-z]{1,3}\))\t")

#: Below this share of clerk's paragraphs found in the file, it is not a copy of these minutes.
MIN_MATCHED = 0.5


class ChairChangeKind(StrEnum):
    REPLACE = "replace"
    INSERT = "insert"
    DELETE = "delete"
    COMMENT = "comment"


@dataclass(frozen=True)
class Mark:
    """One tracked insertion or deletion as the file recorded it (a paragraph mark is "¶")."""

    op: Op
    text: str
    author: str
    date: datetime | None


@dataclass(frozen=True)
class ChairChange:
    """What the chair asked for, tied to a passage of the document the copy was made from.

    replace: the passage's text becomes `new_text`; insert: a new paragraph `new_text`
    after the passage (`position` "before" when it comes before the first passage);
    delete: the passage goes; comment: `new_text` is the comment, `old_text` the text it
    was anchored on. `old_text` of a replace or delete is the passage's whole text as clerk
    wrote it, so an accepted request can be checked against the record it would change."""

    kind: ChairChangeKind
    reference: str
    passage_kind: PassageKind
    old_text: str
    new_text: str
    author: str
    date: datetime | None
    position: str = ""  # "after" or "before", for an insert
    note: str = ""  # "split", "merged with 4.3", "the RESOLVED heading" ...
    tracked: bool = True  # False: the text differs though no tracked change says so
    marks: tuple[Mark, ...] = ()

    @property
    def target(self) -> str:
        """What accepting it changes: "attendance", "heading" (the meeting's details) or
        "minutes" (a paragraph, resolution, item title or the closing line)."""
        if self.passage_kind is PassageKind.ATTENDANCE:
            return "attendance"
        if self.passage_kind is PassageKind.HEADING:
            return "heading"
        return "minutes"


# --------------------------------------------------------------------------- clerk's lines


@dataclass(frozen=True)
class _Line:
    """A paragraph clerk wrote: its text, the passage it belongs to, and which line of the
    passage's text it is (None for one that is not: the "RESOLVED:" heading)."""

    text: str
    passage: Passage
    line: int | None
    prefix: str  # what Word shows before the passage's text: "4.1<TAB>", "1)<TAB>"


def _lines(document: MinutesDocument) -> list[_Line]:
    _, written = build_docx(document)
    by_block: dict[int, list[Passage]] = {}
    for passage in passages(document):
        by_block.setdefault(passage.block, []).append(passage)
    lines: list[_Line] = []
    for index, elements in enumerate(written):
        found = by_block.get(index, [])
        if not found:
            continue

        cursor = 0  # passages of a block come in the order their paragraphs do
        for p in paragraphs_in(elements):
            text = paragraph_text(p)
            placed = False
            for k in range(cursor, len(found)):
                parts = found[k].text.split("\n")
                for n, part in enumerate(parts):
                    if part and text.endswith(part):
                        prefix = text[: len(text) - len(part)]
                        lines.append(_Line(text, found[k], n, prefix))
                        cursor, placed = k, True
                        break
                if placed:
                    break
            if not placed:
                lines.append(_Line(text, found[cursor], None, ""))
    return lines


def _match(originals: list[str], lines: list[_Line]) -> dict[int, int]:
    """Group index -> line index: equal texts first, then, in each stretch that differs,
    similar texts in order."""
    texts = [line.text for line in lines]
    matcher = SequenceMatcher(None, texts, originals, autojunk=False)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update({j1 + k: i1 + k for k in range(i2 - i1)})
            continue
        start = i1
        for j in range(j1, j2):
            for i in range(start, i2):
                if similar(texts[i], originals[j]):
                    pairs[j], start = i, i + 1
                    break
    return pairs


# --------------------------------------------------------------------------- reading back


@dataclass
class _Part:
    """One paragraph of the file as it reads with the chair's changes accepted."""

    text: str
    original: bool  # holds text clerk wrote (kept or deleted), not only the chair's
    marks: list[Mark]


@dataclass
class _State:
    """What the file says of one passage."""

    lines: list[tuple[int | None, str | None]] = field(default_factory=list)  # line, new text
    before: list[_Part] = field(default_factory=list)
    after: list[tuple[_Part, str]] = field(default_factory=list)  # part, note
    extra: list[tuple[_Line, str]] = field(default_factory=list)  # the "RESOLVED:" line ...
    marks: list[Mark] = field(default_factory=list)
    merged_into: str = ""


def read_chair_docx(path: Path, document: MinutesDocument) -> list[ChairChange]:
    """Every change and comment in the chair's copy `path` of `document` (the Minutes
    document the copy was rendered from, with or without a council template: the text is
    the same), in reading order."""
    word = _open(path)
    paras = read_paragraphs(word.element.body)
    groups = original_groups(paras)
    lines = _lines(document)
    pairs = _match([original_text(g) for g in groups], lines)
    if lines and len(set(pairs.values())) < MIN_MATCHED * len(lines):
        raise ClerkError(
            f"{path} does not look like a copy of the minutes of {document.title}: only "
            f"{len(set(pairs.values()))} of its {len(lines)} paragraphs are there. "
            "Read back the copy that was sent for these minutes."
        )
    found = passages(document)
    states: dict[str, _State] = {p.reference: _State() for p in found}
    changes: list[ChairChange] = []
    previous: Passage | None = None
    carry: tuple[_State, int, Passage, Mark] | None = None  # a line whose mark the chair deleted
    group_passage: list[Passage | None] = []
    for j, group in enumerate(groups):
        parts = [_part(p) for p in group]
        for before, part in pairwise(parts):
            # The paragraph break the chair typed belongs to what it started, too.
            part.marks[:0] = [m for m in before.marks if m.text == "¶"]
        line = lines[pairs[j]] if j in pairs else None
        if carry is not None and parts:
            # The chair deleted the mark before this paragraph: its first part runs on
            # into the paragraph before, which leaves nothing of it here if it was clerk's.
            _append_line(carry, parts[0].text)
            carry[0].marks.extend(parts[0].marks)
            if line is not None and parts[0].original:
                merged = states[line.passage.reference]
                merged.merged_into = carry[2].reference
                merged.marks.extend([carry[3], *parts[0].marks])
            parts = [_Part("", True, []), *parts[1:]] if parts[0].original else parts[1:]
            carry = None
        if line is None:  # text clerk did not write, and no tracked change says so
            group_passage.append(previous)
            changes.extend(
                _untracked_insert(previous, found, part) for part in parts if part.text.strip()
            )
            continue
        passage = line.passage
        group_passage.append(passage)
        state = states[passage.reference]
        for part in parts:
            state.marks.extend(part.marks)
        first_line = _first_line(lines, pairs[j])
        last_line = _last_line(lines, pairs[j])
        surviving = 0
        for part in parts:
            if not part.original:
                if not part.text.strip():
                    continue
                if surviving == 0 and first_line:
                    state.before.append(part)
                elif surviving and last_line:
                    state.after.append((_Part(part.text.strip(), False, part.marks), ""))
                else:
                    state.lines.append((None, part.text))
                continue
            surviving += 1
            if surviving == 1:
                new = _strip(part.text, line.prefix)
                if len(parts) > 1:  # split: the space at the break is neither half's
                    new = new.strip()
                if line.line is None:
                    state.extra.append((line, part.text))
                else:
                    state.lines.append((line.line, new or None))
            elif last_line:
                state.after.append((_Part(part.text.strip(), True, part.marks), "split"))
            else:
                state.lines.append((None, part.text))
        if group[-1].mark is Op.DELETE and parts and parts[-1].text:
            carry = (
                state,
                len(state.lines) - 1,
                passage,
                _mark(Op.DELETE, "¶", group[-1].mark_rev),
            )
        previous = passage
    changes.extend(_passage_changes(found, states, lines))
    changes.extend(_comments(word, paras, groups, group_passage, found))
    order = {p.reference: n for n, p in enumerate(found)}
    changes.sort(key=lambda c: (order.get(c.reference, -1), c.kind is ChairChangeKind.COMMENT))
    return changes


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (OSError, PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ClerkError(f"{path}: not a Word document ({exc})") from exc


def _when(rev: Any) -> datetime | None:
    """A revision's w:date; one without a zone (LibreOffice writes them so) is taken as UTC."""
    value = rev.get(qn("w:date")) if rev is not None else None
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _mark(op: Op, text: str, rev: Any) -> Mark:
    author = rev.get(qn("w:author"), "") if rev is not None else ""
    return Mark(op, text, author, _when(rev))


def _part(para: FileParagraph) -> _Part:
    # One mark per <w:ins>/<w:del>, however many runs (bold, plain ...) it holds.
    pieces: list[tuple[Op, str, Any]] = []
    for kind, op, text, rev in para.tokens:
        if kind != "text" or op is Op.EQUAL:
            continue
        if pieces and pieces[-1][2] is rev:
            pieces[-1] = (op, pieces[-1][1] + text, rev)
        else:
            pieces.append((op, text, rev))
    marks = [_mark(op, text, rev) for op, text, rev in pieces]
    if para.mark is not Op.EQUAL:
        marks.append(_mark(para.mark, "¶", para.mark_rev))
    return _Part(para.text(Op.EQUAL, Op.INSERT), para.has_original(), marks)


def _append_line(carry: tuple[_State, int, Passage, Mark], text: str) -> None:
    state, index = carry[0], carry[1]
    if index < 0:
        return
    line, current = state.lines[index]
    state.lines[index] = (line, (current or "") + text)


def _first_line(lines: list[_Line], index: int) -> bool:
    return index == 0 or lines[index - 1].passage is not lines[index].passage


def _last_line(lines: list[_Line], index: int) -> bool:
    return index + 1 == len(lines) or lines[index + 1].passage is not lines[index].passage


def _strip(text: str, prefix: str) -> str:
    """The passage's own text of a line: without the number or label Word shows before it."""
    if text.startswith(prefix):
        return text[len(prefix) :]
    if "\t" in prefix and "\t" in text:  # the chair changed the number itself
        return text.split("\t", 1)[1]
    return text


def _who(marks: list[Mark]) -> tuple[str, datetime | None]:
    authors = list(dict.fromkeys(m.author for m in marks if m.author))
    dates = [m.date for m in marks if m.date is not None]
    return ", ".join(authors), max(dates, default=None)


def _insert(passage: Passage, part: _Part, position: str, note: str = "") -> ChairChange:
    author, date = _who(part.marks)
    text = _NUMBERED.sub("", part.text, count=1)
    return ChairChange(
        ChairChangeKind.INSERT,
        passage.reference,
        passage.kind,
        "",
        text,
        author,
        date,
        position=position,
        note=note,
        tracked=bool(part.marks),
        marks=tuple(part.marks),
    )


def _untracked_insert(previous: Passage | None, found: list[Passage], part: _Part) -> ChairChange:
    anchor = previous or found[0]
    return _insert(anchor, part, "after" if previous else "before")


def _passage_changes(
    found: list[Passage], states: dict[str, _State], lines: list[_Line]
) -> list[ChairChange]:
    changes: list[ChairChange] = []
    own_lines: dict[str, int] = {}
    for line in lines:
        if line.line is not None:
            own_lines[line.passage.reference] = own_lines.get(line.passage.reference, 0) + 1
    for n, passage in enumerate(found):
        state = states[passage.reference]
        for part in state.before:
            earlier = found[n - 1] if n else None
            changes.append(_insert(earlier or passage, part, "after" if earlier else "before"))
        author, date = _who(state.marks)
        marks = tuple(state.marks)
        expected = own_lines.get(passage.reference, 0)
        kept = [text for _, text in state.lines if text]
        seen_lines = sum(1 for line, _ in state.lines if line is not None)
        untracked = seen_lines < expected  # a line gone without a tracked deletion
        if expected and not kept:
            note = f"merged into {state.merged_into}" if state.merged_into else ""
            changes.append(
                ChairChange(
                    ChairChangeKind.DELETE,
                    passage.reference,
                    passage.kind,
                    passage.text,
                    "",
                    author,
                    date,
                    note=note,
                    tracked=bool(marks) and not untracked,
                    marks=marks,
                )
            )
        elif expected:
            new = "\n".join(kept)
            if new != passage.text:
                note = "split" if any(n == "split" for _, n in state.after) else ""
                changes.append(
                    ChairChange(
                        ChairChangeKind.REPLACE,
                        passage.reference,
                        passage.kind,
                        passage.text,
                        new,
                        author,
                        date,
                        note=note,
                        tracked=bool(marks) and not untracked,
                        marks=marks,
                    )
                )
        for line, text in state.extra:
            if text != line.text:
                changes.append(
                    ChairChange(
                        ChairChangeKind.REPLACE,
                        passage.reference,
                        passage.kind,
                        line.text,
                        text,
                        author,
                        date,
                        note=f"the line “{line.text.strip()}”",
                        tracked=bool(marks),
                        marks=marks,
                    )
                )
        for part, note in state.after:
            changes.append(_insert(passage, part, "after", note))
    return changes


def _comments(
    word: Any,
    paras: list[FileParagraph],
    groups: list[list[FileParagraph]],
    group_passage: list[Passage | None],
    found: list[Passage],
) -> list[ChairChange]:
    """Each comment, on the passage where its range starts, with the text it covers."""
    where: dict[str, Passage] = {}
    anchored: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for group, passage in zip(groups, group_passage, strict=True):
        for para in group:
            for kind, op, text, _ in para.tokens:
                if kind in ("start", "ref") and text not in where:
                    where[text] = passage or found[0]
                if kind == "start":
                    open_ids.append(text)
                    anchored.setdefault(text, [])
                elif kind == "end" and text in open_ids:
                    open_ids.remove(text)
                elif kind == "text" and op is not Op.DELETE:
                    for comment_id in open_ids:
                        anchored[comment_id].append(text)
            for comment_id in open_ids:
                anchored[comment_id].append("\n")
    changes: list[ChairChange] = []
    for comment in word.comments:
        comment_id = str(comment.comment_id)
        passage = where.get(comment_id)
        if passage is None:
            continue  # a comment anchored nowhere in the body (in a header, say)
        when = comment.timestamp
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        changes.append(
            ChairChange(
                ChairChangeKind.COMMENT,
                passage.reference,
                passage.kind,
                "".join(anchored.get(comment_id, [])).strip(),
                comment.text,
                comment.author or "",
                when,
            )
        )
    return changes
