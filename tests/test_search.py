"""Searching every meeting: the index kept in step, what the clerk types never breaking FTS5,
exempt matter only when asked for, and each hit named by the reference the minutes print."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.cli import main
from clerk.minutes.compose import compose_minutes
from clerk.minutes.references import find
from clerk.minutes.style import load_style
from clerk.record import MeetingRecord, MinuteParagraph, Part
from clerk.searching import References, search
from clerk.store import SearchQueryError, Store
from tests.minutes_builders import MeetingBuilder


def school_streets(day: date = date(2019, 10, 17), committee: str = "") -> MeetingRecord:
    m = MeetingBuilder(
        committee or "Family and People Services Policy and Scrutiny Committee", day=day
    )
    glanz = m.member("Jonathan Glanz", chair=True, pronoun="he")
    bright = m.member("Margot Bright", pronoun="she")
    m.declare(
        bright,
        None,
        "non-pecuniary interest",
        nature="in that she is a governor of Hallfield School, on a school street",
    )
    m.item("3", "MINUTES")
    streets = m.item("4", "SCHOOL STREETS")
    m.para(streets, "The Cabinet Member introduced the report on school streets.")
    m.para(streets, "Members asked about the café on the corner.", ["Résumé of objections"])
    m.resolve(streets, "That the report be noted.", "That the street closures continue.")
    m.action(streets, "Officers to publish the traffic counts", lead="Director of Highways")
    secret = m.item("5", "DISPOSAL OF A SITE", exempt_paragraphs=[3])
    m.para(secret, "Members considered the confidential valuation of the school site.")
    m.resolve(secret, "That the valuation be accepted.")
    m.declare(glanz, secret, "pecuniary interest", nature="in that he owns the adjoining land")
    del glanz
    return m.build()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "clerk.db")
    s.save_record(school_streets())
    yield s
    s.close()


def kinds(hits) -> list[tuple[str, str]]:
    return [(h.row.kind, h.reference) for h in hits]


def test_every_kind_is_found_and_named_as_the_minutes_name_it(store: Store) -> None:
    hits = search(store, "school")
    found = set(kinds(hits))
    # the title, the two paragraphs about school streets, and the declaration on the agenda
    # as a whole (under item 2 of the minutes); never the exempt item's paragraph
    assert ("item", "4 title") in found
    assert ("paragraph", "4.1") in found
    assert ("declaration", "2.1") in found  # the declarations minute
    assert all(not h.row.exempt for h in hits)
    assert "valuation" not in " ".join(h.text for h in hits)
    assert kinds(search(store, "closures")) == [("resolution", "4 RESOLVED (2)")]
    assert kinds(search(store, "traffic counts")) == [("action", "4 action 1")]
    # each reference finds, in the composed minutes, the passage the snippet came from
    record = store.load_record(hits[0].row.meeting_id)
    document = compose_minutes(record, load_style("westminster"))
    for hit in search(store, "school") + search(store, "closures") + search(store, "cafe"):
        if hit.row.kind in ("paragraph", "resolution", "declaration"):
            passage = find(document, hit.reference)
            assert passage is not None, hit.reference
            if hit.row.kind == "declaration":  # its kind, capacity and nature, in a sentence
                assert set(re.findall(r"[\w-]+", hit.text)) <= set(
                    re.findall(r"[\w-]+", passage.text)
                )
                continue
            for words in hit.text.split("…"):
                assert words.strip() in passage.text.replace("\n", " ")


def test_stems_and_accents_are_folded(store: Store) -> None:
    assert kinds(search(store, "street")) == kinds(search(store, "streets"))
    assert ("paragraph", "4.2") in kinds(search(store, "cafe"))
    assert ("paragraph", "4.2") in kinds(search(store, "resume"))  # a bullet of the paragraph
    (hit,) = search(store, "CAFÉ")
    assert [text for text, matched in hit.parts if matched] == ["café"]


def test_exempt_rows_only_when_asked_and_marked(store: Store) -> None:
    assert search(store, "valuation") == []
    assert search(store, "adjoining land") == []
    hits = search(store, "valuation", exempt=True)
    assert {(h.row.kind, h.row.exempt) for h in hits} == {
        ("paragraph", True),
        ("resolution", True),
    }
    # the confidential minutes' own numbering
    assert ("paragraph", "5.2") in kinds(hits)  # after the declaration on the item, 5.1
    # an exempt item's title is public: the public minutes print it
    (title,) = search(store, "disposal")
    assert (title.row.kind, title.row.exempt, title.reference) == ("item", False, "5 title")


def test_the_index_follows_every_change(store: Store) -> None:
    record = store.load_record(store.list_meetings()[0].id)
    streets = next(i for i in record.items if i.title == "SCHOOL STREETS")
    added = store.add(record.meeting.id, MinuteParagraph(streets.id, "Zoë spoke on parking."))
    assert [h.row_id for h in store.search("zoe")] == [added.id]
    store.update(added, text="Nothing to find here")
    assert store.search("zoe") == []
    store.update(streets, title="LOW TRAFFIC NEIGHBOURHOODS")
    assert [h.row_id for h in store.search("neighbourhood")] == [streets.id]
    assert "item" not in {h.kind for h in store.search("streets")}  # the old title is gone
    # moved into Part 2: its paragraphs are hidden at once, its title stays public
    store.update(streets, part=Part.EXEMPT)
    assert [h.kind for h in store.search("cabinet member")] == []
    assert [h.kind for h in store.search("neighbourhoods")] == ["item"]
    # a meeting moved to another day is found by its new day
    assert store.search("cabinet", since=date(2019, 11, 1)) == []
    store.update_meeting(record.meeting.id, date=date(2019, 12, 2))
    assert store.search("neighbourhoods", since=date(2019, 11, 1))
    store.update(streets, part=Part.PUBLIC)  # and back out of Part 2
    assert [h.kind for h in store.search("cabinet member")] == ["paragraph"]
    store.delete(added)
    store.delete_meeting(record.meeting.id)
    assert store.search("school") == []
    assert store._conn.execute("SELECT count(*) FROM search_docs").fetchone() == (0,)
    assert store._conn.execute("SELECT count(*) FROM search_index").fetchone() == (0,)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'school"',
        '"school',
        '""',
        "*",
        "sch*",
        "-",
        "--school",
        "NEAR",
        "NEAR(school street)",
        "school OR",
        "AND",
        "(",
        ")",
        "body:school",
        "^school",
        "'",
        "school -café",
        "a\x00b",
        "school street NOT",
        "{school}",
        "sch**",
    ],
)
def test_what_the_clerk_types_never_breaks_the_query(store: Store, query: str) -> None:
    try:
        store.search(query)
    except SearchQueryError as exc:
        assert query.strip() in str(exc) and ("look for" in str(exc))


def test_query_forms(store: Store) -> None:
    assert {h.kind for h in store.search("sch*")} >= {"item", "paragraph"}
    assert store.search('"report on school streets"')[0].kind == "paragraph"
    assert store.search('"streets school"') == []  # a phrase keeps its order
    assert "paragraph" not in {h.kind for h in store.search("school -cabinet -governor")}
    with pytest.raises(SearchQueryError, match="leave out"):
        store.search("-school")
    with pytest.raises(SearchQueryError, match="no words"):
        store.search(' "" * ')


def test_committee_and_since_narrow(tmp_path: Path) -> None:
    with Store(tmp_path / "two.db") as store:
        store.save_record(school_streets(date(2019, 10, 17)))
        store.save_record(school_streets(date(2021, 3, 1), committee="Licensing Committee"))
        assert {h.date.year for h in store.search("closures")} == {2019, 2021}
        assert {h.date.year for h in store.search("closures", since=date(2020, 1, 1))} == {2021}
        assert {h.committee for h in store.search("closures", committee="licensing")} == {
            "Licensing Committee"
        }
        assert store.search("closures", committee="planning") == []


def test_references_are_kept_until_forgotten(store: Store) -> None:
    references = References(store)
    (hit,) = search(store, "closures", references=references)
    record = store.load_record(hit.row.meeting_id)
    streets = next(i for i in record.items if i.title == "SCHOOL STREETS")
    store.add(record.meeting.id, MinuteParagraph(streets.id, "An earlier word.", position=-1))
    references.forget(hit.row.meeting_id)
    (hit,) = search(store, "closures", references=references)
    assert hit.reference == "4 RESOLVED (2)"  # a resolution's number does not move
    assert kinds(search(store, "earlier word", references=references)) == [("paragraph", "4.1")]


# --------------------------------------------------------------------------- the command


def clerk(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_clerk_search_prints_each_hit(store: Store) -> None:
    result = clerk(store.path, "search", "closures")
    assert result.exit_code == 0, result.output
    assert "2019-10-17" in result.output and "item 4 SCHOOL STREETS" in result.output
    assert "4 RESOLVED (2)" in result.output and "street closures" in result.output
    assert "EXEMPT" not in clerk(store.path, "search", "school").output


def test_clerk_search_json_and_exempt(store: Store) -> None:
    result = clerk(store.path, "search", "--json", "--exempt", "valuation")
    data = json.loads(result.output)
    assert {(d["kind"], d["exempt"]) for d in data} == {("paragraph", True), ("resolution", True)}
    first = data[0]
    start, end = first["matches"][0]
    assert first["snippet"][start:end].casefold() == "valuation"
    assert first["committee"].startswith("Family and People")
    assert "EXEMPT" in clerk(store.path, "search", "--exempt", "valuation").output
    assert json.loads(clerk(store.path, "search", "--json", "valuation").output) == []


def test_clerk_search_says_what_is_wrong(store: Store) -> None:
    result = CliRunner().invoke(main, ["--db", str(store.path), "search", "--since", "May", "x"])
    assert result.exit_code == 1 and "--since 'May' is not a date" in result.output
    result = CliRunner().invoke(main, ["--db", str(store.path), "search", "--", "-school"])
    assert result.exit_code == 1 and "give a word to look for" in result.output
    result = CliRunner().invoke(main, ["--db", str(store.path), "search", "-c", "audit", "x"])
    assert result.exit_code == 1 and "No committee's name contains 'audit'" in result.output
    result = clerk(store.path, "search", "[bold]nothing[/]")
    assert result.exit_code == 0 and "[bold]nothing[/]" in result.output
