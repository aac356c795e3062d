"""Late arrivals and early departures written with the apologies for lateness, under the
membership item ("arrived at 7.25pm during item 4"), are the attendance record all the
same: when, and during which item. They were kept as plain text, and no time recorded."""

from __future__ import annotations

from datetime import time

from clerk.importers.minutes_text import parse_minutes
from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from tests import test_minutes_golden as golden

WHOLE = golden.REFERENCE.read_text(encoding="utf-8")
FIRST = "for this meeting.\n"
WRITTEN = (
    "\n- 1.2 Councillor Margot Bright arrived at 7.25pm during item 4.\n"
    "\n- 1.3 Councillor Matt Noble left the meeting at 8.40pm during item 6.\n"
)


def test_movements_written_under_the_membership_item_are_recorded() -> None:
    assert WHOLE.count(FIRST) == 1
    parsed = parse_minutes(WHOLE.replace(FIRST, FIRST + WRITTEN), "minutes.md")
    record = parsed.record
    names = {p.id: p.name for p in record.people}
    numbers = {i.id: i.number for i in record.items}
    moved = {
        names[a.person_id]: (
            a.arrived_at,
            numbers.get(a.arrived_item_id or ""),
            a.left_at,
            numbers.get(a.left_item_id or ""),
        )
        for a in record.attendance
        if a.arrived_at or a.left_at
    }
    assert moved == {
        "Margot Bright": (time(19, 25), "4", None, None),
        "Matt Noble": (None, None, time(20, 40), "6"),
    }
    # no longer paragraphs of item 1, and said
    membership = next(i for i in record.items if i.number == "1")
    assert not any("arrived" in p.text for p in record.paragraphs if p.item_id == membership.id)
    said = " ".join(parsed.guesses)
    assert "arrived during item 4, written under item 1" in said
    # clerk's minutes write each in the item it names
    text = render_text(compose_minutes(record, load_style("westminster"), draft=False))
    at_4 = text.index("4. CABINET MEMBER UPDATE")
    assert text.index("Councillor Margot Bright arrived at 7.25 pm") > at_4
