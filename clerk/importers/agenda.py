"""Read a published agenda pack (text or markdown converted from the PDF) into a meeting record.

    parse_agenda(text, source) -> AgendaImport(record, guesses)
    read_agenda(path) -> AgendaImport

The pack is normalised first (`normalise`), then each line is recognised by its form
(`agenda_forms`, `agenda_people`, and `clerk.dates` for dates and times): the header
(committee, date, time, venue, members), the officer named in the boilerplate, the items under
their part headings, and the signature that ends the agenda. Reading stops at the end of the
agenda (the signature, "This page is intentionally left blank", or the next document's
heading), so the reports and minutes that follow in a pack are never read as items.

Whatever was ambiguous and had to be guessed (the reading order of a member grid, which line
is the venue when labels and values are separated) is said in `guesses`, in words for the
clerk. Anything wrong raises `InputError` naming the file, the line and what was expected;
there are no partial results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from clerk import dates
from clerk.dates import DateFound, find_date, find_time
from clerk.errors import InputError, short
from clerk.importers import check_line_lengths, read_bytes
from clerk.importers.agenda_forms import (
    EXAMPLE_DATE,
    EXAMPLE_ITEMS,
    EXAMPLE_TIME,
    PAGE_FOOTER,
    PAGES_OPEN,
    looks_like_name,
    match_item,
    match_sub_item,
    mostly_capitals,
    split_pages,
    surname_of,
)
from clerk.importers.agenda_people import (
    MemberEntry,
    find_officer,
    is_councillor_role,
    parse_member_line,
    reading_order,
)
from clerk.importers.normalise import Line, normalise
from clerk.prose import join_names
from clerk.record import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingRecord,
    MemberRole,
    Membership,
    Part,
    Person,
    SubItem,
)


@dataclass(frozen=True)
class AgendaImport:
    record: MeetingRecord  # committee, meeting, people, memberships, items; no attendance yet
    guesses: tuple[str, ...]  # what was ambiguous and what was guessed, for the clerk


def read_agenda(path: Path) -> AgendaImport:
    """Read and parse the agenda pack at `path`; InputError if it is missing or not text."""
    path = Path(path)
    data = read_bytes(path, "an agenda file")
    # Name the file as the user gave it, so the error points where they can look.
    return parse_agenda(decode(data, str(path)), str(path))


def decode(data: bytes, source: str) -> str:
    """The text of an agenda file: UTF-8 (a byte-order mark is allowed), or UTF-16 with one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, None, "not readable text (broken UTF-16)") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(
            source,
            line,
            "this is a binary file, not an agenda; expected the agenda pack as text or "
            "markdown (convert the PDF to text first)",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex().upper()
        raise InputError(
            source,
            line,
            f"not UTF-8 text (byte 0x{byte} cannot be read); save the agenda as UTF-8 and "
            "import it again",
        ) from None


def parse_agenda(text: str, source: str = "<agenda>") -> AgendaImport:
    """Parse the text of an agenda pack; InputError names `source` and the line at fault."""
    check_line_lengths(text, source)
    return _AgendaReader(text, str(source)).read()


# --------------------------------------------------------------------------- recognisers

_AGENDA_MARK = re.compile(
    r"^(?:(?:committee|follow[- ]on|supplementary|additional|revised)\s+)?agenda(?:\s+items)?$",
    re.IGNORECASE,
)
_TITLE_KINDS = (
    "Sub-Committee",
    "Committee",
    "Board",
    "Cabinet",
    "Panel",
    "Forum",
    "Commission",
    "Partnership",
    "Council",
)
_TITLE_FORM = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w&',()/ -]*?\b(?:"
    + "|".join(_TITLE_KINDS)
    + r"))(?:\s*\((?:\d+|[A-Z])\))?$"
)
_LABEL = re.compile(
    r"^(?P<label>title|committee|meeting|meeting title|name of (?:committee|meeting)|"
    r"meeting date|date(?: and time| & time)?|time|start time|starts|venue|place|location|"
    r"members(?:hip)?|board members|members of the (?:committee|board|sub-committee|cabinet)|"
    r"councillors)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_VENUE_FORM = re.compile(
    r"\b(?:Room|Rooms|Floor|Hall|Chamber|Chambers|Suite|Street|Road|Square|Strand|Lane|"
    r"Place|Centre|Building|Virtual|Online|Microsoft Teams|Town Hall|House)\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
)
_COUNCILS = [
    (
        re.compile(r"\bCity of Westminster\b|\bWestminster City Council\b", re.I),
        "City of Westminster",
    ),
    (
        re.compile(r"\bRoyal Borough of Kensington (?:and|&) Chelsea\b|\bRBKC\b", re.I),
        "Royal Borough of Kensington and Chelsea",
    ),
    (
        re.compile(r"\bLondon Borough of Hammersmith (?:and|&) Fulham\b", re.I),
        "London Borough of Hammersmith and Fulham",
    ),
    (
        re.compile(r"\bLondon Borough of Camden\b|\bCamden Council\b", re.I),
        "London Borough of Camden",
    ),
    (re.compile(r"\bLondon Borough of Brent\b|\bBrent Council\b", re.I), "London Borough of Brent"),
    (re.compile(r"\bCity of London Corporation\b", re.I), "City of London Corporation"),
]
_COUNCIL_LINE = re.compile(
    r"^(?:the\s+)?(?:city of westminster|westminster city council|royal borough of kensington "
    r"(?:and|&) chelsea|london borough of [a-z &]+)$",
    re.IGNORECASE,
)
_FOLLOW_ON = re.compile(r"\b(follow[- ]on|supplementary|additional|revised)\s+agenda\b", re.I)
_BLANK_PAGE = re.compile(r"intentionally\s+(?:been\s+)?left\s+blank", re.IGNORECASE)
_NEXT_DOCUMENT = re.compile(
    r"^(?:minutes|minutes of proceedings|agenda item \d+[a-z]?|committee report|cabinet report|"
    r"cabinet member report|decision maker\s*:.*|report of\s*:?.*|city of westminster)$",
    re.IGNORECASE,
)
_SIGNATORY_TITLE = re.compile(
    r"^(?:interim\s+|acting\s+|deputy\s+)?(?:chief executive|town clerk|proper officer|"
    r"monitoring officer|director of [\w &,]+|head of [\w &,]+|chief operating officer|"
    r"executive director[\w &,]*|bi-borough director[\w &,]*)$",
    re.IGNORECASE,
)
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
_MINUTES_OF = re.compile(
    r"minutes\s+of\s+the\s+(?:[\w&'-]+\s+){0,8}?(?:meeting|meetings)\s+held\s+on\s+(?P<rest>.+)",
    re.IGNORECASE,
)


def _words(text: str) -> int:
    return len(text.split())


def _paras(nums: str) -> list[int]:
    return sorted({int(n) for n in re.findall(r"\d", nums)})


def _body_of(name: str) -> str:
    for kind in ("Sub-Committee", "Board", "Cabinet", "Panel", "Forum", "Commission"):
        if re.search(rf"\b{kind}\b", name, re.IGNORECASE):
            return kind
    return "Committee"


# --------------------------------------------------------------------------- the reader


@dataclass
class _Field:
    value: str = ""
    line: int = 0
    label_line: int = 0  # the line of its label, when the label stood alone


@dataclass
class _ItemDraft:
    item: AgendaItem
    line: int
    title_open: bool = True  # a line of capitals straight after the title continues it
    text: list[list[str]] = field(default_factory=list)  # paragraphs of the description
    sub: SubItem | None = None
    sub_text: list[list[str]] = field(default_factory=list)


class _AgendaReader:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        if not text.strip():
            raise InputError(
                source, None, "the file is empty; expected an agenda pack (committee, date, items)"
            )
        if "\x00" in text:
            raise InputError(source, None, "this is a binary file, not an agenda")
        self.lines = [
            Line(ln.no, "") if PAGE_FOOTER.match(ln.text) else ln for ln in normalise(text)
        ]
        self.last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        self.guesses: list[str] = []

    def fail(self, line: int | None, message: str) -> InputError:
        return InputError(self.source, line, message)

    # ------------------------------------------------------------------ overall

    def read(self) -> AgendaImport:
        first_item, marker = self._find_start()
        header = self.lines[: marker if marker is not None else first_item]
        body_start = (marker + 1) if marker is not None else first_item
        items, end_index = self._read_items(body_start, marker)
        agenda_lines = self.lines[:end_index]
        published_by, published_on = self._signature(end_index)

        fields = self._header_fields(header)
        committee = self._committee(header, fields)
        meeting_date, start_time = self._when(fields)
        venue = fields["venue"].value
        if not venue:
            self.guesses.append("No venue found on the agenda; the venue is left blank.")
        title = ""
        for line in agenda_lines[: body_start + 1]:
            m = _FOLLOW_ON.search(line.text)
            if m:
                title = f"{m.group(1).capitalize().replace(' ', '-')} Agenda"
                if title.lower().startswith(("supplementary", "additional", "revised")):
                    title = title.replace("-", " ")
                break

        meeting = Meeting(
            committee_id=committee.id,
            date=meeting_date,
            start_time=start_time,
            venue=venue,
            title=title,
            published_by=published_by,
            published_on=published_on,
        )
        record = MeetingRecord(committee=committee, meeting=meeting, items=items)
        self._members(header, fields, record)
        self._officer(agenda_lines, record)
        meeting.approves_minutes_of = self._minutes_approved(items, meeting_date)
        self._end_guess(end_index)
        return AgendaImport(record=record, guesses=tuple(self.guesses))

    def _find_start(self) -> tuple[int, int | None]:
        """(index of the first item line, index of the AGENDA heading before it or None)."""
        marker: int | None = None
        for index, line in enumerate(self.lines):
            if _AGENDA_MARK.match(line.text):
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
            and _words(title) <= 12
            and not title.endswith(".")
            and find_date(title) is None
        )

    def _next_text(self, index: int) -> str:
        for line in self.lines[index + 1 : index + 3]:
            if line.text:
                return line.text
        return ""

    # ------------------------------------------------------------------ items

    def _read_items(self, start: int, marker: int | None) -> tuple[list[AgendaItem], int]:
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
            if self._ends_agenda(index):
                end = index
                break
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
            if part and mostly_capitals(text) and _words(text) <= 16:
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

    def _ends_agenda(self, index: int) -> bool:
        text = self.lines[index].text
        if _BLANK_PAGE.search(text) or _NEXT_DOCUMENT.match(text):
            return True
        return self._signature_at(index) is not None

    def _signature_at(self, index: int) -> tuple[str, str, int] | None:
        """(name, title, index after) if a signature starts at `index`: a name, then a title."""
        text = self.lines[index].text.replace("\t", " ")
        m = re.match(r"^(?P<name>[^,]+),\s*(?P<title>.+)$", text)
        if m and looks_like_name(m.group("name")) and _SIGNATORY_TITLE.match(m.group("title")):
            return m.group("name").strip(), m.group("title").strip(), index + 1
        if not looks_like_name(text):
            return None
        # the title is the next line that is not blank, within two
        following = range(index + 1, min(index + 3, len(self.lines)))
        j = next((j for j in following if self.lines[j].text), None)
        if j is None or not _SIGNATORY_TITLE.match(self.lines[j].text):
            return None
        return text, self.lines[j].text, j + 1

    def _signature(self, end: int) -> tuple[str, date | None]:
        if end >= len(self.lines):
            return "", None
        sig = self._signature_at(end)
        if not sig:
            return "", None
        name, title, after = sig
        published_on = None
        for line in self.lines[after : after + 3]:
            if not line.text:
                continue
            found = find_date(line.text)
            if found and found.value and _words(line.text) <= 5:
                published_on = found.value
            break
        return f"{name}, {title}", published_on

    def _end_guess(self, end: int) -> None:
        if end >= len(self.lines):
            return
        line = self.lines[end]
        rest = self.last_line - line.no
        if rest <= 0:
            return
        sig = self._signature_at(end)
        what = (
            f"the signature '{sig[0]}, {sig[1]}'" if sig else f"'{line.text.replace(chr(9), ' ')}'"
        )
        tail = [ln for ln in self.lines[end + 1 :] if ln.text and not _BLANK_PAGE.search(ln.text)]
        if sig:
            tail = [ln for ln in tail if ln.no > self.lines[sig[2] - 1].no + 1]
        if tail:
            self.guesses.append(
                f"The agenda ends at line {line.no} ({what}); the rest of the pack "
                f"(lines {tail[0].no}–{self.last_line}) was not read as agenda items."
            )

    # ------------------------------------------------------------------ header

    def _header_fields(self, header: list[Line]) -> dict[str, _Field]:
        fields = {k: _Field() for k in ("title", "date", "time", "venue", "members")}
        self.used: set[int] = set()
        bare_labels: list[tuple[str, int]] = []
        for i, line in enumerate(header):
            m = _LABEL.match(line.text.replace("\t", " "))
            if not m:
                continue
            key = _label_key(m.group("label"))
            value = m.group("value").strip()
            self.used.add(i)
            if key == "members":
                fields["members"] = _Field(value, line.no, line.no)
                continue
            if not value:
                bare_labels.append((key, line.no))
                for k in ("date", "time") if key == "datetime" else (key,):
                    fields[k].label_line = fields[k].label_line or line.no
                if key == "datetime":
                    bare_labels.append(("time", line.no))
                continue
            if key == "venue":
                value = self._continue_venue(header, i, value)
            if key == "datetime":
                fields["date"] = _Field(value, line.no)
                if not fields["time"].value and find_time(value):
                    fields["time"] = _Field(value, line.no)
            elif not fields[key].value:
                fields[key] = _Field(value, line.no)
        missing = [k for k in ("title", "date", "time", "venue") if not fields[k].value]
        if missing:
            self._fields_by_form(header, fields, missing, bare_labels)
        return fields

    def _continue_venue(self, header: list[Line], i: int, value: str) -> str:
        for j in range(i + 1, len(header)):
            nxt = header[j].text
            if not nxt or _LABEL.match(nxt) or find_date(nxt) or find_time(nxt):
                break
            if _words(nxt) > 12 or nxt.endswith("."):
                break
            self.used.add(j)
            soft = value.endswith(",") or nxt[:1].islower() or len(value) >= 50
            value = f"{value} {nxt}" if soft else f"{value}, {nxt}"
        return value

    def _fields_by_form(
        self,
        header: list[Line],
        fields: dict[str, _Field],
        missing: list[str],
        bare: list[tuple[str, int]],
    ) -> None:
        found_by_form: list[tuple[str, int]] = []
        for i, line in enumerate(header):
            text = line.text.replace("\t", " ")
            if i in self.used or not text or _AGENDA_MARK.match(text) or _COUNCIL_LINE.match(text):
                continue
            if _words(text) > 16 or "(chair" in text.lower():
                continue
            date_found = find_date(text)
            if "date" in missing and not fields["date"].value and date_found:
                rest = text.replace(date_found.text, " ")
                time_found = find_time(rest)
                if time_found:
                    rest = rest.replace(time_found.text, " ")
                if _words(re.sub(r"\b(?:at|from|on)\b|[,.]", " ", rest)) <= 1:
                    fields["date"] = _Field(text, line.no)
                    self.used.add(i)
                    found_by_form.append(("date", line.no))
                    if time_found and not fields["time"].value:
                        fields["time"] = _Field(text, line.no)
                        found_by_form.append(("time", line.no))
                    continue
            time_found = find_time(text)
            if "time" in missing and not fields["time"].value and time_found:
                rest = text.replace(time_found.text, " ")
                if _words(re.sub(r"\b(?:at|from|start|starts)\b|[,.:]", " ", rest)) <= 1:
                    fields["time"] = _Field(text, line.no)
                    self.used.add(i)
                    found_by_form.append(("time", line.no))
                    continue
            title_form = _TITLE_FORM.match(text) and not _FOLLOW_ON.search(text)
            if "title" in missing and not fields["title"].value and title_form:
                fields["title"] = _Field(text, line.no)
                self.used.add(i)
                found_by_form.append(("title", line.no))
                continue
            venue_form = _VENUE_FORM.search(text) and not text.endswith(".")
            if "venue" in missing and not fields["venue"].value and venue_form:
                value = self._continue_venue(header, i, text)
                fields["venue"] = _Field(value, line.no)
                self.used.add(i)
                found_by_form.append(("venue", line.no))
                continue
        if bare and found_by_form:
            labels = ", ".join(f"{k} (line {n})" for k, n in bare if k != "datetime")
            values = ", ".join(f"{k} line {n}" for k, n in found_by_form)
            self.guesses.append(
                f"The header labels stand apart from their values ({labels}); matched the values "
                f"by their form instead: {values}."
            )

    def _committee(self, header: list[Line], fields: dict[str, _Field]) -> Committee:
        name = fields["title"].value.replace("\t", " ")
        if not name:
            raise self.fail(
                header[0].no if header else 1,
                "expected the committee's name, such as 'Title: Family and People Services "
                "Policy and Scrutiny Committee', before the agenda items",
            )
        name = re.sub(r"\s+", " ", name).strip().strip(".")
        councils: list[str] = []
        for line in header:
            for pattern, council in _COUNCILS:
                if pattern.search(line.text) and council not in councils:
                    councils.append(council)
        if not councils:
            councils = ["City of Westminster"]
            self.guesses.append(
                "No council is named on the agenda; took it to be the City of Westminster."
            )
        if len(councils) > 1:
            self.guesses.append(
                "A joint meeting of " + join_names(councils) + " (both are named in the header)."
            )
        return Committee(name=name, councils=councils, body=_body_of(name))

    def _when(self, fields: dict[str, _Field]) -> tuple[date, time | None]:
        f = fields["date"]
        if not f.value:
            raise self.fail(
                f.label_line or 1,
                f"expected a meeting date such as {EXAMPLE_DATE} before the agenda items, "
                "found none",
            )
        found = find_date(f.value)
        if not found or not found.value:
            raise self.fail(
                f.line, f"expected a meeting date such as {EXAMPLE_DATE}, found '{short(f.value)}'"
            )
        self._weekday_guess(found, f.line)
        start: time | None = None
        t = fields["time"]
        if t.value:
            value = t.value.replace(found.text, " ") if t.line == f.line else t.value
            found_time = find_time(value, bare_24h=True)
            if not found_time or not found_time.value:
                raise self.fail(
                    t.line,
                    f"expected a start time such as {EXAMPLE_TIME}, found '{short(t.value)}'",
                )
            start = found_time.value
        else:
            self.guesses.append("No start time found on the agenda; the start time is left blank.")
        return found.value, start

    def _weekday_guess(self, found: DateFound, line: int) -> None:
        if found.weekday_mismatch and found.value:
            self.guesses.append(
                f"Line {line} says {found.weekday.capitalize()} but "
                f"{dates.long_date(found.value, '{day} {month} {year} is a {weekday}')}; "
                f"took the date as {dates.long_date(found.value)}."
            )

    # ------------------------------------------------------------------ people

    def _members(
        self, header: list[Line], fields: dict[str, _Field], record: MeetingRecord
    ) -> None:
        entries = self._member_entries(header, fields)
        if not entries:
            self.guesses.append("No members' list found on the agenda; add the members by hand.")
            self._chair_title_from_text(record.committee, header)
            return
        entries, order_guess = reading_order(entries)
        if order_guess:
            self.guesses.append(order_guess)
        chairs = [e for e in entries if e.mark in (MemberRole.CHAIR, MemberRole.CO_CHAIR)]
        if len(chairs) > 1:
            for e in chairs:
                e.mark = MemberRole.CO_CHAIR
            self.guesses.append(
                "Two chairs are marked: "
                + join_names(e.name for e in chairs)
                + " are taken as co-chairs."
            )
        words = [e.chair_word for e in entries if e.chair_word]
        if words:
            record.committee.chair_title = words[0]
        else:
            self._chair_title_from_text(record.committee, self.lines)
            self.guesses.append(
                "No member is marked as chair; choose the chair before the meeting starts."
            )
        inferred: list[str] = []
        seen: set[str] = set()
        for e in entries:
            if e.name.casefold() in seen:
                continue
            seen.add(e.name.casefold())
            honorific = e.honorific
            if not honorific:
                if not e.role:
                    honorific = "Councillor"
                elif is_councillor_role(e.role):
                    honorific = "Councillor"
                    inferred.append(e.name)
            role, organisation = e.role, ""
            if "," in role and honorific != "Councillor":
                role, _, organisation = (p.strip() for p in role.partition(","))
            person = Person(
                name=e.name,
                honorific=honorific,
                role=role,
                organisation=organisation,
                surname=surname_of(e.name),
            )
            seat = ""
            if honorific != "Councillor" and e.role:
                seat = organisation or role
            record.people.append(person)
            record.memberships.append(
                Membership(
                    committee_id=record.committee.id, person_id=person.id, role=e.mark, seat=seat
                )
            )
        if inferred:
            self.guesses.append(
                "Took "
                + join_names(inferred)
                + (
                    " to be a councillor from the role"
                    if len(inferred) == 1
                    else " to be councillors from their roles"
                )
                + " on the agenda (no 'Councillor' before the name)."
            )

    def _member_entries(self, header: list[Line], fields: dict[str, _Field]) -> list[MemberEntry]:
        label = fields["members"]
        start: int | None = None
        entries: list[MemberEntry] = []
        if label.line:
            idx = next(i for i, ln in enumerate(header) if ln.no == label.line)
            value_line = Line(label.line, label.value)
            on_label = parse_member_line(value_line, 0) if label.value else None
            if on_label:
                entries.extend(on_label)
            start = idx + 1
            got = self._member_block(header, start, len(entries))
            if got:
                entries.extend(got)
        if not entries:
            for i, line in enumerate(header):
                if "(chair" in line.text.lower() or "(co-chair" in line.text.lower():
                    j = i
                    while j > 0 and (
                        (header[j - 1].text and parse_member_line(header[j - 1], 0))
                        or (
                            not header[j - 1].text
                            and j > 1
                            and header[j - 2].text
                            and parse_member_line(header[j - 2], 0)
                        )
                    ):
                        j -= 1
                    entries = self._member_block(header, j, 0)
                    break
        return entries

    def _member_block(self, header: list[Line], start: int, row0: int) -> list[MemberEntry]:
        entries: list[MemberEntry] = []
        row = row0
        i = start
        blanks = 0
        while i < len(header):
            line = header[i]
            if not line.text:
                blanks += 1
                if blanks > 1 and entries:
                    break
                if blanks > 2:
                    break
                i += 1
                continue
            if _LABEL.match(line.text) and not re.match(r"^councillors\s*:\s*$", line.text, re.I):
                break
            got = parse_member_line(line, row)
            if got is None:
                if re.match(r"^councillors\s*:?\s*$", line.text, re.I) and not entries:
                    i += 1
                    continue
                break
            entries.extend(got)
            row += 1
            blanks = 0
            i += 1
        return entries

    def _chair_title_from_text(self, committee: Committee, lines: list[Line]) -> None:
        text = " ".join(ln.text for ln in lines)
        if re.search(r"\bChairman\b", text):
            committee.chair_title = "Chairman"
        elif re.search(r"\bChair\b", text):
            committee.chair_title = "Chair"

    def _officer(self, lines: list[Line], record: MeetingRecord) -> None:
        found = find_officer(lines)
        if not found:
            self.guesses.append(
                'No committee officer is named ("please contact the Committee Officer, NAME"); '
                "the officer is left blank."
            )
            return
        person = Person(
            name=found.name,
            role=found.role,
            email=found.email,
            phone=found.phone,
            surname=surname_of(found.name),
        )
        record.people.append(person)
        record.meeting.officer_id = person.id

    def _minutes_approved(self, items: list[AgendaItem], meeting_date: date) -> date | None:
        for item in items:
            for text in (item.description, item.title):
                m = _MINUTES_OF.search(text)
                if not m:
                    continue
                found = find_date(m.group("rest"))
                if found and found.value:
                    return found.value
                bare = re.match(
                    r"(?:\w+day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)", m.group("rest")
                )
                if bare:
                    probe = find_date(f"{bare.group(1)} {bare.group(2)} {meeting_date.year}")
                    if probe and probe.value:
                        value = probe.value
                        if value >= meeting_date:
                            value = value.replace(year=value.year - 1)
                        self.guesses.append(
                            f"Item {item.number} approves the minutes of {bare.group(0)} without a "
                            f"year; took {dates.long_date(value, dates.DAY_MONTH_YEAR)}."
                        )
                        return value
        return None


def _label_key(label: str) -> str:
    low = label.lower()
    if low in ("title", "committee", "meeting", "meeting title") or low.startswith("name of"):
        return "title"
    if low.startswith("date") and ("time" in low):
        return "datetime"
    if "date" in low:
        return "date"
    if "time" in low or low == "starts":
        return "time"
    if low in ("venue", "place", "location"):
        return "venue"
    return "members"


def _new_para(draft: _ItemDraft) -> None:
    target = draft.sub_text if draft.sub is not None else draft.text
    if not target or target[-1]:
        target.append([])


def _join_paras(paras: list[list[str]]) -> str:
    return "\n".join(" ".join(p) for p in paras if p).strip()


def _number(key: tuple[int, str]) -> str:
    return f"{key[0]}{key[1]}"
