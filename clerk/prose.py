"""How a list is written in the council's prose: the one rule, below every layer that writes.

The minutes name people and items with it, the agenda importer and the store say what they
found or refused with it. No Oxford comma, as the house writes.
"""

from __future__ import annotations

from collections.abc import Iterable


def join_names(names: Iterable[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C": names or numbers ("paragraphs 3, 4 and 5"). Blanks are
    left out."""
    items = [n for n in names if n]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
