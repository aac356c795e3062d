"""The versioned JSON meeting record: everything the store holds of one meeting, losslessly.

    {"format": "clerk-meeting-record", "version": 1, "record": {...}}

`record` is the `MeetingRecord` as `clerk.codec.encode` writes it. A record read back is
identical to the one written (ids included), and is checked by `clerk.validate` before it is
returned, so a dangling reference never reaches the store. Readers refuse versions they do
not know; a later version adds a migration from the one before (`MIGRATIONS`). See
docs/record-json.md.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from clerk import validate
from clerk.codec import DecodeError, decode, encode
from clerk.errors import InputError, quoted
from clerk.importers import read_utf8
from clerk.record import MeetingRecord

# json's own string scanner, so a key or string is read by exactly JSON's rules; undocumented,
# so typeshed leaves it out
_scanstring: Callable[[str, int], tuple[str, int]]
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]

FORMAT = "clerk-meeting-record"
VERSION = 2


def _v1_membership_changes(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds `meeting.membership_changes`, `meeting.presiding_id`,
    `committee.minutes_name` and `paragraphs[].note` (issue 11), each read from a version-1
    record at its default (the chair presided):
    no change noted (its substitutes stay substitutes), the committee's own name, and
    every paragraph numbered."""
    meeting = data.get("meeting")
    if isinstance(meeting, dict):
        meeting.setdefault("membership_changes", [])
    committee = data.get("committee")
    if isinstance(committee, dict):
        committee.setdefault("minutes_name", "")
    return data


#: version n -> a function turning a version-n document's "record" into a version n+1 one.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_membership_changes,
}

_TOP_LEVEL = ("format", "version", "record", "exempt")  # "exempt": where, for people
_MAX_DIGITS = 4_300  # sys.get_int_max_str_digits(): json.loads refuses longer integers
_UNKNOWN_FIELD = re.compile(r"unknown field '([^']*)'")


EXEMPT_NOTICE = (
    "This record holds exempt information (Part 2: Schedule 12A to the Local Government Act "
    "1972) at the places listed. It is not for publication; `clerk export-record --public` "
    "writes a record without it."
)

#: The rows of a record that belong to an agenda item, by the list that holds them.
T = TypeVar("T")

_ITEM_ROWS = ("paragraphs", "resolutions", "votes", "actions", "declarations")


def dumps(record: MeetingRecord, *, public: bool = False) -> str:
    """The record as JSON; with exempt parts, an "exempt" key lists where they are. `public`
    (a record made by `public_record`): the exempt items' public parts are not marked."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "record": encode(record)}
    where = [] if public else exempt_parts(record)
    if where:
        document["exempt"] = {"notice": EXEMPT_NOTICE, "parts": where}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def exempt_parts(record: MeetingRecord) -> list[str]:
    """Where the record holds exempt information, as paths into "record": each exempt agenda
    item, and every paragraph, resolution, vote, action and declaration on one."""
    exempt = {item.id for item in record.items if item.is_exempt}
    where = [f"record.items[{i}]" for i, item in enumerate(record.items) if item.id in exempt]
    for name in _ITEM_ROWS:
        rows = getattr(record, name)
        where += [f"record.{name}[{i}]" for i, row in enumerate(rows) if row.item_id in exempt]
    return where


def public_record(record: MeetingRecord) -> MeetingRecord:
    """What a council may hand on: each exempt item as the public agenda and minutes show it
    (number, title, the paragraphs of Schedule 12A, the public summary), with its
    description, sub-items and everything recorded on it left out."""
    from dataclasses import replace

    exempt = {item.id for item in record.items if item.is_exempt}
    items = [
        replace(item, description="", sub_items=[]) if item.id in exempt else item
        for item in record.items
    ]

    def public(rows: list[T]) -> list[T]:
        return [row for row in rows if getattr(row, "item_id", None) not in exempt]

    return replace(
        record,
        items=items,
        paragraphs=public(record.paragraphs),
        resolutions=public(record.resolutions),
        votes=public(record.votes),
        actions=public(record.actions),
        declarations=public(record.declarations),
    )


def write(record: MeetingRecord, path: Path) -> None:
    from clerk.private_files import open_private

    with open_private(path, "w", encoding="utf-8") as handle:  # 0600: it holds everything
        handle.write(dumps(record))


def loads(text: str, source: str | Path = "<record>", *, check: bool = True) -> MeetingRecord:
    """Parse and check a JSON meeting record; any fault raises InputError naming source and line.

    `check=False` skips the integrity rules of `clerk.validate` (the record is still decoded
    strictly): for tools that repair a broken record, never for importing one.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, exc.lineno, f"not valid JSON: {exc.msg}") from None
    except RecursionError:  # json.loads recurses once per level of nesting
        raise InputError(
            source, None, "not a meeting record: lists or objects nested too deeply to read"
        ) from None
    except ValueError:  # an integer of more than 4,300 digits
        long_number = re.search(rf"\d{{{_MAX_DIGITS}}}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise InputError(
            source, line, f"not a meeting record: a number of more than {_MAX_DIGITS:,} digits"
        ) from None
    lines = _Locator(text)
    if lines.duplicate is not None:
        key, line = lines.duplicate
        raise InputError(source, line, f'the key "{key}" appears twice in the same object')
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(
            source,
            lines.line("format") or 1,
            f'not a clerk meeting record (expected "format": "{FORMAT}")',
        )
    unknown = [k for k in document if k not in _TOP_LEVEL]
    if unknown:
        raise InputError(
            source,
            lines.line(unknown[0]),
            f'unknown field "{unknown[0]}" (expected only "format", "version", "record" and '
            '"exempt")',
        )
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= VERSION:
        newer = type(version) is int and version > VERSION
        hint = " (it was written by a newer clerk: upgrade clerk to read it)" if newer else ""
        raise InputError(
            source,
            lines.line("version") or 1,
            f"record version {quoted(version)} is not one this clerk reads (1 to {VERSION}){hint}",
        )
    if "record" not in document:
        raise InputError(source, 1, 'the file has no "record"')
    data = document["record"]
    for step in range(version, VERSION):
        data = MIGRATIONS[step](data)
    try:
        record = decode(MeetingRecord, data, "record")
    except DecodeError as exc:
        path = exc.path
        if unknown_field := _UNKNOWN_FIELD.match(exc.message):  # point at the key itself
            path = f"{path}.{unknown_field[1]}"
        raise InputError(source, lines.line(path), f"{exc.message} (at {exc.path})") from None
    found = validate.findings(record) if check else []
    if found:
        raise InputError(source, lines.line(f"record.{found[0].path}"), validate.describe(found))
    return record


def read(path: Path) -> MeetingRecord:
    text = read_utf8(path, "a meeting record")
    return loads(text, path)


# --------------------------------------------------------------------------- where things are

_NUMBER_OR_WORD = re.compile(r"-?[0-9.eE+\-]+|true|false|null|NaN|-?Infinity")
_WS = " \t\r\n"


class _Locator:
    """The line of every key and list element of a JSON text that `json.loads` accepted.

    Paths are spelt as `clerk.codec` spells them: `record.items[3].page_from`. A path that
    is not in the text (a missing field) is found at its nearest enclosing object or list.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]
        self.lines: dict[str, int] = {}
        self.duplicate: tuple[str, int] | None = None
        with contextlib.suppress(IndexError, ValueError, RecursionError):  # loads accepted it
            self._value(self._skip(0), "")

    def line(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = _parent(path)
        return None

    def _line_at(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def _skip(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in _WS:
            pos += 1
        return pos

    def _value(self, pos: int, path: str) -> int:
        """Read the value at `pos` (no leading white space); returns the position after it."""
        c = self.text[pos]
        if c == "{":
            return self._object(pos, path)
        if c == "[":
            return self._array(pos, path)
        if c == '"':
            return _scanstring(self.text, pos + 1)[1]
        match = _NUMBER_OR_WORD.match(self.text, pos)
        if match is None:
            raise ValueError(pos)
        return match.end()

    def _object(self, pos: int, path: str) -> int:
        pos = self._skip(pos + 1)
        seen: set[str] = set()
        while self.text[pos] != "}":
            line = self._line_at(pos)
            key, pos = _scanstring(self.text, pos + 1)
            if key in seen and self.duplicate is None:
                self.duplicate = (key, line)
            seen.add(key)
            sub = f"{path}.{key}" if path else key
            self.lines.setdefault(sub, line)
            pos = self._skip(self._skip(pos) + 1)  # past the colon
            pos = self._skip(self._value(pos, sub))
            if self.text[pos] == ",":
                pos = self._skip(pos + 1)
        return pos + 1

    def _array(self, pos: int, path: str) -> int:
        pos = self._skip(pos + 1)
        index = 0
        while self.text[pos] != "]":
            sub = f"{path}[{index}]"
            self.lines.setdefault(sub, self._line_at(pos))
            pos = self._skip(self._value(pos, sub))
            if self.text[pos] == ",":
                pos = self._skip(pos + 1)
            index += 1
        return pos + 1


def _parent(path: str) -> str:
    """`a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> ``."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
    dot = path.rfind(".")
    return path[:dot] if dot >= 0 else ""
