"""Render a Minutes document as plain text, markdown or a standalone HTML page.

The renderers walk the document tree and know nothing of meetings: every word and number
comes from the document (compose decided them).
"""

from __future__ import annotations

import html
import re
import textwrap

from clerk.minutes.document import (
    Block,
    Heading,
    Inline,
    MinutesDocument,
    Paragraph,
    Resolved,
    SignatureLines,
    Table,
    inline_text,
)

SIGNATURE_RULE = "_" * 30


def _resolved_lines(block: Resolved) -> list[tuple[str, str]]:
    """(prefix, text) lines of a RESOLVED block; the heading line has text "" unless run in."""
    lines: list[tuple[str, str]] = []
    heading_prefix = block.number if block.number_on_heading else ""
    if block.run_in and len(block.resolutions) == 1:
        label, text = block.resolutions[0]
        lead = " ".join(p for p in (heading_prefix, block.heading) if p)
        return [(lead, " ".join(p for p in (label, text) if p))]
    lines.append((heading_prefix, block.heading))
    for i, (label, text) in enumerate(block.resolutions):
        number = block.number if (i == 0 and not block.number_on_heading) else ""
        lines.append((" ".join(p for p in (number, label) if p), text))
    return lines


# --------------------------------------------------------------------------- plain text


def render_text(document: MinutesDocument, width: int | None = None) -> str:
    """Plain text, one block a line (or wrapped to `width`, numbers hanging), blank lines
    between blocks."""
    chunks: list[str] = []
    if document.marks:
        chunks.append(" – ".join(document.marks))
    for block in document.blocks:
        chunks.append(_text_block(block, width))
    return "\n\n".join(chunks) + "\n"


def _wrap(prefix: str, text: str, width: int | None, indent: str = "") -> str:
    first = f"{indent}{prefix} {text}" if prefix else f"{indent}{text}"
    if width is None:
        return first
    hang = indent + " " * (len(prefix) + 1 if prefix else 0)
    return (
        "\n".join(textwrap.wrap(first, width=width, subsequent_indent=hang, break_on_hyphens=False))
        or first
    )


def _text_block(block: Block, width: int | None) -> str:
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph):
        lines = [_wrap(block.number, inline_text(block.runs), width)]
        indent = " " * (len(block.number) + 1) if block.number else ""
        lines += [_wrap("-", inline_text(b), width, indent) for b in block.bullets]
        return "\n".join(lines)
    if isinstance(block, Resolved):
        return "\n".join(
            _wrap(prefix, text, width) if text else prefix
            for prefix, text in _resolved_lines(block)
        )
    if isinstance(block, Table):
        return _text_table(block)
    if isinstance(block, SignatureLines):
        return "\n\n".join(f"{label} {SIGNATURE_RULE}" for label in block.labels)
    raise TypeError(f"unknown block {block!r}")


def _text_table(table: Table) -> str:
    rows = [table.header, *table.rows]
    ncols = max((len(r) for r in rows), default=0)
    rows = [tuple(r) + ("",) * (ncols - len(r)) for r in rows]
    widths = [max(len(r[c]) for r in rows) for c in range(ncols)]
    lines = [table.title] if table.title else []
    for n, row in enumerate(rows):
        lines.append(" | ".join(cell.ljust(widths[c]) for c, cell in enumerate(row)).rstrip())
        if n == 0 and table.header:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_LIST_START = re.compile(r"^(\s*)(\d+)([.)])(\s)")
_MD_BULLET_START = re.compile(r"^(\s*)([-+=])")


def md_escape(text: str) -> str:
    """Escape text so markdown shows it literally (and never as a list or heading)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LIST_START.sub(r"\1\2\\\3\4", text)
    text = _MD_BULLET_START.sub(r"\1\\\2", text)
    return text.replace("\n", " ")


def _md_inline(runs: Inline) -> str:
    out = []
    for run in runs:
        text = md_escape(run.text)
        stripped = text.strip()
        if (run.bold or run.italic) and stripped:
            mark = ("**" if run.bold else "") + ("*" if run.italic else "")
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            text = f"{lead}{mark}{stripped}{mark[::-1]}{trail}"
        out.append(text)
    return "".join(out)


def render_markdown(document: MinutesDocument) -> str:
    chunks: list[str] = []
    if document.marks:
        chunks.append(f"**{md_escape(' – '.join(document.marks))}**")
    for block in document.blocks:
        chunks.append(_md_block(block))
    return "\n\n".join(chunks) + "\n"


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * min(max(block.level, 1), 6)} {md_escape(block.text)}"
    if isinstance(block, Paragraph):
        number = f"{md_escape(block.number)} " if block.number else ""
        lines = [f"{number}{_md_inline(block.runs)}"]
        if block.bullets:
            lines.append("")
            lines += [f"- {_md_inline(b)}" for b in block.bullets]
        return "\n".join(lines)
    if isinstance(block, Resolved):
        paras = []
        for n, (prefix, text) in enumerate(_resolved_lines(block)):
            if n == 0 and not (block.run_in and len(block.resolutions) == 1):
                head = md_escape(text)
                paras.append(f"{md_escape(prefix)} **{head}**" if prefix else f"**{head}**")
                continue
            if n == 0:  # run in: "3.1 RESOLVED: That the …"
                paras.append(f"**{md_escape(prefix)}** {md_escape(text)}")
                continue
            paras.append(f"{md_escape(prefix)} {md_escape(text)}" if prefix else md_escape(text))
        return "\n\n".join(paras)
    if isinstance(block, Table):
        ncols = (
            max(len(block.header), *(len(r) for r in block.rows))
            if block.rows
            else len(block.header)
        )
        header = tuple(block.header) + ("",) * (ncols - len(block.header))
        lines = [f"**{md_escape(block.title)}**", ""] if block.title else []
        lines.append("| " + " | ".join(md_escape(c) for c in header) + " |")
        lines.append("|" + "---|" * ncols)
        for row in block.rows:
            row = tuple(row) + ("",) * (ncols - len(row))
            lines.append("| " + " | ".join(md_escape(c) for c in row) + " |")
        return "\n".join(lines)
    if isinstance(block, SignatureLines):
        return "\n\n".join(
            f"{md_escape(label)} {md_escape(SIGNATURE_RULE)}" for label in block.labels
        )
    raise TypeError(f"unknown block {block!r}")


# --------------------------------------------------------------------------- HTML

_CSS = """
body { font-family: Arial, Helvetica, sans-serif; max-width: 46em; margin: 2em auto;
       line-height: 1.4; color: #111; }
h1, h2, h3, h4 { text-align: center; margin: 0.3em 0; }
h1 { font-size: 1.3em; } h2 { font-size: 1.2em; } h3 { font-size: 1.15em; }
h4 { font-size: 1em; } h5 { font-size: 1em; margin: 1.5em 0 0.5em; }
p.numbered { padding-left: 3.5em; text-indent: -3.5em; }
.num { display: inline-block; min-width: 3.5em; text-indent: 0; }
ul { margin-left: 3.5em; }
.resolved .heading { font-weight: bold; }
.resolved p.res { padding-left: 3.5em; text-indent: -3.5em; }
.marks { text-align: right; font-weight: bold; letter-spacing: 0.1em; }
.signature { margin-top: 2em; }
.rule { display: inline-block; width: 16em; border-bottom: 1px solid #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
""".strip()


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_inline(runs: Inline) -> str:
    out = []
    for run in runs:
        text = _h(run.text)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def render_html(document: MinutesDocument) -> str:
    """A standalone HTML page; every piece of text is escaped."""
    body: list[str] = []
    if document.marks:
        body.append(f'<p class="marks">{_h(" – ".join(document.marks))}</p>')
    for block in document.blocks:
        body.append(_html_block(block))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_h(document.title)}</title>\n"
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{_h(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        if block.number:
            out = (
                f'<p class="numbered"><span class="num">{_h(block.number)}</span>'
                f"{_html_inline(block.runs)}</p>"
            )
        else:
            out = f"<p>{_html_inline(block.runs)}</p>"
        if block.bullets:
            items = "".join(f"<li>{_html_inline(b)}</li>" for b in block.bullets)
            out += f"\n<ul>{items}</ul>"
        return out
    if isinstance(block, Resolved):
        parts = ['<div class="resolved">']
        for n, (prefix, text) in enumerate(_resolved_lines(block)):
            num = f'<span class="num">{_h(prefix)}</span>' if prefix else ""
            if n == 0 and not (block.run_in and len(block.resolutions) == 1):
                parts.append(
                    f'<p class="heading">{_h(prefix + " " if prefix else "")}{_h(text)}</p>'
                )
            elif n == 0:
                parts.append(f'<p class="res"><strong>{_h(prefix)}</strong> {_h(text)}</p>')
            else:
                parts.append(f'<p class="res">{num}{_h(text)}</p>')
        parts.append("</div>")
        return "\n".join(parts)
    if isinstance(block, Table):
        rows = []
        if block.title:
            rows.append(f"<caption>{_h(block.title)}</caption>")
        if block.header:
            rows.append("<tr>" + "".join(f"<th>{_h(c)}</th>" for c in block.header) + "</tr>")
        for row in block.rows:
            rows.append("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>")
        return "<table>\n" + "\n".join(rows) + "\n</table>"
    if isinstance(block, SignatureLines):
        return "\n".join(
            f'<p class="signature">{_h(label)} <span class="rule"></span></p>'
            for label in block.labels
        )
    raise TypeError(f"unknown block {block!r}")
