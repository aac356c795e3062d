"""A second agenda for a meeting already in the database: a follow-on agenda, or the same
pack imported again.

Westminster publishes a "Follow-on Agenda" carrying the reports that were not ready when the
main pack went out: items already on the agenda ("to follow") and sometimes items added since.
Importing it must not create a second meeting on the same date. Merging adds the items the
meeting lacks, in their place by number, and fills in what the stored items left blank
(description, sub-items, exempt paragraphs). It never overwrites what the clerk or the first
agenda already wrote, and it leaves the pages alone: a follow-on pack numbers its own pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from clerk.record import AgendaItem, MeetingRecord

#: Fields of a stored item that a later agenda may fill in when they are empty.
FILLABLE = ("description", "sub_items", "exempt_paragraphs", "part_heading")


@dataclass(frozen=True)
class AgendaMerge:
    """What merging an incoming agenda into a stored meeting would change."""

    added: list[AgendaItem] = field(default_factory=list)  # positions already set
    filled: list[tuple[AgendaItem, dict[str, Any]]] = field(default_factory=list)
    moved: list[tuple[AgendaItem, int]] = field(default_factory=list)  # item, new position
    same: list[str] = field(default_factory=list)  # numbers already there, nothing new

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.filled)

    def summary(self) -> list[str]:
        """One line per change, as the clerk is shown it."""
        lines = [f"Adds item {i.number} {i.title}" for i in self.added]
        for item, changes in self.filled:
            what = ", ".join(name.replace("_", " ") for name in changes)
            lines.append(f"Fills in item {item.number}'s {what}")
        if self.same:
            lines.append(f"Already there, nothing new: items {', '.join(self.same)}")
        return lines


def number_key(number: str) -> tuple[int, str]:
    """Agenda order of item numbers: 4 < 4A < 5 < 10."""
    match = re.match(r"(\d+)(.*)", number.strip())
    if match is None:
        return (10**6, number)
    return (int(match.group(1)), match.group(2).strip().upper())


def merge_agenda(stored: MeetingRecord, incoming: MeetingRecord) -> AgendaMerge:
    """Plan the merge of `incoming`'s items into `stored` (nothing is written here)."""
    by_number = {item.number.strip().upper(): item for item in stored.items}
    order = list(stored.agenda())
    added: list[AgendaItem] = []
    filled: list[tuple[AgendaItem, dict[str, Any]]] = []
    same: list[str] = []
    for new in incoming.agenda():
        current = by_number.get(new.number.strip().upper())
        if current is None:
            at = _insertion_point(order, new.number)
            item = replace(new, position=0, taken_order=None, outcome=None)
            order.insert(at, item)
            added.append(item)
            continue
        changes = {
            name: getattr(new, name)
            for name in FILLABLE
            if not getattr(current, name) and getattr(new, name)
        }
        if changes:
            filled.append((current, changes))
        else:
            same.append(current.number)
    # Positions follow the merged order; only the stored items whose position changes move.
    added_ids = {item.id for item in added}
    positions = {item.id: index for index, item in enumerate(order)}
    added = [replace(item, position=positions[item.id]) for item in added]
    moved = [
        (item, positions[item.id])
        for item in stored.items
        if item.id not in added_ids and item.position != positions[item.id]
    ]
    return AgendaMerge(added=added, filled=filled, moved=moved if added else [], same=same)


def _insertion_point(order: list[AgendaItem], number: str) -> int:
    """After the last item whose number comes before `number`."""
    key = number_key(number)
    at = 0
    for index, item in enumerate(order):
        if number_key(item.number) <= key:
            at = index + 1
    return at


def apply_merge(store: Any, meeting_id: str, merge: AgendaMerge) -> None:
    """Write the merge as one transaction (a journal row per change): all of it or none."""
    with store.batch():
        for item, position in merge.moved:
            store.update(item, position=position)
        for item, changes in merge.filled:
            store.update(item, **changes)
        for item in merge.added:
            store.add(meeting_id, item)
