"""The registers: attendance by member, interests declared, actions still open; as text, CSV
(with formula cells made harmless) and .docx; never with exempt matter unless asked."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from clerk.cli import main
from clerk.dates import short_date
from clerk.errors import ClerkError
from clerk.record import ActionStatus, AttendanceStatus, DeclarationAction, MeetingRecord
from clerk.registers import (
    attendance_from_rows,
    interests_from_rows,
    open_actions_from_rows,
    parse_year,
    safe_cell,
    write_csv,
)
from clerk.store import Store
from tests.minutes_builders import MeetingBuilder


def meeting(day: date, *, bright_away: bool, noble_sits: bool) -> MeetingRecord:
    m = MeetingBuilder(day=day)
    glanz = m.member("Jonathan Glanz", chair=True, pronoun="he")
    bright = m.member("Margot Bright", present=not bright_away)
    m.member('=HYPERLINK("http://evil")', present=False)  # absent, no apologies sent
    if bright_away:
        m.attend(bright, AttendanceStatus.APOLOGIES)
    if noble_sits:
        m.attend(m.councillor("Matt Noble"), AttendanceStatus.SUBSTITUTE, substitute_for=bright)
    streets = m.item("4", "SCHOOL STREETS")
    m.declare(
        glanz,
        streets,
        "non-pecuniary interest",
        nature="in that he is a governor of Hallfield School",
        action=DeclarationAction.LEFT_ROOM,
    )
    m.action(streets, "-1 officers to report back", lead="@Director")
    done = m.action(streets, "Publish the counts")
    done.status = ActionStatus.COMPLETED
    secret = m.item("5", "DISPOSAL OF A SITE", exempt_paragraphs=[3])
    m.declare(bright, secret, "pecuniary interest", nature="in that she owns the land next door")
    m.action(secret, "Instruct the confidential valuer")
    record = m.build()
    # every meeting of the one committee
    record.committee.id = "c0000000000000001"
    record.meeting.committee_id = record.committee.id
    for membership in record.memberships:
        membership.committee_id = record.committee.id
    return record


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return four_meetings(tmp_path / "clerk.db")


def four_meetings(path: Path) -> Path:
    """Four meetings of one committee, 2019/20 and 2020/21, the same people at each (the
    registers screen's tests use them too)."""
    builders = [
        meeting(date(2019, 6, 10), bright_away=True, noble_sits=True),
        meeting(date(2019, 11, 25), bright_away=True, noble_sits=False),
        meeting(date(2020, 3, 2), bright_away=False, noble_sits=False),
        meeting(date(2020, 7, 6), bright_away=False, noble_sits=False),  # 2020/21
    ]
    with Store(path) as store:
        people: dict[str, str] = {}
        seats: dict[str, str] = {}
        for record in builders:
            # the same people at every meeting: one id per name
            for person in record.people:
                old = person.id
                person.id = people.setdefault(person.name, old)
                for row in [*record.memberships, *record.attendance, *record.declarations]:
                    if row.person_id == old:
                        row.person_id = person.id
                for a in record.attendance:
                    if a.substitute_for == old:
                        a.substitute_for = person.id
            for membership in record.memberships:  # one seat each, held throughout
                membership.id = seats.setdefault(membership.person_id, membership.id)
            store.save_record(record)
    return path


def test_municipal_years() -> None:
    year = parse_year("2019/20")
    assert (year.first_day, year.last_day) == (date(2019, 5, 1), date(2020, 4, 30))
    assert parse_year("2019-2020") == parse_year("2019") == year
    assert str(year) == "2019/20" and date(2020, 4, 30) in year and date(2020, 5, 1) not in year
    for bad in ("2019/21", "19/20", "last year", ""):
        with pytest.raises(ClerkError, match="municipal year"):
            parse_year(bad)


def test_attendance_counts_as_councils_publish(db: Path) -> None:
    year = parse_year("2019/20")
    with Store(db) as store:
        (committee,) = store.committees()
        held = [m for m in store.committee_meetings(committee.id) if m.status.value != "scheduled"]
        register = attendance_from_rows(
            committee, store.attendance_rows(committee.id, year.first_day, year.last_day), year
        )
        everything = attendance_from_rows(committee, store.attendance_rows(committee.id))
        only = held[0]
        one = attendance_from_rows(
            committee, store.attendance_rows(committee.id, only.date, only.date)
        )
    rows = {row[0]: row[1:] for row in register.rows}
    # expected, present, apologies, absent, substituted, as substitute, attendance
    assert rows["Margot Bright"] == ("3", "1", "2", "0", "1", "0", "33%")
    assert rows["Jonathan Glanz"] == ("3", "3", "0", "0", "0", "0", "100%")
    assert rows['=HYPERLINK("http://evil")'] == ("3", "0", "0", "3", "0", "0", "0%")
    assert rows["Matt Noble"] == ("0", "0", "0", "0", "0", "1", "")
    assert register.notes == ("3 meetings held.",)
    assert "2019/20" in register.title
    assert dict((r[0], r[1]) for r in everything.rows)["Jonathan Glanz"] == "4"
    # one meeting: "1 meeting held.", and its day once, not "from it to itself"
    assert one.notes == ("1 meeting held.",)
    assert one.title.endswith(f"attendance, {short_date(only.date)}")


def test_interests_and_actions_leave_exempt_out_unless_asked(db: Path) -> None:
    with Store(db) as store:
        public = interests_from_rows(store.declaration_rows())
        confidential = interests_from_rows(store.declaration_rows(exempt=True), exempt=True)
        actions = open_actions_from_rows(store.open_action_rows())
        all_actions = open_actions_from_rows(store.open_action_rows(exempt=True), exempt=True)
    assert [r[0] for r in public.rows] == ["Jonathan Glanz"] * 4
    assert public.rows[0][3:] == (
        "4. SCHOOL STREETS",
        "non-pecuniary interest",
        "in that he is a governor of Hallfield School",
        "left the room and took no part",
    )
    assert "land next door" not in repr(public) and "EXEMPT" not in repr(public)
    assert any("land next door" in r[5] and "(EXEMPT)" in r[3] for r in confidential.rows)
    assert "EXEMPT" in confidential.title
    assert [r[3] for r in actions.rows] == ["-1 officers to report back"] * 4
    assert "valuer" not in repr(actions)
    assert sum("valuer" in r[3] for r in all_actions.rows) == 4


def test_csv_cells_are_never_formulas() -> None:
    assert [safe_cell(c) for c in ("=1+1", "+44", "-1", "@x", "\tx", "\rx", "ok", "")] == [
        "'=1+1",
        "'+44",
        "'-1",
        "'@x",
        "'\tx",
        "'\rx",
        "ok",
        "",
    ]


def clerk(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_register_commands(db: Path, tmp_path: Path) -> None:
    text = clerk(db, "register", "attendance", "family", "--year", "2019/20")
    assert text.exit_code == 0, text.output
    assert "Margot Bright" in text.output and "33%" in text.output
    assert '=HYPERLINK("http://evil")' in text.output  # a name, printed as text
    out = clerk(db, "register", "attendance", "family", "-f", "csv").output
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][0] == "Member"
    assert ['\'=HYPERLINK("http://evil")', "4", "0", "0", "4", "0", "0", "0%"] in rows
    target = tmp_path / "interests.docx"
    result = clerk(db, "register", "interests", "glanz", "-f", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    cells = [c.text for t in Document(str(target)).tables for row in t.rows for c in row.cells]
    assert "in that he is a governor of Hallfield School" in cells
    assert not any("land next door" in c for c in cells)
    open_csv = clerk(db, "actions", "--open", "-f", "csv").output
    assert "'-1 officers to report back" in open_csv and "'@Director" in open_csv
    assert "valuer" not in open_csv and "Publish the counts" not in open_csv
    assert "valuer" in clerk(db, "actions", "--open", "--exempt").output


def test_register_commands_say_what_is_wrong(db: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["--db", str(db), "register", "attendance", "family", "--year", "x"])
    assert bad.exit_code == 1 and "not a municipal year" in bad.output
    nobody = runner.invoke(main, ["--db", str(db), "register", "interests", "Nobody"])
    assert nobody.exit_code == 1 and "no one called 'Nobody'" in nobody.output
    both = runner.invoke(main, ["--db", str(db), "actions", "--open", "family"])
    assert both.exit_code == 2 and "give no COMMITTEE" in both.output
    neither = runner.invoke(main, ["--db", str(db), "actions"])
    assert neither.exit_code == 2 and "--open" in neither.output


def test_csv_writer_header_and_rows() -> None:
    register = open_actions_from_rows([])
    handle = io.StringIO()
    write_csv(register, handle)
    assert handle.getvalue().splitlines() == [",".join(register.header)]
