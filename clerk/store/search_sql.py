"""The search's SQL and the references counted from an item's rows, importing nothing but
SQLite's own module.

`Store.search` and `Store.item_numbering` (clerk.store.search) run these functions on the
store's connection; `clerk search` runs them straight from clerk.launch on a connection of
its own, so that the command costs little more than Python's own start-up. That is why this
module imports nothing of clerk (the record's dataclasses alone take longer to import than
the whole search), no `re` and no `dataclasses`, and why clerk.launch loads it by its path:
importing the package clerk.store would import every part of the store first.

What is duplicated from elsewhere for that (the schema version, the Westminster style's
resolution settings, `clause`, `resolution_label`) is held equal to its source by
tests/test_search_launch.py, and the counting equal to the composed minutes by
tests/test_search_references.py.

Why one module (about 580 lines): clerk.launch loads it by its path, outside the package,
where it can import no sibling; split in two, each half would need loading so, and a test
holding the halves' copies equal.
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import sqlite3
else:
    try:
        # The sqlite3 package's C module, as the package itself re-exports it: the package
        # also imports datetime and registers its adapters, which takes longer to load and
        # to tear down than `clerk search` spends on its SQL bar the ranking.
        import _sqlite3 as sqlite3
    except ImportError:  # not CPython
        import sqlite3

#: Marks around each match in a hit's snippet: control characters no record text holds.
MATCH_START, MATCH_END = "\x02", "\x03"
SNIPPET_WORDS = 16

#: clerk.migrations.SCHEMA_VERSION and APPLICATION_ID (a test holds them equal): a database
#: at another version is left to the Store, which migrates or refuses it.
SCHEMA_VERSION = 9
APPLICATION_ID = 0x636C726B
#: clerk.migrations.SEARCH_TOKENIZE (a test holds it equal): how the index reads words.
SEARCH_TOKENIZE = "porter unicode61 remove_diacritics 2"

#: The built-in Westminster style's [resolutions] label and hoist_that (a test holds them
#: equal to clerk/minutes/styles/westminster.toml): what a committee without a style uses.
WESTMINSTER_RESOLUTIONS = ("{n})", False)

_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class QueryError(ValueError):
    """What was typed has nothing to look for; the message says why."""


# --------------------------------------------------------------------------- the query


def _words(text: str) -> list[str]:
    """The runs of word characters in `text`, as the regular expression \\w+ finds them
    (a letter, digit, numeric or underscore: str.isalnum() or "_")."""
    words, start = [], -1
    for at, char in enumerate(text):
        if char.isalnum() or char == "_":
            if start < 0:
                start = at
        elif start >= 0:
            words.append(text[start:at])
            start = -1
    if start >= 0:
        words.append(text[start:])
    return words


def _stops(char: str) -> bool:
    return char.isspace() or char == '"'


def _tokens(text: str) -> list[tuple[bool, bool, str]]:
    """(negated, quoted, text) for each token, as the regular expression
    (-?)"([^"]*)"|(-?)([^\\s"]+) finds them: -?"a phrase" (closed), or -?word, running to the
    next space or double quote. A quote never closed is passed over; a "-" that does not
    lead a word or a phrase is a word of its own."""
    tokens: list[tuple[bool, bool, str]] = []
    at, end = 0, len(text)
    while at < end:
        negate = text[at] == "-"
        quote = at + 1 if negate else at
        if quote < end and text[quote] == '"':
            close = text.find('"', quote + 1)
            if close >= 0:
                tokens.append((negate, True, text[quote + 1 : close]))
                at = close + 1
                continue
        if negate and quote < end and not _stops(text[quote]):
            start = quote
        elif _stops(text[at]):
            at += 1
            continue
        else:
            start, negate = at, False
        stop = start
        while stop < end and not _stops(text[stop]):
            stop += 1
        tokens.append((negate, False, text[start:stop]))
        at = stop
    return tokens


def match_expression(text: str) -> str:
    """An FTS5 query for what the clerk typed: every word must appear (in any form the
    stemmer folds together); "a phrase" in double quotes must appear as written; a word
    ending in * matches words starting so; -word leaves out rows with that word. Everything
    else is a word to look for, operators included ("NEAR" finds "near"). Raises
    QueryError when nothing is left to look for."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for negate, quoted, raw in _tokens(text):
        prefix = not quoted and raw.endswith("*")
        words = _words(raw)
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        (unwanted if negate else wanted).append(term)
    if not wanted:
        if unwanted:
            raise QueryError(
                f"{text.strip()!r} only says what to leave out: give a word to look for too."
            )
        raise QueryError(f"{text.strip()!r} has no words to look for.")
    expression = " AND ".join(wanted)
    for term in unwanted:
        expression += f" NOT {term}"
    return expression


def _in(values: list[str] | list[int]) -> str:
    return ", ".join("?" * len(values))


def committee_ids(conn: sqlite3.Connection, committee: str) -> list[str]:
    """The committees whose name contains `committee`, case folded."""
    needle = committee.casefold()
    return [
        cid
        for cid, name in conn.execute("SELECT id, name FROM committees")
        if needle in name.casefold()
    ]


def match_count(conn: sqlite3.Connection, expression: str) -> int:
    """How many rows match, exempt or not: FTS5 counts them from its index without ranking
    them (a fraction of a millisecond for thousands), so what a search will cost is known
    before it runs."""
    return conn.execute(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (expression,)
    ).fetchone()[0]


def search_rows(
    conn: sqlite3.Connection,
    expression: str,
    *,
    committees: list[str] | None,
    since: str | None,
    exempt: bool,
    limit: int | None,
) -> list[tuple]:
    """The hits for an expression, best first (bm25, then the later meeting): each
    (kind, row id, meeting id, date, committee, item id, item number, item title, item
    part, snippet). `committees` keeps those committees' meetings (None: every
    committee); `since` (YYYY-MM-DD) meetings on or after it; exempt (Part 2) rows only
    with `exempt`. sqlite3 errors are the caller's to explain."""
    filters: list[str] = []  # on search_docs' columns
    params: list[object] = []
    if not exempt:
        # an item's title is public even when the item is exempt (the public minutes
        # print it), everything under an exempt item is not
        filters.append("(d.kind = 'item' OR d.exempt = 0)")
    if since is not None:
        filters.append("d.date >= ?")
        params.append(since)
    if committees is not None:
        if not committees:
            return []
        filters.append(f"d.committee_id IN ({_in(committees)})")
        params.extend(committees)
    docs = None
    if limit is not None:
        docs = _best_few(conn, expression, filters, params, limit)
    if docs is None:
        # Ranked first, joining only search_docs (by its integer key, carrying what is
        # filtered on): snippet() and the joins for the page only (in one query SQLite
        # makes a snippet of every match before sorting them).
        ranked = f"""
            SELECT search_index.rowid FROM search_index
            JOIN search_docs d ON d.doc = search_index.rowid
            WHERE {" AND ".join(["search_index MATCH ?", *filters])}
            ORDER BY bm25(search_index), d.date DESC, search_index.rowid
            LIMIT ?
        """
        docs = [
            r[0]
            for r in conn.execute(ranked, (expression, *params, -1 if limit is None else limit))
        ]
    if not docs:
        return []
    page = conn.execute(
        f"""
        SELECT d.doc, d.kind, d.row_id, d.meeting_id, m.date, c.name,
               d.item_id, i.number, i.title, i.part
        FROM search_docs d
        JOIN meetings m ON m.id = d.meeting_id
        JOIN committees c ON c.id = m.committee_id
        LEFT JOIN items i ON i.id = d.item_id
        WHERE d.doc IN ({_in(docs)})
        """,
        docs,
    ).fetchall()
    snippets = _snippets(conn, expression, docs)
    order = {doc: n for n, doc in enumerate(docs)}
    return [(*r[1:], snippets.get(r[0], "")) for r in sorted(page, key=lambda r: order[r[0]])]


def _snippets(conn: sqlite3.Connection, expression: str, docs: list[int]) -> dict[int, str]:
    """Each row's snippet, its matches marked: made by FTS5 over a table of the page's rows
    alone, read as the index reads them. A snippet is made from the row's own words and the
    query (no other row counts), so it is the index's own; matching the page's rows there
    reads twenty rows, where matching them in the index read every match again (a word in
    most meetings: thousands), the tenth of a search. The table is the connection's own
    (temp) and left empty."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_page "
        f"USING fts5 (body, tokenize = '{SEARCH_TOKENIZE}')"
    )
    try:
        conn.execute(
            "INSERT INTO temp.search_page (rowid, body) "
            f"SELECT rowid, body FROM main.search_index WHERE rowid IN ({_in(docs)})",
            docs,
        )
        return dict(
            conn.execute(
                "SELECT rowid, snippet(search_page, 0, ?, ?, '…', "
                f"{SNIPPET_WORDS}) FROM temp.search_page WHERE search_page MATCH ?",
                (MATCH_START, MATCH_END, expression),
            )
        )
    finally:
        conn.execute("DELETE FROM temp.search_page")


#: How many more of the best-scored matches than a page asks for are read from the index
#: and ranked there (`_best_few`): enough to hold a run of equal scores (one title in
#: hundreds of meetings) and cheap to read (a thousand cost a tenth more than fifty).
SPARE = 1024


def _best_few(
    conn: sqlite3.Connection,
    expression: str,
    filters: list[str],
    params: list[object],
    limit: int,
) -> list[int] | None:
    """The page's rows, found among the best-scored matches alone when that is provably the
    same answer; None when it is not (too few of them pass the filters, or a run of equal
    scores the page needs goes on past them), and then every match is ranked.

    Scoring matches on the index alone takes half the time of scoring them joined to
    search_docs (which carries the exempt flag, date and committee filtered and sorted on),
    and a word in nearly every meeting has thousands of matches: the best are read from the
    index, and search_docs looked up for as many of them as the page needs, a run of equal
    scores at a time (within which the later meeting comes first). A match not read scores
    no better than the first left out: the page is exact when it ends within the matches
    read, before a run of equal scores that goes on past them. With no more matches than
    that, every match is read and this is the whole ranking.

    Nothing is counted first: a count is another pass over the matches, and a search
    that finds fewer than a page and the spare needs no other answer."""
    wanted = limit + SPARE
    best = conn.execute(
        "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ? "
        "ORDER BY bm25(search_index) LIMIT ?",
        (expression, wanted + 1),
    ).fetchall()
    if len(best) <= wanted:
        return _all_read(conn, best, filters, params, limit)
    first_left_out = best[wanted][1]
    best = best[:wanted]
    page: list[int] = []
    at = 0
    while at < len(best) and len(page) < limit:
        score = best[at][1]
        end = at
        while end < len(best) and best[end][1] == score:
            end += 1
        if end == len(best) and score == first_left_out:
            return None  # this run of equal scores goes on past what was read
        ids = [doc for doc, _ in best[at:end]]
        page.extend(_latest(conn, ids, filters, params, limit - len(page)))
        at = end
    if len(page) < limit:
        return None  # the rest of the page is among the matches not read
    return page


def _all_read(
    conn: sqlite3.Connection,
    best: list[tuple[int, float]],
    filters: list[str],
    params: list[object],
    limit: int,
) -> list[int]:
    """The page when every match was read: their dates looked up at once (filtered), then
    ordered as the whole ranking orders them (score, the later meeting, the row stored
    first). Run by run, a search whose filters keep few of a thousand matches would take a
    statement for each score."""
    if not best:
        return []
    score = dict(best)
    where = "".join(f" AND {f}" for f in filters)
    found = conn.execute(
        f"SELECT doc, date FROM search_docs d WHERE doc IN ({_in(list(score))}){where} "
        "ORDER BY doc",
        (*score, *params),
    ).fetchall()
    found.sort(key=lambda r: r[1], reverse=True)  # stable: the row stored first within a day
    found.sort(key=lambda r: score[r[0]])
    return [doc for doc, _ in found[:limit]]


#: Rows of equal score from which the latest are found by walking the rows by date (an
#: index) rather than looking each one up by its key; and how many of the latest rows that
#: walk reads before it gives up (the run's rows are then looked up by key after all).
MANY_EQUAL = 64
WALK = 8192


def _latest(
    conn: sqlite3.Connection, ids: list[int], filters: list[str], params: list[object], n: int
) -> list[int]:
    """Of these rows (of one score), the first `n` that pass the filters, the later meeting
    first, then the row stored first: as the whole ranking orders them."""
    where = "".join(f" AND {f}" for f in filters)
    order = " ORDER BY d.date DESC, doc LIMIT ?"
    if len(ids) > MANY_EQUAL:
        # Down the dates from the latest, no further than the WALK-th latest row's day (a
        # run's rows are some of every meeting's: its latest are found within days, unless
        # the filters keep almost none of them). "+doc": not by each key.
        found = conn.execute(
            "SELECT doc FROM search_docs d INDEXED BY search_docs_date "
            f"WHERE +doc IN ({_in(ids)}){where} AND d.date >= coalesce(("
            "SELECT date FROM search_docs INDEXED BY search_docs_date "
            "ORDER BY date DESC LIMIT 1 OFFSET ?), '')" + order,
            (*ids, *params, WALK, n),
        ).fetchall()
        if len(found) == n:  # every row not walked is of an earlier day
            return [r[0] for r in found]
    sql = f"SELECT doc FROM search_docs d WHERE doc IN ({_in(ids)}){where}" + order
    return [r[0] for r in conn.execute(sql, (*ids, *params, n))]


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is a match) runs, the marks taken out."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(MATCH_START)):
        if i == 0:
            if chunk:
                parts.append((chunk, False))
            continue
        matched, _, rest = chunk.partition(MATCH_END)
        if matched:
            parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return parts


# --------------------------------------------------------------------------- numbering


class Numbering:
    """What the minutes number an item's passages by, read without loading the meeting:
    every item of its meeting as (id, number, title, part, position) in the order stored
    (which are standing items, whether numbers repeat), its rows in the minutes' order,
    and the counts of the sentences the minutes write among them (arrivals before its
    paragraphs; votes and departures after)."""

    __slots__ = (
        "actions",
        "arrivals",
        "declarations",
        "departures",
        "item_id",
        "items",
        "notes",
        "paragraphs",
        "resolutions",
        "style",
        "votes",
    )

    def __init__(self, item_id: str, items: tuple[tuple[str, str, str, str, int], ...]) -> None:
        self.item_id = item_id
        self.items = items
        self.paragraphs: tuple[str, ...] = ()  # ids, by position: notes included
        self.notes: frozenset[str] = frozenset()  # the paragraphs that are unnumbered notes
        self.resolutions: tuple[tuple[str, str], ...] = ()  # (id, text), by position
        self.actions: tuple[str, ...] = ()  # ids, by position
        self.declarations: tuple[str, ...] = ()  # the meeting's, as the minutes order them
        self.arrivals = 0
        self.votes = 0
        self.departures = 0
        self.style = ""  # the committee's house style ("" the default)


def numbering(conn: sqlite3.Connection, item_ids: list[str]) -> dict[str, Numbering]:
    """For each of these items (those found), what numbers its passages; a handful of
    queries for the lot."""
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        return {}
    # every item of the meetings these items belong to, with the committee's style
    items: dict[str, list[tuple[str, str, str, str, int]]] = {}
    styles: dict[str, str] = {}
    for meeting_id, style, *item in conn.execute(
        "SELECT i.meeting_id, c.style, i.id, i.number, i.title, i.part, i.position "
        "FROM items i JOIN meetings m ON m.id = i.meeting_id "
        "JOIN committees c ON c.id = m.committee_id "
        f"WHERE i.meeting_id IN (SELECT meeting_id FROM items WHERE id IN ({_in(ids)})) "
        "ORDER BY i.rowid",
        ids,
    ):
        items.setdefault(meeting_id, []).append(tuple(item))
        styles[meeting_id] = style
    wanted = set(ids)
    owners = {item[0]: m for m, its in items.items() for item in its if item[0] in wanted}
    meetings = list(items)
    if not meetings:
        return {}
    declarations: dict[str, list[str]] = {m: [] for m in meetings}
    for meeting_id, declaration_id in conn.execute(
        f"SELECT meeting_id, id FROM declarations WHERE meeting_id IN ({_in(meetings)}) "
        "ORDER BY position, id",
        meetings,
    ):
        declarations[meeting_id].append(declaration_id)
    found = {
        item_id: Numbering(item_id, tuple(items[owners[item_id]]))
        for item_id in ids
        if item_id in owners
    }
    for item_id, n in found.items():
        n.style = styles.get(owners[item_id]) or ""
        n.declarations = tuple(declarations[owners[item_id]])
    keys = list(found)
    # what each item holds, by position, in one statement: (table, item, id, note or text)
    held: dict[str, dict[str, list[tuple]]] = {
        table: {i: [] for i in keys} for table in ("paragraphs", "resolutions", "actions", "votes")
    }
    where = f"WHERE item_id IN ({_in(keys)})"
    for table, item_id, *rest in conn.execute(
        " UNION ALL ".join(
            f"SELECT '{table}', item_id, id, {extra}, position, rowid FROM {table} {where}"
            for table, extra in (
                ("paragraphs", "note"),
                ("resolutions", "text"),
                ("actions", "NULL"),
                ("votes", "NULL"),
            )
        )
        + " ORDER BY 1, 5, 6",
        keys * 4,
    ):
        held[table][item_id].append(tuple(rest[:2]))
    paragraphs, resolutions = held["paragraphs"], held["resolutions"]
    actions, votes = held["actions"], held["votes"]
    # by meeting (indexed), not by item (arrived_item_id and left_item_id are not)
    arrivals: dict[str, int] = {i: 0 for i in keys}
    departures: dict[str, int] = {i: 0 for i in keys}
    for arrived, left in conn.execute(
        "SELECT arrived_item_id, left_item_id FROM attendance "
        f"WHERE meeting_id IN ({_in(meetings)})",
        meetings,
    ):
        if arrived in arrivals:
            arrivals[arrived] += 1
        if left in departures:
            departures[left] += 1
    for item_id, n in found.items():
        n.paragraphs = tuple(r[0] for r in paragraphs[item_id])
        n.notes = frozenset(r[0] for r in paragraphs[item_id] if r[1])
        n.resolutions = tuple((r[0], r[1]) for r in resolutions[item_id])
        n.actions = tuple(r[0] for r in actions[item_id])
        n.arrivals = arrivals[item_id]
        n.votes = len(votes[item_id])
        n.departures = departures[item_id]
    return found


# --------------------------------------------------------------------------- counting


def clause(text: str) -> str:
    """A resolution's words without list punctuation (clerk.minutes.voting.clause)."""
    out = text.strip()
    while True:
        trimmed = out.removesuffix("; and").removesuffix(";").removesuffix(".")
        trimmed = trimmed.removesuffix(",").rstrip()
        if trimmed == out:
            return out
        out = trimmed


def resolution_label(label: str, index: int) -> str:
    """The resolution's label as a reference shows it (clerk.minutes.references)."""
    digits = "".join(c for c in label if c.isascii() and c.isalnum())
    return f"({digits or index + 1})"


def plain_numbers(n: Numbering) -> bool:
    """Whether every item of the meeting is numbered plainly ("4", "4A") and once: else
    a reference is told apart by the order of the whole minutes, and is composed."""
    numbers = [item[1].casefold() for item in n.items]
    if len(set(numbers)) != len(numbers):
        return False
    for number in numbers:
        digits = number[:-1] if number[-1:] in _ASCII_LETTERS else number
        if not digits.isdecimal():
            return False
    return True


def counted_reference(
    kind: str,
    row_id: str,
    n: Numbering,
    *,
    generated: bool,
    resolutions: tuple[str, bool],
) -> str | None:
    """The reference the minutes give the row, counted from its item's rows; None where
    counting is not enough (the minutes are then composed). `generated`: the item is one
    whose minute starts with sentences the minutes generate (the membership and
    declarations items); `resolutions`: the house style's (label, hoist_that). A
    declaration's is counted elsewhere (`declaration_reference`)."""
    if not plain_numbers(n):
        return None
    item = next(i for i in n.items if i[0] == n.item_id)
    number = item[1]
    if item[3] == "exempt":
        return None
    if kind == "item":
        return f"{number} title"
    if kind == "action":  # not in the minutes: the tracker's order in the item
        return f"{number} action {n.actions.index(row_id) + 1}"
    if generated:
        return None
    numbered = [p for p in n.paragraphs if p not in n.notes]
    if kind == "paragraph":
        if row_id in n.notes:  # "4 ¶1": counted among the notes of the whole item
            return None
        return f"{number}.{n.arrivals + numbered.index(row_id) + 1}"
    if kind != "resolution":
        return None
    texts = n.arrivals + len(numbered) + n.votes + n.departures
    kept = [rid for rid, text in n.resolutions if clause(text)]
    if row_id not in kept:
        return None
    label, hoist_that = resolutions
    heading = f"{number}.{texts + 1}" if hoist_that or not texts else number
    if len(kept) == 1:
        return f"{heading} RESOLVED"
    index = kept.index(row_id)
    return f"{heading} RESOLVED {resolution_label(label.format(n=index + 1), index)}"


def declaration_reference(declaration_id: str, n: Numbering) -> str | None:
    """A declaration's reference where `n` is the meeting's declarations item (the public
    one, in which the minutes write one paragraph per declaration after the arrivals)."""
    if not plain_numbers(n) or declaration_id not in n.declarations:
        return None
    number = next(i[1] for i in n.items if i[0] == n.item_id)
    return f"{number}.{n.arrivals + n.declarations.index(declaration_id) + 1}"


# --------------------------------------------------------------------------- alone


def search_alone(
    path: str,
    text: str,
    *,
    committee: str | None,
    since: str | None,
    exempt: bool,
    limit: int,
) -> tuple[list[tuple], list[str]] | None:
    """`search_rows` and each row's counted reference, on a connection of its own to the
    database at `path` (clerk.launch's `clerk search`); None where the Store would do
    more or otherwise than read (a database at another version, a committee no name
    contains), on any error, and where a reference needs more than counting here knows:
    exempt matter, a declaration, the membership and declarations items, a resolution of
    a committee with a house style of its own."""
    try:
        expression = match_expression(text)
    except QueryError:
        return None
    try:
        conn = sqlite3.connect(path, timeout=2.0, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        if (
            conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID
            or conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION
        ):
            return None
        committees = None
        if committee is not None:
            committees = committee_ids(conn, committee)
            if not committees:
                return None
        rows = search_rows(
            conn, expression, committees=committees, since=since, exempt=exempt, limit=limit
        )
        references = _counted(conn, rows)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None if references is None else (rows, references)


def _counted(conn: sqlite3.Connection, rows: list[tuple]) -> list[str] | None:
    """Each row's reference counted as clerk.searching counts it, or None when any row's
    needs more than counting here knows."""
    found = numbering(conn, [r[5] for r in rows if r[5]])
    references = []
    for kind, row_id, _meeting, _date, _committee, item_id, *_, part, _snippet in rows:
        n = found.get(item_id)
        if n is None or kind == "declaration" or (part == "exempt" and kind != "item"):
            return None
        title = next(i[2] for i in n.items if i[0] == item_id).upper()
        # Which item is the membership or declarations item is the standing items' rule
        # (clerk.standing, regular expressions): an item whose title has none of the words
        # the rule looks for is neither, one that has them is left to that rule.
        generated = any(word in title for word in ("MEMBERSHIP", "APOLOGIES", "DECLARATION"))
        if kind == "resolution" and n.style not in ("", "westminster"):
            return None
        reference = counted_reference(
            kind, row_id, n, generated=generated, resolutions=WESTMINSTER_RESOLUTIONS
        )
        if reference is None:
            return None
        references.append(reference)
    return references
