"""What accepting an amendment request does to the meeting's record: one pure function.

`changes_for(record, amendment)` answers the edits (rows to update, add, delete) that make
the minutes say what the request asks, or that none can be made automatically and why. The
review service (`clerk.review`) applies them in one transaction with the request's decision.

A request names the record row its passage was written from (`Amendment.source`):
- a typed paragraph ("paragraphs:…") or resolution ("resolutions:…"): its text is replaced,
  a new paragraph or resolution is inserted after it, or it is deleted;
- an item's title ("items:…"): a paragraph inserted after it opens the item's paragraphs;
- everything written from other rows (attendance, membership, declarations, votes, the
  heading, the closing time) is a sentence clerk composes, so no text can be put into it:
  accepting records the request as accepted and says where on the live screen to change the
  record, because that is what a clerk does with "add Cllr Smith's apologies": change the
  attendance, and the minutes follow. (Refusing instead would leave a request the clerk
  agreed with open for ever, and approval waits on open requests.)
- a comment changes nothing: accepting it notes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from clerk.record import (
    Amendment,
    AmendmentKind,
    MeetingRecord,
    MinuteParagraph,
    Resolution,
    new_id,
)


class CannotAmend(ValueError):
    """The request cannot be accepted as it stands (its passage has gone); the message says
    why and what to do. Nothing is changed."""


@dataclass(frozen=True)
class Edit:
    op: str  # "update" | "add" | "delete"
    row: Any  # the record row (MinuteParagraph, Resolution); for "add", the new row
    changes: dict[str, Any] = field(default_factory=dict)  # for "update"


@dataclass(frozen=True)
class Changes:
    edits: tuple[Edit, ...] = ()
    by_hand: str = ""  # "" or what the clerk must change on the live screen, and where

    @property
    def applied(self) -> bool:
        return not self.by_hand


#: What each generated source is written from, and where on the live screen it is changed.
_BY_HAND = {
    "attendance": "the attendance (the roll call on the live screen)",
    "membership": "the attendance: apologies and substitutes (the roll call on the live screen)",
    "declarations": "the declarations of interest (on the live screen)",
    "votes": "the vote (on the live screen)",
    "actions": "the action (on the live screen)",
    "items": "the agenda item (on the live screen)",
}


def changes_for(record: MeetingRecord, amendment: Amendment) -> Changes:
    """The edits accepting `amendment` makes to `record` (pure: `record` is not changed).
    CannotAmend when the row the request was made on is no longer in the record."""
    if amendment.kind is AmendmentKind.COMMENT:
        return Changes()
    table, _, row_id = amendment.source.partition(":")
    if table == "paragraphs":
        paragraph = _find(record.paragraphs, row_id, amendment)
        return _paragraph_changes(record, paragraph, amendment)
    if table == "resolutions":
        resolution = _find(record.resolutions, row_id, amendment)
        return _resolution_changes(record, resolution, amendment)
    if table == "items" and amendment.kind is AmendmentKind.INSERT:
        item = _find(record.items, row_id, amendment)
        text, bullets = split_text(amendment.new_text)
        new = MinuteParagraph(item_id=item.id, text=text, bullets=bullets, id=new_id())
        return Changes(_placed(record.paragraphs_for(item.id), None, new))
    where = _BY_HAND.get(table, "the meeting's details (on the live screen)")
    return Changes(
        by_hand=f"{amendment.reference} is written from {where}, not typed as a paragraph: "
        "make the change there and the minutes will follow"
    )


def split_text(text: str) -> tuple[str, list[str]]:
    """A paragraph as the minutes show it (its text, then one topic bullet a line) back into
    the record's text and bullets."""
    lines = [line.strip() for line in text.strip().splitlines()]
    lines = [line for line in lines if line]
    return (lines[0] if lines else "", lines[1:])


def _find(rows: list[Any], row_id: str, amendment: Amendment) -> Any:
    for row in rows:
        if row.id == row_id:
            return row
    raise CannotAmend(
        f"{amendment.reference} is no longer in the minutes (what it was written from has "
        "been deleted since the request was made): decline the request with a reason, "
        "or ask for the change again on the passage as it is now."
    )


def _paragraph_changes(
    record: MeetingRecord, paragraph: MinuteParagraph, amendment: Amendment
) -> Changes:
    if amendment.kind is AmendmentKind.DELETE:
        return Changes((Edit("delete", paragraph),))
    text, bullets = split_text(amendment.new_text)
    if amendment.kind is AmendmentKind.REPLACE:
        return Changes((Edit("update", paragraph, {"text": text, "bullets": bullets}),))
    new = MinuteParagraph(item_id=paragraph.item_id, text=text, bullets=bullets, id=new_id())
    return Changes(_placed(record.paragraphs_for(paragraph.item_id), paragraph, new))


def _resolution_changes(
    record: MeetingRecord, resolution: Resolution, amendment: Amendment
) -> Changes:
    if amendment.kind is AmendmentKind.DELETE:
        votes = [v for v in record.votes if v.resolution_id == resolution.id]
        if votes:
            return Changes(
                by_hand=f"{amendment.reference} has a vote recorded on it: delete the vote "
                "and then the resolution on the live screen"
            )
        return Changes((Edit("delete", resolution),))
    text = _as_recorded(" ".join(amendment.new_text.split()), resolution.text, amendment.old_text)
    if amendment.kind is AmendmentKind.REPLACE:
        return Changes((Edit("update", resolution, {"text": text}),))
    new = Resolution(item_id=resolution.item_id, text=text, id=new_id())
    return Changes(_placed(record.resolutions_for(resolution.item_id), resolution, new))


def _as_recorded(new: str, recorded: str, shown: str) -> str:
    """A resolution as the chair wrote it, in the form the record keeps: a style that hoists
    "That" into the heading shows "The Minutes … be approved", the record "That the Minutes
    … be approved", and the composer takes "That" off again."""
    if recorded[:5].casefold() != "that " or new[:5].casefold() == "that ":
        return new
    if shown[:5].casefold() == "that ":
        return new  # the style shows "That": the chair chose to drop it
    rest = recorded[5:]
    if rest[:1].islower() and new[:1].isupper() and shown[:1].isupper():
        new = new[:1].lower() + new[1:]
    return f"That {new}"


def _placed(siblings: list[Any], after: Any | None, new: Any) -> tuple[Edit, ...]:
    """`new` added after `after` (None: first) among `siblings`, with the positions that
    must move to make room: the order of the others is kept."""
    order = list(siblings)
    index = 0 if after is None else order.index(after) + 1
    order.insert(index, new)
    edits = [Edit("add", replace(new, position=index))]
    for position, row in enumerate(order):
        if row is not new and row.position != position:
            edits.append(Edit("update", row, {"position": position}))
    return tuple(edits)


__all__ = ["CannotAmend", "Changes", "Edit", "changes_for", "split_text"]
