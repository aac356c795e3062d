"""Published minutes as lines: the marks of the PDF's conversion taken off, the words kept.

Unlike the agenda reader's normaliser, nothing in the words is changed: an en dash, a curly
quote or "8:59pm" is what the minutes said, and what reading them back must keep. Taken off
are only the conversion's marks: markdown headings (`#`), bold (`**`, remembered as spans so
the opening sentence's committee and date can be found by them), a leading list dash
(remembered: a dash that is not a paragraph number's is a topic bullet), backslash escapes,
and HTML tags where the file is HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_DASH = re.compile(r"^\s*[-*•]\s+")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#~.)(\-+=!{}])")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|tr|br|table)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of content: its number in the file, its words, and how it was marked."""

    number: int
    text: str
    dashed: bool = False  # began with a list dash ("- 1.1 It was …", "- Residential …")
    indented: bool = False  # began with spaces (the text renderer hangs bullets)
    bold: tuple[str, ...] = ()  # the bold spans, in order


def html_to_text(text: str) -> str:
    """The text of an HTML page, a line per paragraph, heading or list item."""
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", text)
    body = re.sub(r"(?i)<li\b[^>]*>", "\n- ", body)  # a list item is a topic bullet
    body = _BLOCK_TAG.sub("\n", body)
    body = re.sub(r'(?i)<span class="num">(.*?)</span>', r"\1 ", body)
    return html.unescape(_TAG.sub("", body))


def read_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` (markdown or plain), numbered as in the file."""
    out: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        indented = raw[:1] in (" ", "\t")
        line = _HEADING_MARK.sub("", raw.rstrip())
        # "\_\_\_" is the signature rule; a literal "\" elsewhere is rare in minutes
        line = line.replace("\\_", "_")
        bold = tuple(_unescape(b).strip() for b in _BOLD.findall(line))
        line = line.replace("**", "")
        dashed = bool(_DASH.match(line))
        if dashed:
            line = _DASH.sub("", line, count=1)
        line = _unescape(line).strip()
        if line:
            out.append(Line(number, line, dashed=dashed, indented=indented, bold=bold))
    return out


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)
