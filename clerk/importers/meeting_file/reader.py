"""Reading a meeting file: TOML text to a new scheduled meeting's record, or an InputError that
names the file, the line and what was expected."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from clerk import validate
from clerk.errors import InputError, short
from clerk.importers import check_line_lengths, read_utf8
from clerk.importers.meeting_file.checks import (
    COMMITTEE,
    ITEM,
    MEETING,
    MEMBER,
    MEMBER_HONORIFIC,
    MEMBERSHIP_CHANGE,
    PERSON,
    PERSON_FIELDS,
    SUB_ITEM,
    TOP,
    BadValue,
    Table,
    kind,
)
from clerk.record import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingRecord,
    MemberRole,
    Membership,
    MembershipChange,
    Part,
    Person,
    SubItem,
)
from clerk.toml_lines import Key, TomlLines


def read(path: Path) -> MeetingRecord:
    """Read a meeting file; InputError names the file and line of any fault."""
    text = read_utf8(path, "a meeting file")
    return loads(text, path)


def loads(text: str, source: str | Path = "<meeting file>") -> MeetingRecord:
    """A new scheduled meeting, with fresh ids, from the text of a meeting file."""
    check_line_lengths(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _syntax_error(str(exc), text)
        raise InputError(source, line, message) from None
    except RecursionError:  # tomllib recurses once per level of nesting
        raise InputError(source, None, "arrays or tables nested too deeply to read") from None
    except ValueError:  # TOMLDecodeError is one too: this is int() refusing 4,300+ digits
        raise InputError(source, None, "a number of more than 4,300 digits") from None
    record = _Reader(data, TomlLines(text), source).record()
    validate.check(record, source)  # a safety net: the reader has already said where
    return record


_AT_LINE = re.compile(r"(?<!\s)\s*\(at line (\d+), column \d+\)$")
_AT_END = re.compile(r"(?<!\s)\s*\(at end of document\)$")


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
    def __init__(self, data: dict[str, Any], lines: TomlLines, source: str | Path) -> None:
        self.data = data
        self.lines = lines
        self.source = source

    def fail(self, key: Key, message: str) -> InputError:
        return InputError(self.source, self.lines.line(key), message)

    def table(self, spec: Table, key: Key, value: Any, what: str = "") -> dict[str, Any]:
        """The table's fields, converted; unknown or missing fields are errors."""
        where = f"{spec.header}{f' {what}' if what else ''}"
        if not isinstance(value, dict):
            raise self.fail(key, f"{spec.header} must be a table, got {kind(value)}")
        for name in value:
            if name not in spec.fields:
                close = difflib.get_close_matches(name, spec.fields, n=1)
                hint = f"did you mean '{short(close[0])}'? " if close else ""
                raise self.fail(
                    (*key, name),
                    f"{where}: unknown field '{short(name)}' ({hint}expected one of: "
                    f"{', '.join(spec.fields)})",
                )
        for name in spec.required:
            if name not in value:
                raise self.fail(key, f"{where}: '{short(name)}' is missing")
        out = {}
        for name, raw in value.items():
            try:
                out[name] = spec.fields[name](raw)
            except BadValue as exc:
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
            if name not in TOP:
                close = difflib.get_close_matches(name, TOP, n=1)
                hint = f"did you mean '{short(close[0])}'? " if close else ""
                raise self.fail(
                    (name,),
                    f"unknown table or field '{short(name)}' ({hint}expected [committee], "
                    "[meeting], [[members]], [[people]], [[membership_changes]] and [[items]])",
                )
        for name in ("committee", "meeting"):
            if name not in self.data:
                raise InputError(self.source, None, f"the file has no [{name}] table")

        committee = self.committee()
        people, memberships, names = self.people(committee)
        meeting = self.meeting(committee, names)
        meeting.membership_changes = self.membership_changes(meeting, memberships, names)
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
        for name in (
            "minutes_name",
            "chair_title",
            "body",
            "councils",
            "quorum",
            "interest_kinds",
            "style",
        ):
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
                **{k: f[k] for k in PERSON_FIELDS if k in f and k != "honorific"},
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
                **{k: f[k] for k in PERSON_FIELDS if k in f},
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

    def membership_changes(
        self, meeting: Meeting, memberships: list[Membership], names: dict[str, str]
    ) -> list[MembershipChange]:
        """Changes to be noted at the meeting. Each names [[members]] entries whose dates
        agree: who left holds no seat on the meeting's day ('to' before it), who joined holds
        one ('from' on or before it)."""
        seated = {m.person_id for m in memberships if m.current_on(meeting.date)}
        members = {m.person_id for m in memberships}
        changes = []
        for i, row in enumerate(self.rows("membership_changes", "[[membership_changes]]")):
            key: Key = ("membership_changes", i)
            f = self.table(MEMBERSHIP_CHANGE, key, row)
            if not f:
                raise self.fail(
                    key,
                    "[[membership_changes]]: name who 'left' the committee, who 'joined' it, "
                    "or both",
                )
            ids: dict[str, str] = {}
            for field_name in ("left", "joined"):
                if field_name not in f:
                    continue
                name = f[field_name]
                person_id = names.get(_name_key(name))
                where = (*key, field_name)
                if person_id is None or person_id not in members:
                    raise self.fail(
                        where,
                        f"[[membership_changes]] {field_name}: '{name}' is not among the "
                        "[[members]] of this file (list them there, with their 'from' or 'to' "
                        "date)",
                    )
                if field_name == "left" and person_id in seated:
                    raise self.fail(
                        where,
                        f"[[membership_changes]] left: '{name}' still holds a seat on "
                        f"{meeting.date} (give their [[members]] entry a 'to' date before it)",
                    )
                if field_name == "joined" and person_id not in seated:
                    raise self.fail(
                        where,
                        f"[[membership_changes]] joined: '{name}' holds no seat on "
                        f"{meeting.date} (their [[members]] entry's 'from' and 'to' dates)",
                    )
                ids[field_name] = person_id
            changes.append(MembershipChange(left_id=ids.get("left"), joined_id=ids.get("joined")))
        return changes

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
