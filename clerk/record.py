"""The meeting record: what a committee is and what happened at one of its meetings.

Plain dataclasses and no I/O. The importers produce these, the store persists them, the
minutes compose from them and the screens edit them through the store.

Identity: every entity carries a string id made by `new_id()`. Ids are made where the
entity is born (an importer, a keystroke on the live screen), so a record can be written
to JSON, carried to another database and read back without renumbering anything.
References between entities (an attendance's person, a declaration's item) are ids.

Why one module (about 540 lines): the record's vocabulary and its dataclasses refer to each
other, and importers, store, minutes and screens all read it as the one definition.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


def new_id() -> str:
    """A 64-bit random id as 16 hex digits: collision-free for a council's lifetime of rows."""
    return uuid.uuid4().hex[:16]


# --------------------------------------------------------------------------- vocabularies


class Part(StrEnum):
    """Whether an agenda item is taken in public or with the press and public excluded."""

    PUBLIC = "public"
    EXEMPT = "exempt"


class MeetingStatus(StrEnum):
    """The life of a meeting, from agenda to minutes signed at a later meeting."""

    SCHEDULED = "scheduled"  # agenda imported; the meeting has not started
    IN_PROGRESS = "in_progress"
    ADJOURNED = "adjourned"  # stopped part way, to resume on another day
    ENDED = "ended"  # closed; the draft minutes can be produced
    SENT = "sent"  # the draft minutes have gone to the chair for review
    APPROVED = "approved"  # the chair has approved the draft minutes
    PUBLISHED = "published"  # the approved minutes have been published
    CONFIRMED = "confirmed"  # signed as a correct record at a later meeting
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """The status in a list of meetings (the picker, `clerk meetings`): "with chair"."""
        return "with chair" if self is MeetingStatus.SENT else self.value.replace("_", " ")

    @property
    def minutes_approved(self) -> bool:
        """The chair has approved the minutes: the record is read-only until reopened, and
        the minutes are no longer a draft."""
        return self in MINUTES_APPROVED


#: The statuses in which the meeting's record may not change (until it is reopened).
MINUTES_APPROVED = frozenset(
    {MeetingStatus.APPROVED, MeetingStatus.PUBLISHED, MeetingStatus.CONFIRMED}
)


class MemberRole(StrEnum):
    MEMBER = "member"
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    CO_CHAIR = "co_chair"  # joint boards are chaired by one member of each council


class AttendanceStatus(StrEnum):
    PRESENT = "present"  # a member of the committee, present
    APOLOGIES = "apologies"  # a member who sent apologies
    ABSENT = "absent"  # a member absent without apologies
    # sits for this meeting only in place of a member who sent apologies (substitute_for);
    # a member who has left the committee is a MembershipChange, not a substitute
    SUBSTITUTE = "substitute"
    DEPUTY = "deputy"  # a board member's nominated deputy (substitute_for is the member)
    ALSO_PRESENT = "also_present"  # a councillor attending who is not a member
    OFFICER = "officer"  # an officer or guest in attendance

    @property
    def counts_as_present(self) -> bool:
        return self in (
            AttendanceStatus.PRESENT,
            AttendanceStatus.SUBSTITUTE,
            AttendanceStatus.DEPUTY,
        )

    @property
    def is_voting_seat(self) -> bool:
        """Present in a member's seat: counts towards the quorum and may vote."""
        return self.counts_as_present


class ItemOutcome(StrEnum):
    RESOLVED = "resolved"
    NOTED = "noted"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"


class DeclarationAction(StrEnum):
    """What the member did about the interest they declared."""

    LEFT_ROOM = "left_room"  # left the room and took no part in the discussion or vote
    DID_NOT_VOTE = "did_not_vote"  # remained for the discussion but did not vote
    REMAINED = "remained"  # remained and took part (a non-pecuniary interest)
    DISPENSATION = "dispensation"  # took part under a dispensation
    # the minutes it was read from do not say (an imported meeting): nor do clerk's
    NOT_STATED = "not_stated"


class VoteMethod(StrEnum):
    SHOW_OF_HANDS = "show_of_hands"
    RECORDED = "recorded"  # each member's vote is named in the minutes


class VoteChoice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class VoteOutcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


#: The kinds of interest under Westminster's Code of Conduct; a committee may carry its own list.
DEFAULT_INTEREST_KINDS: tuple[str, ...] = (
    "pecuniary interest",
    "other significant interest",
    "non-pecuniary interest",
)

COUNCILLOR_HONORIFICS = frozenset({"Councillor", "Cllr", "Cllr.", "Councillors"})


# --------------------------------------------------------------------------- who


@dataclass
class Person:
    """Anyone named in the papers: members, officers, guests. One canonical spelling each."""

    name: str  # as written in the minutes without honorific: "Jonathan Glanz"
    honorific: str = ""  # "Councillor", "Dr", "Chief Superintendent"
    role: str = ""  # "Cabinet Member for Family Services and Public Health"
    organisation: str = ""  # "NHS England", "Central London CCG"
    pronoun: str = ""  # "he", "she", "they": the minutes say "He left the room"
    surname: str = ""  # sort key when the last word of the name is not it ("de Souza")
    email: str = ""
    phone: str = ""
    id: str = field(default_factory=new_id)

    @property
    def is_councillor(self) -> bool:
        return self.honorific in COUNCILLOR_HONORIFICS

    @property
    def sort_key(self) -> tuple[str, str]:
        last = self.surname or (self.name.split()[-1] if self.name.split() else "")
        return (last.casefold(), self.name.casefold())


@dataclass
class Committee:
    """A committee, board or sub-committee, named as on its agendas."""

    name: str  # "Family and People Services Policy and Scrutiny Committee"
    councils: list[str] = field(default_factory=lambda: ["City of Westminster"])
    # the name as its minutes style it, when that differs from the agenda's ("Family and
    # People Services Policy & Scrutiny Committee"); "" = the name
    minutes_name: str = ""
    chair_title: str = "Chairman"  # or "Chair"
    body: str = "Committee"  # how the minutes refer to it: "The Committee noted", "The Board"
    quorum: int = 3
    interest_kinds: list[str] = field(default_factory=lambda: list(DEFAULT_INTEREST_KINDS))
    style: str = "westminster"  # the house style its minutes are written in
    id: str = field(default_factory=new_id)

    @property
    def is_joint(self) -> bool:
        return len(self.councils) > 1

    @property
    def styled_name(self) -> str:
        """The name as the minutes' heading and opening sentence write it."""
        return self.minutes_name.strip() or self.name


@dataclass
class Membership:
    """A seat on a committee held over a period (the to-date is inclusive; None: still held)."""

    committee_id: str
    person_id: str
    role: MemberRole = MemberRole.MEMBER
    seat: str = ""  # joint boards name seats: "Metropolitan Police", "Healthwatch"
    from_date: date | None = None
    to_date: date | None = None
    id: str = field(default_factory=new_id)

    def current_on(self, day: date) -> bool:
        return (self.from_date is None or self.from_date <= day) and (
            self.to_date is None or day <= self.to_date
        )


# --------------------------------------------------------------------------- the meeting


@dataclass
class Adjournment:
    start: time
    end: time | None = None
    item_id: str | None = None
    reason: str = ""


@dataclass
class MembershipChange:
    """A change to the committee's membership noted at a meeting (the Membership item): a
    member who has left it, one who has joined it, or one replacing another from now on.

    Not a substitute: a substitute sits for one meeting in place of a member who sent
    apologies and stays off the committee (an Attendance with status SUBSTITUTE). The seats
    themselves are the Memberships (dated); this says the change is minuted at this meeting."""

    left_id: str | None = None  # person id of the member who has left the committee
    joined_id: str | None = None  # person id of the member who has joined it (in left's place)
    id: str = field(default_factory=new_id)


@dataclass
class Meeting:
    committee_id: str
    # a field called `date` hides the type `date` in the rest of the class body (a type
    # checker reads `date | None` below as this field): the type is written dt.date here
    date: dt.date
    start_time: time | None = None
    end_time: time | None = None
    venue: str = ""
    status: MeetingStatus = MeetingStatus.SCHEDULED
    approves_minutes_of: dt.date | None = None  # the meeting whose minutes this one approves
    officer_id: str | None = None  # the committee officer named on the agenda
    title: str = ""  # "Follow-on Agenda", or "" for an ordinary agenda
    published_by: str = ""  # the agenda's signature: "Stuart Love, Chief Executive"
    published_on: dt.date | None = None
    current_item_id: str | None = None  # where the live screen was, so reopening returns there
    # who presided (a joint board's co-chair, or whoever took the chair); None: the chair
    presiding_id: str | None = None
    adjournments: list[Adjournment] = field(default_factory=list)
    approved_on: dt.date | None = None  # the day the chair approved the minutes
    # Confirmation at a later meeting: which meeting, at which minute ("3.1"), whether "as a
    # correct record" or "with amendments", and the day (that meeting's date).
    confirmed_by_meeting_id: str | None = None
    confirmed_minute: str = ""
    confirmed_with_amendments: bool = False
    confirmed_on: dt.date | None = None
    # changes to the membership noted at this meeting, in the order noted
    membership_changes: list[MembershipChange] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class SubItem:
    label: str  # "i)", "(III)", "a"
    title: str
    description: str = ""
    page_from: int | None = None
    page_to: int | None = None


@dataclass
class AgendaItem:
    number: str  # "4", or "4A" for an urgent item added on the day
    title: str  # as on the agenda, in capitals
    description: str = ""
    page_from: int | None = None
    page_to: int | None = None
    part: Part = Part.PUBLIC
    exempt_paragraphs: list[int] = field(default_factory=list)  # Schedule 12A to the LGA 1972
    part_heading: str = ""  # the heading it sits under: "PART 1 (IN PUBLIC)", "PART A - ..."
    sub_items: list[SubItem] = field(default_factory=list)
    position: int = 0  # order on the agenda
    taken_order: int | None = None  # order actually taken at the meeting
    outcome: ItemOutcome | None = None
    public_summary: str = ""  # for an exempt item: what the public minutes may say of it
    urgent: bool = False
    id: str = field(default_factory=new_id)

    @property
    def is_exempt(self) -> bool:
        return self.part is Part.EXEMPT

    @property
    def pages(self) -> str:
        if self.page_from is None:
            return ""
        if self.page_to is None or self.page_to == self.page_from:
            return f"{self.page_from}"
        return f"{self.page_from} - {self.page_to}"


@dataclass
class Attendance:
    person_id: str
    status: AttendanceStatus
    substitute_for: str | None = None  # person id of the member replaced or deputised for
    role: str = ""  # role at this meeting, when it differs from the person's usual role
    virtual: bool = False  # attended remotely
    arrived_at: time | None = None  # late arrival
    arrived_item_id: str | None = None
    left_at: time | None = None  # early departure
    left_item_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Declaration:
    person_id: str
    item_id: str | None  # None: a declaration on the agenda as a whole
    kind: str  # one of the committee's interest kinds: "pecuniary interest"
    nature: str = ""  # "in that he is a governor of the school"
    capacity: str = ""  # "a trustee of the Westminster Society"
    action: DeclarationAction = DeclarationAction.REMAINED
    declared_at: time | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class MinuteParagraph:
    """One numbered paragraph of an item's minute. Numbers are never stored: they come
    from the order, so a duplicated or skipped number cannot happen."""

    item_id: str
    text: str
    bullets: list[str] = field(default_factory=list)  # topic bullets inside the paragraph
    position: int = 0
    # an unnumbered note between numbered paragraphs ("(Councillor Bright left the room.)"),
    # written as the house style sets notes and not counted in the numbering
    note: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class Resolution:
    item_id: str
    text: str  # "That the report be noted."
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Vote:
    item_id: str
    resolution_id: str | None = None
    motion: str = ""
    method: VoteMethod = VoteMethod.SHOW_OF_HANDS
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    named: dict[str, VoteChoice] = field(default_factory=dict)  # person id -> choice
    casting_vote: VoteChoice | None = None  # the chair's, on a tie
    position: int = 0
    id: str = field(default_factory=new_id)

    @property
    def outcome(self) -> VoteOutcome:
        if self.votes_for > self.votes_against:
            return VoteOutcome.CARRIED
        if self.votes_for == self.votes_against and self.casting_vote is VoteChoice.FOR:
            return VoteOutcome.CARRIED
        return VoteOutcome.LOST

    def counted_from_names(self) -> Vote:
        """The same vote with its counts taken from the named votes (a recorded vote)."""
        choices = list(self.named.values())
        return replace(
            self,
            votes_for=choices.count(VoteChoice.FOR),
            votes_against=choices.count(VoteChoice.AGAINST),
            abstentions=choices.count(VoteChoice.ABSTAIN),
        )


@dataclass
class Action:
    """An action arising, for the committee's cumulative action tracker."""

    item_id: str
    text: str
    lead: str = ""  # officer or member responsible, as the tracker prints it
    lead_person_id: str | None = None
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    comment: str = ""  # the tracker's "Update" column
    position: int = 0
    id: str = field(default_factory=new_id)


# --------------------------------------------------------------------------- the chair's review


class AmendmentKind(StrEnum):
    """What an amendment request asks of a passage of the minutes."""

    REPLACE = "replace"  # replace the passage's text with new_text
    INSERT = "insert"  # a new paragraph, new_text, after the passage
    DELETE = "delete"  # remove the passage
    COMMENT = "comment"  # a remark on the passage; accepting it notes it, changing nothing


class AmendmentStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@dataclass
class Amendment:
    """A change to the draft minutes asked for by the chair (or the clerk on the chair's
    behalf), tied to a passage by its reference ("4.3", "5 RESOLVED (2)", "attendance 1")
    as it was when asked, and by `source`, the record row it was written from
    ("paragraphs:…", "resolutions:…", "membership"), which stays true when numbers move."""

    id: str
    meeting_id: str
    reference: str
    source: str
    kind: AmendmentKind
    old_text: str  # the passage as the chair saw it
    new_text: str  # the replacement, the insertion, or the comment; "" to delete
    author: str  # who asked: "chair", "clerk", or the name Word gave
    made_at: datetime
    status: AmendmentStatus = AmendmentStatus.OPEN
    reason: str = ""  # why it was declined; what the clerk must do by hand, if anything
    decided_by: str = ""
    decided_at: datetime | None = None
    version: int | None = None  # the version of the minutes the chair was reading


# --------------------------------------------------------------------------- the whole


@dataclass
class MeetingRecord:
    """One meeting with everything needed to write its minutes, self-contained."""

    committee: Committee
    meeting: Meeting
    people: list[Person] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    paragraphs: list[MinuteParagraph] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    # Look-ups. Records are small (tens of items, hundreds of paragraphs): linear scans are fine.

    def person(self, person_id: str) -> Person:
        return _by_id(self.people, person_id, "person")

    def item(self, item_id: str) -> AgendaItem:
        return _by_id(self.items, item_id, "agenda item")

    def agenda(self) -> list[AgendaItem]:
        """Items in agenda order."""
        return sorted(self.items, key=lambda i: i.position)

    def order_taken(self) -> list[AgendaItem]:
        """Items in the order taken; items not (yet) taken follow in agenda order."""
        return sorted(
            self.items,
            key=lambda i: (i.taken_order is None, i.taken_order or 0, i.position),
        )

    def paragraphs_for(self, item_id: str) -> list[MinuteParagraph]:
        return _ordered(p for p in self.paragraphs if p.item_id == item_id)

    def resolutions_for(self, item_id: str) -> list[Resolution]:
        return _ordered(r for r in self.resolutions if r.item_id == item_id)

    def declarations_for(self, item_id: str | None) -> list[Declaration]:
        return _ordered(d for d in self.declarations if d.item_id == item_id)

    def votes_for(self, item_id: str) -> list[Vote]:
        return _ordered(v for v in self.votes if v.item_id == item_id)

    def actions_for(self, item_id: str) -> list[Action]:
        return _ordered(a for a in self.actions if a.item_id == item_id)

    def members(self) -> list[Membership]:
        """Seats on the committee on the day of the meeting."""
        return [
            m
            for m in self.memberships
            if m.committee_id == self.committee.id and m.current_on(self.meeting.date)
        ]

    def chairs(self) -> list[Person]:
        return [
            self.person(m.person_id)
            for m in self.members()
            if m.role in (MemberRole.CHAIR, MemberRole.CO_CHAIR)
        ]

    def attendance_of(self, person_id: str) -> Attendance | None:
        return next((a for a in self.attendance if a.person_id == person_id), None)


def _by_id(rows: Iterable[T], row_id: str, what: str) -> T:
    for row in rows:
        if row.id == row_id:  # type: ignore[attr-defined]
            return row
    raise KeyError(f"no {what} with id {row_id!r} in this record")


def _ordered(rows: Iterable[Any]) -> list[Any]:
    return sorted(rows, key=lambda r: r.position)
