"""The Minutes document: a format-neutral tree of what the minutes say.

`compose` builds it from a meeting record and is the only place that decides wording.
Renderers (text, markdown, HTML, .docx) walk it and know nothing of meetings; the chair's
review screen shows the same tree, so what the chair reads is exactly what gets exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Run, ...]


def plain(text: str) -> Inline:
    return (Run(text),)


def inline_text(runs: Inline) -> str:
    return "".join(r.text for r in runs)


@dataclass(frozen=True)
class Heading:
    """A heading. Level 1: the council; 2: "MINUTES"; 3: the committee; 4: "MINUTES OF
    PROCEEDINGS"; 5: an item heading such as "4. CABINET MEMBER UPDATE"."""

    text: str
    level: int


#: The source of the lines after the signatures that say the minutes' status ("Approved by
#: the Chairman on …"): written from the meeting's status, not from a row of the record.
STATUS = "status"


@dataclass(frozen=True)
class Paragraph:
    """Body text, optionally numbered ("4.1") with topic bullets that sit inside it.

    `source` names what in the meeting's record the paragraph was written from, as
    "table:id" ("paragraphs:…", "declarations:…", "votes:…", "attendance:…") or a word for
    what is generated from several rows ("membership"); renderers ignore it, the screens use
    it to tie what they show to what can be edited."""

    runs: Inline
    number: str = ""
    bullets: tuple[Inline, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Resolved:
    """A RESOLVED block. `number` is set when the resolution is the item's only content
    ("3.1 That the Minutes … be approved."). Each resolution carries its label ("1)",
    "(1)" or "" for a single one) and its text, punctuation included."""

    resolutions: tuple[tuple[str, str], ...]
    heading: str = "RESOLVED:"
    number: str = ""
    # Styles that hoist "That" ("3.1 RESOLVED: That" / "(1) The Minutes … be approved; and"):
    # the number prefixes the heading line rather than the first resolution, and a single
    # resolution runs on after the heading on the same line ("3.1 RESOLVED: That the …").
    number_on_heading: bool = False
    run_in: bool = False
    sources: tuple[str, ...] = ()  # for each resolution, as Paragraph.source


@dataclass(frozen=True)
class Table:
    """A simple table (the action tracker, a recorded vote)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""


@dataclass(frozen=True)
class SignatureLines:
    """The closing lines the chair signs: ("CHAIRMAN:", "DATE:")."""

    labels: tuple[str, ...]


Block = Heading | Paragraph | Resolved | Table | SignatureLines


@dataclass(frozen=True)
class MinutesDocument:
    blocks: tuple[Block, ...]
    title: str  # for the window title, file properties: "Family and People ... 17 October 2019"
    running_header: str = ""  # committee and date, for the Word header/footer
    draft: bool = True  # marked DRAFT until the chair approves
    confidential: bool = False  # the exempt (Part 2) minutes
    marks: tuple[str, ...] = field(default_factory=tuple)  # e.g. ("DRAFT", "CONFIDENTIAL")
