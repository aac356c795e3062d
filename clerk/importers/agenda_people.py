"""Who is on an agenda: the members' list (a TAB grid, `Name<TAB>Role` lines or one line of
names), the chair marks and the committee officer named in the boilerplate."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from clerk.importers.agenda_forms import (
    CHAIR_MARK,
    DASH_CHAIR_MARK,
    looks_like_name,
    sort_surname,
    strip_honorific,
)
from clerk.importers.normalise import Line
from clerk.record import MemberRole

#: Roles that only a councillor holds: a member with one of these is a councillor.
_COUNCILLOR_ROLES = re.compile(
    r"^(?:deputy\s+)?(?:cabinet member|lead member|leader of the|deputy leader|lord mayor|"
    r"chairman of the council|ward councillor|opposition)",
    re.IGNORECASE,
)


@dataclass
class MemberEntry:
    name: str
    honorific: str
    role: str  # "Bi-Borough Director of Public Health"; "" for most councillors
    mark: MemberRole  # from "(Chairman)", "(Co-Chair)", "(Vice-Chairman)"
    chair_word: str  # "Chairman" or "Chair" as written in the mark, "" if none
    line: int
    row: int
    col: int


def _split_list(text: str) -> list[str]:
    """Split "A (Chairman), B, C and D" at commas and " and ", not inside brackets."""
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
        if depth == 0 and (ch in ",;" or text.startswith(" and ", i) or text.startswith(" & ", i)):
            parts.append(current)
            current = ""
            i += 1 if ch in ",;" else (5 if text.startswith(" and ", i) else 3)
            continue
        current += ch
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def chair_word(mark: str) -> str:
    return "Chairman" if "chairman" in mark.lower() else "Chair"


def mark_role(mark: str) -> MemberRole:
    low = mark.lower().replace(" ", "-")
    if low.startswith(("co", "joint")):
        return MemberRole.CO_CHAIR
    if low.startswith(("vice", "deputy")):
        return MemberRole.VICE_CHAIR
    return MemberRole.CHAIR


#: Words that make a cell a role or an organisation rather than a person's name.
ROLE_WORDS = re.compile(
    r"\b(?:Healthwatch|NHS|CCG|Police|Council|Borough|Director|Member|Officer|Chair|Chairman|"
    r"Chief|Commander|Executive|Trust|Service|Services|Partnership|Group|Health|Care|Board|"
    r"Commissioning|Representative|Manager|Head|Lead|Leader|Cabinet|Association|Forum|"
    r"Voluntary|Network|Foundation|Hospital|Authority|Team|Office|Commissioner)\b"
)


def parse_person(text: str) -> tuple[str, str, str, str, str] | None:
    """(honorific, name, role-in-brackets, chair mark, chair word) from one written person,
    e.g. "Cllr Jonathan Glanz (Chairman)"; None if it is not a name."""
    text = text.strip().strip(",;").strip()
    mark = ""
    m = CHAIR_MARK.search(text) or DASH_CHAIR_MARK.search(text)
    if m:
        mark = m.group("mark")
        text = (text[: m.start()] + text[m.end() :]).strip()
    role = ""
    m2 = re.search(r"\(([^()]*)\)\s*$", text)
    if m2:
        role = m2.group(1).strip()
        text = text[: m2.start()].strip()
    honorific, name = strip_honorific(text)
    if honorific == "Councillor":
        # "Councillor Dr Jane Smith": keep the second honorific in the name
        second, rest = strip_honorific(name)
        if second and second != "Councillor" and looks_like_name(rest):
            name = f"{second} {rest}"
            return honorific, name, role, mark, chair_word(mark) if mark else ""
    if not looks_like_name(name) or (not honorific and ROLE_WORDS.search(name)):
        return None
    if any(w.lower().rstrip(".") in ("councillor", "cllr") for w in name.split()):
        return None  # "Ian Adams Councillor Susie Burbridge": two people (agenda_run_on)
    return honorific, name, role, mark, chair_word(mark) if mark else ""


def _entry(parsed: tuple[str, str, str, str, str], role: str, line: int, row: int, col: int):
    honorific, name, bracket_role, mark, word = parsed
    return MemberEntry(
        name=name,
        honorific=honorific,
        role=role or bracket_role,
        mark=mark_role(mark) if mark else MemberRole.MEMBER,
        chair_word=word,
        line=line,
        row=row,
        col=col,
    )


def parse_member_line(line: Line, row: int) -> list[MemberEntry] | None:
    """The members on one line of a members' list, or None if the line is not one."""
    cells = line.cells
    if not cells:
        return None
    if len(cells) == 1 and ":" in cells[0]:
        label, _, value = cells[0].partition(":")
        if strip_honorific(label)[0] == "Councillor" and not strip_honorific(label)[1]:
            cells = [value.strip()] if value.strip() else []
            if not cells:
                return None
        else:
            return None
    people = [parse_person(c) for c in cells]
    if len(cells) >= 2 and people[0] and not any(people[1:]):
        # Name<TAB>Role (a third cell is the organisation)
        return [_entry(people[0], ", ".join(cells[1:]), line.no, row, 0)]
    if all(people):
        return [_entry(p, "", line.no, row, col) for col, p in enumerate(people) if p]
    if len(cells) == 1:
        parts = _split_list(cells[0])
        listed = [parse_person(p) for p in parts]
        if len(parts) >= 2 and all(listed):
            return [_entry(p, "", line.no, row, col) for col, p in enumerate(listed) if p]
        if len(parts) >= 2 and listed[0] and not any(listed[1:]):
            return [_entry(listed[0], ", ".join(parts[1:]), line.no, row, 0)]
    return None


def _in_order_pairs(entries: list[MemberEntry]) -> int:
    names = [sort_surname(e.name) for e in entries if e.mark is MemberRole.MEMBER]
    return sum(a <= b for a, b in itertools.pairwise(names))


def reading_order(entries: list[MemberEntry]) -> tuple[list[MemberEntry], str]:
    """Members of a grid in reading order, and a sentence for the clerk if that was a guess.

    A grid read down its columns and the same grid read across give different orders; the one
    that puts the members (chair aside) in A-Z order by surname wins, across on a tie.
    """
    rows = {e.row for e in entries}
    cols = {e.col for e in entries}
    if len(rows) < 2 or len(cols) < 2:
        return entries, ""
    across = sorted(entries, key=lambda e: (e.row, e.col))
    down = sorted(entries, key=lambda e: (e.col, e.row))
    first, last = min(e.line for e in entries), max(e.line for e in entries)
    where = f"lines {first}–{last}" if first != last else f"line {first}"
    if _in_order_pairs(down) > _in_order_pairs(across):
        names = ", ".join(e.name for e in down)
        return down, (
            f"Read the member grid down the columns ({where}), the order that puts the "
            f"surnames A–Z: {names}."
        )
    names = ", ".join(e.name for e in across)
    return across, (
        f"Read the member grid across the rows ({where}); reading down the columns did not "
        f"put the surnames in better A–Z order: {names}."
    )


def is_councillor_role(role: str) -> bool:
    return bool(_COUNCILLOR_ROLES.match(role))


# --------------------------------------------------------------------------- the officer

_OFFICER = re.compile(
    r"contact(?:ing)?\s+(?:the\s+)?"
    r"(?P<title>(?:(?:Senior|Principal|Lead)\s+)?(?:Committee|Governance|Democratic Services|"
    r"Committee and Governance|Committee & Governance)\s+(?:Officer|Manager|Adviser|Advisor|Clerk)"
    r"|Clerk(?:\s+to\s+the\s+(?:Committee|Board|Sub-Committee|Cabinet))?)"
    r"\s*,\s*(?P<name>[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+){1,3})"
    r"(?:\s*,\s*(?P<title2>[A-Z][^.;]*?))?\s*(?:[.;]|$)"
)
# from the start of a run of address characters only: not restarting inside it (n² steps)
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(
    r"(?:\b(?:Tel(?:ephone)?|Phone|T)\b\.?\s*:?\s*)?"
    r"(?P<n>(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\d ]{6,9}\d)\b"
)


@dataclass(frozen=True)
class OfficerFound:
    name: str
    role: str
    email: str
    phone: str
    line: int


def find_officer(lines: list[Line]) -> OfficerFound | None:
    """The committee officer of "please contact the Committee Officer, NAME[, TITLE]." with
    the e-mail address and telephone number that follow it."""
    paragraphs: list[tuple[int, str]] = []
    current: list[Line] = []
    for line in [*lines, Line(0, "")]:
        if line.text:
            current.append(line)
        elif current:
            paragraphs.append((current[0].no, " ".join(c.text.replace("\t", " ") for c in current)))
            current = []
    for index, (no, text) in enumerate(paragraphs):
        m = _OFFICER.search(text)
        if not m:
            continue
        after = " ".join(t for _, t in [(no, text[m.end() :]), *paragraphs[index + 1 : index + 4]])
        before = " ".join(t for _, t in paragraphs[max(0, index - 2) : index])
        email = EMAIL.search(after) or EMAIL.search(before)
        phone = _PHONE.search(after) or _PHONE.search(before)
        role = (m.group("title2") or m.group("title")).strip()
        return OfficerFound(
            name=m.group("name").strip(),
            role=role,
            email=email.group(0).rstrip(".") if email else "",
            phone=re.sub(r"\s+", " ", phone.group("n")).strip() if phone else "",
            line=no,
        )
    return None
