"""Golden test: the sample meeting of 17 October 2019 composes to the published minutes.

The reference is the council's own minutes (lines 94–197 of the converted agenda pack,
copied to tests/fixtures/minutes_2019-10-17_reference.txt). Both sides are compared line by
line after the same normalisation: the PDF conversion's markdown marks (`#`, `**`, a leading
"- ", `\\_` escapes) are stripped, blank lines dropped and whitespace collapsed. The lines the
PDF broke across pages are joined (listed in PAGE_BREAKS), and the places where clerk
deliberately differs from the published text are applied to the reference as explicit
substitutions (DELIBERATE), each with its reason. Nothing else is allowed to differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clerk.importers import record_json
from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import SIGNATURE_RULE, render_markdown, render_text
from clerk.minutes.style import load_style
from tests import fps_sample

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "fixtures" / "minutes_2019-10-17_reference.txt"
SAMPLE = HERE.parent / "sample_meetings" / "fps-2019-10-17.json"

#: Lines the PDF broke across a page: the continuation lines (by their opening words) are
#: joined to the line before.
PAGE_BREAKS = (
    "Services), James Partis",
    "operators. The Patient Participation Group",
    "expression of interest from the Committee",
)

#: (published text, what clerk writes, why) — applied to the reference, each must match
#: exactly the number of times given.
DELIBERATE: tuple[tuple[str, str, int, str], ...] = (
    (
        "It was noted that Cllr Carmen had stepped down for the Committee and would be "
        "replaced by Cllr Noble for this meeting.",
        "It was noted that Councillor Alan Carmen had stepped down from the Committee and "
        "would be replaced by Councillor Matt Noble.",
        1,
        "the record holds a membership change (Carmen left the committee, Noble joined it in "
        "his place), written in the house wording for one: 'Councillor' and the full name as "
        "everywhere else in the minutes (HOUSE_STYLE §3), 'from the Committee', not the slip "
        "'for', and no 'for this meeting', which would make a member a one-night substitute",
    ),
    (
        "4.2 The Committee received the update",
        "4.3 The Committee received the update",
        1,
        "the published minutes number two paragraphs 4.2; clerk numbers by position",
    ),
    (
        "4.3 The Committee also discussed",
        "4.4 The Committee also discussed",
        1,
        "follows from the duplicated 4.2",
    ),
    (
        "The Meeting ended at 8:59pm.",
        "The Meeting ended at 8.59 pm.",
        1,
        "the house time form is '8.59 pm' (HOUSE_STYLE §2.6); '8:59pm' is a slip",
    ),
    (
        "CHAIRMAN: _____",
        f"CHAIRMAN: {SIGNATURE_RULE}",
        1,
        "the signature rule's length is the renderer's",
    ),
    ("DATE: _____", f"DATE: {SIGNATURE_RULE}", 1, "the signature rule's length is the renderer's"),
)


def normalise(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = line.replace("\\_", "_").replace("**", "")
        line = re.sub(r"^\s*#+\s*", "", line)
        line = re.sub(r"^\s*- ", "", line)
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def reference_lines() -> list[str]:
    lines = normalise(REFERENCE.read_text(encoding="utf-8").splitlines())
    joined: list[str] = []
    for line in lines:
        if joined and line.startswith(PAGE_BREAKS):
            joined[-1] += " " + line
        else:
            joined.append(line)
    text = "\n".join(joined)
    for published, ours, count, why in DELIBERATE:
        assert text.count(published) == count, f"{published!r} ({why})"
        text = text.replace(published, ours)
    return text.split("\n")


@pytest.fixture(scope="module")
def record():
    return record_json.read(SAMPLE)


def test_sample_is_what_its_builder_builds() -> None:
    assert SAMPLE.read_text(encoding="utf-8") == record_json.dumps(fps_sample.build())


def test_page_breaks_are_where_the_pdf_put_them() -> None:
    lines = normalise(REFERENCE.read_text(encoding="utf-8").splitlines())
    for start in PAGE_BREAKS:
        assert sum(line.startswith(start) for line in lines) == 1


def test_text_minutes_match_the_published_minutes(record) -> None:
    document = compose_minutes(record, load_style("westminster"), draft=False)
    ours = normalise(render_text(document).splitlines())
    expected = reference_lines()
    for n, (got, want) in enumerate(zip(ours, expected, strict=False), start=1):
        assert got == want, f"line {n} differs"
    assert len(ours) == len(expected)


def test_markdown_minutes_match_the_published_minutes(record) -> None:
    document = compose_minutes(record, load_style("westminster"), draft=False)
    markdown = render_markdown(document)
    unescaped = [re.sub(r"\\(.)", r"\1", line) for line in markdown.splitlines()]
    assert normalise(unescaped) == reference_lines()


def test_draft_minutes_are_marked(record) -> None:
    text = render_text(compose_minutes(record, load_style("westminster")))
    assert text.splitlines()[0] == "DRAFT"
    assert "CONFIDENTIAL" not in text


def test_sample_has_no_exempt_business(record) -> None:
    document = compose_minutes(record, load_style("westminster"), exempt=True, draft=False)
    text = render_text(document)
    assert "CONFIDENTIAL" in text
    assert not any(line.startswith("5.") for line in text.splitlines())
