"""Published minutes read back into a meeting record.

    read_minutes(path) -> ParsedMinutes(record, guesses)

`layout` cuts the text into its parts; this module says what they mean. The sentences the
minutes generate from the record (attendance, apologies and substitutes, declarations,
votes, arrivals and departures, the exclusion of the press and public, the end time) become
the record again; every other paragraph is kept word for word as a numbered paragraph of its
item, with its topic bullets, and each RESOLVED block's clauses as resolutions. Paragraph
numbers are not kept (clerk numbers by position): a duplicated or skipped number is said in
the guesses. What could not be known from the text (the first name of a member named only as
"Cllr Carmen", which councillors of a one-a-line list are members) is guessed and said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path

from clerk import dates
from clerk.errors import InputError
from clerk.importers import read_utf8
from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text.attendance import AttendanceReader
from clerk.importers.minutes_text.base import CHAIR_MARK, Item, capital_that, clause
from clerk.importers.minutes_text.declarations import DeclarationsReader
from clerk.importers.minutes_text.generated import GeneratedReader
from clerk.importers.minutes_text.layout import (
    ItemText,
    Layout,
    Para,
    ResolvedBlock,
    cut,
    is_whole,
)
from clerk.importers.minutes_text.lines import html_to_text, read_lines
from clerk.importers.minutes_text.membership import MembershipReader
from clerk.record import (
    AgendaItem,
    AttendanceStatus,
    Committee,
    ItemOutcome,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    MinuteParagraph,
    Part,
    Resolution,
)
from clerk.standing import Standing, standing_kind


@dataclass(frozen=True)
class ParsedMinutes:
    record: MeetingRecord
    guesses: tuple[str, ...]
    #: the committee's attributes beyond its name and councils the minutes show: the house
    #: style when they show marks of it (reader.guess_style), the chair's title when they
    #: print it. A stored committee's other one is a change to ask about
    #: (clerk.importing.CommitteeChange), not taken, nor dropped without a word.
    says: frozenset[str] = frozenset()


def read_minutes(
    path: Path, *, committee: str | None = None, forms: f.Forms | None = None
) -> ParsedMinutes:
    path = Path(path)
    text = read_utf8(path, "minutes")
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    return parse_minutes(text, str(path), committee=committee, forms=forms)


def parse_minutes(
    text: str, source: str, *, committee: str | None = None, forms: f.Forms | None = None
) -> ParsedMinutes:
    return _Reader(source, forms or f.Forms()).read(text, committee)


class _Reader(AttendanceReader, GeneratedReader, MembershipReader, DeclarationsReader):
    def __init__(self, source: str, forms: f.Forms) -> None:
        super().__init__(source, forms)
        self.says: set[str] = set()  # ParsedMinutes.says

    # ----------------------------------------------------------------------- the whole

    def read(self, text: str, committee: str | None) -> ParsedMinutes:
        layout = cut(read_lines(text), self.source)
        marks = [ln.text for ln in layout.heading]
        if any("CONFIDENTIAL" in m for m in marks):
            raise InputError(
                self.source,
                layout.heading[0].number,
                "these are the confidential minutes of exempt business; clerk imports the "
                "public minutes only (the exempt minute belongs in the confidential record)",
            )
        self.read_heading(layout, committee)
        self.who_sits_for(layout)
        self.read_attendance(layout)
        self.part_headings(layout)  # before the items: a heading is no paragraph
        items = self.read_items(layout)
        self.read_generated(layout, items)
        record = self.assemble(layout, items)
        self.say_what_is_missing(layout, record)
        if layout.trailing is not None:
            self.guesses.append(
                f"the minutes end at line {layout.trailing.number - 1}; what follows them "
                "(the rest of the pack) was not read"
            )
        return ParsedMinutes(record, tuple(self.guesses), frozenset(self.says))

    def say_what_is_missing(self, layout: Layout, record: MeetingRecord) -> None:
        """Minutes converted from a PDF can come out cut short or without their attendance:
        read as far as they go, but said, so that ten years imported at once are not taken
        for whole when they are not."""
        if not any(a.status.counts_as_present for a in record.attendance):
            self.guesses.append(
                "no one is recorded as present: the attendance ('Present: …') was not found "
                "in the minutes; add it before the minutes are relied on"
            )
        if layout.ended is None:
            last = layout.items[-1] if layout.items else None
            written = last.paragraphs + last.after_resolved if last else []
            end = written[-1] if written else None
            where = f"item {last.number} (line {last.line})" if last else "the attendance"
            said = (
                "the minutes do not say when the meeting ended (no 'The meeting ended at …' "
                f"line): no end time is recorded, and the minutes read end with {where}"
            )
            if end is not None and not is_whole(end.text):
                said += f"; its last paragraph (line {end.line}) stops mid-sentence: the file "
                said += "looks cut short"
            self.guesses.append(said)

    def read_heading(self, layout: Layout, committee: str | None) -> None:
        m = layout.opening_match
        opening = layout.opening
        written = opening.bold[0] if len(opening.bold) >= 2 else m.group("committee")
        name = committee or written
        if committee and committee != written:
            self.guesses.append(f"committee {committee!r} as given (the minutes say {written!r})")
        try:
            day = dates.parse_date(opening.bold[1] if len(opening.bold) >= 2 else m.group("date"))
        except ValueError as exc:
            raise InputError(self.source, opening.number, str(exc)) from None
        skip = {"MINUTES", "MINUTES OF PROCEEDINGS", "DRAFT", name.upper(), written.upper()}
        councils = []
        for line in layout.heading:
            if line.text.upper() in skip or line.text.casefold() == written.casefold():
                break
            councils.append(_title_case(line.text))
        if not councils:
            councils = ["City of Westminster"]
            self.guesses.append("no council named above the minutes: City of Westminster")
        if m.group("joint") and len(councils) < 2:
            self.guesses.append("a joint meeting, but only one council is named above it")
        last = name.split()[-1] if name.split() else ""
        body = last if last in ("Board", "Panel", "Forum", "Sub-Committee", "Commission") else ""
        self.committee = Committee(
            name=name, councils=councils, body=body or "Committee", style="westminster"
        )
        if name != written and _folded(name) == _folded(written):
            # the same name spelt as the minutes print it ("Policy & Scrutiny"): kept for them
            self.committee.minutes_name = written
        start = None
        if layout.start_time:
            start = self.time(layout.start_time, opening.number)
        self.meeting = Meeting(
            committee_id=self.committee.id,
            date=day,
            start_time=start,
            venue=layout.venue,
            status=MeetingStatus.ENDED
            if any(ln.text.startswith("DRAFT") for ln in layout.heading)
            else MeetingStatus.CONFIRMED,
        )

    # ----------------------------------------------------------------------- items

    def read_items(self, layout: Layout) -> list[Item]:
        out: list[Item] = []
        for n, text in enumerate(layout.items):
            item = AgendaItem(number=text.number, title=text.title, taken_order=n + 1)
            entry = Item(text, item, [*text.paragraphs])
            self.check_numbers(text)
            self.check_resolved(entry)
            out.append(entry)
        order = sorted(out, key=lambda e: _number_key(e.item.number))
        for position, entry in enumerate(order, start=1):
            entry.item.position = position
        if [e.item.number for e in order] != [e.item.number for e in out]:
            self.guesses.append("the items are printed in the order taken, not agenda order")
        return out

    def check_numbers(self, text: ItemText) -> None:
        written = [p.number for p in [*text.paragraphs, *text.after_resolved] if p.number]
        if text.resolved and text.resolved.number:
            written.append(text.resolved.number)
        seen: set[str] = set()
        for number in written:
            if number in seen:
                self.guesses.append(
                    f"paragraph {number} is numbered twice in item {text.number}; clerk numbers "
                    "paragraphs by position"
                )
            seen.add(number)
        unnumbered = [p for p in text.paragraphs if not p.number and self.note(p) is None]
        for p in unnumbered:
            self.guesses.append(f"line {p.line}: a paragraph without a number, kept in its place")

    def check_resolved(self, entry: Item) -> None:
        """What the item's RESOLVED block says beyond its resolutions, and a "RESOLVED" left
        in a paragraph, said; how it was resolved kept as a note, the record having no place
        for it."""
        text = entry.text
        block = text.resolved
        for p in [*text.paragraphs, *text.after_resolved]:
            if re.search(r"\bRESOLVED\b", p.text):
                self.guesses.append(
                    f"line {p.line}: the paragraph says 'RESOLVED' but was not read as a "
                    f"resolution; kept as written: {p.text[:60]!r}"
                )
        if block is None:
            return
        for index in sorted({i for i, _ in block.sub_clauses}):
            lines = [ln for i, ln in block.sub_clauses if i == index]
            where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}–{lines[-1]}"
            self.guesses.append(
                f"{where}: the lettered sub-clauses are part of resolution {index + 1} of item "
                f"{text.number}, kept in its text"
            )
        if block.how:
            how = block.how
            if how.isupper() or (how[:1].isupper() and how[1:].islower()):  # "Unanimously"
                how = how.lower()
            words = f"Resolved {how}."
            self.guesses.append(
                f"line {block.line}: clerk's record has no place for how a resolution was made "
                f"({block.how!r}); kept as a note before item {text.number}'s "
                f"resolutions: {words!r}"
            )
            entry.paragraphs.append(Para(block.line, "", self.forms.note[0].format(text=words)))

    def note(self, p: Para) -> str | None:
        """What an unnumbered note says ("(Councillor Bright left the room.)"), or None when
        the paragraph is not one."""
        if p.number or p.bullets:
            return None
        m = f.match_whole(self.forms.note, p.text)
        return m.group("text") if m else None

    def read_generated(self, layout: Layout, items: list[Item]) -> None:
        """The sentences compose writes from the record, turned back into the record."""
        standing: dict[Standing, Item] = {}
        for entry in sorted(items, key=lambda e: e.item.position):
            kind = standing_kind(entry.item.title)
            if kind is not None and kind not in standing:
                standing[kind] = entry
        self.exempt(items)
        # an exempt item is not a standing item (standing_items skips them)
        standing = {k: e for k, e in standing.items() if e.item.part is Part.PUBLIC}
        before = layout.before_items
        membership = standing.get(Standing.MEMBERSHIP)
        target = membership.paragraphs if membership else before
        said_membership = self.membership(target)
        # the members' list may have said it ("B (substitute for A)"): then clerk's minutes
        # write the apologies and the substitute, not "no changes"
        absent = (AttendanceStatus.APOLOGIES, AttendanceStatus.SUBSTITUTE)
        if not said_membership and not any(a.status in absent for a in self.attendance.values()):
            where = f"item {membership.item.number}" if membership else "the minutes"
            self.guesses.append(
                f"{where} does not say whether the membership changed: clerk's minutes will say "
                f"{self.forms.membership_none[0]!r}"
            )
        declarations = standing.get(Standing.DECLARATIONS)
        self.declarations(
            declarations.paragraphs if declarations else before, items, under=declarations
        )
        self.declarations_during(items, under=declarations)
        for entry in items:
            self.movements(entry.paragraphs, entry.item, items)
            self.votes(entry)
        self.movements(before, None, items)
        self.order_of_movements()
        if before:
            for p in before:
                self.guesses.append(
                    f"line {p.line}: text before the first item that clerk does not write there "
                    f"was left out: {p.text[:60]!r}"
                )

    # ----------------------------------------------------------------------- the record

    def assemble(self, layout: Layout, items: list[Item]) -> MeetingRecord:
        assert self.meeting is not None
        meeting = self.meeting
        paragraphs: list[MinuteParagraph] = []
        resolutions: list[Resolution] = []
        for entry in items:
            item = entry.item
            for n, p in enumerate(entry.paragraphs + entry.text.after_resolved):
                note = self.note(p)
                text = p.text if note is None else note
                paragraphs.append(
                    MinuteParagraph(item.id, text, list(p.bullets), n, note=note is not None)
                )
            block = entry.text.resolved
            if block is None:
                continue
            for n, (_, written) in enumerate(block.clauses):
                text = capital_that(written) if block.hoisted else written
                resolutions.append(Resolution(item.id, clause(text) + ".", n))
            item.outcome = ItemOutcome.RESOLVED
            if standing_kind(item.title) is Standing.MINUTES and block.clauses:
                approved = self.approved_on(block.clauses[0][1])
                if approved is not None:
                    meeting.approves_minutes_of = approved
        for label in layout.signatures:
            if label.upper() in ("CHAIR", "CHAIRMAN", "CHAIRWOMAN", "CHAIRPERSON"):
                self.committee.chair_title = label.capitalize()
        self.guess_style(layout, items)
        if layout.ended is not None:
            line, written = layout.ended
            meeting.end_time = self.time(written, line.number)
            canonical = dates.clock_time(meeting.end_time)
            if written != canonical and self.committee.style == "westminster":
                self.guesses.append(f"the end time {written!r} is written {canonical!r}")
            if not f.match_whole(self.forms.ended, line.text):
                self.guesses.append(
                    f"line {line.number}: {line.text!r} read as when the meeting ended "
                    f"({canonical}); clerk's minutes write it in their own words "
                    "('The Meeting ended at …')"
                )
            self.after_midnight(line.number, written)
        for ms in self.memberships.values():
            ms.committee_id = self.committee.id
        meeting.committee_id = self.committee.id
        return MeetingRecord(
            committee=self.committee,
            meeting=meeting,
            people=self.people,
            memberships=list(self.memberships.values()),
            items=[e.item for e in items],
            attendance=list(self.attendance.values()),
            declarations=self.declarations_found,
            paragraphs=paragraphs,
            resolutions=resolutions,
            votes=self.found_votes,
        )

    def after_midnight(self, line: int, written: str) -> None:
        """An end time before the start, or in the small hours: the meeting went on past
        midnight (the record keeps a time of day, not the day), or "am" is a slip for "pm"."""
        assert self.meeting is not None
        start, end = self.meeting.start_time, self.meeting.end_time
        if end is None or not end < (start or time(6)):
            return
        before = f", before the meeting began ({dates.clock_time(start)})" if start else ""
        next_day = dates.long_date(self.meeting.date + timedelta(days=1))
        self.guesses.append(
            f"line {line}: the meeting ended at {written!r}{before}: taken to be after "
            f"midnight, on {next_day} (clerk records the time only); if 'am' is a slip for "
            "'pm', correct the end time"
        )

    def guess_style(self, layout: Layout, items: list[Item]) -> None:
        """The built-in style the minutes look written in, weighed on each mark the two
        styles write differently, each counted once: how attendance is set out, the
        opening sentence, the chair's title, the declarations sentence, the clock times and
        how resolutions are numbered. One item written another way does not turn the style
        (one "RESOLVED: That …" once made Westminster's minutes the board's). The style is
        said to the store only when the minutes show marks of it (`says`), so a
        stored committee's other style is asked about, never taken or dropped unsaid; the
        clerk can name the style instead (`--style`)."""
        board, westminster = self.style_marks(layout, items)
        if board or westminster:
            self.says.add("style")
        hoisted = [
            e.item.number
            for e in items
            if e.text.resolved and e.text.resolved.hoisted and _hoisted_list(e.text.resolved)
        ]
        if hoisted:
            self.guesses.append(
                f"item {', '.join(hoisted)}: 'RESOLVED: That' with the clauses after it; "
                "clerk's minutes write each clause with its 'That' (a style file with "
                "hoist_that = true, given with --style, writes them hoisted)"
            )
        if len(board) > len(westminster):
            self.committee.style = "board"
            against = f"; against it: {', '.join(westminster)}" if westminster else ""
            self.guesses.append(f"house style: board ({', '.join(board)}{against})")
        elif board:
            self.guesses.append(
                f"house style: westminster ({', '.join(westminster) or 'the default'}; "
                f"against it: {', '.join(board)})"
            )

    def style_marks(self, layout: Layout, items: list[Item]) -> tuple[list[str], list[str]]:
        """(the board's marks, Westminster's) in the minutes, in words for the clerk.
        "MINUTES OF PROCEEDINGS" is no mark: both styles head their minutes with it."""
        board: list[str] = []
        westminster: list[str] = []
        per_seat = any(re.match(r"^[^:()]{1,60}:\s", ln.text) for ln in layout.person_lines)
        if layout.person_lines and not per_seat:
            board.append("one person a line")
        elif any(
            w.startswith(("Members", "Present")) and listed for _, w, listed in layout.attendance
        ):
            westminster.append("the members in a line")
        if layout.start_time:
            board.append("the start time in the opening sentence")
        elif layout.venue:
            westminster.append("no start time in the opening sentence")
        chaired = any(
            ms.role in (MemberRole.CHAIR, MemberRole.CO_CHAIR) for ms in self.memberships.values()
        )
        signed = any(CHAIR_MARK.match(label.capitalize()) for label in layout.signatures)
        if chaired or signed:
            self.says.add("chair_title")
            title = self.committee.chair_title
            (board if title == "Chair" else westminster).append(f"the chair called {title!r}")
        said = {p.text for p in layout.before_items}
        said |= {p.text for e in items for p in e.text.paragraphs}
        if "No declarations were made." in said:
            board.append("'No declarations were made.'")
        elif "There were no declarations of interest." in said:
            westminster.append("'There were no declarations of interest.'")
        if layout.ended is not None:  # "8.59 pm" and "5.47pm"; "8:59pm" is neither's
            written = layout.ended[1]
            if re.search(r"\d\.\d\d [ap]m", written):
                westminster.append(f"the end time {written!r}")
            elif re.search(r"\d\.\d\d[ap]m", written):
                board.append(f"the end time {written!r}")
        labels = [e.text.resolved.label for e in items if e.text.resolved and e.text.resolved.label]
        if labels.count("({n})") > labels.count("{n})"):
            board.append("resolutions numbered (1)")
        elif labels.count("{n})") > labels.count("({n})"):
            westminster.append("resolutions numbered 1)")
        return board, westminster

    def approved_on(self, written: str) -> dates.date | None:
        m = f.match_whole(self.forms.approve_minutes, clause(written) + ".")
        if not m:
            return None
        try:
            return dates.parse_date(m.group("date"))
        except ValueError:
            return None


def _hoisted_list(block: ResolvedBlock) -> bool:
    """ "RESOLVED: That" with the clauses after it, not one resolution written on the
    RESOLVED line ("RESOLVED: That the Minutes … be approved."), which either style may print."""
    return not block.clauses or block.clauses[0][0] != block.line or len(block.clauses) > 1


def _number_key(number: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", number)
    return (int(m.group(1)), m.group(2)) if m else (0, number)


def _folded(name: str) -> str:
    """A committee's name without what its spellings differ in: "&" or "and", case, spaces."""
    return " ".join(name.replace("&", " and ").casefold().split())


_SMALL = {"of", "and", "the", "for", "in", "on", "upon", "at", "to"}


def _title_case(text: str) -> str:
    """ "ROYAL BOROUGH OF KENSINGTON AND CHELSEA" -> "Royal Borough of Kensington and Chelsea"."""
    words = text.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL else w[:1] + w[1:].lower()
        for i, w in enumerate(words)
    )
