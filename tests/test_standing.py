"""One rule says which agenda item is which standing item, and the minutes, the live session
and the next meeting all ask it (issue 9)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import render_text
from clerk.minutes.style import HouseStyle
from clerk.record import Attendance, AttendanceStatus, Part
from clerk.standing import Standing, standing_items, standing_kind
from clerk.store import Store
from clerk.tui.session import LiveSession, declarations_item, minutes_item
from tests.tui.conftest import october_record

TITLES = [
    ("MEMBERSHIP", Standing.MEMBERSHIP),
    ("APOLOGIES AND MEMBERSHIP", Standing.MEMBERSHIP),
    ("Apologies for Absence and Substitutions", Standing.MEMBERSHIP),
    ("MEMBERSHIP & APOLOGIES", Standing.MEMBERSHIP),
    ("WELCOME, INTRODUCTIONS AND APOLOGIES", Standing.MEMBERSHIP),
    ("DECLARATIONS OF INTEREST", Standing.DECLARATIONS),
    ("Declarations of Interests", Standing.DECLARATIONS),
    ("DECLARATION OF PECUNIARY AND NON-PECUNIARY INTERESTS", Standing.DECLARATIONS),
    ("MINUTES", Standing.MINUTES),
    ("MINUTES OF THE PREVIOUS MEETING", Standing.MINUTES),
    ("To approve the minutes of the meeting held on 17 June 2019", Standing.MINUTES),
    ("CONFIRMATION OF MINUTES", Standing.MINUTES),
    ("ANY OTHER BUSINESS", Standing.ANY_OTHER_BUSINESS),
    ("Any Other Business which the Chairman considers urgent", Standing.ANY_OTHER_BUSINESS),
    ("CABINET MEMBER UPDATE", None),
    ("MINUTES OF THE HEALTH AND WELLBEING BOARD SUB-GROUP", Standing.MINUTES),
    ("REPORT ON THE INTEREST RATES OF THE PENSION FUND", None),
    ("WORK PROGRAMME AND MINUTES TRACKER", None),
]


@pytest.mark.parametrize(("title", "kind"), TITLES)
def test_each_title_is_one_kind(title: str, kind: Standing | None) -> None:
    assert standing_kind(title) is kind


def test_only_the_first_public_item_of_a_kind_counts() -> None:
    record = october_record()
    items = {i.number: i for i in record.items}
    items["9"].title = "MINUTES OF THE SUB-COMMITTEE"  # a second "minutes" item: not standing
    items["10"].title = "DECLARATIONS"  # exempt: never a standing item
    assert items["10"].part is Part.EXEMPT
    found = standing_items(record)
    assert found[Standing.MINUTES] is items["3"]
    assert found[Standing.DECLARATIONS] is items["2"]


@pytest.mark.parametrize("title", ["APOLOGIES AND MEMBERSHIP", "MEMBERSHIP", "APOLOGIES"])
def test_the_screen_and_the_minutes_agree_on_the_membership_item(tmp_path, title: str) -> None:
    record = october_record()
    first = record.agenda()[0]
    first.title = title
    payne = next(p for p in record.people if p.name == "Emily Payne")
    record.attendance.append(Attendance(person_id=payne.id, status=AttendanceStatus.APOLOGIES))
    with Store(tmp_path / "c.db") as store:
        store.save_record(record)
        session = LiveSession(store, record.meeting.id)
        assert session.attendance_item() is not None
        assert session.attendance_item().id == first.id
        assert declarations_item(session.record).number == "2"
        assert minutes_item(session.record).number == "3"
        text = render_text(compose_minutes(session.record, replace(HouseStyle())))
    under_it = text.split(f"1. {title}")[1].split("2. DECLARATIONS")[0]
    assert "Apologies for absence were received from Councillor Emily Payne." in under_it
