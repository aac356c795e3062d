"""Write a Minutes document as a Word (.docx) file.

The document is styled, not formatted: every paragraph carries a named Word style
("Minutes Paragraph", "Resolution", "Heading 4" ...) defined once in the file, so a clerk can
restyle the whole set of minutes from Word's style pane, and a council's own template can supply
the look (`template=`). The only direct formatting is emphasis the document itself carries
(`Run.bold`, `Run.italic`).

Styles used (created when missing; without a template they are given clerk's house look):

==========================  ==================================================================
Heading level 1             "Title" (the council)
Heading level n >= 2        "Heading n-1" ("MINUTES", the committee, "MINUTES OF PROCEEDINGS",
                            then item headings at level 5 -> "Heading 4")
unnumbered Paragraph        "Body Text"
numbered Paragraph          "Minutes Paragraph": "4.1<TAB>text", the number hanging
topic bullets               "Minutes Bullet": a real Word bullet list, indented under the text
"RESOLVED:"                 "Resolved" (the words in a bold run)
"1)<TAB>That ...;"          "Resolution": the label hanging
Table                       table style "Minutes Table"; "Table Title", "Table Heading",
                            "Table Text" paragraphs; the header row repeats on each page
SignatureLines              "Signature": "CHAIRMAN:<TAB>" with an underscore tab leader
header / footer             "Header" (running header), "Document Mark" (DRAFT, CONFIDENTIAL),
                            "Footer" ("Page X of Y" with PAGE and NUMPAGES fields)
==========================  ==================================================================

python-docx is imported inside the functions only: the app and the CLI start without it.

Why one module (about 750 lines): every Word style it defines is used by the blocks it
writes, and the tracked-change writer (`diff_docx`) hooks into the same walk; split, the
style names would have to be kept in step across files.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from clerk.errors import ClerkError
from clerk.minutes.document import (
    Heading,
    Inline,
    MinutesDocument,
    Paragraph,
    Resolved,
    SignatureLines,
    Table,
)
from clerk.private_files import create_private

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document as DocxDocument

__all__ = [
    "STYLE_NAMES",
    "build_docx",
    "document_marks",
    "heading_style",
    "render_docx",
    "xml_safe",
]

# --------------------------------------------------------------------------- text hygiene

# XML 1.0 allows TAB, LF and CR among the C0 controls, and nothing in U+D800–U+DFFF (lone
# surrogates cannot even be encoded) nor U+FFFE/U+FFFF. CR is folded into LF first.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with the characters XML cannot carry removed; CR LF and lone CR become LF.

    Every string that reaches the .docx goes through here, so any Unicode text gives a file
    that Word and LibreOffice open. TAB and LF survive (as Word tabs and line breaks)."""
    if text.isprintable() and text.isascii():
        return text
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --------------------------------------------------------------------------- style names

TITLE = "Title"
BODY = "Body Text"
NUMBERED = "Minutes Paragraph"
BULLET = "Minutes Bullet"
RESOLVED = "Resolved"
RESOLUTION = "Resolution"
SIGNATURE = "Signature"
TABLE = "Minutes Table"
TABLE_TITLE = "Table Title"
TABLE_HEADING = "Table Heading"
TABLE_TEXT = "Table Text"
HEADER = "Header"
FOOTER = "Footer"
MARK = "Document Mark"


def heading_style(level: int) -> str:
    """The Word style of a Heading block of `level`: 1 is "Title", n is "Heading n-1"."""
    if level <= 1:
        return TITLE
    return f"Heading {min(level - 1, 9)}"


def document_marks(doc: MinutesDocument) -> tuple[str, ...]:
    """The marks the header shows: CONFIDENTIAL and DRAFT as the flags say, then any others.

    The flags decide: "DRAFT" in `doc.marks` of an approved document is not shown."""
    marks: list[str] = []
    if doc.confidential:
        marks.append("CONFIDENTIAL")
    if doc.draft:
        marks.append("DRAFT")
    for mark in doc.marks:
        key = mark.strip().upper()
        if key in ("DRAFT", "CONFIDENTIAL") or not key or mark in marks:
            continue
        marks.append(mark)
    return tuple(marks)


# --------------------------------------------------------------------------- style specs

CM_INDENT = 1.27  # where paragraph text starts: the paragraph number hangs in front of it


@dataclass(frozen=True)
class _Spec:
    name: str
    base: str | None = "Normal"
    kind: str = "paragraph"  # or "table"
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    colour: str | None = None  # "RRGGBB"
    centre: bool = False
    left: float | None = None  # cm
    first: float | None = None  # cm, negative for a hanging indent
    before: float | None = None  # points
    after: float | None = None  # points
    keep_next: bool | None = None
    tabs: tuple[float, ...] = ()  # cm
    leader_tab: float | None = None  # cm, a tab stop with an underscore leader
    outline: int | None = None  # 0-based outline level (the navigation pane)


def _heading_specs() -> list[_Spec]:
    sizes = {1: 16, 2: 13, 3: 11}
    specs = [
        _Spec(TITLE, size=14, bold=True, centre=True, before=0, after=6, keep_next=True),
    ]
    for n in range(1, 10):
        specs.append(
            _Spec(
                f"Heading {n}",
                size=sizes.get(n, 11),
                bold=True,
                italic=False,
                centre=n <= 3,
                before=6 if n <= 3 else 12,
                after=6,
                keep_next=True,
                outline=n - 1,
            )
        )
    return specs


#: Every style clerk uses, in dependency order (a style's base comes before it).
SPECS: tuple[_Spec, ...] = (
    _Spec("Normal", base=None, size=11),
    *_heading_specs(),
    _Spec(BODY, after=8),
    _Spec(NUMBERED, base=BODY, left=CM_INDENT, first=-CM_INDENT, tabs=(CM_INDENT,)),
    _Spec(BULLET, base=BODY, left=CM_INDENT + 0.63, first=-0.63, after=4),
    _Spec(RESOLVED, base=BODY, keep_next=True, after=6),
    _Spec(RESOLUTION, base=BODY, left=CM_INDENT + 1.0, first=-1.0, tabs=(CM_INDENT + 1.0,)),
    _Spec(SIGNATURE, base=BODY, before=24, leader_tab=10.0),
    _Spec(TABLE_TITLE, base=BODY, bold=True, keep_next=True, before=12, after=6, outline=1),
    _Spec(TABLE_HEADING, base="Normal", bold=True, before=2, after=2),
    _Spec(TABLE_TEXT, base="Normal", before=2, after=2),
    _Spec(HEADER, size=9, after=0),
    _Spec(FOOTER, size=9, after=0, centre=True),
    _Spec(MARK, base=HEADER, size=14, bold=True, colour="808080", centre=True, after=0),
    _Spec(TABLE, base="Normal Table", kind="table"),
)

STYLE_NAMES: tuple[str, ...] = tuple(s.name for s in SPECS)

HOUSE_FONT = "Arial"
_HOUSE_NUMBERING_NSID = "C1E4C0DE"


# --------------------------------------------------------------------------- entry point


def render_docx(
    doc: MinutesDocument,
    path: Path,
    *,
    template: Path | None = None,
    revise: Callable[[DocxDocument, list[tuple[Any, ...]]], None] | None = None,
) -> None:
    """Write `doc` to `path` as a .docx.

    With `template` (a council's .docx or .dotx), its body is cleared and its styles, page
    set-up and theme are used; only the styles it lacks are created. Its headers and footers
    are replaced by clerk's (running header, marks, "Page X of Y").

    `revise`, if given, is called before saving with the python-docx document and, for each
    block of `doc`, the body elements (<w:p>, <w:tbl>) it was written as: the version
    difference marks tracked changes on exactly what this renderer wrote."""
    word, written = build_docx(doc, template=template)
    if revise is not None:
        revise(word, written)
    path = Path(path)
    try:
        create_private(path)  # the minutes may be exempt: their owner's alone (0600)
        word.save(str(path))
    except OSError as exc:
        raise ClerkError(f"cannot write {path}: {exc.strerror or exc}") from exc


def build_docx(
    doc: MinutesDocument, *, template: Path | None = None
) -> tuple[DocxDocument, list[tuple[Any, ...]]]:
    """`doc` as an unsaved python-docx document, and each block's body elements."""
    word = _new_document(template)
    styles = _Styles(word, house=template is None)
    written = _write_body(word, doc, styles)
    _write_header_footer(word, doc, styles)
    _set_properties(word, doc)
    return word, written


# --------------------------------------------------------------------------- the document


def _new_document(template: Path | None) -> DocxDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if template is None:
        word = docx.Document()
        _a4(word)
        return word
    template = Path(template)
    try:
        word = docx.Document(_as_document_stream(template))
    except (OSError, PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ClerkError(f"{template}: not a Word document or template ({exc})") from exc
    _clear_body(word)
    return word


def _as_document_stream(template: Path) -> io.BytesIO:
    """The template as a .docx stream: a .dotx (Word template) differs from a .docx only in
    the main part's content type, which python-docx insists on."""
    data = template.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if b"wordprocessingml.template.main+xml" not in types:
            return io.BytesIO(data)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                blob = source.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(
                        b"wordprocessingml.template.main+xml", b"wordprocessingml.document.main+xml"
                    )
                target.writestr(info, blob)
    out.seek(0)
    return out


def _clear_body(word: DocxDocument) -> None:
    """Remove everything from the template's body but its final section properties."""
    body = word.element.body
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        body.remove(child)


def _a4(word: DocxDocument) -> None:
    from docx.shared import Cm

    for section in word.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.54)
        section.top_margin = section.bottom_margin = Cm(2.54)


def _write_body(word: DocxDocument, doc: MinutesDocument, styles: _Styles) -> list[tuple[Any, ...]]:
    body = word.element.body
    # New elements go in before the body's closing <w:sectPr>, so a block's elements are
    # the slice that grew in front of it.
    tail = 1 if len(body) and body[-1].tag.endswith("}sectPr") else 0
    written: list[tuple[Any, ...]] = []
    for block in doc.blocks:
        start = len(body) - tail
        if isinstance(block, Heading):
            para = _para(word, styles, heading_style(block.level))
            _add_text(para, block.text)
        elif isinstance(block, Paragraph):
            _write_paragraph(word, block, styles)
        elif isinstance(block, Resolved):
            _write_resolved(word, block, styles)
        elif isinstance(block, Table):
            _write_table(word, block, styles)
        elif isinstance(block, SignatureLines):
            for label in block.labels:
                para = _para(word, styles, SIGNATURE)
                _add_text(para, f"{label}\t")
        else:  # pragma: no cover - a new block type must get a renderer
            raise TypeError(f"render_docx cannot write {type(block).__name__}")
        written.append(tuple(body[start : len(body) - tail]))
    return written


def _write_paragraph(word: DocxDocument, block: Paragraph, styles: _Styles) -> None:
    if block.number:
        para = _para(word, styles, NUMBERED)
        _add_text(para, f"{block.number}\t")
    else:
        para = _para(word, styles, BODY)
    _add_runs(para, block.runs)
    for bullet in block.bullets:
        _add_runs(_para(word, styles, BULLET), bullet)


def _write_resolved(word: DocxDocument, block: Resolved, styles: _Styles) -> None:
    resolutions = block.resolutions
    if block.heading:
        if block.number_on_heading and block.number:
            # "3.1<TAB>RESOLVED: That …": the number hangs before the heading itself
            heading = _para(word, styles, NUMBERED)
            _add_text(heading, f"{block.number}\t")
        else:
            heading = _para(word, styles, RESOLVED)
        _add_text(heading, block.heading, bold=True)
        if block.run_in and len(resolutions) == 1:
            label, text = resolutions[0]
            _add_text(heading, " " + " ".join(p for p in (label, text) if p))
            return
    for index, (label, text) in enumerate(resolutions):
        if label:
            para = _para(word, styles, RESOLUTION)
            _add_text(para, f"{label}\t{text}")
        elif block.number and index == 0 and not block.number_on_heading:
            # "3.1<TAB>That the Minutes ... be approved.": a numbered paragraph
            para = _para(word, styles, NUMBERED)
            _add_text(para, f"{block.number}\t{text}")
        else:
            # unlabelled: the text lines up with numbered paragraphs' text
            para = _para(word, styles, NUMBERED)
            _add_text(para, f"\t{text}")


def _write_table(word: DocxDocument, block: Table, styles: _Styles) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    if block.title:
        _add_text(_para(word, styles, TABLE_TITLE), block.title)
    columns = max([len(block.header), *(len(r) for r in block.rows)], default=0)
    if columns == 0:
        return
    header = bool(block.header)
    table = word.add_table(rows=len(block.rows) + header, cols=columns)
    table.style = styles[TABLE]
    rows = [block.header, *block.rows] if header else list(block.rows)
    heading_style_, text_style = styles.id(TABLE_HEADING), styles.id(TABLE_TEXT)
    for r, (values, row) in enumerate(zip(rows, table.rows, strict=True)):
        style = heading_style_ if header and r == 0 else text_style
        for value, cell in zip(values, row.cells, strict=False):
            para = cell.paragraphs[0]
            para._p.style = style
            _add_text(para, value)
        for cell in row.cells[len(values) :]:
            cell.paragraphs[0]._p.style = style
    if header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
    # Column widths by how much each column says (between 15% and 60% of the text width).
    section = word.sections[-1]
    width = (
        (section.page_width or Cm(21)) - (section.left_margin or 0) - (section.right_margin or 0)
    )
    weights = []
    for c in range(columns):
        lengths = [len(values[c]) for values in rows if c < len(values)]
        weights.append(max(1.0, sum(lengths) / max(1, len(lengths))))
    total = sum(weights)
    shares = [min(0.6, max(0.15, w / total)) for w in weights]
    scale = sum(shares)
    for c, column in enumerate(table.columns):
        share = int(width * shares[c] / scale)
        column.width = share
        for cell in column.cells:
            cell.width = share


def _para(container: Any, styles: _Styles, name: str) -> Any:
    """A new paragraph of style `name` at the end of `container` (the body, a header ...).

    The style id is set directly: python-docx's `style=` looks the style up among all the
    document's styles for every paragraph, which was most of the time of a long export."""
    para = container.add_paragraph()
    para._p.style = styles.id(name)
    return para


def _add_runs(para: Any, runs: Inline) -> None:
    after_cr = False  # a CR LF split between two runs is one line end, as in one run
    for run in runs:
        text = run.text[1:] if after_cr and run.text.startswith("\n") else run.text
        if run.text:
            after_cr = run.text.endswith("\r")
        _add_text(para, text, bold=run.bold, italic=run.italic)


def _add_text(para: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    text = xml_safe(text)
    if not text:
        return
    r = para._p.add_r()
    if "\t" in text or "\n" in text:
        from docx.text.run import Run as DocxRun

        DocxRun(r, para).text = text  # tabs and line breaks become <w:tab/>, <w:br/>
    else:
        r.add_t(text)
    if bold or italic:
        from docx.text.run import Run as DocxRun

        run = DocxRun(r, para)
        if bold:
            run.bold = True
        if italic:
            run.italic = True


# --------------------------------------------------------------------------- header, footer


def _write_header_footer(word: DocxDocument, doc: MinutesDocument, styles: _Styles) -> None:
    marks = [xml_safe(m) for m in document_marks(doc)]
    settings = word.settings
    settings.odd_and_even_pages_header_footer = False
    for section in word.sections:
        section.different_first_page_header_footer = False
        header = section.header
        header.is_linked_to_previous = False
        _clear_story(header)
        first = _para(header, styles, HEADER)
        _add_text(first, doc.running_header or doc.title)
        if marks:
            _add_text(_para(header, styles, MARK), "   ".join(marks))
        footer = section.footer
        footer.is_linked_to_previous = False
        _clear_story(footer)
        page = _para(footer, styles, FOOTER)
        page.add_run("Page ")
        _add_field(page, "PAGE")
        page.add_run(" of ")
        _add_field(page, "NUMPAGES")
        if doc.confidential:
            _add_text(_para(footer, styles, MARK), "CONFIDENTIAL")


def _clear_story(story: Any) -> None:
    """Empty a header or footer (python-docx gives a new one a blank paragraph)."""
    element = story._element
    for child in list(element):
        element.remove(child)


def _add_field(para: Any, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES) whose cached result is "1" until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = para.add_run()
    run._r.append(fld_char("begin"))
    run = para.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    run._r.append(instr)
    para.add_run()._r.append(fld_char("separate"))
    para.add_run("1")
    para.add_run()._r.append(fld_char("end"))


def _set_properties(word: DocxDocument, doc: MinutesDocument) -> None:
    from datetime import datetime

    props = word.core_properties
    props.title = xml_safe(doc.title)[:255]
    props.subject = xml_safe(doc.running_header)[:255]
    props.keywords = ", ".join(xml_safe(m) for m in document_marks(doc))[:255]
    props.category = "Minutes"
    props.author = "clerk"
    props.last_modified_by = "clerk"
    props.comments = ""
    props.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now


# --------------------------------------------------------------------------- styles


class _Styles:
    """The document's styles by name, each made once: looked up in the document, created
    from its spec when missing, and given clerk's house look when `house` (no template)."""

    def __init__(self, word: DocxDocument, *, house: bool) -> None:
        self.word = word
        self.house = house
        self._cache: dict[str, Any] = {}
        self._ids: dict[str, str] = {}
        self._specs = {s.name: s for s in SPECS}
        if house:
            _house_defaults(word)

    def __getitem__(self, name: str) -> Any:
        style = self._cache.get(name)
        if style is None:
            style = self._cache[name] = self._make(name)
            self._ids[name] = style.style_id
        return style

    def id(self, name: str) -> str:
        """The style's id (what a paragraph's <w:pStyle> names), making the style if needed."""
        style_id = self._ids.get(name)
        if style_id is None:
            self[name]
            style_id = self._ids[name]
        return style_id

    def _make(self, name: str) -> Any:
        from docx.enum.style import WD_STYLE_TYPE

        spec = self._specs[name]
        styles = self.word.styles
        kind = WD_STYLE_TYPE.TABLE if spec.kind == "table" else WD_STYLE_TYPE.PARAGRAPH
        exists = name in styles
        if exists and not self.house:
            return styles[name]  # the council's own
        if exists:
            style = styles[name]
        else:
            style = styles.add_style(name, kind)
            style.quick_style = kind == WD_STYLE_TYPE.PARAGRAPH
        if spec.base and spec.base != name and not exists:
            base = self[spec.base] if spec.base in self._specs else _find(styles, spec.base)
            if base is not None:
                style.base_style = base
        _apply(style, spec, house=self.house)
        if name == BULLET:
            _attach_bullets(self.word, style)
        if name == TABLE:
            _table_borders(style)
        return style


def _find(styles: Any, name: str) -> Any:
    try:
        return styles[name]
    except KeyError:
        return None


def _house_defaults(word: DocxDocument) -> None:
    """Arial, British English, no theme fonts: the defaults of a document without template."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = word.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    _set_fonts(rpr, HOUSE_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")


def _set_fonts(rpr: Any, font: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), font)


def _apply(style: Any, spec: _Spec, *, house: bool) -> None:
    """Give `style` the spec's formatting (all of it for the house look; for a style created
    in a council template too, since it has none)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    if spec.kind == "table":
        return
    font = style.font
    if house:
        _set_fonts(style.element.get_or_add_rPr(), HOUSE_FONT)
        font.color.rgb = RGBColor.from_string(spec.colour or "000000")
        ppr = style.element.pPr
        if ppr is not None:
            border = ppr.find(qn("w:pBdr"))
            if border is not None:
                ppr.remove(border)
    elif spec.colour:
        font.color.rgb = RGBColor.from_string(spec.colour)
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.caps is not None:
        font.all_caps = spec.caps
    fmt = style.paragraph_format
    if spec.centre:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif house:
        fmt.alignment = None
    if spec.left is not None:
        fmt.left_indent = Cm(spec.left)
    if spec.first is not None:
        fmt.first_line_indent = Cm(spec.first)
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_next is not None:
        fmt.keep_with_next = spec.keep_next
    for position in spec.tabs:
        fmt.tab_stops.add_tab_stop(Cm(position))
    if spec.leader_tab is not None:
        fmt.tab_stops.add_tab_stop(Cm(spec.leader_tab), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
    if spec.outline is not None:
        ppr = style.element.get_or_add_pPr()
        if ppr.find(qn("w:outlineLvl")) is None:
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(spec.outline))
            ppr.insert_element_before(
                level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"
            )


def _table_borders(style: Any) -> None:
    """Single black borders on every edge and between cells, in the table style."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    if style.element.find(qn("w:tblPr")) is not None:
        return
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tbl_pr = parse_xml(
        f"<w:tblPr {nsdecls('w')}><w:tblBorders>{edges}</w:tblBorders>"
        '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    )
    anchor = None
    for tag in ("w:trPr", "w:tcPr", "w:tblStylePr"):
        anchor = style.element.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(tbl_pr)
    else:
        style.element.append(tbl_pr)


def _attach_bullets(word: DocxDocument, style: Any) -> None:
    """Define a one-level bullet list in numbering.xml and make `style` use it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm

    numbering = _numbering_element(word)
    ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(ids, default=-1) + 1
    left = int(Cm(CM_INDENT + 0.63).twips)
    hanging = int(Cm(0.63).twips)
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{_HOUSE_NUMBERING_NSID}"/>'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    existing = numbering.findall(qn("w:abstractNum")) or numbering.findall(qn("w:numPicBullet"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num = numbering.add_num(abstract_id)
    ppr = style.element.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num.numId


def _numbering_element(word: DocxDocument) -> Any:
    """The document's <w:numbering>, creating numbering.xml when the template has none
    (python-docx cannot create that part itself)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.parts.numbering import NumberingPart

    part = word.part
    try:
        # python-docx loads a numbering.xml as a NumberingPart (its content type says so)
        return cast(NumberingPart, part.part_related_by(RT.NUMBERING)).element
    except KeyError:
        pass
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    numbering = NumberingPart(
        PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
    )
    part.relate_to(numbering, RT.NUMBERING)
    return element
