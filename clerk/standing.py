"""The standing items of an agenda: the one rule that says which item is which.

Most agendas open with the same items under varying titles — "MEMBERSHIP", "APOLOGIES AND
MEMBERSHIP", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS"; "DECLARATIONS OF INTEREST"; "MINUTES",
"MINUTES OF THE PREVIOUS MEETING", "TO APPROVE THE MINUTES" — and close with "ANY OTHER
BUSINESS". What happens under them is generated (the apologies and substitutes, the
declarations, the approval of the last minutes), so the minutes, the live screen and the
next meeting's agenda must agree on which item each is. They all ask `standing_items`.

Only the first item of each kind counts, and only in the public part of the agenda.
"""

from __future__ import annotations

import re
from enum import StrEnum

from clerk.record import AgendaItem, MeetingRecord


class Standing(StrEnum):
    MEMBERSHIP = "membership"  # apologies, substitutes, membership changes
    DECLARATIONS = "declarations"  # declarations of interest
    MINUTES = "minutes"  # the minutes of an earlier meeting approved
    ANY_OTHER_BUSINESS = "any_other_business"


#: How each standing item is titled, tried in this order: a title naming two kinds ("MINUTES
#: AND DECLARATIONS") is the first kind it names here.
_TITLES: tuple[tuple[Standing, re.Pattern[str]], ...] = (
    (Standing.MEMBERSHIP, re.compile(r"^(?:MEMBERSHIP|APOLOGIES)\b|\bAPOLOGIES\b")),
    (Standing.DECLARATIONS, re.compile(r"\bDECLARATIONS?\b.*\bINTERESTS?\b|^DECLARATIONS?\b")),
    (
        Standing.MINUTES,
        re.compile(
            r"^(?:THE\s+)?MINUTES\b|^(?:TO\s+)?(?:APPROVE|CONFIRM|APPROVAL\s+OF|CONFIRMATION\s+OF)"
            r"\s+(?:THE\s+)?MINUTES\b"
        ),
    ),
    (Standing.ANY_OTHER_BUSINESS, re.compile(r"^(?:ANY\s+)?OTHER\s+BUSINESS\b|^AOB\b")),
)

#: The standing items a committee's next meeting starts with, as the council titles them.
NEXT_MEETING_TITLES: tuple[tuple[Standing, str], ...] = (
    (Standing.MEMBERSHIP, "MEMBERSHIP"),
    (Standing.DECLARATIONS, "DECLARATIONS OF INTEREST"),
    (Standing.MINUTES, "MINUTES"),
    (Standing.ANY_OTHER_BUSINESS, "ANY OTHER BUSINESS"),
)


def standing_kind(title: str) -> Standing | None:
    """Which standing item a title names, if any."""
    text = " ".join(title.replace("&", " AND ").upper().split())
    for kind, pattern in _TITLES:
        if pattern.search(text):
            return kind
    return None


def standing_items(record: MeetingRecord) -> dict[Standing, AgendaItem]:
    """The meeting's standing items: the first public item of each kind, in agenda order."""
    found: dict[Standing, AgendaItem] = {}
    for item in record.agenda():
        if item.is_exempt:
            continue
        kind = standing_kind(item.title)
        if kind is not None and kind not in found:
            found[kind] = item
    return found


def standing_item(record: MeetingRecord, kind: Standing) -> AgendaItem | None:
    return standing_items(record).get(kind)
