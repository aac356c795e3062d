"""Where an agenda ends in its pack: the signature ("Stuart Love" / "Chief Executive" / "15
November 2019", in the shapes packs write it), the date it was published, "This page is
intentionally left blank", the next document's heading, or the cover sheet of a report or
briefing bound after it. Whatever follows is never read as items: a briefing's numbered
headings ("1. Executive Summary", "2. Key Matters for the Committee") have the form of items.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from clerk.dates import find_date
from clerk.importers.agenda_forms import (
    PART_HEADING,
    looks_like_name,
    match_item,
    mostly_capitals,
    split_pages,
    word_count,
)
from clerk.importers.agenda_pack import AgendaPack

BLANK_PAGE = re.compile(r"intentionally\s+(?:been\s+)?left\s+blank", re.IGNORECASE)
NEXT_DOCUMENT = re.compile(
    r"^(?:minutes|minutes of proceedings|agenda item \d+[a-z]?|committee report|cabinet report|"
    r"cabinet member report|decision maker\s*:.*|report of\s*:.*|city of westminster)$",
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


class EndReader(AgendaPack):
    meeting_date: date | None = None  # the meeting's, to tell the publication date
    end_reason: str = ""  # why the agenda ended where it did, for the clerk

    def _ends_agenda(self, index: int, has_text: bool | None, page_break: bool) -> str:
        """Why the agenda ends at `index`, in words for the clerk, or "" if it does not: a
        blank page, the next document's heading, the signature, the date the agenda was
        published, or the cover of a report bound after it (whose numbered headings, "1.
        Executive Summary", are not items)."""
        text = self.lines[index].text
        quoted = f"'{text.replace(chr(9), ' ')}'"
        if BLANK_PAGE.search(text) or NEXT_DOCUMENT.match(text):
            return quoted
        sig = self._signature_at(index)
        if sig is not None:
            return f"the signature '{sig[0]}, {sig[1]}'" if sig[1] else f"the signature '{sig[0]}'"
        if has_text is None:
            return ""
        # before the item test: "15 November 2019" has the form of item 15
        published = self._published_at(index)
        if published and self.meeting_date:
            close = published >= self.meeting_date - _PUBLISHED_SURELY
            if close or has_text or page_break:
                return f"the date the agenda was published, {quoted}"
        if match_item(self.lines[index].cells) or PART_HEADING.match(text):
            return ""
        if self._cover_at(index, has_text, page_break):
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
        if word_count(text) > 8:  # a date and a word or two saying so, at most
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

    def _cover_at(self, index: int, has_text: bool, page_break: bool) -> bool:
        """Whether a report's cover sheet starts at `index`: its heading lines (the committee,
        the report's title), then its labels. A heading line straight after an item's title
        with nothing else is taken as a cover's only when it names a committee or a page ends
        before it."""
        first = self.lines[index].text
        if index > 0 and self.lines[index - 1].text and not page_break:
            return False  # not the start of a paragraph
        expected = page_break or has_text or _BODY_WORD.search(first)
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
        if word_count(self.lines[index].text) > 16:  # prose: most lines, looked at quickly
            return None
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
        tail = [ln for ln in self.lines[end + 1 :] if ln.text and not BLANK_PAGE.search(ln.text)]
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
