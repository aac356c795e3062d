"""Hypothesis strategies for meeting records.

`meeting_records()` builds *consistent* MeetingRecords: every id a record refers to (an
attendance's person, a paragraph's item, a vote's resolution, the meeting's committee) is
an entity of the same record, and ids are unique. Names and text are arbitrary Unicode,
with a generous share of the awkward cases real papers have: apostrophes (straight and
curly), accents, non-Latin scripts, emoji, ampersands, empty strings.

    from tests.strategies import meeting_records

    @given(meeting_records())
    def test_round_trip(record): ...

Every entity strategy is exported too (`people()`, `committees()`, `texts()`, ...).
`attended_meetings()` builds *valid* records with people in every state a meeting knows, for
the property tests of the minutes' sentences. (One module over 500 lines: every test draws
from the same generators.)
"""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import strategies as st

from clerk.record import (
    Action,
    ActionStatus,
    Adjournment,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    DeclarationAction,
    ItemOutcome,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MembershipChange,
    MinuteParagraph,
    Part,
    Person,
    Resolution,
    SubItem,
    Vote,
    VoteChoice,
    VoteMethod,
)

AWKWARD = [
    "O'Brien",
    "D’Souza",
    "Zoë Ångström",
    "José María Núñez",
    "Łukasz Żółć",
    "Ngozi Okonkwo-Adébáyọ̀",
    "Søren Kierkegård",
    "张伟",
    "Αλέξανδρος",
    "محمد",
    "Councillor 🙂 Smile",
    "Family & People – Services",
    "“Quoted” title",
    "",
    " ",
    "x" * 200,
]

# Any Unicode except surrogates and control characters (other than newline and tab),
# so the same records serve JSON, TOML and the store.
_ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc"),
) | st.sampled_from(["\n", "\t"])
_LINE_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Free text (may span lines)."""
    return st.one_of(st.sampled_from(AWKWARD), st.text(_ALPHABET, max_size=max_size))


def names(max_size: int = 40) -> st.SearchStrategy[str]:
    """One-line text: names, titles, labels."""
    return st.one_of(st.sampled_from(AWKWARD), st.text(_LINE_ALPHABET, max_size=max_size))


def dates() -> st.SearchStrategy[date]:
    return st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31))


def times() -> st.SearchStrategy[time]:
    """Naive times, mostly to the minute as minutes are, sometimes to the microsecond."""
    return st.one_of(
        st.builds(time, st.integers(0, 23), st.integers(0, 59)),
        st.times(),
    )


def small_ints() -> st.SearchStrategy[int]:
    return st.integers(min_value=-1000, max_value=100_000)


def pages() -> st.SearchStrategy[int | None]:
    return st.none() | st.integers(min_value=1, max_value=2000)


@st.composite
def _ids(draw: st.DrawFn, count: int, used: set[str]) -> list[str]:
    """`count` fresh ids: 16 hex digits like new_id(), unique within `used`."""
    out = []
    for _ in range(count):
        candidate = draw(st.uuids()).hex[:16]
        n = 0
        while candidate in used:  # hypothesis shrinks towards equal ids: keep them unique
            n += 1
            candidate = f"{candidate[:12]}{n:04x}"
        used.add(candidate)
        out.append(candidate)
    return out


def people(person_id: str) -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        name=names(),
        honorific=st.sampled_from(["", "Councillor", "Cllr", "Dr", "Chief Superintendent"]),
        role=names(),
        organisation=names(),
        pronoun=st.sampled_from(["", "he", "she", "they"]),
        surname=names(20),
        email=names(30),
        phone=names(20),
        id=st.just(person_id),
    )


def committees(committee_id: str) -> st.SearchStrategy[Committee]:
    return st.builds(
        Committee,
        name=names(),
        councils=st.lists(names(), max_size=3),
        chair_title=st.sampled_from(["Chairman", "Chair", "Chairman 👑"]),
        body=st.sampled_from(["Committee", "Board", "Sub-Committee"]),
        quorum=st.integers(0, 20),
        interest_kinds=st.lists(names(), max_size=4),
        style=st.sampled_from(["westminster", "other"]),
        id=st.just(committee_id),
    )


@st.composite
def meeting_records(
    draw: st.DrawFn,
    *,
    max_people: int = 6,
    max_items: int = 5,
    max_rows: int = 4,
) -> MeetingRecord:
    """A consistent MeetingRecord with arbitrary text. Lists may be empty."""
    used: set[str] = set()

    def fresh(n: int = 1) -> list[str]:
        return draw(_ids(n, used))

    (committee_id,) = fresh()
    committee = draw(committees(committee_id))

    n_people = draw(st.integers(0, max_people))
    person_list = [draw(people(pid)) for pid in fresh(n_people)]
    person_ids = [p.id for p in person_list]
    person_ref = st.sampled_from(person_ids) if person_ids else st.nothing()
    maybe_person = st.none() | person_ref if person_ids else st.none()

    memberships = []
    if person_ids:
        members = draw(st.lists(person_ref, unique=True, max_size=len(person_ids)))
        for pid in members:
            (mid,) = fresh()
            memberships.append(
                Membership(
                    committee_id=committee_id,
                    person_id=pid,
                    role=draw(st.sampled_from(MemberRole)),
                    seat=draw(names(20)),
                    from_date=draw(st.none() | dates()),
                    to_date=draw(st.none() | dates()),
                    id=mid,
                )
            )

    n_items = draw(st.integers(0, max_items))
    items = []
    for position, iid in enumerate(fresh(n_items)):
        items.append(
            AgendaItem(
                number=draw(st.sampled_from(["1", "2", "4A", "10"]) | names(4)),
                title=draw(names()),
                description=draw(texts()),
                page_from=draw(pages()),
                page_to=draw(pages()),
                part=draw(st.sampled_from(Part)),
                exempt_paragraphs=draw(st.lists(st.integers(1, 7), max_size=3)),
                part_heading=draw(names()),
                sub_items=draw(
                    st.lists(
                        st.builds(
                            SubItem,
                            label=names(5),
                            title=names(),
                            description=texts(),
                            page_from=pages(),
                            page_to=pages(),
                        ),
                        max_size=3,
                    )
                ),
                position=draw(st.just(position) | small_ints()),
                taken_order=draw(st.none() | st.integers(0, 50)),
                outcome=draw(st.none() | st.sampled_from(ItemOutcome)),
                public_summary=draw(texts()),
                urgent=draw(st.booleans()),
                id=iid,
            )
        )
    item_ids = [i.id for i in items]
    item_ref = st.sampled_from(item_ids) if item_ids else st.nothing()
    maybe_item = st.none() | item_ref if item_ids else st.none()

    (meeting_id,) = fresh()
    meeting = Meeting(
        committee_id=committee_id,
        date=draw(dates()),
        start_time=draw(st.none() | times()),
        end_time=draw(st.none() | times()),
        venue=draw(names()),
        status=draw(st.sampled_from(MeetingStatus)),
        approves_minutes_of=draw(st.none() | dates()),
        officer_id=draw(maybe_person),
        title=draw(st.sampled_from(["", "Follow-on Agenda"]) | names()),
        published_by=draw(names()),
        published_on=draw(st.none() | dates()),
        current_item_id=draw(maybe_item),
        adjournments=draw(
            st.lists(
                st.builds(
                    Adjournment,
                    start=times(),
                    end=st.none() | times(),
                    item_id=maybe_item,
                    reason=texts(),
                ),
                max_size=2,
            )
        ),
        membership_changes=draw(
            st.lists(
                st.builds(
                    MembershipChange, left_id=maybe_person, joined_id=maybe_person, id=st.just("")
                ),
                max_size=2,
            )
        ),
        id=meeting_id,
    )
    for change in meeting.membership_changes:
        (change.id,) = fresh()

    attendance = []
    if person_ids:
        attending = draw(st.lists(person_ref, unique=True, max_size=len(person_ids)))
        for pid in attending:
            (aid,) = fresh()
            attendance.append(
                Attendance(
                    person_id=pid,
                    status=draw(st.sampled_from(AttendanceStatus)),
                    substitute_for=draw(maybe_person),
                    role=draw(names()),
                    virtual=draw(st.booleans()),
                    arrived_at=draw(st.none() | times()),
                    arrived_item_id=draw(maybe_item),
                    left_at=draw(st.none() | times()),
                    left_item_id=draw(maybe_item),
                    id=aid,
                )
            )

    declarations = []
    if person_ids:
        for position, did in enumerate(fresh(draw(st.integers(0, max_rows)))):
            declarations.append(
                Declaration(
                    person_id=draw(person_ref),
                    item_id=draw(maybe_item),
                    kind=draw(
                        st.sampled_from(committee.interest_kinds) | names()
                        if committee.interest_kinds
                        else names()
                    ),
                    nature=draw(texts()),
                    capacity=draw(names()),
                    action=draw(st.sampled_from(DeclarationAction)),
                    declared_at=draw(st.none() | times()),
                    position=position,
                    id=did,
                )
            )

    paragraphs, resolutions, votes, actions = [], [], [], []
    if item_ids:
        for position, pid in enumerate(fresh(draw(st.integers(0, 2 * max_rows)))):
            paragraphs.append(
                MinuteParagraph(
                    item_id=draw(item_ref),
                    text=draw(texts(200)),
                    bullets=draw(st.lists(texts(), max_size=3)),
                    position=draw(st.just(position) | small_ints()),
                    id=pid,
                )
            )
        for position, rid in enumerate(fresh(draw(st.integers(0, max_rows)))):
            resolutions.append(
                Resolution(
                    item_id=draw(item_ref),
                    text=draw(texts()),
                    position=position,
                    id=rid,
                )
            )
        resolution_ids = [r.id for r in resolutions]
        maybe_resolution = (
            st.none() | st.sampled_from(resolution_ids) if resolution_ids else st.none()
        )
        named = (
            st.dictionaries(person_ref, st.sampled_from(VoteChoice), max_size=len(person_ids))
            if person_ids
            else st.just({})
        )
        for position, vid in enumerate(fresh(draw(st.integers(0, max_rows)))):
            votes.append(
                Vote(
                    item_id=draw(item_ref),
                    resolution_id=draw(maybe_resolution),
                    motion=draw(texts()),
                    method=draw(st.sampled_from(VoteMethod)),
                    votes_for=draw(st.integers(0, 100)),
                    votes_against=draw(st.integers(0, 100)),
                    abstentions=draw(st.integers(0, 100)),
                    named=draw(named),
                    casting_vote=draw(st.none() | st.sampled_from(VoteChoice)),
                    position=position,
                    id=vid,
                )
            )
        for position, xid in enumerate(fresh(draw(st.integers(0, max_rows)))):
            actions.append(
                Action(
                    item_id=draw(item_ref),
                    text=draw(texts()),
                    lead=draw(names()),
                    lead_person_id=draw(maybe_person),
                    due=draw(st.none() | dates()),
                    status=draw(st.sampled_from(ActionStatus)),
                    comment=draw(texts()),
                    position=position,
                    id=xid,
                )
            )

    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=person_list,
        memberships=memberships,
        items=items,
        attendance=attendance,
        declarations=declarations,
        paragraphs=paragraphs,
        resolutions=resolutions,
        votes=votes,
        actions=actions,
    )


# --------------------------------------------------------------------------- true meetings
#
# `attended_meetings()` builds records that are not only consistent but *valid* (the record's
# own checks find nothing), with every state a person can be in at a meeting drawn together:
# the minutes written from them can then be checked sentence by sentence against the record.
# Surnames are distinct words, none inside another, so a test can tell exactly who a
# sentence names.

SURNAMES = [
    "Abbott",
    "Baines",
    "Carver",
    "Dunmore",
    "Ellery",
    "Fitch",
    "Garland",
    "Hobbs",
    "Ingram",
    "Jessop",
    "Kemble",
    "Lomax",
    "Mercer",
    "Nuttall",
    "Orchard",
    "Pryce",
    "Quilter",
    "Rendle",
    "Stainer",
    "Thorne",
    "Upcott",
    "Vane",
    "Wardle",
    "Yelland",
    "Zeller",
    "Bristow",
    "Cheshire",
    "Draycott",
]
FORENAMES = ("Ann", "Bola", "Chidi", "Dev", "Edith", "Femi", "Gwen", "Hugo", "Iris", "Jan")

#: What a member of the committee may be at a meeting.
MEMBER_STATES = (
    "present",
    "apologies",
    "apologies_substitute",  # sent apologies; a substitute sat for this meeting
    "apologies_deputy",  # sent apologies; their nominated deputy sat
    "absent",  # absent without apologies
    "unrecorded",  # no attendance row
    "left",  # left the committee before the meeting (a membership change)
    "left_replaced",  # left it, and another joined in their place
)

#: Item titles as agendas print them, in capitals.
TITLES = (
    "PLANNING APPLICATIONS",
    "NHS AND CCG UPDATE",
    "WESTMINSTER'S YOUTH JUSTICE PLAN, 2019-2022",
    "2019/20 WORK PROGRAMME AND ACTION TRACKER",
)

#: Natures as a clerk types them: no pronoun in them, so any pronoun is the minutes' own.
NATURES = ("", "the member owns a property on the street", "in that a relative is employed")
CAPACITIES = ("", "a trustee of the Westminster Society", "a school governor")
MOTIONS = ("", "That the report be noted.", "to defer the item", "TITLE")  # TITLE: the item's


@st.composite
def attended_meetings(draw: st.DrawFn, *, max_members: int = 7) -> MeetingRecord:
    """A valid MeetingRecord whose people are in every combination of states: present,
    apologies, apologies with a substitute, with a deputy, absent, a membership change
    (left, left and replaced, joined), late, left early, also present, officer; with
    declarations of every kind and action, and votes of every outcome."""
    day = draw(st.dates(min_value=date(2000, 1, 2), max_value=date(2040, 12, 31)))
    surnames = iter(draw(st.permutations(SURNAMES)))
    committee = Committee(
        name="Family and People Services Policy and Scrutiny Committee",
        chair_title=draw(st.sampled_from(["Chairman", "Chair"])),
        body=draw(st.sampled_from(["Committee", "Board"])),
        interest_kinds=[
            "pecuniary interest",
            "other significant interest",
            "non-pecuniary interest",
        ],
    )
    people: list[Person] = []
    memberships: list[Membership] = []
    attendance: list[Attendance] = []
    changes: list[MembershipChange] = []

    def person(honorific: str | None = None, role: str = "") -> Person:
        p = Person(
            name=f"{draw(st.sampled_from(FORENAMES))} {next(surnames)}",
            honorific=honorific
            if honorific is not None
            else draw(st.sampled_from(["Councillor", "Councillor", "Cllr", "Dr", ""])),
            role=role,
            pronoun=draw(st.sampled_from(["", "he", "she", "they"])),
        )
        people.append(p)
        return p

    items = [
        AgendaItem("1", "MEMBERSHIP", position=1),
        AgendaItem("2", "DECLARATIONS OF INTEREST", position=2),
    ]
    for n, title in enumerate(draw(st.lists(st.sampled_from(TITLES), max_size=3, unique=True))):
        exempt = draw(st.booleans()) if n == 2 else False
        items.append(
            AgendaItem(
                str(n + 3),
                title,
                position=n + 3,
                part=Part.EXEMPT if exempt else Part.PUBLIC,
                exempt_paragraphs=[3] if exempt else [],
            )
        )
    maybe_item = st.none() | st.sampled_from(items)

    def attend(p: Person, status: AttendanceStatus, **fields: object) -> Attendance:
        a = Attendance(p.id, status, **fields)  # type: ignore[arg-type]
        if status.counts_as_present:
            arrived = draw(st.sampled_from(["", "time", "item", "both"]))
            if arrived in ("time", "both"):
                a.arrived_at = draw(st.builds(time, st.integers(17, 19), st.integers(0, 59)))
            if arrived in ("item", "both"):
                a.arrived_item_id = draw(st.sampled_from(items)).id
            left = draw(st.sampled_from(["", "time", "item", "both"]))
            if left in ("time", "both"):
                a.left_at = draw(st.builds(time, st.integers(20, 22), st.integers(0, 59)))
            if left in ("item", "both"):
                a.left_item_id = draw(st.sampled_from(items)).id
        attendance.append(a)
        return a

    states = draw(st.lists(st.sampled_from(MEMBER_STATES), min_size=1, max_size=max_members))
    for index, state in enumerate(states):
        member = person(honorific=draw(st.sampled_from(["Councillor", "Councillor", "Cllr", "Dr"])))
        role = MemberRole.CHAIR if index == 0 else MemberRole.MEMBER
        seat = Membership(committee.id, member.id, role=role)
        memberships.append(seat)
        if state == "present":
            attend(member, AttendanceStatus.PRESENT)
        elif state == "absent":
            attend(member, AttendanceStatus.ABSENT)
        elif state.startswith("apologies"):
            attend(member, AttendanceStatus.APOLOGIES)
            if state == "apologies_substitute":
                attend(person("Councillor"), AttendanceStatus.SUBSTITUTE, substitute_for=member.id)
            elif state == "apologies_deputy":
                deputy = person(draw(st.sampled_from(["Dr", "", "Inspector", "Councillor"])))
                attend(deputy, AttendanceStatus.DEPUTY, substitute_for=member.id)
        elif state.startswith("left"):
            seat.to_date = day - timedelta(days=1)
            joined = None
            if state == "left_replaced":
                joined = person()
                memberships.append(Membership(committee.id, joined.id, role=role, from_date=day))
                attend(
                    joined,
                    draw(st.sampled_from([AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES])),
                )
            changes.append(
                MembershipChange(left_id=member.id, joined_id=joined.id if joined else None)
            )
            if draw(st.booleans()):
                attend(member, AttendanceStatus.ALSO_PRESENT)
    for _ in range(draw(st.integers(0, 1))):
        joined = person()
        memberships.append(Membership(committee.id, joined.id, from_date=day))
        changes.append(MembershipChange(joined_id=joined.id))
        attend(joined, AttendanceStatus.PRESENT)
    for _ in range(draw(st.integers(0, 2))):
        attend(
            person("Councillor", role="Cabinet Member for Housing"), AttendanceStatus.ALSO_PRESENT
        )
    for _ in range(draw(st.integers(0, 2))):
        attend(person("", role="Director of Public Health"), AttendanceStatus.OFFICER)

    sitting = [a.person_id for a in attendance if a.status.counts_as_present]
    declarations = []
    if sitting:
        for position in range(draw(st.integers(0, 3))):
            item = draw(maybe_item)
            declarations.append(
                Declaration(
                    person_id=draw(st.sampled_from(sitting)),
                    item_id=item.id if item else None,
                    kind=draw(st.sampled_from(committee.interest_kinds)),
                    nature=draw(st.sampled_from(NATURES)),
                    capacity=draw(st.sampled_from(CAPACITIES)),
                    action=draw(st.sampled_from(DeclarationAction)),
                    position=position,
                )
            )

    votes = []
    for position in range(draw(st.integers(0, 3))):
        item = draw(st.sampled_from(items))
        motion = draw(st.sampled_from(MOTIONS))
        vote = Vote(
            item_id=item.id,
            motion=item.title if motion == "TITLE" else motion,
            method=draw(st.sampled_from(VoteMethod)),
            position=position,
        )
        if vote.method is VoteMethod.RECORDED and sitting:
            vote.named = draw(
                st.dictionaries(st.sampled_from(sitting), st.sampled_from(VoteChoice))
            )
            vote = vote.counted_from_names()
        else:
            vote.votes_for = draw(st.integers(0, 9))
            vote.votes_against = draw(st.just(vote.votes_for) | st.integers(0, 9))
            vote.abstentions = draw(st.integers(0, 3))
        if vote.votes_for == vote.votes_against:
            vote.casting_vote = draw(
                st.none() | st.sampled_from([VoteChoice.FOR, VoteChoice.AGAINST])
            )
        votes.append(vote)

    return MeetingRecord(
        committee=committee,
        meeting=Meeting(
            committee_id=committee.id,
            date=day,
            start_time=time(18, 30),
            end_time=time(21, 0),
            venue="Room 1",
            status=MeetingStatus.ENDED,
            membership_changes=changes,
        ),
        people=people,
        memberships=memberships,
        items=items,
        attendance=attendance,
        declarations=declarations,
        votes=votes,
    )


#: Asterisks typed into a name, title or motion: they are the clerk's text, never bold marks.
STARS = ("", "*", "**", "***", "** ")
#: Roles and organisations as typed, any of them missing.
ROLES = ("", " ", "Director of Public Health", "Lead *for* Care", "**Principal** Advisor")
ORGANISATIONS = ("", "NHS England", "Healthwatch **Westminster**", "Met Police*")


@st.composite
def starred_meetings(draw: st.DrawFn) -> MeetingRecord:
    """`attended_meetings()` with asterisks typed into the people's names, the items' titles
    and the motions, and non-councillors given a role and organisation each possibly
    missing: a style's `**bold**` must never be turned on or off by what the clerk typed."""
    record = draw(attended_meetings())

    def starred(text: str) -> str:
        return f"{draw(st.sampled_from(STARS))}{text}{draw(st.sampled_from(STARS)).strip()}"

    for person in record.people:
        person.name = starred(person.name)
        if not person.is_councillor:
            person.role = draw(st.sampled_from(ROLES))
            person.organisation = draw(st.sampled_from(ORGANISATIONS))
    for item in record.items[2:]:  # MEMBERSHIP and DECLARATIONS are the standing items
        item.title = starred(item.title)
    for vote in record.votes:
        if vote.motion:
            vote.motion = starred(vote.motion)
    return record
