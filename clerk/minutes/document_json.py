"""A Minutes document as JSON and back, exactly: how a version of the minutes is frozen.

When the draft goes to the chair the document is kept as it was rendered, so that a later
version can be compared with it even after the record, the house style or clerk itself has
changed. The text is versioned ("format": "clerk-minutes", "version": 1); each block names
its kind ("heading", "paragraph", "resolved", "table", "signature_lines"), and every field
of the document classes is written, so `from_json(to_json(doc)) == doc` for any document.

Driven by the document classes' type hints, as `clerk.codec` is by the record's: a field
added to a block (with a default) is written and read without a change here.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from clerk.codec import field_types
from clerk.minutes.document import (
    Block,
    Heading,
    MinutesDocument,
    Paragraph,
    Resolved,
    Run,
    SignatureLines,
    Table,
)

FORMAT = "clerk-minutes"
VERSION = 1

BLOCK_KINDS: dict[str, type] = {
    "heading": Heading,
    "paragraph": Paragraph,
    "resolved": Resolved,
    "table": Table,
    "signature_lines": SignatureLines,
}
_KIND_OF: dict[type, str] = {cls: kind for kind, cls in BLOCK_KINDS.items()}


class DocumentJSONError(ValueError):
    """The text is not a Minutes document clerk wrote; `path` says where ("blocks[3].runs")."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'document'}: {message}")
        self.path = path


def to_json(document: MinutesDocument) -> str:
    data = {"format": FORMAT, "version": VERSION, **_encode(document)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> MinutesDocument:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentJSONError("", f"not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentJSONError("", f'not a Minutes document ("format" is not "{FORMAT}")')
    version = data.pop("version", None)
    if version != VERSION:
        raise DocumentJSONError(
            "version", f"version {version!r}: this clerk reads version {VERSION}"
        )
    del data["format"]
    return _decode(MinutesDocument, data, "")


# --------------------------------------------------------------------------- encoding


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        kind = _KIND_OF.get(type(value))
        return {"kind": kind, **out} if kind else out
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


# --------------------------------------------------------------------------- decoding


def _decode(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType) and set(typing.get_args(tp)) == set(_KIND_OF):
        return _decode_block(data, path)
    if origin is tuple:
        if not isinstance(data, list):
            raise DocumentJSONError(path, f"expected a list, got {type(data).__name__}")
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{path}[{i}]") for i, v in enumerate(data))
        if len(data) != len(args):
            raise DocumentJSONError(path, f"expected {len(args)} values, got {len(data)}")
        return tuple(
            _decode(a, v, f"{path}[{i}]") for i, (a, v) in enumerate(zip(args, data, strict=True))
        )
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in typing.get_args(tp):
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner, data, path)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, data, path)
    if tp in (str, int, bool):
        if type(data) is not tp:
            raise DocumentJSONError(path, f"expected {tp.__name__}, got {type(data).__name__}")
        return data
    raise TypeError(f"document_json does not know how to read {tp!r}")  # a programming error


def _decode_block(data: Any, path: str) -> Block:
    if not isinstance(data, dict):
        raise DocumentJSONError(path, "expected a block (a table with a kind)")
    data = dict(data)
    kind = data.pop("kind", None)
    cls = BLOCK_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(BLOCK_KINDS)
        raise DocumentJSONError(f"{path}.kind", f"{kind!r} is not a kind of block ({known})")
    return _decode_dataclass(cls, data, path)


def _decode_dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise DocumentJSONError(path, f"expected a table, got {type(data).__name__}")
    hints = field_types(cls)
    unknown = sorted(set(data) - set(hints))
    if unknown:
        raise DocumentJSONError(path, f"unknown field {unknown[0]!r} in {cls.__name__}")
    kwargs = {}
    for name, tp in hints.items():
        sub = f"{path}.{name}" if path else name
        if name in data:
            kwargs[name] = _decode(tp, data[name], sub)
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field missing
        raise DocumentJSONError(path, str(exc)) from None


__all__ = ["BLOCK_KINDS", "DocumentJSONError", "Run", "from_json", "to_json"]
