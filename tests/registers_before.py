"""The registers as clerk computed them from whole records before the store's light rows
(issue 13), kept verbatim as the reference tests/test_registers_light.py holds the light
path to: a change to how the registers are computed shows there as a difference. With them,
the whole-record reads they were made from (once `Store.declarations_made` and
`Store.open_actions`), on the store's connection."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from clerk import dates
from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Committee,
    Declaration,
    Meeting,
    MeetingRecord,
    Part,
    Person,
)
from clerk.registers import (
    ACTIONS_HEADER,
    ATTENDANCE_HEADER,
    DID,
    EXEMPT_MARK,
    HELD,
    INTERESTS_HEADER,
    STATUS,
    MunicipalYear,
    Register,
    _Tally,
)
from clerk.store import Store
from clerk.store.rows import _q, _spec


def attendance_register(
    committee: Committee, records: Iterable[MeetingRecord], year: MunicipalYear | None = None
) -> Register:
    """Each member's attendance at the committee's meetings (of `year`), as councils
    publish it: meetings they were expected at (a member on the day), present, apologies
    sent, absent without apologies, how often a substitute sat in their place, how often
    they sat as a substitute for another, and the share of expected meetings attended."""
    held = sorted(
        (
            r
            for r in records
            if r.meeting.status in HELD and (year is None or r.meeting.date in year)
        ),
        key=lambda r: r.meeting.date,
    )
    tallies: dict[str, _Tally] = {}
    for record in held:
        replaced = {
            a.substitute_for: a
            for a in record.attendance
            if a.status in (AttendanceStatus.SUBSTITUTE, AttendanceStatus.DEPUTY)
            and a.substitute_for
        }
        for seat in record.members():
            tally = tallies.setdefault(seat.person_id, _Tally(record.person(seat.person_id)))
            tally.expected += 1
            attendance = record.attendance_of(seat.person_id)
            status = attendance.status if attendance else AttendanceStatus.ABSENT
            if status.counts_as_present:
                tally.present += 1
            elif status is AttendanceStatus.APOLOGIES:
                tally.apologies += 1
            else:
                tally.absent += 1
            if seat.person_id in replaced:
                tally.substituted += 1
        for attendance in replaced.values():
            person = record.person(attendance.person_id)
            tallies.setdefault(person.id, _Tally(person)).as_substitute += 1
    rows = []
    for tally in sorted(tallies.values(), key=lambda t: t.person.sort_key):
        share = f"{round(100 * tally.present / tally.expected)}%" if tally.expected else ""
        rows.append(
            (
                tally.person.name,
                str(tally.expected),
                str(tally.present),
                str(tally.apologies),
                str(tally.absent),
                str(tally.substituted),
                str(tally.as_substitute),
                share,
            )
        )
    if year is not None:
        span = f"municipal year {year}"
    elif held:
        first, last = (
            dates.short_date(held[0].meeting.date),
            dates.short_date(held[-1].meeting.date),
        )
        span = first if first == last else f"{first} to {last}"  # one day once (since made)
    else:
        span = "no meetings held"
    notes = (f"{len(held)} meeting{'' if len(held) == 1 else 's'} held.",)  # (since made)
    return Register(
        title=f"{committee.name}: attendance, {span}",
        header=ATTENDANCE_HEADER,
        rows=tuple(rows),
        notes=notes,
    )


# --------------------------------------------------------------------------- interests


def interests_register(
    declarations: Iterable[tuple[Meeting, Committee, AgendaItem | None, Person, Declaration]],
    *,
    person: str = "",
    exempt: bool = False,
) -> Register:
    """Every declaration of interest, by member (then by meeting), with the meeting, the
    item, the kind of interest, the interest itself and what the member did. Rows on an
    exempt item (present only if the store was asked for them) are marked."""
    rows, places = [], []
    ordered = sorted(
        declarations, key=lambda d: (d[3].sort_key, d[0].date, d[2].position if d[2] else -1)
    )
    for meeting, committee, item, who, declaration in ordered:
        interest = "; ".join(x for x in (declaration.capacity, declaration.nature) if x.strip())
        if item is None:
            where = "all items"
        else:
            where = f"{item.number}. {item.title}"
            if item.is_exempt:
                where += f" ({EXEMPT_MARK})"
        rows.append(
            (
                who.name,
                meeting.date.isoformat(),
                committee.name,
                where,
                declaration.kind,
                interest,
                DID.get(declaration.action, str(declaration.action)),
            )
        )
        places.append((meeting.id, item.id if item else None))
    title = "Register of interests declared at meetings"
    if person:
        title += f": {person}"
    if exempt:
        title += f" (including {EXEMPT_MARK} items: not for publication)"
    return Register(title=title, header=INTERESTS_HEADER, rows=tuple(rows), places=tuple(places))


# --------------------------------------------------------------------------- actions


def open_actions_register(
    actions: Iterable[tuple[Meeting, Committee, AgendaItem, Action]], *, exempt: bool = False
) -> Register:
    """Every action not yet completed, across committees, oldest first within each."""
    rows, places = [], []
    for meeting, committee, item, action in actions:
        if action.status is ActionStatus.COMPLETED:
            continue
        where = f"{item.number}. {item.title}"
        if item.is_exempt:
            where += f" ({EXEMPT_MARK})"
        rows.append(
            (
                committee.name,
                meeting.date.isoformat(),
                where,
                action.text,
                action.lead,
                action.due.isoformat() if action.due else "",
                STATUS.get(action.status, str(action.status)),
            )
        )
        places.append((meeting.id, item.id))
    title = "Open actions, all committees"
    if exempt:
        title += f" (including {EXEMPT_MARK} items: not for publication)"
    return Register(title=title, header=ACTIONS_HEADER, rows=tuple(rows), places=tuple(places))


# --------------------------------------------------------------------------- reads


def declarations_made(
    store: Store, person_ids: list[str] | None = None, *, exempt: bool = False
) -> list[tuple[Meeting, Committee, AgendaItem | None, Person, Declaration]]:
    """Every declaration of interest (of these people), oldest meeting first. Those on
    an exempt item only with `exempt`."""
    specs = [_spec(c) for c in (Meeting, Committee, AgendaItem, Person, Declaration)]
    aliases = ("m", "c", "i", "p", "d")
    cols = ", ".join(
        f"{a}.{_q(f)}" for a, spec in zip(aliases, specs, strict=True) for f in spec.fields
    )
    where, params = [], []
    if not exempt:
        where.append("(i.part IS NULL OR i.part != ?)")
        params.append(Part.EXEMPT.value)
    if person_ids is not None:
        where.append(f"d.person_id IN ({', '.join('?' * len(person_ids))})")
        params.extend(person_ids)
    sql = f"""
        SELECT {cols} FROM declarations d
        JOIN meetings m ON m.id = d.meeting_id
        JOIN committees c ON c.id = m.committee_id
        JOIN people p ON p.id = d.person_id
        LEFT JOIN items i ON i.id = d.item_id
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY m.date, m.start_time, m.rowid, i.position, d.position, d.rowid
    """
    out = []
    with store._read() as conn:
        for r in conn.execute(sql, params):
            values, at = [], 0
            for spec in specs:
                values.append(r[at : at + len(spec.fields)])
                at += len(spec.fields)
            meeting, committee, item, person, declaration = (
                spec.from_row(v) if v[0] is not None else None
                for spec, v in zip(specs, values, strict=True)
            )
            out.append((meeting, committee, item, person, declaration))
    # every row joins a meeting, committee, person and declaration; only the item is
    # optional (a declaration on the meeting as a whole)
    return cast("list[tuple[Meeting, Committee, AgendaItem | None, Person, Declaration]]", out)


def open_actions(
    store: Store, *, exempt: bool = False
) -> list[tuple[Meeting, Committee, AgendaItem, Action]]:
    """Every action not completed, of every committee, oldest meeting first. Those on
    an exempt item only with `exempt`."""
    specs = [_spec(c) for c in (Meeting, Committee, AgendaItem, Action)]
    aliases = ("m", "c", "i", "a")
    cols = ", ".join(
        f"{a}.{_q(f)}" for a, spec in zip(aliases, specs, strict=True) for f in spec.fields
    )
    sql = f"""
        SELECT {cols} FROM actions a
        JOIN meetings m ON m.id = a.meeting_id
        JOIN committees c ON c.id = m.committee_id
        JOIN items i ON i.id = a.item_id
        WHERE a.status != 'completed' {"" if exempt else "AND i.part != ?"}
        ORDER BY c.name COLLATE NOCASE, m.date, m.rowid, i.position, a.position, a.rowid
    """
    out = []
    with store._read() as conn:
        for r in conn.execute(sql, () if exempt else (Part.EXEMPT.value,)):
            values, at = [], 0
            for spec in specs:
                values.append(spec.from_row(r[at : at + len(spec.fields)]))
                at += len(spec.fields)
            out.append(tuple(values))
    return out
