"""Where each key of a TOML text is written: the line an error message should name.

tomllib reads a TOML text into dicts and lists but forgets where each value stood, so a reader
that finds a value wrong (the meeting file's, the house style's) asks this index for the
line. It reads a text tomllib has accepted, line by line, following multi-line strings and
arrays so that what is inside them is never taken for a key or a table header.
"""

from __future__ import annotations

Key = tuple[str | int, ...]


def line_of(text: str, key: Key) -> int | None:
    """The line of `key` in `text`, the index built for this one question: for an error,
    which is rare, so a text read without fault never pays for it."""
    return TomlLines(text).line(key)


class TomlLines:
    """The line of each key and table header in a TOML text that tomllib accepted.

    Keys are paths such as ("items", 3, "number"): the fourth [[items]] table's number. A
    dotted key, `opening.date = …`, gives its table, ("opening",), the line it first appears
    on. A path not written in the text (a missing field) is found at its nearest enclosing
    table or key.
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
                parts = _split_key(key)
                for n in range(1, len(parts) + 1):
                    self.lines.setdefault((*table, *parts[:n]), number)
                scan.feed(value)

    def line(self, key: Key) -> int | None:
        """The line `key` is written on, else its nearest enclosing table's; None when no
        part of it is in the text."""
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
