"""`clerk import-actions`: a committee's action tracker, read out of a file (an agenda pack's
appendix, clerk.importers.action_tracker), put onto the meetings it reports on.

Each block of the tracker is one earlier meeting's actions: the meeting is found by the
committee and the block's date, each action's item by its number with its title checked
(or by its title alone), and the Update column gives the action's status and comment. An
action already stored on that item with the same words is brought up to date (status and
comment), never added twice, so importing next month's tracker updates this month's.

A block whose meeting is not stored is skipped and said so (file and line): a meeting made
up from a tracker would hold only the items that had actions, no attendance and no minutes,
and the registers would count it as a meeting nobody attended. Import that meeting's minutes
(`clerk import-minutes`) or agenda first, then the tracker again.

`plan` reads and matches, writing nothing, and raises InputError (file and line) at the first
thing it cannot match; `apply` writes the plan in one transaction.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.dates import long_date
from clerk.errors import InputError, short
from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    Committee,
    Meeting,
    MeetingStatus,
)

if TYPE_CHECKING:
    from clerk.importers.action_tracker import TrackedAction, TrackerBlock
    from clerk.store import Store

#: how alike a tracker's item title and the stored one must be (difflib's ratio, folded)
#: to be taken as the same item: "Work Programme" and "WORK PROGRAMME 2019/20 AND ACTION
#: TRACKER" are (one holds the other); "Cabinet Member Update" and "Dementia Strategy" are not
TITLE_LIKENESS = 0.6
DAY = "{day} {month} {year}"  # "17 October 2019", as the messages name a meeting


@dataclass
class BlockPlan:
    """What importing one block does: nothing (no meeting stored), or adds and updates."""

    block: TrackerBlock
    committee: Committee
    meeting: Meeting | None
    add: list[Action] = field(default_factory=list)
    update: list[tuple[Action, ActionStatus, str]] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class TrackerPlan:
    source: str
    blocks: list[BlockPlan]
    guesses: list[str]

    @property
    def added(self) -> int:
        return sum(len(b.add) for b in self.blocks)

    @property
    def updated(self) -> int:
        return sum(len(b.update) for b in self.blocks)

    @property
    def unchanged(self) -> int:
        return sum(b.unchanged for b in self.blocks)


def plan(store: Store, path: Path, committee: str | None = None) -> TrackerPlan:
    """Read the tracker at `path` and match it to the stored meetings; nothing is written.
    `committee` names the committee when the tracker does not, or spells it otherwise."""
    from clerk.importers.action_tracker import read_tracker

    path = Path(path)
    if not path.is_file():
        raise InputError(path, None, "no such file")
    blocks, guesses = read_tracker(path)
    source = str(path)
    if not blocks:
        raise InputError(
            source, None, "no action tracker found: clerk looks for a table headed "
            "\"Agenda Item | Action | Update\" under a line with the meeting's date"
        )  # fmt: skip
    out = TrackerPlan(source, [], list(guesses))
    records: dict[str, tuple[list[AgendaItem], dict[tuple[str, str], Action]]] = {}
    committees = store.committees()
    for block in blocks:
        found = _committee(committees, block, committee, source, out.guesses)
        same_day = [
            m
            for m in store.committee_meetings(found.id)
            if m.date == block.day and m.status is not MeetingStatus.CANCELLED
        ]
        if len(same_day) > 1:
            ids = ", ".join(m.id[:8] for m in same_day)
            day = long_date(block.day, DAY)
            raise InputError(
                source, block.line, f"{len(same_day)} meetings of {found.name} on "
                f"{day} are stored ({ids}): clerk cannot tell "
                "which these actions belong to"
            )  # fmt: skip
        step = BlockPlan(block, found, same_day[0] if same_day else None)
        out.blocks.append(step)
        if step.meeting is None:
            continue
        if step.meeting.id not in records:
            record = store.load_record(step.meeting.id)
            stored = {(a.item_id, _folded(a.text)): a for a in record.actions}
            records[step.meeting.id] = (record.items, stored)
        items, stored = records[step.meeting.id]
        positions: dict[str, int] = {}
        for a in stored.values():
            positions[a.item_id] = max(positions.get(a.item_id, -1), a.position)
        said: set[tuple[str, str]] = set()
        for tracked in block.actions:
            item = _item(items, tracked, step.meeting, source, said, out.guesses)
            key = (item.id, _folded(tracked.text))
            if key in stored:
                action = stored[key]
                if (action.status, action.comment) == (tracked.status, tracked.comment):
                    step.unchanged += 1
                else:
                    step.update.append((action, tracked.status, tracked.comment))
                continue
            positions[item.id] = positions.get(item.id, -1) + 1
            action = Action(
                item.id,
                tracked.text,
                status=tracked.status,
                comment=tracked.comment,
                position=positions[item.id],
            )
            stored[key] = action  # the same action twice in the file is one action
            step.add.append(action)
    return out


def apply(store: Store, tracker: TrackerPlan) -> None:
    """Write the plan: every addition and update, in one transaction."""
    with store.batch():
        for step in tracker.blocks:
            if step.meeting is None:
                continue
            for action in step.add:
                store.add_tracked_action(step.meeting.id, action)
            for action, status, comment in step.update:
                store.update(action, status=status, comment=comment)


# --------------------------------------------------------------------------- matching


def _folded(text: str) -> str:
    text = text.casefold().replace("&", " and ").replace("’", "'")
    return " ".join(re.sub(r"[^\w'/]+", " ", text).split())


def _committee(
    committees: list[Committee],
    block: TrackerBlock,
    given: str | None,
    source: str,
    guesses: list[str],
) -> Committee:
    name = given or block.committee
    line = block.heading_line or block.line
    if not name:
        raise InputError(
            source, block.line, "the tracker names no committee (no \"… Action Tracker\" "
            "heading above it): give --committee NAME"
        )  # fmt: skip
    wanted = _folded(name).removeprefix("the ")
    for c in committees:
        if wanted in (_folded(c.name).removeprefix("the "), _folded(c.minutes_name)):
            if given and block.committee and _folded(given) != _folded(block.committee):
                note = f"committee {given!r} as given (the tracker says {block.committee!r})"
                if note not in guesses:
                    guesses.append(note)
            return c
    known = "; ".join(c.name for c in committees) or "none yet"
    raise InputError(
        source if given is None else "--committee",
        line if given is None else None,
        f"no committee {short(name)!r} in the database (it has: {short(known, 300)}); give "
        "--committee NAME as the database names it",
    )


def _alike(tracker_title: str, item: AgendaItem) -> bool:
    a, b = _folded(tracker_title), _folded(item.title)
    if not a:
        return False
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= TITLE_LIKENESS


def _item(
    items: list[AgendaItem],
    tracked: TrackedAction,
    meeting: Meeting,
    source: str,
    said: set[tuple[str, str]],
    guesses: list[str],
) -> AgendaItem:
    """The stored item a tracker row names: by its number with its title checked, or by its
    title alone. InputError (file and line) when neither holds."""
    where = f"{source}, line {tracked.line}"
    day = long_date(meeting.date, DAY)
    by_title = [i for i in items if _alike(tracked.item_title, i)]
    by_title.sort(key=lambda i: _folded(i.title) != _folded(tracked.item_title))
    numbered = [i for i in items if tracked.item_number and i.number.upper() == tracked.item_number]
    written = f"{'Item ' + tracked.item_number + ': ' if tracked.item_number else ''}"
    written += tracked.item_title
    if numbered:
        item = numbered[0]
        if _folded(item.title) == _folded(tracked.item_title):
            return item
        if _alike(tracked.item_title, item) or not tracked.item_title:
            _guess(said, guesses, item, f"{where}: {written!r} taken as item {item.number} "
                   f"{item.title!r} of {day}")  # fmt: skip
            return item
        other = f" ({', '.join(f'item {i.number} is {i.title!r}' for i in by_title)})"
        raise InputError(
            source, tracked.line, f"item {item.number} of the meeting on {day} is "
            f"{short(item.title)!r}, not {short(tracked.item_title)!r}"
            f"{other if by_title else ''}: correct the tracker's item"
        )  # fmt: skip
    if by_title:
        item = by_title[0]
        what = f"no item {tracked.item_number} on {day}; " if tracked.item_number else ""
        _guess(said, guesses, item, f"{where}: {what}{written!r} taken as item {item.number} "
               f"{item.title!r} by its title")  # fmt: skip
        return item
    raise InputError(
        source, tracked.line, f"the meeting on {day} has no item {short(written)!r} (its items:"
        f" {short(', '.join(f'{i.number} {i.title}' for i in items), 300)})"
    )  # fmt: skip


def _guess(said: set[tuple[str, str]], guesses: list[str], item: AgendaItem, text: str) -> None:
    """A guess about an item, said once for the block however many actions it has."""
    key = (item.id, text.split(": ", 1)[1])
    if key not in said:
        said.add(key)
        guesses.append(text)
