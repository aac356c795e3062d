"""The person matcher: what a clerk types and whom it finds, first."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from clerk.people import (
    best,
    completion,
    exact,
    fold,
    index_words,
    is_full_name,
    rank,
    required_words,
    split_honorific,
)
from clerk.record import Person

ACTON = Person(
    "Heather Acton",
    honorific="Councillor",
    role="Cabinet Member for Family Services and Public Health",
)
CROUCH = Person("Nicky Crouch", role="Interim Director of Family Services")
PEOPLE = [
    Person("Acton Smith"),
    Person("Harry Actonby", honorific="Councillor"),
    CROUCH,
    ACTON,
    Person("Zoë Ångström"),
    Person("Peter O'Neill"),
    Person("Nafsika Butler-Thalassis", honorific="Councillor"),
    Person("Łukasz Żółć", organisation="Healthwatch Westminster"),
    Person("Maria de Souza", surname="de Souza"),
    Person("Kate Souza"),
]


def names(text: str, people: list[Person] = PEOPLE) -> list[str]:
    return [p.name for p in rank(people, text)]


def test_every_way_a_clerk_names_heather_acton_finds_her_first() -> None:
    for typed in (
        "acton",
        "Acton",
        "acton h",
        "Acton, H.",
        "h acton",
        "heather acton",
        "HEATHER ACTON",
        "Cllr Acton",
        "Councillor Heather Acton",
        "cllr. acton",
        "heath",
        "act",
    ):
        assert names(typed)[0] == "Heather Acton", typed


def test_an_initial_does_not_take_the_surname_it_begins() -> None:
    hughes = Person("Heather Hughes")
    assert rank([hughes], "h hughes") == [hughes]
    assert rank([hughes], "hughes h") == [hughes]


def test_surname_first_whole_words_before_beginnings() -> None:
    # Heather Acton's surname is "acton"; Acton Smith's forename; Actonby only begins with it
    assert names("acton") == ["Heather Acton", "Acton Smith", "Harry Actonby"]
    assert names("act")[0] == "Heather Acton"  # a surname beginning before a forename's


def test_accents_case_and_punctuation_fold() -> None:
    assert names("zoe angstrom") == ["Zoë Ångström"]
    assert names("ANGS") == ["Zoë Ångström"]
    assert names("lukasz zolc") == ["Łukasz Żółć"]
    assert names("oneill") == names("o'neill") == names("O’Neill") == ["Peter O'Neill"]
    assert names("thal") == names("butler-thalassis") == ["Nafsika Butler-Thalassis"]
    assert names("onathan") == []  # words are matched from their beginning


def test_a_recorded_surname_is_the_surname() -> None:
    assert names("souza") == ["Maria de Souza", "Kate Souza"]
    assert names("de souza")[0] == "Maria de Souza"


def test_roles_and_organisations_narrow_but_rank_after_names() -> None:
    assert names("director") == ["Nicky Crouch"]
    assert names("healthwatch") == ["Łukasz Żółć"]
    assert names("family") == ["Heather Acton", "Nicky Crouch"]
    assert names("crouch family") == ["Nicky Crouch"]
    # "Family" typed as a name would be: someone called Family comes before a role
    family = Person("Jo Family")
    assert names("family", [*PEOPLE, family])[0] == "Jo Family"


def test_honorifics_are_optional_and_find_by_themselves() -> None:
    acton_no_title = Person("Acton")  # created by mistake, no honorific
    assert names("Cllr Acton", [acton_no_title]) == ["Acton"]
    assert set(names("cllr")) == {"Heather Acton", "Harry Actonby", "Nafsika Butler-Thalassis"}
    assert set(names("coun")) == set(names("cllr"))  # still typing "Councillor"


def test_exact_is_up_to_case_accents_and_honorific() -> None:
    mistake = Person("Acton")
    assert exact([*PEOPLE, mistake], "ACTON") is mistake
    assert exact([*PEOPLE, mistake], "Cllr Acton") is mistake
    assert exact(PEOPLE, "zoe ANGSTROM").name == "Zoë Ångström"
    assert exact(PEOPLE, "Councillor Heather Acton") is ACTON
    assert exact(PEOPLE, "acton") is None  # a surname is not a name
    assert names("acton", [*PEOPLE, mistake])[0] == "Acton"  # the exact name comes first


def test_preferred_people_win_ties() -> None:
    one, two = Person("Sam Jones"), Person("Sam Jones")
    assert rank([one, two], "jones", prefer={two.id}) == [two, one]
    assert rank([one, two], "jones", prefer={one.id}) == [one, two]


def test_best_names_one_person_or_none() -> None:
    assert best(PEOPLE, "acton") is ACTON
    assert best(PEOPLE, "crouch") is CROUCH
    assert best(PEOPLE, "souza") is None or best(PEOPLE, "souza").name == "Maria de Souza"
    assert best([Person("Peter Freeman"), Person("Peter Smith")], "peter") is None
    assert best(PEOPLE, "director") is None  # a role does not name anyone
    assert best(PEOPLE, "nobody") is None


def test_completion_only_when_the_name_begins_with_the_typing() -> None:
    assert completion(PEOPLE, "zoe").name == "Zoë Ångström"
    assert completion(PEOPLE, "Heather A") is ACTON
    assert completion(PEOPLE, "acton").name == "Acton Smith"  # not "Heather Acton"
    assert completion(PEOPLE, "") is None


def test_honorific_and_full_name() -> None:
    assert split_honorific("Cllr  Jane Doe") == ("Councillor", "Jane Doe")
    assert split_honorific("Dr. Ann Lee") == ("Dr", "Ann Lee")
    assert split_honorific("Jane Doe") == ("", "Jane Doe")
    assert split_honorific("Lord") == ("", "Lord")
    assert is_full_name("Catherine Heffernan")
    assert not is_full_name("Acton")
    assert not is_full_name("Cllr Acton")


def test_the_store_prefilter_never_hides_a_match() -> None:
    for typed in ("acton", "cllr acton", "oneill", "director", "lukasz", "coun", "de souza"):
        for person in rank(PEOPLE, typed):
            index = index_words(
                person.name, person.honorific, person.role, person.organisation, person.surname
            )
            assert all(f" {w}" in index for w in required_words(typed)), (typed, person)


# --------------------------------------------------------------------------- property

_LETTERS = "abcdeéèfghiïjklmnoöpqrstuüvwxyzçñå"
_words = st.text(st.sampled_from(_LETTERS), min_size=2, max_size=8).map(str.capitalize)
_surnames = st.one_of(_words, st.tuples(_words, _words).map("-".join))
_people = st.lists(
    st.tuples(
        st.lists(_words, min_size=1, max_size=2),
        _surnames,
        st.sampled_from(["", "Councillor", "Dr"]),
        st.lists(_words, max_size=3).map(" ".join),
    ),
    min_size=1,
    max_size=12,
)


@given(_people, st.data())
def test_a_known_surname_or_name_finds_that_person_first(raw, data) -> None:
    people = [
        Person(" ".join([*forenames, surname]), honorific=honorific, role=role)
        for forenames, surname, honorific, role in raw
    ]
    # distinct people: no two share a surname or a name once accents and case are folded
    surnames = [fold(s) for _f, s, _h, _r in raw]
    assume(len(set(surnames)) == len(surnames))
    assume(len({fold(p.name) for p in people}) == len(people))
    index = data.draw(st.integers(0, len(people) - 1))
    target, (forenames, surname, _h, _r) = people[index], raw[index]
    for typed in (
        surname,
        fold(surname).upper(),
        f"{surname} {forenames[0][0]}",
        f"{fold(surname)}, {forenames[0][0].lower()}.",
        f"{forenames[0][0]} {surname}",
        f"Cllr {surname}",
        fold(target.name),
        target.name.upper(),
        f"Councillor {target.name}",
    ):
        assert rank(people, typed)[0] is target, typed
