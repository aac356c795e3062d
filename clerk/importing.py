"""Bringing a meeting in from a file: the one way `clerk import`, the picker and the samples do it.

    read(path) -> Incoming                       the file read by its kind and checked
    save(store, incoming, same_day=...) -> Imported   fitted to the store, then saved or merged
    import_file(store, path, same_day=...) -> Imported    the two together

Reading writes nothing and fails with an InputError naming the file and line, so a bad file
never half-imports. Saving fits the record to the people and committee already stored
(`reconcile`), then looks for the committee's meeting on the same day: a second agenda for a
meeting must not become a second meeting without the clerk saying so (`SameDay`).

Kept free of Textual and click, and its readers are imported only when a file is read, so the
command line can name what it accepts without paying for the importers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.errors import ClerkError, InputError

if TYPE_CHECKING:
    from clerk.agenda_merge import AgendaMerge
    from clerk.record import Committee, MeetingRecord
    from clerk.store import Store


@dataclass(frozen=True)
class FileKind:
    """A kind of file clerk imports, known by how its name ends."""

    name: str  # as the clerk is told it: "a TOML meeting file"
    suffixes: tuple[str, ...]

    def in_words(self) -> str:
        return f"{self.name} ({', '.join(self.suffixes)})"


AGENDA_PACK = FileKind("an agenda pack", (".txt", ".md", ".markdown", ".html", ".htm"))
MEETING_FILE = FileKind("a TOML meeting file", (".toml",))
MEETING_RECORD = FileKind("a JSON meeting record", (".json",))
KINDS = (AGENDA_PACK, MEETING_FILE, MEETING_RECORD)
#: Published minutes (`clerk import-minutes`): not one of KINDS, since a .txt is an agenda
#: pack to `clerk import`; the command says which it is reading.
MINUTES = FileKind("published minutes", (".txt", ".md", ".markdown", ".html", ".htm"))


def _listed(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " or " + parts[-1]


#: Every ending of a file name that can be imported; the command line, the picker and the
#: README all say this list, and nothing else decides it.
ACCEPTED = tuple(suffix for kind in KINDS for suffix in kind.suffixes)
#: The same, in words: "an agenda pack (.txt, …), a TOML meeting file (.toml) or …".
ACCEPTED_TEXT = _listed([kind.in_words() for kind in KINDS])
#: The kinds alone, where the endings would not fit: "an agenda pack, a TOML meeting file or …".
KINDS_TEXT = _listed([kind.name for kind in KINDS])


def kind_of(path: Path) -> FileKind:
    """The kind of file `path` names; InputError when clerk does not import such files."""
    suffix = Path(path).suffix.lower()
    for kind in KINDS:
        if suffix in kind.suffixes:
            return kind
    # A PDF is the usual mistake: the pack is published as one and has to be converted first.
    raise InputError(
        path,
        None,
        f"clerk imports {ACCEPTED_TEXT}, not "
        + (f"a {suffix} file" if suffix else "a file without an extension")
        + ("; convert the PDF to text first" if suffix == ".pdf" else ""),
    )


@dataclass(frozen=True)
class Incoming:
    """A file read and checked: not yet fitted to any store."""

    path: Path
    kind: FileKind
    record: MeetingRecord
    guesses: tuple[str, ...]  # what the agenda reader had to guess, in words for the clerk
    # the committee's attributes the file states (a name of a Committee field); None: all.
    # What it does not state keeps what is stored (an agenda pack gives no chair's title).
    said: frozenset[str] | None = None


def read(path: Path, kind: FileKind | None = None) -> Incoming:
    """Read `path` by its kind (or as `kind`, whatever its name) and check the record against
    the integrity rules; InputError names the file and, where it can, the line."""
    path = Path(path)
    if not path.exists():  # said before the kind: "no such file" is what the clerk must fix
        raise InputError(path, None, "no such file")
    kind = kind or kind_of(path)
    guesses: tuple[str, ...] = ()
    said: frozenset[str] | None = None
    if kind is AGENDA_PACK:
        from clerk.importers.agenda import read_agenda

        parsed = read_agenda(path)
        record, guesses = parsed.record, parsed.guesses
        said = AGENDA_SAYS
    elif kind is MEETING_FILE:
        import tomllib

        from clerk.importers import meeting_file

        record = meeting_file.read(path)
        with path.open("rb") as f:  # read once more for the keys given, now known to be good
            said = frozenset(tomllib.load(f).get("committee", {})) | {"name"}
    else:
        from clerk.importers import record_json

        record = record_json.read(path)
    from clerk.validate import check

    # the agenda reader builds a record without checking it; the others check their own, and
    # checking again costs little against a record reaching the store unchecked
    check(record, path)
    return Incoming(path, kind, record, guesses, said)


#: What an agenda pack or published minutes say of the committee: its name and, in the
#: heading, the councils meeting (more than one: a joint meeting).
AGENDA_SAYS = frozenset({"name", "councils"})


def read_minutes(path: Path, *, committee: str | None = None, style: str | None = None) -> Incoming:
    """Published minutes read back into a record (clerk.importers.minutes_text) and checked
    as `read` checks any file. `committee` names the committee when the minutes spell it
    otherwise; `style` (a house style's name or file) adds its wording to the sentences the
    reader recognises as generated."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, None, "no such file")
    if path.suffix.lower() not in MINUTES.suffixes:
        raise InputError(path, None, f"clerk reads {MINUTES.in_words()}, not this file")
    from clerk.importers.minutes_text import Forms
    from clerk.importers.minutes_text import read_minutes as read_text
    from clerk.validate import check

    forms = Forms()
    if style:
        forms = forms.with_style(style_forms(style))
    parsed = read_text(path, committee=committee, forms=forms)
    record, guesses = parsed.record, parsed.guesses
    if style:  # the minutes clerk writes of it are in the style they were read in
        from dataclasses import replace

        record = replace(record, committee=replace(record.committee, style=style))
        guesses = tuple(g for g in guesses if not g.startswith("house style:"))
    check(record, path)
    # the style named, and what the minutes show (a style's marks, the chair's title): a
    # stored committee's other one is then asked about (CommitteeChange), not dropped unsaid
    said = AGENDA_SAYS | parsed.says | ({"style"} if style else set())
    return Incoming(path, MINUTES, record, guesses, said)


def style_forms(style: str) -> dict[str, str]:
    """A house style's templates of generated sentences, keyed as the minutes reader's Forms."""
    from clerk.minutes.style import load_style

    s = load_style(style)
    # published text carries no bold markers: the words read are the template's without them
    return {
        key: template.replace("**", "")
        for key, template in {
            "membership_none": s.membership.none,
            "change_replaced": s.membership.replaced,
            "change_left": s.membership.left,
            "change_joined": s.membership.joined,
            "substitute": s.membership.substitute,
            "apologies": s.membership.apologies,
            "apologies_also": s.membership.apologies_also,
            "deputies": s.membership.deputies,
            "deputy": s.membership.deputy,
            "deputies_respective": s.membership.deputies_respective,
            "deputy_respective": s.membership.deputy_respective,
            "declarations_none": s.declarations.none,
            "declaration_item": s.declarations.item,
            "note": s.items.note,
            "approve_minutes": s.resolutions.approve_minutes,
            "ended": s.closing.ended,
            "arrived": s.attendance.arrived,
            "left": s.attendance.left,
            "arrived_untimed": s.attendance.arrived_untimed,
            "left_untimed": s.attendance.left_untimed,
        }.items()
    }


def fit_to_store(store: Store, incoming: Incoming) -> Incoming:
    """Published minutes fitted to what the store already knows, before `save` reconciles
    by name: the stored committee's own spelling when the minutes write it with "&" for
    "and" or in another case ("Policy & Scrutiny"), and a member named by surname only
    ("Cllr Carmen") given the full name of the one stored person of that committee with
    that surname. Each change is said as a guess."""
    from dataclasses import replace

    record, guesses = incoming.record, list(incoming.guesses)
    name = record.committee.name
    committee = store.find_committee(name)
    if committee is None:
        folded = _fold(name)
        committee = next((c for c in store.committees() if _fold(c.name) == folded), None)
        if committee is not None:
            # the minutes keep their own spelling, as the stored committee's name for them
            minutes_name = record.committee.minutes_name or name
            record = replace(
                record,
                committee=replace(record.committee, name=committee.name, minutes_name=minutes_name),
            )
            guesses.append(f"committee {committee.name!r} as stored (the minutes say {name!r})")
    if committee is not None:
        known = _committee_people(store, committee.id)
        people = []
        for person in record.people:
            if " " not in person.name:
                same = [p for p in known if p.name.split()[-1:] == [person.name]]
                if len(same) == 1:
                    # said instead of "named by surname only; kept as written"
                    guesses = [
                        g for g in guesses if not (f" {person.name} (" in g and "surname only" in g)
                    ]
                    guesses.append(f"{person.name} is {same[0].name}, as stored")
                    person = replace(person, name=same[0].name)
            people.append(person)
        record = replace(record, people=people)
    return replace(incoming, record=record, guesses=tuple(guesses))


def _committee_people(store: Store, committee_id: str) -> list:
    """Everyone who has held a seat on the committee, as its latest stored meeting has them."""
    meetings = store.committee_meetings(committee_id)
    if not meetings:
        return []
    latest = store.load_record(meetings[0].id)
    seated = {m.person_id for m in latest.memberships if m.committee_id == committee_id}
    return [p for p in latest.people if p.id in seated]


def _fold(name: str) -> str:
    return " ".join(name.replace("&", " and ").casefold().split())


class SameDay(Enum):
    """What to do when the committee already has a meeting on the incoming meeting's date."""

    REFUSE = "refuse"  # raise SameDayMeeting, write nothing: the clerk must choose
    MERGE = "merge"  # add the incoming agenda's items to it (a follow-on agenda)
    NEW = "new"  # save the incoming meeting as a separate one, without looking
    KEEP = "keep"  # leave the stored meeting as it is (the samples, loaded a second time)


class CommitteeChange(Enum):
    """What to do when the file gives the stored committee other attributes its minutes
    depend on (clerk.reconcile.RENDERED): a board reconstituted as a joint board, say."""

    REFUSE = "refuse"  # raise CommitteeChanged, write nothing: the clerk must choose
    MERGE = "merge"  # the new attributes from now on; stored meetings keep theirs (held)
    NEW = "new"  # a new body beside the stored one, named with the date it starts
    KEEP = "keep"  # import the meeting under the stored attributes, the file's ignored


class PersonChange(Enum):
    """What to do when the file gives a stored person other details the minutes print
    (clerk.reconcile.PERSON_RENDERED): a member's new role, a new honorific, a married name.
    Either way each difference is said (`Imported.person_changes`), and no meeting stored
    before changes: the store holds the person as each had them (clerk.store.held_people).
    Unlike a committee's, a person's change is not refused until the clerk chooses: it
    is not a question of which body this is, and roles change every year, so refusing every
    agenda after a reshuffle would teach the clerk to pass the choice without reading."""

    TAKE = "take"  # the file's from this meeting on (its alone if a later meeting names them)
    KEEP = "keep"  # the stored details; the file's ignored


class CommitteeChanged(ClerkError):
    """The file changes what the stored committee's minutes depend on, and
    `CommitteeChange.REFUSE` was asked for."""

    def __init__(self, name: str, differences: list[tuple[str, str, str]]) -> None:
        self.differences = differences  # (what, stored, in the file)
        #: the facts alone, for a caller that says the choices its own way
        self.facts = (
            f"The {name} is stored with other attributes than this file gives it: "
            + "; ".join(f"{w}: {old!r} stored, {new!r} in the file" for w, old, new in differences)
            + "."
        )
        super().__init__(
            f"{self.facts} Choose merge (the file's from this meeting on; the meetings stored "
            "keep their minutes as they are), new (a new body beside the stored one) or keep "
            "(this meeting under the stored attributes)."
        )


class Outcome(Enum):
    NEW = "new"  # a meeting of its own
    MERGED = "merged"  # into the committee's meeting that day
    EXISTING = "existing"  # the committee's meeting that day, left as it was


@dataclass(frozen=True)
class Imported:
    """What importing did, or with a dry run would have done."""

    record: MeetingRecord  # as fitted to the store: stored people's and committee's ids
    guesses: tuple[str, ...]
    outcome: Outcome
    meeting_id: str  # the meeting now holding it: the new one, or the one merged into
    merge: AgendaMerge | None = None  # with MERGED: what the merge changes
    written: bool = False
    #: each stored person the file gives other details the minutes print, in a sentence
    #: naming them, the stored and the file's values and what was done
    person_changes: tuple[str, ...] = ()


class SameDayMeeting(ClerkError):
    """The committee already has a meeting that day and `SameDay.REFUSE` was asked for."""

    def __init__(self, record: MeetingRecord, meeting_id: str, merge: AgendaMerge) -> None:
        from clerk.dates import long_date

        self.record = record
        self.meeting_id = meeting_id
        self.merge = merge  # what merging would change, for the clerk to weigh
        super().__init__(
            f"{record.committee.name} already has a meeting on "
            f"{long_date(record.meeting.date)} (id {meeting_id[:8]})."
        )


def save(
    store: Store,
    incoming: Incoming,
    *,
    same_day: SameDay = SameDay.REFUSE,
    dry_run: bool = False,
    replace: bool = False,
    committee_change: CommitteeChange = CommitteeChange.REFUSE,
    person_change: PersonChange = PersonChange.TAKE,
) -> Imported:
    """Fit `incoming` to the store and save it as a new meeting, or deal with the committee's
    meeting that day as `same_day` says, with a change to what the committee's minutes
    depend on as `committee_change` says, and with a stored person's details as
    `person_change` says. `dry_run` works everything out and writes nothing;
    `replace` overwrites a meeting stored under the same id (a record restored from a backup).
    Each write is one transaction: a refused write leaves the store as it was."""
    from clerk.reconcile import differences, fit_people, reconcile

    record = reconcile(incoming.record, store, said=incoming.said)
    guesses = incoming.guesses
    current = next((c for c in store.committees() if c.id == record.committee.id), None)
    stored = current
    if replace and current is not None:  # a meeting restored is compared with itself as held
        stored = store.committee_held_for(record.meeting.id) or current
    changed = differences(stored, record.committee) if stored is not None else []
    hold = None
    if stored is not None and _fills_in_the_name(stored, changed):
        # the name as the minutes style it, stored blank (the agenda's name) and now given:
        # not a change of body; taken from here on, the meetings stored keep theirs
        hold, changed = current, []
        guesses += (
            f"the committee's name in the minutes {record.committee.styled_name!r} "
            "from this meeting on; the meetings stored keep theirs",
        )
    if stored is not None and changed:
        what = "; ".join(f"{w} {new!r} (stored: {old!r})" for w, old, new in changed)
        if committee_change is CommitteeChange.REFUSE:
            raise CommitteeChanged(stored.name, changed)
        if committee_change is CommitteeChange.KEEP:
            record = _under(record, stored)
            guesses += (f"kept the committee as stored; the file's {what} ignored",)
        elif committee_change is CommitteeChange.NEW:
            record = _new_body(reconcile(incoming.record, store, new_body=True))
            guesses += (f"a new body, {record.committee.name!r}, with {what}",)
        else:  # the other meetings keep the committee as they have it now
            hold = current
            guesses += (
                f"the committee's {what} from this meeting on; the meetings stored keep theirs",
            )
    stored_id = None if same_day is SameDay.NEW else existing_meeting(store, record)
    if stored_id is None:
        keep = person_change is PersonChange.KEEP
        record, person_changes = fit_people(store, record, keep=keep, replace=replace)
        if not dry_run:
            with store.batch():
                if hold is not None:
                    store.hold_committee(hold)
                store.save_record(record, replace=replace)
        return Imported(
            record,
            guesses,
            Outcome.NEW,
            record.meeting.id,
            written=not dry_run,
            person_changes=person_changes,
        )
    if same_day is SameDay.KEEP:
        return Imported(record, guesses, Outcome.EXISTING, stored_id)
    from clerk.agenda_merge import apply_merge, merge_agenda

    plan = merge_agenda(store.load_record(stored_id), record)
    if same_day is SameDay.REFUSE:
        raise SameDayMeeting(record, stored_id, plan)
    write = plan.changes_anything and not dry_run
    if write:  # a follow-on agenda changes the meeting, not its committee: nothing to hold
        apply_merge(store, stored_id, plan)
    return Imported(record, guesses, Outcome.MERGED, stored_id, merge=plan, written=write)


def import_file(
    store: Store,
    path: Path,
    *,
    same_day: SameDay = SameDay.REFUSE,
    dry_run: bool = False,
    committee_change: CommitteeChange = CommitteeChange.REFUSE,
) -> Imported:
    """`read` then `save`."""
    return save(
        store, read(path), same_day=same_day, dry_run=dry_run, committee_change=committee_change
    )


def _fills_in_the_name(stored: Committee, changed: list[tuple[str, str, str]]) -> bool:
    from clerk.reconcile import NAME_IN_MINUTES

    return not stored.minutes_name and [c[0] for c in changed] == [NAME_IN_MINUTES]


def _under(record: MeetingRecord, committee: Committee) -> MeetingRecord:
    from dataclasses import replace

    return replace(record, committee=committee)


def _new_body(record: MeetingRecord) -> MeetingRecord:
    """A record fitted as a new body (its own committee id): named as the file names it
    with the date it starts, so the two are told apart in clerk's lists, and its minutes
    headed with the name as the file gives it."""
    from dataclasses import replace

    from clerk.dates import long_date

    c = record.committee
    name = f"{c.name} (from {long_date(record.meeting.date, '{day} {month} {year}')})"
    return replace(record, committee=replace(c, name=name, minutes_name=c.styled_name))


def existing_meeting(store: Store, record: MeetingRecord) -> str | None:
    """The id of the stored meeting of the same committee on the same date, if there is one."""
    committee = next((c for c in store.committees() if c.id == record.committee.id), None)
    committee = committee or store.find_committee(record.committee.name)
    if committee is None:
        return None
    same_day = (m for m in store.committee_meetings(committee.id) if m.date == record.meeting.date)
    return next((m.id for m in same_day), None)
