"""What changed between two versions of a Minutes document, passage by passage.

Passages (clerk.minutes.references) are paired first by the record row they were written
from, then by identical text, then by reference, then by similar text, so a paragraph
renumbered because another was inserted before it is the same passage, not a removal and an
addition. A changed passage carries its word-level differences. `diff_text` writes the
result as plain text (for the diff command's `-f txt` and the review screen); the Word
version of the same difference, with real tracked changes, is clerk.minutes.diff_docx.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from clerk.minutes.document import MinutesDocument
from clerk.minutes.references import Passage, passages

#: Passages whose texts are at least this similar (difflib's ratio) may be the same passage
#: reworded; below it they are one removed and another added.
SIMILAR = 0.5

# Words, runs of white space and single punctuation marks: joined again they give the text back.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Op(StrEnum):
    EQUAL = "="
    INSERT = "+"
    DELETE = "-"


@dataclass(frozen=True)
class Span:
    """A stretch of text kept, inserted or deleted."""

    op: Op
    text: str


@dataclass(frozen=True)
class PassageChange:
    kind: ChangeKind
    old: Passage | None  # None when added
    new: Passage | None  # None when removed
    spans: tuple[Span, ...] = ()  # old -> new, word by word (changed passages only)

    @property
    def reference(self) -> str:
        """The passage's reference in the new version (in the old one when removed)."""
        passage = self.new or self.old
        assert passage is not None
        return passage.reference

    @property
    def old_text(self) -> str:
        return self.old.text if self.old else ""

    @property
    def new_text(self) -> str:
        return self.new.text if self.new else ""


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def similar(a: str, b: str) -> bool:
    """Whether two texts are alike enough to be one passage reworded: difflib's ratio of
    their words (words, not characters: a long paragraph compared character by character
    costs a hundred times more and says the same)."""
    if a == b:
        return True
    matcher = SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


def word_spans(old: str, new: str) -> tuple[Span, ...]:
    """`old` -> `new` as kept, deleted and inserted stretches, a word at a time (a deletion
    before the insertion that replaces it). Kept and deleted text joined give `old`; kept and
    inserted give `new`."""
    a, b = tokens(old), tokens(new)
    spans: list[Span] = []

    def add(op: Op, parts: Sequence[str]) -> None:
        text = "".join(parts)
        if not text:
            return
        if spans and spans[-1].op is op:
            spans[-1] = Span(op, spans[-1].text + text)
        else:
            spans.append(Span(op, text))

    # What the two share at either end is kept as it is: most edits are a few words in one
    # place, and the matcher then compares only the stretch between.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    add(Op.EQUAL, a[:head])
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    for tag, i1, i2, j1, j2 in _tidy(matcher.get_opcodes(), middle_a):
        if tag == "equal":
            add(Op.EQUAL, middle_a[i1:i2])
        else:
            add(Op.DELETE, middle_a[i1:i2])
            add(Op.INSERT, middle_b[j1:j2])
    add(Op.EQUAL, a[len(a) - tail :])
    return tuple(spans)


def _tidy(
    opcodes: Sequence[tuple[str, int, int, int, int]], a: list[str]
) -> list[tuple[str, int, int, int, int]]:
    """Fold a lone space kept between two changes into them: "[-a b-]{+c d+}" reads better
    than "[-a-]{+c+} [-b-]{+d+}"."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in opcodes:
        if op[0] != "equal" and out:
            prev = out[-1]
            if prev[0] != "equal":
                out[-1] = ("replace", prev[1], op[2], prev[3], op[4])
                continue
            if len(out) >= 2 and "".join(a[prev[1] : prev[2]]).isspace():
                first = out[-2]  # a change, since opcodes alternate
                out[-2:] = [("replace", first[1], op[2], first[3], op[4])]
                continue
        out.append(op)
    return out


def align(
    old: Sequence[Passage], new: Sequence[Passage]
) -> list[tuple[Passage | None, Passage | None]]:
    """Old and new passages paired, in the new document's order; an old passage with no
    partner comes after the new passage paired with the old one before it."""
    pairs: dict[int, int] = {}  # new index -> old index
    taken: set[int] = set()

    def pair_by(key_old: Iterable[tuple[int, str]], key_new: Iterable[tuple[int, str]]) -> None:
        waiting: dict[str, list[int]] = {}
        for i, key in key_old:
            if i not in taken and key:
                waiting.setdefault(key, []).append(i)
        for j, key in key_new:
            if j in pairs or not key or not waiting.get(key):
                continue
            i = waiting[key].pop(0)
            pairs[j] = i
            taken.add(i)

    # Several passages can share a source ("membership", a RESOLVED block's rows): the
    # source alone pairs only when it names one passage on each side.
    def unique_sources(found: Sequence[Passage]) -> list[tuple[int, str]]:
        counts: dict[str, int] = {}
        for p in found:
            counts[p.source] = counts.get(p.source, 0) + 1
        return [(i, p.source if counts[p.source] == 1 else "") for i, p in enumerate(found)]

    pair_by(unique_sources(old), unique_sources(new))
    pair_by(
        ((i, f"{p.source}\0{p.text}") for i, p in enumerate(old)),
        ((j, f"{p.source}\0{p.text}") for j, p in enumerate(new)),
    )
    pair_by(
        ((i, f"{p.kind}\0{p.text}") for i, p in enumerate(old)),
        ((j, f"{p.kind}\0{p.text}") for j, p in enumerate(new)),
    )
    pair_by(
        ((i, f"{p.kind}\0{p.reference.casefold()}") for i, p in enumerate(old)),
        ((j, f"{p.kind}\0{p.reference.casefold()}") for j, p in enumerate(new)),
    )
    # What is left is paired by similar text, best pairs first, within each kind.
    candidates: list[tuple[float, int, int]] = []
    rest_old = [i for i in range(len(old)) if i not in taken]
    for j, p in enumerate(new):
        if j in pairs:
            continue
        for i in rest_old:
            if old[i].kind != p.kind:
                continue
            matcher = SequenceMatcher(None, old[i].text.split(), p.text.split(), autojunk=False)
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILAR:
                candidates.append((-ratio, j, i))
    for _, j, i in sorted(candidates):
        if j not in pairs and i not in taken:
            pairs[j] = i
            taken.add(i)

    # Unpaired old passages go after the new partner of the nearest paired old one before.
    after: dict[int, list[int]] = {}  # new index (-1: the start) -> old indexes
    partner = {i: j for j, i in pairs.items()}
    last = -1
    for i in range(len(old)):
        if i in partner:
            last = partner[i]
        else:
            after.setdefault(last, []).append(i)
    out: list[tuple[Passage | None, Passage | None]] = [(old[i], None) for i in after.get(-1, [])]
    for j, p in enumerate(new):
        out.append((old[pairs[j]] if j in pairs else None, p))
        out.extend((old[i], None) for i in after.get(j, []))
    return out


def diff_documents(old: MinutesDocument, new: MinutesDocument) -> list[PassageChange]:
    """Every passage added, removed or changed in `new` since `old`, in reading order."""
    changes: list[PassageChange] = []
    for before, after in align(passages(old), passages(new)):
        if before is None and after is not None:
            changes.append(PassageChange(ChangeKind.ADDED, None, after))
        elif after is None and before is not None:
            changes.append(PassageChange(ChangeKind.REMOVED, before, None))
        elif before is not None and after is not None and before.text != after.text:
            spans = word_spans(before.text, after.text)
            changes.append(PassageChange(ChangeKind.CHANGED, before, after, spans))
    return changes


def marked_text(spans: Iterable[Span]) -> str:
    """Spans as one line of text, deletions as [-…-] and insertions as {+…+} (wdiff's marks)."""
    out = []
    for span in spans:
        if span.op is Op.EQUAL:
            out.append(span.text)
        elif span.op is Op.DELETE:
            out.append(f"[-{span.text}-]")
        else:
            out.append(f"{{+{span.text}+}}")
    return "".join(out)


def summary(changes: Sequence[PassageChange]) -> str:
    """ "2 passages changed, 1 added, 1 removed" (or "no changes")."""
    counts = {kind: sum(1 for c in changes if c.kind is kind) for kind in ChangeKind}
    if not changes:
        return "no changes"
    parts: list[str] = []
    for kind in (ChangeKind.CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED):
        if counts[kind]:
            noun = "passage" if counts[kind] == 1 else "passages"
            parts.append(f"{counts[kind]} {noun} {kind}" if not parts else f"{counts[kind]} {kind}")
    return ", ".join(parts)


def diff_text(changes: Sequence[PassageChange], *, old_label: str = "", new_label: str = "") -> str:
    """The changes as plain text: a title line, then each passage with its reference and
    what happened, and its text indented (a changed one with [-deleted-] and {+inserted+})."""
    title = "Changes"
    if old_label or new_label:
        title += f" from {old_label or 'the old version'} to {new_label or 'the new version'}"
    lines = [f"{title}: {summary(changes)}"]
    for change in changes:
        lines.append("")
        passage = change.new or change.old
        assert passage is not None
        heading = f"{change.reference} ({passage.kind}) {change.kind}"
        if (
            change.kind is ChangeKind.CHANGED
            and change.old
            and change.old.reference != change.reference
        ):
            heading += f", was {change.old.reference}"
        lines.append(heading)
        if change.kind is ChangeKind.CHANGED:
            body = marked_text(change.spans)
        else:
            body = change.new_text or change.old_text
        mark = {"added": "+ ", "removed": "- "}.get(change.kind, "  ")
        lines.extend(f"  {mark}{line}".rstrip() for line in body.split("\n"))
    return "\n".join(lines) + "\n"
