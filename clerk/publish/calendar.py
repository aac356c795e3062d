"""A committee's meetings as an iCalendar file (RFC 5545), for a council's web site and for
anyone's calendar: one event a meeting, in London time, cancelled meetings marked so."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from clerk.publish.opendata import LONDON
from clerk.record import Committee, Meeting, MeetingStatus

#: How long a meeting is shown when its end was not recorded (an agenda's meeting).
USUAL_LENGTH = timedelta(hours=2)


def committee_calendar(committee: Committee, meetings: list[Meeting]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//clerk//committee meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", committee.name)
    cal.add("x-wr-timezone", "Europe/London")
    for m in sorted(meetings, key=lambda m: (m.date, m.start_time or datetime.min.time(), m.id)):
        event = Event()
        event.add("uid", f"{m.id}@clerk")
        summary = committee.name + (f" ({m.title})" if m.title else "")
        event.add("summary", summary)
        if m.start_time is None:
            event.add("dtstart", m.date)  # an all-day entry: the time was not published
        else:
            start = datetime.combine(m.date, m.start_time.replace(microsecond=0), tzinfo=LONDON)
            event.add("dtstart", start)
            if m.end_time is not None and m.end_time > m.start_time:
                end = datetime.combine(m.date, m.end_time.replace(microsecond=0), tzinfo=LONDON)
            else:
                end = start + USUAL_LENGTH
            event.add("dtend", end)
        if m.venue:
            event.add("location", m.venue)
        event.add("status", "CANCELLED" if m.status is MeetingStatus.CANCELLED else "CONFIRMED")
        event.add("dtstamp", datetime(m.date.year, m.date.month, m.date.day, tzinfo=LONDON))
        cal.add_component(event)
    cal.add_missing_timezones()  # a TZID needs its VTIMEZONE (RFC 5545 3.6.5)
    return cal.to_ical()
