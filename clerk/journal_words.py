"""A journal entry in words: "paragraph changed: text 'The Committee…' → 'The Board…'".

The journal keeps every change as table, row, operation and the fields' old and new values;
`clerk journal` and the journal view say it as a line a clerk can read. Pure: no store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clerk.store import JournalEntry

#: What a row of each table is called, in the journal's words and the store's messages alike.
TABLE_NOUNS = {
    "committees": "committee",
    "people": "person",
    "memberships": "membership",
    "meetings": "meeting",
    "items": "agenda item",
    "attendance": "attendance",
    "declarations": "declaration",
    "paragraphs": "paragraph",
    "resolutions": "resolution",
    "votes": "vote",
    "actions": "action",
    "meeting_people": "person linked to the meeting",
    "amendments": "amendment request",
    "versions": "version of the minutes",
    "status_changes": "status",
    "meeting_committees": "committee as it was at this meeting",
    "meeting_people_held": "person as they were at this meeting",
}
_DONE = {"insert": "added", "update": "changed", "delete": "deleted"}
_STATUS_FIELDS = frozenset(
    {
        "status",
        "approved_on",
        "confirmed_by_meeting_id",
        "confirmed_minute",
        "confirmed_with_amendments",
        "confirmed_on",
    }
)
#: The text a row is best known by, for an added or deleted row.
_NAMED_BY = ("text", "name", "title", "motion", "status", "reference")


def short(value: Any, width: int = 50) -> str:
    text = " ".join(str(value).split()) if value is not None else "nothing"
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def describe(entry: JournalEntry) -> str:
    """One line for a journal entry; "" for one the status line already tells (the meeting
    row's status fields, which the status change beside it says with its reason)."""
    what = TABLE_NOUNS.get(entry.table, entry.table)
    new, old = entry.new or {}, entry.old or {}
    if entry.table == "status_changes":
        line = f"status {new.get('from_status')} → {new.get('to_status')}"
        if new.get("by"):
            line += f" by {new['by']}"
        return line + (f": {new['reason']}" if new.get("reason") else "")
    if entry.table == "meetings" and entry.op == "update" and set(new) <= _STATUS_FIELDS:
        return ""
    if entry.table == "amendments":
        if entry.op == "insert":
            line = f"request on {new.get('reference')} ({new.get('kind')}) by {new.get('author')}"
            return line + (f": {short(new['new_text'])}" if new.get("new_text") else "")
        line = f"request {entry.row_id[:8]} {new.get('status')} by {new.get('decided_by')}"
        return line + (f": {new['reason']}" if new.get("reason") else "")
    if entry.table == "versions":
        return f"version {new.get('number')} of the minutes frozen ({new.get('event')})"
    done = _DONE.get(entry.op, entry.op)
    if entry.table == "meeting_people_held":  # the details are one JSON object
        was, now = old.get("details") or {}, new.get("details") or {}
        line = f"{what} {done}: {short((now or was).get('name'))}"
        edits = [
            f"{k} {short(was.get(k))} → {short(v)}"
            for k, v in now.items()
            if was and v != was.get(k)
        ]
        return line + (f", {', '.join(edits)}" if edits else "")
    if entry.table == "meetings" and entry.op == "update" and "items" in new:
        return f"meeting of {new.get('date')} replaced by an imported record"
    if entry.op == "update":
        changes = ", ".join(
            f"{name} {short(old.get(name))} → {short(value)}"
            for name, value in new.items()
            if name != "position"
        )
        if not changes and "position" in new:
            return f"{what} moved"
        return f"{what} {done}: {changes}"
    row = new if entry.op == "insert" else old
    if entry.table == "meetings":
        return f"meeting of {row.get('date')} {done}" + (" (replaced)" if old and new else "")
    named = next((row[k] for k in _NAMED_BY if row.get(k)), "")
    return f"{what} {done}" + (f": {short(named)}" if named else "")
