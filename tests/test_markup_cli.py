"""User text is text, never markup: every `clerk` command that prints a meeting prints its
names, titles and words exactly as they were typed, square brackets, tags and backslashes
and all (issue 9). The meeting is tests/markup_meeting.py's; each format is read back as its
reader would show it (markdown rendered, HTML parsed, CSV and JSON decoded)."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from clerk.cli import main
from clerk.importers import meeting_file
from clerk.record import MeetingStatus
from clerk.store import Store
from tests.markup_meeting import (
    ACTION,
    CHAIR,
    COMMITTEE,
    GUEST,
    GUEST_ROLE,
    ITEM,
    ITEM_DESCRIPTION,
    KIND,
    LEAD,
    MEMBER,
    MOTION,
    NATURE,
    OFFICER,
    PARAGRAPH,
    RESOLUTION,
    VENUE,
    markup_record,
)

#: Wide enough that no table wraps a name: what is read is what one line shows.
WIDE = {"COLUMNS": "250"}

#: What the minutes print of the meeting.
IN_THE_MINUTES = {
    "committee": COMMITTEE,
    "venue": VENUE,
    "chair": CHAIR,
    "member": MEMBER,
    "councillor also present": GUEST,
    "item": ITEM,
    "declared interest": KIND,
    "its nature": NATURE,
    "paragraph": PARAGRAPH,
    "resolution": RESOLUTION,
    # the minutes say "the motion that …": its first word is theirs
    "motion voted on": MOTION.removeprefix("That "),
}
IN_THE_DECISION_NOTE = {k: v for k, v in IN_THE_MINUTES.items() if k != "paragraph"}


def clerk(*args: str, db: Path | None = None, env: dict[str, str] | None = None) -> Result:
    argv = (["--db", str(db)] if db else []) + list(args)
    return CliRunner().invoke(main, argv, env={**WIDE, **(env or {})}, catch_exceptions=False)


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.output


def one_line(text: str) -> str:
    """Text with every run of whitespace one space: a renderer may break a long line."""
    return " ".join(text.split())


def missing(shown: str, expected: dict[str, str]) -> dict[str, str]:
    """What is not shown verbatim (empty when all is)."""
    flat = one_line(shown)
    return {what: text for what, text in expected.items() if one_line(text) not in flat}


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(page: str) -> str:
    """What a browser shows of an HTML page: its text, entities decoded, tags gone."""
    parser = _TextOf()
    parser.feed(page)
    return " ".join(parser.parts)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        store.save_record(markup_record())
    return path


def test_meetings_lists_a_committee_named_like_markup(db: Path) -> None:
    """`clerk meetings` crashed with a MarkupError for a committee named "Audit [/] Panel"."""
    listing = ok(clerk("meetings", db=db))
    assert COMMITTEE in listing
    [meeting] = json.loads(ok(clerk("meetings", "--json", db=db)))
    assert (meeting["committee"], meeting["venue"]) == (COMMITTEE, VENUE)


def test_minutes_in_text_show_every_word_as_typed(db: Path) -> None:
    assert missing(ok(clerk("minutes", "2019-10-17", db=db)), IN_THE_MINUTES) == {}


def test_minutes_in_markdown_render_every_word_as_typed(db: Path) -> None:
    markdown = ok(clerk("minutes", "2019-10-17", "-f", "md", db=db))
    # escaped for markdown: read through a markdown renderer, the words come back as typed
    assert r"Audit \[/\] Panel" in markdown
    shown = html_text(MarkdownIt("commonmark").render(markdown))
    assert missing(shown, IN_THE_MINUTES) == {}


def test_minutes_in_html_show_every_word_as_typed(db: Path) -> None:
    page = ok(clerk("minutes", "2019-10-17", "-f", "html", db=db))
    assert "<b>" not in page and "<link" not in page  # nothing typed became a tag
    assert missing(html_text(page), IN_THE_MINUTES) == {}


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_decision_note_shows_every_word_as_typed(db: Path, fmt: str) -> None:
    note = ok(clerk("decisions", "2019-10-17", "-f", fmt, db=db))
    shown = {
        "txt": lambda: note,
        "md": lambda: html_text(MarkdownIt("commonmark").render(note)),
        "html": lambda: html_text(note),
    }[fmt]()
    assert missing(shown, IN_THE_DECISION_NOTE) == {}


def test_action_tracker_shows_the_action_and_its_lead_as_typed(db: Path) -> None:
    tracker = ok(clerk("actions", "Audit [/] Panel", db=db))
    [row] = list(csv.DictReader(io.StringIO(tracker)))
    assert row["Action"] == ACTION
    assert row["Lead"] == LEAD
    assert ITEM in row["Agenda Item"]


def test_export_record_holds_every_word_as_typed(db: Path) -> None:
    document = json.loads(ok(clerk("export-record", "2019-10-17", db=db)))
    strings: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            strings.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(document)
    everything = {
        COMMITTEE,
        VENUE,
        CHAIR,
        MEMBER,
        GUEST,
        GUEST_ROLE,
        OFFICER,
        ITEM,
        ITEM_DESCRIPTION,
        KIND,
        NATURE,
        PARAGRAPH,
        RESOLUTION,
        MOTION,
        ACTION,
        LEAD,
    }
    assert everything - strings == set()


def test_import_shows_what_it_read_as_typed(tmp_path: Path) -> None:
    """The summary of a meeting file read: committee, venue, members, officer, agenda."""
    path = tmp_path / "meeting.toml"
    meeting_file.write(markup_record(MeetingStatus.SCHEDULED), path)
    summary = ok(clerk("import", "--dry-run", str(path), db=tmp_path / "clerk.db"))
    expected = {
        "committee": COMMITTEE,
        "venue": VENUE,
        "chair": f"{CHAIR} (Chairman)",
        "member": MEMBER,
        "officer": f"Committee officer: {OFFICER}",
        "item": ITEM,
    }
    assert missing(summary, expected) == {}


AGENDA_PACK = """\
CITY OF WESTMINSTER

Committee Agenda

Title: {committee}

Meeting Date: Thursday 5 December 2019

Time: 10.00am

Venue: Room [3], 64 Victoria Street, London, SW1E 6QP

Members: Councillors Aicha Less (Chairman), Rita Begum and Jim Glen

AGENDA

PART 1 (IN PUBLIC)

1 MEMBERSHIP
To note any changes to the membership.

2 {item}
To note the report.
"""


def test_import_of_an_agenda_pack_shows_its_titles_as_typed(tmp_path: Path) -> None:
    committee = "Audit [/] Panel"
    item = "FINANCE [A] [B]REPORT[/B] [LINK=HTTPS://X.ORG]Y[/LINK] C:\\ [/]"
    path = tmp_path / "agenda.txt"
    path.write_text(AGENDA_PACK.format(committee=committee, item=item), encoding="utf-8")
    summary = ok(clerk("import", str(path), db=tmp_path / "clerk.db"))
    assert missing(summary, {"committee": committee, "item": item}) == {}
    assert committee in ok(clerk("meetings", db=tmp_path / "clerk.db"))


def test_an_error_quotes_what_was_typed_as_typed(db: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(db), "actions", "[b]Planning[/b] [/]"])
    assert result.exit_code == 1
    assert "no committee called '[b]Planning[/b] [/]'" in result.output
    assert COMMITTEE in result.output  # the committees there are, listed


def test_keys_shows_a_key_written_like_markup(isolated_keys: Path) -> None:
    """`clerk keys` crashed on a keys.toml naming a key "[/]"."""
    (isolated_keys / "keys.toml").write_text('[keys]\nroll_call = "f4,[/]"\n')
    table = ok(clerk("keys", env={"CLERK_CONFIG": str(isolated_keys)}))
    line = next(line for line in table.splitlines() if "roll_call" in line)
    assert "F4 or [/]" in line
    assert "The roll call (F4 or [/])" in table  # the roll call's table is titled by its key


@pytest.fixture
def isolated_keys(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    return folder
