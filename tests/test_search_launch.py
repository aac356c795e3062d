"""`clerk search` printed straight from clerk.launch (no click, no store package, no record)
prints byte for byte what the click command prints, and leaves everything else to it; what
clerk.store.search_sql copies to run alone is held equal to where it comes from."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk import launch
from clerk.migrations import APPLICATION_ID, SCHEMA_VERSION, SEARCH_TOKENIZE
from clerk.minutes.references import resolution_label
from clerk.minutes.style import HouseStyle, load_style
from clerk.minutes.voting import clause
from clerk.store import Store, search_sql
from tests.minutes_builders import MeetingBuilder
from tests.test_search import school_streets

FULL = "import sys; from clerk.cli import main; main(prog_name='python -m clerk')"


def housing():
    """A meeting of a committee in the board house style, with its membership and
    declarations items."""
    m = MeetingBuilder("Housing Policy and Scrutiny Committee", standard=False)
    lee = m.member("Ann Lee", chair=True, pronoun="she")
    membership = m.item("1", "MEMBERSHIP")
    declarations = m.item("2", "DECLARATIONS OF INTEREST")
    company = m.item("3", "HOUSING COMPANY")
    m.para(membership, "Apologies were recorded from the portfolio holder.")
    m.declare(lee, company, "pecuniary interest", nature="in that she is a company director")
    m.para(company, "The Committee considered the business plan for the year.")
    m.resolve(company, "That the business plan be approved.")
    del declarations
    record = m.build()
    return replace(record, committee=replace(record.committee, style="board"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "clerk.db"
    with Store(path) as store:
        store.save_record(school_streets())
        store.save_record(housing())
    return path


def run(command: list[str], *args: str) -> tuple[int, bytes, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "CLERK_DB"}
    done = subprocess.run(
        [sys.executable, *command, *args], capture_output=True, timeout=60, env=env
    )
    return done.returncode, done.stdout, done.stderr


#: (arguments after `search`, whether clerk.launch prints them itself)
FORMS = [
    (["closures"], True),
    (["--json", "closures"], True),
    (["cafe"], True),  # accents folded; a bullet's line break printed as a space
    (["traffic"], True),  # an action
    (["-c", "family", "closures"], True),
    (["closures", "--committee=Family"], True),
    (["--since", "2019-01-01", "closures"], True),
    (["closures", "--since=2019-10-17", "--limit", "5"], True),
    (["-n", "1", "report"], True),
    (["considered"], True),  # a paragraph of a committee with its own style
    (["nothingatall"], True),
    (["--json", "nothingatall"], True),
    (["[bold]nothing[/]"], True),
    (["--", "closures"], True),
    (["--json", "--json", "--limit=1", "street*"], True),
    (["--exempt", "closures"], True),  # asked for, none there
    (["--exempt", "valuation"], False),  # exempt matter: the confidential minutes
    (["--exempt", "--json", "valuation"], False),
    (["director"], False),  # a declaration
    (["apologies"], False),  # a membership item's paragraph follows generated sentences
    (["business"], False),  # a resolution in another house style
    (["school"], False),  # a declaration among the hits
    (["--since", "May", "x"], False),
    (["--", "-school"], False),
    (["-c", "audit", "x"], False),
    ([], False),
    (["--help"], False),
    (["-n", "0", "x"], False),
    (["-n", "x", "y"], False),
    (["--limit=-1", "x"], False),
    (["-cfamily", "closures"], False),
    (["--committee"], False),
    (["--json=yes", "x"], False),
    (["--colour", "x"], False),
]


@pytest.mark.parametrize(("args", "direct"), FORMS)
def test_what_is_printed_is_the_full_commands(
    db: Path, args: list[str], direct: bool, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    argv = ["--db", str(db), "search", *args]
    parsed = launch._plain_search(argv)
    taken = parsed is not None and launch._search(*parsed)
    printed = capfdbinary.readouterr().out
    assert taken == direct
    fast = run(["-m", "clerk"], *argv)
    full = run(["-c", FULL], *argv)
    assert fast == full
    if taken:
        assert printed == full[1] and full[0] == 0


def test_the_database_forms_and_what_is_not_there(tmp_path: Path, db: Path) -> None:
    assert launch._plain_search(["--db=x.db", "search", "a", "b"]) == ("x.db", "a b", {})
    assert launch._plain_search(["search", "-c", "x", "a"]) == (None, "a", {"committee": "x"})
    assert launch._plain_search(["--db", "--json", "search", "a"]) is None
    assert launch._plain_search(["meetings"]) is None
    missing = tmp_path / "none.db"
    assert not launch._search(str(missing), "closures", {})  # the store would make it
    assert not missing.exists()
    assert not launch._search(str(tmp_path), "closures", {})
    stranger = tmp_path / "other.db"
    stranger.write_bytes(b"not a database at all, and long enough to be read" * 100)
    assert not launch._search(str(stranger), "closures", {})
    env = {**os.environ, "CLERK_DB": str(db)}
    out = subprocess.run(
        [sys.executable, "-m", "clerk", "search", "closures"], capture_output=True, env=env
    )
    assert b"4 RESOLVED (2)" in out.stdout and out.returncode == 0


def test_an_older_database_is_left_to_the_store(tmp_path: Path, db: Path) -> None:
    old = tmp_path / "old.db"
    old.write_bytes(db.read_bytes())
    import sqlite3

    with sqlite3.connect(old) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    assert not launch._search(str(old), "closures", {})


def test_on_a_terminal_the_matches_are_marked_as_the_full_command_marks_them(db: Path) -> None:
    def on_terminal(command: list[str]) -> bytes:
        leader, follower = pty.openpty()
        done = subprocess.run(
            [sys.executable, *command, "--db", str(db), "search", "closures"],
            stdout=follower,
            timeout=60,
        )
        os.close(follower)
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(leader)
        assert done.returncode == 0
        return out

    fast = on_terminal(["-m", "clerk"])
    assert b"\x1b[1;7m" in fast
    assert fast == on_terminal(["-c", FULL])


def test_what_search_sql_copies_is_what_it_copies() -> None:
    assert (search_sql.SCHEMA_VERSION, search_sql.APPLICATION_ID) == (
        SCHEMA_VERSION,
        APPLICATION_ID,
    )
    assert search_sql.SEARCH_TOKENIZE == SEARCH_TOKENIZE
    for style in (load_style("westminster"), HouseStyle()):
        rs = style.resolutions
        assert (rs.label, rs.hoist_that) == search_sql.WESTMINSTER_RESOLUTIONS


@given(st.text(st.sampled_from(" .;,and\t\n x")))
def test_clause_is_the_minutes_clause(text: str) -> None:
    assert search_sql.clause(text) == clause(text)


@given(st.text(max_size=6), st.integers(0, 30))
def test_resolution_label_is_the_references_label(label: str, index: int) -> None:
    assert search_sql.resolution_label(label, index) == resolution_label(label, index)


_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


def regex_expression(text: str) -> str | None:
    """The expression as the regular expressions search_sql stands in for make it."""
    wanted, unwanted = [], []
    for m in _TOKEN.finditer(text):
        negate = bool(m.group(1) if m.group(2) is not None else m.group(3))
        raw = m.group(2) if m.group(2) is not None else m.group(4)
        prefix = m.group(2) is None and raw.endswith("*")
        words = _WORD.findall(raw)
        if words:
            term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
            (unwanted if negate else wanted).append(term)
    if not wanted:
        return None
    return " AND ".join(wanted) + "".join(f" NOT {t}" for t in unwanted)


@given(
    st.text(st.sampled_from(list('ab -"*_\u00a0\u2003é5²\t\n()NEAR')), max_size=14)
    | st.text(max_size=10)
)
def test_the_query_is_read_as_the_regular_expressions_read_it(text: str) -> None:
    try:
        expression: str | None = search_sql.match_expression(text)
    except search_sql.QueryError:
        expression = None
    assert expression == regex_expression(text)
