"""The cumulative action tracker: the council's layout (HOUSE_STYLE §5), as CSV and .docx."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from clerk.minutes.document import Heading, Table
from clerk.minutes.tracker import (
    COLUMNS,
    CSV_COLUMNS,
    item_label,
    meeting_heading,
    municipal_year,
    title_case,
    tracker_document,
    tracker_rows,
    write_tracker_csv,
    write_tracker_docx,
)
from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    Meeting,
    MeetingStatus,
    Part,
)
from tests.docx_helpers import body_lines, council_template, open_docx, story_text

COMMITTEE_ID = "c1"


def _meeting(day: date, **kw) -> Meeting:
    return Meeting(committee_id=COMMITTEE_ID, date=day, **kw)


def _item(number: str, title: str, position: int, part: Part = Part.PUBLIC) -> AgendaItem:
    return AgendaItem(number=number, title=title, position=position, part=part)


JUNE = _meeting(date(2019, 6, 17))
OCTOBER = _meeting(date(2019, 10, 17))
APRIL = _meeting(date(2019, 4, 1))

CMU = _item("4", "CABINET MEMBER UPDATE", 4)
IMM = _item("5", "IMMUNISATION PROGRAMMES IN WESTMINSTER", 5)
WP = _item("7", "WORK PROGRAMME", 7)
LAND = _item("10", "LAND AT 64 VICTORIA STREET", 10, Part.EXEMPT)
CCG = _item("4", "CENTRAL LONDON CLINICAL COMMISSIONING GROUP UPDATE", 4)
APRIL_CMU = _item("4", "CABINET MEMBER UPDATE", 4)


def _action(item: AgendaItem, text: str, status: ActionStatus, position: int, **kw) -> Action:
    return Action(item_id=item.id, text=text, status=status, position=position, **kw)


def entries() -> list[tuple[Meeting, AgendaItem, Action]]:
    """As Store.committee_actions gives them: newest meeting first, agenda order."""
    done, going = ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS
    return [
        (OCTOBER, CMU, _action(CMU, "Requested that the Ofsted report be circulated.", done, 0)),
        (OCTOBER, CMU, _action(CMU, "Requested a report on why people become homeless.", going, 1)),
        (
            OCTOBER,
            CMU,
            _action(CMU, "Requested an update on palliative care.", going, 2, lead="Bernie"),
        ),
        (OCTOBER, IMM, _action(IMM, "Requested MMR London recovery plan", done, 0)),
        (OCTOBER, WP, _action(WP, "Move Primary Care Networks to a later round.", done, 0)),
        (OCTOBER, LAND, _action(LAND, "Obtain a second valuation of the site.", going, 0)),
        (
            JUNE,
            CCG,
            _action(
                CCG,
                "Circulate diabetes dashboard",
                ActionStatus.OPEN,
                0,
                due=date(2019, 9, 1),
                comment="awaiting the CCG",
            ),
        ),
        (APRIL, APRIL_CMU, _action(APRIL_CMU, "Organise a visit for members to DAWS", done, 0)),
    ]


# --------------------------------------------------------------------------- rows


def test_rows_newest_first_and_exempt_excluded() -> None:
    rows = tracker_rows(entries())
    assert [r.meeting_date for r in rows] == [OCTOBER.date] * 5 + [JUNE.date, APRIL.date]
    assert all("valuation" not in r.action for r in rows)


def test_exempt_excluded_even_when_it_is_the_only_action() -> None:
    only = [(OCTOBER, LAND, _action(LAND, "Secret", ActionStatus.OPEN, 0))]
    assert tracker_rows(only) == []
    doc = tracker_document(only)
    assert [b for b in doc.blocks if isinstance(b, Table)] == []


def test_order_is_restored_from_any_input_order() -> None:
    shuffled = list(reversed(entries()))
    assert tracker_rows(shuffled) == tracker_rows(entries())


def test_item_label_once_per_item() -> None:
    rows = tracker_rows(entries())
    assert [(r.item_label, r.first_of_item) for r in rows[:5]] == [
        ("Item 4: Cabinet Member Update", True),
        ("Item 4: Cabinet Member Update", False),
        ("Item 4: Cabinet Member Update", False),
        ("Item 5: Immunisation Programmes in Westminster", True),
        ("Item 7: Work Programme", True),
    ]
    assert [r.first_of_meeting for r in rows] == [True, False, False, False, False, True, True]


def test_completed_actions_are_kept_and_statuses_worded() -> None:
    rows = tracker_rows(entries())
    assert [r.update for r in rows] == [
        "Completed",
        "In progress",
        "In progress",
        "Completed",
        "Completed",
        "Open – awaiting the CCG",
        "Completed",
    ]


def test_headings_are_dates_without_the_committees_meetings() -> None:
    rows = tracker_rows(entries())
    assert rows[0].heading == "17 OCTOBER 2019"
    assert rows[5].heading == "17 JUNE 2019"


def test_rounds_counted_per_municipal_year() -> None:
    # 2018/19: five rounds (the tracker's ROUND FIVE 1 APRIL 2019); 2019/20 starts in June.
    meetings = [
        _meeting(date(2018, 7, 2)),
        _meeting(date(2018, 10, 15)),
        _meeting(date(2018, 12, 3)),
        _meeting(date(2019, 2, 4)),
        APRIL,
        JUNE,
        _meeting(date(2019, 9, 1), status=MeetingStatus.CANCELLED),
        OCTOBER,
        _meeting(date(2019, 11, 25)),  # no actions: still a round
    ]
    rows = tracker_rows(entries(), meetings=meetings)
    headings = list(dict.fromkeys(r.heading for r in rows))
    assert headings == [
        "ROUND TWO 17 OCTOBER 2019",
        "ROUND ONE 17 JUNE 2019",
        "ROUND FIVE 1 APRIL 2019",
    ]


def test_municipal_year_starts_in_may() -> None:
    assert municipal_year(date(2019, 4, 30)) == 2018
    assert municipal_year(date(2019, 5, 1)) == 2019


def test_meeting_heading_beyond_twenty_rounds() -> None:
    assert meeting_heading(OCTOBER, 21) == "ROUND 21 17 OCTOBER 2019"
    assert meeting_heading(_meeting(date(2020, 1, 6)), 3) == "ROUND THREE 6 JANUARY 2020"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("CABINET MEMBER UPDATE", "Cabinet Member Update"),
        ("IMMUNISATION PROGRAMMES IN WESTMINSTER", "Immunisation Programmes in Westminster"),
        ("2019/20 WORK PROGRAMME AND ACTION TRACKER", "2019/20 Work Programme and Action Tracker"),
        (
            "CARE HOME IMPROVEMENT PROGRAMME (CHIP) - OLDER PEOPLE'S NURSING AND RESIDENTIAL HOMES",
            "Care Home Improvement Programme (CHIP) - Older People's Nursing and Residential Homes",
        ),
        ("NORTH WEST LONDON CCGS AND THE NHS", "North West London CCGs and the NHS"),
        ("THE LOCAL GP PRACTICES", "The Local GP Practices"),
        ("Direct Payments/Personal Budgets", "Direct Payments/Personal Budgets"),
        ("WESTMINSTER'S E-CONSENT PILOT", "Westminster's E-Consent Pilot"),
        ("", ""),
    ],
)
def test_title_case(title: str, expected: str) -> None:
    assert title_case(title) == expected


def test_item_label() -> None:
    assert item_label(CMU) == "Item 4: Cabinet Member Update"
    assert item_label(_item("4A", "", 0)) == "Item 4A"


# --------------------------------------------------------------------------- document


def test_tracker_document_tables() -> None:
    doc = tracker_document(entries(), committee_name="Family and People Services Committee")
    assert doc.blocks[0] == Heading("Family and People Services Committee Action Tracker", 2)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.title for t in tables] == ["17 OCTOBER 2019", "17 JUNE 2019", "1 APRIL 2019"]
    assert all(t.header == COLUMNS == ("Agenda Item", "Action", "Update") for t in tables)
    ofsted = "Requested that the Ofsted report be circulated."
    assert tables[0].rows[:2] == (
        ("Item 4: Cabinet Member Update", ofsted, "Completed"),
        ("", "Requested a report on why people become homeless.", "In progress"),
    )
    assert not doc.draft and not doc.confidential


# --------------------------------------------------------------------------- CSV


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_columns_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    write_tracker_csv(entries(), path)
    rows = _csv(path.read_text(encoding="utf-8"))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1] == [
        "17 OCTOBER 2019",
        "2019-10-17",
        "Item 4: Cabinet Member Update",
        "Requested that the Ofsted report be circulated.",
        "Completed",
        "",
        "",
    ]
    assert rows[2][:3] == ["", "2019-10-17", ""]  # heading and label once
    assert rows[3][5] == "Bernie"
    assert rows[6] == [
        "17 JUNE 2019",
        "2019-06-17",
        "Item 4: Central London Clinical Commissioning Group Update",
        "Circulate diabetes dashboard",
        "Open – awaiting the CCG",
        "",
        "2019-09-01",
    ]
    assert len(rows) == 1 + 7
    assert not any("valuation" in cell for row in rows for cell in row)


def test_csv_to_a_handle() -> None:
    out = io.StringIO()
    write_tracker_csv(entries(), out)
    assert _csv(out.getvalue())[0] == list(CSV_COLUMNS)


def test_csv_of_nothing_is_the_header() -> None:
    out = io.StringIO()
    write_tracker_csv([], out)
    assert _csv(out.getvalue()) == [list(CSV_COLUMNS)]


# --------------------------------------------------------------------------- docx


def test_tracker_docx(tmp_path: Path) -> None:
    path = tmp_path / "tracker.docx"
    write_tracker_docx(entries(), path, committee_name="FPS Committee")
    word = open_docx(path)
    assert len(word.tables) == 3
    first = word.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Agenda Item", "Action", "Update"]
    labels = [row.cells[0].text for row in first.rows[1:]]
    assert labels == [
        "Item 4: Cabinet Member Update",
        "",
        "",
        "Item 5: Immunisation Programmes in Westminster",
        "Item 7: Work Programme",
    ]
    titles = [line.text for line in body_lines(word) if line.style == "Table Title"]
    assert titles == ["17 OCTOBER 2019", "17 JUNE 2019", "1 APRIL 2019"]
    text = "\n".join(line.text for line in body_lines(word))
    assert "valuation" not in text
    assert "DRAFT" not in story_text(word.sections[0].header)
    assert word.core_properties.title == "FPS Committee Action Tracker"


def test_tracker_docx_with_template(tmp_path: Path) -> None:
    path = tmp_path / "tracker.docx"
    write_tracker_docx(entries(), path, template=council_template())
    word = open_docx(path)
    assert len(word.tables) == 3
    assert word.styles["Normal"].font.name == "Verdana"
