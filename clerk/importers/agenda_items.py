"""The agenda's items: where they start, each item line with its pages, description and
sub-items under its part heading (public or exempt, with its Schedule 12A paragraphs), and
where the agenda ends (the signature, a blank page, or the next document in the pack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from clerk.dates import find_date
from clerk.importers.agenda_forms import (
    AGENDA_MARK,
    EXAMPLE_ITEMS,
    PAGES_OPEN,
    looks_like_name,
    match_item,
    match_sub_item,
    mostly_capitals,
    split_pages,
    word_count,
)
from clerk.importers.agenda_pack import AgendaPack
from clerk.importers.normalise import Line
from clerk.prose import join_names
from clerk.record import AgendaItem, Part, SubItem

_BLANK_PAGE = re.compile(r"intentionally\s+(?:been\s+)?left\s+blank", re.IGNORECASE)
_NEXT_DOCUMENT = re.compile(
    r"^(?:minutes|minutes of proceedings|agenda item \d+[a-z]?|committee report|cabinet report|"
    r"cabinet member report|decision maker\s*:.*|report of\s*:?.*|city of westminster)$",
    re.IGNORECASE,
)
_SIGNATORY_TITLE = re.compile(
    r"^(?:interim\s+|acting\s+|deputy\s+)?(?:chief executive|town clerk|proper officer|"
    r"monitoring officer|director of [\w &,]+|head of [\w &,]+|chief operating officer|"
    r"executive director[\w &,]*|bi-borough director[\w &,]*|clerk to the [\w &,-]+)"
    # "Chief Executive and Town Clerk", "Chief Executive, Westminster City Council"
    r"(?:\s*(?:,|\band\b|&)\s*[A-Za-z][\w &,'-]*)?$",
    re.IGNORECASE,
)
# letters after a name: "Stuart Love CBE"
_POST_NOMINALS = re.compile(
    r"(?:\s*,?\s+(?:[KDC]?BE|[OM]BE|CB|QC|KC|JP|DL|MP|PhD|MA|MBA|BA|BSc|MSc|LLB|FCA|ACA|CPFA|"
    r"FRSA|FRICS|MRTPI|CIPFA)\.?)+$",
    re.IGNORECASE,
)
# a line giving the date the agenda was published, alone or after a word saying so
_PUBLISHED = re.compile(
    r"^(?:(?:published|dated|issued|date\s+of\s+(?:publication|issue)|(?:publication|issue)\s+"
    r"date|date\s+published)(?:\s+on)?\s*:?\s*)?(?P<rest>.+)$",
    re.IGNORECASE,
)
#: How long before its meeting an agenda is published, at most: a date alone on a line further
#: back is an item's (the minutes of 17 October), not the agenda's publication date.
_PUBLISHED_WITHIN = timedelta(days=31)
#: A date alone this close before the meeting is its publication date even straight after an
#: item's title; further back it may be the item's (the minutes of that day).
_PUBLISHED_SURELY = timedelta(days=14)
# The labels of a report's or briefing's cover sheet. A cover is two label lines or more, one of
# them of the first kind, among a few short lines: one "Report of:" line can sit in an item.
_COVER_LABEL = re.compile(
    r"^(?:classification|report of|briefing of|briefing (?:note )?(?:author|by)[\w &]*|"
    r"report authors?[\w &]*|wards? (?:involved|affected)|decision makers?|key decision|"
    r"policy context|cabinet member portfolio|report for|financial summary|report to)"
    r"\s*(?::|\t|$)",
    re.IGNORECASE,
)
_COVER_OTHER = re.compile(
    r"^(?:date|title|subject|meeting|report title|lead officer|contact officer)\s*(?::|\t)",
    re.IGNORECASE,
)
_BODY_WORD = re.compile(r"\b(?:Committee|Sub-Committee|Board|Cabinet|Panel|Forum|Commission)\b")
_PART = re.compile(r"^PART\s+(?P<id>\d+|[A-Z]|ONE|TWO|THREE|I{1,3})\b(?P<rest>.*)$", re.IGNORECASE)
_EXEMPT_WORDS = re.compile(
    r"\b(?:private|exempt|confidential|not for publication|closed session|press and public "
    r"(?:are |be )?excluded)\b",
    re.IGNORECASE,
)
_SCHEDULE_12A = re.compile(
    r"paragraphs?\s+(?P<nums>\d(?:\s*(?:,|and|&|or)\s*\d)*)\s+of\s+(?:Part\s+(?:1|I)\s+of\s+)?"
    r"Schedule\s+12A",
    re.IGNORECASE,
)


def _paras(nums: str) -> list[int]:
    return sorted({int(n) for n in re.findall(r"\d", nums)})


@dataclass
class _ItemDraft:
    item: AgendaItem
    line: int
    title_open: bool = True  # a line of capitals straight after the title continues it
    text: list[list[str]] = field(default_factory=list)  # paragraphs of the description
    sub: SubItem | None = None
    sub_text: list[list[str]] = field(default_factory=list)


class ItemsReader(AgendaPack):
    def _find_start(self) -> tuple[int, int | None]:
        """(index of the first item line, index of the AGENDA heading before it or None)."""
        marker: int | None = None
        for index, line in enumerate(self.lines):
            if AGENDA_MARK.match(line.text):
                marker = index
                continue
            if _BLANK_PAGE.search(line.text):
                break
            found = match_item(line.cells)
            plain_marker = marker is not None and self.lines[marker].text.lower() == "agenda"
            if found and self._is_item_title(found.cells, index, plain_marker and found.punctuated):
                return index, marker
        where = self.lines[marker].no if marker is not None else 1
        found_what = (
            "found AGENDA but no items after it" if marker is not None else "no agenda items found"
        )
        raise self.fail(
            where,
            f"{found_what}; expected numbered item lines such as {EXAMPLE_ITEMS}",
        )

    def _is_item_title(self, cells: tuple[str, ...], index: int, after_marker: bool) -> bool:
        title = next((c for c in cells if split_pages(c)[0]), "")
        if not title:
            # a number alone: the title is on the next line
            nxt = self._next_text(index)
            return bool(nxt) and mostly_capitals(nxt) and not _PART.match(nxt)
        title = split_pages(title)[0]
        if mostly_capitals(title):
            return True
        # a title in ordinary case counts only where an item is expected
        return (
            after_marker
            and title[:1].isupper()
            and word_count(title) <= 12
            and not title.endswith(".")
            and find_date(title) is None
        )

    def _next_text(self, index: int) -> str:
        for line in self.lines[index + 1 : index + 3]:
            if line.text:
                return line.text
        return ""

    # ------------------------------------------------------------------ items

    def _read_items(
        self, start: int, marker: int | None, meeting_date: date | None = None
    ) -> tuple[list[AgendaItem], int]:
        self.meeting_date = meeting_date
        self.end_reason = ""
        drafts: list[_ItemDraft] = []
        part_heading = ""
        part_exempt = False
        part_paragraphs: list[int] = []
        part_line = 0
        exclusion_paragraphs: list[int] = []
        in_part_note = False
        previous: tuple[int, str] | None = None
        previous_line = 0
        blank_before = True
        index = start
        end = len(self.lines)
        previous_no = self.lines[start - 1].no if start > 0 else 0  # the last line with text
        while index < len(self.lines):
            line = self.lines[index]
            text = line.text
            current = drafts[-1] if drafts else None
            if not text:
                blank_before = True
                if current:
                    current.title_open = False
                    _new_para(current)
                index += 1
                continue
            page_break = any(previous_no < n <= line.no for n in self.page_starts)
            self.end_reason = self._ends_agenda(index, current, page_break)
            if self.end_reason:
                end = index
                break
            previous_no = line.no
            # a page range wrapped over two lines: "(Pages 91 -" / "100)"
            if PAGES_OPEN.search(text):
                nxt = next(
                    (
                        j
                        for j in range(index + 1, min(index + 3, len(self.lines)))
                        if self.lines[j].text
                    ),
                    None,
                )
                if nxt is not None and re.match(r"^\d+\s*\)?\.?$", self.lines[nxt].text):
                    text = f"{text} {self.lines[nxt].text}"
                    line = Line(line.no, text)
                    for j in range(index + 1, nxt + 1):
                        self.lines[j] = Line(self.lines[j].no, "")
            part = _PART.match(text)
            if part and mostly_capitals(text) and word_count(text) <= 16:
                part_heading = text.replace("\t", " ")
                ident = part.group("id").upper()
                part_exempt = ident in ("2", "TWO", "II") or bool(_EXEMPT_WORDS.search(text))
                if re.search(r"\bpublic\b", text, re.I) and not re.search(r"excluded", text, re.I):
                    part_exempt = False
                part_paragraphs = (
                    _paras(m.group("nums")) if (m := _SCHEDULE_12A.search(text)) else []
                )
                part_line = line.no
                in_part_note = True
                if current:
                    current.title_open = False
                    current.sub = None
                index += 1
                continue
            found = match_item(line.cells)
            if found:
                is_title = self._is_item_title(found.cells, index, True)
                if is_title and (
                    mostly_capitals(" ".join(found.cells))
                    or not found.cells
                    or (
                        found.punctuated
                        and (previous is None or found.sort_key[0] == previous[0] + 1)
                    )
                ):
                    if previous is not None and found.sort_key <= previous:
                        what = (
                            f"item {found.number} is numbered again (first at line {previous_line})"
                            if found.sort_key == previous
                            else f"item {found.number} comes after item {_number(previous)} "
                            f"(line {previous_line})"
                        )
                        raise self.fail(
                            line.no, f"{what}; expected item numbers to increase down the agenda"
                        )
                    cells = list(found.cells)
                    if not cells:  # the number alone; the title is the next line
                        j = index + 1
                        while j < len(self.lines) and not self.lines[j].text:
                            j += 1
                        cells = self.lines[j].cells
                        index = j
                    draft = self._new_item(found.number, cells, line.no, part_heading)
                    draft.item.part = Part.EXEMPT if part_exempt else Part.PUBLIC
                    if part_exempt:
                        draft.item.exempt_paragraphs = list(part_paragraphs)
                    drafts.append(draft)
                    previous, previous_line = found.sort_key, line.no
                    in_part_note = False
                    blank_before = False
                    index += 1
                    continue
            if in_part_note or not current:
                m = _SCHEDULE_12A.search(text)
                if m and in_part_note:
                    part_paragraphs = _paras(m.group("nums"))
                    if part_exempt:
                        for d in drafts:
                            if d.item.part_heading == part_heading and d.line > part_line:
                                d.item.exempt_paragraphs = list(part_paragraphs)
                index += 1
                blank_before = False
                continue
            self._item_text(current, text, line, blank_before)
            m = _SCHEDULE_12A.search(text)
            if m:
                paragraphs = _paras(m.group("nums"))
                if current.item.part is Part.EXEMPT:
                    current.item.exempt_paragraphs = paragraphs
                else:
                    exclusion_paragraphs = paragraphs
            blank_before = False
            index += 1
        items = [self._finish(d, i) for i, d in enumerate(drafts)]
        if not items:
            where = self.lines[marker].no if marker is not None else 1
            raise self.fail(
                where, f"no agenda items found; expected item lines such as {EXAMPLE_ITEMS}"
            )
        missing = [i for i in items if i.part is Part.EXEMPT and not i.exempt_paragraphs]
        if missing and exclusion_paragraphs:
            for item in missing:
                item.exempt_paragraphs = list(exclusion_paragraphs)
            numbers = join_names(i.number for i in missing)
            paras = join_names(str(p) for p in exclusion_paragraphs)
            one = len(missing) == 1
            self.guesses.append(
                f"{'Item' if one else 'Items'} {numbers} {'is' if one else 'are'} in private but "
                f"{'does' if one else 'do'} not give {'its' if one else 'their'} own Schedule 12A "
                f"paragraph; took paragraph{'s' if len(exclusion_paragraphs) > 1 else ''} {paras} "
                "from the resolution to exclude the press and public."
            )
        return items, end

    def _new_item(self, number: str, cells: list[str], line: int, part_heading: str) -> _ItemDraft:
        title = ""
        description: list[str] = []
        pages = None
        for cell in cells:
            rest, found_pages = split_pages(cell)
            if found_pages and pages is None:
                pages = found_pages
            if not rest:
                continue
            if not title:
                title = rest
            else:
                description.append(rest)
        self._check_pages(pages, line)
        item = AgendaItem(
            number=number,
            title=title,
            page_from=pages[0] if pages else None,
            page_to=(pages[1] if pages[1] is not None else pages[0]) if pages else None,
            part_heading=part_heading,
        )
        draft = _ItemDraft(item=item, line=line)
        draft.text.append(description)
        return draft

    def _item_text(self, draft: _ItemDraft, text: str, line: Line, blank_before: bool) -> None:
        sub = match_sub_item(text)
        if sub:
            label, rest = sub
            title, pages = split_pages(rest.replace("\t", " "))
            self._check_pages(pages, line.no)
            draft.sub = SubItem(
                label=label,
                title=title,
                page_from=pages[0] if pages else None,
                page_to=(pages[1] if pages[1] is not None else pages[0]) if pages else None,
            )
            draft.item.sub_items.append(draft.sub)
            draft.sub_text = [[]]
            draft.title_open = False
            return
        rest, pages = split_pages(text.replace("\t", " "))
        self._check_pages(pages, line.no)
        if pages:
            target = draft.sub if draft.sub and draft.sub.page_from is None else draft.item
            if target.page_from is None:
                target.page_from = pages[0]
                target.page_to = pages[1] if pages[1] is not None else pages[0]
            else:
                rest = text
        if not rest:
            return
        if draft.title_open and not blank_before and mostly_capitals(rest) and draft.sub is None:
            draft.item.title = f"{draft.item.title} {rest}".strip()
            return
        draft.title_open = False
        if draft.sub is not None:
            draft.sub_text[-1].append(rest)
            draft.sub.description = _join_paras(draft.sub_text)
        else:
            draft.text[-1].append(rest)

    def _check_pages(self, pages: tuple[int, int | None] | None, line: int) -> None:
        if pages and pages[1] is not None and pages[1] < pages[0]:
            raise self.fail(
                line,
                "expected pages from low to high such as '(Pages 5 - 10)', "
                f"found pages {pages[0]} - {pages[1]}",
            )

    def _finish(self, draft: _ItemDraft, position: int) -> AgendaItem:
        item = draft.item
        item.position = position
        item.title = re.sub(r"\s+", " ", item.title).strip()
        item.description = _join_paras(draft.text)
        return item

    def _ends_agenda(self, index: int, current: _ItemDraft | None, page_break: bool) -> str:
        """Why the agenda ends at `index`, in words for the clerk, or "" if it does not: a
        blank page, the next document's heading, the signature, the date the agenda was
        published, or the cover of a report bound after it (whose numbered headings, "1.
        Executive Summary", are not items)."""
        text = self.lines[index].text
        quoted = f"'{text.replace(chr(9), ' ')}'"
        if _BLANK_PAGE.search(text) or _NEXT_DOCUMENT.match(text):
            return quoted
        sig = self._signature_at(index)
        if sig is not None:
            return f"the signature '{sig[0]}, {sig[1]}'" if sig[1] else f"the signature '{sig[0]}'"
        if current is None:
            return ""
        # before the item test: "15 November 2019" has the form of item 15
        published = self._published_at(index)
        if published and self.meeting_date:
            close = published >= self.meeting_date - _PUBLISHED_SURELY
            if close or _has_text(current) or page_break:
                return f"the date the agenda was published, {quoted}"
        if match_item(self.lines[index].cells) or _PART.match(text):
            return ""
        if self._cover_at(index, current, page_break):
            return f"the cover of a report bound after the agenda, {quoted}"
        return ""

    def _published_at(self, index: int) -> date | None:
        """The date on the line at `index` if the line is only the agenda's publication date."""
        if index >= len(self.lines):
            return None
        return self._publication_date(self.lines[index].text)

    def _publication_date(self, text: str) -> date | None:
        if self.meeting_date is None:
            return None
        m = _PUBLISHED.match(text.replace("\t", " ").strip())
        found = find_date(m.group("rest")) if m else None
        if not m or not found or not found.value:
            return None
        if re.sub(r"[\s,.]", "", m.group("rest").replace(found.text, "")):
            return None  # more than a date
        if not self.meeting_date - _PUBLISHED_WITHIN <= found.value <= self.meeting_date:
            return None
        return found.value

    def _cover_at(self, index: int, current: _ItemDraft, page_break: bool) -> bool:
        """Whether a report's cover sheet starts at `index`: its heading lines (the committee,
        the report's title), then its labels. A heading line straight after an item's title
        with nothing else is taken as a cover's only when it names a committee or a page ends
        before it."""
        first = self.lines[index].text
        if index > 0 and self.lines[index - 1].text and not page_break:
            return False  # not the start of a paragraph
        expected = page_break or _has_text(current) or _BODY_WORD.search(first)
        if not (expected or _COVER_LABEL.match(first) or _COVER_OTHER.match(first)):
            return False
        labels = strong = seen = 0
        for line in self.lines[index : index + 30]:
            text = line.text
            if not text:
                continue
            seen += 1
            if seen > 10:
                break
            if _COVER_LABEL.match(text):
                labels, strong = labels + 1, strong + 1
            elif _COVER_OTHER.match(text):
                labels += 1
            elif word_count(text) > 12 or text.endswith(".") or split_pages(text)[1]:
                break  # prose, or an item's pages: not a cover
            elif match_item(line.cells) and mostly_capitals(text):
                break
            if labels >= 2 and strong:
                return True
        return False

    def _signature_at(self, index: int) -> tuple[str, str, int] | None:
        """(name, title, index after) if a signature starts at `index`: a name, then a title
        (or the title, then the name); or a name and whatever short line follows it, where the
        agenda's publication date comes next."""
        text = _title(self.lines[index].text.replace("\t", " "))
        m = re.match(r"^(?P<name>[^,]+),\s*(?P<title>.+)$", text)
        if m and _name(m.group("name")):
            title = m.group("title").strip()
            if "," in title and self._publication_date(title.rpartition(",")[2]):
                title = title.rpartition(",")[0].strip()  # "Name, Title, 15 November 2019"
            if _SIGNATORY_TITLE.match(title):
                return _name(m.group("name")), title, index + 1
        following = range(index + 1, min(index + 3, len(self.lines)))
        j = next((j for j in following if self.lines[j].text), None)
        if j is None:
            return None
        nxt = _title(self.lines[j].text.replace("\t", " "))
        name = _name(text)
        if name and _SIGNATORY_TITLE.match(nxt):
            return name, nxt, j + 1
        if _SIGNATORY_TITLE.match(text) and _name(nxt):
            return _name(nxt), text, j + 1  # "Chief Executive" / "Stuart Love"
        if not name:
            return None
        if self._published_at(j):
            return name, "", j  # "Stuart Love" / "15 November 2019"
        short_title = word_count(nxt) <= 8 and not nxt.endswith(".") and not match_item([nxt])
        if short_title and j + 1 < len(self.lines) and self._published_at(j + 1):
            return name, nxt, j + 1
        return None

    def _signature(self, end: int) -> tuple[str, date | None]:
        if end >= len(self.lines):
            return "", None
        sig = self._signature_at(end)
        if not sig:
            return "", self._published_at(end)
        name, title, after = sig
        published_on = None
        one_line = self.lines[end].text.replace("\t", " ").rpartition(",")[2]
        found = find_date(one_line) if after == end + 1 else None
        if found and found.value and word_count(one_line) <= 5:
            return f"{name}, {title}" if title else name, found.value
        for line in self.lines[after : after + 3]:
            if not line.text:
                continue
            found = find_date(line.text)
            if found and found.value and word_count(line.text) <= 5:
                published_on = found.value
            else:
                published_on = self._publication_date(line.text)
            break
        return f"{name}, {title}" if title else name, published_on

    def _end_guess(self, end: int) -> None:
        if end >= len(self.lines):
            return
        line = self.lines[end]
        rest = self.last_line - line.no
        if rest <= 0:
            return
        sig = self._signature_at(end)
        what = self.end_reason or f"'{line.text.replace(chr(9), ' ')}'"
        tail = [ln for ln in self.lines[end + 1 :] if ln.text and not _BLANK_PAGE.search(ln.text)]
        if sig:
            tail = [ln for ln in tail if ln.no > self.lines[sig[2] - 1].no + 1]
        if tail:
            self.guesses.append(
                f"The agenda ends at line {line.no} ({what}); the rest of the pack "
                f"(lines {tail[0].no}–{self.last_line}) was not read as agenda items."
            )


def _name(text: str) -> str:
    """`text` as a person's name if it is one ("Stuart Love", "STUART LOVE", "Stuart Love
    CBE" give "Stuart Love"), else ""."""
    text = _POST_NOMINALS.sub("", text.strip()).strip(" ,")
    return text if looks_like_name(text) else ""


def _title(text: str) -> str:
    """A name or a title written in capitals ("STUART LOVE", "CHIEF EXECUTIVE") as words."""
    return text.title() if text.isupper() else text


def _has_text(draft: _ItemDraft) -> bool:
    """Whether the item has more than its title: a description, pages or sub-items."""
    item = draft.item
    return any(draft.text) or item.page_from is not None or bool(item.sub_items)


def _new_para(draft: _ItemDraft) -> None:
    target = draft.sub_text if draft.sub is not None else draft.text
    if not target or target[-1]:
        target.append([])


def _join_paras(paras: list[list[str]]) -> str:
    return "\n".join(" ".join(p) for p in paras if p).strip()


def _number(key: tuple[int, str]) -> str:
    return f"{key[0]}{key[1]}"
