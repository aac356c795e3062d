"""Members written one after another on one line with nothing but spaces between them:
"Councillor Ian Adams (Chairman) Councillor Susie Burbridge Councillor Angela Piddock",
"Cllr A Smith (Chair) Cllr B Jones", "Ian Adams - Chair Susie Burbridge Angela Piddock".

A person starts at each honorific written after a name ("Councillor Dr Jane Smith" is one
person: the second honorific follows the first) and after each bracket or dash mark ("(Chair)",
"(Cabinet Member for Housing)", "- Vice-Chair"). Those splits are certain. Where a run of words
is left with neither ("Susie Burbridge Angela Piddock", or everything after "Councillors"), the
names are split as a first name (or initials) and a surname each; that is a guess, said to the
clerk in words, and made only where the caller allows it (a list under a members' label). A run
that cannot be split that way is left out and said, never taken as one long name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from clerk.importers.agenda_forms import (
    CHAIR_MARK,
    DASH_CHAIR_MARK,
    PARTICLES,
    honorific_at,
    is_name_word,
)
from clerk.importers.agenda_people import (
    ROLE_WORDS,
    MemberEntry,
    chair_word,
    mark_role,
    parse_member_line,
)
from clerk.importers.normalise import Line
from clerk.prose import join_names
from clerk.record import MemberRole

# A bracket (a chair mark or a role), a dash chair mark, or a word. Each alternative is
# bounded by characters the others cannot restart inside, so the scan is linear.
_TOKEN = re.compile(
    r"\([^()]*\)|-\s*(?:(?:co|joint|vice|deputy)[- ]?)?chair(?:man|woman|person)?\b|[^\s()]+",
    re.IGNORECASE,
)
#: Words that make a run of capitalised words a heading rather than people's names.
_NOT_NAMES = re.compile(r"\b(?:Agenda|Committee|Sub-Committee|Members|Membership|Meeting|Part)\b")


@dataclass
class _Piece:
    honorific: str = ""
    written: str = ""  # the honorific as written: "Councillors" says several people follow
    words: list[str] = field(default_factory=list)
    mark: str = ""
    role: str = ""


@dataclass(frozen=True)
class RunOn:
    entries: list[MemberEntry]
    guess: str  # what was guessed, in words for the clerk; "" if every split was certain


def read_member_line(
    line: Line, gapped: Callable[[], str], row: int, *, allow_guess: bool, guesses: list[str]
) -> list[MemberEntry] | None:
    """The members on `line`: as a list, a grid or `Name<TAB>Role` (`parse_member_line`); else
    set apart by two spaces (`gapped()`, the line with those read as columns, asked for only
    here: most lines never need it); else run together,
    split at honorifics and marks, or (`allow_guess`) by a guess added to `guesses`."""
    got = parse_member_line(line, row)
    if got is None:
        columns = gapped()
        if columns != line.text and "\t" in columns:
            got = parse_member_line(Line(line.no, columns), row)
    if got and len(got) == 1 and len(line.cells) == 1 and looks_like_several(got[0].name):
        got = None  # "Ian Adams Susie Burbridge" is two people, split below
    if got is None:
        run_on = split_run_on(line.text, line.no, allow_guess=allow_guess)
        if run_on is None:
            return None
        if run_on.guess:
            guesses.append(run_on.guess)
        got = run_on.entries
        for entry in got:
            entry.row = row
    return got


def split_run_on(text: str, line: int, *, allow_guess: bool) -> RunOn | None:
    """The members on a line that names them one after another, or None if it does not."""
    pieces = _pieces(text)
    if not pieces or (len(pieces) == 1 and not _guessable(pieces[0])):
        return None  # one person, or not names: the ordinary readers' business
    entries: list[MemberEntry] = []
    guessed: list[str] = []
    unsplit: list[str] = []
    plural = ""
    for piece in pieces:
        if piece.written.lower() in ("councillors", "cllrs"):
            plural = piece.honorific
        honorific = piece.honorific or plural
        if not piece.words or (not honorific and _NOT_NAMES.search(" ".join(piece.words))):
            return None
        if not honorific and any(ROLE_WORDS.search(w) for w in piece.words):
            return None
        if not _guessable(piece):
            entries.append(_entry(piece, honorific, " ".join(piece.words), line, len(entries)))
            continue
        if not allow_guess:
            return None
        names = _first_and_surname(piece.words)
        if names is None:
            unsplit.append(" ".join(piece.words))
            continue
        for i, name in enumerate(names):
            # the mark and role written after the run belong to its last person
            last = i == len(names) - 1
            own = piece if last else _Piece()
            entries.append(_entry(own, honorific, name, line, len(entries)))
            guessed.append(name)
    if not entries:
        return None
    guess = ""
    if guessed:
        guess = (
            f"Line {line} runs members' names together with only spaces between them; split "
            f"them as a first name (or initials) and a surname each: {join_names(guessed)}. "
            "Check these names against the agenda."
        )
    if unsplit:
        guess += (" " if guess else "") + (
            f"Line {line}: could not tell where one name ends and the next begins in "
            + join_names(f"'{u}'" for u in unsplit)
            + "; add those members by hand."
        )
    return RunOn(entries, guess)


def looks_like_several(name: str) -> bool:
    """Whether a name read as one person has the words of two or more ("Ian Adams Susie
    Burbridge"): more than three, particles joined to the word after them."""
    return len(_units(name.split())) > 3


def _guessable(piece: _Piece) -> bool:
    """Whether the piece holds several names that only a guess can split."""
    units = _units(piece.words)
    plural = piece.written.lower() in ("councillors", "cllrs")
    if piece.honorific and not plural:
        return len(units) > 3  # "Councillor Ian Adams Susie Burbridge"
    return len(units) > 3


def _pieces(text: str) -> list[_Piece]:
    """The line cut where a person certainly starts; [] if a word is not part of a name."""
    pieces: list[_Piece] = []
    current = _Piece()
    skip_to = 0

    def close() -> None:
        nonlocal current
        if current.words or current.honorific:
            pieces.append(current)
        current = _Piece()

    for m in _TOKEN.finditer(text):
        if m.start() < skip_to:
            continue
        token = m.group(0)
        if token.startswith("("):
            if not current.words:
                return []
            chair = CHAIR_MARK.fullmatch(token)
            if chair:
                current.mark = chair.group("mark")
            else:
                current.role = token[1:-1].strip()
            close()
            continue
        if token.startswith("-"):
            dash = DASH_CHAIR_MARK.search(" " + token)
            if not current.words or not dash:
                return []
            current.mark = dash.group("mark")
            close()
            continue
        hon = honorific_at(text, m.start())
        if hon:
            canonical, written, end = hon
            if current.words:
                close()
            if current.honorific:  # "Councillor Dr Jane Smith": Dr is part of the name
                current.words.append(text[m.start() : end].strip())
            else:
                current.honorific, current.written = canonical, written
            skip_to = end
            continue
        if not is_name_word(token):
            return []
        current.words.append(token)
    close()
    return pieces


def _units(words: list[str]) -> list[str]:
    """Words with each particle joined to the word after it ("de Souza")."""
    units: list[str] = []
    pending = ""
    for word in words:
        if word.lower() in PARTICLES:
            pending = f"{pending} {word}".strip()
            continue
        units.append(f"{pending} {word}".strip())
        pending = ""
    if pending:
        units.append(pending)
    return units


def _is_initial(unit: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", unit))


def _first_and_surname(words: list[str]) -> list[str] | None:
    """Split a run of names as initials then a surname, or a first name then a surname."""
    units = _units(words)
    names: list[str] = []
    i = 0
    while i < len(units):
        if _is_initial(units[i]):
            j = i
            while j < len(units) and _is_initial(units[j]):
                j += 1
            if j >= len(units):
                return None  # initials without a surname
            names.append(" ".join(units[i : j + 1]))
            i = j + 1
            continue
        if i + 1 >= len(units) or _is_initial(units[i + 1]):
            return None  # a first name without a surname
        names.append(f"{units[i]} {units[i + 1]}")
        i += 2
    return names


def _entry(piece: _Piece, honorific: str, name: str, line: int, col: int) -> MemberEntry:
    mark = piece.mark
    return MemberEntry(
        name=name,
        honorific=honorific,
        role=piece.role,
        mark=mark_role(mark) if mark else MemberRole.MEMBER,
        chair_word=chair_word(mark) if mark else "",
        line=line,
        row=0,
        col=col,
    )
