"""The versioned JSON meeting record: everything the store holds of one meeting, losslessly.

    {"format": "clerk-meeting-record", "version": 1, "record": {...}}

`record` is the `MeetingRecord` as `clerk.codec.encode` writes it. See docs/record-json.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from clerk.codec import DecodeError, decode, encode
from clerk.errors import InputError
from clerk.record import MeetingRecord

FORMAT = "clerk-meeting-record"
VERSION = 1


def dumps(record: MeetingRecord) -> str:
    document = {"format": FORMAT, "version": VERSION, "record": encode(record)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(record: MeetingRecord, path: Path) -> None:
    path.write_text(dumps(record), encoding="utf-8")


def loads(text: str, source: str | Path = "<record>") -> MeetingRecord:
    """Parse a JSON meeting record; any fault raises InputError naming source and line."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, exc.lineno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(source, 1, f'not a clerk meeting record (expected "format": "{FORMAT}")')
    version = document.get("version")
    if version != VERSION:
        raise InputError(
            source,
            _line_of(text, '"version"'),
            f"record version {version!r} is not one this clerk reads ({VERSION})",
        )
    try:
        record = decode(MeetingRecord, document.get("record"), "record")
    except DecodeError as exc:
        raise InputError(
            source, _line_of(text, _last_key(exc.path)), exc.message + f" (at {exc.path})"
        ) from None
    return record


def read(path: Path) -> MeetingRecord:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return loads(text, path)


def _last_key(path: str) -> str:
    key = path.rsplit(".", 1)[-1].split("[", 1)[0]
    return f'"{key}"'


def _line_of(text: str, needle: str) -> int | None:
    """Best-effort line of the first occurrence of `needle`, for pointing the user at a fault."""
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None
