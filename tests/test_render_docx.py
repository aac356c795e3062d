"""The Word renderer: every .docx is read back with python-docx and checked for its text, its
styles, its header and footer, its marks and its properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given

from clerk.errors import ClerkError
from clerk.minutes.document import (
    MinutesDocument,
    Paragraph,
    Run,
    Table,
)
from clerk.minutes.render_docx import (
    STYLE_NAMES,
    document_marks,
    heading_style,
    render_docx,
    xml_safe,
)
from tests.docx_helpers import (
    COUNCIL_TEMPLATE,
    TEMPLATE_BODY_COLOUR,
    TEMPLATE_BODY_FONT,
    TEMPLATE_HEADING_COLOUR,
    TEMPLATE_HEADING_FONT,
    TEMPLATE_PLACEHOLDER,
    any_documents,
    body_lines,
    build_council_template,
    council_template,
    exempt_minutes_document,
    expected_lines,
    instr_texts,
    minutes_document,
    open_docx,
    story_text,
    style_font,
    table_document,
)


def _render(doc: MinutesDocument, tmp_path: Path, name: str = "out.docx", **kw) -> Path:
    path = tmp_path / name
    render_docx(doc, path, **kw)
    return path


# --------------------------------------------------------------------------- text and order


def test_paragraphs_read_back_in_order(tmp_path: Path) -> None:
    doc = minutes_document()
    word = open_docx(_render(doc, tmp_path))
    assert [line.text for line in body_lines(word)] == expected_lines(doc)


def test_styles_by_block(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    styles = {line.text: line.style for line in body_lines(word)}
    assert styles["CITY OF WESTMINSTER"] == "Title"
    assert styles["MINUTES"] == "Heading 1"
    assert styles["MINUTES OF PROCEEDINGS"] == "Heading 3"
    assert styles["4. CABINET MEMBER UPDATE"] == "Heading 4"
    assert styles["The Meeting ended at 8.59 pm."] == "Body Text"
    numbered = [line for line in body_lines(word) if line.text[:4] in ("1.1\t", "4.1\t", "4.2\t")]
    assert len(numbered) == 3
    assert {line.style for line in numbered} == {"Minutes Paragraph"}
    bullets = [line for line in body_lines(word) if line.style == "Minutes Bullet"]
    assert [b.text.split(" – ")[0] for b in bullets] == [
        "Residential and Nursing Care",
        "Better Care Fund (BCF) Submission",
    ]
    assert styles["RESOLVED:"] == "Resolved"
    assert styles[
        "3.1\tThat the Minutes of the Family and People Services Policy and "
        "Scrutiny Committee meeting held on 17 June 2019 be approved."
    ] == ("Minutes Paragraph")
    resolutions = [line for line in body_lines(word) if line.style == "Resolution"]
    assert [r.text.split("\t")[0] for r in resolutions] == ["1)", "2)", "3)"]
    assert [line.style for line in body_lines(word) if line.text.endswith(":\t")] == [
        "Signature",
        "Signature",
    ]


def test_styles_defined_once_and_no_direct_paragraph_formatting(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    names = [s.name for s in word.styles]
    for name in ("Minutes Paragraph", "Minutes Bullet", "Resolved", "Resolution", "Signature"):
        assert names.count(name) == 1
    for para in word.paragraphs:
        assert (
            para._p.pPr is None
            or para._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ind")
            is None
        ), para.text
        for run in para.runs:
            rpr = run._r.rPr
            if rpr is not None:  # only emphasis: bold / italic
                tags = {child.tag.split("}")[1] for child in rpr}
                assert tags <= {"b", "i"}, (para.text, tags)


def test_minutes_paragraph_hangs_the_number(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    fmt = word.styles["Minutes Paragraph"].paragraph_format
    assert fmt.left_indent > 0
    assert fmt.first_line_indent == -fmt.left_indent
    resolution = word.styles["Resolution"].paragraph_format
    assert resolution.first_line_indent < 0
    assert resolution.left_indent + resolution.first_line_indent == fmt.left_indent


def test_bullets_are_a_real_word_list(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    num_pr = word.styles["Minutes Bullet"].element.pPr.numPr
    assert num_pr is not None
    numbering = word.part.numbering_part.element
    num = numbering.num_having_numId(num_pr.numId.val)
    abstract_id = num.abstractNumId.val
    (fmt,) = numbering.xpath(
        f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val'
    )
    assert fmt == "bullet"


def test_bold_runs_and_resolved(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    resolved = [p for p in word.paragraphs if p.text == "RESOLVED:"]
    assert len(resolved) == 2
    assert all(run.bold for p in resolved for run in p.runs)
    opening = next(p for p in word.paragraphs if p.text.startswith("Minutes of a meeting"))
    bold = [run.text for run in opening.runs if run.bold]
    assert bold == [
        "Family and People Services Policy & Scrutiny Committee",
        "Thursday 17 October 2019",
    ]
    italic = [run.text for p in word.paragraphs for run in p.runs if run.italic]
    assert italic == ["Better Care Fund (BCF) Submission"]


def test_signature_lines_have_a_leader(tmp_path: Path) -> None:
    from docx.enum.text import WD_TAB_LEADER

    word = open_docx(_render(minutes_document(), tmp_path))
    texts = [p.text for p in word.paragraphs if p.style.name == "Signature"]
    assert texts == ["CHAIRMAN:\t", "DATE:\t"]
    stops = list(word.styles["Signature"].paragraph_format.tab_stops)
    assert [s.leader for s in stops] == [WD_TAB_LEADER.LINES]


def test_header_footer_page_x_of_y(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    section = word.sections[0]
    assert "Family and People Services Policy & Scrutiny Committee – 17 October 2019" in (
        story_text(section.header)
    )
    fields = instr_texts(section.footer)
    assert any(f.startswith("PAGE") for f in fields)
    assert any(f.startswith("NUMPAGES") for f in fields)
    assert story_text(section.footer).startswith("Page 1 of 1")
    assert section.footer.paragraphs[0].style.name == "Footer"
    assert section.header.paragraphs[0].style.name == "Header"


def test_draft_mark_only_when_draft(tmp_path: Path) -> None:
    draft = open_docx(_render(minutes_document(draft=True), tmp_path, "d.docx"))
    final = open_docx(_render(minutes_document(draft=False), tmp_path, "f.docx"))
    assert "DRAFT" in story_text(draft.sections[0].header)
    assert "DRAFT" not in story_text(final.sections[0].header)
    assert "DRAFT" not in story_text(final.sections[0].footer)
    assert draft.core_properties.keywords == "DRAFT"
    assert final.core_properties.keywords == ""


def test_marks_follow_the_flags() -> None:
    doc = MinutesDocument(blocks=(), title="t", draft=False, marks=("DRAFT", "RESTRICTED"))
    assert document_marks(doc) == ("RESTRICTED",)
    doc = MinutesDocument(blocks=(), title="t", draft=True, confidential=True)
    assert document_marks(doc) == ("CONFIDENTIAL", "DRAFT")


def test_confidential_marked_in_header_and_footer(tmp_path: Path) -> None:
    word = open_docx(_render(exempt_minutes_document(), tmp_path))
    section = word.sections[0]
    assert "CONFIDENTIAL" in story_text(section.header)
    assert "CONFIDENTIAL" in story_text(section.footer)
    public = open_docx(_render(minutes_document(), tmp_path, "public.docx"))
    assert "CONFIDENTIAL" not in story_text(public.sections[0].header)
    assert "CONFIDENTIAL" not in story_text(public.sections[0].footer)


def test_core_properties(tmp_path: Path) -> None:
    doc = minutes_document()
    word = open_docx(_render(doc, tmp_path))
    assert word.core_properties.title == doc.title
    assert word.core_properties.subject == doc.running_header


def test_tables(tmp_path: Path) -> None:
    doc = table_document()
    word = open_docx(_render(doc, tmp_path))
    assert [line.text for line in body_lines(word)] == expected_lines(doc)
    (table,) = word.tables
    assert table.style.name == "Minutes Table"
    assert [c.text for c in table.rows[0].cells] == ["Agenda Item", "Action", "Update"]
    assert {p.style.name for c in table.rows[0].cells for p in c.paragraphs} == {"Table Heading"}
    assert {p.style.name for c in table.rows[1].cells for p in c.paragraphs} == {"Table Text"}
    assert (
        table.rows[0]._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    title = next(p for p in word.paragraphs if p.text == "ROUND TWO 17 OCTOBER 2019")
    assert title.style.name == "Table Title"


def test_ragged_and_empty_tables(tmp_path: Path) -> None:
    doc = MinutesDocument(
        blocks=(
            Table(header=("A", "B"), rows=(("1",), ("1", "2", "3"))),
            Table(header=(), rows=()),
            Table(header=(), rows=(("only",),), title="No header"),
        ),
        title="t",
    )
    word = open_docx(_render(doc, tmp_path))
    assert [line.text for line in body_lines(word)] == expected_lines(doc)


def test_heading_levels_map_to_word_styles() -> None:
    assert heading_style(1) == "Title"
    assert heading_style(5) == "Heading 4"
    assert heading_style(0) == "Title"
    assert heading_style(30) == "Heading 9"


def test_default_look_is_a4_arial(tmp_path: Path) -> None:
    word = open_docx(_render(minutes_document(), tmp_path))
    section = word.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    assert word.styles["Heading 4"].font.name == "Arial"
    # the default template's blue theme colour is gone
    assert str(word.styles["Heading 1"].font.color.rgb) == "000000"


def test_unwritable_path_is_a_clerk_error(tmp_path: Path) -> None:
    with pytest.raises(ClerkError):
        render_docx(minutes_document(), tmp_path / "missing" / "dir" / "x.docx")


def test_the_docx_is_a_valid_zip_with_the_parts(tmp_path: Path) -> None:
    path = _render(minutes_document(), tmp_path)
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = set(z.namelist())
    assert {"word/document.xml", "word/styles.xml", "word/numbering.xml"} <= names
    assert any(n.startswith("word/header") for n in names)
    assert any(n.startswith("word/footer") for n in names)


# --------------------------------------------------------------------------- templates


def test_fixture_template_is_the_generated_one(tmp_path: Path) -> None:
    """The committed fixture matches build_council_template (regenerate it if this fails)."""
    assert COUNCIL_TEMPLATE.exists()
    fresh = open_docx(build_council_template(tmp_path / "t.docx"))
    committed = open_docx(COUNCIL_TEMPLATE)
    for name in ("Normal", "Body Text", "Heading 4"):
        assert style_font(committed, name) == style_font(fresh, name)
    assert "Title" not in committed.styles


def test_template_styles_survive(tmp_path: Path) -> None:
    doc = minutes_document()
    word = open_docx(_render(doc, tmp_path, template=council_template()))
    assert style_font(word, "Heading 4") == (TEMPLATE_HEADING_FONT, TEMPLATE_HEADING_COLOUR)
    assert style_font(word, "Body Text") == (TEMPLATE_BODY_FONT, TEMPLATE_BODY_COLOUR)
    assert word.styles["Normal"].font.name == TEMPLATE_BODY_FONT
    # the item headings use the council's Heading 4, the body text its Body Text
    lines = body_lines(word)
    assert {line.style for line in lines if line.text[:2] in ("1.", "4.", "5.")} >= {"Heading 4"}
    # the styles the template lacked are created once; its margins are kept
    names = [s.name for s in word.styles]
    for name in ("Title", "Minutes Paragraph", "Minutes Bullet", "Resolution", "Signature"):
        assert names.count(name) == 1, name
    assert round(word.sections[0].left_margin.cm, 1) == 2.0


def test_template_body_and_header_are_replaced(tmp_path: Path) -> None:
    doc = minutes_document()
    word = open_docx(_render(doc, tmp_path, template=council_template()))
    assert [line.text for line in body_lines(word)] == expected_lines(doc)
    assert TEMPLATE_PLACEHOLDER not in "\n".join(p.text for p in word.paragraphs)
    header = story_text(word.sections[0].header)
    assert "Council logo placeholder" not in header
    assert "DRAFT" in header
    assert word.core_properties.title == doc.title


def test_template_without_numbering_part(tmp_path: Path) -> None:
    """A template with no numbering.xml still gets real bullets (clerk creates the part)."""
    import docx

    bare = tmp_path / "bare.docx"
    docx.Document().save(str(bare))
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(bare) as src, zipfile.ZipFile(stripped, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/numbering.xml":
                continue
            if info.filename == "word/_rels/document.xml.rels":
                data = _drop_relationship(data, b"numbering")
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b'<Override PartName="/word/numbering.xml" '
                    b'ContentType="application/vnd.openxmlformats-officedocument.'
                    b'wordprocessingml.numbering+xml"/>',
                    b"",
                )
            dst.writestr(info, data)
    with zipfile.ZipFile(stripped) as z:
        assert "word/numbering.xml" not in z.namelist()
    word = open_docx(_render(minutes_document(), tmp_path, template=stripped))
    assert word.styles["Minutes Bullet"].element.pPr.numPr is not None
    assert word.part.numbering_part.element.num_lst


def _drop_relationship(rels: bytes, kind: bytes) -> bytes:
    import re

    return re.sub(rb"<Relationship [^>]*" + kind + rb"[^>]*/>", b"", rels)


def test_dotx_template(tmp_path: Path) -> None:
    dotx = tmp_path / "council.dotx"
    with zipfile.ZipFile(council_template()) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    word = open_docx(_render(minutes_document(), tmp_path, template=dotx))
    assert style_font(word, "Heading 4") == (TEMPLATE_HEADING_FONT, TEMPLATE_HEADING_COLOUR)


def test_bad_template_is_a_clerk_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip")
    with pytest.raises(ClerkError, match=r"notes\.docx"):
        render_docx(minutes_document(), tmp_path / "x.docx", template=bad)


def test_all_style_names_are_created(tmp_path: Path) -> None:
    """Every style clerk names exists in its output, with and without a template."""
    for template in (None, council_template()):
        doc = minutes_document()
        word = open_docx(_render(doc, tmp_path, template=template))
        for name in ("Minutes Paragraph", "Minutes Bullet", "Resolved", "Resolution", "Signature"):
            assert name in STYLE_NAMES
            assert name in word.styles


# --------------------------------------------------------------------------- any text at all


def test_xml_safe() -> None:
    assert xml_safe("a\x00b\x07c\x1fd") == "abcd"
    assert xml_safe("tab\tline\nend") == "tab\tline\nend"
    assert xml_safe("crlf\r\nend\rx") == "crlf\nend\nx"
    assert xml_safe("\ufffe\uffffok\ud800\udfff") == "ok"
    assert xml_safe("Zoë – D’Souza 🙂 张伟") == "Zoë – D’Souza 🙂 张伟"


def test_a_line_end_split_between_two_runs_is_one_line_break(tmp_path: Path) -> None:
    """Text pasted with Windows line ends (CR LF), bold ending between the CR and the LF."""
    runs = (Run("The Chair\r", bold=True), Run("\nthanked officers."))
    doc = MinutesDocument(blocks=(Paragraph(runs),), title="Minutes")
    render_docx(doc, tmp_path / "crlf.docx")
    [line] = body_lines(open_docx(tmp_path / "crlf.docx"))
    assert line.text == "The Chair\nthanked officers."


@given(doc=any_documents())
def test_any_unicode_gives_a_docx_that_reopens(tmp_path_factory, doc: MinutesDocument) -> None:
    path = tmp_path_factory.mktemp("any") / "any.docx"
    render_docx(doc, path)
    word = open_docx(path)
    assert [line.text for line in body_lines(word)] == expected_lines(doc)
    assert word.core_properties.title == xml_safe(doc.title)[:255]
    header = word.sections[0].header.paragraphs
    assert header[0].text == xml_safe(doc.running_header or doc.title)
    marks = [p.text for p in header if p.style.name == "Document Mark"]
    expected = "   ".join(xml_safe(m) for m in document_marks(doc))
    assert marks == ([expected] if document_marks(doc) else [])


@given(doc=any_documents())
def test_any_unicode_with_a_template(tmp_path_factory, doc: MinutesDocument) -> None:
    path = tmp_path_factory.mktemp("anyt") / "any.docx"
    render_docx(doc, path, template=council_template())
    assert [line.text for line in body_lines(open_docx(path))] == expected_lines(doc)


# --------------------------------------------------------------------------- house styles


HOISTED = '[resolutions]\nlabel = "({n})"\nhoist_that = true\n'


@pytest.mark.parametrize("style", ["westminster", "board", HOISTED], ids=["w", "board", "hoisted"])
def test_word_reads_as_the_text_minutes_in_each_style(tmp_path: Path, style: str) -> None:
    """The .docx says what the plain-text minutes say, line for line (a tab in Word is the
    space in text), whatever the style does with RESOLVED (hoisted "3.1 RESOLVED: That …",
    run on, or numbered lists)."""
    from clerk.minutes.compose import compose_minutes
    from clerk.minutes.render_text import render_text
    from tests.minutes_builders import committee_of_three, lines, style_of

    m, _ = committee_of_three()
    m.resolve(m.item("3", "MINUTES"), "That the Minutes be approved.")
    report = m.item("4", "Annual Report")
    m.para(report, "The Committee noted the report.")
    m.resolve(report, "That the report be noted.")
    m.resolve(report, "That the actions be agreed.")
    from clerk.minutes.style import loads_style

    house = loads_style(style) if style == HOISTED else style_of(style)
    doc = compose_minutes(m.build(), house, draft=False)
    word = open_docx(_render(doc, tmp_path))
    in_word = [" ".join(p.text.replace("\t", " ").split()) for p in word.paragraphs]
    in_text = [" ".join(line.split()) for line in lines(render_text(doc))]
    # the signature lines: Word draws the rule as a tab leader rather than underscores
    in_text = [line.removesuffix(" " + "_" * 30) for line in in_text]
    assert [line for line in in_word if line] == in_text
    if style == HOISTED:
        assert "3.1 RESOLVED: That the Minutes be approved." in in_word
