"""Members listed A–Z as the council lists them, whatever letters their names are written
in: "Álvarez" is among the A's (not after Z), "Ó Súilleabháin" among the O's and "de la
Cruz" whole. Compared letter for letter, an accented surname put the list out of order, and
the reader took the member before it for a co-chair or the members after it for visitors."""

from __future__ import annotations

from clerk.importers.agenda_forms import sort_surname, surname_of
from clerk.importers.minutes_text import parse_minutes
from clerk.record import AttendanceStatus, MemberRole

JOINT = """CITY OF WESTMINSTER
ROYAL BOROUGH OF KENSINGTON AND CHELSEA

MINUTES

Bi-Borough Pension Fund Joint Committee

MINUTES OF PROCEEDINGS

Minutes of a joint meeting of the Bi-Borough Pension Fund Joint Committee held on Tuesday \
23 June 2020 at 6.30pm at Kensington Town Hall, Hornton Street, London W8 7NX.

Present:
Councillor Eoghan Murphy (Chair)
Councillor Ángel Álvarez
Councillor Margot Bright
Councillor Zoë de la Cruz
Councillor Íde Ó Súilleabháin
Councillor Rachael Robathan
Phil Triggs (Tri-Borough Director of Treasury and Pensions)

1. MEMBERSHIP

1.1 There were no changes to the membership.

2. PENSION FUND ANNUAL REPORT

2.1 The Committee received the annual report.

The Meeting ended at 7.40 pm.
"""


def test_the_surname_a_list_is_sorted_by() -> None:
    assert sort_surname("Ángel Álvarez") == "alvarez"
    assert sort_surname("Íde Ó Súilleabháin") == "o suilleabhain"
    assert sort_surname("Zoë de la Cruz") == "de la cruz"
    assert sort_surname("Jan de Souza") == "de souza"
    assert sort_surname("Margot Bright") == "bright"
    assert surname_of("de Souza") == ""  # no first name: the particle is the name's start
    assert sort_surname("Ángel Álvarez") < sort_surname("Margot Bright")


def test_accented_and_particle_surnames_keep_the_members_a_to_z() -> None:
    parsed = parse_minutes(JOINT, "minutes.txt")
    record = parsed.record
    names = {p.id: p.name for p in record.people}
    roles = {names[m.person_id]: m.role for m in record.memberships}
    assert roles == {
        "Eoghan Murphy": MemberRole.CHAIR,
        "Ángel Álvarez": MemberRole.MEMBER,
        "Margot Bright": MemberRole.MEMBER,
        "Zoë de la Cruz": MemberRole.MEMBER,
        "Íde Ó Súilleabháin": MemberRole.MEMBER,
        "Rachael Robathan": MemberRole.MEMBER,
    }
    present = {
        names[a.person_id] for a in record.attendance if a.status is AttendanceStatus.PRESENT
    }
    assert "Rachael Robathan" in present and "Ángel Álvarez" in present
    assert not any("co-chair" in g for g in parsed.guesses)
