"""Writing a meeting file: a record's committee, members, people, meeting header and agenda as
TOML a clerk can read and edit, which the reader reads back to the same record."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path
from typing import Any

from clerk import dates
from clerk.importers.meeting_file.checks import MEMBER_HONORIFIC
from clerk.record import Committee, MeetingRecord, MemberRole, Membership, Part, Person


def dumps(record: MeetingRecord) -> str:
    """The committee, its members, the people, the meeting's header, the membership changes
    to be noted and its agenda as a meeting file. What happened at the meeting (attendance,
    minutes, votes...) is left out: this is the start of a meeting."""
    c, m = record.committee, record.meeting
    comment = re.sub(r"[\x00-\x1f\x7f]", " ", c.name)  # a comment holds no control characters
    day = dates.long_date(m.date, dates.DAY_MONTH_YEAR)
    out = [f"# {comment}: meeting of {day}", "", "[committee]"]
    out.append(_line("name", c.name))
    out.append(_line("chair_title", c.chair_title))
    defaults = Committee(name="")
    for name in ("minutes_name", "body", "councils", "quorum", "interest_kinds", "style"):
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

    for change in m.membership_changes:
        out += ["", "[[membership_changes]]"]
        if change.left_id:
            out.append(_line("left", record.person(change.left_id).name))
        if change.joined_id:
            out.append(_line("joined", record.person(change.joined_id).name))

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
