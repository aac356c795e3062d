"""Dates and times as clerk reads and writes them: one grammar, English names, any machine.

Every date or time clerk shows, and every one it reads from a form, an agenda or a meeting
file, goes through here. `strftime`'s %A, %B, %a and %b follow the machine's locale (a French
machine would write "lundi 25 novembre") and %-d fails on Windows, so nothing else in clerk
formats a date by name. No Textual, no SQLite.

Reading: `parse_date` and `parse_time` take a whole value a clerk typed or wrote ("25/11/2019",
"Monday 25th November, 2019", "7.00 pm", "1905"); `find_date` and `find_time` find the first
date or time inside a line of an agenda, where they must not mistake a room number for a time.
Writing: `long_date` and `clock_time` fill a template (a house style's, or one of the forms
below), `short_date` is the meeting lists' column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from clerk.errors import quoted

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: How a month may be written, lower case: its name, the first three letters, and "sept".
MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(MONTHS, 1)},
    **{name[:3].lower(): n for n, name in enumerate(MONTHS, 1)},
    "sept": 9,
}

# ------------------------------------------------------------------------- writing

#: The house long date: "Thursday 17 October 2019".
LONG_DATE = "{weekday} {day} {month} {year}"
#: "17 October 2019": a date inside a sentence that names the day already, or needs no weekday.
DAY_MONTH_YEAR = "{day} {month} {year}"
#: "Thu 03 Oct 2019": a column of meetings, the day padded so the months line up.
SHORT_DATE = "{weekday_abbr} {day:02d} {month_abbr} {year}"
#: The house time: "8.59 pm", "12.00 noon".
HOUSE_TIME = "{h12}.{mm} {ampm}"
#: A 24-hour clock for tables and messages: "20:59".
CLOCK_24H = "{HH}:{mm}"

DATE_PLACEHOLDERS = frozenset(
    {"weekday", "weekday_abbr", "day", "day_ordinal", "month", "month_abbr", "month_number", "year"}
)
TIME_PLACEHOLDERS = frozenset({"h12", "H", "HH", "mm", "ss", "ampm", "AMPM"})


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def long_date(day: date, template: str = LONG_DATE) -> str:
    """ "Thursday 17 October 2019"; the template may use {weekday}, {weekday_abbr}, {day},
    {day_ordinal}, {month}, {month_abbr}, {month_number}, {year}: "{weekday} {day_ordinal}
    {month}, {year}" gives "Monday 25th November, 2019"."""
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    return template.format(
        weekday=weekday,
        weekday_abbr=weekday[:3],
        day=day.day,
        day_ordinal=ordinal(day.day),
        month=month,
        month_abbr=month[:3],
        month_number=f"{day.month:02d}",
        year=day.year,
    )


def short_date(day: date) -> str:
    """ "Mon 25 Nov 2019", as the meeting lists show a meeting."""
    return long_date(day, SHORT_DATE)


def clock_time(moment: time, template: str = HOUSE_TIME) -> str:
    """ "8.59 pm" (the house form), "8.59pm" with "{h12}.{mm}{ampm}", "20:59" with
    "{HH}:{mm}". Noon and midnight on the hour are said in words with the 12-hour forms:
    "12.00 noon", "12.00 midnight"."""
    h12 = moment.hour % 12 or 12
    ampm = "am" if moment.hour < 12 else "pm"
    if moment.minute == 0 and moment.hour in (0, 12) and "{ampm}" in template:
        ampm = "noon" if moment.hour == 12 else "midnight"
        if "{mm}{ampm}" in template:  # "12.00noon" reads badly: always a space before words
            template = template.replace("{mm}{ampm}", "{mm} {ampm}")
    return template.format(
        h12=h12,
        H=moment.hour,
        HH=f"{moment.hour:02d}",
        mm=f"{moment.minute:02d}",
        ss=f"{moment.second:02d}",
        ampm=ampm,
        AMPM=ampm.upper(),
    )


# ------------------------------------------------------------------------- dates in a line

_WEEKDAY = r"(?:(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_DMY = re.compile(
    _WEEKDAY
    + rf"(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>[A-Za-z]{{3,9}})\.?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
_DATE_MDY = re.compile(
    _WEEKDAY + rf"(?P<m>[A-Za-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
_DATE_NUM = re.compile(
    _WEEKDAY + r"(?<![\d.])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d.])",
    re.IGNORECASE,
)
_DATE_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")


@dataclass(frozen=True)
class DateFound:
    text: str  # as written
    value: date | None  # None: the shape of a date, but no such day ("31st February")
    weekday: str = ""  # the weekday as written, expanded, lower case: "monday"
    start: int = 0
    end: int = 0

    @property
    def weekday_mismatch(self) -> bool:
        return bool(
            self.value and self.weekday and WEEKDAYS[self.value.weekday()].lower() != self.weekday
        )


def _weekday(abbrev: str | None) -> str:
    if not abbrev:
        return ""
    return next((d.lower() for d in WEEKDAYS if d.lower().startswith(abbrev[:3].lower())), "")


_HAS_DIGIT = re.compile(r"\d")


def find_date(text: str) -> DateFound | None:
    """The first date written in `text`, in any of the forms agendas use: "Monday 25th
    November, 2019", "25 Nov 2019", "November 25, 2019", "25/11/2019", "25.11.19",
    "2019-11-25"."""
    if not _HAS_DIGIT.search(text):  # every form has one; the patterns cost ~1 µs a character
        return None
    found: list[DateFound] = []
    for pattern in (_DATE_DMY, _DATE_MDY, _DATE_NUM, _DATE_ISO):
        for m in pattern.finditer(text):
            month_text = m.group("m")
            if month_text.isdigit():
                month = int(month_text)
            else:
                month = MONTH_NUMBERS.get(month_text.lower(), 0)
                if not month:
                    continue
            year = int(m.group("y"))
            if year < 100:
                year += 2000
            try:
                value: date | None = date(year, month, int(m.group("d")))
            except ValueError:
                value = None
            wd = _weekday(m.groupdict().get("wd"))
            found.append(DateFound(m.group(0), value, wd, m.start(), m.end()))
            break
    return min(found, key=lambda f: f.start) if found else None


# ------------------------------------------------------------------------- times in a line

_TIME_12 = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?", re.IGNORECASE
)
_TIME_24 = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:\s*(?:hrs|hours|h)\b)?(?![\d.:])"
)
_NOON = re.compile(r"\b(?:12\s+)?(?:noon|midday)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TimeFound:
    text: str
    value: time | None  # None: the shape of a time but no such time ("13.00 pm")


def _twelve_hour(hour: int, minute: int, am_pm: str) -> time | None:
    """7, 30, "p" -> 19:30; None when there is no such time ("13.00 pm", "7.60 am")."""
    if not (1 <= hour <= 12 and 0 <= minute < 60):
        return None
    return time(hour % 12 + (12 if am_pm.lower().startswith("p") else 0), minute)


def find_time(text: str, *, bare_24h: bool = False) -> TimeFound | None:
    """The first clock time in `text`: "7.00 pm", "6.30pm", "10:00 am", "noon".

    A time without am/pm ("19:00") counts only with a colon, or when `bare_24h` (the value
    of a "Time:" label), so that room numbers such as "18.01" are not read as times.
    """
    if not _HAS_DIGIT.search(text) and not _NOON.search(text):  # the usual line: no time
        return None
    m = _TIME_12.search(text)
    if m:
        value = _twelve_hour(int(m.group("h")), int(m.group("m") or 0), m.group("ap"))
        return TimeFound(m.group(0).strip(), value)
    m = _NOON.search(text)
    if m:
        return TimeFound(m.group(0), time(12, 0))
    for m in _TIME_24.finditer(text):
        if ":" not in m.group(0) and not bare_24h:
            continue
        hour, minute = int(m.group("h")), int(m.group("m"))
        value = time(hour, minute) if hour < 24 and minute < 60 else None
        return TimeFound(m.group(0), value)
    return None


# ------------------------------------------------------------------------- whole values

_LEADING_WORD = re.compile(r"(?:[A-Za-z]+,?\s+)?")  # "on 17 October 2019", "Thurs. 17 …"
DATE_EXAMPLES = "use 2019-11-25 or 25/11/2019"


def parse_date(text: str) -> date:
    """A date typed or written on its own: "2019-11-25" (and the other ISO 8601 forms),
    "25/11/2019", "25.11.19", "25 Nov 2019", "Monday 25th November, 2019", "November 25,
    2019"; a word before the date is allowed and a wrong weekday is not checked. Raises
    ValueError with the text."""
    raw = text.strip()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    found = find_date(raw)
    if (
        found is not None
        and found.value is not None
        and found.end == len(raw)
        and _LEADING_WORD.fullmatch(raw[: found.start])
    ):
        return found.value
    raise ValueError(f"not a date: {quoted(text)} ({DATE_EXAMPLES})")


_WHOLE_TIME = re.compile(
    r"(?:(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})(?::(?P<s>\d{2}))?)?|(?P<hhmm>\d{3,4}))?"
    r"(?P<suffix>[ap]\.?m\.?|noon|midday|midnight|hrs|hours|h)?"
)


def parse_time(text: str) -> time:
    """A time typed or written on its own: "19:05", "19.05", "19:05:30", "1905", "7.05 pm",
    "7.05pm", "7:30 p.m.", "7pm", "12.00 noon", "noon", "12 midnight", "19.00 hrs" (every
    form `clock_time` writes reads back). Raises ValueError with the text."""
    # spaces never change a time ("7.05 pm", "7 . 05pm"), and the letters' case does not
    m = _WHOLE_TIME.fullmatch(re.sub(r"\s+", "", text).lower())
    value = _whole_time(m) if m else None
    if value is None:
        raise ValueError(f"not a time: {quoted(text)}")
    return value


def _whole_time(m: re.Match[str]) -> time | None:
    suffix = m["suffix"] or ""
    if m["hhmm"]:
        hour, minute, second = int(m["hhmm"][:-2]), int(m["hhmm"][-2:]), 0
    elif m["h"]:
        hour, minute, second = int(m["h"]), int(m["m"] or 0), int(m["s"] or 0)
    elif suffix in ("noon", "midday", "midnight"):
        hour, minute, second = 12, 0, 0
    else:
        return None
    if suffix in ("noon", "midday", "midnight"):
        # "12 noon", "12.00 midnight": the word names the hour, so any other is a slip
        if (hour, minute, second) != (12, 0, 0):
            return None
        return time(12) if suffix != "midnight" else time(0)
    if suffix.startswith(("a", "p")):
        return None if second else _twelve_hour(hour, minute, suffix)
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 60):
        return None
    return time(hour, minute, second)
