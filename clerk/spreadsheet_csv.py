"""CSV that a spreadsheet opens as text: every CSV clerk writes goes through `writer`.

A cell beginning with `=`, `+`, `-` or `@` is a formula to Excel, LibreOffice and Google
Sheets (`=HYPERLINK("http://…","Click")` runs when the file is opened), and so is one
beginning with a TAB or carriage return followed by one. As OWASP's "CSV Injection" advises,
such a cell is written with a single quote in front (shown as text, the quote hidden) and
every cell is quoted, so a separator inside a cell cannot start another one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class RowWriter(Protocol):
    def writerow(self, row: Iterable[Any]) -> Any: ...


def safe_cell(value: object) -> str:
    """The cell as text a spreadsheet will not read as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _SafeWriter:
    def __init__(self, handle: Any) -> None:
        self._writer = csv.writer(handle, quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])


def writer(handle: Any) -> RowWriter:
    """A csv.writer whose every cell is neutralised (see the module's docstring)."""
    return _SafeWriter(handle)
