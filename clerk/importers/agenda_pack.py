"""The agenda pack as its reader holds it: the lines, normalised, with page footers blanked;
what had to be guessed, in words for the clerk; and the error that names the file and line.

The reader (`agenda`) is assembled from the part that reads the items (`agenda_items`) and
the part that reads the header, the people and the minutes approved (`agenda_header`), both
built on this.
"""

from __future__ import annotations

import bisect

from clerk.errors import InputError
from clerk.importers.agenda_forms import PAGE_FOOTER
from clerk.importers.normalise import Line, clean_inline, normalise, plain_chars


class AgendaPack:
    """One pack's lines and guesses; a failure names its file (`source`) and line."""

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
        self._raw = plain_chars(text).split("\n")
        # where a new page starts (a form feed, as pdftotext writes one): the file line of the
        # first text after it
        starts: set[int] = set()
        for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
            if "\f" in raw:
                starts.add(no if raw.rpartition("\f")[2].strip() else no + 1)
        self._page_starts = sorted(starts)
        self._from_line: dict[int, int] = {}  # how many normalised lines each file line gave
        for ln in self.lines:
            self._from_line[ln.no] = self._from_line.get(ln.no, 0) + 1

    def page_break_between(self, after: int, upto: int) -> bool:
        """Whether a page starts after file line `after` and by line `upto` (a search, not a
        scan: a pack of form feeds alone must not take n² steps)."""
        i = bisect.bisect_right(self._page_starts, after)
        return i < len(self._page_starts) and self._page_starts[i] <= upto

    def gapped(self, line: Line) -> str:
        """The line with two spaces or more read as a column break (TAB), where it came from one
        line of the file alone; else the line as normalised."""
        if self._from_line.get(line.no) != 1 or not 0 < line.no <= len(self._raw):
            return line.text
        raw = self._raw[line.no - 1]
        if clean_inline(raw) != line.text:  # joined with the next line (a wrapped bold span)
            return line.text
        return clean_inline(raw, narrow_gaps=True)

    def fail(self, line: int | None, message: str) -> InputError:
        return InputError(self.source, line, message)
