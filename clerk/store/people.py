"""People as the store keeps them: listed, found from what is typed, and put right when
one person was entered twice (`merge_people`) or by mistake (`remove_person`).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from clerk.codec import encode
from clerk.prose import join_names
from clerk.record import Action, Attendance, Declaration, Meeting, Membership, Person, Vote
from clerk.store import held_people
from clerk.store.connection import StoreError
from clerk.store.rows import RowsMixin, _q, _spec

# What a person merged into another passes on where the other has nothing.
_PERSON_DETAILS = ("honorific", "role", "organisation", "pronoun", "surname", "email", "phone")

# What can name a person: (table and condition, in words for one, for many).
_PERSON_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("attendance WHERE person_id = ?", "attendance at {} meeting", "attendance at {} meetings"),
    ("attendance WHERE substitute_for = ?", "{} substitution", "{} substitutions"),
    ("declarations WHERE person_id = ?", "{} declaration", "{} declarations"),
    ("memberships WHERE person_id = ?", "{} committee seat", "{} committee seats"),
    ("actions WHERE lead_person_id = ?", "{} action", "{} actions"),
    (
        "votes WHERE EXISTS (SELECT 1 FROM json_each(named) WHERE key = ?)",
        "{} recorded vote",
        "{} recorded votes",
    ),
    ("meetings WHERE officer_id = ?", "{} meeting as its officer", "{} meetings as their officer"),
)


class PeopleMixin(RowsMixin):
    """Finding, merging and removing people."""

    def people(self) -> list[Person]:
        """Everyone, by surname."""
        with self._read() as conn:
            spec = _spec(Person)
            rows = conn.execute(f"SELECT {spec.columns_sql} FROM people ORDER BY rowid")
            return sorted((spec.from_row(r) for r in rows), key=lambda p: p.sort_key)

    def find_people(self, text: str, limit: int = 10) -> list[Person]:
        """Type-ahead over everyone: the best `limit` matches for `text` as `clerk.people`
        ranks them ("acton h" and "Cllr Acton" find Heather Acton, "zoe" Zoë Ångström).
        SQL first sets aside whoever has no word beginning with each word typed."""
        if not any(c.isalnum() for c in text):
            return []
        from clerk import people as matching  # only when someone types a name

        words = matching.required_words(text)
        index = "clerk_person_words(name, honorific, role, organisation, surname)"
        where = " AND ".join(f"instr({index}, ?) > 0" for _ in words) or "1"
        spec = _spec(Person)
        with self._read() as conn:
            conn.create_function("clerk_person_words", 5, matching.index_words, deterministic=True)
            rows = conn.execute(
                f"SELECT {spec.columns_sql} FROM people WHERE {where}", [f" {w}" for w in words]
            )
            found = [spec.from_row(r) for r in rows]
        return matching.rank(found, text, limit=limit)

    def find_person(self, name: str) -> Person | None:
        """The person whose canonical name is `name` (ignoring case), or None."""
        wanted = name.strip().casefold()
        spec = _spec(Person)
        with self._read() as conn:
            for row in conn.execute(f"SELECT {spec.columns_sql} FROM people ORDER BY rowid"):
                if row[spec.fields.index("name")].casefold() == wanted:
                    return spec.from_row(row)
        return None

    # ----------------------------------------------------------------------- people entered twice

    def merge_people(self, keep_id: str, gone_id: str) -> Person:
        """One person entered twice becomes one: everything that names `gone_id` (attendance,
        substitutions, declarations, seats, actions' leads, recorded votes, meetings' officer,
        meetings' people) names `keep_id` instead, the kept person takes any detail of theirs
        left blank (role, honorific…), and `gone_id` is deleted. One transaction, every row
        changed journalled; the deleted person's journal row says whom they went into.

        Where both were at the same meeting the kept person's attendance stays and the other
        is deleted (in the journal); likewise a seat on a committee the kept person already
        holds, and a recorded vote they already cast. Returns the kept person."""
        if keep_id == gone_id:
            raise StoreError("A person cannot be merged into themselves; nothing was changed.")
        pspec = _spec(Person)
        with self.batch(), self._write() as conn:

            def where(sql: str, person_id: str) -> set[str]:
                return {r[0] for r in conn.execute(sql, (person_id,))}

            found = []
            for person_id in (keep_id, gone_id):
                row = self._fetch(conn, pspec, person_id)
                if row is None:
                    raise StoreError(
                        f"There is no person {person_id!r} in the database (deleted "
                        "elsewhere?); nothing was changed."
                    )
                found.append(pspec.from_row(row[1:]))
            keep, gone = found

            self._drop_held(conn, gone)
            kept_at = where("SELECT meeting_id FROM attendance WHERE person_id = ?", keep_id)
            for meeting_id, attendance in self._rows_of(conn, Attendance, "person_id", gone_id):
                if meeting_id in kept_at:
                    self.delete(attendance)
                else:
                    self._update(attendance, {"person_id": keep_id})
            for _, attendance in self._rows_of(conn, Attendance, "substitute_for", gone_id):
                self._update(attendance, {"substitute_for": keep_id})
            for _, declaration in self._rows_of(conn, Declaration, "person_id", gone_id):
                self._update(declaration, {"person_id": keep_id})
            seats = where("SELECT committee_id FROM memberships WHERE person_id = ?", keep_id)
            for _, membership in self._rows_of(conn, Membership, "person_id", gone_id):
                if membership.committee_id in seats:
                    self.delete(membership)
                else:
                    self._update(membership, {"person_id": keep_id})
            for _, action in self._rows_of(conn, Action, "lead_person_id", gone_id):
                changes: dict[str, Any] = {"lead_person_id": keep_id}
                if action.lead == gone.name:
                    changes["lead"] = keep.name
                self._update(action, changes)
            for vote in self._select(
                conn, Vote, "EXISTS (SELECT 1 FROM json_each(named) WHERE key = ?)", (gone_id,)
            ):
                named = {
                    (keep_id if pid == gone_id else pid): choice
                    for pid, choice in vote.named.items()
                    if not (pid == gone_id and keep_id in vote.named)
                }
                self._update(vote, {"named": named})
            mspec = _spec(Meeting)
            for row in conn.execute(
                f"SELECT {mspec.columns_sql} FROM meetings WHERE officer_id = ?", (gone_id,)
            ).fetchall():
                self._update(mspec.from_row(row), {"officer_id": keep_id})

            linked = where("SELECT meeting_id FROM meeting_people WHERE person_id = ?", keep_id)
            links = where("SELECT meeting_id FROM meeting_people WHERE person_id = ?", gone_id)
            for meeting_id in sorted(links):
                gone_link = {"meeting_id": meeting_id, "person_id": gone_id}
                self._journal(
                    conn, meeting_id, "meeting_people", gone_id, "delete", gone_link, None
                )
                if meeting_id in linked:
                    conn.execute(
                        "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?",
                        (meeting_id, gone_id),
                    )
                    continue
                # in gone's place in the meeting's list of people
                conn.execute(
                    "UPDATE meeting_people SET person_id = ? "
                    "WHERE meeting_id = ? AND person_id = ?",
                    (keep_id, meeting_id, gone_id),
                )
                keep_link = {"meeting_id": meeting_id, "person_id": keep_id}
                self._journal(
                    conn, meeting_id, "meeting_people", keep_id, "insert", None, keep_link
                )

            blanks = {
                f: getattr(gone, f)
                for f in _PERSON_DETAILS
                if not getattr(keep, f) and getattr(gone, f)
            }
            if blanks:
                keep = self._update(keep, blanks)
            old = {**encode(gone), "_merged_into": keep_id}
            conn.execute("DELETE FROM people WHERE id = ?", (gone_id,))
            self._journal(conn, None, "people", gone_id, "delete", old, None)
        return keep

    def _drop_held(self, conn: sqlite3.Connection, gone: Person) -> None:
        """A merge corrects a mistake (one person entered twice), so the meetings that
        named the entry merged away name the kept person as that meeting has them; what
        they held of the mistaken entry goes (journalled). The kept person's details filled
        in from the other are a change like any other (clerk.store.held_people)."""
        table = held_people.TABLE
        rows = conn.execute(
            f"SELECT meeting_id, details FROM {table} WHERE person_id = ? ORDER BY rowid",
            (gone.id,),
        ).fetchall()
        before, self._changing_status = self._changing_status, True
        try:
            for meeting_id, text in rows:
                row = {"meeting_id": meeting_id, "person_id": gone.id, "details": json.loads(text)}
                self._journal(conn, meeting_id, table, gone.id, "delete", row, None)
        finally:
            self._changing_status = before
        conn.execute(f"DELETE FROM {table} WHERE person_id = ?", (gone.id,))

    def remove_person(self, person_id: str) -> None:
        """Delete a person nothing refers to (someone entered by mistake), with their places
        in meetings' lists of people. While anything does refer to them this is refused, in a
        StoreError naming what, and nothing is changed."""
        pspec = _spec(Person)
        with self._write() as conn:
            row = self._fetch(conn, pspec, person_id)
            if row is None:
                raise StoreError(
                    f"There is no person {person_id!r} in the database; nothing to remove."
                )
            person = pspec.from_row(row[1:])
            uses = self._person_references(conn, person_id)
            if uses:
                raise StoreError(
                    f"{person.name} cannot be removed: named in {uses}. Merge them into the "
                    "right person instead; nothing was changed."
                )
            links = conn.execute(
                "SELECT meeting_id FROM meeting_people WHERE person_id = ?", (person_id,)
            ).fetchall()
            for (meeting_id,) in links:
                link = {"meeting_id": meeting_id, "person_id": person_id}
                self._journal(conn, meeting_id, "meeting_people", person_id, "delete", link, None)
            conn.execute("DELETE FROM meeting_people WHERE person_id = ?", (person_id,))
            conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
            self._journal(conn, None, "people", person_id, "delete", pspec.encoded(row[1:]), None)

    def _rows_of(
        self, conn: sqlite3.Connection, cls: type, column: str, person_id: str
    ) -> list[tuple[str | None, Any]]:
        """(meeting id, row) of each `cls` row whose `column` is `person_id`."""
        spec = _spec(cls)
        sql = (
            f"SELECT {'meeting_id' if spec.child else 'NULL'}, {spec.columns_sql} "
            f"FROM {spec.table} WHERE {_q(column)} = ? ORDER BY rowid"
        )
        return [(r[0], spec.from_row(r[1:])) for r in conn.execute(sql, (person_id,)).fetchall()]

    def _person_references(self, conn: sqlite3.Connection, person_id: str) -> str:
        """Everything that names a person, in words ("attendance at 2 meetings and 1
        declaration"), or "" when nothing does."""
        uses = []
        for where, one, many in _PERSON_REFERENCES:
            n = conn.execute(f"SELECT count(*) FROM {where}", (person_id,)).fetchone()[0]
            if n:
                uses.append((one if n == 1 else many).format(n))
        return join_names(uses)
