"""Each passage of a Minutes document and the reference a reader uses for it.

The chair asks for changes by reference ("4.3", "5 RESOLVED (2)"), the review screen shows
those references, the chair's Word copy is read back against them and amendment requests
keep them. They are computed here only, from the document the Word export renders, so every
one of those routes names a passage the same way.

A passage is a numbered paragraph, one resolution of a RESOLVED block, a line of the heading
or attendance block (which the record's attendance, not a paragraph, holds), an unnumbered
paragraph inside an item, the closing line ("The Meeting ended at …"), or the status lines
after the signatures ("Approved by the Chairman on …", referenced "status", "status [2]").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from clerk.minutes.document import (
    STATUS,
    Heading,
    MinutesDocument,
    Paragraph,
    Resolved,
    SignatureLines,
    Table,
    inline_text,
)

ITEM_LEVEL = 5  # Heading.level of an item heading ("4. CABINET MEMBER UPDATE")
_ITEM_NUMBER = re.compile(r"^\s*(\d+[A-Za-z]?)\b")


class PassageKind(StrEnum):
    HEADING = "heading"  # the council, committee and "Minutes of a meeting … held on …"
    ATTENDANCE = "attendance"  # members present, apologies, also present
    ITEM_TITLE = "item title"
    PARAGRAPH = "paragraph"
    RESOLUTION = "resolution"
    TABLE = "table"
    CLOSING = "closing"  # "The Meeting ended at …" and the lines the chair signs


@dataclass(frozen=True)
class Passage:
    reference: str  # unique within the document: "4.3", "5 RESOLVED (2)", "attendance 2"
    kind: PassageKind
    text: str  # as exported; a paragraph's bullets follow it, one per line
    source: str = ""  # the record row it was written from (Paragraph.source), if any
    item: str = ""  # the item heading it sits under, "" before the first item
    block: int = 0  # index into MinutesDocument.blocks
    part: int = -1  # the resolution's index within its RESOLVED block, else -1


def item_number(heading: str) -> str:
    """ "4. CABINET MEMBER UPDATE" -> "4"; "" when the heading carries no number."""
    match = _ITEM_NUMBER.match(heading)
    return match.group(1) if match else ""


def resolution_label(label: str, index: int) -> str:
    """The resolution's label as a reference shows it: "1)", "(1)" and "" (a single
    resolution numbered by position) all read "(1)"."""
    digits = re.sub(r"[^0-9A-Za-z]", "", label)
    return f"({digits or index + 1})"


def paragraph_text(block: Paragraph) -> str:
    lines = [inline_text(block.runs), *(inline_text(b) for b in block.bullets)]
    return "\n".join(line for line in lines if line)


def passages(document: MinutesDocument) -> list[Passage]:
    """Every passage in reading order, each with its unique reference."""
    found: list[Passage] = []
    seen: dict[str, int] = {}
    item = ""
    loose = 0  # unnumbered paragraphs so far under this item (or in the heading block)
    head = 0  # lines of the heading block so far

    def add(
        reference: str, kind: PassageKind, text: str, index: int, source: str = "", part: int = -1
    ) -> None:
        reference = _normal(reference)
        count = seen.get(reference.casefold(), 0)
        seen[reference.casefold()] = count + 1
        if count:  # two RESOLVED blocks in one item, say: the second is "5 RESOLVED (1) [2]"
            reference = f"{reference} [{count + 1}]"
        found.append(Passage(reference, kind, text, source, item, index, part))

    for index, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            if block.level >= ITEM_LEVEL:
                item, loose = block.text, 0
                add(f"{item_number(item) or item} title", PassageKind.ITEM_TITLE, block.text, index)
            elif not item:
                head += 1
                add(f"heading {head}", PassageKind.HEADING, block.text, index)
            continue
        if isinstance(block, Paragraph):
            text = paragraph_text(block)
            if block.source == STATUS:  # "Approved by the Chairman on …"
                add("status", PassageKind.CLOSING, text, index, source=STATUS)
                continue
            if block.number:
                add(block.number, PassageKind.PARAGRAPH, text, index, source=block.source)
            elif not item:
                # The first paragraph is the heading's "Minutes of a meeting … held on …";
                # the rest, up to the first item, are the attendance block.
                loose += 1
                if loose == 1:
                    head += 1
                    add(f"heading {head}", PassageKind.HEADING, text, index, block.source)
                else:
                    reference = f"attendance {loose - 1}"
                    add(reference, PassageKind.ATTENDANCE, text, index, block.source)
            elif _is_last_prose(document, index):
                add("closing", PassageKind.CLOSING, text, index, source=block.source)
            else:
                loose += 1
                number = item_number(item) or item
                add(f"{number} ¶{loose}", PassageKind.PARAGRAPH, text, index, source=block.source)
            continue
        if isinstance(block, Resolved):
            base = f"{block.number or item_number(item) or item} RESOLVED"
            single = len(block.resolutions) == 1
            for part, (label, text) in enumerate(block.resolutions):
                reference = base if single else f"{base} {resolution_label(label, part)}"
                source = block.sources[part] if part < len(block.sources) else ""
                add(reference, PassageKind.RESOLUTION, text, index, source=source, part=part)
            continue
        if isinstance(block, Table):
            rows = ["\t".join(block.header), *("\t".join(row) for row in block.rows)]
            title = block.title or f"{item_number(item) or item} table"
            add(title, PassageKind.TABLE, "\n".join(rows), index)
            continue
        if isinstance(block, SignatureLines):
            add("signature", PassageKind.CLOSING, "\n".join(block.labels), index)
    return found


def _is_last_prose(document: MinutesDocument, index: int) -> bool:
    """Whether the paragraph at `index` is the closing line: the last paragraph, followed
    by nothing but the signature lines."""
    rest = document.blocks[index + 1 :]
    return all(
        isinstance(b, SignatureLines) or (isinstance(b, Paragraph) and b.source == STATUS)
        for b in rest
    )


def _normal(reference: str) -> str:
    return " ".join(reference.split())


def find(document: MinutesDocument, reference: str) -> Passage | None:
    wanted = _normal(reference).casefold()
    for passage in passages(document):
        if passage.reference.casefold() == wanted:
            return passage
    return None
