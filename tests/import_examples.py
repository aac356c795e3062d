"""A file of every kind clerk imports, and a broken one of each: `clerk import` and the
picker are tested on the same files, so they cannot come to accept different ones."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from clerk import importing
from tests.conftest import REPO

AGENDA = REPO / "tests" / "agendas" / "fpss_2019-11-25_reference.md"
MEETING_FILE = REPO / "sample_meetings" / "fps-2019-11-25.toml"
MEETING_RECORD = REPO / "sample_meetings" / "fps-2019-10-17.json"
COMMITTEE = "Family and People Services Policy and Scrutiny Committee"


def example(folder: Path, suffix: str) -> tuple[Path, date]:
    """A good file ending `suffix`, written into `folder`, and the date of its meeting."""
    kind = importing.kind_of(Path(f"x{suffix}"))
    target = folder / f"meeting{suffix}"
    if kind is importing.MEETING_RECORD:
        target.write_bytes(MEETING_RECORD.read_bytes())
        return target, date(2019, 10, 17)
    if kind is importing.MEETING_FILE:
        target.write_bytes(MEETING_FILE.read_bytes())
    elif suffix in (".html", ".htm"):  # as a converter writes it: a page of paragraphs
        lines = AGENDA.read_text(encoding="utf-8").splitlines()
        paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
        target.write_text(
            f"<html><head><title>Agenda</title></head><body>\n{paragraphs}\n</body></html>\n",
            encoding="utf-8",
        )
    else:
        target.write_bytes(AGENDA.read_bytes())
    return target, date(2019, 11, 25)


#: The kinds of broken file the tests try: one a reader of each kind.
BROKEN = ("agenda.md", "meeting.toml", "record.json")


def broken(folder: Path, name: str) -> tuple[Path, int]:
    """A file of `name`'s kind with one mistake in it, and the line of the mistake."""
    source, wrong, right = {
        "agenda.md": (AGENDA, "Monday 25th November, 2019", "Monday 31st February, 2019"),
        "meeting.toml": (MEETING_FILE, 'role = "chair"', 'role = "boss"'),
        # the committee officer is no one the record names
        "record.json": (MEETING_RECORD, '"officer_id": "d0880a1a443c28c0"', '"officer_id": "0"'),
    }[name]
    text = source.read_text(encoding="utf-8")
    assert text.count(wrong) == 1
    target = folder / name
    target.write_text(text.replace(wrong, right), encoding="utf-8")
    line = text[: text.index(wrong)].count("\n") + 1
    return target, line
