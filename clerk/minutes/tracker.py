"""The committee's cumulative action tracker, in the council's layout (HOUSE_STYLE §5).

Newest meeting first, completed actions kept; one table per meeting headed like
"ROUND TWO 17 OCTOBER 2019"; columns "Agenda Item | Action | Update"; the item label
("Item 4: Cabinet Member Update") written once per item. Actions of exempt (Part 2) items
never appear: the tracker is published.

Round numbers. Westminster counts a committee's meetings ("rounds") from the start of each
municipal year, which begins at the Annual Council meeting in May. A round number can only be
counted from *all* the committee's meetings, and the tracker's entries hold only the meetings
that produced actions (a meeting without actions would silently renumber every later round).
So the heading is "ROUND N {DATE}" when the caller passes the committee's meetings
(`meetings=`), and the plain date in capitals ("17 OCTOBER 2019") otherwise: a date is never
wrong, a round number counted from a partial list can be.

    tracker_rows(entries, meetings=...)        -> list[TrackerRow]   (the data, for CSV)
    tracker_document(entries, ...)             -> MinutesDocument    (Table blocks)
    write_tracker_csv(entries, path_or_handle)
    write_tracker_docx(entries, path, template=None)

`entries` are `Store.committee_actions(committee_id)`: (meeting, item, action), newest meeting
first, then agenda order. The order is re-established here anyway (stable), so any list works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TextIO

from clerk import spreadsheet_csv
from clerk.dates import DAY_MONTH_YEAR, long_date
from clerk.minutes.document import Heading, MinutesDocument, Table
from clerk.private_files import open_private
from clerk.record import Action, ActionStatus, AgendaItem, Meeting, MeetingStatus, Part

Entry = tuple[Meeting, AgendaItem, Action]

COLUMNS = ("Agenda Item", "Action", "Update")
CSV_COLUMNS = ("Meeting", "Date", "Agenda Item", "Action", "Update", "Lead", "Due")

STATUS_LABELS = {
    ActionStatus.COMPLETED: "Completed",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.OPEN: "Open",
}

#: The municipal year starts with the Annual Council meeting in May.
MUNICIPAL_YEAR_START_MONTH = 5

# fmt: off
_ORDINALS = (
    "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN",
    "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN",
    "TWENTY",
)
# fmt: on


@dataclass(frozen=True)
class TrackerRow:
    """One action as the tracker prints it.

    `item_label` is always filled; `first_of_item` says whether the published layout shows
    it (the label is written once per item), `first_of_meeting` likewise for the heading."""

    meeting_id: str
    meeting_date: date
    heading: str  # "ROUND TWO 17 OCTOBER 2019" or "17 OCTOBER 2019"
    item_label: str  # "Item 4: Cabinet Member Update"
    action: str
    update: str  # "Completed", "In progress", "Open", with the comment after it
    status: ActionStatus
    lead: str = ""
    due: date | None = None
    first_of_meeting: bool = False
    first_of_item: bool = False


# --------------------------------------------------------------------------- rows


def tracker_rows(
    entries: Iterable[Entry], *, meetings: Sequence[Meeting] | None = None
) -> list[TrackerRow]:
    """The published tracker's rows: exempt items' actions dropped, newest meeting first,
    items in agenda order, actions in their order.

    `meetings`: all the committee's meetings (any order), to number rounds; without it the
    headings are the meeting dates."""
    public = [(m, i, a) for m, i, a in entries if i.part is not Part.EXEMPT]
    # Group by meeting, then by item, keeping first appearance; then sort the groups.
    by_meeting: dict[str, tuple[Meeting, dict[str, tuple[AgendaItem, list[Action]]]]] = {}
    for meeting, item, action in public:
        _, items = by_meeting.setdefault(meeting.id, (meeting, {}))
        items.setdefault(item.id, (item, []))[1].append(action)
    rounds = _rounds(meetings) if meetings is not None else {}
    ordered = sorted(by_meeting.values(), key=lambda g: g[0].date, reverse=True)
    rows: list[TrackerRow] = []
    for meeting, items in ordered:
        heading = meeting_heading(meeting, rounds.get(meeting.id))
        first_of_meeting = True
        for item, actions in sorted(items.values(), key=lambda g: g[0].position):
            label = item_label(item)
            for index, action in enumerate(sorted(actions, key=lambda a: a.position)):
                rows.append(
                    TrackerRow(
                        meeting_id=meeting.id,
                        meeting_date=meeting.date,
                        heading=heading,
                        item_label=label,
                        action=action.text,
                        update=update_text(action),
                        status=action.status,
                        lead=action.lead,
                        due=action.due,
                        first_of_meeting=first_of_meeting,
                        first_of_item=index == 0,
                    )
                )
                first_of_meeting = False
    return rows


def tracker_document(
    entries: Iterable[Entry],
    *,
    committee_name: str = "",
    meetings: Sequence[Meeting] | None = None,
) -> MinutesDocument:
    """The tracker as a Minutes document: a title, then one Table per meeting, so the same
    renderers (text, markdown, .docx) write it."""
    rows = tracker_rows(entries, meetings=meetings)
    title = f"{committee_name} Action Tracker" if committee_name else "Action Tracker"
    blocks: list[Heading | Table] = [Heading(title, 2)]
    current: list[TrackerRow] = []
    for row in rows:
        if row.first_of_meeting and current:
            blocks.append(_table(current))
            current = []
        current.append(row)
    if current:
        blocks.append(_table(current))
    return MinutesDocument(
        blocks=tuple(blocks),
        title=title,
        running_header=title,
        draft=False,
        confidential=False,
    )


def _table(rows: list[TrackerRow]) -> Table:
    return Table(
        header=COLUMNS,
        rows=tuple(
            (row.item_label if row.first_of_item else "", row.action, row.update) for row in rows
        ),
        title=rows[0].heading,
    )


# --------------------------------------------------------------------------- writers


def write_tracker_csv(
    entries: Iterable[Entry],
    path: Path | str | TextIO,
    *,
    meetings: Sequence[Meeting] | None = None,
) -> None:
    """The tracker as CSV (to a path or an open text handle such as stdout).

    The rows mirror the published sheet: meeting heading and item label on the first row of
    their group only; the date, lead and due date on every row, so the sheet still sorts."""
    rows = tracker_rows(entries, meetings=meetings)
    if isinstance(path, str | Path):
        with open_private(Path(path), "w", encoding="utf-8", newline="") as handle:
            _write_csv(rows, handle)
    else:
        _write_csv(rows, path)


def _write_csv(rows: list[TrackerRow], handle: IO[str]) -> None:
    writer = spreadsheet_csv.writer(handle)  # no cell read as a formula (issue 12)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            (
                row.heading if row.first_of_meeting else "",
                row.meeting_date.isoformat(),
                row.item_label if row.first_of_item else "",
                row.action,
                row.update,
                row.lead,
                row.due.isoformat() if row.due else "",
            )
        )


def write_tracker_docx(
    entries: Iterable[Entry],
    path: Path,
    template: Path | None = None,
    *,
    committee_name: str = "",
    meetings: Sequence[Meeting] | None = None,
) -> None:
    """The tracker as a Word document, through the minutes' .docx renderer."""
    from clerk.minutes.render_docx import render_docx

    document = tracker_document(entries, committee_name=committee_name, meetings=meetings)
    render_docx(document, Path(path), template=template)


# --------------------------------------------------------------------------- wording


def update_text(action: Action) -> str:
    """The "Update" column: the status, then the clerk's comment if there is one."""
    label = STATUS_LABELS.get(action.status, str(action.status).replace("_", " ").capitalize())
    comment = action.comment.strip()
    return f"{label} – {comment}" if comment else label


def meeting_heading(meeting: Meeting, round_number: int | None = None) -> str:
    """ "ROUND TWO 17 OCTOBER 2019", or "17 OCTOBER 2019" without a round number."""
    day = long_date(meeting.date, DAY_MONTH_YEAR).upper()
    if round_number is None:
        return day
    return f"ROUND {ordinal_word(round_number)} {day}"


def ordinal_word(n: int) -> str:
    """1 -> "ONE" ... 20 -> "TWENTY"; beyond that, the digits."""
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else str(n)


def municipal_year(day: date) -> int:
    """The year in which `day`'s municipal year began (May to April)."""
    return day.year if day.month >= MUNICIPAL_YEAR_START_MONTH else day.year - 1


def _rounds(meetings: Sequence[Meeting]) -> dict[str, int]:
    """Meeting id -> its round: its place among the committee's meetings of its municipal
    year, in date order. Cancelled meetings are not rounds."""
    held = sorted(
        (m for m in meetings if m.status is not MeetingStatus.CANCELLED),
        key=lambda m: (m.date, m.start_time is not None, m.start_time or 0),
    )
    rounds: dict[str, int] = {}
    counts: dict[int, int] = {}
    for meeting in held:
        year = municipal_year(meeting.date)
        counts[year] = counts.get(year, 0) + 1
        rounds[meeting.id] = counts[year]
    return rounds


# Acronyms kept in capitals when an all-capitals agenda title is put into title case.
# fmt: off
ACRONYMS = frozenset((
    "NHS", "CCG", "BCF", "ICP", "ICS", "SEN", "SEND", "LSCB", "MMR", "GP", "CQC", "LLW", "HRA",
    "CIL", "UK", "LGA", "ASB", "DBS", "CAMHS", "ICT", "HR", "CHIS", "STP", "PCN", "TFL", "GLA",
    "MOPAC", "RBKC", "WCC", "ASC", "CIC", "NEET", "AOB", "DAWS", "TUPE", "IBCF", "SPA",
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
))
#: Plural acronyms: "CCGS" -> "CCGs".
PLURAL_ACRONYMS = {f"{a}S": f"{a}s" for a in ("CCG", "GP", "PCN", "ICP", "ICS", "STP")}
SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "per", "the", "to", "via", "vs", "with",
))
# fmt: on
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def item_label(item: AgendaItem) -> str:
    """ "Item 4: Cabinet Member Update" from item 4, "CABINET MEMBER UPDATE"."""
    title = title_case(item.title.strip())
    return f"Item {item.number}: {title}" if title else f"Item {item.number}"


def title_case(text: str) -> str:
    """Title case for an agenda title written in capitals; a title in mixed case is the
    clerk's own and is kept as written.

    Small words stay lower case (but not the first), known acronyms and a short word in
    brackets stay in capitals ("(CHIP)"), and an apostrophe does not start a word
    ("People's")."""
    if any(c.islower() for c in text):
        return text
    first = True

    def token(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group()
        letters = "".join(c for c in word if c.isalpha())
        if word.startswith("(") and word.rstrip(".,;:").endswith(")") and len(letters) <= 5:
            first = False
            return word  # "(CHIP)", "(BCF)"
        out = _WORD.sub(lambda m: _title_word(m.group(), first and m.start() == 0), word)
        first = first and not letters
        return out

    return _TOKEN.sub(token, text)


def _title_word(word: str, first: bool) -> str:
    upper = word.upper()
    if upper in ACRONYMS:
        return upper
    if upper in PLURAL_ACRONYMS:
        return PLURAL_ACRONYMS[upper]
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    return lower[:1].upper() + lower[1:]
