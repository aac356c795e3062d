"""Search results as the clerk reads them: each hit with the reference the minutes give it.

The store finds the rows (`Store.search`); the reference ("4.3", "5 RESOLVED (2)", "4
title") is the one the minutes print, as `clerk.minutes.references.passages` names it in the
meeting's composed minutes, so search, the review screen and the chair's Word copy name a
passage the same way.

A paragraph's number is not stored: it follows from the sentences the minutes generate
before it (arrivals, apologies, declarations). Composing a meeting costs more than the
search itself, so for an ordinary item the number is counted from the item's rows
(`Store.item_numbering`, a few queries for the page; the arithmetic in
`clerk.store.search_sql`, which `clerk search` runs without importing this module): its
arrivals, then its numbered paragraphs, votes and departures, as `Composer.item_blocks`
orders them; a declaration by its place among the meeting's declarations in the
declarations item. Where counting is not enough — the paragraphs of the membership and
declarations items (whose sentences are generated), a note (unnumbered), item numbers that
are not plain ("4", "4A") or repeat in the meeting, exempt hits (the confidential minutes),
declarations when the agenda has no declarations item — the meeting is composed and its
passages read. A property test holds the count equal to the composed reference over
generated meetings.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk.errors import ClerkError
from clerk.record import AgendaItem, Committee, Meeting, MeetingRecord, Part
from clerk.standing import Standing, standing_items
from clerk.store import search_sql

if TYPE_CHECKING:
    # composing is needed only where counting is not enough, and the house style only for
    # a resolution: `clerk search` does not pay for importing them otherwise
    from clerk.minutes.style import HouseStyle
    from clerk.store import SearchRow, Store
    from clerk.store.search_sql import Numbering

#: Standing items whose minute starts with sentences the minutes generate.
_GENERATED = (Standing.MEMBERSHIP, Standing.DECLARATIONS)

MATCH_START, MATCH_END = search_sql.MATCH_START, search_sql.MATCH_END

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
        return search_sql.snippet_parts(self.row.snippet)

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

    def references(self, rows: list[SearchRow]) -> list[str]:
        """Each row's reference: counted where that is enough, else composed."""
        public = [r for r in rows if r.item_id and not r.exempt]
        numbering = self.store.item_numbering([r.item_id for r in public if r.item_id])
        # a declaration is written in the declarations item, wherever it was declared on
        declaring = {
            row.meeting_id: item
            for row in public
            if row.kind == "declaration" and row.item_id in numbering
            for item in [declarations_item(numbering[row.item_id])]
            if item is not None
        }
        if declaring:
            numbering.update(self.store.item_numbering(list(declaring.values())))
        out = []
        for row in rows:
            counted = None
            if row.kind == "declaration":
                item = declaring.get(row.meeting_id)
                if item in numbering and not row.exempt:
                    counted = search_sql.declaration_reference(row.row_id, numbering[item])
            elif row.item_id in numbering and not row.exempt:
                counted = counted_reference(row, numbering[row.item_id], self.style)
            out.append(counted if counted is not None else self.composed(row))
        return out

    def composed(self, row: SearchRow) -> str:
        """The row's reference from the meeting's composed minutes."""
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

    def style(self, name: str) -> HouseStyle:
        from clerk.minutes.style import HouseStyle, load_style

        name = name or "westminster"
        style = self._styles.get(name)
        if style is None:
            try:
                style = load_style(name)
            except ClerkError:  # as the live screen does: the house default
                style = HouseStyle()
            self._styles[name] = style
        return style

    def _compose(self, record: MeetingRecord, *, exempt: bool) -> dict[str, str]:
        from clerk.minutes.compose import Composer
        from clerk.minutes.references import PassageKind, passages

        composer = Composer(record, self.style(record.committee.style))
        found_passages = passages(composer.minutes(exempt=exempt, draft=True))
        found = {p.source: p.reference for p in found_passages if p.source}
        # an item's heading carries no source: the headings come in the composer's order
        titles = [p for p in found_passages if p.kind is PassageKind.ITEM_TITLE]
        shown = [i for i in composer.items() if i.is_exempt or not exempt]
        for item, passage in zip(shown, titles, strict=False):
            found[f"items:{item.id}"] = passage.reference
        # actions are not in the minutes: the tracker's order within their item
        for item in record.items:
            for n, action in enumerate(record.actions_for(item.id), start=1):
                found[f"actions:{action.id}"] = f"{item.number} action {n}"
        return found


def _standing(numbering: Numbering) -> dict[Standing, str]:
    """The meeting's standing items by id, as `standing_items` finds them."""
    items = [
        AgendaItem(number, title, part=Part(part), position=position, id=item_id)
        for item_id, number, title, part, position in numbering.items
    ]
    bare = MeetingRecord(Committee(""), Meeting("", date.min), items=items)
    return {kind: item.id for kind, item in standing_items(bare).items()}


def declarations_item(numbering: Numbering) -> str | None:
    """The id of the meeting's declarations item (of any item's numbering), if any."""
    return _standing(numbering).get(Standing.DECLARATIONS)


def counted_reference(
    row: SearchRow, numbering: Numbering, style: Callable[[str], HouseStyle]
) -> str | None:
    """The reference counted from the item's rows, or None where counting is not enough."""
    standing = _standing(numbering)
    generated = any(standing.get(kind) == numbering.item_id for kind in _GENERATED)
    resolutions = ("", False)
    if row.kind == "resolution":
        rs = style(numbering.style).resolutions
        resolutions = (rs.label, rs.hoist_that)
    return search_sql.counted_reference(
        row.kind, row.row_id, numbering, generated=generated, resolutions=resolutions
    )


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
    return [Hit(row, ref) for row, ref in zip(rows, references.references(rows), strict=True)]
