"""Search results as the clerk reads them: each hit with the reference the minutes give it.

The store finds the rows (`Store.search`); the reference ("4.3", "5 RESOLVED (2)", "4
title") is the one the minutes print, taken from `clerk.minutes.references.passages` of the
meeting's composed minutes, so search, the review screen and the chair's Word copy name a
passage the same way. A paragraph's number is not stored (it follows from the sentences the
minutes generate before it: arrivals, apologies, declarations), so it is composed, once per
meeting on the page and kept for the next search (`References`).

An exempt hit (only when asked for) takes its reference from the confidential minutes.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk.errors import ClerkError
from clerk.minutes.compose import compose_minutes
from clerk.minutes.references import passages
from clerk.minutes.style import HouseStyle, load_style
from clerk.record import MeetingRecord

if TYPE_CHECKING:
    from clerk.store import SearchRow, Store

MATCH_START, MATCH_END = "\x02", "\x03"  # as clerk.store.search marks the snippet

#: What each kind of row is called in results.
KIND_NAMES = {
    "paragraph": "paragraph",
    "resolution": "resolution",
    "action": "action",
    "declaration": "declaration",
    "item": "item title",
}


@dataclass(frozen=True)
class Hit:
    row: SearchRow
    reference: str  # as the minutes print it; an action's is "5 action 2"

    @property
    def parts(self) -> list[tuple[str, bool]]:
        return snippet_parts(self.row.snippet)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)

    def as_json(self) -> dict[str, Any]:
        row = self.row
        spans, at = [], 0
        for text, matched in self.parts:
            if matched:
                spans.append([at, at + len(text)])
            at += len(text)
        return {
            "meeting_id": row.meeting_id,
            "date": row.date.isoformat(),
            "committee": row.committee,
            "item": {"id": row.item_id, "number": row.item_number, "title": row.item_title},
            "reference": self.reference,
            "kind": row.kind,
            "exempt": row.exempt,
            "snippet": self.text,
            "matches": spans,
        }


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is a match) runs, the marks taken out."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(MATCH_START)):
        if i == 0:
            if chunk:
                parts.append((chunk, False))
            continue
        matched, _, rest = chunk.partition(MATCH_END)
        if matched:
            parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return parts


class References:
    """Each meeting's passages by the row they were written from, composed when first
    asked for and kept for the most recent meetings (a clerk refining a search asks about
    the same meetings again)."""

    def __init__(self, store: Store, keep: int = 256) -> None:
        self.store = store
        self.keep = keep
        self._by_meeting: OrderedDict[tuple[str, bool], dict[str, str]] = OrderedDict()
        self._styles: dict[str, HouseStyle] = {}

    def forget(self, meeting_id: str | None = None) -> None:
        """The meeting (every meeting) changed: compose it again when next asked."""
        for key in [k for k in self._by_meeting if meeting_id in (None, k[0])]:
            del self._by_meeting[key]

    def reference(self, row: SearchRow) -> str:
        if row.kind == "item":
            return f"{row.item_number} title"
        key = (row.meeting_id, row.exempt)
        found = self._by_meeting.get(key)
        if found is None:
            found = self._compose(self.store.load_record(row.meeting_id), exempt=row.exempt)
            self._by_meeting[key] = found
            while len(self._by_meeting) > self.keep:
                self._by_meeting.popitem(last=False)
        else:
            self._by_meeting.move_to_end(key)
        return found.get(f"{row.kind}s:{row.row_id}", row.item_number)

    def _compose(self, record: MeetingRecord, *, exempt: bool) -> dict[str, str]:
        name = record.committee.style or "westminster"
        style = self._styles.get(name)
        if style is None:
            try:
                style = load_style(name)
            except ClerkError:  # as the live screen does: the house default
                style = HouseStyle()
            self._styles[name] = style
        document = compose_minutes(record, style, exempt=exempt)
        found = {p.source: p.reference for p in passages(document) if p.source}
        # actions are not in the minutes: the tracker's order within their item
        for item in record.items:
            for n, action in enumerate(record.actions_for(item.id), start=1):
                found[f"actions:{action.id}"] = f"{item.number} action {n}"
        return found


def search(
    store: Store,
    text: str,
    *,
    committee: str | None = None,
    since: date | None = None,
    exempt: bool = False,
    limit: int | None = 20,
    references: References | None = None,
) -> list[Hit]:
    """The hits for what the clerk typed, best first, each with its reference."""
    references = references or References(store)
    rows = store.search(text, committee=committee, since=since, exempt=exempt, limit=limit)
    return [Hit(row, references.reference(row)) for row in rows]
