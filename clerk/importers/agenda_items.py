"""The agenda's items: where they start, each item line with its pages, description and
sub-items ("(i)", "ii)", "(a)", a label alone on its line, or "3 (ii)" with the item's number)
under its part heading (public or exempt, with its Schedule 12A paragraphs), read until the
agenda ends (`agenda_end`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from clerk.dates import find_date
from clerk.importers.agenda_end import BLANK_PAGE, EndReader
from clerk.importers.agenda_forms import (
    AGENDA_MARK,
    EXAMPLE_ITEMS,
    PAGES_OPEN,
    PART_HEADING,
    match_item,
    match_numbered_sub_item,
    match_sub_item,
    mostly_capitals,
    split_pages,
    sub_label_only,
    word_count,
)
from clerk.importers.normalise import Line
from clerk.prose import join_names
from clerk.record import AgendaItem, Part, SubItem

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
    # paragraphs of each sub-item's description, joined once at the end (joining at every line
    # took n² steps on a long one)
    sub_texts: list[list[list[str]]] = field(default_factory=list)


class ItemsReader(EndReader):
    def _find_start(self) -> tuple[int, int | None]:
        """(index of the first item line, index of the AGENDA heading before it or None)."""
        marker: int | None = None
        for index, line in enumerate(self.lines):
            if AGENDA_MARK.match(line.text):
                marker = index
                continue
            if BLANK_PAGE.search(line.text):
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
            return bool(nxt) and mostly_capitals(nxt) and not PART_HEADING.match(nxt)
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

    def _next_index(self, index: int) -> int | None:
        """The index of the next line with text, within two lines of `index`."""
        following = range(index + 1, min(index + 3, len(self.lines)))
        return next((j for j in following if self.lines[j].text), None)

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
            page_break = self.page_break_between(previous_no, line.no)
            self.end_reason = self._ends_agenda(
                index, _has_text(current) if current else None, page_break
            )
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
            part = PART_HEADING.match(text)
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
            numbered_sub = match_numbered_sub_item(text)
            if numbered_sub and current and numbered_sub[0] == previous:
                # "3 (ii) TITLE" under item 3: a sub-item of it, not item 3 again
                text = f"{numbered_sub[1]} {numbered_sub[2]}"
                line = Line(line.no, text)
                found = None
            else:
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
            label = sub_label_only(text)
            if label:
                # "(ii)" alone: its title is the next line that is not blank
                title_at = self._next_index(index)
                if title_at is not None and not match_item(self.lines[title_at].cells):
                    line = Line(line.no, f"{label} {self.lines[title_at].text}")
                    text = line.text
                    index = title_at
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
            draft.sub_texts.append([[]])
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
            draft.sub_texts[-1][-1].append(rest)
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
        for sub, paras in zip(item.sub_items, draft.sub_texts, strict=True):
            sub.description = _join_paras(paras)
        return item


def _has_text(draft: _ItemDraft) -> bool:
    """Whether the item has more than its title: a description, pages or sub-items."""
    item = draft.item
    return any(draft.text) or item.page_from is not None or bool(item.sub_items)


def _new_para(draft: _ItemDraft) -> None:
    target = draft.sub_texts[-1] if draft.sub is not None else draft.text
    if not target or target[-1]:
        target.append([])


def _join_paras(paras: list[list[str]]) -> str:
    return "\n".join(" ".join(p) for p in paras if p).strip()


def _number(key: tuple[int, str]) -> str:
    return f"{key[0]}{key[1]}"
