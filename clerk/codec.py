"""Record dataclasses to JSON-safe values and back, driven by their type hints.

One codec serves the JSON meeting record and the store's columns, so the two can never
disagree about how a date, an enum or a list of sub-items is written.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from clerk.errors import quoted

T = TypeVar("T")


class DecodeError(ValueError):
    """A value does not fit the record: `path` says where ("items[3].page_from")."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'record'}: {message}")
        self.path = path
        self.message = message


def encode(value: Any) -> Any:
    """A record value as JSON-safe data: dataclasses become dicts, dates ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(cls: type[T], data: Any, path: str = "") -> T:
    """Build `cls` from data made by `encode`, checking every value against its type."""
    return _decode(cls, data, path)


@cache
def field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each field of a record dataclass."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _decode(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None:
            if type(None) in args:
                return None
            raise DecodeError(path, "a value is required")
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, data, path)
    if origin is list:
        if not isinstance(data, list):
            raise DecodeError(path, f"expected a list, got {_kind(data)}")
        (inner,) = typing.get_args(tp)
        return [_decode(inner, v, f"{path}[{i}]") for i, v in enumerate(data)]
    if origin is dict:
        if not isinstance(data, dict):
            raise DecodeError(path, f"expected a table, got {_kind(data)}")
        key_tp, val_tp = typing.get_args(tp)
        return {
            _decode(key_tp, k, f"{path}.{k}"): _decode(val_tp, v, f"{path}.{k}")
            for k, v in data.items()
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, data, path)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in tp)
            raise DecodeError(path, f"{quoted(data)} is not one of {allowed}") from None
    if tp is date:
        return _parse(date.fromisoformat, data, path, "a date as YYYY-MM-DD")
    if tp is time:
        return _parse(time.fromisoformat, data, path, "a time as HH:MM")
    if tp is bool:
        if not isinstance(data, bool):
            raise DecodeError(path, f"expected true or false, got {_kind(data)}")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, f"expected a whole number, got {_kind(data)}")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise DecodeError(path, f"expected text, got {_kind(data)}")
        return data
    if tp is Any:
        return data
    raise TypeError(f"the codec does not know how to decode {tp!r}")  # a programming error


def _decode_dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(path, f"expected a table, got {_kind(data)}")
    types_ = field_types(cls)
    unknown = sorted(set(data) - set(types_))
    if unknown:
        raise DecodeError(path, f"unknown field {quoted(unknown[0])} (known: {', '.join(types_)})")
    kwargs: dict[str, Any] = {}
    required = {
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    for name, tp in types_.items():
        sub = f"{path}.{name}" if path else name
        if name in data:
            kwargs[name] = _decode(tp, data[name], sub)
        elif name in required:
            raise DecodeError(sub, "is missing")
    return cls(**kwargs)


def _parse(fn: Any, data: Any, path: str, expected: str) -> Any:
    if not isinstance(data, str):
        raise DecodeError(path, f"expected {expected}, got {_kind(data)}")
    try:
        return fn(data)
    except ValueError:
        raise DecodeError(path, f"expected {expected}, got {quoted(data)}") from None


def _kind(data: Any) -> str:
    if data is None:
        return "nothing"
    return {
        dict: "a table",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
    }.get(type(data), type(data).__name__)
