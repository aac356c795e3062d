"""Every kind of .docx clerk writes is opened by a real word processor: LibreOffice headless
converts it to PDF (it must exist and have pages) and to text (the paragraphs must be there,
in order).

These tests need `soffice` (Debian: libreoffice-writer-nogui; `make test` installs it). When
it is missing they FAIL rather than skip, so CI cannot pass without really opening the files.
Each session uses a private LibreOffice profile, so parallel runs do not collide.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from clerk.minutes.document import Heading, MinutesDocument, Paragraph, Run, plain
from clerk.minutes.render_docx import render_docx
from clerk.minutes.tracker import tracker_document, write_tracker_docx
from tests.docx_helpers import (
    LibreOffice,
    any_documents,
    council_template,
    exempt_minutes_document,
    expected_lines,
    minutes_document,
    pdf_pages,
)
from tests.test_tracker import entries as tracker_entries

SENTINEL = "Sentinel paragraph for LibreOffice"


def awkward_document() -> MinutesDocument:
    nasty = "".join(
        ["Zoë D’Souza \x00\x01\x0b\x0c\x1f\ufffe\uffff\ud800 & <b>]]> 张伟 🙂 محمد", "\r\n", "x"]
    )
    return MinutesDocument(
        blocks=(
            Heading(nasty, 2),
            Paragraph((Run(nasty, bold=True), Run(" tail")), number="1.1", bullets=(plain(nasty),)),
            Paragraph(plain(SENTINEL)),
        ),
        title=nasty,
        running_header=nasty,
        draft=True,
        confidential=True,
    )


KINDS: dict[str, Callable[[Path], MinutesDocument]] = {}


def _kind(name: str):
    def register(fn: Callable[[Path], MinutesDocument]) -> Callable[[Path], MinutesDocument]:
        KINDS[name] = fn
        return fn

    return register


@_kind("minutes")
def _minutes(path: Path) -> MinutesDocument:
    doc = minutes_document(draft=True)
    render_docx(doc, path)
    return doc


@_kind("minutes_approved")
def _approved(path: Path) -> MinutesDocument:
    doc = minutes_document(draft=False)
    render_docx(doc, path)
    return doc


@_kind("exempt_minutes")
def _exempt(path: Path) -> MinutesDocument:
    doc = exempt_minutes_document()
    render_docx(doc, path)
    return doc


@_kind("tracker")
def _tracker(path: Path) -> MinutesDocument:
    write_tracker_docx(tracker_entries(), path, committee_name="FPS Committee")
    return tracker_document(tracker_entries(), committee_name="FPS Committee")


@_kind("minutes_from_template")
def _minutes_template(path: Path) -> MinutesDocument:
    doc = minutes_document()
    render_docx(doc, path, template=council_template())
    return doc


@_kind("tracker_from_template")
def _tracker_template(path: Path) -> MinutesDocument:
    write_tracker_docx(tracker_entries(), path, template=council_template())
    return tracker_document(tracker_entries())


def _sample_record():
    from clerk.samples import read_sample

    return read_sample("fps-2019-10-17.json")


@_kind("composed_minutes")
def _composed(path: Path) -> MinutesDocument:
    """The real pipeline: the sample meeting composed in the Westminster style."""
    from clerk.minutes.compose import compose_minutes
    from clerk.minutes.style import load_style

    doc = compose_minutes(_sample_record(), load_style("westminster"), draft=True)
    render_docx(doc, path)
    return doc


@_kind("composed_exempt_minutes")
def _composed_exempt(path: Path) -> MinutesDocument:
    from clerk.minutes.compose import compose_minutes
    from clerk.minutes.style import load_style

    doc = compose_minutes(_sample_record(), load_style("westminster"), exempt=True)
    render_docx(doc, path, template=council_template())
    return doc


@_kind("awkward_text")
def _awkward(path: Path) -> MinutesDocument:
    doc = awkward_document()
    render_docx(doc, path)
    return doc


@pytest.fixture(scope="session")
def office(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.fail(
            "LibreOffice (soffice) is not installed: these tests open every .docx clerk writes "
            "in a real word processor. Install libreoffice-writer-nogui (make system-deps)."
        )
    return LibreOffice(tmp_path_factory.mktemp("lo-profile") / "profile")


@pytest.fixture(scope="session")
def converted(
    office: LibreOffice, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[MinutesDocument, Path, Path]]:
    """Every kind written once, then converted in one soffice run per format."""
    root = tmp_path_factory.mktemp("lo-docs")
    docs: dict[str, tuple[MinutesDocument, Path]] = {}
    for name, make in KINDS.items():
        path = root / f"{name}.docx"
        docs[name] = (make(path), path)
    files = [path for _, path in docs.values()]
    pdfs = office.convert(files, "pdf", root / "pdf")
    txts = office.convert(files, "txt", root / "txt")
    return {
        name: (doc, pdf, txt)
        for (name, (doc, _)), pdf, txt in zip(docs.items(), pdfs, txts, strict=True)
    }


def _in_order(expected: list[str], text: str) -> list[str]:
    """The expected lines not found, in order, among the text's lines (a line is found when
    it occurs within a text line: LibreOffice prefixes bullets with "•")."""
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines()]
    missing, at = [], 0
    for want in (w.strip() for w in expected):
        if not want:
            continue
        for index in range(at, len(lines)):
            if want in lines[index]:
                at = index + 1
                break
        else:
            missing.append(want)
    return missing


@pytest.mark.parametrize("kind", list(KINDS))
def test_libreoffice_converts_to_pdf(converted, kind: str) -> None:
    _, pdf, _ = converted[kind]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 2_000
    assert pdf_pages(pdf) >= 1


@pytest.mark.parametrize("kind", list(KINDS))
def test_libreoffice_reads_the_paragraphs(converted, kind: str) -> None:
    doc, _, txt = converted[kind]
    text = txt.read_text(encoding="utf-8")
    expected = [line for block_line in expected_lines(doc) for line in block_line.split("\n")]
    assert _in_order(expected, text) == []


def test_libreoffice_minutes_text_highlights(converted) -> None:
    text = converted["minutes"][2].read_text(encoding="utf-8")
    assert "RESOLVED:" in text
    assert "4.1\tThe Committee received the update" in text
    assert "• Residential and Nursing Care" in text
    assert "1)\tThat NHS England" in text


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(doc=any_documents())
def test_any_unicode_opens_in_libreoffice(office, tmp_path_factory, doc: MinutesDocument) -> None:
    doc = MinutesDocument(
        blocks=(*doc.blocks, Paragraph(plain(SENTINEL))),
        title=doc.title,
        running_header=doc.running_header,
        draft=doc.draft,
        confidential=doc.confidential,
        marks=doc.marks,
    )
    root = tmp_path_factory.mktemp("lo-any")
    path = root / "any.docx"
    render_docx(doc, path)
    (pdf,) = office.convert([path], "pdf", root)
    assert pdf_pages(pdf) >= 1
    (txt,) = office.convert([path], "txt", root)
    text = txt.read_text(encoding="utf-8")
    assert SENTINEL in text
