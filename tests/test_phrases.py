"""The small parts of the house wording."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.minutes import phrases
from clerk.record import Person


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["A"], "A"),
        (["A", "B"], "A and B"),
        (["A", "B", "C"], "A, B and C"),
        (["A", "", "C"], "A and C"),
    ],
)
def test_join_names(names: list[str], expected: str) -> None:
    assert phrases.join_names(names) == expected


# words that cannot hold a comma or an "and" of their own, so the joins are all the join's
_WORD = st.text(alphabet="bcdefghijklmnopqrstuvwxyz0123456789 ()'-", min_size=1).filter(
    lambda w: w.strip() == w and w != ""
)


@given(st.lists(_WORD, max_size=12))
def test_any_list_is_joined_the_house_way(words: list[str]) -> None:
    """ "A, B and C": one " and ", before the last; commas between the rest; each word once,
    in order; no Oxford comma."""
    joined = phrases.join_names(words)
    if len(words) < 2:
        assert joined == "".join(words)
        return
    assert joined.count(" and ") == 1
    head, last = joined.split(" and ")
    assert last == words[-1]
    assert head.split(", ") == words[:-1]
    assert not head.endswith(",")


def test_long_dates() -> None:
    assert phrases.long_date(date(2019, 10, 17)) == "Thursday 17 October 2019"
    assert (
        phrases.long_date(date(2019, 11, 25), "{weekday} {day_ordinal} {month}, {year}")
        == "Monday 25th November, 2019"
    )
    assert [phrases.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("moment", "template", "expected"),
    [
        (time(20, 59), "{h12}.{mm} {ampm}", "8.59 pm"),
        (time(19, 0), "{h12}.{mm} {ampm}", "7.00 pm"),
        (time(20, 59), "{h12}.{mm}{ampm}", "8.59pm"),
        (time(20, 59), "{HH}:{mm}", "20:59"),
        (time(9, 5), "{HH}:{mm}", "09:05"),
        (time(10, 30), "{h12}.{mm} {ampm}", "10.30 am"),
        (time(12, 0), "{h12}.{mm} {ampm}", "12.00 noon"),
        (time(12, 0), "{h12}.{mm}{ampm}", "12.00 noon"),
        (time(12, 30), "{h12}.{mm} {ampm}", "12.30 pm"),
        (time(0, 0), "{h12}.{mm} {ampm}", "12.00 midnight"),
        (time(0, 15), "{h12}.{mm} {ampm}", "12.15 am"),
    ],
)
def test_times(moment: time, template: str, expected: str) -> None:
    assert phrases.clock_time(moment, template) == expected


def test_names_with_roles() -> None:
    officer = Person("Bernie Flaherty", role="Executive Director, Adult Social Care and Health")
    nhs = Person("Catherine Heffernan", role="Principal Advisor", organisation="NHS England")
    ccg = Person("Kevin Driscoll", organisation="Central London CCG")
    assert phrases.name_with_role(officer) == (
        "Bernie Flaherty (Executive Director, Adult Social Care and Health)"
    )
    assert phrases.name_with_role(nhs) == "Catherine Heffernan (Principal Advisor – NHS England)"
    assert phrases.name_with_role(ccg) == "Kevin Driscoll (Central London CCG)"
    assert phrases.name_with_role(Person("Jo Bloggs")) == "Jo Bloggs"
    assert phrases.name_with_role(officer, "Acting Director") == "Bernie Flaherty (Acting Director)"


def test_councillor_lists_and_forms() -> None:
    assert phrases.councillor_list(["A"]) == "Councillor A"
    assert phrases.councillor_list(["A", "B", "C"]) == "Councillors A, B and C"
    assert phrases.councillor_list([]) == ""
    carmen = Person("Alan Carmen", honorific="Councillor")
    assert phrases.cllr(carmen) == "Councillor Alan Carmen"
    # one form throughout, however the honorific was typed
    assert phrases.cllr(Person("Alan Carmen", honorific="Cllr")) == "Councillor Alan Carmen"
    assert phrases.cllr(Person("Neville Purssell", honorific="Dr")) == "Dr Neville Purssell"


def test_surname_sorting() -> None:
    people = [
        Person("Selina Short"),
        Person("Patricia McAllister"),
        Person("Nafsika Butler-Thalassis"),
        Person("Ann de Souza", surname="de Souza"),
        Person("Margot Bright"),
    ]
    assert [p.name for p in phrases.by_surname(people)] == [
        "Margot Bright",
        "Nafsika Butler-Thalassis",
        "Ann de Souza",
        "Patricia McAllister",
        "Selina Short",
    ]


def test_pronouns() -> None:
    assert phrases.pronoun(Person("A", pronoun="she"), capital=True) == "She"
    assert phrases.pronoun(Person("A", pronoun="he"), "possessive") == "his"
    assert phrases.pronoun(Person("A", pronoun="They/them"), "object") == "them"
    # none recorded: no pronoun is guessed (the minutes use the name)
    assert phrases.pronoun(Person("A")) == ""
    assert phrases.pronoun(Person("A", pronoun="ze"), capital=True) == ""
    assert phrases.interest("other significant interest") == "a significant interest"
    assert phrases.interest("Other Registrable Interest") == "a Registrable Interest"
    assert phrases.interest("interest") == "an interest"
    assert phrases.a_or_an("unpaid directorship") == "an unpaid directorship"
    assert phrases.a_or_an("unique interest") == "a unique interest"
    assert phrases.a_or_an("honorary post") == "an honorary post"
    assert phrases.a_or_an("pecuniary interest") == "a pecuniary interest"


def test_titles_as_the_minutes_quote_them() -> None:
    assert phrases.title_as_written(
        "WESTMINSTER'S YOUTH JUSTICE, STRATEGIC PARTNERSHIP PLAN, 2019-2022, A PATHWAY TO "
        "POSITIVE CHOICES"
    ) == (
        "Westminster's Youth Justice, Strategic Partnership Plan, 2019-2022, a Pathway to "
        "Positive Choices"
    )
    assert phrases.title_as_written("2019/20 WORK PROGRAMME AND ACTION TRACKER") == (
        "2019/20 Work Programme and Action Tracker"
    )
    assert phrases.title_as_written("NHS AND CCG UPDATE") == "NHS and CCG Update"
    assert phrases.title_as_written("Already in Mixed Case") == "Already in Mixed Case"
    assert phrases.title_as_written("SELF-CONSENT") == "Self-Consent"
