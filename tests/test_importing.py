"""The import service: which files, read and checked, then saved, merged, refused or kept as
the committee's meeting that day says; nothing written on any failure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk import importing
from clerk.errors import ClerkError, InputError
from clerk.importing import Outcome, SameDay, SameDayMeeting
from clerk.store import Store
from tests.import_examples import (
    AGENDA,
    BROKEN,
    COMMITTEE,
    MEETING_FILE,
    MEETING_RECORD,
    broken,
    example,
)

FOLLOW_ON = AGENDA.parent / "fpss_follow_on.md"


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "clerk.db", role="import") as store:
        yield store


def stored(store: Store) -> list[tuple[date, str]]:
    return [(m.date, m.id) for m in store.list_meetings()]


def test_the_accepted_files_are_one_list_said_in_words() -> None:
    assert importing.ACCEPTED == (".txt", ".md", ".markdown", ".html", ".htm", ".toml", ".json")
    assert importing.ACCEPTED_TEXT == (
        "an agenda pack (.txt, .md, .markdown, .html, .htm), a TOML meeting file (.toml) "
        "or a JSON meeting record (.json)"
    )


@pytest.mark.parametrize("suffix", importing.ACCEPTED)
def test_every_accepted_kind_reads_as_the_meeting_it_holds(tmp_path: Path, suffix: str) -> None:
    path, day = example(tmp_path, suffix)
    incoming = importing.read(path)
    assert incoming.record.committee.name == COMMITTEE
    assert incoming.record.meeting.date == day
    assert incoming.kind is importing.kind_of(path)


def test_endings_are_read_whatever_their_case(tmp_path: Path) -> None:
    shouted = tmp_path / "AGENDA.MD"
    shouted.write_bytes(AGENDA.read_bytes())
    assert importing.read(shouted).record.meeting.date == date(2019, 11, 25)


def test_an_agenda_says_what_it_guessed() -> None:
    """Only the agenda reader guesses; a meeting file and a record say exactly."""
    (grid,) = importing.read(AGENDA).guesses
    assert grid.startswith("Read the member grid down the columns")
    assert importing.read(MEETING_FILE).guesses == ()
    assert importing.read(MEETING_RECORD).guesses == ()


@pytest.mark.parametrize("name", ["agenda.pdf", "agenda.docx", "agenda"])
def test_a_file_of_another_kind_is_refused_naming_what_is_accepted(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(AGENDA.read_bytes())
    with pytest.raises(InputError) as refused:
        importing.read(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: clerk imports {importing.ACCEPTED_TEXT}, not ")
    assert ("convert the PDF to text first" in message) == name.endswith(".pdf")


def test_a_missing_file_is_said_to_be_missing_whatever_its_ending(tmp_path: Path) -> None:
    for name in ("agenda.md", "agenda.pdf"):
        with pytest.raises(InputError, match="no such file"):
            importing.read(tmp_path / name)


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_file_names_file_and_line(tmp_path: Path, name: str) -> None:
    path, line = broken(tmp_path, name)
    with pytest.raises(InputError) as refused:
        importing.read(path)
    assert str(refused.value).startswith(f"{path}, line {line}: ")


def test_a_record_read_as_a_record_whatever_its_name(tmp_path: Path) -> None:
    """`clerk import-record` reads a backup however it was named."""
    backup = tmp_path / "meeting.bak"
    backup.write_bytes(MEETING_RECORD.read_bytes())
    incoming = importing.read(backup, importing.MEETING_RECORD)
    assert incoming.record.meeting.id == importing.read(MEETING_RECORD).record.meeting.id


def test_a_new_meeting_is_saved_and_fitted_to_the_people_already_stored(store: Store) -> None:
    first = importing.import_file(store, MEETING_RECORD)
    assert (first.outcome, first.written) == (Outcome.NEW, True)
    second = importing.import_file(store, AGENDA)
    assert (second.outcome, second.written) == (Outcome.NEW, True)
    assert second.guesses == importing.read(AGENDA).guesses
    assert second.record.committee.id == first.record.committee.id
    assert len([p for p in store.people() if p.name == "Jonathan Glanz"]) == 1
    assert {m.id for m in store.list_meetings()} == {first.meeting_id, second.meeting_id}


def test_the_same_day_is_refused_naming_the_meeting_and_nothing_is_written(
    store: Store,
) -> None:
    first = importing.import_file(store, AGENDA)
    journal = len(store.journal())
    with pytest.raises(SameDayMeeting) as refused:
        importing.import_file(store, FOLLOW_ON)
    assert str(refused.value) == (
        f"{COMMITTEE} already has a meeting on Monday 25 November 2019 (id {first.meeting_id[:8]})."
    )
    assert refused.value.meeting_id == first.meeting_id
    assert refused.value.merge.changes_anything is False  # the follow-on adds nothing new here
    assert len(store.journal()) == journal


def test_merging_fills_in_only_what_was_blank_and_a_dry_run_writes_nothing(
    store: Store,
) -> None:
    first = importing.import_file(store, AGENDA)
    five = next(i for i in store.load_record(first.meeting_id).items if i.number == "5")
    store.update(five, description="")  # the main pack had item 5's report "to follow"
    journal = len(store.journal())

    dry = importing.import_file(store, FOLLOW_ON, same_day=SameDay.MERGE, dry_run=True)
    assert (dry.outcome, dry.meeting_id, dry.written) == (Outcome.MERGED, first.meeting_id, False)
    assert "Fills in item 5's description" in dry.merge.summary()
    assert len(store.journal()) == journal

    merged = importing.import_file(store, FOLLOW_ON, same_day=SameDay.MERGE)
    assert (merged.outcome, merged.written) == (Outcome.MERGED, True)
    items = store.load_record(first.meeting_id).agenda()
    assert "Pathway to Positive Choices" in items[4].description
    assert len(store.list_meetings()) == 1

    again = importing.import_file(store, FOLLOW_ON, same_day=SameDay.MERGE)
    assert (again.outcome, again.written) == (Outcome.MERGED, False)
    assert not again.merge.changes_anything


def test_new_makes_a_separate_meeting_and_keep_leaves_the_stored_one(store: Store) -> None:
    first = importing.import_file(store, AGENDA)
    kept = importing.import_file(store, MEETING_FILE, same_day=SameDay.KEEP)
    assert (kept.outcome, kept.meeting_id, kept.written) == (
        Outcome.EXISTING,
        first.meeting_id,
        False,
    )
    assert len(store.list_meetings()) == 1
    apart = importing.import_file(store, MEETING_FILE, same_day=SameDay.NEW)
    assert (apart.outcome, apart.written) == (Outcome.NEW, True)
    assert apart.meeting_id != first.meeting_id
    assert len(store.list_meetings()) == 2


def test_a_dry_run_of_a_new_meeting_writes_nothing(store: Store) -> None:
    dry = importing.import_file(store, AGENDA, dry_run=True)
    assert (dry.outcome, dry.written) == (Outcome.NEW, False)
    assert store.list_meetings() == [] and store.journal() == []


def test_a_record_already_stored_is_refused_unless_replaced(store: Store) -> None:
    incoming = importing.read(MEETING_RECORD)
    importing.save(store, incoming, same_day=SameDay.NEW)
    with pytest.raises(ClerkError, match="already in the database"):
        importing.save(store, incoming, same_day=SameDay.NEW)
    replaced = importing.save(store, incoming, same_day=SameDay.NEW, replace=True)
    assert replaced.written and len(store.list_meetings()) == 1


def test_existing_meeting_is_the_committees_on_that_day(store: Store) -> None:
    record = importing.read(AGENDA).record
    assert importing.existing_meeting(store, record) is None
    saved = importing.import_file(store, AGENDA)
    assert importing.existing_meeting(store, importing.read(AGENDA).record) == saved.meeting_id
    october = importing.read(MEETING_RECORD).record
    assert importing.existing_meeting(store, october) is None


def test_the_next_agenda_leaves_what_it_does_not_say_of_the_committee(tmp_path: Path) -> None:
    """The October record names the committee as its minutes do and gives its quorum; the
    November agenda pack says neither, and importing it must not erase them."""
    from clerk.samples import load_samples
    from clerk.store import Store

    store = Store(tmp_path / "clerk.db")
    ids = load_samples(store)
    october = store.load_record(ids["fps-2019-10-17.json"]).committee
    november = store.load_record(ids["fps-2019-11-25.toml"]).committee
    assert october.id == november.id
    assert november.minutes_name == "Family and People Services Policy & Scrutiny Committee"
    assert november.quorum == october.quorum > 0
