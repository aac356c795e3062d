"""Reading across meetings: the full-text search and the rows the registers are made from.

The search index (migration v4, `clerk.migrations.search_schema`) holds one document per
paragraph, resolution, action, declaration and item title, kept in step by triggers. What
the clerk types is never handed to FTS5 as a query: `match_expression` turns it into one
in which every word is a quoted string, so `"`, `*`, `-`, `NEAR` or `(` cannot be syntax
errors. Whether a hit is exempt is read from its item at query time, and exempt rows are
left out in SQL unless asked for: they never reach a caller that did not ask.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import cast

from clerk.record import (
    Action,
    AgendaItem,
    Committee,
    Declaration,
    Meeting,
    Part,
    Person,
)
from clerk.store.connection import StoreError
from clerk.store.rows import RowsMixin, _q, _spec

#: Marks around each match in a hit's snippet: control characters no record text holds.
MATCH_START, MATCH_END = "\x02", "\x03"
SNIPPET_WORDS = 16

_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


class SearchQueryError(StoreError):
    """What was typed cannot be searched for (nothing but punctuation, only exclusions)."""


@dataclass(frozen=True)
class SearchRow:
    """One hit: a row of a meeting, where it is, and a snippet with its matches marked."""

    kind: str  # "paragraph" | "resolution" | "action" | "declaration" | "item"
    row_id: str
    meeting_id: str
    date: date
    committee: str
    item_id: str | None
    item_number: str
    item_title: str
    exempt: bool  # the row belongs to an exempt (Part 2) item
    snippet: str  # MATCH_START / MATCH_END around each match


def match_expression(text: str) -> str:
    """An FTS5 query for what the clerk typed: every word must appear (in any form the
    stemmer folds together); "a phrase" in double quotes must appear as written; a word
    ending in * matches words starting so; -word leaves out rows with that word. Everything
    else is a word to look for, operators included ("NEAR" finds "near"). Raises
    SearchQueryError when nothing is left to look for."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for m in _TOKEN.finditer(text):
        negate = bool(m.group(1) if m.group(2) is not None else m.group(3))
        raw = m.group(2) if m.group(2) is not None else m.group(4)
        prefix = m.group(2) is None and raw.endswith("*")
        words = _WORD.findall(raw)
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        (unwanted if negate else wanted).append(term)
    if not wanted:
        if unwanted:
            raise SearchQueryError(
                f"{text.strip()!r} only says what to leave out: give a word to look for too."
            )
        raise SearchQueryError(f"{text.strip()!r} has no words to look for.")
    expression = " AND ".join(wanted)
    for term in unwanted:
        expression += f" NOT {term}"
    return expression


class _SearchRows(RowsMixin):
    """The search, and the rows the registers read."""

    def search(
        self,
        text: str,
        *,
        committee: str | None = None,
        since: date | None = None,
        exempt: bool = False,
        limit: int | None = 20,
    ) -> list[SearchRow]:
        """Hits for what the clerk typed, best first (bm25). `committee` keeps meetings of
        committees whose name contains it; `since` meetings on or after that day; exempt
        (Part 2) rows only with `exempt`."""
        expression = match_expression(text)
        where = ["search_index MATCH ?"]
        params: list[object] = [expression]
        if not exempt:
            # an item's title is public even when the item is exempt (the public minutes
            # print it), everything under an exempt item is not
            where.append("(d.kind = 'item' OR d.exempt = 0)")
        if since is not None:
            where.append("d.date >= ?")
            params.append(since.isoformat())
        with self._read() as conn:
            if committee is not None:
                ids = self._committee_ids(conn, committee)
                if not ids:
                    return []
                where.append(f"d.committee_id IN ({_in(ids)})")
                params.extend(ids)
            # Ranked first, joining only search_docs (by its integer key, carrying what is
            # filtered on): snippet() and the joins for the page only (in one query SQLite
            # makes a snippet of every match before sorting them).
            ranked = f"""
                SELECT search_index.rowid FROM search_index
                JOIN search_docs d ON d.doc = search_index.rowid
                WHERE {" AND ".join(where)}
                ORDER BY search_index.rank, d.date DESC
                LIMIT ?
            """
            try:
                docs = [
                    r[0] for r in conn.execute(ranked, (*params, -1 if limit is None else limit))
                ]
                if not docs:
                    return []
                page = conn.execute(
                    f"""
                    SELECT search_index.rowid, d.kind, d.row_id, d.meeting_id, m.date, c.name,
                           d.item_id, i.number, i.title, i.part,
                           snippet(search_index, 0, ?, ?, '…', {SNIPPET_WORDS})
                    FROM search_index
                    JOIN search_docs d ON d.doc = search_index.rowid
                    JOIN meetings m ON m.id = d.meeting_id
                    JOIN committees c ON c.id = m.committee_id
                    LEFT JOIN items i ON i.id = d.item_id
                    WHERE search_index MATCH ? AND search_index.rowid IN ({_in(docs)})
                    """,
                    (MATCH_START, MATCH_END, expression, *docs),
                ).fetchall()
            except sqlite3.OperationalError as exc:  # a programming error in the expression
                raise SearchQueryError(f"Cannot search for {text!r}: {exc}") from exc
        order = {doc: n for n, doc in enumerate(docs)}
        rows = [r[1:] for r in sorted(page, key=lambda r: order[r[0]])]
        return [
            SearchRow(
                kind=r[0],
                row_id=r[1],
                meeting_id=r[2],
                date=date.fromisoformat(r[3]),
                committee=r[4],
                item_id=r[5],
                item_number=r[6] or "",
                item_title=r[7] or "",
                exempt=r[8] == Part.EXEMPT.value and r[0] != "item",
                snippet=r[9],
            )
            for r in rows
        ]

    def _committee_ids(self, conn: sqlite3.Connection, committee: str) -> list[str]:
        needle = committee.casefold()
        return [
            cid
            for cid, name in conn.execute("SELECT id, name FROM committees")
            if needle in name.casefold()
        ]

    # ----------------------------------------------------------------------- registers

    def declarations_made(
        self, person_ids: list[str] | None = None, *, exempt: bool = False
    ) -> list[tuple[Meeting, Committee, AgendaItem | None, Person, Declaration]]:
        """Every declaration of interest (of these people), oldest meeting first. Those on
        an exempt item only with `exempt`."""
        specs = [_spec(c) for c in (Meeting, Committee, AgendaItem, Person, Declaration)]
        aliases = ("m", "c", "i", "p", "d")
        cols = ", ".join(
            f"{a}.{_q(f)}" for a, spec in zip(aliases, specs, strict=True) for f in spec.fields
        )
        where, params = [], []
        if not exempt:
            where.append("(i.part IS NULL OR i.part != ?)")
            params.append(Part.EXEMPT.value)
        if person_ids is not None:
            where.append(f"d.person_id IN ({', '.join('?' * len(person_ids))})")
            params.extend(person_ids)
        sql = f"""
            SELECT {cols} FROM declarations d
            JOIN meetings m ON m.id = d.meeting_id
            JOIN committees c ON c.id = m.committee_id
            JOIN people p ON p.id = d.person_id
            LEFT JOIN items i ON i.id = d.item_id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY m.date, m.start_time, m.rowid, i.position, d.position, d.rowid
        """
        out = []
        with self._read() as conn:
            for r in conn.execute(sql, params):
                values, at = [], 0
                for spec in specs:
                    values.append(r[at : at + len(spec.fields)])
                    at += len(spec.fields)
                meeting, committee, item, person, declaration = (
                    spec.from_row(v) if v[0] is not None else None
                    for spec, v in zip(specs, values, strict=True)
                )
                out.append((meeting, committee, item, person, declaration))
        # every row joins a meeting, committee, person and declaration; only the item is
        # optional (a declaration on the meeting as a whole)
        return cast("list[tuple[Meeting, Committee, AgendaItem | None, Person, Declaration]]", out)

    def open_actions(
        self, *, exempt: bool = False
    ) -> list[tuple[Meeting, Committee, AgendaItem, Action]]:
        """Every action not completed, of every committee, oldest meeting first. Those on
        an exempt item only with `exempt`."""
        specs = [_spec(c) for c in (Meeting, Committee, AgendaItem, Action)]
        aliases = ("m", "c", "i", "a")
        cols = ", ".join(
            f"{a}.{_q(f)}" for a, spec in zip(aliases, specs, strict=True) for f in spec.fields
        )
        sql = f"""
            SELECT {cols} FROM actions a
            JOIN meetings m ON m.id = a.meeting_id
            JOIN committees c ON c.id = m.committee_id
            JOIN items i ON i.id = a.item_id
            WHERE a.status != 'completed' {"" if exempt else "AND i.part != ?"}
            ORDER BY c.name COLLATE NOCASE, m.date, m.rowid, i.position, a.position, a.rowid
        """
        out = []
        with self._read() as conn:
            for r in conn.execute(sql, () if exempt else (Part.EXEMPT.value,)):
                values, at = [], 0
                for spec in specs:
                    values.append(spec.from_row(r[at : at + len(spec.fields)]))
                    at += len(spec.fields)
                out.append(tuple(values))
        return out


# --------------------------------------------------------------------------- numbering


@dataclass(frozen=True)
class ItemNumbering:
    """What the minutes number an item's passages by, read without loading the meeting:
    every item of its meeting (number, title, part, position: which are standing items,
    whether numbers repeat), its rows in the minutes' order, and the counts of the
    sentences the minutes write among them (arrivals before its paragraphs; votes and
    departures after)."""

    item_id: str
    items: tuple[AgendaItem, ...]  # the meeting's items, only those fields filled in
    paragraphs: tuple[str, ...]  # ids, by position
    resolutions: tuple[tuple[str, str], ...]  # (id, text), by position
    actions: tuple[str, ...]  # ids, by position
    arrivals: int
    votes: int
    departures: int
    style: str  # the committee's house style


def _in(values: list[str] | list[int]) -> str:
    return ", ".join("?" * len(values))


class _Numbering(RowsMixin):
    def item_numbering(self, item_ids: list[str]) -> dict[str, ItemNumbering]:
        """For each of these items (those found), what numbers its passages; a handful of
        queries for the lot."""
        ids = list(dict.fromkeys(item_ids))
        if not ids:
            return {}
        with self._read() as conn:
            owners = dict(
                conn.execute(f"SELECT id, meeting_id FROM items WHERE id IN ({_in(ids)})", ids)
            )
            meetings = list(dict.fromkeys(owners.values()))
            items: dict[str, list[AgendaItem]] = {m: [] for m in meetings}
            for meeting_id, item_id, number, title, part, position in conn.execute(
                "SELECT meeting_id, id, number, title, part, position FROM items "
                f"WHERE meeting_id IN ({_in(meetings)}) ORDER BY rowid",
                meetings,
            ):
                items[meeting_id].append(
                    AgendaItem(number, title, part=Part(part), position=position, id=item_id)
                )
            styles = dict(
                conn.execute(
                    "SELECT m.id, c.style FROM meetings m JOIN committees c "
                    f"ON c.id = m.committee_id WHERE m.id IN ({_in(meetings)})",
                    meetings,
                )
            )
            found = list(owners)

            def by_item(sql: str) -> dict[str, list[tuple]]:
                out: dict[str, list[tuple]] = {i: [] for i in found}
                for item_id, *rest in conn.execute(sql, found):
                    out[item_id].append(tuple(rest))
                return out

            where = f"WHERE item_id IN ({_in(found)}) ORDER BY position, rowid"
            paragraphs = by_item(f"SELECT item_id, id FROM paragraphs {where}")
            resolutions = by_item(f"SELECT item_id, id, text FROM resolutions {where}")
            actions = by_item(f"SELECT item_id, id FROM actions {where}")
            votes = by_item(f"SELECT item_id, id FROM votes {where}")
            arrivals = by_item(
                "SELECT arrived_item_id, id FROM attendance "
                f"WHERE arrived_item_id IN ({_in(found)})"
            )
            departures = by_item(
                f"SELECT left_item_id, id FROM attendance WHERE left_item_id IN ({_in(found)})"
            )
        return {
            item_id: ItemNumbering(
                item_id=item_id,
                items=tuple(items[owners[item_id]]),
                paragraphs=tuple(r[0] for r in paragraphs[item_id]),
                resolutions=tuple((r[0], r[1]) for r in resolutions[item_id]),
                actions=tuple(r[0] for r in actions[item_id]),
                arrivals=len(arrivals[item_id]),
                votes=len(votes[item_id]),
                departures=len(departures[item_id]),
                style=styles[owners[item_id]] or "",
            )
            for item_id in found
        }


class SearchMixin(_SearchRows, _Numbering):
    """Reading across meetings: the search, the registers' rows, what numbers an item."""
