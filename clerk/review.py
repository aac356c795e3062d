"""The chair's review of the minutes: the one service the command line and the screens use.

The life of a meeting's minutes: ended → sent to the chair (a numbered version frozen each
time) → amendment requests made, each accepted (the record changes; the minutes regenerate)
or declined with a reason → approved by the chair (read-only from then on) → published →
confirmed as a correct record at a later meeting. Approved minutes change only after
`reopen` with a reason. Every step is journalled with the role that took it.

No Textual and no click here: each function takes a Store, checks that the step is allowed
now (raising ReviewError, or the store's MinutesApproved, with a sentence saying why and what
to do) and makes it in one transaction.

Why one module (about 510 lines): each step of the minutes' life checks the status the
previous step left; kept together the rules of that life read in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from clerk.amending import CannotAmend, Changes, changes_for
from clerk.errors import ClerkError
from clerk.minutes.compose import compose_minutes
from clerk.minutes.document import MinutesDocument
from clerk.minutes.document_json import from_json, to_json
from clerk.minutes.references import Passage, PassageKind, find, item_number, passages
from clerk.minutes.style import HouseStyle, load_style
from clerk.record import (
    MINUTES_APPROVED,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    new_id,
)
from clerk.store import MinutesApproved, Store, StoredVersion

CHAIR, CLERK = "chair", "clerk"
ROLES = (CHAIR, CLERK)

#: Statuses in which the draft is under review: requests may be made and decided.
REVIEWABLE = frozenset({MeetingStatus.ENDED, MeetingStatus.SENT})


class ReviewError(ClerkError):
    """A review step not allowed now; the message says why and what to do."""


@dataclass(frozen=True)
class MinutesVersion:
    """A numbered version of a meeting's minutes, frozen when it went to the chair (or was
    approved): the document exactly as it was rendered then."""

    meeting_id: str
    number: int
    frozen_at: datetime
    by: str
    document: MinutesDocument
    event: str = "sent to the chair"


@dataclass(frozen=True)
class Outcome:
    """What accepting a request did: the request as decided, whether the record was changed,
    and a sentence for the clerk."""

    amendment: Amendment
    applied: bool
    message: str


# --------------------------------------------------------------------------- the minutes now


def minutes_document(
    record: MeetingRecord, style: HouseStyle | None = None, *, exempt: bool = False
) -> MinutesDocument:
    """The minutes as every export renders them: DRAFT until the chair has approved them."""
    return compose_minutes(
        record,
        style or load_style(record.committee.style),
        exempt=exempt,
        draft=not record.meeting.status.minutes_approved,
    )


def current_record_and_minutes(
    store: Store, meeting_id: str, style: HouseStyle | None = None
) -> tuple[MeetingRecord, MinutesDocument]:
    record = store.load_record(meeting_id)
    return record, minutes_document(record, style)


def current_minutes(
    store: Store, meeting_id: str, style: HouseStyle | None = None
) -> MinutesDocument:
    return minutes_document(store.load_record(meeting_id), style)


def versions(store: Store, meeting_id: str) -> list[MinutesVersion]:
    """The meeting's frozen versions, number 1 first."""
    return [_version(v) for v in store.versions(meeting_id)]


def freeze_version(
    store: Store, meeting_id: str, document: MinutesDocument, by: str, event: str = ""
) -> MinutesVersion:
    """Keep `document` as the meeting's next numbered version (send_to_chair and approve do
    this themselves; this is for a version frozen for another reason)."""
    stored = store.freeze_version(meeting_id, to_json(document), by, event or "frozen")
    return _version(stored)


def _version(stored: StoredVersion) -> MinutesVersion:
    return MinutesVersion(
        stored.meeting_id,
        stored.number,
        stored.frozen_at,
        stored.by,
        from_json(stored.document),
        stored.event,
    )


# --------------------------------------------------------------------------- sending


def send_to_chair(
    store: Store, meeting_id: str, style: HouseStyle | None = None, by: str = CLERK
) -> MinutesVersion:
    """Freeze the current minutes as the next version and mark the meeting sent to the
    chair. Sending again after changes freezes another version; sending again without any
    answers the version the chair already has."""
    meeting = store.meeting(meeting_id)
    _refuse_if_approved(meeting, "sent to the chair again")
    if meeting.status not in REVIEWABLE:
        raise ReviewError(
            f"The meeting on {meeting.date} is {_status_words(meeting.status)}: its minutes "
            "can go to the chair once it has ended. End it on the live screen "
            "(`clerk open MEETING`, then end the meeting) first."
        )
    document = current_minutes(store, meeting_id, style)
    kept = store.versions(meeting_id)
    if meeting.status is MeetingStatus.SENT and kept and kept[-1].document == to_json(document):
        return _version(kept[-1])  # nothing has changed since: the chair has this version
    with store.batch():
        stored = store.freeze_version(meeting_id, to_json(document), by)
        if meeting.status is not MeetingStatus.SENT:
            store.set_status(
                meeting_id, MeetingStatus.SENT, by=by, version=stored.number,
                reason=f"version {stored.number} sent to the chair",
            )  # fmt: skip
    return _version(stored)


# --------------------------------------------------------------------------- requests


def request_amendment(
    store: Store,
    meeting_id: str,
    reference: str,
    kind: AmendmentKind,
    new_text: str = "",
    author: str = CHAIR,
    *,
    role: str = CHAIR,
    style: HouseStyle | None = None,
    made_at: datetime | None = None,
    now: tuple[MeetingRecord, MinutesDocument] | None = None,
) -> Amendment:
    """Ask for a change to the passage `reference` names in the current minutes ("4.3",
    "5 RESOLVED (2)", "attendance 1"): replace its text with `new_text`, insert `new_text`
    after it, delete it, or comment (`new_text` is the comment). Refused when the reference
    names nothing in the minutes as they are now, or the minutes are approved. `now`: the
    record and its minutes as they are, when the caller has them (many requests at once)."""
    meeting = store.meeting(meeting_id)
    _refuse_if_approved(meeting, "amended")
    if meeting.status not in REVIEWABLE:
        raise ReviewError(
            f"The meeting on {meeting.date} is {_status_words(meeting.status)}: amendments "
            "are asked for once it has ended and its draft minutes exist."
        )
    record, document = now or current_record_and_minutes(store, meeting_id, style)
    passage = find(document, reference)
    if passage is None:
        near = _nearby(document, reference)
        raise ReviewError(
            f"There is no passage {reference.strip()!r} in the minutes of {meeting.date} as "
            "they are now (it may have been renumbered or deleted): look at the current "
            "minutes (`clerk minutes MEETING`) and give the reference they show"
            + (f", such as {near}" if near else "")
            + ". Nothing was saved."
        )
    new_text = new_text.strip()
    if kind in (AmendmentKind.REPLACE, AmendmentKind.INSERT, AmendmentKind.COMMENT) and not (
        new_text
    ):
        what = {"replace": "the new text", "insert": "the text to insert",
                "comment": "the comment"}[kind.value]  # fmt: skip
        raise ReviewError(f"A {kind.value} request needs {what}; nothing was saved.")
    if kind is AmendmentKind.DELETE:
        new_text = ""
    if kind is AmendmentKind.REPLACE and new_text == passage.text:
        raise ReviewError(
            f"The new text of {passage.reference} is what the minutes already say; "
            "nothing was saved."
        )
    latest = store.versions(meeting_id)
    amendment = Amendment(
        id=new_id(),
        meeting_id=meeting_id,
        reference=passage.reference,
        source=_source(record, passage),
        kind=kind,
        old_text=passage.text,
        new_text=new_text,
        author=author.strip() or role,
        made_at=made_at or datetime.now(UTC),
        version=latest[-1].number if latest else None,
    )
    with store.acting_as(role):
        return store.add_amendment(amendment)


def _nearby(document: MinutesDocument, reference: str) -> str:
    """References of the same item as `reference` ("4.9" -> "4.1, 4.2, 4 RESOLVED")."""
    head = reference.strip().split(".")[0].split(" ")[0]
    if not head:
        return ""
    same = [p.reference for p in passages(document) if p.reference.split(".")[0].split(" ")[0]
            == head]  # fmt: skip
    return ", ".join(same[:8])


def _source(record: MeetingRecord, passage: Passage) -> str:
    """The record row a request on `passage` is tied to: the passage's own, or for an item's
    title the item ("items:…"), so that a paragraph can be inserted after it."""
    if passage.kind is PassageKind.ITEM_TITLE:
        number = item_number(passage.text)
        item = next((i for i in record.items if i.number == number), None)
        if item is not None:
            return f"items:{item.id}"
    return passage.source or passage.kind.value


def accept(
    store: Store,
    meeting_id: str,
    amendment_id: str,
    by: str = CLERK,
    style: HouseStyle | None = None,
    note: str = "",
) -> Outcome:
    """Accept a request: change the record as it asks (the minutes regenerate from it), in
    one transaction with the decision. A request on a passage composed from other rows
    (attendance, declarations, the heading …) is accepted and the clerk told where to make
    the change; a replacement whose passage has changed since it was asked is refused.
    `note`, if given, is kept with the decision as its reason."""
    meeting = store.meeting(meeting_id)
    _refuse_if_approved(meeting, "amended")
    amendment = store.amendment(meeting_id, amendment_id)
    _refuse_if_decided(amendment)
    record = store.load_record(meeting_id)
    try:
        changes = changes_for(record, amendment)
    except CannotAmend as exc:
        raise ReviewError(f"{exc} Nothing was changed.") from None
    if amendment.kind is AmendmentKind.REPLACE and changes.applied:
        _refuse_if_changed(record, amendment, style)
    reason = f"to be made by hand: {changes.by_hand}" if changes.by_hand else ""
    reason = "; ".join(r for r in (note.strip(), reason) if r)
    with store.batch():
        _apply(store, meeting_id, changes)
        decided = store.decide_amendment(
            meeting_id, amendment.id, AmendmentStatus.ACCEPTED, by, reason
        )
    if changes.by_hand:
        message = f"Accepted. {changes.by_hand[:1].upper()}{changes.by_hand[1:]}."
    elif amendment.kind is AmendmentKind.COMMENT:
        message = f"Accepted the comment on {amendment.reference}; the minutes are unchanged."
    else:
        done = {"replace": "replaced", "insert": "inserted after", "delete": "deleted"}
        message = (
            f"Accepted: {amendment.reference} {done[amendment.kind.value]}; "
            "the minutes now read as asked."
        )
    return Outcome(decided, changes.applied, message)


def _refuse_if_changed(
    record: MeetingRecord, amendment: Amendment, style: HouseStyle | None
) -> None:
    document = minutes_document(record, style)
    now = next((p for p in passages(document) if p.source == amendment.source), None)
    if now is not None and now.text != amendment.old_text:
        raise ReviewError(
            f"{amendment.reference} has changed since the request was made, so replacing it "
            f"would lose that change. It now reads: {now.text!r}. Decline the request with a "
            "reason, or make the change by hand. Nothing was changed."
        )


def _apply(store: Store, meeting_id: str, changes: Changes) -> None:
    """The edits, in the caller's transaction. Not an undo step: the change and the decision
    that made it stand together (to take it back, ask for another amendment)."""
    for edit in changes.edits:
        if edit.op == "update":
            store.update(edit.row, **edit.changes)
        elif edit.op == "add":
            store.add(meeting_id, edit.row)
        else:
            store.delete(edit.row)


def decline(
    store: Store, meeting_id: str, amendment_id: str, reason: str, by: str = CLERK
) -> Amendment:
    """Decline a request, saying why (required: the chair will read it)."""
    if not reason.strip():
        raise ReviewError(
            "Declining a request needs a reason the chair can read (--reason TEXT); "
            "nothing was changed."
        )
    meeting = store.meeting(meeting_id)
    _refuse_if_approved(meeting, "amended")
    amendment = store.amendment(meeting_id, amendment_id)
    _refuse_if_decided(amendment)
    return store.decide_amendment(
        meeting_id, amendment.id, AmendmentStatus.DECLINED, by, reason.strip()
    )


def _refuse_if_decided(amendment: Amendment) -> None:
    if amendment.status is not AmendmentStatus.OPEN:
        raise ReviewError(
            f"Request {amendment.id[:8]} on {amendment.reference} was already "
            f"{amendment.status.value}; nothing was changed."
        )


# --------------------------------------------------------------------------- approval and after


def approve(
    store: Store,
    meeting_id: str,
    by: str = CHAIR,
    on: date | None = None,
    style: HouseStyle | None = None,
) -> Meeting:
    """The chair approves the minutes sent to them: refused while a request is open. The
    approved minutes are frozen as a version of their own, and read-only from now on."""
    meeting = store.meeting(meeting_id)
    _refuse_if_approved(meeting, "approved again")
    if meeting.status is not MeetingStatus.SENT:
        raise ReviewError(
            f"The minutes of {meeting.date} have not been sent to the chair (the meeting is "
            f"{_status_words(meeting.status)}). Send them first: "
            "`clerk send-to-chair MEETING`."
        )
    open_ = [a for a in store.amendments(meeting_id) if a.status is AmendmentStatus.OPEN]
    if open_:
        listed = ", ".join(f"{a.id[:8]} ({a.reference})" for a in open_)
        raise ReviewError(
            f"The minutes of {meeting.date} cannot be approved: {len(open_)} amendment "
            f"request{'s are' if len(open_) > 1 else ' is'} still open ({listed}). Accept or "
            "decline each first: `clerk amend MEETING REQUEST_ID accept|decline`."
        )
    day = on or datetime.now().date()
    with store.batch(), store.acting_as(CHAIR):
        approved = store.set_status(
            meeting_id, MeetingStatus.APPROVED, by=by, approved_on=day,
            reason="approved by the chair",
        )  # fmt: skip
        document = current_minutes(store, meeting_id, style)
        store.freeze_version(meeting_id, to_json(document), by, event="approved")
    return approved


def publish(store: Store, meeting_id: str, by: str = CLERK) -> Meeting:
    meeting = store.meeting(meeting_id)
    if meeting.status is not MeetingStatus.APPROVED:
        raise ReviewError(
            f"Only approved minutes are published; the minutes of {meeting.date} are "
            f"{_status_words(meeting.status)}."
            + (
                " Approve them first: `clerk approve MEETING`."
                if meeting.status in REVIEWABLE
                else ""
            )
        )
    return store.set_status(meeting_id, MeetingStatus.PUBLISHED, by=by, reason="published")


def reopen(store: Store, meeting_id: str, reason: str, by: str = CLERK) -> Meeting:
    """Make approved (or published, or confirmed) minutes editable again, with the reason,
    which the journal and the status history keep. They go back to the draft (ended): the
    chair approves them again after the change."""
    if not reason.strip():
        raise ReviewError(
            "Reopening approved minutes needs a reason, which is kept in the journal "
            "(--reason TEXT); nothing was changed."
        )
    meeting = store.meeting(meeting_id)
    if meeting.status not in MINUTES_APPROVED:
        raise ReviewError(
            f"The minutes of {meeting.date} are not approved (the meeting is "
            f"{_status_words(meeting.status)}): they can be changed as they are, "
            "without reopening."
        )
    return store.set_status(
        meeting_id,
        MeetingStatus.ENDED,
        by=by,
        reason=reason.strip(),
        approved_on=None,
        confirmed_by_meeting_id=None,
        confirmed_minute="",
        confirmed_with_amendments=False,
        confirmed_on=None,
    )


def confirm(
    store: Store,
    meeting_id: str,
    at_meeting_id: str,
    minute_reference: str,
    with_amendments: bool = False,
    by: str = CLERK,
) -> Meeting:
    """Record that the meeting `at_meeting_id` confirmed `meeting_id`'s minutes at its minute
    `minute_reference` ("3.1"), as a correct record or with amendments."""
    meeting = store.meeting(meeting_id)
    later = store.meeting(at_meeting_id)
    if at_meeting_id == meeting_id or later.date <= meeting.date:
        raise ReviewError(
            f"The minutes of {meeting.date} are confirmed at a later meeting; "
            f"the meeting on {later.date} is not later. Nothing was changed."
        )
    if meeting.status not in (MeetingStatus.APPROVED, MeetingStatus.PUBLISHED):
        if meeting.status is MeetingStatus.CONFIRMED:
            raise ReviewError(
                f"The minutes of {meeting.date} were already confirmed on "
                f"{meeting.confirmed_on} (minute {meeting.confirmed_minute}); nothing was "
                "changed."
            )
        raise ReviewError(
            f"The minutes of {meeting.date} cannot be confirmed: the chair has not approved "
            f"them (they are {_status_words(meeting.status)}). Approve them first "
            "(`clerk approve MEETING`)."
        )
    how = "with amendments" if with_amendments else "as a correct record"
    return store.set_status(
        meeting_id,
        MeetingStatus.CONFIRMED,
        by=by,
        reason=f"confirmed {how} at the meeting on {later.date}, minute {minute_reference}",
        confirmed_by_meeting_id=at_meeting_id,
        confirmed_minute=minute_reference,
        confirmed_with_amendments=with_amendments,
        confirmed_on=later.date,
    )


# --------------------------------------------------------------------------- words


_STATUS_WORDS = {
    MeetingStatus.SCHEDULED: "scheduled (not yet held)",
    MeetingStatus.IN_PROGRESS: "still in progress",
    MeetingStatus.ADJOURNED: "adjourned",
    MeetingStatus.ENDED: "ended (a draft not yet sent to the chair)",
    MeetingStatus.SENT: "with the chair for review",
    MeetingStatus.APPROVED: "approved by the chair",
    MeetingStatus.PUBLISHED: "approved and published",
    MeetingStatus.CONFIRMED: "confirmed at a later meeting",
    MeetingStatus.CANCELLED: "cancelled",
}


def status_words(status: MeetingStatus) -> str:
    """The status as a sentence says it: "with the chair for review"."""
    return _STATUS_WORDS[status]


_status_words = status_words


def _refuse_if_approved(meeting: Meeting, doing: str) -> None:
    if meeting.status in MINUTES_APPROVED:
        raise MinutesApproved(
            f"The minutes of the meeting on {meeting.date} are "
            f"{_status_words(meeting.status)}: they cannot be {doing}, and nothing was "
            f"changed. To change them, reopen them with `clerk reopen {meeting.date} "
            "--reason …`."
        )


__all__ = [
    "CHAIR",
    "CLERK",
    "ROLES",
    "MinutesVersion",
    "Outcome",
    "ReviewError",
    "accept",
    "approve",
    "confirm",
    "current_minutes",
    "decline",
    "freeze_version",
    "minutes_document",
    "publish",
    "reopen",
    "request_amendment",
    "send_to_chair",
    "status_words",
    "versions",
]
