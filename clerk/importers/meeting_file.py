"""The TOML meeting file: a committee, its members and an agenda, written by hand.

A clerk writes one in a text editor (the samples in `sample_meetings/` are such files):

    [committee]
    name = "Family and People Services Policy and Scrutiny Committee"

    [meeting]
    date = 2019-11-25
    start = "7.00 pm"
    officer = "Tristan Fieldsend"

    [[members]]
    name = "Jonathan Glanz"
    role = "chair"

    [[people]]
    name = "Tristan Fieldsend"
    role = "Committee Officer"

    [[items]]
    number = 1
    title = "MEMBERSHIP"

People are named, never given ids: the ids are made when the file is read. Every fault
(a TOML slip, an unknown field, a member named twice, an officer nobody listed) raises
InputError with the file, the line and what was expected. See docs/meeting-file.md.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from clerk import dates, validate
from clerk.errors import InputError
from clerk.importers import read_utf8
from clerk.record import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingRecord,
    MemberRole,
    Membership,
    Part,
    Person,
    SubItem,
)

#: A member's honorific when the file does not give one: committees are mostly councillors.
MEMBER_HONORIFIC = "Councillor"

Key = tuple[str | int, ...]


class _Bad(Exception):
    """A value that does not fit; the reader adds the file and line."""


# --------------------------------------------------------------------------- values


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected text in double quotes, got {_kind(value)}")
    return value


def _name(value: Any) -> str:
    value = _text(value)
    if not value.strip():
        raise _Bad("must not be blank")
    return value


def _number(value: Any) -> str:
    """An item number: `4`, or `"4A"` for an urgent item added on the day."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _name(value)


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"expected a whole number, got {_kind(value)}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"expected true or false, got {_kind(value)}")
    return value


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f'expected a list of text such as ["City of Westminster"], got {_kind(value)}')
    return list(value)


def _paragraphs(value: Any) -> list[int]:
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise _Bad(f"expected a list of paragraph numbers such as [3], got {_kind(value)}")
    bad = [v for v in value if v not in validate.EXEMPT_PARAGRAPHS]
    if bad:
        raise _Bad(f"paragraph {bad[0]} is not a paragraph of Schedule 12A (1 to 7)")
    return list(value)


_DATE_EXPECTED = 'expected a date such as 2019-11-25 (or "25 November 2019")'


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        raise _Bad(f"{_DATE_EXPECTED}, got a date and time")
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise _Bad(f"{_DATE_EXPECTED}, got {_kind(value)}")
    try:
        return dates.parse_date(value)
    except ValueError:
        raise _Bad(f"{_DATE_EXPECTED}, got {value!r}") from None


_TIME_EXPECTED = 'expected a time such as 19:00:00 or "7.00 pm"'


def _time(value: Any) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise _Bad(f"{_TIME_EXPECTED}, got {_kind(value)}")
    try:
        return dates.parse_time(value)
    except ValueError:
        raise _Bad(f"{_TIME_EXPECTED}, got {value!r}") from None


_PAGES = re.compile(r"(\d+)(?:\s*[-–—]\s*(\d+))?")


def _pages(value: Any) -> tuple[int, int | None]:
    """`"5 - 10"` -> (5, 10); `5` or `"5"` -> (5, None)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise _Bad(f"page {value} is not a page number")
        return value, None
    if isinstance(value, str) and (match := _PAGES.fullmatch(value.strip())):
        first, last = int(match[1]), int(match[2]) if match[2] else None
        if first < 1:
            raise _Bad(f"page {first} is not a page number")
        if last is not None and last < first:
            raise _Bad(f"pages {first} - {last} run backwards")
        return first, last
    raise _Bad(f'expected pages such as "5 - 10" or 5, got {_show(value)}')


def _member_role(value: Any) -> MemberRole:
    text = re.sub(r"[\s-]+", "_", _text(value).strip().casefold())
    try:
        return MemberRole(text)
    except ValueError:
        raise _Bad(
            f'expected "member", "chair", "vice-chair" or "co-chair", got {value!r}'
        ) from None


def _part(value: Any) -> Part:
    try:
        return Part(_text(value).strip().casefold())
    except ValueError:
        raise _Bad(f'expected "public" or "exempt", got {value!r}') from None


def _kind(value: Any) -> str:
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
    return repr(value) if isinstance(value, str) else _kind(value)


# --------------------------------------------------------------------------- the tables


@dataclass(frozen=True)
class _Table:
    header: str  # as the clerk writes it: "[meeting]", "[[items]]"
    fields: dict[str, Callable[[Any], Any]]
    required: tuple[str, ...]


_PERSON_FIELDS: dict[str, Callable[[Any], Any]] = {
    "honorific": _text,
    "organisation": _text,
    "pronoun": _text,
    "surname": _text,
    "email": _text,
    "phone": _text,
}

COMMITTEE = _Table(
    "[committee]",
    {
        "name": _name,
        "chair_title": _name,
        "body": _name,
        "councils": _texts,
        "quorum": _whole,
        "interest_kinds": _texts,
        "style": _name,
    },
    ("name",),
)
MEETING = _Table(
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
MEMBER = _Table(
    "[[members]]",
    {
        "name": _name,
        "role": _member_role,
        "seat": _text,
        "from": _date,
        "to": _date,
        "post": _text,
        **_PERSON_FIELDS,
    },
    ("name",),
)
PERSON = _Table("[[people]]", {"name": _name, "role": _text, **_PERSON_FIELDS}, ("name",))
ITEM = _Table(
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
SUB_ITEM = _Table(
    "[[items.sub_items]]",
    {"label": _name, "title": _name, "description": _text, "pages": _pages},
    ("label", "title"),
)
_TOP = ("committee", "meeting", "members", "people", "items")


# --------------------------------------------------------------------------- reading


def read(path: Path) -> MeetingRecord:
    """Read a meeting file; InputError names the file and line of any fault."""
    text = read_utf8(path, "a meeting file")
    return loads(text, path)


def loads(text: str, source: str | Path = "<meeting file>") -> MeetingRecord:
    """A new scheduled meeting, with fresh ids, from the text of a meeting file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _syntax_error(str(exc), text)
        raise InputError(source, line, message) from None
    record = _Reader(data, _Lines(text), source).record()
    validate.check(record, source)  # a safety net: the reader has already said where
    return record


_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def _syntax_error(message: str, text: str) -> tuple[int | None, str]:
    line: int | None = None
    if match := _AT_LINE.search(message):
        line = int(match[1])
        message = message[: match.start()]
    elif match := _AT_END.search(message):
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
        message = message[: match.start()] + " at the end of the file"
    hint = ""
    if line is not None:
        source_line = (text.splitlines() or [""])[min(line, len(text.splitlines())) - 1]
        value = source_line.partition("=")[2].split("#")[0].strip()
        if re.fullmatch(r"\d{1,2}:\d{2}", value):
            hint = f' (a time needs seconds, {value}:00, or write it as text: "{value}")'
        elif value and message.startswith("Invalid value") and value[0].isalpha():
            hint = " (text must be in double quotes)"
    return line, f"not a valid TOML file: {message}{hint}"


class _Reader:
    def __init__(self, data: dict[str, Any], lines: _Lines, source: str | Path) -> None:
        self.data = data
        self.lines = lines
        self.source = source

    def fail(self, key: Key, message: str) -> InputError:
        return InputError(self.source, self.lines.line(key), message)

    def table(self, spec: _Table, key: Key, value: Any, what: str = "") -> dict[str, Any]:
        """The table's fields, converted; unknown or missing fields are errors."""
        where = f"{spec.header}{f' {what}' if what else ''}"
        if not isinstance(value, dict):
            raise self.fail(key, f"{spec.header} must be a table, got {_kind(value)}")
        for name in value:
            if name not in spec.fields:
                close = difflib.get_close_matches(name, spec.fields, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise self.fail(
                    (*key, name),
                    f"{where}: unknown field '{name}' ({hint}expected one of: "
                    f"{', '.join(spec.fields)})",
                )
        for name in spec.required:
            if name not in value:
                raise self.fail(key, f"{where}: '{name}' is missing")
        out = {}
        for name, raw in value.items():
            try:
                out[name] = spec.fields[name](raw)
            except _Bad as exc:
                raise self.fail((*key, name), f"{where}: {name}: {exc}") from None
        return out

    def rows(self, name: str, header: str) -> list[dict[str, Any]]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(
                (name,), f"write each entry as its own {header} table (two square brackets)"
            )
        return value

    def record(self) -> MeetingRecord:
        for name in self.data:
            if name not in _TOP:
                close = difflib.get_close_matches(name, _TOP, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise self.fail(
                    (name,),
                    f"unknown table or field '{name}' ({hint}expected [committee], [meeting], "
                    "[[members]], [[people]] and [[items]])",
                )
        for name in ("committee", "meeting"):
            if name not in self.data:
                raise InputError(self.source, None, f"the file has no [{name}] table")

        committee = self.committee()
        people, memberships, names = self.people(committee)
        meeting = self.meeting(committee, names)
        items = self.items(meeting)
        return MeetingRecord(
            committee=committee,
            meeting=meeting,
            people=people,
            memberships=memberships,
            items=items,
        )

    def committee(self) -> Committee:
        f = self.table(COMMITTEE, ("committee",), self.data["committee"])
        c = Committee(name=f["name"])
        for name in ("chair_title", "body", "councils", "quorum", "interest_kinds", "style"):
            if name in f:
                setattr(c, name, f[name])
        if not c.councils:
            raise self.fail(("committee", "councils"), "[committee] councils: name at least one")
        if c.quorum < 1:
            raise self.fail(("committee", "quorum"), "[committee] quorum: must be 1 or more")
        return c

    def people(self, committee: Committee) -> tuple[list[Person], list[Membership], dict[str, str]]:
        people: list[Person] = []
        memberships: list[Membership] = []
        names: dict[str, str] = {}  # name key -> person id
        first_line: dict[str, int | None] = {}

        def add(person: Person, key: Key, header: str) -> None:
            name_key = _name_key(person.name)
            if name_key in names:
                raise self.fail(
                    (*key, "name"),
                    f"{header}: '{person.name}' is named twice (first on line "
                    f"{first_line[name_key]}); list each person once",
                )
            names[name_key] = person.id
            first_line[name_key] = self.lines.line((*key, "name"))
            people.append(person)

        for i, row in enumerate(self.rows("members", "[[members]]")):
            key: Key = ("members", i)
            f = self.table(MEMBER, key, row, _which(row, "name"))
            person = Person(
                name=f["name"],
                honorific=f.get("honorific", MEMBER_HONORIFIC),
                role=f.get("post", ""),
                **{k: f[k] for k in _PERSON_FIELDS if k in f and k != "honorific"},
            )
            add(person, key, "[[members]]")
            membership = Membership(
                committee_id=committee.id,
                person_id=person.id,
                role=f.get("role", MemberRole.MEMBER),
                seat=f.get("seat", ""),
                from_date=f.get("from"),
                to_date=f.get("to"),
            )
            start, end = membership.from_date, membership.to_date
            if start and end and end < start:
                raise self.fail((*key, "to"), f"[[members]] {person.name}: 'to' is before 'from'")
            memberships.append(membership)

        for i, row in enumerate(self.rows("people", "[[people]]")):
            key = ("people", i)
            f = self.table(PERSON, key, row, _which(row, "name"))
            person = Person(
                name=f["name"],
                role=f.get("role", ""),
                **{k: f[k] for k in _PERSON_FIELDS if k in f},
            )
            add(person, key, "[[people]]")
        return people, memberships, names

    def meeting(self, committee: Committee, names: dict[str, str]) -> Meeting:
        f = self.table(MEETING, ("meeting",), self.data["meeting"])
        officer_id = None
        if "officer" in f:
            officer_id = names.get(_name_key(f["officer"]))
            if officer_id is None:
                raise self.fail(
                    ("meeting", "officer"),
                    f"[meeting] officer: '{f['officer']}' is not among the [[people]] of this "
                    f'file (add a [[people]] entry with name = "{f["officer"]}")',
                )
        approves = f.get("approves_minutes_of")
        if approves is not None and approves >= f["date"]:
            raise self.fail(
                ("meeting", "approves_minutes_of"),
                f"[meeting] approves_minutes_of: {approves} is not before the meeting's "
                f"date, {f['date']}",
            )
        return Meeting(
            committee_id=committee.id,
            date=f["date"],
            start_time=f.get("start"),
            venue=f.get("venue", ""),
            approves_minutes_of=approves,
            officer_id=officer_id,
            title=f.get("title", ""),
            published_by=f.get("published_by", ""),
            published_on=f.get("published_on"),
        )

    def items(self, meeting: Meeting) -> list[AgendaItem]:
        items: list[AgendaItem] = []
        numbers: dict[str, int | None] = {}
        heading = ""
        for i, row in enumerate(self.rows("items", "[[items]]")):
            key: Key = ("items", i)
            f = self.table(ITEM, key, row, _which(row, "number"))
            where = f"[[items]] {f['number']}"
            number_key = f["number"].strip().casefold()
            if number_key in numbers:
                raise self.fail(
                    (*key, "number"),
                    f"{where}: item {f['number']} is numbered twice (first on line "
                    f"{numbers[number_key]}); each item needs its own number",
                )
            numbers[number_key] = self.lines.line((*key, "number"))
            heading = f.get("part_heading", heading)
            page_from, page_to = f.get("pages", (None, None))
            item = AgendaItem(
                number=f["number"],
                title=f["title"],
                description=f.get("description", ""),
                page_from=page_from,
                page_to=page_to,
                part=f.get("part", Part.PUBLIC),
                exempt_paragraphs=f.get("exempt_paragraphs", []),
                part_heading=heading,
                sub_items=self.sub_items(key, f.get("sub_items", []), f["number"]),
                position=i,
                public_summary=f.get("public_summary", ""),
                urgent=f.get("urgent", False),
            )
            if item.exempt_paragraphs and not item.is_exempt:
                raise self.fail(
                    (*key, "exempt_paragraphs"),
                    f'{where}: exempt_paragraphs: only for an item with part = "exempt"',
                )
            items.append(item)
        return items

    def sub_items(self, key: Key, rows: Any, number: str) -> list[SubItem]:
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise self.fail(
                (*key, "sub_items"),
                f"[[items]] {number}: write each sub-item as its own [[items.sub_items]] table",
            )
        subs = []
        for j, row in enumerate(rows):
            f = self.table(SUB_ITEM, (*key, "sub_items", j), row, f"of item {number}")
            page_from, page_to = f.get("pages", (None, None))
            subs.append(
                SubItem(
                    label=f["label"],
                    title=f["title"],
                    description=f.get("description", ""),
                    page_from=page_from,
                    page_to=page_to,
                )
            )
        return subs


def _which(row: dict[str, Any], key: str) -> str:
    """How an entry is named in a message: its name or number, when it has a usable one."""
    value = row.get(key)
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# --------------------------------------------------------------------------- lines


class _Lines:
    """The line of each key and table header in a TOML text that tomllib accepted.

    Keys are paths such as ("items", 3, "number"): the fourth [[items]] table's number. A
    path not written in the text (a missing field) is found at its nearest enclosing table.
    """

    def __init__(self, text: str) -> None:
        self.lines: dict[Key, int] = {}
        counts: dict[Key, int] = {}
        table: Key = ()
        scan = _Scanner()

        def resolve(parts: list[str]) -> Key:
            path: Key = ()
            for part in parts:
                path = (*path, part)
                if path in counts:
                    path = (*path, counts[path])
            return path

        for number, raw in enumerate(text.splitlines(), start=1):
            if scan.busy:
                scan.feed(raw)
                continue
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[["):
                parts = _split_key(line[2 : line.find("]]")])
                array = (*resolve(parts[:-1]), parts[-1])
                counts[array] = counts.get(array, -1) + 1
                table = (*array, counts[array])
                self.lines.setdefault(array, number)
                self.lines[table] = number
            elif line.startswith("["):
                table = resolve(_split_key(line[1 : line.find("]")]))
                self.lines.setdefault(table, number)
            else:
                key, value = _split_assignment(line)
                if key is None:
                    continue
                self.lines.setdefault((*table, *_split_key(key)), number)
                scan.feed(value)

    def line(self, key: Key) -> int | None:
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return None


class _Scanner:
    """Follows multi-line strings and arrays across lines, so their insides are not keys."""

    def __init__(self) -> None:
        self.quote: str | None = None  # the open multi-line string's delimiter
        self.depth = 0  # open [ and {

    @property
    def busy(self) -> bool:
        return self.quote is not None or self.depth > 0

    def feed(self, s: str) -> None:
        i = 0
        while i < len(s):
            if self.quote:
                if self.quote == '"""' and s[i] == "\\":
                    i += 2
                elif s.startswith(self.quote, i):
                    self.quote = None
                    i += 3
                else:
                    i += 1
                continue
            c = s[i]
            if c == "#":
                return
            if s.startswith('"""', i) or s.startswith("'''", i):
                self.quote = s[i : i + 3]
                i += 3
            elif c in "\"'":
                i = _string_end(s, i)
            else:
                if c in "[{":
                    self.depth += 1
                elif c in "]}":
                    self.depth -= 1
                i += 1


def _string_end(s: str, i: int) -> int:
    """The position after the one-line string opening at s[i]."""
    quote, i = s[i], i + 1
    while i < len(s) and s[i] != quote:
        i += 2 if quote == '"' and s[i] == "\\" else 1
    return i + 1


def _split_assignment(line: str) -> tuple[str | None, str]:
    i = 0
    while i < len(line):
        if line[i] in "\"'":
            i = _string_end(line, i)
        elif line[i] == "=":
            return line[:i], line[i + 1 :]
        else:
            i += 1
    return None, ""


def _split_key(key: str) -> list[str]:
    parts, i, start = [], 0, 0
    while i < len(key):
        if key[i] in "\"'":
            i = _string_end(key, i)
            continue
        if key[i] == ".":
            parts.append(key[start:i])
            start = i + 1
        i += 1
    parts.append(key[start:])
    return [p.strip().strip("\"'") for p in parts]


# --------------------------------------------------------------------------- writing


def dumps(record: MeetingRecord) -> str:
    """The committee, its members, the people, the meeting's header and its agenda as a
    meeting file. What happened at the meeting (attendance, minutes, votes...) is left out:
    this is the start of a meeting, e.g. the committee's next one."""
    c, m = record.committee, record.meeting
    comment = re.sub(r"[\x00-\x1f\x7f]", " ", c.name)  # a comment holds no control characters
    day = dates.long_date(m.date, dates.DAY_MONTH_YEAR)
    out = [f"# {comment}: meeting of {day}", "", "[committee]"]
    out.append(_line("name", c.name))
    out.append(_line("chair_title", c.chair_title))
    defaults = Committee(name="")
    for name in ("body", "councils", "quorum", "interest_kinds", "style"):
        if getattr(c, name) != getattr(defaults, name):
            out.append(_line(name, getattr(c, name)))

    out += ["", "[meeting]", _line("date", m.date)]
    if m.start_time is not None:
        out.append(_line("start", _time_text(m.start_time)))
    if m.venue:
        out.append(_line("venue", m.venue))
    if m.officer_id is not None:
        out.append(_line("officer", record.person(m.officer_id).name))
    for name, value in (
        ("approves_minutes_of", m.approves_minutes_of),
        ("title", m.title),
        ("published_by", m.published_by),
        ("published_on", m.published_on),
    ):
        if value:
            out.append(_line(name, value))

    members = _seats(record)
    for ms in members:
        p = record.person(ms.person_id)
        out += ["", "[[members]]", _line("name", p.name)]
        if ms.role is not MemberRole.MEMBER:
            out.append(_line("role", ms.role.value.replace("_", "-")))
        if p.honorific != MEMBER_HONORIFIC:
            out.append(_line("honorific", p.honorific))
        for name, value in (
            ("seat", ms.seat),
            ("from", ms.from_date),
            ("to", ms.to_date),
            ("post", p.role),
        ):
            if value:
                out.append(_line(name, value))
        out += _person_lines(p, skip_honorific=True)
    member_ids = {ms.person_id for ms in members}
    for p in record.people:
        if p.id in member_ids:
            continue
        out += ["", "[[people]]", _line("name", p.name)]
        if p.role:
            out.append(_line("role", p.role))
        out += _person_lines(p, skip_honorific=False)

    heading = ""
    for item in record.agenda():
        out += ["", "[[items]]"]
        number: str | int = (
            int(item.number) if re.fullmatch(r"[1-9]\d*", item.number) else item.number
        )
        out.append(_line("number", number))
        out.append(_line("title", item.title))
        if item.description:
            out.append(_line("description", item.description))
        if item.page_from is not None:
            out.append(_line("pages", _pages_text(item.page_from, item.page_to)))
        if item.part_heading != heading:
            out.append(_line("part_heading", item.part_heading))
            heading = item.part_heading
        if item.part is not Part.PUBLIC:
            out.append(_line("part", item.part.value))
        if item.exempt_paragraphs:
            out.append(_line("exempt_paragraphs", item.exempt_paragraphs))
        if item.urgent:
            out.append(_line("urgent", True))
        if item.public_summary:
            out.append(_line("public_summary", item.public_summary))
        for sub in item.sub_items:
            out += ["", "[[items.sub_items]]", _line("label", sub.label), _line("title", sub.title)]
            if sub.description:
                out.append(_line("description", sub.description))
            if sub.page_from is not None:
                out.append(_line("pages", _pages_text(sub.page_from, sub.page_to)))
    return "\n".join(out) + "\n"


def write(record: MeetingRecord, path: Path) -> None:
    path.write_text(dumps(record), encoding="utf-8")


def _seats(record: MeetingRecord) -> list[Membership]:
    """One seat per member of the record's committee: the one held on the day, else the last."""
    chosen: dict[str, Membership] = {}
    for ms in record.memberships:
        if ms.committee_id != record.committee.id:
            continue
        held = chosen.get(ms.person_id)
        if held is None or not held.current_on(record.meeting.date):
            chosen[ms.person_id] = ms
    return list(chosen.values())


def _person_lines(p: Person, *, skip_honorific: bool) -> list[str]:
    fields = ["organisation", "pronoun", "surname", "email", "phone"]
    if not skip_honorific:
        fields.insert(0, "honorific")
    return [_line(name, getattr(p, name)) for name in fields if getattr(p, name)]


def _pages_text(first: int, last: int | None) -> str | int:
    return first if last is None else f"{first} - {last}"


def _time_text(t: time) -> str | time:
    """ "7.00 pm", the house form, when the time is to the minute, else a TOML time."""
    if t.second or t.microsecond:
        return t
    return dates.clock_time(t)


def _line(key: str, value: Any) -> str:
    return f"{key} = {_toml(value)}"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return _string(str(value))


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
