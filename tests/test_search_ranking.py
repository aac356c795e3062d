"""A page of search results is the same page whichever way it was found: ranked among the
best-scored matches alone (the quick way, `search_sql._best_few`) or by ranking every match
joined to what is filtered on. Ties are the hard case: the same words in many meetings (a
standing item's title, a stock sentence) score the same, and the later meeting comes first."""

from __future__ import annotations

import itertools
import random
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.store import Store, search_sql
from tests.minutes_builders import MeetingBuilder

#: From a word in most rows to one in a handful: a page may hold every match or a few of many.
WORDS = ["noted", "school", "streets", "housing", "company", "cafe", "licence", "pimlico"]
WEIGHTS = [40, 20, 12, 8, 5, 3, 2, 1]
COMMITTEES = ["Audit and Performance Committee", "Licensing Committee", "Planning Committee"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Meetings of three committees, some on the same day, whose paragraphs share words and
    often the very sentence (equal scores), under public and exempt items."""
    path = tmp_path_factory.mktemp("ranking") / "clerk.db"
    chance = random.Random(7)

    def sentence() -> str:
        return " ".join(chance.choices(WORDS, WEIGHTS, k=chance.randint(1, 6)))

    stock = [sentence() for _ in range(8)]  # the same sentence, the same score

    def text() -> str:
        return chance.choice(stock) if chance.random() < 0.5 else sentence()

    with Store(path) as store:
        for n in range(24):
            day = date(2019, 1, 1) + timedelta(days=7 * chance.randint(0, 8))
            m = MeetingBuilder(COMMITTEES[n % 3], day=day)
            for number in range(3, 6):
                exempt = chance.random() < 0.3
                item = m.item(str(number), text(), exempt_paragraphs=[3] if exempt else None)
                for _ in range(chance.randint(1, 4)):
                    m.para(item, text())
                if chance.random() < 0.5:
                    m.resolve(item, text())
            store.save_record(m.build())
    yield path


def ranked(db: Path, expression: str, limit: int | None, **filters: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return search_sql.search_rows(conn, expression, limit=limit, **filters)  # type: ignore[arg-type]
    finally:
        conn.close()


@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=2, unique=True),
    limit=st.integers(1, 60),
    spare=st.integers(0, 60),
    many=st.integers(0, 6),
    walk=st.integers(0, 60),
    exempt=st.booleans(),
    since=st.sampled_from([None, "2019-01-22", "2019-02-19"]),
    committees=st.sampled_from([None, "Licensing"]),
)
def test_the_quick_page_is_the_whole_rankings_page(
    db: Path,
    words: list[str],
    limit: int,
    spare: int,
    many: int,
    walk: int,
    exempt: bool,
    since: str | None,
    committees: str | None,
) -> None:
    expression = " AND ".join(f'"{w}"' for w in words)
    conn = sqlite3.connect(db)
    ids = None if committees is None else search_sql.committee_ids(conn, committees)
    conn.close()
    filters = {"committees": ids, "since": since, "exempt": exempt}
    whole = ranked(db, expression, None, **filters)
    names = ("SPARE", "MANY_EQUAL", "WALK")
    kept = [getattr(search_sql, name) for name in names]
    # few or many read from the index, runs of equal scores read by key or by date
    for name, value in zip(names, (spare, many, walk), strict=True):
        setattr(search_sql, name, value)
    try:
        page = ranked(db, expression, limit, **filters)
    finally:
        for name, value in zip(names, kept, strict=True):
            setattr(search_sql, name, value)
    assert page == whole[:limit]


def test_ties_come_latest_meeting_first(db: Path) -> None:
    rows = ranked(db, '"cafe"', None, committees=None, since=None, exempt=True)
    conn = sqlite3.connect(db)
    scores = dict(
        conn.execute(
            "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ?",
            ('"cafe"',),
        )
    )
    docs = dict(conn.execute("SELECT row_id, doc FROM search_docs"))
    conn.close()
    keys = [(scores[docs[r[1]]], r[3]) for r in rows]
    assert len(set(k[0] for k in keys)) < len(keys), "the data has ties to order"
    for (score, day), (next_score, next_day) in itertools.pairwise(keys):
        assert score < next_score or (score == next_score and day >= next_day)


#: Longer paragraphs than a snippet shows, the matches anywhere in them, in other forms
#: ("streets", "street"; "café", "cafe") and among punctuation.
LONG_WORDS = [
    *("school", "streets", "street", "café", "cafe", "licence", "licensing", "Pimlico"),
    *("the", "committee", "noted", "that", "report", "was", "received", "and", "of", "a"),
    *("resident", "concerns", "raised", "about", "traffic", "near", "the", "new", "scheme"),
]


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("snippets") / "clerk.db"
    chance = random.Random(11)

    def text() -> str:
        words = chance.choices(LONG_WORDS, k=chance.randint(3, 60))
        marks = ("", "", "", ",", ".", ";", " –", ":")
        return " ".join(w + chance.choice(marks) for w in words).capitalize() + "."

    with Store(path) as store:
        for n in range(6):
            m = MeetingBuilder(COMMITTEES[n % 3], day=date(2020, 1, 6) + timedelta(days=n))
            item = m.item("4", text()[:60].upper())
            for _ in range(8):
                m.para(item, text())
            m.resolve(item, "That " + text())
            store.save_record(m.build())
    yield path


@given(
    words=st.lists(st.sampled_from(LONG_WORDS[:10]), min_size=1, max_size=3, unique=True),
    prefix=st.booleans(),
    either=st.booleans(),
)
def test_each_snippet_is_the_one_the_index_makes(
    long_db: Path, words: list[str], prefix: bool, either: bool
) -> None:
    """The page's snippets are made over its rows alone: the same, marks and all, as the
    whole index makes for those rows."""
    terms = [f'"{w[:4]}" *' if prefix else f'"{w}"' for w in words]
    expression = (" OR " if either else " AND ").join(terms)
    rows = ranked(long_db, expression, None, committees=None, since=None, exempt=True)
    conn = sqlite3.connect(long_db)
    docs = dict(conn.execute("SELECT row_id, doc FROM search_docs"))
    index = dict(
        conn.execute(
            "SELECT rowid, snippet(search_index, 0, ?, ?, '…', ?) FROM search_index "
            "WHERE search_index MATCH ?",
            (search_sql.MATCH_START, search_sql.MATCH_END, search_sql.SNIPPET_WORDS, expression),
        )
    )
    conn.close()
    assert [r[-1] for r in rows] == [index[docs[r[1]]] for r in rows]
    assert all(search_sql.MATCH_START in r[-1] for r in rows)
