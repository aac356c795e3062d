"""The sentences clerk's minutes generate, read back: who they name and what they say.

The minutes write attendance, apologies, substitutes, deputies, declarations, votes, late
arrivals and the exclusion of the press and public from the meeting's record, in wording a
house style sets. Reading published minutes back, those sentences must become the record
they were written from again, not paragraphs of text, or the minutes written from the
imported record would say them twice. Each form is a template with {placeholders}, matched
whole; `Forms` holds the ones the built-in styles and the house style guide use, and a
caller may add a style's own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from clerk.importers.agenda_forms import strip_honorific

NAME = r"(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor)?"

#: Words a hoisted resolution ("(1) The Minutes … be approved") may begin with that are not
#: names: these are lowered again when "That" is put back; anything else keeps its capital.
COMMON_STARTS = frozenset(
    [
        "the",
        "a",
        "an",
        "all",
        "any",
        "each",
        "every",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "no",
        "progress",
        "further",
        "officers",
        "members",
        "it",
    ]
)


@dataclass(frozen=True)
class Forms:
    """The wordings of generated sentences that reading accepts; each a style template."""

    membership_none: tuple[str, ...] = (
        "There were no changes to the membership.",
        "There were no apologies for absence.",
    )
    # a membership change: a member left the committee, another joined it
    change_replaced: tuple[str, ...] = (
        "It was noted that {left} had stepped down from the {body} and would be replaced "
        "by {joined}.",
    )
    change_left: tuple[str, ...] = ("It was noted that {left} had stepped down from the {body}.",)
    change_joined: tuple[str, ...] = (
        "It was noted that {joined} had been appointed to the {body}.",
    )
    # the council's published wording of a change, before clerk's (HOUSE_STYLE §3): "for the
    # Committee" and "for this meeting" are slips of the pen, the fact is a membership change
    change_published: tuple[str, ...] = (
        "It was noted that {left} had stepped down for the {body} and would be replaced by "
        "{joined} for this meeting.",
        "It was noted that {left} had stepped down from the {body} and would be replaced by "
        "{joined} for this meeting.",
    )
    apologies: tuple[str, ...] = ("Apologies for absence were received from {names}.",)
    apologies_also: tuple[str, ...] = ("Apologies for absence were also received from {names}.",)
    # for one meeting in place of a member; without {member}: the one who sent apologies
    substitute: tuple[str, ...] = (
        "{substitute} attended as a substitute for {member}.",
        "{substitute} attended as a substitute.",
    )
    deputies: tuple[str, ...] = ("{names} attended as Deputies for {members} respectively.",)
    deputy: tuple[str, ...] = ("{names} attended as Deputy for {member}.",)
    # after "Apologies … from A and B.": the deputies of those members, in the same order
    deputies_respective: tuple[str, ...] = ("{names} attended as their respective Deputies.",)
    deputy_respective: tuple[str, ...] = ("{names} attended as their Deputy.",)
    declarations_none: tuple[str, ...] = (
        "There were no declarations of interest.",
        "No declarations were made.",
        "No declarations were received.",
    )
    approve_minutes: tuple[str, ...] = (
        "That the Minutes of the {committee} meeting held on {date} be approved.",
        "That the Minutes of the {committee} meeting held on {date} be agreed as a correct "
        "record of proceedings.",
        "That the Minutes of the {committee} meeting held on {date} be approved for signature "
        "by the Chairman.",
    )
    ended: tuple[str, ...] = ("The Meeting ended at {time}.", "The meeting ended at {time}.")
    arrived: tuple[str, ...] = ("{name} arrived at {time}{during}.",)
    left: tuple[str, ...] = ("{name} left the meeting at {time}{during}.",)
    # the item recorded, not the time
    arrived_untimed: tuple[str, ...] = ("{name} arrived{during}.",)
    left_untimed: tuple[str, ...] = ("{name} left the meeting{during}.",)
    # an unnumbered note between an item's numbered paragraphs (MinuteParagraph.note)
    note: tuple[str, ...] = ("({text})",)
    # how a declaration names its item: "item {number}, '{title}'" (the title as written)
    declaration_item: tuple[str, ...] = ("item {number}, '{title}'",)
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def with_style(self, templates: dict[str, str]) -> Forms:
        """These forms and a style's own (keyed as the fields here), the style's tried first."""
        values = {}
        for key, template in templates.items():
            if key in self.__dataclass_fields__ and key != "extra" and template:
                values[key] = (template, *getattr(self, key))
        return Forms(**{**self.__dict__, **values})


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.lru_cache(maxsize=256)
def pattern(template: str) -> re.Pattern[str]:
    """A template as a regular expression with a named group per placeholder."""
    out = []
    pos = 0
    seen: set[str] = set()
    for m in _PLACEHOLDER.finditer(template):
        out.append(re.escape(template[pos : m.start()]))
        name = m.group(1)
        if name in seen:
            out.append(f"(?P={name})")
        else:
            # {during} is " during item 4" or nothing; every other value is some words
            out.append(
                rf"(?P<{name}>(?: during item \d{{1,3}}[A-Z]?)?)"
                if name == "during"
                else f"(?P<{name}>.+?)"
            )
            seen.add(name)
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


def match_whole(templates: tuple[str, ...], text: str) -> re.Match[str] | None:
    for template in templates:
        m = pattern(template).fullmatch(text)
        if m:
            return m
    return None


def match_sentences(
    kinds: Sequence[tuple[str, tuple[str, ...]]], text: str
) -> list[tuple[str, re.Match[str]]] | None:
    """`text` as a run of sentences each of one of the kinds' templates ("Apologies … from A.
    B attended as a substitute for C."): (kind, match) for each in order, or None unless
    every sentence is one. A sentence ends at a full stop before a space or the end; the
    shortest reading is tried first, a longer one only when the rest would not read."""
    ends = [m.end() for m in re.finditer(r"\.(?= |$)", text)]
    if not ends or ends[-1] != len(text):  # a style's sentence may end without a full stop
        ends.append(len(text))
    compiled = [(kind, pattern(t)) for kind, templates in kinds for t in templates]
    failed: set[int] = set()  # starts from which the rest does not read: never tried twice

    def from_(pos: int) -> list[tuple[str, re.Match[str]]] | None:
        if pos >= len(text):
            return []
        if pos in failed:
            return None
        for end in ends:
            if end <= pos:
                continue
            for kind, rx in compiled:
                m = rx.fullmatch(text, pos, end)
                if m is None:
                    continue
                rest = from_(end + 1)
                if rest is not None:
                    return [(kind, m), *rest]
        failed.add(pos)
        return None

    return from_(0) if text else None


# --------------------------------------------------------------------------- names


def split_names(text: str) -> list[str]:
    """ "A (Role, Org), B and C" -> ["A (Role, Org)", "B", "C"]: commas and the last " and "
    outside brackets."""
    parts: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and ch == "," and text.startswith(", ", i):
            parts.append(current)
            current = ""
            i += 2
            if text.startswith("and ", i):
                i += 4
            continue
        if depth == 0 and text.startswith(" and ", i):
            parts.append(current)
            current = ""
            i += 5
            continue
        current += ch
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


@dataclass(frozen=True)
class Named:
    """A person as a sentence names them: "Councillor Heather Acton", "Dr X (Role)"."""

    name: str
    honorific: str = ""
    label: str = ""  # what the brackets say: a role, "Chairman", "acting as Deputy"

    @property
    def is_councillor(self) -> bool:
        return self.honorific == "Councillor"


_LABEL = re.compile(r"^(?P<name>.*?)\s*\((?P<label>[^()]*(?:\([^()]*\)[^()]*)*)\)$")


def named(text: str, *, councillor: bool = False) -> Named:
    """One name as written; `councillor` when the list it came from said "Councillors"."""
    text = text.strip().rstrip(".").strip()
    label = ""
    m = _LABEL.match(text)
    if m:
        text, label = m.group("name"), m.group("label").strip()
    honorific, rest = strip_honorific(text)
    if councillor and not honorific:
        honorific = "Councillor"
    return Named(rest, honorific, label)


def named_list(text: str) -> list[Named]:
    """ "Councillors A, B and C", "Councillor A and Dr X (Role)", "A (Role), B (Role)"."""
    text = text.strip().rstrip(".")
    plural = re.match(r"^(?:Councillors|Cllrs\.?)\s+", text)
    if plural:
        rest = text[plural.end() :]
        return [named(part, councillor=True) for part in split_names(rest)]
    return [named(part) for part in split_names(text)]
