"""The agenda's header and people: the committee and its council, the date, start time and
venue (by their labels, or by their form where labels stand apart from their values), the
members with their roles and the chair, the committee officer, and which earlier meeting's
minutes the agenda approves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from functools import partial

from clerk import dates
from clerk.dates import DateFound, find_date, find_time
from clerk.errors import short
from clerk.importers.agenda_forms import (
    AGENDA_MARK,
    EXAMPLE_DATE,
    EXAMPLE_TIME,
    FOLLOW_ON,
    surname_of,
    word_count,
)
from clerk.importers.agenda_pack import AgendaPack
from clerk.importers.agenda_people import (
    MemberEntry,
    find_officer,
    is_councillor_role,
    parse_member_line,
    reading_order,
)
from clerk.importers.agenda_run_on import read_member_line
from clerk.importers.normalise import Line
from clerk.prose import join_names
from clerk.record import (
    AgendaItem,
    Committee,
    MeetingRecord,
    MemberRole,
    Membership,
    Person,
)

_TITLE_KINDS = (
    "Sub-Committee",
    "Committee",
    "Board",
    "Cabinet",
    "Panel",
    "Forum",
    "Commission",
    "Partnership",
    "Council",
)
_TITLE_FORM = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w&',()/ -]*?\b(?:"
    + "|".join(_TITLE_KINDS)
    + r"))(?:\s*\((?:\d+|[A-Z])\))?$"
)
_LABEL = re.compile(
    r"^(?P<label>title|committee|meeting|meeting title|name of (?:committee|meeting)|"
    r"meeting date|date(?: and time| & time)?|time|start time|starts|venue|place|location|"
    r"members(?:hip)?|board members|members of the (?:committee|board|sub-committee|cabinet)|"
    r"councillors)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_VENUE_FORM = re.compile(
    r"\b(?:Room|Rooms|Floor|Hall|Chamber|Chambers|Suite|Street|Road|Square|Strand|Lane|"
    r"Place|Centre|Building|Virtual|Online|Microsoft Teams|Town Hall|House)\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
)
_COUNCILS = [
    (
        re.compile(r"\bCity of Westminster\b|\bWestminster City Council\b", re.I),
        "City of Westminster",
    ),
    (
        re.compile(r"\bRoyal Borough of Kensington (?:and|&) Chelsea\b|\bRBKC\b", re.I),
        "Royal Borough of Kensington and Chelsea",
    ),
    (
        re.compile(r"\bLondon Borough of Hammersmith (?:and|&) Fulham\b", re.I),
        "London Borough of Hammersmith and Fulham",
    ),
    (
        re.compile(r"\bLondon Borough of Camden\b|\bCamden Council\b", re.I),
        "London Borough of Camden",
    ),
    (re.compile(r"\bLondon Borough of Brent\b|\bBrent Council\b", re.I), "London Borough of Brent"),
    (re.compile(r"\bCity of London Corporation\b", re.I), "City of London Corporation"),
]
_COUNCIL_LINE = re.compile(
    r"^(?:the\s+)?(?:city of westminster|westminster city council|royal borough of kensington "
    r"(?:and|&) chelsea|london borough of [a-z &]+)$",
    re.IGNORECASE,
)
_MINUTES_OF = re.compile(
    r"minutes\s+of\s+the\s+(?:[\w&'-]+\s+){0,8}?(?:meeting|meetings)\s+held\s+on\s+(?P<rest>.+)",
    re.IGNORECASE,
)


def _body_of(name: str) -> str:
    for kind in ("Sub-Committee", "Board", "Cabinet", "Panel", "Forum", "Commission"):
        if re.search(rf"\b{kind}\b", name, re.IGNORECASE):
            return kind
    return "Committee"


@dataclass
class _Field:
    value: str = ""
    line: int = 0
    label_line: int = 0  # the line of its label, when the label stood alone


class HeaderReader(AgendaPack):
    used: set[int]  # indexes of header lines taken as a field's label or value

    def _header_fields(self, header: list[Line]) -> dict[str, _Field]:
        fields = {k: _Field() for k in ("title", "date", "time", "venue", "members")}
        self.used = set()
        bare_labels: list[tuple[str, int]] = []
        for i, line in enumerate(header):
            m = _LABEL.match(line.text.replace("\t", " "))
            if not m:
                continue
            key = _label_key(m.group("label"))
            value = m.group("value").strip()
            self.used.add(i)
            if key == "members":
                fields["members"] = _Field(value, line.no, line.no)
                continue
            if not value:
                bare_labels.append((key, line.no))
                for k in ("date", "time") if key == "datetime" else (key,):
                    fields[k].label_line = fields[k].label_line or line.no
                if key == "datetime":
                    bare_labels.append(("time", line.no))
                continue
            if key == "venue":
                value = self._continue_venue(header, i, value)
            if key == "datetime":
                fields["date"] = _Field(value, line.no)
                if not fields["time"].value and find_time(value):
                    fields["time"] = _Field(value, line.no)
            elif not fields[key].value:
                fields[key] = _Field(value, line.no)
        missing = [k for k in ("title", "date", "time", "venue") if not fields[k].value]
        if missing:
            self._fields_by_form(header, fields, missing, bare_labels)
        return fields

    def _continue_venue(self, header: list[Line], i: int, value: str) -> str:
        for j in range(i + 1, len(header)):
            nxt = header[j].text
            if not nxt or _LABEL.match(nxt) or find_date(nxt) or find_time(nxt):
                break
            if word_count(nxt) > 12 or nxt.endswith("."):
                break
            self.used.add(j)
            soft = value.endswith(",") or nxt[:1].islower() or len(value) >= 50
            value = f"{value} {nxt}" if soft else f"{value}, {nxt}"
        return value

    def _fields_by_form(
        self,
        header: list[Line],
        fields: dict[str, _Field],
        missing: list[str],
        bare: list[tuple[str, int]],
    ) -> None:
        found_by_form: list[tuple[str, int]] = []
        for i, line in enumerate(header):
            text = line.text.replace("\t", " ")
            if i in self.used or not text or AGENDA_MARK.match(text) or _COUNCIL_LINE.match(text):
                continue
            if word_count(text) > 16 or "(chair" in text.lower():
                continue
            date_found = find_date(text)
            if "date" in missing and not fields["date"].value and date_found:
                rest = text.replace(date_found.text, " ")
                time_found = find_time(rest)
                if time_found:
                    rest = rest.replace(time_found.text, " ")
                if word_count(re.sub(r"\b(?:at|from|on)\b|[,.]", " ", rest)) <= 1:
                    fields["date"] = _Field(text, line.no)
                    self.used.add(i)
                    found_by_form.append(("date", line.no))
                    if time_found and not fields["time"].value:
                        fields["time"] = _Field(text, line.no)
                        found_by_form.append(("time", line.no))
                    continue
            time_found = find_time(text)
            if "time" in missing and not fields["time"].value and time_found:
                rest = text.replace(time_found.text, " ")
                if word_count(re.sub(r"\b(?:at|from|start|starts)\b|[,.:]", " ", rest)) <= 1:
                    fields["time"] = _Field(text, line.no)
                    self.used.add(i)
                    found_by_form.append(("time", line.no))
                    continue
            title_form = _TITLE_FORM.match(text) and not FOLLOW_ON.search(text)
            if "title" in missing and not fields["title"].value and title_form:
                fields["title"] = _Field(text, line.no)
                self.used.add(i)
                found_by_form.append(("title", line.no))
                continue
            venue_form = _VENUE_FORM.search(text) and not text.endswith(".")
            if "venue" in missing and not fields["venue"].value and venue_form:
                value = self._continue_venue(header, i, text)
                fields["venue"] = _Field(value, line.no)
                self.used.add(i)
                found_by_form.append(("venue", line.no))
                continue
        if bare and found_by_form:
            labels = ", ".join(f"{k} (line {n})" for k, n in bare if k != "datetime")
            values = ", ".join(f"{k} line {n}" for k, n in found_by_form)
            self.guesses.append(
                f"The header labels stand apart from their values ({labels}); matched the values "
                f"by their form instead: {values}."
            )

    def _committee(self, header: list[Line], fields: dict[str, _Field]) -> Committee:
        name = fields["title"].value.replace("\t", " ")
        if not name:
            raise self.fail(
                header[0].no if header else 1,
                "expected the committee's name, such as 'Title: Family and People Services "
                "Policy and Scrutiny Committee', before the agenda items",
            )
        name = re.sub(r"\s+", " ", name).strip().strip(".")
        councils: list[str] = []
        for line in header:
            for pattern, council in _COUNCILS:
                if pattern.search(line.text) and council not in councils:
                    councils.append(council)
        if not councils:
            councils = ["City of Westminster"]
            self.guesses.append(
                "No council is named on the agenda; took it to be the City of Westminster."
            )
        if len(councils) > 1:
            self.guesses.append(
                "A joint meeting of " + join_names(councils) + " (both are named in the header)."
            )
        return Committee(name=name, councils=councils, body=_body_of(name))

    def _when(self, fields: dict[str, _Field]) -> tuple[date, time | None]:
        f = fields["date"]
        if not f.value:
            raise self.fail(
                f.label_line or 1,
                f"expected a meeting date such as {EXAMPLE_DATE} before the agenda items, "
                "found none",
            )
        found = find_date(f.value)
        if not found or not found.value:
            raise self.fail(
                f.line, f"expected a meeting date such as {EXAMPLE_DATE}, found '{short(f.value)}'"
            )
        self._weekday_guess(found, f.line)
        start: time | None = None
        t = fields["time"]
        if t.value:
            value = t.value.replace(found.text, " ") if t.line == f.line else t.value
            found_time = find_time(value, bare_24h=True)
            if not found_time or not found_time.value:
                raise self.fail(
                    t.line,
                    f"expected a start time such as {EXAMPLE_TIME}, found '{short(t.value)}'",
                )
            start = found_time.value
        else:
            self.guesses.append("No start time found on the agenda; the start time is left blank.")
        return found.value, start

    def _weekday_guess(self, found: DateFound, line: int) -> None:
        if found.weekday_mismatch and found.value:
            self.guesses.append(
                f"Line {line} says {found.weekday.capitalize()} but "
                f"{dates.long_date(found.value, '{day} {month} {year} is a {weekday}')}; "
                f"took the date as {dates.long_date(found.value)}."
            )

    # ------------------------------------------------------------------ people

    def _members(
        self, header: list[Line], fields: dict[str, _Field], record: MeetingRecord
    ) -> None:
        entries = self._member_entries(header, fields)
        if not entries:
            self.guesses.append("No members' list found on the agenda; add the members by hand.")
            self._chair_title_from_text(record.committee, header)
            return
        entries, order_guess = reading_order(entries)
        if order_guess:
            self.guesses.append(order_guess)
        chairs = [e for e in entries if e.mark in (MemberRole.CHAIR, MemberRole.CO_CHAIR)]
        if len(chairs) > 1:
            for e in chairs:
                e.mark = MemberRole.CO_CHAIR
            self.guesses.append(
                "Two chairs are marked: "
                + join_names(e.name for e in chairs)
                + " are taken as co-chairs."
            )
        words = [e.chair_word for e in entries if e.chair_word]
        if words:
            record.committee.chair_title = words[0]
        else:
            self._chair_title_from_text(record.committee, self.lines)
            self.guesses.append(
                "No member is marked as chair; choose the chair before the meeting starts."
            )
        inferred: list[str] = []
        seen: set[str] = set()
        for e in entries:
            if e.name.casefold() in seen:
                continue
            seen.add(e.name.casefold())
            honorific = e.honorific
            if not honorific:
                if not e.role:
                    honorific = "Councillor"
                elif is_councillor_role(e.role):
                    honorific = "Councillor"
                    inferred.append(e.name)
            role, organisation = e.role, ""
            if "," in role and honorific != "Councillor":
                role, _, organisation = (p.strip() for p in role.partition(","))
            person = Person(
                name=e.name,
                honorific=honorific,
                role=role,
                organisation=organisation,
                surname=surname_of(e.name),
            )
            seat = ""
            if honorific != "Councillor" and e.role:
                seat = organisation or role
            record.people.append(person)
            record.memberships.append(
                Membership(
                    committee_id=record.committee.id, person_id=person.id, role=e.mark, seat=seat
                )
            )
        if inferred:
            self.guesses.append(
                "Took "
                + join_names(inferred)
                + (
                    " to be a councillor from the role"
                    if len(inferred) == 1
                    else " to be councillors from their roles"
                )
                + " on the agenda (no 'Councillor' before the name)."
            )

    def _member_entries(self, header: list[Line], fields: dict[str, _Field]) -> list[MemberEntry]:
        label = fields["members"]
        start: int | None = None
        entries: list[MemberEntry] = []
        if label.line:
            idx = next(i for i, ln in enumerate(header) if ln.no == label.line)
            on_label = None
            if label.value:
                line = header[idx]

                def value() -> str:  # the label's value, two spaces read as columns
                    return self.gapped(line).partition(":")[2].strip()

                on_label = self._member_line(Line(label.line, label.value), value, 0, True)
            if on_label:
                entries.extend(on_label)
            start = idx + 1
            got = self._member_block(header, start, len(entries), allow_guess=True)
            if got:
                entries.extend(got)
        if not entries:
            for i, line in enumerate(header):
                if "(chair" in line.text.lower() or "(co-chair" in line.text.lower():
                    j = i
                    while j > 0 and (
                        (header[j - 1].text and parse_member_line(header[j - 1], 0))
                        or (
                            not header[j - 1].text
                            and j > 1
                            and header[j - 2].text
                            and parse_member_line(header[j - 2], 0)
                        )
                    ):
                        j -= 1
                    entries = self._member_block(header, j, 0)
                    break
        return entries

    def _member_line(
        self, line: Line, gapped: Callable[[], str], row: int, allow_guess: bool
    ) -> list[MemberEntry] | None:
        return read_member_line(line, gapped, row, allow_guess=allow_guess, guesses=self.guesses)

    def _member_block(
        self, header: list[Line], start: int, row0: int, *, allow_guess: bool = False
    ) -> list[MemberEntry]:
        entries: list[MemberEntry] = []
        row = row0
        i = start
        blanks = 0
        while i < len(header):
            line = header[i]
            if not line.text:
                blanks += 1
                if blanks > 1 and entries:
                    break
                if blanks > 2:
                    break
                i += 1
                continue
            if _LABEL.match(line.text) and not re.match(r"^councillors\s*:\s*$", line.text, re.I):
                break
            got = self._member_line(line, partial(self.gapped, line), row, allow_guess)
            if got is None:
                if re.match(r"^councillors\s*:?\s*$", line.text, re.I) and not entries:
                    i += 1
                    continue
                break
            entries.extend(got)
            row += 1
            blanks = 0
            i += 1
        return entries

    def _chair_title_from_text(self, committee: Committee, lines: list[Line]) -> None:
        text = " ".join(ln.text for ln in lines)
        if re.search(r"\bChairman\b", text):
            committee.chair_title = "Chairman"
        elif re.search(r"\bChair\b", text):
            committee.chair_title = "Chair"

    def _officer(self, lines: list[Line], record: MeetingRecord) -> None:
        found = find_officer(lines)
        if not found:
            self.guesses.append(
                'No committee officer is named ("please contact the Committee Officer, NAME"); '
                "the officer is left blank."
            )
            return
        person = Person(
            name=found.name,
            role=found.role,
            email=found.email,
            phone=found.phone,
            surname=surname_of(found.name),
        )
        record.people.append(person)
        record.meeting.officer_id = person.id

    def _minutes_approved(self, items: list[AgendaItem], meeting_date: date) -> date | None:
        for item in items:
            for text in (item.description, item.title):
                m = _MINUTES_OF.search(text)
                if not m:
                    continue
                found = find_date(m.group("rest"))
                if found and found.value:
                    return found.value
                bare = re.match(
                    r"(?:\w+day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)", m.group("rest")
                )
                if bare:
                    probe = find_date(f"{bare.group(1)} {bare.group(2)} {meeting_date.year}")
                    if probe and probe.value:
                        value = probe.value
                        if value >= meeting_date:
                            value = value.replace(year=value.year - 1)
                        self.guesses.append(
                            f"Item {item.number} approves the minutes of {bare.group(0)} without a "
                            f"year; took {dates.long_date(value, dates.DAY_MONTH_YEAR)}."
                        )
                        return value
        return None


def _label_key(label: str) -> str:
    low = label.lower()
    if low in ("title", "committee", "meeting", "meeting title") or low.startswith("name of"):
        return "title"
    if low.startswith("date") and ("time" in low):
        return "datetime"
    if "date" in low:
        return "date"
    if "time" in low or low == "starts":
        return "time"
    if low in ("venue", "place", "location"):
        return "venue"
    return "members"
