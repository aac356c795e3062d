"""Finding a person from what the clerk types: the one matcher behind every type-ahead.

Pure: no Textual, no SQLite. The store may narrow its people down in SQL first
(`index_words`, `required_words`), but which people match and in what order is decided here.

Clerks think surname first and type whatever comes to hand: "acton", "acton h",
"Cllr Acton", "heather acton" and "HEATHER ACTON" all mean Councillor Heather Acton. So a
person matches when every word typed begins a word of their name, honorific, role or
organisation, ignoring case and accents. Honorifics ("Cllr", "Dr") are optional: typed for
someone whose honorific was never recorded, they do not hide them. The ranking puts a name
typed exactly first, then matches in the name before matches in a role, whole words before
beginnings of words, and the surname before the forenames.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from clerk.record import Person

__all__ = [
    "Match",
    "best",
    "completion",
    "exact",
    "fold",
    "index_words",
    "is_full_name",
    "matches",
    "rank",
    "required_words",
    "sort_key",
    "split_honorific",
]

# Letters that Unicode does not decompose into a base letter and an accent: without these
# "Łukasz" and "Søren" could never be found by typing "lukasz" or "soren".
_LETTERS = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
        "ı": "i", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
        "ð": "d", "Ð": "D",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+")

# Each spelling of an honorific and the one it means: a clerk types "Cllr" for "Councillor".
_HONORIFICS: dict[str, str] = {
    "cllr": "councillor",
    "cllrs": "councillor",
    "councillor": "councillor",
    "councillors": "councillor",
    "dr": "doctor",
    "doctor": "doctor",
    "prof": "professor",
    "professor": "professor",
    "rev": "reverend",
    "revd": "reverend",
    "reverend": "reverend",
    **{w: w for w in ("mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady")},
    **{w: w for w in ("baron", "baroness", "alderman", "canon")},
}
_SPELLINGS: dict[str, frozenset[str]] = {
    meaning: frozenset(s for s, m in _HONORIFICS.items() if m == meaning)
    for meaning in set(_HONORIFICS.values())
}
# How the minutes write an honorific typed in front of a new person's name.
_HOUSE_HONORIFIC = {"councillor": "Councillor"}

# Role words too common to tell anyone apart ("Director of Family Services").
_ROLE_STOPWORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})

# Weights of one typed word's best match. A whole word beats the beginning of one, and the
# surname beats a forename, so "acton" puts Heather Acton before Acton Smith and before
# Heather Actonby. A part of a hyphenated or apostrophed word ("Butler-Thalassis") counts a
# little less than the whole. A role or organisation word counts least: it narrows, it does
# not name.
_WHOLE = {True: 10, False: 8}  # the whole word, typed as written; key: is the surname
_WHOLE_START = {True: 6, False: 4}
_PART = {True: 8, False: 6}
_PART_START = {True: 5, False: 3}
_RESPELT = 1  # less, for the same letters typed otherwise: "abcd" for Ab-Cd, before Abcd
_HONORIFIC = 3
_ROLE, _ROLE_START = 2, 1
_SURNAME_ENDS = 2  # the first or last name word typed is the whole surname: "acton h"


def fold(text: str) -> str:
    """Lower case without accents: "Zoë Łukasz" -> "zoe lukasz"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _tokens(text: str) -> list[tuple[str, ...]]:
    """The folded words of `text`, each as its letters-and-digits parts: "O'Neill" is one
    word of two parts, "o" and "neill"."""
    return [tuple(parts) for token in fold(text).split() if (parts := _WORD.findall(token))]


def _words(text: str) -> list[str]:
    """The folded words of `text` with their punctuation taken out: "O'Neill" -> "oneill"."""
    return ["".join(parts) for parts in _tokens(text)]


def _is_honorific(word: str) -> bool:
    return word in _HONORIFICS


def split_honorific(text: str) -> tuple[str, str]:
    """("Councillor", "Jane Doe") from "Cllr Jane Doe"; ("", text) when no honorific leads
    (or the honorific is all there is: someone called "Lord" keeps their name)."""
    words = " ".join(text.split()).split(" ")
    if len(words) < 2 or not words[0]:
        return "", " ".join(words)
    folded = _words(words[0])
    if len(folded) != 1 or not _is_honorific(folded[0]):
        return "", " ".join(words)
    meaning = _HONORIFICS[folded[0]]
    honorific = _HOUSE_HONORIFIC.get(meaning, words[0].rstrip("."))
    return honorific, " ".join(words[1:])


def is_full_name(text: str) -> bool:
    """Whether `text` reads as someone's full name (two words or more besides an honorific),
    rather than a fragment typed to find someone."""
    _honorific, name = split_honorific(text)
    return sum(1 for parts in _tokens(name) if any(p.isalpha() for p in parts)) >= 2


def sort_key(person: Person) -> tuple[str, str]:
    """Surname, then the whole name, accents and case folded ("Ángel" next to "Angus")."""
    return _sort_key(person.name, person.surname)


@lru_cache(maxsize=20_000)
def _sort_key(name: str, surname: str) -> tuple[str, str]:
    last = surname or (name.split()[-1] if name.split() else "")
    return fold(last), fold(name)


@lru_cache(maxsize=20_000)
def index_words(*texts: str) -> str:
    """Every word a person can be found by, as " word word … ", for a store that narrows
    people down in SQL with `instr(index, ' ' || required_word)` before asking `matches`."""
    words: list[str] = []
    for text in texts:
        for parts in _tokens(text):
            joined = "".join(parts)
            words.append(joined)
            if len(parts) > 1:
                words.extend(parts)
            words.extend(_SPELLINGS.get(_HONORIFICS.get(joined, ""), ()))
    return " " + " ".join(words) + " "


def required_words(text: str) -> list[str]:
    """The typed words every match must begin a word with (honorifics are optional)."""
    return [w for w in _words(text) if not _is_honorific(w)]


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Match:
    person: Person
    exact: bool  # the name as typed, up to case, accents and an honorific in front
    named: bool  # every word found in the name or honorific, none only in a role
    score: int

    @property
    def tier(self) -> int:
        return 0 if self.exact else 1 if self.named else 2


@dataclass(frozen=True)
class _Word:
    parts: tuple[str, ...]
    joined: str
    surname: bool


@dataclass(frozen=True)
class _Person:
    """One person's words, folded once per search."""

    name: tuple[_Word, ...]
    honorifics: frozenset[str]  # every spelling of the person's honorific words
    roles: tuple[str, ...]
    every: tuple[str, ...]  # all of the above, to turn most people away at a glance

    @staticmethod
    def of(person: Person) -> _Person:
        return _person_words(
            person.name, person.honorific, person.role, person.organisation, person.surname
        )

    def is_exact(self, typed: list[tuple[str, ...]]) -> bool:
        """The typed words are the name (up to punctuation inside a word), perhaps after
        honorifics ("Cllr", "Chief Inspector")."""
        name = [w.joined for w in self.name]
        words = ["".join(parts) for parts in typed]
        while True:
            if words == name:
                return True
            if not words or not (_is_honorific(words[0]) or words[0] in self.honorifics):
                return False
            words.pop(0)


# Folding is most of the cost of a search; a type-ahead asks about the same people at
# every key, so each person's words are worked out once.
@lru_cache(maxsize=20_000)
def _person_words(name: str, honorific: str, role: str, organisation: str, surname: str) -> _Person:
    tokens = _tokens(name)
    if surname.strip():
        surnames = set(_words(surname))
        in_surname = ["".join(parts) in surnames for parts in tokens]
    else:
        in_surname = [i == len(tokens) - 1 for i in range(len(tokens))]
    honorifics: set[str] = set()
    for word in _words(honorific):
        honorifics.add(word)
        honorifics.update(_SPELLINGS.get(_HONORIFICS.get(word, ""), ()))
    roles: list[str] = []
    for parts in _tokens(f"{role} {organisation}"):
        roles.extend(p for p in dict.fromkeys(("".join(parts), *parts)) if p not in _ROLE_STOPWORDS)
    words = tuple(
        _Word(parts, "".join(parts), sur) for parts, sur in zip(tokens, in_surname, strict=True)
    )
    every = {w.joined for w in words} | {p for w in words for p in w.parts}
    return _Person(
        name=words,
        honorifics=frozenset(honorifics),
        roles=tuple(roles),
        every=tuple(every | honorifics | set(roles)),
    )


def _match(person: Person, typed: list[tuple[str, ...]]) -> Match | None:
    """How well the typed words (each as its parts) name `person`, or None if one of them
    is found nowhere. Each typed word takes the best word of the person's still free."""
    who = _Person.of(person)
    for parts in typed:
        word = "".join(parts)
        if not _is_honorific(word) and not any(w.startswith(word) for w in who.every):
            return None
    whole_used: set[int] = set()  # name words taken whole
    parts_used: set[tuple[int, int]] = set()  # (word, part) taken by a typed part
    roles_used: set[int] = set()
    took: dict[int, tuple[_Word, bool]] = {}  # typed word -> (name word, taken whole)
    score = 0
    named = True
    found_any = False
    # Longer words first and honorifics last: in "h hughes" the "h" must not take Hughes
    # before "hughes" can, nor "Cllr" the "cllr" of someone called Aa-Cllr.
    words = ["".join(parts) for parts in typed]
    order = sorted(range(len(typed)), key=lambda n: (_is_honorific(words[n]), -len(words[n]), n))
    for n in order:
        parts = typed[n]
        word = "".join(parts)
        weight, kind, index, part, whole = 0, "", -1, -1, False
        for i, name_word in enumerate(who.name):
            if i in whole_used:
                continue
            sur = name_word.surname
            # a word already partly taken ("butler" of Butler-Thalassis) cannot be taken whole
            touched = any((i, k) in parts_used for k in range(len(name_word.parts)))
            w = 0
            if not touched and name_word.joined == word:
                w = _WHOLE[sur] - (0 if name_word.parts == parts else _RESPELT)
            elif not touched and name_word.joined.startswith(word):
                w = _WHOLE_START[sur]
            if w > weight:
                weight, kind, index, part, whole = w, "name", i, -1, w >= _WHOLE[sur] - _RESPELT
            if len(parts) > 1 or len(name_word.parts) < 2:
                continue  # a hyphenated typed word only matches a whole word
            for k, name_part in enumerate(name_word.parts):
                if (i, k) in parts_used:
                    continue
                if name_part == word:
                    w = _PART[sur]
                elif name_part.startswith(word):
                    w = _PART_START[sur]
                else:
                    continue
                if w > weight:
                    weight, kind, index, part, whole = w, "name", i, k, False
        # who.honorifics holds every spelling, so "cllr" and "coun" both find a Councillor
        if weight < _HONORIFIC and any(h.startswith(word) for h in who.honorifics):
            weight, kind = _HONORIFIC, "honorific"
        if weight < _ROLE:
            for j, role_word in enumerate(who.roles):
                if j in roles_used:
                    continue
                w = _ROLE if role_word == word else _ROLE_START if role_word.startswith(word) else 0
                if w > weight:
                    weight, kind, index = w, "role", j
        if not weight:
            if _is_honorific(word):
                continue  # "Cllr" typed for someone whose honorific was never recorded
            return None
        found_any = True
        score += weight
        if kind == "name":
            if part < 0:
                whole_used.add(index)
            else:
                parts_used.add((index, part))
            took[n] = (who.name[index], whole)
        elif kind == "role":
            roles_used.add(index)
            named = False
    if not found_any:
        return None
    # The whole surname typed first ("acton h") or last ("h acton"): where a clerk puts it.
    ends = (took[min(took)], took[max(took)]) if took else ()
    if any(name_word.surname and whole for name_word, whole in ends):
        score += _SURNAME_ENDS
    return Match(person, exact=who.is_exact(typed), named=named and bool(took), score=score)


def matches(people: Iterable[Person], text: str, *, prefer: Collection[str] = ()) -> list[Match]:
    """Everyone `text` could mean, best first. Among equally good matches the people whose
    ids are in `prefer` (those at the meeting) come first, then by surname."""
    typed = _tokens(text)
    if not typed:
        return []
    found = [m for p in people if (m := _match(p, typed)) is not None]
    found.sort(key=lambda m: (m.tier, -m.score, m.person.id not in prefer, sort_key(m.person)))
    return found


def rank(
    people: Iterable[Person],
    text: str,
    *,
    prefer: Collection[str] = (),
    limit: int | None = None,
) -> list[Person]:
    """The people `text` could mean, best first (see `matches`)."""
    return [m.person for m in matches(people, text, prefer=prefer)][:limit]


def exact(people: Iterable[Person], text: str, *, prefer: Collection[str] = ()) -> Person | None:
    """The person called exactly `text`, up to case, accents and an honorific, or None."""
    return next((m.person for m in matches(people, text, prefer=prefer) if m.exact), None)


def best(people: Iterable[Person], text: str) -> Person | None:
    """The one person `text` names: called exactly that, or matched by name better than
    anyone else. None when it could be two people, or only a role matched."""
    found = matches(people, text)
    if not found or found[0].tier > 1:
        return None
    first = found[0]
    if first.exact or len(found) == 1:
        return first.person
    second = found[1]
    return first.person if (first.tier, -first.score) < (second.tier, -second.score) else None


def completion(people: Iterable[Person], text: str) -> Person | None:
    """The best match whose name begins with what was typed, for completing it in place."""
    typed = text.lstrip()
    if not typed:
        return None
    for match in matches(people, typed):
        name = match.person.name
        if len(name) >= len(typed) and fold(name[: len(typed)]) == fold(typed):
            return match.person
    return None
