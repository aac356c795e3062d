"""The house wording's small parts: lists of names, dates, times, people with their roles.

Pure functions of plain values (and `Person`); `compose` strings them into sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# dates and times are written by clerk.dates, the one place that knows the names of the
# months and days; the house wording reaches them from here too
from clerk.dates import clock_time as clock_time
from clerk.dates import long_date as long_date
from clerk.dates import ordinal as ordinal
from clerk.prose import join_names
from clerk.record import Person


def role_label(person: Person, role: str = "") -> str:
    """What goes in the brackets after a name: the role and organisation joined by an en dash
    ("Principal Advisor … – NHS England"), either alone, or ""."""
    # a role typed as nothing but spaces is no role: never "( )" or "(  – NHS England)"
    parts = (role if role.strip() else person.role, person.organisation)
    return " – ".join(part for part in parts if part.strip())


def name_with_role(person: Person, role: str = "", *, honorific: bool = False) -> str:
    """ "Catherine Heffernan (Principal Advisor … – NHS England)", or the bare name; with
    honorific=True a non-councillor's honorific leads ("Dr Ann Lee (…)")."""
    label = role_label(person, role)
    name = cllr(person) if honorific else person.name
    return f"{name} ({label})" if label else name


def people_list(people: Sequence[Person], roles: dict[str, str] | None = None) -> str:
    """People as the minutes list them, in the order given: "Councillor Heather Acton",
    "Councillors A and B" (the honorific once when all are councillors); with others among
    them each is named in full, "Councillor A, Dr B (Role) and Councillor C", so that the
    order (A–Z, or matching another list) is kept."""
    roles = roles or {}
    if people and all(p.is_councillor for p in people):
        return councillor_list([p.name for p in people])
    return join_names(
        cllr(p) if p.is_councillor else name_with_role(p, roles.get(p.id, ""), honorific=True)
        for p in people
    )


def surname(person: Person) -> str:
    return person.surname or (person.name.split()[-1] if person.name.split() else "")


def by_surname(people: Iterable[Person]) -> list[Person]:
    """A–Z by surname, then by full name (so the order never depends on the input's)."""
    return sorted(people, key=lambda p: (p.sort_key, p.id))


def councillor_list(names: Sequence[str], singular: str = "Councillor") -> str:
    """ "Councillor A", "Councillors A, B and C": the honorific once, plural when needed."""
    if not names:
        return ""
    word = singular if len(names) == 1 else plural_honorific(singular)
    return f"{word} {join_names(names)}"


def plural_honorific(word: str) -> str:
    return {"Councillor": "Councillors", "Cllr": "Cllrs", "Cllr.": "Cllrs."}.get(word, word + "s")


def cllr(person: Person) -> str:
    """A person as the minutes' sentences name them: "Councillor Heather Acton" (one form
    throughout, however the honorific was typed); a non-councillor by name, with any
    honorific such as "Dr"."""
    if person.is_councillor:
        return f"Councillor {person.name}"
    return f"{person.honorific} {person.name}".strip()


# --------------------------------------------------------------------------- pronouns

_PRONOUNS = {
    # subject, object, possessive, reflexive
    "he": ("he", "him", "his", "himself"),
    "she": ("she", "her", "her", "herself"),
    "they": ("they", "them", "their", "themselves"),
}


def pronoun(person: Person, case: str = "subject", *, capital: bool = False) -> str:
    """The person's pronoun in a case ("subject", "object", "possessive", "reflexive"), or ""
    when the record does not hold one: the minutes never guess a pronoun, they use the name."""
    forms = _PRONOUNS.get(person.pronoun.strip().casefold().split("/")[0])
    if forms is None:
        return ""
    word = forms[("subject", "object", "possessive", "reflexive").index(case)]
    return word[:1].upper() + word[1:] if capital else word


# Words spelt with a vowel that sound a consonant ("a unique", "a one-off", "a European"),
# and with an h that is not sounded ("an honorary").
_A_BEFORE = ("uni", "use", "usu", "uti", "eu", "one", "once")
_AN_BEFORE = ("hon", "hour", "heir")


def a_or_an(phrase: str) -> str:
    """ "a pecuniary interest", "an interest", "a unique …", "an honorary …"."""
    word = phrase.strip().casefold()
    vowel = word[:1] in tuple("aeiou") and not word.startswith(_A_BEFORE)
    return ("an " if vowel or word.startswith(_AN_BEFORE) else "a ") + phrase


def interest(kind: str) -> str:
    """The kind of interest as a declaration names it, with its article: "a pecuniary
    interest", "a significant interest" for the code's "other significant interest" (the
    "other" only sets the category apart from the one listed before it in the code; "an
    other significant interest" is not English)."""
    name = " ".join(kind.split())
    if name[:6].casefold() == "other " and len(name) > 6:
        name = name[6:]
    return a_or_an(name)


# Short words a title in title case keeps in lower case, after its first word.
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "upon", "via", "with"}
)


def title_as_written(title: str) -> str:
    """An agenda item's title as the minutes' sentences quote it: a title the agenda prints in
    capitals in title case ("WESTMINSTER'S YOUTH JUSTICE PLAN, 2019-2022" -> "Westminster's
    Youth Justice Plan, 2019-2022"), keeping what reads as an acronym ("NHS", "CCG": no
    vowel) and anything with a digit; a title already in mixed case as it is."""
    title = " ".join(title.split())
    if any(ch.islower() for ch in title):
        return title
    words = title.split(" ")
    out = []
    for index, word in enumerate(words):
        parts = []
        for part in word.split("-"):
            letters = "".join(ch for ch in part if ch.isalpha())
            if not letters or any(ch.isdigit() for ch in part):
                parts.append(part)
            elif not any(ch in "AEIOUY" for ch in letters.upper()):
                parts.append(part)  # an acronym: "NHS", "CCG", "BCF"
            elif index > 0 and letters.casefold() in _SMALL_WORDS and part.isalpha():
                parts.append(part.lower())
            else:
                lowered = part.lower()
                first = next((i for i, ch in enumerate(lowered) if ch.isalpha()), 0)
                parts.append(lowered[:first] + lowered[first].upper() + lowered[first + 1 :])
        out.append("-".join(parts))
    return " ".join(out)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """ "That the report …" -> "that the report …" (leaves acronyms such as "NHS" alone)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
