"""The version difference as a Word document with real tracked changes (clerk.minutes.diff_docx):
read by python-docx with the changes accepted it is the new version, with them rejected the
old one; LibreOffice keeps them as tracked changes; clerk reads them back as the same changes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from clerk.minutes.chair_docx import ChairChangeKind, read_chair_docx
from clerk.minutes.compose import compose_minutes
from clerk.minutes.diff import ChangeKind, diff_documents
from clerk.minutes.diff_docx import render_diff_docx
from clerk.minutes.document import (
    Heading,
    MinutesDocument,
    Paragraph,
    Run,
    SignatureLines,
    Table,
    plain,
)
from clerk.minutes.references import passages
from clerk.minutes.render_docx import render_docx
from clerk.record import MeetingRecord
from tests.docx_helpers import LibreOffice
from tests.strategies import meeting_records
from tests.test_minutes_diff import STYLE, versions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "Democratic Services (Jane Clerk)"
WHEN = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def xp(node: object, expr: str) -> list:
    return etree.XPath(expr, namespaces=NS)(node)


def views(path: Path) -> tuple[list[str], list[str]]:
    """The body's paragraphs as python-docx reads them with every tracked change accepted,
    and with every one rejected (a paragraph whose mark was inserted, or deleted, runs on
    into the next in the view that drops that mark)."""
    body = docx.Document(str(path)).element.body

    def view(keep: str, drop: str) -> list[str]:
        lines: list[str] = []
        current = ""
        for p in body.iter(f"{{{W}}}p"):
            for node in xp(p, ".//w:r/w:t | .//w:r/w:delText | .//w:r/w:tab | .//w:r/w:br"):
                if xp(node, f"ancestor::w:{drop}"):
                    continue
                name = etree.QName(node).localname
                current += {"tab": "\t", "br": "\n"}.get(name, node.text or "")
            if xp(p, f"./w:pPr/w:rPr/w:{drop}"):
                continue  # this paragraph's end is not in this view
            lines.append(current)
            current = ""
        return lines

    return view("ins", "del"), view("del", "ins")


def plain_lines(path: Path) -> list[str]:
    return views(path)[0]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    old, new = versions()
    out = tmp_path_factory.mktemp("diff")
    render_docx(old, out / "old.docx")
    render_docx(new, out / "new.docx")
    count = render_diff_docx(old, new, out / "diff.docx", author=AUTHOR, date=WHEN)
    assert count > 0
    return out / "old.docx", out / "new.docx", out / "diff.docx"


def test_accepting_every_change_gives_the_new_version_and_rejecting_the_old(written) -> None:
    old, new, diff = written
    accepted, rejected = views(diff)
    assert accepted == plain_lines(new)
    assert rejected == plain_lines(old)


def test_every_change_is_a_word_revision_with_author_and_date(written) -> None:
    _, _, diff = written
    body = docx.Document(str(diff)).element.body
    marks = xp(body, ".//w:ins | .//w:del")
    ids = [m.get(f"{{{W}}}id") for m in marks]
    assert len(ids) == len(set(ids))
    assert {m.get(f"{{{W}}}author") for m in marks} == {AUTHOR}
    assert {m.get(f"{{{W}}}date") for m in marks} == {"2026-11-30T09:30:00Z"}
    deleted = "".join(xp(body, ".//w:del//w:delText/text()"))
    inserted = "".join(xp(body, ".//w:ins//w:t/text()"))
    assert "received" in deleted and "noted" in inserted
    assert "That NHS England be requested" in deleted  # the removed resolution, whole
    # The paragraph added and the resolution removed are marked as whole paragraphs.
    assert xp(body, ".//w:pPr/w:rPr/w:ins")
    assert xp(body, ".//w:pPr/w:rPr/w:del")
    # Track Changes is left on, so what the chair changes in this copy is tracked too.
    assert xp(docx.Document(str(diff)).settings.element, "./w:trackRevisions")


def test_libreoffice_keeps_them_as_tracked_changes(written, tmp_path: Path) -> None:
    _, _, diff = written
    office = LibreOffice(tmp_path / "profile")
    (fodt,) = office.convert([diff], "fodt", tmp_path / "out")
    root = etree.parse(str(fodt)).getroot()
    ns = {
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    regions = root.xpath("//text:tracked-changes/text:changed-region", namespaces=ns)
    kinds = {etree.QName(r[0]).localname for r in regions}
    assert kinds == {"insertion", "deletion"}
    assert {c.text for c in root.xpath("//text:changed-region//dc:creator", namespaces=ns)} == {
        AUTHOR
    }
    assert {d.text[:16] for d in root.xpath("//text:changed-region//dc:date", namespaces=ns)} == {
        "2026-11-30T09:30"
    }
    # The word replaced in 4.3 is still there, inside a deletion LibreOffice tracks.
    deleted_ids = {
        r.get(f"{{{ns['text']}}}id") for r in regions if etree.QName(r[0]).localname == "deletion"
    }
    found = False
    for start in root.xpath("//text:change-start", namespaces=ns):
        if start.get(f"{{{ns['text']}}}change-id") in deleted_ids and (start.tail or "").startswith(
            "received"
        ):
            found = True
    assert found
    assert len(regions) >= 8


def test_reading_the_difference_back_gives_the_same_changes(written) -> None:
    old, new = versions()
    _, _, diff = written
    read = read_chair_docx(diff, old)
    expected = []
    for change in diff_documents(old, new):
        if change.kind is ChangeKind.CHANGED:
            assert change.old is not None
            expected.append(
                (ChairChangeKind.REPLACE, change.old.reference, change.old_text, change.new_text)
            )
        elif change.kind is ChangeKind.REMOVED:
            assert change.old is not None
            expected.append((ChairChangeKind.DELETE, change.old.reference, change.old_text, ""))
        else:
            expected.append((ChairChangeKind.INSERT, None, "", change.new_text))
    got = [
        (c.kind, None if c.kind is ChairChangeKind.INSERT else c.reference, c.old_text, c.new_text)
        for c in read
    ]
    assert sorted(got, key=str) == sorted(expected, key=str)
    assert {c.author for c in read} == {AUTHOR}
    assert {c.date for c in read} == {WHEN}
    inserted = next(c for c in read if c.kind is ChairChangeKind.INSERT)
    assert (inserted.reference, inserted.position) == ("4 title", "after")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting_records())
def test_any_edit_round_trips_through_the_difference(record: MeetingRecord) -> None:
    """For generated meetings: the difference document accepted is the new version's text
    and rejected is the old one's."""
    import tempfile

    old = compose_minutes(record, STYLE)
    new = compose_minutes(_edited(record), STYLE)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        render_docx(old, out / "old.docx")
        render_docx(new, out / "new.docx")
        render_diff_docx(old, new, out / "diff.docx", author=AUTHOR, date=WHEN)
        accepted, rejected = views(out / "diff.docx")
        assert accepted == plain_lines(out / "new.docx")
        assert rejected == plain_lines(out / "old.docx")
        # Read back, each change names a passage of the old version and quotes it.
        texts = {p.reference: p.text for p in passages(old)}
        for change in read_chair_docx(out / "diff.docx", old):
            assert change.reference in texts
            if change.kind in (ChairChangeKind.REPLACE, ChairChangeKind.DELETE) and not change.note:
                assert change.old_text == texts[change.reference]


def _edited(record: MeetingRecord) -> MeetingRecord:
    import copy

    edited = copy.deepcopy(record)
    for n, paragraph in enumerate(edited.paragraphs):
        if n % 2 == 0:
            paragraph.text = f"Amended: {paragraph.text} (as corrected)"
    edited.resolutions = edited.resolutions[1:]
    edited.attendance = edited.attendance[1:]
    return edited


def test_a_changed_paragraph_keeps_its_bold_words(tmp_path: Path) -> None:
    def doc(names: str) -> MinutesDocument:
        return MinutesDocument(
            blocks=(
                Heading("CITY OF WESTMINSTER", 1),
                Paragraph((Run("Members Present:", bold=True), Run(f" Councillors {names}."))),
            ),
            title="t",
        )

    render_diff_docx(doc("Glanz and Bright"), doc("Glanz and Short"), tmp_path / "d.docx")
    body = docx.Document(str(tmp_path / "d.docx")).element.body
    bold = xp(body, ".//w:r[w:rPr/w:b]/w:t/text()")
    assert bold == ["Members Present:"]
    assert xp(body, ".//w:del//w:delText/text()") == ["Bright"]
    assert xp(body, ".//w:ins//w:t/text()") == ["Short"]


def test_a_changed_table_is_shown_deleted_and_inserted_whole(tmp_path: Path) -> None:
    def doc(votes: str, extra: bool) -> MinutesDocument:
        blocks = [
            Heading("4. BUDGET", 5),
            Table(("For", "Against"), ((votes, "2"),), title="Recorded vote"),
            Paragraph(plain("The motion was carried."), number="4.1"),
        ]
        if extra:
            blocks.append(Paragraph(plain("The Chairman thanked the Committee."), number="4.2"))
        blocks.append(SignatureLines(("CHAIRMAN:", "DATE:")))
        return MinutesDocument(blocks=tuple(blocks), title="t")

    old, new = doc("5", extra=False), doc("6", extra=True)
    render_docx(old, tmp_path / "old.docx")
    render_docx(new, tmp_path / "new.docx")
    render_diff_docx(old, new, tmp_path / "diff.docx", author=AUTHOR, date=WHEN)
    accepted, rejected = views(tmp_path / "diff.docx")
    assert accepted == plain_lines(tmp_path / "new.docx")
    assert rejected == plain_lines(tmp_path / "old.docx")
    body = docx.Document(str(tmp_path / "diff.docx")).element.body
    tables = xp(body, "./w:tbl")
    assert len(tables) == 2
    assert xp(tables[0], ".//w:trPr/w:del") and xp(tables[1], ".//w:trPr/w:ins")


def test_with_a_council_template_and_read_back(tmp_path: Path) -> None:
    from tests.docx_helpers import COUNCIL_TEMPLATE

    old, new = versions()
    path = tmp_path / "diff.docx"
    render_docx(new, tmp_path / "new.docx", template=COUNCIL_TEMPLATE)
    render_diff_docx(old, new, path, author=AUTHOR, date=WHEN, template=COUNCIL_TEMPLATE)
    assert views(path)[0] == plain_lines(tmp_path / "new.docx")
    assert {c.reference for c in read_chair_docx(path, old)} >= {"4.3", "5 RESOLVED (1)"}


def test_saved_again_by_libreoffice_it_reads_back_the_same(written, tmp_path: Path) -> None:
    """The difference opened and saved by LibreOffice (as a chair without Word would) still
    reads back as the same changes, authors and dates."""
    old, _ = versions()
    _, _, diff = written
    office = LibreOffice(tmp_path / "profile")
    (resaved,) = office.convert([diff], "docx", tmp_path / "out")
    ours = read_chair_docx(diff, old)
    theirs = read_chair_docx(resaved, old)
    assert [(c.kind, c.reference, c.old_text, c.new_text, c.author, c.date) for c in theirs] == [
        (c.kind, c.reference, c.old_text, c.new_text, c.author, c.date) for c in ours
    ]
