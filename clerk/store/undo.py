"""Undo: the steps a user took on a meeting, and each step replayed backward or forward.

A step is a tag on journal rows (`RowsMixin._journal` writes it while `step()` is open), so
undoing one is applying its journal rows in reverse, as a new step of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from clerk.migrations import TABLES, to_column
from clerk.record import new_id
from clerk.store import held_people
from clerk.store.connection import StoreError
from clerk.store.rows import _RECORD_CHILDREN, RowsMixin, _now, _spec, _update_sql


@dataclass(frozen=True)
class Step:
    """One thing a user did to a meeting, as undo sees it: the journal rows tagged with its
    id are what it changed."""

    id: str
    at: str
    role: str
    label: str  # "paragraph 4.2", "Margot Bright: apologies"
    kind: str  # "do"; "undo" or "redo" of `target`
    target: str | None = None


class UndoMixin(RowsMixin):
    """Steps taken, undone and redone."""

    @contextmanager
    def step(
        self,
        meeting_id: str,
        label: str,
        step_id: str | None = None,
        *,
        kind: str = "do",
        target: str | None = None,
    ) -> Iterator[str]:
        """Tag every change to the meeting made inside as one step, for undo. A step may
        span several transactions (a paragraph typed over a minute is saved many times):
        give the same `step_id` each time. Inside another step, the outer one goes on."""
        if self._step is not None:
            yield self._step.id
            return
        step = Step(
            id=step_id or new_id(), at="", role=self.role, label=label, kind=kind, target=target
        )
        with self._lock:
            self._step, self._step_meeting = step, meeting_id
            try:
                yield step.id
            finally:
                self._step, self._step_meeting = None, None

    def steps(self, meeting_id: str, role: str | None = None) -> list[Step]:
        """The steps taken on a meeting (by `role`, if given), oldest first."""
        params: tuple[str, ...]
        where, params = "meeting_id = ?", (meeting_id,)
        if role is not None:
            where, params = where + " AND role = ?", (meeting_id, role)
        with self._read() as conn:
            return [
                Step(*row)
                for row in conn.execute(
                    f"SELECT id, at, role, label, kind, target FROM steps WHERE {where} "
                    "ORDER BY rowid",
                    params,
                )
            ]

    def replay(self, meeting_id: str, step: Step, *, backward: bool) -> Step:
        """Undo a step (`backward`) or do it again, as a new step of its own, in one
        transaction. Refuses, changing nothing, when what the step changed has been changed
        since (by another program, or a step not undone)."""
        kind = "undo" if backward else "redo"
        with self._write() as conn:
            rows = conn.execute(
                "SELECT table_name, row_id, op, old, new, meeting_id FROM journal "
                "WHERE step = ? ORDER BY id",
                (step.id,),
            ).fetchall()
            if not rows:
                raise StoreError(f"Nothing is recorded for “{step.label}”: nothing to {kind}.")
            changes = [
                (
                    t,
                    r,
                    op,
                    None if o is None else json.loads(o),
                    None if n is None else json.loads(n),
                    m,
                )
                for t, r, op, o, n, m in rows
            ]
            if backward:
                inverse = {"insert": "delete", "delete": "insert", "update": "update"}
                changes = [(t, r, inverse[op], n, o, m) for t, r, op, o, n, m in reversed(changes)]
            with self.step(meeting_id, step.label, kind=kind, target=step.id) as new_step:
                for table, row_id, op, before, after, row_meeting in changes:
                    self._apply(conn, table, row_id, op, before, after, row_meeting, step.label)
        return Step(id=new_step, at=_now(), role=self.role, label=step.label, kind=kind,
                    target=step.id)  # fmt: skip

    def _apply(
        self,
        conn: sqlite3.Connection,
        table: str,
        row_id: str,
        op: str,
        before: dict | None,
        after: dict | None,
        meeting_id: str | None,
        label: str,
    ) -> None:
        """One journalled change made again: `before` is what the row must hold now (the
        fields changed, or the whole row), `after` what it is to hold (None: no row)."""
        changed = StoreError(
            f"“{label}” cannot be undone or redone: it has been changed since. Nothing was changed."
        )
        if table == held_people.TABLE:  # changes nothing any minutes say: approved or not
            held_people.apply_journalled(conn, op, before, after)
            before_status, self._changing_status = self._changing_status, True
            try:
                self._journal(conn, meeting_id, table, row_id, op, before, after)
            finally:
                self._changing_status = before_status
            return
        if table == "meeting_people":
            link = after or before or {}
            pair = (link.get("meeting_id"), link.get("person_id"))
            if op == "delete":
                conn.execute(
                    "DELETE FROM meeting_people WHERE meeting_id = ? AND person_id = ?", pair
                )
            else:
                self._link(conn, *pair)  # type: ignore[arg-type]
            self._journal(conn, meeting_id, table, row_id, op, before, after)
            return
        cls = next(c for c, t in TABLES.items() if t == table)
        spec = _spec(cls)
        current = self._fetch(conn, spec, row_id)
        now = None if current is None else spec.encoded(current[1:])
        if op == "insert":
            if now is not None:
                raise changed
            assert after is not None
            extras = after.pop("_deleted_with", None)
            values = [to_column(spec.kinds[f], after[f]) for f in spec.fields]
            conn.execute(spec.insert_sql, [meeting_id, *values] if spec.child else values)
            if table == "people" and meeting_id is not None:
                self._link(conn, meeting_id, row_id)  # deleting the person took the link
            for name, rows in (extras or {}).items():
                child = _spec(dict(_RECORD_CHILDREN)[name])
                conn.executemany(
                    child.insert_sql,
                    [[meeting_id, *(to_column(child.kinds[f], r[f]) for f in child.fields)]
                     for r in rows],
                )  # fmt: skip
            self._journal(conn, meeting_id, table, row_id, "insert", None, after)
            return
        if now is None or any(now.get(f) != v for f, v in (before or {}).items() if f[0] != "_"):
            raise changed
        if op == "delete":
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            self._journal(conn, meeting_id, table, row_id, "delete", now, None)
            return
        assert after is not None
        fields = tuple(after)
        conn.execute(
            _update_sql(cls, fields),
            [*(to_column(spec.kinds[f], after[f]) for f in fields), row_id],
        )
        self._journal(conn, meeting_id, table, row_id, "update", before, after)
