"""The agenda pack as its reader holds it: the lines, normalised, with page footers blanked;
what had to be guessed, in words for the clerk; and the error that names the file and line.

The reader (`agenda`) is assembled from the part that reads the items (`agenda_items`) and
the part that reads the header, the people and the minutes approved (`agenda_header`), both
built on this.
"""

from __future__ import annotations

from clerk.errors import InputError
from clerk.importers.agenda_forms import PAGE_FOOTER
from clerk.importers.normalise import Line, normalise


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

    def fail(self, line: int | None, message: str) -> InputError:
        return InputError(self.source, line, message)
