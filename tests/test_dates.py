"""Dates and times: every form clerk reads, what it writes, and that it writes English anywhere."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk import dates
from clerk.dates import find_date, parse_date, parse_time

CLERK = Path(__file__).resolve().parent.parent / "clerk"

# --------------------------------------------------------------------------- reading dates


@pytest.mark.parametrize(
    "written",
    [
        # the live screen's and the picker's forms
        "2019-11-25",
        "25/11/2019",
        " 25/11/2019 ",
        # a meeting file's
        "25 November 2019",
        "25 Nov 2019",
        "Monday 25th November, 2019",
        "Mon, 25 November 2019",
        "on 25 November 2019",
        # an agenda's
        "Mon 25th Nov 2019",
        "Monday 25th of November 2019",
        "25 Nov. 2019",
        "November 25, 2019",
        "November 25th 2019",
        "25.11.2019",
        "25/11/19",
        "25 NOVEMBER 2019",
        # ISO 8601 without the dashes, which Python's reader takes
        "20191125",
    ],
)
def test_every_date_form_clerk_accepts(written: str) -> None:
    assert parse_date(written) == date(2019, 11, 25)


def test_september_is_written_three_ways() -> None:
    assert {parse_date(f"3 {m} 2019") for m in ("September", "Sep", "Sept")} == {date(2019, 9, 3)}


def test_a_wrong_weekday_is_read_past_not_refused() -> None:
    """The agenda importer says so in its guesses; the date is what was meant."""
    assert parse_date("Tuesday 25th November, 2019") == date(2019, 11, 25)
    assert find_date("Tuesday 25th November, 2019").weekday_mismatch  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "typed",
    ["", "tomorrow", "31/02/2019", "25 Novembre 2019", "25 November", "2019-11-25 and 26th"],
)
def test_not_a_date_says_what_was_typed(typed: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"not a date: {typed!r}")):
        parse_date(typed)


def test_a_date_inside_a_line() -> None:
    found = find_date("Meeting Date: Monday 25th November, 2019 at 7pm")
    assert found is not None and found.value == date(2019, 11, 25)
    assert found.text == "Monday 25th November, 2019"
    no_such_day = find_date("Date: 31st February 2019")
    assert no_such_day is not None and no_such_day.value is None


# --------------------------------------------------------------------------- reading times


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("19:05", time(19, 5)),
        ("19.05", time(19, 5)),
        ("1905", time(19, 5)),
        ("905", time(9, 5)),
        ("19", time(19, 0)),
        ("19:05:30", time(19, 5, 30)),
        ("7.05 pm", time(19, 5)),
        ("7.05pm", time(19, 5)),
        ("7:30 p.m.", time(19, 30)),
        ("9.05 AM", time(9, 5)),
        ("7pm", time(19, 0)),
        ("7 pm", time(19, 0)),
        ("12.30 am", time(0, 30)),
        ("12 pm", time(12, 0)),
        ("12.00 noon", time(12, 0)),
        ("12 noon", time(12, 0)),
        ("noon", time(12, 0)),
        ("midday", time(12, 0)),
        ("12.00 midnight", time(0, 0)),
        ("midnight", time(0, 0)),
        ("19.00 hrs", time(19, 0)),
    ],
)
def test_every_time_form_clerk_accepts(typed: str, meant: time) -> None:
    assert parse_time(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["", "seven", "25:00", "7.75 pm", "19:5x", "13.00 pm", "0 am", "7.5 pm", "12.30 noon", "pm"],
)
def test_not_a_time_says_what_was_typed(typed: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"not a time: {typed!r}")):
        parse_time(typed)


def test_a_room_number_in_a_line_is_not_a_time() -> None:
    assert dates.find_time("Room 18.01, 5 Strand") is None
    assert dates.find_time("18.01", bare_24h=True).value == time(18, 1)  # type: ignore[union-attr]
    assert dates.find_time("Starts at 6.30pm in Room 3").value == time(18, 30)  # type: ignore[union-attr]


# --------------------------------------------------------------------------- writing


def test_the_house_forms() -> None:
    day = date(2019, 10, 3)
    assert dates.long_date(day) == "Thursday 3 October 2019"
    assert dates.long_date(day, dates.DAY_MONTH_YEAR) == "3 October 2019"
    assert dates.long_date(day, "{weekday} {day_ordinal} {month}, {year}") == (
        "Thursday 3rd October, 2019"
    )
    assert dates.short_date(day) == "Thu 03 Oct 2019"
    assert dates.clock_time(time(20, 59)) == "8.59 pm"
    assert dates.clock_time(time(9, 5), dates.CLOCK_24H) == "09:05"


DATE_TEMPLATES = [
    dates.LONG_DATE,
    dates.DAY_MONTH_YEAR,
    dates.SHORT_DATE,
    "{weekday} {day_ordinal} {month}, {year}",  # the board style
    "{day}/{month_number}/{year}",
    "{year}-{month_number}-{day:02d}",
]
TIME_TEMPLATES = [dates.HOUSE_TIME, "{h12}.{mm}{ampm}", "{h12}:{mm} {AMPM}", dates.CLOCK_24H]


@given(day=st.dates(min_value=date(1000, 1, 1)), template=st.sampled_from(DATE_TEMPLATES))
def test_every_date_clerk_writes_reads_back(day: date, template: str) -> None:
    written = dates.long_date(day, template)
    assert parse_date(written) == day
    found = find_date(f"Minutes of the meeting held on {written} in Room 1.")
    assert found is not None and found.value == day and not found.weekday_mismatch


@given(
    moment=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    template=st.sampled_from(TIME_TEMPLATES),
)
def test_every_time_clerk_writes_reads_back(moment: time, template: str) -> None:
    assert parse_time(dates.clock_time(moment, template)) == moment


@given(moment=st.times().map(lambda t: t.replace(microsecond=0)))
def test_a_time_with_seconds_reads_back(moment: time) -> None:
    assert parse_time(dates.clock_time(moment, "{HH}:{mm}:{ss}")) == moment


# --------------------------------------------------------------------------- the machine's locale

# What strftime and the calendar module say in the machine's language, or not on Windows.
_LOCALE_FORMAT = re.compile(r"%[-#]?[aAbBcpxX]|%-[a-zA-Z]")
_FORMATTED = re.compile(r"strftime\(|\{[^{}]*:[^{}]*%")
_CALENDAR_NAMES = re.compile(r"calendar\.(?:month|day)_(?:name|abbr)")
# The live screen is being restructured on another branch, which switches these to clerk.dates.
_PENDING: set[tuple[str, str]] = set()


def test_no_date_is_written_by_the_machines_locale() -> None:
    """Every weekday and month name comes from clerk.dates, never from strftime or calendar."""
    offending = []
    for path in sorted(CLERK.rglob("*.py")):
        where = path.relative_to(CLERK).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(where == file and text in line for file, text in _PENDING):
                continue
            if (_FORMATTED.search(line) and _LOCALE_FORMAT.search(line)) or (
                _CALENDAR_NAMES.search(line)
            ):
                offending.append(f"clerk/{where}:{number}: {line.strip()}")
    assert offending == []


_SCRIPT = """
import json, locale, sys
from datetime import date, time
locale.setlocale(locale.LC_TIME, sys.argv[1])
from clerk import dates, validate
from clerk.importers import meeting_file
from clerk.importers.agenda import parse_agenda
from clerk.minutes.tracker import meeting_heading
day = date(2019, 11, 25)
agenda = parse_agenda(
    "Title: Cabinet\\nDate: Tuesday 25th November, 2019\\nTime: 7pm\\nAGENDA\\n1. MINUTES\\n"
)
record = agenda.record
record.meeting.approves_minutes_of = day
problems = validate.problems(record)
print(json.dumps({
    "machine": day.strftime("%A %B"),
    "long": dates.long_date(day),
    "short": dates.short_date(day),
    "read": str(dates.parse_date("Monday 25 November 2019")),
    "guesses": agenda.guesses,
    "tracker": meeting_heading(record.meeting),
    "file": meeting_file.dumps(record).splitlines()[0],
    "problems": problems,
}))
"""


def _foreign_locale(tmp: Path) -> tuple[str, dict[str, str]]:
    """A locale whose month names are not English, and the environment it needs: one the
    machine has, else one compiled for the test (glibc's localedef), else the C locale."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    for name in listed.stdout.split():
        if not name.lower().startswith(("c", "posix", "en_")):
            return name, {}
    if shutil.which("localedef"):
        built = subprocess.run(
            ["localedef", "-i", "fr_FR", "-f", "UTF-8", str(tmp / "fr_FR.UTF-8")],
            capture_output=True,
            check=False,
        )
        if (tmp / "fr_FR.UTF-8").exists() and built.returncode in (0, 1):  # 1: warnings only
            return "fr_FR.UTF-8", {"LOCPATH": str(tmp)}
    # no other language to be had: the source check above is then the whole guarantee
    return "C", {}


def test_dates_are_english_whatever_the_machines_locale(tmp_path: Path) -> None:
    import os

    name, env = _foreign_locale(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, name],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )
    assert out.returncode == 0, out.stderr  # e.g. an agenda's "November" not read as a month
    seen = json.loads(out.stdout)
    if name != "C":
        assert seen["machine"] != "Monday November", "the test's locale did not take"
    assert seen["long"] == "Monday 25 November 2019"
    assert seen["short"] == "Mon 25 Nov 2019"
    assert seen["read"] == "2019-11-25"
    assert any(
        "Line 2 says Tuesday but 25 November 2019 is a Monday; took the date as Monday 25 "
        "November 2019." in g
        for g in seen["guesses"]
    )
    assert seen["tracker"] == "25 NOVEMBER 2019"
    assert seen["file"].endswith("meeting of 25 November 2019")
    assert any("the meeting of 25 November 2019 approves" in p for p in seen["problems"])
