"""The minutes as the chair reads them: every passage of the Minutes document the Word export
renders, each with its reference in a left gutter, a cursor moving passage by passage.

The lines come from `clerk.minutes.references.passages` (the references amendment requests
and the chair's Word copy use) over the very document `compose_minutes` builds; lines the
chair cannot ask to change on their own (the DRAFT mark, a RESOLVED heading) are shown, and
the cursor steps over them. A mark in the gutter says a passage has open amendment requests.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets.option_list import Option

from clerk.minutes.document import Inline, MinutesDocument, Paragraph, Resolved
from clerk.minutes.references import Passage, PassageKind, passages
from clerk.tui.keyed_help import KeyedHelp
from clerk.tui.widgets.live import SteadyOptionList

GUTTER = 16  # columns for the reference ("5 RESOLVED (2)", "attendance 3")
OPEN_MARK = "●"  # beside a passage with open amendment requests

_BOLD = {PassageKind.HEADING, PassageKind.ITEM_TITLE}


@dataclass(frozen=True)
class Line:
    """One line of the view: a passage, or text shown that is not one (passage is None)."""

    text: str
    passage: Passage | None = None
    note: str = ""  # for a line that is not a passage: "RESOLVED:", "DRAFT"
    # the paragraph's runs when the style makes part of it bold (a name, "RESOLVED"): the
    # view shows that part bold, as the Word export does; () for text of one emphasis
    runs: Inline = ()


def minutes_lines(document: MinutesDocument) -> list[Line]:
    """The document's passages in reading order, with the RESOLVED headings and the marks
    (DRAFT, CONFIDENTIAL) between them as the export prints them."""
    lines = [Line(mark, note="mark") for mark in document.marks]
    for passage in passages(document):
        block = document.blocks[passage.block]
        if isinstance(block, Resolved) and passage.part == 0:
            heading = block.heading
            if block.number_on_heading:
                heading = f"{block.number} {heading}"
            lines.append(Line(heading, note="resolved"))
        text = passage.text
        runs: Inline = ()
        if isinstance(block, Resolved):
            label = block.resolutions[passage.part][0]
            if label:
                text = f"{label} {text}"
        elif isinstance(block, Paragraph) and any(r.bold for r in block.runs):
            runs = block.runs
        lines.append(Line(text, passage, runs=runs))
    return lines


def _styled(line: Line) -> Text:
    """The line's words with the bold its runs give (the text after the runs, a paragraph's
    bullets, plain)."""
    text = Text()
    for run in line.runs:
        text.append(run.text, style="bold" if run.bold else ("italic" if run.italic else ""))
    return text.append(line.text[len(text.plain) :])


def _wrap(text: Text, width: int) -> list[Text]:
    """`text` wrapped to `width` as textwrap wraps its words, each line keeping its styles."""
    out: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        plain = "".join(" " if ch.isspace() else ch for ch in paragraph.plain)
        wrapped = textwrap.wrap(plain, width, expand_tabs=False) or [""]
        pos = 0
        for part in wrapped:
            found = plain.find(part, pos)
            start = found if found >= 0 else pos
            out.append(paragraph[start : start + len(part)])
            pos = start + len(part)
    return out


def _prompt(line: Line, open_count: int, width: int) -> Text:
    """The line as one Text: the reference and the mark in the gutter, the words wrapped to
    `width` beside it with a hanging indent. Wrapped here, once per width, rather than laid
    out as a Rich table: OptionList measures every option's height, several times as the
    screen opens, and a table per passage made a 300-paragraph meeting take seconds."""
    body_width = max(20, width - GUTTER - 3)
    indent = " " * (GUTTER + 3)
    passage = line.passage
    if passage is None:
        style = "bold reverse" if line.note == "mark" else "bold"
        return Text(indent) + Text(line.text, style=style)
    if line.runs:
        styled = _wrap(_styled(line), body_width)
    else:
        styled = [
            Text(part)
            for paragraph in line.text.split("\n")
            for part in (textwrap.wrap(paragraph, body_width) or [""])
        ]
    reference = passage.reference
    if len(reference) > GUTTER:
        reference = reference[: GUTTER - 1] + "…"
    text = Text(f"{reference:<{GUTTER}} ", style="dim")
    text.append(OPEN_MARK if open_count else " ", style="bold yellow")
    text.append(" ")
    if passage.kind in _BOLD:
        for part in styled:
            part.stylize("bold")
    text.append_text(styled[0])
    for part in styled[1:]:
        text.append("\n" + indent)
        text.append_text(part)
    return text


class MinutesView(KeyedHelp, SteadyOptionList):
    """The minutes, passage by passage; the highlighted passage is the one the keys act on."""

    # the rest of the screen's height: never measured from the passages (OptionList's own
    # height is auto, which measures every option again at each layout)
    DEFAULT_CSS = """
    MinutesView, MinutesView:focus {
        height: 1fr; max-height: 100%; border: none; padding: 0 1; scrollbar-gutter: stable;
    }
    """

    _drawn_width: int | None = None  # the width the passages were last wrapped to

    HELP_TEMPLATE = """\
## The minutes
The minutes exactly as the Word export writes them, each passage with its reference in the
gutter (4.3, 5 RESOLVED (2), attendance 1); ● marks a passage with open requests.
Up and down move passage by passage; **{key:go_to_passage}** goes to a passage by its
reference. **{key:request_amendment}** asks for a change to the highlighted passage;
**{key:list_requests}** lists the requests (accept, decline); **{key:send_to_chair}** freezes
a version and sends the draft to the chair; **{key:approve}** approves the minutes;
**{key:reopen}** reopens approved minutes; **{key:versions}** compares versions;
**{key:journal}** shows who changed what; **{key:acting_as}** says who is acting (the chair,
or the clerk for the chair).
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.request_amendment", "Request", id="review_enter", show=False),
    ]

    lines: list[Line]

    def on_mount(self) -> None:
        if not hasattr(self, "lines"):
            self.lines = []

    def show(self, document: MinutesDocument, open_counts: dict[str, int]) -> None:
        """Show `document`, with the open requests' marks; the cursor stays on the passage
        it was on (by reference), or as near as the new document allows."""
        keep = self.highlighted_passage()
        old = getattr(self, "lines", [])
        at = self.highlighted
        self.lines = minutes_lines(document)
        self.open_counts = dict(open_counts)
        if self.scrollable_content_region.width <= 0:
            # not laid out yet: drawn at its width when it is (the first Resize), not twice
            self._drawn_width = None
            return
        self._draw()
        if keep is not None:
            self.highlight_reference(keep.reference) or self._near(at)
        elif old or at is not None:
            self._near(at)
        else:
            self.highlight_first()

    def _width(self) -> int:
        width = self.scrollable_content_region.width
        if width <= 0:  # not laid out yet: the screen's width, less the scrollbar
            width = self.app.size.width - 2
        return width

    def _draw(self) -> None:
        width = self._width()
        self._drawn_width = width
        counts = self.open_counts
        self.set_options(
            [
                Option(
                    _prompt(line, counts.get(line.passage.reference, 0) if line.passage else 0,
                            width),
                    id=f"line:{index}",
                    disabled=line.passage is None,
                )
                for index, line in enumerate(self.lines)
            ]
        )  # fmt: skip

    # OptionList's handler takes no event; Textual hands the event to a handler that takes one
    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        super()._on_resize(event)
        if self.lines and self._width() != self._drawn_width:
            first = self._drawn_width is None
            keep = self.highlighted
            self._draw()
            if first or keep is None:
                self.highlight_first()
            else:
                self.highlighted = keep

    def _near(self, at: int | None) -> bool:
        if at is None or not self.lines:
            return self.highlight_first()
        at = min(at, len(self.lines) - 1)
        for index in [*range(at, len(self.lines)), *range(at, -1, -1)]:
            if self.lines[index].passage is not None:
                self.highlighted = index
                return True
        return False

    def highlight_first(self) -> bool:
        return self._near_first()

    def _near_first(self) -> bool:
        for index, line in enumerate(self.lines):
            if line.passage is not None:
                self.highlighted = index
                return True
        return False

    def highlight_reference(self, reference: str) -> bool:
        wanted = reference.casefold()
        for index, line in enumerate(self.lines):
            if line.passage is not None and line.passage.reference.casefold() == wanted:
                self.highlighted = index
                return True
        return False

    def highlighted_passage(self) -> Passage | None:
        lines = getattr(self, "lines", [])
        if self.highlighted is None or self.highlighted >= len(lines):
            return None
        return lines[self.highlighted].passage

    def marked(self) -> list[str]:
        """The references shown with the open-requests mark, in reading order."""
        counts = getattr(self, "open_counts", {})
        return [
            line.passage.reference
            for line in self.lines
            if line.passage is not None and counts.get(line.passage.reference)
        ]

    def text(self) -> str:
        """What the view shows, a line a passage, reference first (for tests and the
        benchmark to read)."""
        return "\n".join(
            f"{line.passage.reference if line.passage else '':<{GUTTER}} {line.text}"
            for line in self.lines
        )
