"""The chair's review as the store keeps it: amendment requests, frozen versions of the
minutes, and the history of a meeting's status.

The store knows nothing of the Minutes document (the layering keeps it out), so a version is
kept as the JSON text `clerk.minutes.document_json` writes; `clerk.review` reads it back.
A status change is the one write an approved meeting takes (`set_status`); every other
change to it is refused in `RowsMixin._journal`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from clerk.record import Amendment, AmendmentKind, AmendmentStatus, Meeting, MeetingStatus
from clerk.store.connection import StoreError
from clerk.store.rows import RowsMixin, _spec

_AMENDMENT_COLUMNS = (
    "id", "meeting_id", "reference", "source", "kind", "old_text", "new_text", "author",
    "made_at", "status", "reason", "decided_by", "decided_at", "version",
)  # fmt: skip

#: Meeting fields a status change may set besides the status (the dates and facts of approval
#: and confirmation).
STATUS_FACTS = frozenset(
    {
        "approved_on",
        "confirmed_by_meeting_id",
        "confirmed_minute",
        "confirmed_with_amendments",
        "confirmed_on",
    }
)


class UnknownAmendment(StoreError):
    """No amendment request of the meeting matches the id given."""


@dataclass(frozen=True)
class StoredVersion:
    """A frozen version of a meeting's minutes as the store keeps it: the document is the
    JSON text of `clerk.minutes.document_json` (`clerk.review.MinutesVersion` decodes it)."""

    meeting_id: str
    number: int
    frozen_at: datetime
    by: str
    event: str
    document: str


@dataclass(frozen=True)
class StatusChange:
    meeting_id: str
    at: datetime
    role: str  # the journal's role: "clerk", "chair"
    by: str
    from_status: MeetingStatus
    to_status: MeetingStatus
    reason: str = ""
    version: int | None = None


def stamp(moment: datetime) -> str:
    """A moment as kept: ISO 8601 in UTC, to the millisecond."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is the machine's local time
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _amendment(row: tuple) -> Amendment:
    values = dict(zip(_AMENDMENT_COLUMNS, row, strict=True))
    return Amendment(
        **{
            **values,
            "kind": AmendmentKind(values["kind"]),
            "status": AmendmentStatus(values["status"]),
            "made_at": _moment(values["made_at"]),
            "decided_at": _moment(values["decided_at"]),
        }
    )


def _amendment_row(a: Amendment) -> dict[str, Any]:
    return {
        "id": a.id,
        "meeting_id": a.meeting_id,
        "reference": a.reference,
        "source": a.source,
        "kind": a.kind.value,
        "old_text": a.old_text,
        "new_text": a.new_text,
        "author": a.author,
        "made_at": stamp(a.made_at),
        "status": a.status.value,
        "reason": a.reason,
        "decided_by": a.decided_by,
        "decided_at": None if a.decided_at is None else stamp(a.decided_at),
        "version": a.version,
    }


class ReviewMixin(RowsMixin):
    """Amendment requests, versions and status changes."""

    # ----------------------------------------------------------------------- who is acting

    @contextmanager
    def acting_as(self, role: str) -> Iterator[None]:
        """Journal every change made inside as made by `role` ("chair" when the chair acts
        through a clerk's screen or command)."""
        with self._lock:
            before = self.role
            self.role = role
            try:
                yield
            finally:
                self.role = before

    # ----------------------------------------------------------------------- amendments

    def amendments(self, meeting_id: str) -> list[Amendment]:
        """The meeting's amendment requests, in the order they were made."""
        columns = ", ".join(_AMENDMENT_COLUMNS)
        with self._read() as conn:
            self._meeting(conn, meeting_id)
            rows = conn.execute(
                f"SELECT {columns} FROM amendments WHERE meeting_id = ? ORDER BY made_at, rowid",
                (meeting_id,),
            )
            return [_amendment(r) for r in rows]

    def amendment(self, meeting_id: str, ref: str) -> Amendment:
        """The meeting's request whose id is `ref` or starts with it (4 characters or more)."""
        ref = ref.strip()
        found = [a for a in self.amendments(meeting_id) if a.id == ref]
        if not found and len(ref) >= 4:
            found = [a for a in self.amendments(meeting_id) if a.id.startswith(ref)]
        if len(found) == 1:
            return found[0]
        if found:
            raise UnknownAmendment(
                f"{len(found)} requests have ids starting {ref!r}: give more of the id."
            )
        raise UnknownAmendment(
            f"This meeting has no amendment request {ref!r}. "
            "`clerk amendments MEETING` lists them with their ids."
        )

    def add_amendment(self, amendment: Amendment) -> Amendment:
        """Keep a new request (journalled; refused if the minutes are approved)."""
        row = _amendment_row(amendment)
        with self._write() as conn:
            self._meeting(conn, amendment.meeting_id)
            conn.execute(
                f"INSERT INTO amendments ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
            self._journal(
                conn, amendment.meeting_id, "amendments", amendment.id, "insert", None, row
            )
        return amendment

    def decide_amendment(
        self,
        meeting_id: str,
        amendment_id: str,
        status: AmendmentStatus,
        by: str,
        reason: str = "",
        at: datetime | None = None,
    ) -> Amendment:
        """Accept or decline an open request (journalled). Inside `batch()` it commits with
        the changes accepting it made to the record, or not at all."""
        if status is AmendmentStatus.OPEN:
            raise ValueError("a request is decided as accepted or declined")
        moment = stamp(at or datetime.now(UTC))
        with self._write() as conn:
            current = self._amendment_in(conn, meeting_id, amendment_id)
            if current.status is not AmendmentStatus.OPEN:
                raise StoreError(
                    f"Request {amendment_id[:8]} on {current.reference} was already "
                    f"{current.status.value}"
                    + (f" by {current.decided_by}" if current.decided_by else "")
                    + "; nothing was changed."
                )
            changes = {
                "status": status.value,
                "reason": reason,
                "decided_by": by,
                "decided_at": moment,
            }
            conn.execute(
                "UPDATE amendments SET status = ?, reason = ?, decided_by = ?, decided_at = ? "
                "WHERE id = ?",
                (*changes.values(), amendment_id),
            )
            old = {"status": current.status.value, "reason": current.reason,
                   "decided_by": current.decided_by, "decided_at": None}  # fmt: skip
            self._journal(conn, meeting_id, "amendments", amendment_id, "update", old, changes)
            return self._amendment_in(conn, meeting_id, amendment_id)

    def _amendment_in(
        self, conn: sqlite3.Connection, meeting_id: str, amendment_id: str
    ) -> Amendment:
        row = conn.execute(
            f"SELECT {', '.join(_AMENDMENT_COLUMNS)} FROM amendments "
            "WHERE id = ? AND meeting_id = ?",
            (amendment_id, meeting_id),
        ).fetchone()
        if row is None:
            raise UnknownAmendment(
                f"This meeting has no amendment request {amendment_id!r}; nothing was changed."
            )
        return _amendment(row)

    # ----------------------------------------------------------------------- versions

    def versions(self, meeting_id: str) -> list[StoredVersion]:
        """The frozen versions of the meeting's minutes, oldest (number 1) first."""
        with self._read() as conn:
            self._meeting(conn, meeting_id)
            return [
                StoredVersion(meeting_id, n, datetime.fromisoformat(at), by, event, doc)
                for n, at, by, event, doc in conn.execute(
                    "SELECT number, frozen_at, by, event, document FROM versions "
                    "WHERE meeting_id = ? ORDER BY number",
                    (meeting_id,),
                )
            ]

    def freeze_version(
        self, meeting_id: str, document: str, by: str, event: str = "sent to the chair"
    ) -> StoredVersion:
        """Keep `document` (a Minutes document as JSON) as the meeting's next version."""
        at = datetime.now(UTC)
        with self._write() as conn:
            self._meeting(conn, meeting_id)
            number = conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM versions WHERE meeting_id = ?",
                (meeting_id,),
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO versions (meeting_id, number, frozen_at, by, event, document) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (meeting_id, number, stamp(at), by, event, document),
            )
            # the journal says a version was frozen; the document itself is in `versions`
            self._changing_status = True  # freezing changes nothing the record says
            try:
                self._journal(conn, meeting_id, "versions", str(number), "insert", None,
                              {"number": number, "by": by, "event": event})  # fmt: skip
            finally:
                self._changing_status = False
        return StoredVersion(meeting_id, number, at, by, event, document)

    # ----------------------------------------------------------------------- status

    def set_status(
        self,
        meeting_id: str,
        status: MeetingStatus,
        *,
        by: str,
        reason: str = "",
        version: int | None = None,
        **facts: Any,
    ) -> Meeting:
        """Move the meeting to `status`, setting `facts` (approved_on, confirmed_…) with it:
        one transaction, journalled (by this store's role) and kept in the status history.
        Which moves are allowed is `clerk.review`'s to say; this is the one write approved
        minutes take, so that they can be reopened and confirmed."""
        unknown = set(facts) - STATUS_FACTS
        if unknown:
            raise TypeError(f"set_status cannot set {', '.join(sorted(unknown))}")
        with self.batch(), self._write() as conn:  # the update below joins this transaction
            meeting = self._meeting(conn, meeting_id)
            self._changing_status = True
            try:
                updated = self._update(meeting, {"status": status, **facts})
                change = {
                    "by": by,
                    "from_status": meeting.status.value,
                    "to_status": status.value,
                    "reason": reason,
                    "version": version,
                }
                cursor = conn.execute(
                    "INSERT INTO status_changes (meeting_id, at, role, by, from_status, "
                    "to_status, reason, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (meeting_id, stamp(datetime.now(UTC)), self.role, *change.values()),
                )
                # the journal keeps the why (a reopening's reason) beside the what
                self._journal(conn, meeting_id, "status_changes", str(cursor.lastrowid),
                              "insert", None, change)  # fmt: skip
            finally:
                self._changing_status = False
        return updated

    def status_history(self, meeting_id: str) -> list[StatusChange]:
        """Each change of the meeting's status, oldest first."""
        with self._read() as conn:
            return [
                StatusChange(
                    meeting_id,
                    datetime.fromisoformat(at),
                    role,
                    by,
                    MeetingStatus(old),
                    MeetingStatus(new),
                    reason,
                    version,
                )
                for at, role, by, old, new, reason, version in conn.execute(
                    "SELECT at, role, by, from_status, to_status, reason, version "
                    "FROM status_changes WHERE meeting_id = ? ORDER BY id",
                    (meeting_id,),
                )
            ]

    def meetings_confirmed_by(self, meeting_id: str) -> list[Meeting]:
        """The earlier meetings whose minutes `meeting_id` confirmed."""
        spec = _spec(Meeting)
        with self._read() as conn:
            return [
                spec.from_row(r)
                for r in conn.execute(
                    f"SELECT {spec.columns_sql} FROM meetings WHERE confirmed_by_meeting_id = ?",
                    (meeting_id,),
                )
            ]


def day_of(moment: datetime) -> date:
    """The local calendar day of a kept moment (for "Approved by the Chair on …")."""
    return moment.astimezone().date()


__all__ = [
    "STATUS_FACTS",
    "ReviewMixin",
    "StatusChange",
    "StoredVersion",
    "UnknownAmendment",
    "day_of",
    "stamp",
]
