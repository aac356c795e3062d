"""A committee as it was at each meeting: what its minutes were written under.

A committee's row holds its attributes as they are now. When an import changes the
attributes its minutes depend on (its name as styled, the councils of a joint body, the
chair's title, how the body is called, its quorum, its house style) and the clerk chooses
to take them going forward, every meeting already stored first has the committee as it
was held for it here (`meeting_committees`, one JSON row per meeting, made by migration 7).
`load_record` gives such a meeting that committee, under the committee's one id, so its
minutes render exactly as before while later meetings take the new attributes. Seats need
no such copy: memberships are dated.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from clerk.codec import decode, encode
from clerk.record import Committee
from clerk.store.rows import RowsMixin


class HeldMixin(RowsMixin):
    """Committees as held at each meeting."""

    def current_committee(self, committee_id: str) -> Committee:
        """The committee as it is now, whatever it was at any one meeting."""
        with self._read() as conn:
            return self._select(conn, Committee, "id = ?", (committee_id,))[0]

    def committee_held_for(self, meeting_id: str) -> Committee | None:
        """The committee as held for this meeting (under its id), or None: the committee
        as it is now."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT m.committee_id FROM meetings m JOIN meeting_committees h "
                "ON h.meeting_id = m.id WHERE m.id = ?",
                (meeting_id,),
            ).fetchone()
            if row is None:
                return None
            current = self._select(conn, Committee, "id = ?", (row[0],))[0]
            return held_committee(conn, meeting_id, current)

    def hold_committee(self, committee: Committee) -> list[str]:
        """Keep `committee`, as it is stored now, as the committee of each of its meetings
        that has none held yet; the ids of those meetings. Changes nothing any minutes say,
        so approved minutes are no bar to it."""
        with self._write() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT m.id FROM meetings m WHERE m.committee_id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM meeting_committees h WHERE h.meeting_id = m.id) "
                    "ORDER BY m.date, m.rowid",
                    (committee.id,),
                )
            ]
            held, text = encode(committee), held_text(committee)
            before, self._changing_status = self._changing_status, True
            try:
                for meeting_id in ids:
                    conn.execute(
                        "INSERT INTO meeting_committees (meeting_id, committee) VALUES (?, ?)",
                        (meeting_id, text),
                    )
                    self._journal(
                        conn, meeting_id, "meeting_committees", meeting_id, "insert", None, held
                    )
            finally:
                self._changing_status = before
        return ids


def held_committee(conn: sqlite3.Connection, meeting_id: str, current: Committee) -> Committee:
    """The committee as held for this meeting (under the committee's id), else `current`."""
    row = conn.execute(
        "SELECT committee FROM meeting_committees WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()
    if row is None:
        return current
    return replace(decode(Committee, json.loads(row[0])), id=current.id)


def held_text(committee: Committee) -> str:
    return json.dumps(encode(committee), ensure_ascii=False, separators=(",", ":"))
