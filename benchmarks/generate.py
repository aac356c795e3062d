"""Generate a database with a decade-plus of meetings, for benchmarks.

`generated_db(n)` builds (once, then reuses from benchmarks/results/) a clerk database with
`n` meetings spread over 25 committees, each meeting with its agenda, attendance (apologies
and substitutes), paragraphs of council prose on a decade's topics, resolutions, actions,
declarations of interest and, at one meeting in ten, an exempt (Part 2) item, written
through the real Store so the file is exactly what clerk makes. `GENERATION` is part of the
file's name: change it when what is generated changes, so an old cache is not reused.
"""

from __future__ import annotations

import random
import sys
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Declaration,
    DeclarationAction,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MinuteParagraph,
    Part,
    Person,
    Resolution,
)
from clerk.store import Store

RESULTS = Path(__file__).resolve().parent / "results"
GENERATION = 3
BATCH = 100
FIRST_NAMES = ["Jonathan", "Margot", "Nafsika", "Peter", "Patricia", "Emily", "Selina", "Aziz"]
SURNAMES = ["Glanz", "Bright", "Butler-Thalassis", "Freeman", "McAllister", "Payne", "Short"]
TITLES = [
    "MEMBERSHIP",
    "DECLARATIONS OF INTEREST",
    "MINUTES",
]
TOPICS = [
    "school streets",
    "the housing company",
    "temporary accommodation",
    "air quality on Marylebone Road",
    "the Oxford Street district",
    "street cleansing",
    "adult social care charging",
    "the City Plan",
    "library opening hours",
    "knife crime",
    "rough sleeping",
    "the Community Infrastructure Levy",
    "café licensing in Soho",
    "Pimlico district heating",
    "Church Street regeneration",
    "safeguarding children",
    "the climate emergency",
    "electric vehicle charging points",
    "leaseholder service charges",
    "the Lisson Grove programme",
    "youth services",
    "the council tax support scheme",
    "short-term lettings",
    "night-time economy",
]
ITEM_TITLES = [
    "CABINET MEMBER UPDATE",
    "ANNUAL REPORT",
    "WORK PROGRAMME AND ACTION TRACKER",
    "TASK GROUP REPORT",
    "BUDGET MONITORING",
    "PERFORMANCE REPORT",
    "POLICY REVIEW",
]
SENTENCES = [
    "The Committee received a report from the Executive Director on {t}.",
    "Members asked about {t} and the effect on residents in {w}.",
    "The Cabinet Member said that {t} would be reviewed before the end of {m}.",
    "Officers explained that the consultation on {t} had received {n} responses.",
    "Members welcomed the progress on {t} but noted concerns about {u}.",
    "The Chairman thanked officers for their work on {t}.",
    "In response to a question, the Director said that funding for {t} was secured until {m}.",
    "Members requested a briefing note on {t}, with figures for {w}.",
    "The Committee discussed the links between {t} and {u}.",
]
WARDS = [
    "Pimlico North",
    "Church Street",
    "West End",
    "Maida Vale",
    "Queen's Park",
    "Knightsbridge",
]
MONTHS = ["March", "June", "September", "December"]
NATURES = [
    "in that he is a director of the housing company",
    "in that she is a governor of a school on a school street",
    "in that they hold a licence for a café in Soho",
    "in that he is a leaseholder in Pimlico",
]


def generated_db(n: int = 10_000, seed: int = 1) -> Path:
    path = RESULTS / f"meetings-{n}-{seed}-g{GENERATION}.db"
    if path.exists():
        # brought up to this clerk's schema, as a clerk's database is after the session
        # that upgraded it: the upgrade's pages are in the file, not waiting in the WAL
        Store(path).close()
        return path
    RESULTS.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in RESULTS.glob(partial.name + "*"):
        leftover.unlink()
    rng = random.Random(seed)
    store = Store(partial, role="import")
    try:
        committees = [_committee(rng, k) for k in range(25)]
        for first in range(0, n, BATCH):
            with store.batch():  # a transaction per hundred meetings, not per meeting
                for k in range(first, min(n, first + BATCH)):
                    committee, members, people = committees[k % len(committees)]
                    day = date(2015, 1, 5) + timedelta(days=(k * 3653) // n)
                    store.save_record(_meeting(rng, committee, members, people, day))
    finally:
        store.close()
    partial.rename(path)
    return path


def _committee(rng: random.Random, k: int) -> tuple[Committee, list[Membership], list[Person]]:
    committee = Committee(name=f"Generated Policy and Scrutiny Committee {k + 1}")
    people = [
        Person(
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} {k}-{j}",
            honorific="Councillor",
        )
        for j in range(10)  # eight members, two who substitute for them
    ]
    members = [
        Membership(
            committee_id=committee.id,
            person_id=p.id,
            role=MemberRole.CHAIR if j == 0 else MemberRole.MEMBER,
        )
        for j, p in enumerate(people[:8])
    ]
    return committee, members, people


def _prose(rng: random.Random, topic: str) -> str:
    return " ".join(
        rng.choice(SENTENCES).format(
            t=topic if k == 0 else rng.choice(TOPICS),
            u=rng.choice(TOPICS),
            w=rng.choice(WARDS),
            m=rng.choice(MONTHS),
            n=rng.randrange(40, 2000),
        )
        for k in range(rng.randrange(1, 4))
    )


def _meeting(
    rng: random.Random,
    committee: Committee,
    members: list[Membership],
    people: list[Person],
    day: date,
) -> MeetingRecord:
    meeting = Meeting(
        committee_id=committee.id,
        date=day,
        start_time=time(19, 0),
        end_time=time(21, rng.randrange(60)),
        venue="Rooms 18.01 & 18.03, 18th Floor, 64 Victoria Street, London, SW1E 6QP",
        status=MeetingStatus.CONFIRMED,
    )
    titles = [*TITLES, *rng.sample(ITEM_TITLES, 3), "ANY OTHER BUSINESS"]
    items = [AgendaItem(number=str(i + 1), title=t, position=i) for i, t in enumerate(titles)]
    if rng.random() < 0.1:
        items.append(
            AgendaItem(
                number=str(len(items) + 1),
                title="DISPOSAL OF A COUNCIL PROPERTY",
                position=len(items),
                part=Part.EXEMPT,
                exempt_paragraphs=[3],
            )
        )
    attendance = [
        Attendance(
            person_id=p.id,
            status=AttendanceStatus.PRESENT if rng.random() < 0.85 else AttendanceStatus.APOLOGIES,
        )
        for p in people[:8]
    ]
    substitutes = people[8:]
    for apologies in [a for a in attendance if a.status is AttendanceStatus.APOLOGIES]:
        if substitutes and rng.random() < 0.5:
            attendance.append(
                Attendance(
                    person_id=substitutes.pop().id,
                    status=AttendanceStatus.SUBSTITUTE,
                    substitute_for=apologies.person_id,
                )
            )
    business = items[3:-1] if not items[-1].is_exempt else items[3:-2]
    topics = {item.id: rng.choice(TOPICS) for item in business}
    paragraphs = [
        MinuteParagraph(item_id=item.id, text=_prose(rng, topics[item.id]), position=j)
        for item in business
        for j in range(rng.randrange(1, 5))
    ]
    resolutions = [Resolution(item_id=items[2].id, text="That the Minutes be approved.")]
    resolutions += [
        Resolution(item_id=item.id, text=f"That the report on {topics[item.id]} be noted.")
        for item in business
        if rng.random() < 0.6
    ]
    actions = [
        Action(
            item_id=item.id,
            text=f"Officers to circulate a briefing note on {topics[item.id]}.",
            lead="Director of Policy",
            due=day + timedelta(days=60),
            status=ActionStatus.COMPLETED if rng.random() < 0.7 else ActionStatus.OPEN,
        )
        for item in business
        if rng.random() < 0.3
    ]
    declarations = []
    if rng.random() < 0.2:
        declarations.append(
            Declaration(
                person_id=rng.choice(people).id,
                item_id=rng.choice(business).id,
                kind="non-pecuniary interest",
                nature=rng.choice(NATURES),
                action=DeclarationAction.REMAINED,
            )
        )
    if items[-1].is_exempt:
        exempt = items[-1]
        paragraphs.append(
            MinuteParagraph(
                item_id=exempt.id,
                text="Members considered the confidential valuation of the site and the "
                "bids received from prospective purchasers.",
            )
        )
        resolutions.append(
            Resolution(item_id=exempt.id, text="That the disposal be agreed at the valuation.")
        )
    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=people,
        memberships=members,
        items=items,
        attendance=attendance,
        paragraphs=paragraphs,
        resolutions=resolutions,
        actions=actions,
        declarations=declarations,
    )


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(generated_db(count))
