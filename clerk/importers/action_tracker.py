"""A committee's action tracker read out of a file: each block of actions, the meeting it
belongs to (by its date), and each action's item, words and progress.

Agenda packs bind the tracker as an appendix, converted from the PDF as tab-separated rows
(or as markdown pipe tables):

    ## Family and People Services Policy and Scrutiny Committee Action Tracker
    ROUND TWO 17 OCTOBER 2019
    Agenda Item<TAB>Action<TAB>Update
    Item 4: Cabinet Member Update<TAB>Requested that the Ofsted report be circulated.<TAB>Completed
    <TAB>Requested a report on why people become homeless …<TAB>In progress

A block is a header row whose first cells are "Agenda Item" (or "Item") and "Action", under
the nearest line above it that holds a date (the round: "ROUND TWO 17 OCTOBER 2019",
"Meeting of 17 October 2019", "17/10/2019"); the "Update" column may be missing. A row with
an empty first cell is another action on the item above; blank lines inside a block are
passed over; any other line that is not a row ends the block. Tables whose second column is
not "Action" (the work programme's "Reasons & objective for item") are not trackers and are
passed over. Nothing here looks at the database: matching blocks to stored meetings is
clerk.tracker_import's.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from clerk import dates
from clerk.errors import InputError, short
from clerk.importers import read_utf8
from clerk.record import ActionStatus


@dataclass(frozen=True)
class TrackedAction:
    """One row of a tracker block."""

    line: int
    item_number: str | None  # "4"; None when the row names the item by title alone
    item_title: str  # "Cabinet Member Update", as the tracker writes it
    text: str
    status: ActionStatus
    comment: str  # the Update column, less a leading status word ("Completed – …")
    update: str | None  # the Update cell as written; None: the block has no Update column


@dataclass
class TrackerBlock:
    """The actions of one earlier meeting, as one block of the tracker."""

    line: int  # the round's line ("ROUND TWO 17 OCTOBER 2019")
    round: str  # the round as written
    day: date
    committee: str | None  # from the tracker's heading, when it has one
    heading_line: int | None
    has_update: bool
    actions: list[TrackedAction] = field(default_factory=list)


_TAG = re.compile(r"<[^>]+>")
_BOLD = re.compile(r"\*\*|__")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TRACKER_TITLE = re.compile(r"^(?P<name>.*?)[\s,:–-]*\baction\s+tracker\b", re.IGNORECASE)
_NOT_A_COMMITTEE = re.compile(r"^(appendix|annex|schedule)\b|work\s+programme", re.IGNORECASE)
_ITEM_HEADER = re.compile(r"^(agenda\s+)?item(\s+no\.?)?$", re.IGNORECASE)
_ACTION_HEADER = re.compile(r"^actions?(\s+(arising|agreed|required))?$", re.IGNORECASE)
_UPDATE_HEADER = re.compile(r"^(update|status|progress|comments?)$", re.IGNORECASE)
_ITEM = re.compile(
    r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>\d+[A-Za-z]?)\b\s*[:.)–-]?\s*(?P<title>.*)$"
    r"|^(?P<n2>\d+[A-Za-z]?)[.:)]?\s+(?P<title2>\D.*)$",
    re.IGNORECASE,
)
#: the Update column's words for an action's progress, folded; anything else is a comment
#: on an action still open
_STATUS_WORDS: tuple[tuple[str, ActionStatus], ...] = (
    ("completed", ActionStatus.COMPLETED),
    ("complete", ActionStatus.COMPLETED),
    ("done", ActionStatus.COMPLETED),
    ("closed", ActionStatus.COMPLETED),
    ("in progress", ActionStatus.IN_PROGRESS),
    ("ongoing", ActionStatus.IN_PROGRESS),
    ("on-going", ActionStatus.IN_PROGRESS),
    ("underway", ActionStatus.IN_PROGRESS),
    ("open", ActionStatus.OPEN),
    ("outstanding", ActionStatus.OPEN),
    ("pending", ActionStatus.OPEN),
    ("not started", ActionStatus.OPEN),
)
_DASHES = " \t–—-:;,."


def read_tracker(path: Path) -> tuple[list[TrackerBlock], list[str]]:
    """Every tracker block in the file at `path`, and what was guessed in reading them."""
    path = Path(path)
    return parse_tracker(read_utf8(path, "action tracker"), str(path))


def parse_tracker(text: str, source: str) -> tuple[list[TrackerBlock], list[str]]:
    """Every tracker block in `text` (from `source`, for messages), and the guesses."""
    blocks: list[TrackerBlock] = []
    guesses: list[str] = []
    committee: tuple[str, int] | None = None
    dated: tuple[int, str, date] | None = None  # the last line holding a date: the round
    block: TrackerBlock | None = None
    item: tuple[str | None, str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if _SEPARATOR.match(raw):
            continue
        cells = _cells(raw)
        filled = [c for c in cells if c]
        if not filled:
            continue  # a blank line, inside a block or not
        if _is_header(cells):
            if dated is None:
                raise InputError(
                    source, number, "an action tracker table with no meeting date above it: "
                    "write the round and date (\"ROUND TWO 17 OCTOBER 2019\") on the line above"
                )  # fmt: skip
            has_update = len(cells) >= 3 and bool(_UPDATE_HEADER.match(cells[2]))
            round_line, round_text, day = dated
            block = TrackerBlock(
                round_line,
                round_text,
                day,
                committee[0] if committee else None,
                committee[1] if committee else None,
                has_update,
            )
            blocks.append(block)
            item = None
            if not has_update:
                guesses.append(
                    f"{source}, line {number}: this block has no Update column; its actions "
                    "are taken as open"
                )
            continue
        if cells[0] and not any(cells[1:]):
            # the first cell alone: an item whose actions are on the rows below, a round
            # (the date of the meeting the next block's actions belong to), the tracker's
            # title, or the end of the block
            words = cells[0]
            row = "\t" in raw or raw.lstrip().startswith("|")
            found = dates.find_date(words)
            if block is not None and row and (_ITEM.match(words) or found is None):
                item = _item(words)
                continue
            title = _TRACKER_TITLE.match(words)
            name = title.group("name").strip(_DASHES) if title else ""
            if name and not _NOT_A_COMMITTEE.match(name):
                committee = (name, number)
            block = None
            if found is not None and found.value is not None:
                dated = (number, words, found.value)
            continue
        if block is None:
            continue  # a table that is not a tracker
        if cells[0]:
            item = _item(cells[0])
        if item is None:
            raise InputError(
                source, number, f"the action {short(cells[1])!r} has no agenda item: the "
                "first row of a block names its item (\"Item 4: Cabinet Member Update\")"
            )  # fmt: skip
        action = cells[1] if len(cells) > 1 else ""
        if not action:
            continue  # an item named with its actions on the rows below
        update = (cells[2] if len(cells) > 2 else "") if block.has_update else None
        status, comment, guessed = _progress(update)
        if guessed:
            guesses.append(
                f"{source}, line {number}: Update {short(update or '')!r} names no status; "
                "taken as open, kept as its comment"
            )
        block.actions.append(
            TrackedAction(number, item[0], item[1], action, status, comment, update)
        )
    return [b for b in blocks if b.actions], guesses


def _cells(raw: str) -> list[str]:
    line = _HEADING.sub("", raw)
    if line.lstrip().startswith("|"):
        inner = line.strip()
        inner = inner[1:-1] if inner.endswith("|") and len(inner) > 1 else inner[1:]
        parts = re.split(r"(?<!\\)\|", inner)
    else:
        parts = line.split("\t")
    cells = [_clean(p) for p in parts]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells


def _clean(cell: str) -> str:
    text = html.unescape(_TAG.sub("", cell)).replace("\\|", "|")
    return " ".join(_BOLD.sub("", text).split())


def _is_header(cells: list[str]) -> bool:
    return (
        len(cells) >= 2
        and bool(_ITEM_HEADER.match(cells[0]))
        and bool(_ACTION_HEADER.match(cells[1]))
    )


def _item(cell: str) -> tuple[str | None, str]:
    m = _ITEM.match(cell)
    if m is None:
        return None, cell
    if m.group("n") is not None:
        return m.group("n").upper(), m.group("title").strip(_DASHES)
    return m.group("n2").upper(), m.group("title2").strip(_DASHES)


def _progress(update: str | None) -> tuple[ActionStatus, str, bool]:
    """(status, comment, guessed) from an Update cell: a leading status word, and what
    follows it ("Completed – circulated on 1 November") as the comment."""
    if update is None or not update.strip():
        return ActionStatus.OPEN, "", False
    folded = update.casefold()
    for word, status in _STATUS_WORDS:
        if folded.startswith(word) and not folded[len(word) : len(word) + 1].isalnum():
            return status, update[len(word) :].strip(_DASHES), False
    return ActionStatus.OPEN, update.strip(), True
