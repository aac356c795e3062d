"""`clerk publish`: what a council publishes of a committee's meetings, never exempt matter.

    publish(records, calendar_of, out) -> Published

into `out` (created 0700, files 0600: a folder of papers is the clerk's until they put it on
the web site):

    calendar.ics                the committee's meetings, every one stored (iCalendar)
    opendata.json               Popolo / Open Civic Data: the committee, people, memberships,
                                events with agenda items and decisions, votes
    YYYY-MM-DD/minutes.html     the public minutes (as `clerk minutes -f html`)
    YYYY-MM-DD/minutes.docx     the same in Word
    YYYY-MM-DD/decisions.html   the decision note (as `clerk decisions`)
    YYYY-MM-DD/decisions.txt

Minutes are published for meetings the chair has approved (or that were confirmed); a
meeting ended but not yet approved is published only when `drafts` is asked for, marked
DRAFT. The open data has every meeting as an event with its agenda, and the decisions,
votes and declarations of those whose papers are published. Every document is composed as
public (`exempt=False`), and the open data never reads an exempt item's paragraphs,
resolutions, votes or actions (see opendata).

No click, no store: the command line loads the records and hands them here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from clerk.errors import ClerkError
from clerk.minutes.compose import compose_minutes
from clerk.minutes.decisions import compose_decision_note
from clerk.minutes.render_text import render_html, render_text
from clerk.minutes.style import HouseStyle
from clerk.publish.calendar import committee_calendar
from clerk.publish.opendata import open_data
from clerk.record import MINUTES_APPROVED, Committee, Meeting, MeetingRecord, MeetingStatus

APPROVED = MINUTES_APPROVED  # approved, published, confirmed
#: minutes still drafts, which --drafts publishes marked DRAFT
DRAFTS = (MeetingStatus.ENDED, MeetingStatus.SENT)


@dataclass
class Published:
    folder: Path
    files: list[Path] = field(default_factory=list)
    held_back: list[str] = field(default_factory=list)  # meetings whose minutes were not, and why


def publish(
    records: list[MeetingRecord],
    calendars: dict[str, tuple[Committee, list[Meeting]]],
    out: Path,
    *,
    style_of: Callable[[MeetingRecord], HouseStyle],
    drafts: bool = False,
    word: bool = True,
) -> Published:
    """Write the public papers of `records` into `out`. `calendars`: committee id -> the
    committee and all its meetings, for calendar.ics (one file a committee, named by it when
    there are several)."""
    out = Path(out)
    done = Published(out)
    _make_folder(out)
    documents: dict[str, list[dict[str, str]]] = {}
    folders = _folders(records)
    for record in records:
        m = record.meeting
        when = m.date.isoformat()
        if m.status not in APPROVED and not (drafts and m.status in DRAFTS):
            why = "not yet approved by the chair (--drafts publishes it marked DRAFT)"
            if m.status not in (*APPROVED, *DRAFTS):
                why = f"{m.status.value.replace('_', ' ')}: no minutes yet"
            done.held_back.append(f"{record.committee.name}, {when}: {why}")
            continue
        folder = out / folders[m.id]
        _make_folder(folder)
        style = style_of(record)
        draft = m.status not in APPROVED
        minutes = compose_minutes(record, style, exempt=False, draft=draft)
        note = compose_decision_note(record, style)
        links = []
        for name, content, media in (
            ("minutes.html", render_html(minutes), "text/html"),
            ("decisions.html", render_html(note), "text/html"),
            ("decisions.txt", render_text(note), "text/plain"),
        ):
            done.files.append(_write(folder / name, content.encode("utf-8")))
            links.append(
                {"note": name.split(".")[0], "url": f"{folder.name}/{name}", "media_type": media}
            )
        if word:
            from clerk.minutes.render_docx import render_docx  # Word export only when asked

            target = folder / "minutes.docx"
            render_docx(minutes, target)
            os.chmod(target, 0o600)
            done.files.append(target)
            links.append(
                {
                    "note": "minutes",
                    "url": f"{folder.name}/minutes.docx",
                    "media_type": "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document",
                }
            )
        documents[m.id] = links
    data = open_data(records, documents=documents, decided=set(documents))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    done.files.append(_write(out / "opendata.json", text.encode("utf-8")))
    for committee, meetings in calendars.values():
        name = "calendar.ics" if len(calendars) == 1 else f"{_slug(committee.name)}.ics"
        done.files.append(_write(out / name, committee_calendar(committee, meetings)))
    return done


def _folders(records: list[MeetingRecord]) -> dict[str, str]:
    """A folder a meeting, by its date; two meetings on a day (two committees, or a
    meeting and its follow-on) are told apart by the committee and then the id."""
    by_day: dict[str, list[MeetingRecord]] = {}
    for r in records:
        by_day.setdefault(r.meeting.date.isoformat(), []).append(r)
    out = {}
    for day, same in by_day.items():
        for r in same:
            name = day
            if len(same) > 1:
                name = f"{day}-{_slug(r.committee.name)}"
                if sum(_slug(o.committee.name) == _slug(r.committee.name) for o in same) > 1:
                    name += f"-{r.meeting.id[:8]}"
            out[r.meeting.id] = name
    return out


def _slug(text: str) -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words)[:60] or "committee"


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ClerkError(f"could not make the folder {path}: {exc.strerror}") from None
    if not path.is_dir():
        raise ClerkError(f"{path} is a file, not a folder")


def _write(path: Path, data: bytes) -> Path:
    """The file written whole, readable by its owner alone."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(path, 0o600)  # an existing file keeps its mode through O_CREAT
    except OSError as exc:
        raise ClerkError(f"could not write {path}: {exc.strerror}") from None
    return path
