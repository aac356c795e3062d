"""A house style's templates filled into runs of text: `**…**` in a template is bold.

Values are filled in after the template is cut at its `**` markers, so a value (a name, a
title, a motion typed by the clerk) can never turn bold on or off, whatever asterisks it
holds. A value may itself be runs (a name a style bolds, a list of such names): its bold
parts stay bold and the rest takes the template's emphasis where it is put.

`optional=True` is for templates whose placeholders may be empty (a person's honorific, role
and organisation): an empty placeholder takes its separator with it and brackets left with
nothing in them go, so "{honorific} {name} ({role}, {organisation})" writes "Ann Lee", "Ann
Lee (Director)", "Dr Ann Lee (NHS England)" — never "()", "(, NHS England)" or a stray space.
The tidying works on the template's own words only, never on a value.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping

from clerk.minutes.document import Inline, Run

Value = str | Inline

_MARK = "**"
# a separator between parts: ", ", "; ", " – ", " - ", " / "
_SEP_END = re.compile(r"(?:\s*[,;–/-])?\s*$")
_SEP_START = re.compile(r"^\s*(?:[,;–/-]\s*)?")


def fill(template: str, *, optional: bool = False, **values: Value) -> Inline:
    """The template with its placeholders filled, as runs (bold where `**` says)."""
    return fill_values(template, values, optional=optional)


def fill_values(template: str, values: Mapping[str, Value], *, optional: bool = False) -> Inline:
    """As `fill`, the values given as a mapping."""
    pieces = _pieces(template)
    if optional:
        pieces = _tidy(pieces, values)
    runs: list[Run] = []
    bold = False
    for kind, text in pieces:
        if kind == "field":
            value = values[text]
            if isinstance(value, str):
                _add(runs, value, bold)
            else:
                for run in value:
                    _add(runs, run.text, bold or run.bold, run.italic)
            continue
        for index, part in enumerate(text.split(_MARK)):
            if index:
                bold = not bold
            _add(runs, part, bold)
    return tuple(runs)


def plain_text(runs: Inline) -> str:
    return "".join(r.text for r in runs)


def join(parts: Iterable[Inline], conjunction: str = "and") -> Inline:
    """Runs as a list, as clerk.prose.join_names writes one: "A", "A and B", "A, B and C"."""
    items = [p for p in parts if plain_text(p)]
    out: list[Run] = []
    for index, item in enumerate(items):
        if index:
            _add(out, f" {conjunction} " if index == len(items) - 1 else ", ", False)
        for run in item:
            _add(out, run.text, run.bold, run.italic)
    return tuple(out)


def sentences(parts: Iterable[Inline]) -> Inline:
    """Sentences run together in one paragraph, a space between them."""
    return join_with(parts, " ")


def join_with(parts: Iterable[Inline], separator: str) -> Inline:
    out: list[Run] = []
    for index, part in enumerate(p for p in parts if plain_text(p)):
        if index:
            _add(out, separator, False)
        for run in part:
            _add(out, run.text, run.bold, run.italic)
    return tuple(out)


def _add(runs: list[Run], text: str, bold: bool, italic: bool = False) -> None:
    """Append, merging with the run before when the emphasis is the same."""
    if not text:
        return
    if runs and runs[-1].bold == bold and runs[-1].italic == italic:
        runs[-1] = Run(runs[-1].text + text, bold, italic)
    else:
        runs.append(Run(text, bold, italic))


def _pieces(template: str) -> list[tuple[str, str]]:
    """("text", words) and ("field", name) in order; "{{" already read as "{"."""
    out: list[tuple[str, str]] = []
    for literal, field, _, _ in string.Formatter().parse(template):
        if literal:
            out.append(("text", literal))
        if field is not None:
            out.append(("field", field))
    return out


def _empty(kind: str, text: str, values: Mapping[str, Value]) -> bool:
    if kind != "field":
        return False
    value = values[text]
    return not (value.strip() if isinstance(value, str) else plain_text(value).strip())


def _tidy(pieces: list[tuple[str, str]], values: Mapping[str, Value]) -> list[tuple[str, str]]:
    """The pieces without empty placeholders, their separators, and brackets left empty."""
    # a bracket of the template's whose placeholders are all empty goes, with the space before
    pieces = _drop_empty_brackets(pieces, values)
    out: list[tuple[str, str]] = []
    for index, (kind, text) in enumerate(pieces):
        if not _empty(kind, text, values):
            out.append((kind, text))
            continue
        before = out[-1][1] if out and out[-1][0] == "text" else None
        after_index = index + 1
        after = pieces[after_index][1] if after_index < len(pieces) else None
        # at the template's start (bold markers aside) or just inside a bracket
        at_start = all(k == "text" and not _bare(t) for k, t in out) or (
            before is not None and _bare(before).endswith("(")
        )
        if before is None and not at_start:
            continue  # between two placeholders: nothing of the template's to tidy
        if at_start:
            if after is not None and pieces[after_index][0] == "text":
                pieces[after_index] = ("text", _strip_start(after))
        elif before is not None:
            ends = after is None or pieces[after_index][0] != "text"
            closing = ends or _bare(after or "").startswith((")", ".", ",", ";", ":"))
            separator = _SEP_START.match(after or "")
            if closing or (separator is not None and separator.group().strip()):
                out[-1] = ("text", _strip_end(before))
            elif before.endswith(" ") and (after or "").startswith(" "):
                out[-1] = ("text", before.rstrip(" ") + _marks_end(before))
    return [p for p in out if p[0] == "field" or p[1]]


def _bare(text: str) -> str:
    return text.replace(_MARK, "").strip()


def _marks_end(text: str) -> str:
    """The bold markers at the end of `text`, after any spaces: kept when spaces are cut."""
    match = re.search(r"(?:\*\*|\s)*$", text)
    return "".join(re.findall(r"\*\*", match.group() if match else ""))


def _strip_end(text: str) -> str:
    """`text` without the separator (and spaces) it ends with; bold markers kept."""
    marks = _marks_end(text)
    core = re.sub(r"(?:\*\*|\s)*$", "", text)
    core = _SEP_END.sub("", core)
    return core + marks


def _strip_start(text: str) -> str:
    match = re.match(r"^(?:\*\*|\s)*", text)
    lead = match.group() if match else ""
    marks = "".join(re.findall(r"\*\*", lead))
    return marks + _SEP_START.sub("", text[len(lead) :], count=1)


def _drop_empty_brackets(
    pieces: list[tuple[str, str]], values: Mapping[str, Value]
) -> list[tuple[str, str]]:
    """Cut out each "( … )" of the template's text whose placeholders are all empty."""
    flat: list[tuple[str, str]] = []  # characters of text, or whole fields
    for kind, text in pieces:
        if kind == "field":
            flat.append(("field", text))
        else:
            flat += [("char", ch) for ch in text]
    stack: list[int] = []
    cut: list[tuple[int, int]] = []
    for index, (kind, text) in enumerate(flat):
        if kind != "char":
            continue
        if text == "(":
            stack.append(index)
        elif text == ")" and stack:
            start = stack.pop()
            inside = flat[start + 1 : index]
            fields = [t for k, t in inside if k == "field"]
            if fields and all(_empty("field", f, values) for f in fields):
                if start > 0 and flat[start - 1] == ("char", " "):
                    start -= 1
                cut.append((start, index))
    drop = {i for start, end in cut for i in range(start, end + 1)}
    out: list[tuple[str, str]] = []
    for index, (kind, text) in enumerate(flat):
        if index in drop:
            continue
        if kind == "field":
            out.append(("field", text))
        elif out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + text)
        else:
            out.append(("text", text))
    return out
