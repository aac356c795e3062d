"""Shared helpers for the .docx tests: sample documents built by hand, reading a .docx back,
the council template fixture, and LibreOffice headless.

Renderers know nothing of meetings, so the sample Minutes documents are written out here
block by block (after the 17 October 2019 minutes, HOUSE_STYLE §2), not composed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from clerk.minutes.document import (
    Block,
    Heading,
    MinutesDocument,
    Paragraph,
    Resolved,
    Run,
    SignatureLines,
    Table,
    plain,
)
from clerk.minutes.render_docx import xml_safe

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COUNCIL_TEMPLATE = FIXTURES / "council_template.docx"

# What the council template makes distinctive, asserted to survive into the output.
TEMPLATE_HEADING_FONT = "Georgia"
TEMPLATE_HEADING_COLOUR = "7030A0"
TEMPLATE_BODY_FONT = "Verdana"
TEMPLATE_BODY_COLOUR = "1F3864"
TEMPLATE_PLACEHOLDER = "Replace this text with the minutes"

COMMITTEE = "Family and People Services Policy & Scrutiny Committee"


# --------------------------------------------------------------------------- sample documents


def minutes_blocks() -> tuple[Block, ...]:
    return (
        Heading("CITY OF WESTMINSTER", 1),
        Heading("MINUTES", 2),
        Heading(COMMITTEE, 3),
        Heading("MINUTES OF PROCEEDINGS", 4),
        Paragraph(
            (
                Run("Minutes of a meeting of the "),
                Run(COMMITTEE, bold=True),
                Run(" held on "),
                Run("Thursday 17 October 2019", bold=True),
                Run(" in Rooms 18.01 and 18.02, 18th Floor, 64 Victoria Street, London SW1E 6QP."),
            )
        ),
        Paragraph(
            (
                Run("Members Present:", bold=True),
                Run(
                    " Councillors Jonathan Glanz (Chairman), Margot Bright, Nafsika "
                    "Butler-Thalassis, Peter Freeman, Patricia McAllister, Matt Noble and "
                    "Selina Short"
                ),
            )
        ),
        Paragraph((Run("Also present:", bold=True), Run(" Councillor Heather Acton."))),
        Heading("1. MEMBERSHIP", 5),
        Paragraph(
            plain(
                "It was noted that Cllr Carmen had stepped down for the Committee and would "
                "be replaced by Cllr Noble for this meeting."
            ),
            number="1.1",
        ),
        Heading("2. DECLARATIONS OF INTEREST", 5),
        Paragraph(plain("There were no declarations of interest."), number="2.1"),
        Heading("3. MINUTES", 5),
        Resolved(
            (
                (
                    "",
                    "That the Minutes of the Family and People Services Policy and Scrutiny "
                    "Committee meeting held on 17 June 2019 be approved.",
                ),
            ),
            number="3.1",
        ),
        Heading("4. CABINET MEMBER UPDATE", 5),
        Paragraph(
            plain("The Committee received the update and held detailed discussions:"),
            number="4.1",
            bullets=(
                plain(
                    "Residential and Nursing Care – It was anticipated that Beachcroft "
                    "House would open in Summer 2020."
                ),
                (
                    Run("Better Care Fund (BCF) Submission", italic=True),
                    Run(" – Westminster had submitted its BCF plans for 2019/20."),
                ),
            ),
        ),
        Paragraph(
            plain("The Committee also discussed Meals on Wheels and Youth Services."),
            number="4.2",
        ),
        Heading("5. IMMUNISATION PROGRAMMES IN WESTMINSTER", 5),
        Paragraph(
            plain("Catherine Heffernan (Principal Advisor) introduced the report."),
            number="5.1",
        ),
        Resolved(
            (
                ("1)", "That NHS England be requested to explore an e-consent service;"),
                ("2)", "That all groups be encouraged to promote immunisation uptake; and"),
                ("3)", "That potential mechanisms be explored."),
            )
        ),
        Paragraph(plain("The Meeting ended at 8.59 pm.")),
        SignatureLines(("CHAIRMAN:", "DATE:")),
    )


def minutes_document(*, draft: bool = True, confidential: bool = False) -> MinutesDocument:
    return MinutesDocument(
        blocks=minutes_blocks(),
        title=f"{COMMITTEE} 17 October 2019",
        running_header=f"{COMMITTEE} – 17 October 2019",
        draft=draft,
        confidential=confidential,
    )


def exempt_minutes_document() -> MinutesDocument:
    blocks: tuple[Block, ...] = (
        Heading("CITY OF WESTMINSTER", 1),
        Heading("CONFIDENTIAL MINUTES", 2),
        Heading(COMMITTEE, 3),
        Heading("10. LAND AT 64 VICTORIA STREET (EXEMPT)", 5),
        Paragraph(
            plain("The Committee considered the confidential valuation of the site."),
            number="10.1",
        ),
        Resolved((("", "That the recommendation in the confidential report be agreed."),)),
        SignatureLines(("CHAIRMAN:", "DATE:")),
    )
    return MinutesDocument(
        blocks=blocks,
        title=f"{COMMITTEE} 17 October 2019 (exempt)",
        running_header=f"{COMMITTEE} – 17 October 2019",
        draft=True,
        confidential=True,
    )


def table_document() -> MinutesDocument:
    return MinutesDocument(
        blocks=(
            Heading("Action Tracker", 2),
            Table(
                header=("Agenda Item", "Action", "Update"),
                rows=(
                    ("Item 4: Cabinet Member Update", "Circulate the Ofsted report.", "Completed"),
                    ("", "Report on homelessness.", "In progress"),
                ),
                title="ROUND TWO 17 OCTOBER 2019",
            ),
        ),
        title="Action Tracker",
        draft=False,
    )


# --------------------------------------------------------------------------- any text at all

AWKWARD = st.sampled_from(
    ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\r", "\r\n", "\t", "\n", "\ufffe", "\uffff",
     "\ud800", "\udfff", "\u2028", "\u200f", "\x7f", "\x85", "&", "<", "]]>", "'", '"',
     "D’Souza", "🙂", "ﷺ", "\u0301"]
)  # fmt: skip
ANY_TEXT = st.lists(st.one_of(st.characters(exclude_categories=()), AWKWARD), max_size=30).map(
    "".join
)


@st.composite
def any_documents(draw: st.DrawFn) -> MinutesDocument:
    runs = st.lists(
        st.builds(Run, ANY_TEXT, st.booleans(), st.booleans()), min_size=1, max_size=4
    ).map(tuple)
    blocks = [
        Heading(draw(ANY_TEXT), draw(st.integers(1, 6))),
        Paragraph(
            draw(runs), number=draw(ANY_TEXT), bullets=tuple(draw(st.lists(runs, max_size=2)))
        ),
        Resolved(
            tuple(draw(st.lists(st.tuples(ANY_TEXT, ANY_TEXT), min_size=1, max_size=3))),
            heading=draw(ANY_TEXT),
            number=draw(ANY_TEXT),
        ),
        Table(
            header=tuple(draw(st.lists(ANY_TEXT, max_size=3))),
            rows=tuple(draw(st.lists(st.lists(ANY_TEXT, max_size=3).map(tuple), max_size=2))),
            title=draw(ANY_TEXT),
        ),
        SignatureLines(tuple(draw(st.lists(ANY_TEXT, max_size=2)))),
    ]
    return MinutesDocument(
        blocks=tuple(draw(st.permutations(blocks))),
        title=draw(ANY_TEXT),
        running_header=draw(ANY_TEXT),
        draft=draw(st.booleans()),
        confidential=draw(st.booleans()),
        marks=tuple(draw(st.lists(ANY_TEXT, max_size=2))),
    )


# --------------------------------------------------------------------------- expected text


@dataclass(frozen=True)
class Line:
    """A body paragraph as read back: its style name and text."""

    style: str
    text: str


def expected_lines(doc: MinutesDocument) -> list[str]:
    """The body paragraph texts render_docx should produce, in order (table cells included,
    row by row), after control characters are stripped."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(xml_safe(block.text))
        elif isinstance(block, Paragraph):
            number = f"{block.number}\t" if block.number else ""
            out.append(xml_safe(number + "".join(r.text for r in block.runs)))
            out.extend(xml_safe("".join(r.text for r in b)) for b in block.bullets)
        elif isinstance(block, Resolved):
            if block.heading:
                out.append(xml_safe(block.heading))
            for index, (label, text) in enumerate(block.resolutions):
                if label:
                    out.append(xml_safe(f"{label}\t{text}"))
                elif block.number and index == 0:
                    out.append(xml_safe(f"{block.number}\t{text}"))
                else:
                    out.append(xml_safe(f"\t{text}"))
        elif isinstance(block, Table):
            if block.title:
                out.append(xml_safe(block.title))
            width = max([len(block.header), *(len(r) for r in block.rows)], default=0)
            for row in ([block.header] if block.header else []) + list(block.rows):
                cells = [*row, *[""] * (width - len(row))]
                out.extend(xml_safe(c) for c in cells)
        elif isinstance(block, SignatureLines):
            out.extend(xml_safe(f"{label}\t") for label in block.labels)
    return out


# --------------------------------------------------------------------------- reading back


def open_docx(path: Path) -> Any:
    import docx

    return docx.Document(str(path))


def body_lines(word: Any) -> list[Line]:
    """Every paragraph of the body in document order, table cells row by row."""
    from docx.oxml.ns import qn
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    out: list[Line] = []
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            para = DocxParagraph(child, word)
            out.append(Line(para.style.name, para.text))
        elif child.tag == qn("w:tbl"):
            for row in DocxTable(child, word).rows:
                for cell in row.cells:
                    for para in cell.paragraphs:
                        out.append(Line(para.style.name, para.text))
    return out


def story_xml(story: Any) -> str:
    """The XML of a header or footer."""
    return story._element.xml


def story_text(story: Any) -> str:
    return "\n".join(p.text for p in story.paragraphs)


def instr_texts(story: Any) -> list[str]:
    """The field instructions (PAGE, NUMPAGES ...) in a header or footer."""
    from docx.oxml.ns import qn

    element = story._element
    out = [" ".join((e.text or "").split()) for e in element.iter(qn("w:instrText"))]
    out += [" ".join(e.get(qn("w:instr"), "").split()) for e in element.iter(qn("w:fldSimple"))]
    return out


def style_font(word: Any, name: str) -> tuple[str | None, str | None]:
    """The (font name, RGB colour) a style defines itself."""
    style = word.styles[name]
    colour = style.font.color.rgb if style.font.color and style.font.color.type else None
    return style.font.name, str(colour) if colour is not None else None


# --------------------------------------------------------------------------- the template


def build_council_template(path: Path) -> Path:
    """A council's Word template, as python-docx would let a council make one: distinctive
    fonts and colours in "Normal", "Body Text" and "Heading 4", no "Title" style (clerk must
    create it), placeholder body text and a header of its own (both replaced)."""
    import docx
    from docx.shared import Cm, Pt, RGBColor

    word = docx.Document()
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = TEMPLATE_BODY_FONT
    normal.font.size = Pt(10)
    body = styles["Body Text"]
    body.font.name = TEMPLATE_BODY_FONT
    body.font.color.rgb = RGBColor.from_string(TEMPLATE_BODY_COLOUR)
    heading = styles["Heading 4"]
    heading.font.name = TEMPLATE_HEADING_FONT
    heading.font.color.rgb = RGBColor.from_string(TEMPLATE_HEADING_COLOUR)
    heading.font.size = Pt(12)
    heading.font.italic = False
    styles["Title"].delete()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.header.paragraphs[0].text = "Council logo placeholder"
    word.add_paragraph(TEMPLATE_PLACEHOLDER, style="Body Text")
    word.add_paragraph("Second placeholder", style="Heading 4")
    word.core_properties.title = "Council minutes template"
    word.core_properties.author = "Committee Services"
    path.parent.mkdir(parents=True, exist_ok=True)
    word.save(str(path))
    return path


def council_template() -> Path:
    """The committed fixture (regenerated if deleted)."""
    if not COUNCIL_TEMPLATE.exists():
        build_council_template(COUNCIL_TEMPLATE)
    return COUNCIL_TEMPLATE


# --------------------------------------------------------------------------- LibreOffice


class LibreOffice:
    """`soffice --headless` with a private profile, so concurrent runs do not collide."""

    def __init__(self, profile: Path, timeout: float = 120) -> None:
        self.binary = shutil.which("soffice") or shutil.which("libreoffice")
        self.profile = profile
        self.timeout = timeout

    def convert(self, files: list[Path], fmt: str, outdir: Path) -> list[Path]:
        """Convert `files` in one soffice run; `fmt` is "pdf" or "txt". Returns the outputs."""
        if self.binary is None:
            raise RuntimeError(
                "soffice is not installed (apt-get install libreoffice-writer-nogui)"
            )
        outdir.mkdir(parents=True, exist_ok=True)
        target = "txt:Text (encoded):UTF8" if fmt == "txt" else fmt
        env = {**os.environ, "HOME": str(self.profile.parent), "SAL_USE_VCLPLUGIN": "svp"}
        result = subprocess.run(
            [
                self.binary,
                f"-env:UserInstallation={self.profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            timeout=self.timeout,
            env=env,
            check=False,
        )
        outputs = [outdir / f"{Path(f).stem}.{fmt}" for f in files]
        missing = [p for p in outputs if not p.exists()]
        if result.returncode != 0 or missing:
            raise AssertionError(
                f"soffice failed (exit {result.returncode}); missing {missing}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}"
            )
        return outputs


def pdf_pages(pdf: Path) -> int:
    """How many pages a PDF has (counting page objects; good enough for LibreOffice's PDFs)."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
