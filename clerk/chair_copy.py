"""The chair's Word copy read back: each tracked change and comment becomes an amendment
request on the passage it touches, made through the review service like any other.

The copy is read against the version it was made from (the latest frozen by
`send-to-chair`; the minutes as they stand when none was frozen), so the chair's changes
are found where the chair made them even if the record moved on since. Each request is
then checked by `review.request_amendment` against the minutes as they are now; what cannot
be taken (a passage since deleted, a replacement the minutes already say) is reported with
the reason, and nothing else is lost. Reading the same copy twice asks nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk import review
from clerk.errors import ClerkError
from clerk.minutes.style import HouseStyle
from clerk.record import Amendment, AmendmentKind
from clerk.store import Store


@dataclass(frozen=True)
class NotTaken:
    reference: str
    kind: str
    text: str
    author: str
    why: str


@dataclass(frozen=True)
class Reading:
    """What a chair's copy held: the requests made from it, those already asked for by an
    earlier reading of the same copy, and those that could not be taken."""

    taken: tuple[Amendment, ...]
    repeated: int
    not_taken: tuple[NotTaken, ...]
    version: int | None  # the version the copy was read against


def read_chair_copy(
    store: Store,
    meeting_id: str,
    path: Path,
    *,
    role: str = review.CHAIR,
    style: HouseStyle | None = None,
) -> Reading:
    from clerk.minutes.chair_docx import ChairChangeKind, read_chair_docx

    kept = review.versions(store, meeting_id)
    # requests change no record: the minutes as they are now are composed once for them all
    now = review.current_record_and_minutes(store, meeting_id, style)
    base = kept[-1].document if kept else now[1]
    changes = read_chair_docx(path, base)
    asked = {_key(a.reference, a.kind.value, a.new_text) for a in store.amendments(meeting_id)}
    taken: list[Amendment] = []
    not_taken: list[NotTaken] = []
    repeated = 0
    for change in changes:
        kind = AmendmentKind(change.kind.value)
        text = change.new_text
        if change.kind is ChairChangeKind.INSERT and change.position == "before":
            # Requests insert after a passage; a paragraph put before the very first one
            # is asked for as a comment on it, for the clerk to place by hand.
            kind, text = AmendmentKind.COMMENT, f"Insert before this: {change.new_text}"
        if _key(change.reference, kind.value, text) in asked:
            repeated += 1
            continue
        author = change.author or role
        try:
            amendment = review.request_amendment(
                store,
                meeting_id,
                change.reference,
                kind,
                text,
                author,
                role=role,
                style=style,
                made_at=change.date,
                now=now,
            )
        except ClerkError as exc:
            not_taken.append(NotTaken(change.reference, kind.value, text, author, str(exc)))
            continue
        asked.add(_key(amendment.reference, kind.value, amendment.new_text))
        taken.append(amendment)
    return Reading(tuple(taken), repeated, tuple(not_taken), kept[-1].number if kept else None)


def _key(reference: str, kind: str, text: str) -> tuple[str, str, str]:
    return (" ".join(reference.split()).casefold(), kind, " ".join(text.split()))
