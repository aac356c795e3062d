"""Word export of a large meeting: 40 items, 60 members, 300 minute paragraphs.

Three timings, each the median of interleaved runs so machine noise hits all sides alike:

- floor: python-docx writing the same paragraphs' text into its default document, no styles,
  no header or footer (what any .docx export of this text costs);
- render: `render_docx` of the composed Minutes document (styles, bullets, header and footer
  with fields, marks, properties);
- compose + render: `compose_minutes` from the meeting record, then `render_docx` (what
  `clerk minutes --format docx` spends after loading the record).

Targets: render <= 0.5 s and <= 3x the floor.

    python benchmarks/bench_minutes_docx.py [--runs 9]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk.minutes.document import (
    Heading,
    MinutesDocument,
    Paragraph,
    Resolved,
    SignatureLines,
    Table,
    inline_text,
    plain,
)
from clerk.minutes.render_docx import render_docx
from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MinuteParagraph,
    Person,
    Resolution,
)

ITEMS, MEMBERS, PARAGRAPHS = 40, 60, 300
TARGET_SECONDS, TARGET_RATIO = 0.5, 3.0

# fmt: off
WORDS = (
    "the", "committee", "noted", "that", "report", "officers", "council", "residents",
    "services", "update", "westminster", "budget", "review", "partnership", "care", "concern",
    "expressed", "suggested", "requested", "further", "information", "provided", "discussion",
    "future", "meeting", "proposal", "consultation",
)
# fmt: on


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def big_record(seed: int = 1) -> MeetingRecord:
    rng = random.Random(seed)
    committee = Committee(name="Family and People Services Policy and Scrutiny Committee")
    people = [
        Person(name=f"Member{j} Surname{j:02d}", honorific="Councillor") for j in range(MEMBERS)
    ]
    memberships = [
        Membership(
            committee_id=committee.id,
            person_id=p.id,
            role=MemberRole.CHAIR if j == 0 else MemberRole.MEMBER,
        )
        for j, p in enumerate(people)
    ]
    attendance = [
        Attendance(
            person_id=p.id,
            status=AttendanceStatus.PRESENT if j % 7 else AttendanceStatus.APOLOGIES,
        )
        for j, p in enumerate(people)
    ]
    meeting = Meeting(
        committee_id=committee.id,
        date=date(2019, 10, 17),
        start_time=clock(19, 0),
        end_time=clock(20, 59),
        venue="Rooms 18.01 and 18.02, 18th Floor, 64 Victoria Street, London SW1E 6QP",
        status=MeetingStatus.ENDED,
    )
    items = [
        AgendaItem(number=str(i + 1), title=f"GENERATED AGENDA ITEM NUMBER {i + 1}", position=i)
        for i in range(ITEMS)
    ]
    paragraphs = []
    for k in range(PARAGRAPHS):
        item = items[k % ITEMS]
        bullets = [_sentence(rng, 20) for _ in range(3)] if k % 10 == 0 else []
        paragraphs.append(
            MinuteParagraph(
                item_id=item.id,
                text=_sentence(rng, rng.randrange(30, 90)),
                bullets=bullets,
                position=k // ITEMS,
            )
        )
    resolutions = [
        Resolution(item_id=items[i].id, text=f"That {_sentence(rng, 12)}", position=j)
        for i in range(2, ITEMS, 3)
        for j in range(3)
    ]
    actions = [
        Action(item_id=items[i].id, text=_sentence(rng, 10), status=ActionStatus.OPEN)
        for i in range(3, ITEMS, 4)
    ]
    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=people,
        memberships=memberships,
        items=items,
        attendance=attendance,
        paragraphs=paragraphs,
        resolutions=resolutions,
        actions=actions,
    )


def compose(record: MeetingRecord) -> MinutesDocument | None:
    """The record composed by clerk's own composer, or None if it is not available."""
    try:
        from clerk.minutes.compose import compose_minutes
        from clerk.minutes.style import load_style
    except ImportError:
        return None
    return compose_minutes(record, load_style("westminster"), draft=True)


def direct_document(record: MeetingRecord) -> MinutesDocument:
    """The same content as a Minutes document built directly (no composer needed)."""
    blocks: list = [
        Heading("CITY OF WESTMINSTER", 1),
        Heading("MINUTES", 2),
        Heading(record.committee.name, 3),
        Heading("MINUTES OF PROCEEDINGS", 4),
    ]
    for item in record.agenda():
        blocks.append(Heading(f"{item.number}. {item.title}", 5))
        for n, para in enumerate(record.paragraphs_for(item.id), 1):
            blocks.append(
                Paragraph(
                    plain(para.text),
                    number=f"{item.number}.{n}",
                    bullets=tuple(plain(b) for b in para.bullets),
                )
            )
        resolutions = record.resolutions_for(item.id)
        if resolutions:
            blocks.append(Resolved(tuple((f"{n})", r.text) for n, r in enumerate(resolutions, 1))))
    blocks.append(Paragraph(plain("The Meeting ended at 8.59 pm.")))
    blocks.append(SignatureLines(("CHAIRMAN:", "DATE:")))
    return MinutesDocument(
        blocks=tuple(blocks),
        title=f"{record.committee.name} 17 October 2019",
        running_header=f"{record.committee.name} – 17 October 2019",
    )


def texts(doc: MinutesDocument) -> list[str]:
    """Every paragraph's text, as the floor writes it."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Paragraph):
            out.append(f"{block.number} {inline_text(block.runs)}".strip())
            out.extend(inline_text(b) for b in block.bullets)
        elif isinstance(block, Resolved):
            out.append(block.heading)
            out.extend(f"{label} {text}".strip() for label, text in block.resolutions)
        elif isinstance(block, Table):
            out.append(block.title)
            out.extend(" | ".join(row) for row in (block.header, *block.rows))
        elif isinstance(block, SignatureLines):
            out.extend(block.labels)
    return out


def floor(lines: list[str], path: Path) -> None:
    import docx

    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(path))


def _median(fn: Callable[[], object], samples: list[float]) -> None:
    start = time.perf_counter()
    fn()
    samples.append(time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)

    import docx  # noqa: F401  (import cost paid once, outside the timings, as in the CLI)

    record = big_record()
    composed = compose(record)
    doc = composed or direct_document(record)
    lines = texts(doc)
    blocks = len(doc.blocks)
    numbered = sum(1 for b in doc.blocks if isinstance(b, Paragraph) and b.number)
    print(
        f"meeting: {ITEMS} items, {MEMBERS} members, {PARAGRAPHS} paragraphs -> "
        f"{'composed' if composed else 'direct'} document of {blocks} blocks, "
        f"{numbered} numbered paragraphs, {len(lines)} lines of text"
    )

    times: dict[str, list[float]] = {"floor": [], "render": [], "compose+render": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        floor(lines, out / "warm.docx")  # warm-up: first save loads the template
        render_docx(doc, out / "warm2.docx")
        for _ in range(args.runs):
            _median(lambda: floor(lines, out / "floor.docx"), times["floor"])
            _median(lambda: render_docx(doc, out / "render.docx"), times["render"])
            if composed is not None:
                _median(
                    lambda: render_docx(compose(record), out / "both.docx"),  # type: ignore[arg-type]
                    times["compose+render"],
                )
        sizes = {p.stem: p.stat().st_size for p in out.glob("*.docx")}

    median = {k: statistics.median(v) for k, v in times.items() if v}
    ratio = median["render"] / median["floor"]
    print(f"runs: {args.runs} (median)")
    print(f"  floor (python-docx, plain paragraphs): {median['floor']:.3f} s")
    print(f"  render_docx:                           {median['render']:.3f} s")
    if "compose+render" in median:
        print(f"  compose_minutes + render_docx:         {median['compose+render']:.3f} s")
    else:
        print("  compose_minutes: not available (clerk.minutes.compose missing)")
    print(f"  ratio render / floor: {ratio:.2f}x")
    print(f"  sizes: {', '.join(f'{k} {v // 1024} KiB' for k, v in sorted(sizes.items()))}")
    ok = median["render"] <= TARGET_SECONDS and ratio <= TARGET_RATIO
    print(
        f"target: render <= {TARGET_SECONDS} s and <= {TARGET_RATIO:.0f}x floor: "
        f"{'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
