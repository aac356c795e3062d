"""Reading across meetings: the full-text search, and what numbers the passages it finds.

The search index (migration v4, `clerk.migrations.search_schema`) holds one document per
paragraph, resolution, action, declaration and item title, kept in step by triggers. What
the clerk types is never handed to FTS5 as a query: `match_expression` turns it into one
in which every word is a quoted string, so `"`, `*`, `-`, `NEAR` or `(` cannot be syntax
errors. Whether a hit is exempt is read from its item at query time, and exempt rows are
left out in SQL unless asked for: they never reach a caller that did not ask.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from clerk.record import Part
from clerk.store import search_sql
from clerk.store.connection import StoreError
from clerk.store.rows import RowsMixin
from clerk.store.search_sql import MATCH_END, MATCH_START, Numbering

__all__ = ["MATCH_END", "MATCH_START", "Numbering", "SearchQueryError", "SearchRow"]


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
    """An FTS5 query for what the clerk typed (`search_sql.match_expression`); raises
    SearchQueryError when nothing is left to look for."""
    try:
        return search_sql.match_expression(text)
    except search_sql.QueryError as exc:
        raise SearchQueryError(str(exc)) from None


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
        with self._read() as conn:
            ids = None if committee is None else search_sql.committee_ids(conn, committee)
            try:
                rows = search_sql.search_rows(
                    conn,
                    expression,
                    committees=ids,
                    since=None if since is None else since.isoformat(),
                    exempt=exempt,
                    limit=limit,
                )
            except sqlite3.OperationalError as exc:  # a programming error in the expression
                raise SearchQueryError(f"Cannot search for {text!r}: {exc}") from exc
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

    def search_matches(self, text: str) -> int:
        """How many rows match what the clerk typed, exempt or not, before any is ranked
        (`search_sql.match_count`): what ranking them will cost."""
        expression = match_expression(text)
        with self._read() as conn:
            try:
                return search_sql.match_count(conn, expression)
            except sqlite3.OperationalError as exc:
                raise SearchQueryError(f"Cannot search for {text!r}: {exc}") from exc


# --------------------------------------------------------------------------- numbering


class _Numbering(RowsMixin):
    def item_numbering(self, item_ids: list[str]) -> dict[str, Numbering]:
        """For each of these items (those found), what numbers its passages
        (`search_sql.numbering`); a handful of queries for the lot."""
        with self._read() as conn:
            return search_sql.numbering(conn, item_ids)


class SearchMixin(_SearchRows, _Numbering):
    """Reading across meetings: the search, the registers' rows, what numbers an item."""
