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
    return " – ".join(part for part in (role or person.role, person.organisation) if part)


def name_with_role(person: Person, role: str = "") -> str:
    """ "Catherine Heffernan (Principal Advisor … – NHS England)", or the bare name."""
    label = role_label(person, role)
    return f"{person.name} ({label})" if label else person.name


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


def cllr(person: Person, *, short: bool = False) -> str:
    """A person as the minutes' sentences name them: "Councillor Heather Acton" (or "Cllr
    Carmen" with short=True); a non-councillor by name, with any honorific such as "Dr"."""
    if person.is_councillor:
        return f"Cllr {surname(person)}" if short else f"Councillor {person.name}"
    return f"{person.honorific} {person.name}".strip()


# --------------------------------------------------------------------------- pronouns

_PRONOUNS = {
    # subject, object, possessive, reflexive
    "he": ("he", "him", "his", "himself"),
    "she": ("she", "her", "her", "herself"),
    "they": ("they", "them", "their", "themselves"),
}


def pronoun(person: Person, case: str = "subject", *, capital: bool = False) -> str:
    """The person's pronoun in a case ("subject", "object", "possessive", "reflexive");
    "they" when unknown."""
    forms = _PRONOUNS.get(person.pronoun.strip().casefold().split("/")[0], _PRONOUNS["they"])
    word = forms[("subject", "object", "possessive", "reflexive").index(case)]
    return word[:1].upper() + word[1:] if capital else word


def a_or_an(phrase: str) -> str:
    """ "a pecuniary interest", "an other significant interest"."""
    return ("an " if phrase[:1].casefold() in "aeiou" and phrase else "a ") + phrase


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """ "That the report …" -> "that the report …" (leaves acronyms such as "NHS" alone)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
