"""The decision note: a one-page record issued straight after the meeting, before the minutes.

Who attended, apologies and substitutes, declarations, and the decisions (the resolutions,
with the outcome of any vote). Exempt matters are left out entirely: an exempt item shows
only that it was considered in private, and a declaration on it names the interest without
its nature or the capacity. The wording is compose's (same house style, same sentences).
"""

from __future__ import annotations

from clerk.minutes.compose import (
    Composer,
)
from clerk.minutes.document import (
    Block,
    Heading,
    MinutesDocument,
    Paragraph,
    Run,
    plain,
)
from clerk.minutes.style import HouseStyle
from clerk.record import ItemOutcome, MeetingRecord
from clerk.standing import Standing

TITLE = "DECISIONS"
IN_PRIVATE = (
    "This item was considered in private, the press and public having been excluded under "
    "Schedule 12A to the Local Government Act 1972."
)
OUTCOME_WORDS = {
    ItemOutcome.NOTED: "Noted.",
    ItemOutcome.DEFERRED: "Deferred.",
    ItemOutcome.WITHDRAWN: "Withdrawn.",
}


def compose_decision_note(record: MeetingRecord, style: HouseStyle) -> MinutesDocument:
    c = Composer(record, style)
    m = record.meeting
    blocks: list[Block] = []
    councils = style.heading.councils or record.committee.councils
    for council in councils:
        blocks.append(Heading(council.upper() if style.heading.uppercase_councils else council, 1))
    blocks.append(Heading(TITLE, 2))
    blocks.append(Heading(record.committee.styled_name, 3))
    when = c.date()
    if m.start_time is not None:
        when += f", {c.time(m.start_time)}"
    meeting_line = f"Meeting held on {when}" + (f" in {m.venue}" if m.venue else "") + "."
    blocks.append(Paragraph(plain(meeting_line)))
    blocks.append(
        Paragraph(
            plain(
                "This note records the decisions taken. It is not the minutes of the meeting, "
                "which will follow."
            ),
        )
    )
    blocks += c.attendance_block()
    blocks.append(Paragraph((Run("Membership and apologies", bold=True),)))
    blocks += [Paragraph(runs) for runs in c.membership_runs()]
    blocks.append(Paragraph((Run("Declarations of interest", bold=True),)))
    blocks += [Paragraph(runs) for runs in c.declaration_runs(public=True)]
    blocks.append(Paragraph((Run("Decisions", bold=True),)))
    any_item = False
    written_above = [c.standing.get(k) for k in (Standing.MEMBERSHIP, Standing.DECLARATIONS)]
    for item in c.items():
        if any(item is above for above in written_above):
            continue
        if item.is_exempt:
            blocks.append(c.item_heading(item))
            blocks.append(Paragraph(plain(IN_PRIVATE)))
            any_item = True
            continue
        resolutions = record.resolutions_for(item.id)
        votes = [c.vote_runs(v) for v in record.votes_for(item.id)]
        outcome = OUTCOME_WORDS.get(item.outcome) if item.outcome else None
        if not (resolutions or votes or outcome):
            continue
        any_item = True
        blocks.append(c.item_heading(item))
        blocks += [Paragraph(runs) for runs in votes]
        if resolutions:
            resolved = c.resolved(item, resolutions, only_content=False, next_n=1)
            # a decision note is not numbered like the minutes
            blocks.append(
                type(resolved)(
                    resolved.resolutions,
                    heading=resolved.heading,
                    run_in=resolved.run_in,
                )
            )
        elif outcome:
            blocks.append(Paragraph(plain(outcome)))
    if not any_item:
        blocks.append(Paragraph(plain("No decisions were taken.")))
    return MinutesDocument(
        blocks=tuple(blocks),
        title=f"{record.committee.name} – {when.split(',')[0]} – decisions",
        running_header=f"{record.committee.name} – {c.date()}",
        draft=False,
        confidential=False,
        marks=(),
    )
