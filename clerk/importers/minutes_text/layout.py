"""Published minutes cut into their parts: heading, opening sentence, attendance, items (each
with its numbered paragraphs, topic bullets and RESOLVED block), the end time and the
signature lines. What the parts mean (who was a substitute, which sentence is a declaration)
is `reader`'s business; this module only finds them, each with the line it came from.

Minutes are recognised by form, not position, so the same reading takes the text renderer's
output, markdown converted from the published PDF (paragraphs broken across pages, list
dashes before numbers, headings in `#` or `**`), and minutes found inside an agenda pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clerk.errors import InputError
from clerk.importers.minutes_text.lines import Line

OPENING = re.compile(
    r"^Minutes of (?:a|the) (?P<joint>joint )?meeting of (?:the )?(?P<committee>.+?) held on "
    r"(?P<date>(?:[A-Z][a-z]+,? )?\d{1,2}(?:st|nd|rd|th)?,? [A-Z][a-z]+,? \d{4})(?P<rest>.*)$"
)
_START = re.compile(r"^ at (?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)(?P<rest>.*)$", re.I)
_VENUE = re.compile(r"^,? (?:in|at) (?P<venue>.+?)\.?$")
ITEM = re.compile(r"^(?P<number>\d{1,3}[A-Z]?)(?:\.\s*|\s+)(?P<title>[^a-z]*[A-Z][^a-z]*)$")
PARAGRAPH = re.compile(r"^(?P<number>(?P<item>\d{1,3}[A-Z]?)\.(?P<n>\d{1,3}))\s+(?P<text>\S.*)$")
# how it was resolved, where the minutes say so: "RESOLVED (UNANIMOUSLY):", "RESOLVED
# UNANIMOUSLY:", "RESOLVED (by a majority):" (the words kept in `how`)
RESOLVED = re.compile(
    r"^(?:(?P<number>\d{1,3}[A-Z]?\.\d{1,3})\s+)?RESOLVED\b"
    r"(?:\s*\((?!\d+\))(?P<how>[^()]{1,60})\)"
    r"|\s+(?P<how_word>(?i:unanimously|by a majority|nem\.? con\.?)))?"
    r"\s*(?P<mark>[:–—-])?\s*(?P<rest>.*)$"
)
LABEL = re.compile(r"^(?:\((?P<a>\d{1,2})\)|(?P<b>\d{1,2})\)|(?P<c>\d{1,2})\.)\s+(?P<text>\S.*)$")
# a lettered or roman sub-clause of a resolution: "(a) …", "b) …", "(ii) …"
SUB_LABEL = re.compile(r"^\(?(?:[a-zA-Z]|[ivx]{2,5})\)\s+\S")
# "The Meeting ended at 8.15 pm.", "The meeting finished at 8.15pm.", "Meeting ended: 8.15 pm"
ENDED = re.compile(
    r"^(?:The )?[Mm]eeting (?:ended|closed|finished|concluded)(?: at|:)\s*"
    r"(?P<time>(?:\d|noon|midday|midnight).*?)\.?$"  # a time, not "closed at the request …"
)
SIGNATURE = re.compile(r"^(?P<label>[A-Z][A-Za-z -]{1,30}):\s*(?:_+)?\s*$")
ATTENDANCE = re.compile(
    r"^(?P<what>Members Present|Members present|Present|Also [Pp]resent|Officers(?: [Pp]resent)?"
    r"|In [Aa]ttendance)\s*:\s*(?P<rest>.*)$"
)
_PAGE_BREAK = re.compile(r"^(?:This page is intentionally left blank|Page \d+)$", re.I)


@dataclass
class Para:
    """A paragraph as written: its number ("4.2", or "" when it had none), words, bullets."""

    line: int
    number: str
    text: str
    bullets: list[str] = field(default_factory=list)


@dataclass
class ResolvedBlock:
    line: int
    number: str  # "3.1" when numbered
    hoisted: bool  # "RESOLVED: That" with the clauses after it lacking their "That"
    mark: str  # ":" or "–"
    label: str = ""  # "{n})" or "({n})" as the list was numbered
    clauses: list[tuple[int, str]] = field(default_factory=list)
    how: str = ""  # "UNANIMOUSLY", "by a majority": how the minutes say it was resolved
    # (clause index, line) of each lettered sub-clause joined to its resolution's text
    sub_clauses: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class ItemText:
    line: int
    number: str
    title: str
    paragraphs: list[Para] = field(default_factory=list)
    resolved: ResolvedBlock | None = None
    after_resolved: list[Para] = field(default_factory=list)  # an exempt item's public summary


@dataclass
class Layout:
    heading: list[Line]
    opening: Line
    opening_match: re.Match[str]
    start_time: str
    venue: str
    attendance: list[tuple[Line, str, str]]  # (line, "Present"/"Also present"/…, the list)
    person_lines: list[Line]  # one a line after a bare "Present:"
    before_items: list[Para]  # sentences before the first item (no membership item …)
    items: list[ItemText]
    ended: tuple[Line, str] | None
    signatures: list[str]
    trailing: Line | None  # the first line after the minutes, when they sit inside a pack


def _heading_lines(lines: list[Line], opening: int, committee: str) -> list[Line]:
    out: list[Line] = []
    for line in reversed(lines[max(0, opening - 8) : opening]):
        text = line.text
        if _PAGE_BREAK.match(text):
            break
        if text.casefold() == committee.casefold() or not re.search(r"[a-z]", text):
            out.append(line)
            continue
        break
    return list(reversed(out))


def cut(lines: list[Line], source: str) -> Layout:
    opening_at = next((i for i, ln in enumerate(lines) if OPENING.match(ln.text)), None)
    if opening_at is None:
        raise InputError(
            source,
            None,
            "no opening sentence ('Minutes of a meeting of the … held on …') was found: "
            "clerk reads a committee's minutes as the council publishes them",
        )
    opening = lines[opening_at]
    m = OPENING.match(opening.text)
    assert m is not None
    rest = m.group("rest")
    start = _START.match(rest)
    start_time = ""
    if start:
        start_time, rest = start.group("time"), start.group("rest")
    venue_match = _VENUE.match(rest)
    venue = venue_match.group("venue") if venue_match else ""
    if rest.strip(" .") and not venue_match:
        raise InputError(
            source,
            opening.number,
            f"the opening sentence ends in words clerk cannot read: {rest!r}",
        )
    committee = opening.bold[0] if opening.bold else m.group("committee")
    heading = _heading_lines(lines, opening_at, committee)
    layout = Layout(heading, opening, m, start_time, venue, [], [], [], [], None, [], None)
    _body(layout, lines[opening_at + 1 :], source)
    return layout


def _body(layout: Layout, lines: list[Line], source: str) -> None:
    zone = "attendance"
    current: Para | None = None  # the paragraph a continuation or bullet belongs to
    item: ItemText | None = None
    block: ResolvedBlock | None = None
    sub = False  # the last line was a lettered sub-clause of the block's last resolution
    for index, line in enumerate(lines):
        text = line.text
        if zone == "signatures":
            sig = SIGNATURE.match(text)
            if sig:
                layout.signatures.append(sig.group("label"))
                if sig.group("label").upper() == "DATE":
                    layout.trailing = lines[index + 1] if index + 1 < len(lines) else None
                    return
                continue
            layout.trailing = line
            return
        if _PAGE_BREAK.match(text):
            continue
        ended = ENDED.match(text)
        if ended:
            layout.ended = (line, ended.group("time"))
            zone = "signatures"
            continue
        sig = SIGNATURE.match(text)
        if sig and text.rstrip().endswith("_"):
            layout.signatures.append(sig.group("label"))
            zone = "signatures"
            continue
        heading = ITEM.match(text)
        if heading and not line.indented:
            number = heading.group("number")
            if any(i.number == number for i in layout.items):
                raise InputError(source, line.number, f"item {number} appears twice")
            item = ItemText(line.number, number, heading.group("title").strip())
            layout.items.append(item)
            zone, current, block = "item", None, None
            continue
        if zone == "attendance":
            att = ATTENDANCE.match(text)
            if att:
                what = att.group("what")
                layout.attendance.append((line, what, att.group("rest").strip()))
                current = None
                continue
            bare_present = (
                layout.attendance
                and layout.attendance[-1][1] == "Present"
                and not layout.attendance[-1][2]
            )
            if bare_present and not text.endswith(".") and len(text.split()) <= 16:
                layout.person_lines.append(line)
                continue
            current = _paragraph_or_continuation(layout.before_items, current, line, "")
            continue
        assert item is not None
        resolved = RESOLVED.match(text)
        if resolved and (resolved.group("mark") or not resolved.group("rest")):
            if item.resolved is not None:
                raise InputError(
                    source, line.number, f"a second RESOLVED block in item {item.number}"
                )
            rest = resolved.group("rest")
            hoisted = rest[:4] == "That" and (len(rest) == 4 or rest[4] == " ")
            block = ResolvedBlock(
                line.number,
                resolved.group("number") or "",
                hoisted,
                resolved.group("mark") or "",
                how=(resolved.group("how") or resolved.group("how_word") or "").strip(),
            )
            item.resolved = block
            sub = False
            after = rest[4:].strip() if hoisted else rest
            if after:  # "3.1 RESOLVED: That the Minutes … be approved." on one line
                block.clauses.append((line.number, after))
            current = None
            continue
        para = PARAGRAPH.match(text)
        if block is not None and not item.after_resolved:
            if block.clauses and SUB_LABEL.match(text) and not para:
                n, previous = block.clauses[-1]
                if sub or previous.rstrip().endswith(":"):
                    # "(a) …" under "That … subject to:": part of that resolution, as printed
                    block.clauses[-1] = (n, f"{previous} {text}")
                    block.sub_clauses.append((len(block.clauses) - 1, line.number))
                    sub = True
                    continue
            sub = False
            label = LABEL.match(text)
            if label:
                block.label = "({n})" if label.group("a") else "{n})"
                block.clauses.append((line.number, label.group("text")))
                continue
            labelled = LABEL.match(para.group("text")) if para else None
            if para and labelled:  # "6.1 1) That …": the item's only content, a list
                _check_number(para, item, line, source)
                block.number = block.number or para.group("number")
                block.label = "({n})" if labelled.group("a") else "{n})"
                block.clauses.append((line.number, labelled.group("text")))
                continue
            if para and para.group("text").startswith("That"):
                _check_number(para, item, line, source)
                block.number = block.number or para.group("number")
                block.clauses.append((line.number, para.group("text")))
                continue
            if text.startswith("That ") and not para:
                block.clauses.append((line.number, text))
                continue
            if not para and block.clauses and not _ends(block.clauses[-1][1]):
                n, previous = block.clauses[-1]
                block.clauses[-1] = (n, f"{previous} {text}")
                continue
            if not block.clauses:
                raise InputError(source, block.line, "RESOLVED with no resolution after it")
            target = item.after_resolved
        else:
            target = item.after_resolved if block is not None else item.paragraphs
        if para:
            _check_number(para, item, line, source)
            current = Para(line.number, para.group("number"), para.group("text"))
            target.append(current)
            continue
        current = _paragraph_or_continuation(target, current, line, item.number)
    if item is None:
        raise InputError(source, layout.opening.number, "no numbered items follow the opening")


def _ends(text: str) -> bool:
    # a sentence ending in a quotation ('… condition 3: "The use shall not commence."') ends
    return text.rstrip().rstrip("\"'”’").endswith((".", ";", "; and", ":", "?", "!"))


def is_whole(text: str) -> bool:
    """Whether a paragraph ends as a paragraph does (a sentence, or a bracket closing one):
    else the next line is read as its continuation, and a last one was cut short."""
    return _ends(text) or text.rstrip().endswith(")")


def _check_number(para: re.Match[str], item: ItemText, line: Line, source: str) -> None:
    if para.group("item") != item.number:
        raise InputError(
            source,
            line.number,
            f"paragraph {para.group('number')} under item {item.number}: is the heading of "
            f"item {para.group('item')} missing?",
        )


def _paragraph_or_continuation(
    target: list[Para], current: Para | None, line: Line, item_number: str
) -> Para:
    """An unnumbered line: a topic bullet (it began with a dash), the rest of a paragraph or
    bullet the PDF broke across a page (the one before did not end as a sentence does), or a
    paragraph of its own that was printed without its number."""
    text = line.text
    if current is not None:
        if line.dashed:
            current.bullets.append(text)
            return current
        last = current.bullets[-1] if current.bullets else current.text
        if not is_whole(last):
            if current.bullets:
                current.bullets[-1] = f"{last} {text}"
            else:
                current.text = f"{last} {text}"
            return current
    para = Para(line.number, "", text)
    target.append(para)
    return para
