"""Turn an agenda pack converted from PDF (text, markdown, HTML fragments) into plain lines.

The converters disagree about everything but the words, so the agenda importer reads what this
module gives it: one `Line` per line of content, each carrying the line number it came from in
the file, with

- Unicode dashes, quotes and spaces made plain (`–` -> `-`, `’` -> `'`, NBSP -> space);
- HTML entities decoded and tags removed (`<b>`, `<sup>rd</sup>`, `<span ...>`), with `<p>` and
  `<br>` starting a new line;
- markdown marks removed (`#` headings, `**bold**`, `*italic*`, list dashes, `> ` quotes,
  `[text](url)` links, `\\_` escapes);
- a bold span wrapped over two lines joined into one line (`**(Pages 91 -` / `100)**`);
- markdown pipe-table rows turned into TAB-separated cells (a cell with several paragraphs gives
  its first paragraph in the row and the others as lines after it);
- runs of three or more spaces inside a line read as a column break (TAB).

Nothing here knows what an agenda is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_CHARS = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",  # soft hyphen
        "\f": "",
        "\v": "",
        "\u2026": "...",
        "\u2022": "-",  # bullet, read as a list dash
        "\u25cf": "-",
        "\u25aa": "-",
    }
)

_PARA_BREAK = re.compile(r"<\s*br\s*/?\s*>|</\s*p\s*>|<\s*p(?:\s[^>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>&])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_CLOSE = re.compile(r"(?<!\s)\s+#+\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s*)+")
_LIST_MARK = re.compile(r"^\s*[-*+](?:\s+|$)")
_ITALIC = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
_SPACES = re.compile(r" {2,}")
_WIDE_GAP = re.compile(r" {3,}")
_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
_PLACEHOLDER = "\x00{}\x00"
# Every pattern here does work linear in the line's length, whatever the line: none has two
# unbounded repeats that can share characters where a match can fail (`\s*\|?\s*` is written
# `\s*(?:\|\s*)?`), and none searched for can restart inside the run it scanned (a link's text
# stops at the next `[`; a trailing `#` run needs a non-space before its spaces). A search that
# could restart at each of n positions and scan to the end each time takes n² steps: a 16,000-tab
# line took 3.8 s (issue 12). Lines are capped too (clerk.importers.MAX_LINE_CHARS).


@dataclass(frozen=True)
class Line:
    """One line of content and the line of the file it came from (1-based)."""

    no: int
    text: str

    @property
    def cells(self) -> list[str]:
        """The TAB-separated cells of the line, empty cells dropped."""
        return [c.strip() for c in self.text.split("\t") if c.strip()]


def plain_chars(text: str) -> str:
    """Unicode dashes, quotes and odd spaces made plain; line ends made `\\n`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CHARS)


def clean_inline(fragment: str, *, narrow_gaps: bool = False) -> str:
    """One fragment of a line with its markdown and HTML marks removed and spaces tidied.

    TABs are kept (they are column breaks); a run of three or more spaces becomes a TAB, or of
    two or more with `narrow_gaps` (asked for where names may be set apart by two spaces: a
    double space inside prose is a typing habit, not a column).
    """
    escapes: list[str] = []

    def protect(match: re.Match[str]) -> str:
        escapes.append(match.group(1))
        return _PLACEHOLDER.format(len(escapes) - 1)

    s = _ESCAPE.sub(protect, fragment)
    s = _COMMENT.sub("", s)
    s = _IMAGE.sub("", s)
    s = _LINK.sub(r"\1", s)
    s = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), s)
    s = _TAG.sub("", s)
    s = html.unescape(s).translate(_CHARS)
    s = _QUOTE.sub("", s)
    s = _HEADING.sub("", s)
    s = _HEADING_CLOSE.sub("", s)
    s = s.replace("**", "").replace("__", "")
    s = _LIST_MARK.sub("", s)
    s = _ITALIC.sub(r"\1", s)
    s = re.sub(r"\x00(\d+)\x00", lambda m: escapes[int(m.group(1))], s)
    s = (_SPACES if narrow_gaps else _WIDE_GAP).sub("\t", s.strip(" "))
    s = _SPACES.sub(" ", s)
    s = re.sub(r" *\t[ \t]*", "\t", s)
    return s.strip(" \t")


def _bold_marks(raw: str) -> int:
    return len(re.findall(r"(?<!\\)\*\*", raw))


def _join_wrapped_bold(raw_lines: list[str]) -> list[tuple[int, str]]:
    """Join a bold span that opens on one line and closes on the next (one blank line allowed)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(raw_lines):
        text = raw_lines[i]
        if _bold_marks(text) % 2 == 1 and not _is_table_row(text):
            j = i + 1
            pieces = [text.rstrip()]
            closed = False
            while j < len(raw_lines) and j <= i + 3:
                nxt = raw_lines[j]
                if not nxt.strip():
                    if j == i + 1 or not raw_lines[j - 1].strip():
                        j += 1
                        continue
                    break
                pieces.append(nxt.strip())
                if _bold_marks(nxt) % 2 == 1:
                    closed = True
                    break
                j += 1
            if closed:
                out.append((i + 1, " ".join(pieces)))
                i = j + 1
                continue
        out.append((i + 1, text))
        i += 1
    return out


def _is_table_row(raw: str) -> bool:
    s = raw.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _split_cells(row: str) -> list[str]:
    s = row.strip()[1:-1]
    cells: list[str] = []
    current = []
    escaped = False
    for ch in s:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            current.append(ch)
            escaped = True
        elif ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
    cells.append("".join(current))
    return [c.replace("\\|", "|") for c in cells]


def _paragraphs(fragment: str) -> list[str]:
    """The paragraphs of a fragment split at `<p>` and `<br>`, each cleaned, empty ones dropped."""
    parts = (clean_inline(p) for p in _PARA_BREAK.split(fragment))
    return [p for p in parts if p]


def normalise(text: str) -> list[Line]:
    """The content lines of `text`, each numbered by the line of the file it starts on.

    Blank lines are kept (as empty text) because they separate paragraphs; `<p>` and `<br>`
    inside a line give several lines with the same number.
    """
    raw_lines = plain_chars(text).split("\n")
    lines: list[Line] = []
    for no, raw in _join_wrapped_bold(raw_lines):
        if _TABLE_RULE.match(raw) and "-" in raw and ("|" in raw or raw.strip().startswith("--")):
            lines.append(Line(no, ""))
            continue
        if _is_table_row(raw):
            cells = [_paragraphs(c) for c in _split_cells(raw)]
            first = "\t".join(c[0] for c in cells if c)
            lines.append(Line(no, first))
            for cell in cells:
                lines.extend(Line(no, extra) for extra in cell[1:])
            continue
        paragraphs = _paragraphs(raw)
        if not paragraphs:
            lines.append(Line(no, ""))
        else:
            lines.extend(Line(no, p) for p in paragraphs)
    return lines
