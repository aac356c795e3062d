"""Word's tracked changes (<w:ins>, <w:del>): marking them on the paragraphs render_docx
writes, and reading a file's paragraphs back with them (their text kept, inserted or
deleted, their paragraph marks, comment anchors).

Why not docx-revisions, which does this for python-docx: its text views skip <w:tab/> and
<w:br/> (every numbered paragraph of the minutes is "4.1<TAB>text"), its tracked insertion
and replacement drop the run's formatting (the bold "RESOLVED:", the chair's bold name), its
date is always "now", and it knows nothing of a paragraph mark inserted or deleted (how Word
and LibreOffice record a paragraph split, merged, added or removed). What is needed here is
small: rewrite one paragraph's runs as kept / inserted / deleted stretches, and mark a whole
paragraph inserted or deleted.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from clerk.minutes.diff import Op, Span
from clerk.minutes.render_docx import xml_safe

W_P, W_R, W_T, W_TAB, W_BR, W_CR = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tab", "w:br", "w:cr"))
W_INS, W_DEL, W_DEL_TEXT = qn("w:ins"), qn("w:del"), qn("w:delText")
W_MOVE_FROM, W_MOVE_TO = qn("w:moveFrom"), qn("w:moveTo")
W_PPR, W_RPR, W_TBL = qn("w:pPr"), qn("w:rPr"), qn("w:tbl")
W_HYPERLINK, W_SMART_TAG, W_SDT, W_SDT_CONTENT = (
    qn(t) for t in ("w:hyperlink", "w:smartTag", "w:sdt", "w:sdtContent")
)
W_FLD_SIMPLE = qn("w:fldSimple")
W_NO_BREAK_HYPHEN, W_SOFT_HYPHEN = qn("w:noBreakHyphen"), qn("w:softHyphen")
W_COMMENT_START, W_COMMENT_END, W_COMMENT_REF = (
    qn(t) for t in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")
)
_REVISION_OP = {W_INS: Op.INSERT, W_MOVE_TO: Op.INSERT, W_DEL: Op.DELETE, W_MOVE_FROM: Op.DELETE}

# Elements that hold runs and whose runs read as the paragraph's own.
_CONTAINERS = {W_HYPERLINK, W_SMART_TAG, W_SDT, W_SDT_CONTENT, W_FLD_SIMPLE}


@dataclass
class Stamp:
    """Who made the changes and when, and the next revision id (unique in the document)."""

    author: str
    date: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    next_id: int = 1

    def attrs(self) -> dict[str, str]:
        when = self.date.astimezone(UTC) if self.date.tzinfo else self.date
        attrs = {
            qn("w:id"): str(self.next_id),
            qn("w:author"): xml_safe(self.author),
            qn("w:date"): when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        self.next_id += 1
        return attrs


# --------------------------------------------------------------------------- reading


def run_text(r: Any) -> str:
    """A run's text: <w:t> and <w:delText> as written, <w:tab/> a TAB, <w:br/> a line end."""
    parts: list[str] = []
    for child in r:
        tag = child.tag
        if tag in (W_T, W_DEL_TEXT):
            parts.append(child.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag in (W_BR, W_CR):
            parts.append("\n")
        elif tag == W_NO_BREAK_HYPHEN:
            parts.append("-")
    return "".join(parts)


def iter_runs(parent: Any, op: Op = Op.EQUAL) -> Iterator[tuple[Op, Any, Any]]:
    """(how, run, revision element or None) for each run in a paragraph, in order: kept runs,
    runs inside <w:ins>/<w:moveTo> (inserted) and <w:del>/<w:moveFrom> (deleted), looking
    through hyperlinks, smart tags and content controls."""
    for child in parent:
        tag = child.tag
        if tag == W_R:
            yield op, child, None
        elif tag in (W_INS, W_MOVE_TO):
            for how, r, _ in iter_runs(child, Op.INSERT):
                yield how, r, child
        elif tag in (W_DEL, W_MOVE_FROM):
            for how, r, _ in iter_runs(child, Op.DELETE):
                yield how, r, child
        elif tag in _CONTAINERS:
            yield from iter_runs(child, op)


def paragraph_text(p: Any) -> str:
    """The paragraph's text as it reads with every tracked change accepted."""
    return "".join(run_text(r) for how, r, _ in iter_runs(p) if how is not Op.DELETE)


def paragraph_mark(p: Any) -> tuple[Op, Any]:
    """Whether the paragraph's own mark (its end) was inserted or deleted, and by what."""
    ppr = p.find(W_PPR)
    rpr = ppr.find(W_RPR) if ppr is not None else None
    if rpr is not None:
        for tag, op in ((W_INS, Op.INSERT), (W_DEL, Op.DELETE)):
            mark = rpr.find(tag)
            if mark is not None:
                return op, mark
    return Op.EQUAL, None


def paragraphs_in(elements: Iterable[Any]) -> list[Any]:
    """The <w:p> elements in `elements` (body-level paragraphs and tables), in order."""
    found: list[Any] = []
    for element in elements:
        if element.tag == W_P:
            found.append(element)
        else:
            found.extend(element.iter(W_P))
    return found


def unit_text(element: Any) -> str:
    """A body-level element's text: a paragraph's, or a table's cells one per line."""
    return "\n".join(paragraph_text(p) for p in paragraphs_in([element]))


# --------------------------------------------------------------------------- a file read back


@dataclass
class FileParagraph:
    """One paragraph of the chair's file: its pieces of text and comment markers, in order."""

    tokens: list[tuple[str, Op, str, Any]] = field(default_factory=list)  # kind, op, text, rev
    mark: Op = Op.EQUAL
    mark_rev: Any = None

    def text(self, *ops: Op) -> str:
        return "".join(t for kind, op, t, _ in self.tokens if kind == "text" and op in ops)

    def has_original(self) -> bool:
        return bool(self.text(Op.EQUAL, Op.DELETE))


def read_paragraphs(body: Any) -> list[FileParagraph]:
    paras: list[FileParagraph] = []
    for p in body.iter(W_P):
        para = FileParagraph()
        for element in p.iter(W_R, W_COMMENT_START, W_COMMENT_END):
            if element.tag == W_R:
                op, rev = Op.EQUAL, None
                parent = element.getparent()
                while parent is not None and parent is not p:
                    if parent.tag in _REVISION_OP:
                        op, rev = _REVISION_OP[parent.tag], parent
                        break
                    parent = parent.getparent()
                ref = element.find(W_COMMENT_REF)
                if ref is not None:
                    para.tokens.append(("ref", op, ref.get(qn("w:id")), None))
                text = run_text(element)
                if text:
                    para.tokens.append(("text", op, text, rev))
            else:
                kind = "start" if element.tag == W_COMMENT_START else "end"
                para.tokens.append((kind, Op.EQUAL, element.get(qn("w:id")), None))
        para.mark, para.mark_rev = paragraph_mark(p)
        paras.append(para)
    return paras


def original_groups(paras: list[FileParagraph]) -> list[list[FileParagraph]]:
    """The file's paragraphs as they stood before the chair's changes: a paragraph whose
    mark the chair inserted (a split, or a new paragraph) runs on into the next."""
    groups: list[list[FileParagraph]] = []
    current: list[FileParagraph] = []
    for para in paras:
        current.append(para)
        if para.mark is not Op.INSERT:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def original_text(group: list[FileParagraph]) -> str:
    return "".join(p.text(Op.EQUAL, Op.DELETE) for p in group)


# --------------------------------------------------------------------------- writing


def _text_children(text: str, *, deleted: bool) -> list[Any]:
    children: list[Any] = []
    piece = ""

    def flush() -> None:
        nonlocal piece
        if piece:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.text = piece
            if piece != piece.strip():
                t.set(qn("xml:space"), "preserve")
            children.append(t)
            piece = ""

    for char in text:
        if char in "\t\n":
            flush()
            children.append(OxmlElement("w:tab" if char == "\t" else "w:br"))
        else:
            piece += char
    flush()
    return children


def _new_run(rpr: Any, text: str, *, deleted: bool = False) -> Any:
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    for child in _text_children(text, deleted=deleted):
        r.append(child)
    return r


def mark_spans(p: Any, spans: Iterable[Span], stamp: Stamp) -> None:
    """Rewrite the runs of `p` (a paragraph with no tracked changes, whose text is the kept
    and inserted spans) so the inserted stretches are <w:ins> and the deleted ones <w:del>,
    each run keeping the formatting of the run its characters came from. A deleted stretch
    takes the formatting of the text it stood next to."""
    runs = [r for how, r, _ in iter_runs(p)]
    # Each character of the paragraph's text with the run properties it is written in.
    chars: list[Any] = []
    for r in runs:
        chars.extend([r.find(W_RPR)] * len(run_text(r)))
    for r in runs:
        r.getparent().remove(r)
    position = 0
    for span in spans:
        if span.op is Op.DELETE:
            near = chars[position] if position < len(chars) else (chars[-1] if chars else None)
            wrapper = OxmlElement("w:del", attrs=stamp.attrs())
            wrapper.append(_new_run(near, span.text, deleted=True))
            p.append(wrapper)
            continue
        end = position + len(span.text)
        if end > len(chars):
            raise ValueError("the spans do not spell the paragraph's text")
        target = p
        if span.op is Op.INSERT:
            target = OxmlElement("w:ins", attrs=stamp.attrs())
            p.append(target)
        start = position
        for k in range(position, end + 1):
            if k == end or chars[k] is not chars[start]:
                if k > start:
                    target.append(
                        _new_run(chars[start], span.text[start - position : k - position])
                    )
                start = k
        position = end


def _set_mark(p: Any, op: Op, stamp: Stamp) -> None:
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(W_RPR)
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        # <w:rPr> comes after everything but <w:sectPr> and <w:pPrChange> in <w:pPr>.
        anchor = ppr.find(qn("w:sectPr"))
        if anchor is None:
            anchor = ppr.find(qn("w:pPrChange"))
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, OxmlElement("w:ins" if op is Op.INSERT else "w:del", attrs=stamp.attrs()))


def mark_whole(element: Any, op: Op, stamp: Stamp) -> None:
    """Mark a body-level paragraph or table as wholly inserted or deleted: its runs wrapped in
    <w:ins>/<w:del> (deleted text as <w:delText>), its paragraph marks and table rows too."""
    for p in paragraphs_in([element]):
        if op is Op.DELETE:
            _delete_runs(p, stamp)
        elif text := paragraph_text(p):
            mark_spans(p, [Span(Op.INSERT, text)], stamp)
        _set_mark(p, op, stamp)
    if element.tag == W_TBL:
        for tr in element.iter(qn("w:tr")):
            trpr = tr.find(qn("w:trPr"))
            if trpr is None:
                trpr = OxmlElement("w:trPr")
                tc = tr.find(qn("w:tc"))
                if tc is not None:
                    tc.addprevious(trpr)
                else:
                    tr.append(trpr)
            tag = "w:ins" if op is Op.INSERT else "w:del"
            trpr.append(OxmlElement(tag, attrs=stamp.attrs()))


def _delete_runs(p: Any, stamp: Stamp) -> None:
    """Turn a paragraph's plain runs into one deleted stretch (<w:t> becoming <w:delText>)."""
    runs = [r for how, r, _ in iter_runs(p) if how is Op.EQUAL]
    if not runs:
        return
    wrapper = OxmlElement("w:del", attrs=stamp.attrs())
    runs[0].addprevious(wrapper)
    for r in runs:
        for t in r.findall(W_T):
            t.tag = W_DEL_TEXT
        wrapper.append(r)


def track_revisions(settings: Any) -> None:
    """Turn Track Changes on in the document's settings, so the reader's own edits are
    tracked too (Word and LibreOffice both honour <w:trackRevisions/>)."""
    element = settings.element
    if element.find(qn("w:trackRevisions")) is not None:
        return
    mark = OxmlElement("w:trackRevisions")
    # Its place in CT_Settings' sequence: before the elements that follow it in the schema.
    for follower in (
        "w:doNotTrackMoves",
        "w:doNotTrackFormatting",
        "w:documentProtection",
        "w:autoFormatOverride",
        "w:styleLockTheme",
        "w:styleLockQFSet",
        "w:defaultTabStop",
    ):
        anchor = element.find(qn(follower))
        if anchor is not None:
            anchor.addprevious(mark)
            return
    element.insert(0, mark)
