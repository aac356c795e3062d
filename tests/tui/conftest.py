"""Fixtures for the screens: a database holding the 17 October 2019 meeting's agenda, a frozen
clock, and config isolated from the developer's machine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest

from clerk.record import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingRecord,
    MemberRole,
    Membership,
    Part,
    Person,
)
from clerk.store import Store

MEMBERS = [
    ("Jonathan Glanz", MemberRole.CHAIR),
    ("Margot Bright", MemberRole.MEMBER),
    ("Nafsika Butler-Thalassis", MemberRole.MEMBER),
    ("Ian Carmen", MemberRole.MEMBER),
    ("Peter Freeman", MemberRole.MEMBER),
    ("Patricia McAllister", MemberRole.MEMBER),
    ("Emily Payne", MemberRole.MEMBER),
    ("Selina Short", MemberRole.MEMBER),
]

KNOWN = [
    ("Heather Acton", "Councillor", "Cabinet Member for Family Services and Public Health"),
    ("Nicky Crouch", "", "Interim Director of Family Services"),
    ("Aaron Hardy", "", "Policy and Scrutiny Manager"),
    ("Matt Noble", "Councillor", ""),
    ("Tristan Fieldsend", "", "Committee and Governance Officer"),
]

ITEMS = [
    ("1", "MEMBERSHIP", Part.PUBLIC),
    ("2", "DECLARATIONS OF INTEREST", Part.PUBLIC),
    ("3", "MINUTES", Part.PUBLIC),
    ("4", "CABINET MEMBER UPDATE", Part.PUBLIC),
    ("5", "IMMUNISATION PROGRAMMES IN WESTMINSTER", Part.PUBLIC),
    ("6", "ANNUAL ADOPTION AND FOSTERING REPORTS", Part.PUBLIC),
    ("7", "2019/20 COMMITTEE WORK PROGRAMME AND ACTION TRACKER", Part.PUBLIC),
    ("8", "REPORTS OF ANY URGENT SAFEGUARDING ISSUES", Part.PUBLIC),
    ("9", "ANY OTHER BUSINESS", Part.PUBLIC),
    ("10", "CONTRACT AWARD: FAMILY HUBS", Part.EXEMPT),
]

FROZEN = datetime(2019, 10, 17, 19, 5, 0)


def october_record() -> MeetingRecord:
    """The 17 October 2019 meeting of the Family and People Services committee, as agenda."""
    committee = Committee(name="Family and People Services Policy and Scrutiny Committee", quorum=3)
    people = [Person(name=n, honorific="Councillor") for n, _ in MEMBERS]
    people += [Person(name=n, honorific=h, role=r) for n, h, r in KNOWN]
    memberships = [
        Membership(committee_id=committee.id, person_id=p.id, role=role)
        for p, (_, role) in zip(people, MEMBERS, strict=False)
    ]
    meeting = Meeting(
        committee_id=committee.id,
        date=date(2019, 10, 17),
        start_time=time(19, 0),
        venue="Rooms 18.01 and 18.02, 18th Floor, 64 Victoria Street, London SW1E 6QP",
        approves_minutes_of=date(2019, 6, 17),
    )
    items = [
        AgendaItem(
            number=number,
            title=title,
            part=part,
            position=index,
            exempt_paragraphs=[3] if part is Part.EXEMPT else [],
            part_heading="PART 2 (PRIVATE)" if part is Part.EXEMPT else "PART 1 (IN PUBLIC)",
        )
        for index, (number, title, part) in enumerate(ITEMS)
    ]
    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=people,
        memberships=memberships,
        items=items,
    )


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No keys.toml from the developer's machine."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("CLERK_CONFIG", str(folder))
    return folder


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    """A database holding the October meeting's agenda: (path, meeting id)."""
    path = tmp_path / "clerk.db"
    record = october_record()
    store = Store(path)
    try:
        store.save_record(record)
    finally:
        store.close()
    return path, record.meeting.id


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: FROZEN
