"""A meeting whose every piece of text looks like Rich or Textual markup.

Each name, role, title, paragraph, resolution, action and lead holds `[`, `]`, a style tag, a
link tag with a URL, a backslash and the closing tag `[/]` that closes nothing, as a clerk
might type "Circulate [Appendix A]" or a committee be called "Audit [/] Panel". Read as markup
they lose words ("[b]now[/b]" becomes "now") or crash (`MarkupError`); read as text they are
shown exactly as typed. The tests of the CLI and of the screens both use it.
"""

from __future__ import annotations

from datetime import date, time

from clerk.record import (
    DEFAULT_INTEREST_KINDS,
    AttendanceStatus,
    DeclarationAction,
    MeetingRecord,
    MeetingStatus,
)
from tests.minutes_builders import MeetingBuilder

#: Everything that means something to markup: a tag, a link to a URL, a backslash, a bare close.
MARKS = r"[b]bold[/b] [link=https://x.org]y[/link] C:\ [/]"

COMMITTEE = "Audit [/] Panel [i]Risk[/i] [link=https://x.org]y[/link] \\"
VENUE = "Room [3] [b]B[/b] " + MARKS
CHAIR = "Ann [b]Lee[/b] " + MARKS
MEMBER = "Bob [red]Roe[/red] " + MARKS
GUEST = r"Cy [link=https://x.org]Poe[/link] [/] \[x]"  # a councillor also present
GUEST_ROLE = "Head of [Audit] [b]Risk[/b] " + MARKS
OFFICER = r"Tess [@click=app.quit]Ray[/] \[y]"  # the committee officer named on the agenda
ITEM = "FINANCE [A] [b]REPORT[/b] " + MARKS
ITEM_DESCRIPTION = "Report of the [Director] [u]of[/u] " + MARKS
PARAGRAPH = "The Committee noted [Appendix A] [b]tables[/b] " + MARKS
RESOLUTION = "That [Option 2] [b]be[/b] approved " + MARKS
ACTION = "Circulate [Appendix A] [b]now[/b] to members " + MARKS
LEAD = "Dee [i]Fox[/i] " + MARKS
KIND = "special [b]interest[/b] " + MARKS
NATURE = "she chairs [Trust] [b]X[/b] " + MARKS
MOTION = "That [the report] [b]be noted[/b] " + MARKS

DAY = date(2019, 10, 17)


def markup_record(status: MeetingStatus = MeetingStatus.ENDED) -> MeetingRecord:
    """The meeting, recorded in full on item 3: a chair and a member present, a councillor
    also present, a declaration, a paragraph, a resolution with its vote, and an action."""
    m = MeetingBuilder(COMMITTEE, day=DAY, start=time(19, 0), venue=VENUE)
    m.committee.interest_kinds = [KIND, *DEFAULT_INTEREST_KINDS]
    m.committee.quorum = 2
    m.meeting.status = status
    if status is not MeetingStatus.ENDED:
        m.meeting.end_time = None
    m.member(CHAIR, chair=True, pronoun="she")
    member = m.member(MEMBER, pronoun="he")
    m.attend(m.councillor(GUEST, role=GUEST_ROLE), AttendanceStatus.ALSO_PRESENT)
    m.meeting.officer_id = m.person(OFFICER, role="Committee Officer").id
    item = m.item("3", ITEM, description=ITEM_DESCRIPTION)
    m.declare(member, item, KIND, nature=NATURE, action=DeclarationAction.REMAINED)
    m.para(item, PARAGRAPH)
    (resolution,) = m.resolve(item, RESOLUTION)
    m.vote(item, motion=MOTION, resolution=resolution, votes_for=2)
    m.action(item, ACTION, lead=LEAD)
    m.meeting.current_item_id = item.id
    return m.build()
