"""Reading the chair's Word copy back (clerk.minutes.chair_docx): on a copy LibreOffice wrote
(tests/fixtures/make_chair_docx.py made it), on one python-docx wrote with its comments API,
and on bad input.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from clerk.errors import ClerkError
from clerk.minutes.chair_docx import ChairChange, ChairChangeKind, read_chair_docx
from clerk.minutes.compose import compose_minutes
from clerk.minutes.references import PassageKind, find
from clerk.minutes.render_docx import render_docx
from clerk.minutes.style import load_style
from clerk.samples import read_sample
from tests.docx_helpers import FIXTURES
from tests.fixtures import make_chair_docx as maker

FIXTURE = FIXTURES / "chair_fps-2019-10-17_libreoffice.docx"
CHAIR = maker.CHAIR
WHEN = datetime(2019, 10, 24, 10, 15, tzinfo=UTC)
REPLACE, INSERT, DELETE, COMMENT = (
    ChairChangeKind.REPLACE,
    ChairChangeKind.INSERT,
    ChairChangeKind.DELETE,
    ChairChangeKind.COMMENT,
)


@pytest.fixture(scope="module")
def draft():
    return compose_minutes(read_sample("fps-2019-10-17.json"), load_style("westminster"))


@pytest.fixture(scope="module")
def read(draft) -> list[ChairChange]:
    return read_chair_docx(FIXTURE, draft)


def by(changes: list[ChairChange], kind: ChairChangeKind, reference: str) -> ChairChange:
    found = [c for c in changes if c.kind is kind and c.reference == reference]
    assert len(found) == 1, [(c.kind, c.reference) for c in changes]
    return found[0]


def test_the_fixture_was_written_by_libreoffice() -> None:
    with zipfile.ZipFile(FIXTURE) as z:
        assert b"LibreOffice" in z.read("docProps/app.xml")


def test_every_change_the_chair_made_is_read_in_reading_order(read) -> None:
    assert [(c.kind, c.reference) for c in read] == [
        (REPLACE, "heading 5"),
        (REPLACE, "attendance 2"),
        (REPLACE, "4.3"),
        (COMMENT, "5.2"),
        (REPLACE, "5 RESOLVED (2)"),
        (REPLACE, "6.2"),
        (INSERT, "6.2"),
        (DELETE, "6.3"),
        (REPLACE, "7.1"),
        (DELETE, "7.2"),
        (INSERT, "8.1"),
    ]
    assert all(c.tracked for c in read)
    officer = by(read, REPLACE, "attendance 2")
    assert (officer.author, officer.date) == (
        maker.OFFICER,
        datetime(2019, 10, 24, 11, 40, tzinfo=UTC),
    )
    assert {(c.author, c.date) for c in read if c is not officer} == {(CHAIR, WHEN)}


def test_a_word_replaced_gives_the_whole_passage_before_and_after(read, draft) -> None:
    change = by(read, REPLACE, "4.3")
    assert change.old_text == find(draft, "4.3").text
    assert change.new_text == change.old_text.replace("received the update", "noted the update", 1)
    assert [(m.op.value, m.text) for m in change.marks] == [("-", "received"), ("+", "noted")]


def test_a_change_inside_a_resolution_is_that_resolutions(read, draft) -> None:
    change = by(read, REPLACE, "5 RESOLVED (2)")
    assert change.passage_kind is PassageKind.RESOLUTION
    assert change.old_text == find(draft, "5 RESOLVED (2)").text
    assert change.new_text == change.old_text.replace("be encouraged", "be strongly encouraged")


def test_heading_and_attendance_changes_are_flagged_as_such(read) -> None:
    venue = by(read, REPLACE, "heading 5")
    assert (venue.passage_kind, venue.target) == (PassageKind.HEADING, "heading")
    assert "Rooms 18.01, 18th Floor" in venue.new_text
    present = by(read, REPLACE, "attendance 2")
    assert (present.passage_kind, present.target) == (PassageKind.ATTENDANCE, "attendance")
    assert present.new_text == (
        "Also present: Councillor Heather Acton and Tim Mitchell "
        "(Executive Director of Children's Services)."
    )
    assert by(read, REPLACE, "4.3").target == "minutes"


def test_a_split_paragraph_is_a_replace_and_an_insert_after_it(read, draft) -> None:
    first, rest = by(read, REPLACE, "6.2"), by(read, INSERT, "6.2")
    whole = find(draft, "6.2").text
    assert first.note == rest.note == "split"
    assert first.new_text == whole.split(" The Committee was pleased")[0]
    assert (
        rest.new_text == "The Committee was pleased" + whole.split(" The Committee was pleased")[1]
    )
    assert rest.position == "after"
    assert (rest.author, rest.date) == (CHAIR, WHEN)  # the paragraph break the chair typed


def test_merged_paragraphs_are_a_replace_and_a_delete(read, draft) -> None:
    merged, gone = by(read, REPLACE, "7.1"), by(read, DELETE, "7.2")
    assert merged.new_text == f"{find(draft, '7.1').text} {find(draft, '7.2').text}"
    assert gone.old_text == find(draft, "7.2").text
    assert gone.note == "merged into 7.1"
    assert (gone.author, gone.date) == (CHAIR, WHEN)


def test_a_deleted_and_an_added_paragraph(read, draft) -> None:
    gone = by(read, DELETE, "6.3")
    assert (gone.old_text, gone.new_text, gone.note) == (find(draft, "6.3").text, "", "")
    added = by(read, INSERT, "8.1")
    assert (added.new_text, added.position, added.note) == (
        "The Chairman thanked officers for the update.",
        "after",
        "",
    )


def test_a_comment_on_a_range(read) -> None:
    comment = by(read, COMMENT, "5.2")
    assert comment.old_text == "importance of IT"
    assert comment.new_text == "Which IT system was this? Please name it."
    assert (comment.author, comment.date) == (CHAIR, WHEN)


# --------------------------------------------------------------------------- other writers


def test_comments_made_with_python_docx_and_an_untouched_copy(draft, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    render_docx(draft, copy)
    assert read_chair_docx(copy, draft) == []
    word = docx.Document(str(copy))
    target = next(p for p in word.paragraphs if "Ofsted had recently carried out" in p.text)
    word.add_comment(target.runs, text="Add the date of the inspection.", author="Cllr Glanz")
    attendance = next(p for p in word.paragraphs if p.text.startswith("Members Present:"))
    word.add_comment(attendance.runs[0], text="Cllr Short sent apologies", author="Cllr Glanz")
    word.save(str(copy))
    comments = read_chair_docx(copy, draft)
    assert [(c.kind, c.reference, c.target, c.new_text) for c in comments] == [
        (COMMENT, "attendance 1", "attendance", "Cllr Short sent apologies"),
        (COMMENT, "4.2", "minutes", "Add the date of the inspection."),
    ]
    assert comments[0].old_text == "Members Present:"
    assert comments[1].old_text.startswith("4.2\tThe Committee noted that Ofsted")


def test_text_changed_without_track_changes_is_reported_untracked(draft, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    render_docx(draft, copy)
    word = docx.Document(str(copy))
    closing = next(p for p in word.paragraphs if p.text.startswith("The Meeting ended"))
    closing.runs[0].text = "The Meeting ended at 9.01 pm."
    word.save(str(copy))
    (change,) = read_chair_docx(copy, draft)
    assert (change.kind, change.reference, change.tracked, change.author) == (
        REPLACE,
        "closing",
        False,
        "",
    )
    assert change.new_text == "The Meeting ended at 9.01 pm."


def test_not_a_word_document_is_refused(draft, tmp_path: Path) -> None:
    bogus = tmp_path / "minutes.docx"
    bogus.write_text("these are not minutes")
    with pytest.raises(ClerkError, match=r"minutes\.docx: not a Word document"):
        read_chair_docx(bogus, draft)
    with pytest.raises(ClerkError, match="not a Word document"):
        read_chair_docx(tmp_path / "missing.docx", draft)


def test_a_copy_missing_most_of_the_minutes_is_refused(draft, tmp_path: Path) -> None:
    shutil.copyfile(FIXTURE, tmp_path / "copy.docx")
    word = docx.Document(str(tmp_path / "copy.docx"))
    body = word.element.body
    for p in list(body)[10:-1]:
        body.remove(p)
    word.save(str(tmp_path / "copy.docx"))
    with pytest.raises(ClerkError, match="does not look like a copy of the minutes of"):
        read_chair_docx(tmp_path / "copy.docx", draft)


def test_the_script_makes_the_fixture_again(draft, read, tmp_path: Path) -> None:
    """tests/fixtures/make_chair_docx.py still makes what the committed fixture holds, so
    the fixture can be regenerated when the minutes' wording changes."""
    again = maker.make(tmp_path / "again.docx")
    fresh = read_chair_docx(again, draft)
    assert [(c.kind, c.reference, c.old_text, c.new_text, c.author) for c in fresh] == [
        (c.kind, c.reference, c.old_text, c.new_text, c.author) for c in read
    ]


def test_paragraphs_removed_or_added_without_track_changes(draft, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    render_docx(draft, copy)
    word = docx.Document(str(copy))

    def paragraph(start: str):
        return next(p for p in word.paragraphs if p.text.startswith(start))

    for start in ("6.3", "Better Care Fund"):  # a paragraph, and one bullet of 4.3
        element = paragraph(start)._p
        element.getparent().remove(element)
    paragraph("9.1").insert_paragraph_before("A paragraph typed with Track Changes off.")
    word.save(str(copy))
    changes = read_chair_docx(copy, draft)
    assert [(c.kind, c.reference, c.tracked) for c in changes] == [
        (REPLACE, "4.3", False),
        (DELETE, "6.3", False),
        (INSERT, "9 title", False),
    ]
    bullet = next(line for line in find(draft, "4.3").text.split("\n") if line.startswith("Better"))
    assert changes[0].new_text == find(draft, "4.3").text.replace(f"\n{bullet}", "")
    assert (changes[2].new_text, changes[2].position) == (
        "A paragraph typed with Track Changes off.",
        "after",
    )
