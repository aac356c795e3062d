"""The times and dates a clerk types into the live screen's forms, and the defaults it offers."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from clerk.tui.session import clock_time, long_date, parse_date, parse_time


def test_every_default_the_forms_offer_reads_back() -> None:
    """A form prefilled with clock_time(now) must accept itself, noon and midnight included."""
    for minute_of_day in range(24 * 60):
        moment = time(minute_of_day // 60, minute_of_day % 60)
        assert parse_time(clock_time(moment)) == moment


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("19:05", time(19, 5)),
        ("7.05 pm", time(19, 5)),
        ("7.05pm", time(19, 5)),
        ("1905", time(19, 5)),
        ("7pm", time(19, 0)),
        ("12.30 am", time(0, 30)),
        ("noon", time(12, 0)),
        ("12.00 midnight", time(0, 0)),
    ],
)
def test_the_ways_a_clerk_writes_a_time(typed: str, meant: time) -> None:
    assert parse_time(typed) == meant


@pytest.mark.parametrize("typed", ["", "seven", "25:00", "7.75 pm", "19:5x"])
def test_not_a_time_says_what_was_typed(typed: str) -> None:
    with pytest.raises(ValueError, match="not a time"):
        parse_time(typed)


def test_dates() -> None:
    assert parse_date("2019-11-25") == parse_date("25/11/2019") == date(2019, 11, 25)
    assert long_date(date(2019, 6, 17)) == "17 June 2019"
    with pytest.raises(ValueError, match="use 2019-11-25"):
        parse_date("31/02/2019")


@pytest.mark.parametrize(
    ("opened", "began"),
    [
        (datetime(2019, 10, 17, 19, 7), time(19, 7)),  # a late start: when it began
        (datetime(2019, 10, 17, 18, 40), time(19, 0)),  # set up early: the agenda's time
        (datetime(2019, 11, 2, 10, 15), time(19, 0)),  # another day (from notes): the agenda's
    ],
)
def test_opening_a_meeting_records_when_it_began(db, opened: datetime, began: time) -> None:
    from clerk.store import Store
    from clerk.tui.session import LiveSession

    path, meeting_id = db  # called for 7.00 pm on 17 October 2019
    with Store(path) as store:
        LiveSession(store, meeting_id, lambda: opened).begin()
        assert store.meeting(meeting_id).start_time == began
