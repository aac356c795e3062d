"""The shapes of things on an agenda: page ranges, item and sub-item lines, names.

Pure functions over one normalised line (see `normalise`); the agenda importer decides what a
line is by which of these it matches, not by where it sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk.people import fold

# Dates and times are found by clerk.dates (`find_date`, `find_time`), which reads them the
# same way everywhere in clerk.

EXAMPLE_DATE = "'Monday 25th November, 2019'"
EXAMPLE_TIME = "'7.00 pm' or '10:00 am'"
EXAMPLE_ITEMS = "'1. MEMBERSHIP' or '3. MINUTES (Pages 5 - 10)'"


# --------------------------------------------------------------------------- pages

# The leading white space is taken from the start of its run only: a search restarting at
# every space of a long run and scanning it again takes n² steps. Page numbers have at most
# five digits: int() refuses a number of thousands (ValueError), and no pack is that long.
PAGES = re.compile(
    r"(?:\(\s*|(?<!\s)\s*)\bPages?\s+(?P<a>\d{1,5})(?!\d)(?:\s*(?:-|to)\s*(?P<b>\d{1,5})(?!\d))?"
    r"\s*\)?\.?",
    re.IGNORECASE,
)
PAGES_OPEN = re.compile(r"\(\s*Pages?\s+\d+\s*(?:-|to)?\s*$", re.IGNORECASE)
PAGE_FOOTER = re.compile(r"^(?:Page\s+\d+(?:\s+of\s+\d+)?|\d{1,3})$", re.IGNORECASE)


def split_pages(text: str) -> tuple[str, tuple[int, int | None] | None]:
    """`text` without its "(Pages x - y)" and the pages, if there are any."""
    m = PAGES.search(text)
    if not m:
        return text, None
    rest = (text[: m.start()] + " " + text[m.end() :]).strip(" \t-,")
    rest = re.sub(r"\s{2,}", " ", rest)
    b = m.group("b")
    return rest, (int(m.group("a")), int(b) if b else None)


# --------------------------------------------------------------------------- items

_ITEM = re.compile(
    r"^(?:item\s+)?(?P<n>\d{1,3})(?P<s>[A-Za-z]?)(?P<p>[.):]?)(?:\s+|\t)(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_ITEM_NUMBER_ONLY = re.compile(r"^(?:item\s+)?(?P<n>\d{1,3})(?P<s>[A-Za-z]?)[.):]?$", re.IGNORECASE)
_ROMAN_LOWER = r"(?:x{0,2}(?:ix|iv|v?i{0,3}))"
_ROMAN_UPPER = r"(?:X{0,2}(?:IX|IV|V?I{0,3}))"
_SUB_ITEM = re.compile(
    rf"^(?P<label>\((?:{_ROMAN_LOWER}|{_ROMAN_UPPER}|[a-zA-Z])\)|(?:{_ROMAN_LOWER}|{_ROMAN_UPPER}|[a-zA-Z])\)"
    rf"|(?:{_ROMAN_LOWER}|[a-z])\.)(?:\s+|\t)(?P<rest>\S.*)$"
)


PART_HEADING = re.compile(
    r"^PART\s+(?P<id>\d+|[A-Z]|ONE|TWO|THREE|I{1,3})\b(?P<rest>.*)$", re.IGNORECASE
)


def mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.75


@dataclass(frozen=True)
class ItemLine:
    number: str  # "4", "4A"
    sort_key: tuple[int, str]
    cells: tuple[str, ...]  # what follows the number: the title, pages, perhaps a description
    punctuated: bool  # "4." rather than "4 "


def item_number(n: str, suffix: str) -> tuple[str, tuple[int, str]]:
    return f"{int(n)}{suffix.upper()}", (int(n), suffix.upper())


def match_item(cells: list[str]) -> ItemLine | None:
    """An item line: `N. TITLE`, `N TITLE`, `N.<TAB>TITLE<TAB>(Pages x - y)`; or a number alone."""
    if not cells:
        return None
    first = cells[0]
    m = _ITEM_NUMBER_ONLY.match(first)
    if m:
        number, key = item_number(m.group("n"), m.group("s"))
        return ItemLine(number, key, tuple(cells[1:]), punctuated=first != m.group("n"))
    m = _ITEM.match(first)
    if not m:
        return None
    number, key = item_number(m.group("n"), m.group("s"))
    return ItemLine(number, key, (m.group("rest"), *cells[1:]), punctuated=bool(m.group("p")))


_SUB_LABEL = (
    rf"\((?:{_ROMAN_LOWER}|{_ROMAN_UPPER}|[a-zA-Z])\)|(?:{_ROMAN_LOWER}|{_ROMAN_UPPER}|[a-zA-Z])\)"
)
# "(ii)" alone on a line, its title on the next
_SUB_LABEL_ONLY = re.compile(rf"^(?P<label>{_SUB_LABEL})$")
# "3 (ii) TITLE", "3(ii) TITLE", "3. ii) TITLE": a sub-item written with its item's number
_NUMBERED_SUB_ITEM = re.compile(
    rf"^(?:item\s+)?(?P<n>\d{{1,3}})(?P<s>[A-Za-z]?)\.?\s*(?P<label>{_SUB_LABEL})(?:\s+|\t)"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def sub_label_only(text: str) -> str:
    """The label of a sub-item written alone on its line ("(iv)"), else ""."""
    m = _SUB_LABEL_ONLY.match(text.strip())
    return m.group("label") if m and m.group("label").strip("()") else ""


def match_numbered_sub_item(text: str) -> tuple[tuple[int, str], str, str] | None:
    """("3 (ii) TITLE") -> ((3, ""), "(ii)", "TITLE"): a sub-item with its item's number."""
    m = _NUMBERED_SUB_ITEM.match(text)
    if not m or not m.group("label").strip("()"):
        return None
    return item_number(m.group("n"), m.group("s"))[1], m.group("label"), m.group("rest").strip()


def match_sub_item(text: str) -> tuple[str, str] | None:
    """A sub-item line: `i) TITLE`, `(III) TITLE`, `a) TITLE`, `(b) TITLE`: (label, rest)."""
    m = _SUB_ITEM.match(text)
    if not m or m.group("label") in ("()", ")"):
        return None
    label = m.group("label")
    if label.strip("().") == "":
        return None
    return label, m.group("rest").strip()


# --------------------------------------------------------------------------- names

HONORIFICS: dict[str, str] = {
    # written form (lower case) -> canonical honorific
    "councillors": "Councillor",
    "councillor": "Councillor",
    "cllrs": "Councillor",
    "cllr": "Councillor",
    "cllr.": "Councillor",
    "deputy assistant commissioner": "Deputy Assistant Commissioner",
    "assistant commissioner": "Assistant Commissioner",
    "detective chief superintendent": "Detective Chief Superintendent",
    "det ch supt": "Detective Chief Superintendent",
    "chief superintendent": "Chief Superintendent",
    "ch supt": "Chief Superintendent",
    "detective superintendent": "Detective Superintendent",
    "det supt": "Detective Superintendent",
    "superintendent": "Superintendent",
    "supt": "Superintendent",
    "detective chief inspector": "Detective Chief Inspector",
    "dci": "Detective Chief Inspector",
    "chief inspector": "Chief Inspector",
    "ch insp": "Chief Inspector",
    "detective inspector": "Detective Inspector",
    "inspector": "Inspector",
    "insp": "Inspector",
    "detective sergeant": "Detective Sergeant",
    "sergeant": "Sergeant",
    "sgt": "Sergeant",
    "commander": "Commander",
    "professor": "Professor",
    "prof": "Professor",
    "prof.": "Professor",
    "dr": "Dr",
    "dr.": "Dr",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
    "baroness": "Baroness",
    "reverend": "Reverend",
    "revd": "Reverend",
    "rev": "Reverend",
    "rev.": "Reverend",
    "canon": "Canon",
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
}
_HONORIFIC = re.compile(
    r"^(?P<h>"
    + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
    + r")(?:\s*:)?(?:\s+|$)",
    re.IGNORECASE,
)
PARTICLES = {
    *("de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "le", "la", "bin"),
    *("ó", "ní", "nic"),  # Irish: "Íde Ó Súilleabháin" is listed under O
}
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]*\.?|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+)"
    r"(?:[-'][A-Z]?[a-z]+|[-'][A-Z][a-z]*)*$"
)

_MARK_WORDS = (
    r"(?:co|joint)[- ]?chair(?:man|woman|person)?|vice[- ]?chair(?:man|woman|person)?"
    r"|deputy[- ]chair(?:man|woman|person)?|chair(?:man|woman|person)?"
)
CHAIR_MARK = re.compile(rf"\(\s*(?P<mark>{_MARK_WORDS})\s*\)", re.IGNORECASE)
#: "Ian Adams - Chair": the mark after a dash, at the end of what names one person.
DASH_CHAIR_MARK = re.compile(rf"\s-\s*(?P<mark>{_MARK_WORDS})\s*$", re.IGNORECASE)
# a written honorific where a person starts, anywhere in a line (`_HONORIFIC` is anchored)
_HONORIFIC_AT = re.compile(
    r"(?P<h>"
    + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
    + r")(?:\s*:)?(?=\s|$)",
    re.IGNORECASE,
)


def honorific_at(text: str, pos: int) -> tuple[str, str, int] | None:
    """(canonical honorific, as written, end) if an honorific is written at `pos` in `text`."""
    m = _HONORIFIC_AT.match(text, pos)
    if not m:
        return None
    return HONORIFICS[m.group("h").lower()], m.group("h"), m.end()


def is_name_word(token: str) -> bool:
    """One word of a person's name: capitalised, an initial ("A", "J."), or a particle."""
    return token.lower() in PARTICLES or (
        bool(_NAME_TOKEN.match(token)) and not (len(token) > 2 and token.isupper())
    )


def strip_honorific(text: str) -> tuple[str, str]:
    """(canonical honorific, the rest) for "Cllr Jane Smith", "Chief Superintendent X", "Dr Y"."""
    m = _HONORIFIC.match(text.strip())
    if not m:
        return "", text.strip()
    return HONORIFICS[m.group("h").lower()], text.strip()[m.end() :].strip()


def looks_like_name(text: str) -> bool:
    """Two to five words, each capitalised ("McAllister", "Butler-Thalassis", "O'Neill"),
    allowing particles ("de Souza") and initials; no digits, no all-capital words."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    for i, token in enumerate(tokens):
        if token.lower() in PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        if len(token) > 2 and token.isupper():
            return False
    return True


def surname_of(name: str) -> str:
    """The sort key for a name whose last word is not its surname ("de Souza", "de la
    Cruz"), else ""."""
    tokens = name.split()
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(tokens[start:]) if start < len(tokens) - 1 else ""


def sort_surname(name: str) -> str:
    """The surname a list in A–Z order is sorted by, as compared: without case or accents
    ("Álvarez" among the A's, not after Z)."""
    return fold(surname_of(name) or (name.split() or [""])[-1])


# --------------------------------------------------------------------------- the agenda itself
# (looked for in the header and among the items alike)

AGENDA_MARK = re.compile(
    r"^(?:(?:committee|follow[- ]on|supplementary|additional|revised)\s+)?agenda(?:\s+items)?$",
    re.IGNORECASE,
)
FOLLOW_ON = re.compile(r"\b(follow[- ]on|supplementary|additional|revised)\s+agenda\b", re.I)


def word_count(text: str) -> int:
    return len(text.split())
