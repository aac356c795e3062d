"""Generate a database with a decade-plus of meetings, for benchmarks.

`generated_db(n)` builds (once, then reuses from benchmarks/results/) a clerk database with
`n` meetings spread over 25 committees, each meeting with its agenda, attendance, paragraphs
and resolutions, written through the real Store so the file is exactly what clerk makes.
"""

from __future__ import annotations

import random
import sys
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.record import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MinuteParagraph,
    Person,
    Resolution,
)
from clerk.store import Store

RESULTS = Path(__file__).resolve().parent / "results"
FIRST_NAMES = ["Jonathan", "Margot", "Nafsika", "Peter", "Patricia", "Emily", "Selina", "Aziz"]
SURNAMES = ["Glanz", "Bright", "Butler-Thalassis", "Freeman", "McAllister", "Payne", "Short"]
TITLES = [
    "MEMBERSHIP",
    "DECLARATIONS OF INTEREST",
    "MINUTES",
    "CABINET MEMBER UPDATE",
    "ANNUAL REPORT",
    "WORK PROGRAMME AND ACTION TRACKER",
    "ANY OTHER BUSINESS",
]


def generated_db(n: int = 10_000, seed: int = 1) -> Path:
    path = RESULTS / f"meetings-{n}-{seed}.db"
    if path.exists():
        return path
    RESULTS.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in RESULTS.glob(partial.name + "*"):
        leftover.unlink()
    rng = random.Random(seed)
    store = Store(partial, role="import")
    try:
        committees = [_committee(rng, k) for k in range(25)]
        for k in range(n):
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
        for j in range(8)
    ]
    members = [
        Membership(
            committee_id=committee.id,
            person_id=p.id,
            role=MemberRole.CHAIR if j == 0 else MemberRole.MEMBER,
        )
        for j, p in enumerate(people)
    ]
    return committee, members, people


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
    items = [AgendaItem(number=str(i + 1), title=t, position=i) for i, t in enumerate(TITLES)]
    attendance = [
        Attendance(
            person_id=p.id,
            status=AttendanceStatus.PRESENT if rng.random() < 0.85 else AttendanceStatus.APOLOGIES,
        )
        for p in people
    ]
    paragraphs = [
        MinuteParagraph(
            item_id=item.id,
            text=f"The Committee noted the report on item {item.number}. " * rng.randrange(1, 6),
            position=j,
        )
        for item in items[3:]
        for j in range(rng.randrange(1, 4))
    ]
    resolutions = [
        Resolution(item_id=items[2].id, text="That the Minutes be approved."),
        Resolution(item_id=items[4].id, text="That the report be noted."),
    ]
    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=people,
        memberships=members,
        items=items,
        attendance=attendance,
        paragraphs=paragraphs,
        resolutions=resolutions,
    )


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(generated_db(count))
