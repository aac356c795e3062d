"""What a meeting file may hold: its tables, the fields of each, and the check that reads each
value (text, a date, pages "5 - 10", a member's role…) into what the record holds.

A check raises `BadValue` saying what was expected and what was found; the reader adds the
file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from clerk import dates, validate
from clerk.errors import quoted
from clerk.record import MemberRole, Part

#: A member's honorific when the file does not give one: committees are mostly councillors.
MEMBER_HONORIFIC = "Councillor"


class BadValue(Exception):
    """A value that does not fit; the reader adds the file and line."""


# --------------------------------------------------------------------------- values


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise BadValue(f"expected text in double quotes, got {kind(value)}")
    return value


def _name(value: Any) -> str:
    value = _text(value)
    if not value.strip():
        raise BadValue("must not be blank")
    return value


def _number(value: Any) -> str:
    """An item number: `4`, or `"4A"` for an urgent item added on the day."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _name(value)


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(f"expected a whole number, got {kind(value)}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"expected true or false, got {kind(value)}")
    return value


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadValue(
            f'expected a list of text such as ["City of Westminster"], got {kind(value)}'
        )
    return list(value)


def _paragraphs(value: Any) -> list[int]:
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise BadValue(f"expected a list of paragraph numbers such as [3], got {kind(value)}")
    bad = [v for v in value if v not in validate.EXEMPT_PARAGRAPHS]
    if bad:
        raise BadValue(f"paragraph {bad[0]} is not a paragraph of Schedule 12A (1 to 7)")
    return list(value)


_DATE_EXPECTED = 'expected a date such as 2019-11-25 (or "25 November 2019")'


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        raise BadValue(f"{_DATE_EXPECTED}, got a date and time")
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise BadValue(f"{_DATE_EXPECTED}, got {kind(value)}")
    try:
        return dates.parse_date(value)
    except ValueError:
        raise BadValue(f"{_DATE_EXPECTED}, got {quoted(value)}") from None


_TIME_EXPECTED = 'expected a time such as 19:00:00 or "7.00 pm"'


def _time(value: Any) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise BadValue(f"{_TIME_EXPECTED}, got {kind(value)}")
    try:
        return dates.parse_time(value)
    except ValueError:
        raise BadValue(f"{_TIME_EXPECTED}, got {quoted(value)}") from None


_PAGES = re.compile(r"(\d{1,9})(?:\s*[-–—]\s*(\d{1,9}))?")  # int() refuses 4,300 digits


def _pages(value: Any) -> tuple[int, int | None]:
    """`"5 - 10"` -> (5, 10); `5` or `"5"` -> (5, None)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise BadValue(f"page {value} is not a page number")
        return value, None
    if isinstance(value, str) and (match := _PAGES.fullmatch(value.strip())):
        first, last = int(match[1]), int(match[2]) if match[2] else None
        if first < 1:
            raise BadValue(f"page {first} is not a page number")
        if last is not None and last < first:
            raise BadValue(f"pages {first} - {last} run backwards")
        return first, last
    raise BadValue(f'expected pages such as "5 - 10" or 5, got {_show(value)}')


def _member_role(value: Any) -> MemberRole:
    text = re.sub(r"[\s-]+", "_", _text(value).strip().casefold())
    try:
        return MemberRole(text)
    except ValueError:
        raise BadValue(
            f'expected "member", "chair", "vice-chair" or "co-chair", got {quoted(value)}'
        ) from None


def _part(value: Any) -> Part:
    try:
        return Part(_text(value).strip().casefold())
    except ValueError:
        raise BadValue(f'expected "public" or "exempt", got {quoted(value)}') from None


def kind(value: Any) -> str:
    """What a value is, in a clerk's words: "a list", "the number 3", "the date 2019-11-25"."""
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return f"the date {value}"
    if isinstance(value, time):
        return f"the time {value}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else kind(value)


# --------------------------------------------------------------------------- the tables


@dataclass(frozen=True)
class Table:
    """One kind of table in the file: its fields, each with the check that reads its value."""

    header: str  # as the clerk writes it: "[meeting]", "[[items]]"
    fields: dict[str, Callable[[Any], Any]]
    required: tuple[str, ...]


PERSON_FIELDS: dict[str, Callable[[Any], Any]] = {
    "honorific": _text,
    "organisation": _text,
    "pronoun": _text,
    "surname": _text,
    "email": _text,
    "phone": _text,
}

COMMITTEE = Table(
    "[committee]",
    {
        "name": _name,
        "minutes_name": _text,
        "chair_title": _name,
        "body": _name,
        "councils": _texts,
        "quorum": _whole,
        "interest_kinds": _texts,
        "style": _name,
    },
    ("name",),
)
MEETING = Table(
    "[meeting]",
    {
        "date": _date,
        "start": _time,
        "venue": _text,
        "officer": _name,
        "approves_minutes_of": _date,
        "title": _text,
        "published_by": _text,
        "published_on": _date,
    },
    ("date",),
)
MEMBER = Table(
    "[[members]]",
    {
        "name": _name,
        "role": _member_role,
        "seat": _text,
        "from": _date,
        "to": _date,
        "post": _text,
        **PERSON_FIELDS,
    },
    ("name",),
)
PERSON = Table("[[people]]", {"name": _name, "role": _text, **PERSON_FIELDS}, ("name",))
ITEM = Table(
    "[[items]]",
    {
        "number": _number,
        "title": _name,
        "description": _text,
        "pages": _pages,
        "part": _part,
        "exempt_paragraphs": _paragraphs,
        "part_heading": _text,
        "urgent": _flag,
        "public_summary": _text,
        "sub_items": lambda v: v,  # read by the reader, table by table
    },
    ("number", "title"),
)
SUB_ITEM = Table(
    "[[items.sub_items]]",
    {"label": _name, "title": _name, "description": _text, "pages": _pages},
    ("label", "title"),
)
#: A change to the membership to be noted at the meeting: who left, who joined (names).
MEMBERSHIP_CHANGE = Table("[[membership_changes]]", {"left": _name, "joined": _name}, ())
#: The tables a meeting file may have, in the order a clerk writes them.
TOP = ("committee", "meeting", "members", "people", "membership_changes", "items")
