"""Read a published agenda pack (text or markdown converted from the PDF) into a meeting record.

    parse_agenda(text, source) -> AgendaImport(record, guesses)
    read_agenda(path) -> AgendaImport

The pack is normalised first (`normalise`, held by `agenda_pack`), then each line is recognised
by its form (`agenda_forms`, `agenda_people`, and `clerk.dates` for dates and times): the
header (committee, date, time, venue, members) and the officer named in the boilerplate
(`agenda_header`, with members run together on one line in `agenda_run_on`), the items under
their part headings (`agenda_items`). Reading stops at the end of the agenda (`agenda_end`: the
signature, the publication date, "This page is intentionally left blank", the next document's
heading or a report's cover sheet), so the reports and minutes that follow in a pack are never
read as items.

Whatever was ambiguous and had to be guessed (the reading order of a member grid, which line
is the venue when labels and values are separated) is said in `guesses`, in words for the
clerk. Anything wrong raises `InputError` naming the file, the line and what was expected;
there are no partial results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk.errors import InputError
from clerk.importers import check_line_lengths, read_bytes
from clerk.importers.agenda_forms import FOLLOW_ON
from clerk.importers.agenda_header import HeaderReader
from clerk.importers.agenda_items import ItemsReader
from clerk.record import Meeting, MeetingRecord


@dataclass(frozen=True)
class AgendaImport:
    record: MeetingRecord  # committee, meeting, people, memberships, items; no attendance yet
    guesses: tuple[str, ...]  # what was ambiguous and what was guessed, for the clerk


def read_agenda(path: Path) -> AgendaImport:
    """Read and parse the agenda pack at `path`; InputError if it is missing or not text."""
    path = Path(path)
    data = read_bytes(path, "an agenda file")
    # Name the file as the user gave it, so the error points where they can look.
    return parse_agenda(decode(data, str(path)), str(path))


def decode(data: bytes, source: str) -> str:
    """The text of an agenda file: UTF-8 (a byte-order mark is allowed), or UTF-16 with one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, None, "not readable text (broken UTF-16)") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(
            source,
            line,
            "this is a binary file, not an agenda; expected the agenda pack as text or "
            "markdown (convert the PDF to text first)",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex().upper()
        raise InputError(
            source,
            line,
            f"not UTF-8 text (byte 0x{byte} cannot be read); save the agenda as UTF-8 and "
            "import it again",
        ) from None


def parse_agenda(text: str, source: str = "<agenda>") -> AgendaImport:
    """Parse the text of an agenda pack; InputError names `source` and the line at fault."""
    check_line_lengths(text, source)
    return _AgendaReader(text, str(source)).read()


class _AgendaReader(HeaderReader, ItemsReader):
    """The header and the items read from one pack, into one record."""

    def read(self) -> AgendaImport:
        first_item, marker = self._find_start()
        header = self.lines[: marker if marker is not None else first_item]
        body_start = (marker + 1) if marker is not None else first_item
        fields = self._header_fields(header)
        committee = self._committee(header, fields)
        meeting_date, start_time = self._when(fields)
        # the date tells the agenda's publication date from a date in an item
        items, end_index = self._read_items(body_start, marker, meeting_date)
        agenda_lines = self.lines[:end_index]
        published_by, published_on = self._signature(end_index)
        venue = fields["venue"].value
        if not venue:
            self.guesses.append("No venue found on the agenda; the venue is left blank.")
        title = ""
        for line in agenda_lines[: body_start + 1]:
            m = FOLLOW_ON.search(line.text)
            if m:
                title = f"{m.group(1).capitalize().replace(' ', '-')} Agenda"
                if title.lower().startswith(("supplementary", "additional", "revised")):
                    title = title.replace("-", " ")
                break

        meeting = Meeting(
            committee_id=committee.id,
            date=meeting_date,
            start_time=start_time,
            venue=venue,
            title=title,
            published_by=published_by,
            published_on=published_on,
        )
        record = MeetingRecord(committee=committee, meeting=meeting, items=items)
        self._members(header, fields, record)
        self._officer(agenda_lines, record)
        meeting.approves_minutes_of = self._minutes_approved(items, meeting_date)
        self._end_guess(end_index)
        return AgendaImport(record=record, guesses=tuple(self.guesses))
