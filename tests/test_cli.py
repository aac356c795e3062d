"""The `clerk` command as a user runs it: real database files, real agenda files."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from clerk import __version__, importing
from clerk.cli import main
from clerk.importers import record_json
from clerk.store import Store
from tests.conftest import REPO
from tests.import_examples import BROKEN, broken, example
from tests.test_agenda_import import REFERENCE_MEMBERS

AGENDA = REPO / "tests" / "agendas" / "fpss_2019-11-25_reference.md"


def clerk(*args: str, db: Path | None = None, env: dict[str, str] | None = None) -> Result:
    argv = (["--db", str(db)] if db else []) + list(args)
    return CliRunner().invoke(main, argv, env=env, catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def meetings_json(db: Path) -> list[dict]:
    result = clerk("meetings", "--json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "clerk.db"


@pytest.fixture
def imported(db: Path) -> Path:
    result = clerk("import", str(AGENDA), db=db)
    assert result.exit_code == 0, result.output
    return db


def test_version_and_help() -> None:
    assert __version__ in clerk("--version").output
    listing = clerk("--help").output
    for command in ("open", "import", "meetings", "export-record", "import-record", "minutes"):
        assert command in listing
    assert "YYYY-MM-DD" in clerk("export-record", "--help").output


def test_import_shows_what_was_read_and_stores_it(db: Path) -> None:
    result = clerk("import", str(AGENDA), db=db)
    assert result.exit_code == 0, result.output
    assert "Family and People Services Policy and Scrutiny Committee" in result.output
    assert "Jonathan Glanz (Chairman)" in result.output
    assert "Tristan Fieldsend" in result.output
    assert "ANY OTHER BUSINESS" in result.output
    [meeting] = meetings_json(db)
    assert meeting["date"] == "2019-11-25"
    assert meeting["start_time"] == "19:00"
    assert meeting["items"] == 9
    assert meeting["status"] == "scheduled"


def test_dry_run_writes_nothing(db: Path) -> None:
    result = clerk("import", "--dry-run", str(AGENDA), db=db)
    assert result.exit_code == 0, result.output
    assert "nothing written" in result.output
    assert not db.exists()


@pytest.mark.parametrize("suffix", importing.ACCEPTED)
def test_import_takes_every_kind_of_file_the_picker_takes(
    db: Path, tmp_path: Path, suffix: str
) -> None:
    """tests/tui/test_picker.py imports the very same files through the picker."""
    path, day = example(tmp_path, suffix)
    result = clerk("import", str(path), db=db)
    assert result.exit_code == 0, result.output
    assert f"Imported as meeting {meetings_json(db)[0]['id'][:8]}" in result.output
    assert [m["date"] for m in meetings_json(db)] == [day.isoformat()]


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_file_of_each_kind_names_file_and_line_and_changes_nothing(
    imported: Path, tmp_path: Path, name: str
) -> None:
    path, line = broken(tmp_path, name)
    before = digest(imported)
    result = CliRunner().invoke(main, ["--db", str(imported), "import", str(path)])
    assert result.exit_code == 1
    assert f"{path}, line {line}:" in result.output
    assert digest(imported) == before


def test_a_file_clerk_does_not_import_is_refused_naming_those_it_does(
    imported: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    before = digest(imported)
    result = CliRunner().invoke(main, ["--db", str(imported), "import", str(pdf)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert f"{pdf}: clerk imports {importing.ACCEPTED_TEXT}, not a .pdf file" in said
    assert "convert the PDF to text first" in said
    assert digest(imported) == before


def test_the_help_and_the_readme_name_the_files_import_takes() -> None:
    help_text = " ".join(clerk("import", "--help").output.split())
    assert importing.ACCEPTED_TEXT in help_text
    assert importing.ACCEPTED_TEXT in (REPO / "README.md").read_text(encoding="utf-8")


def test_meetings_table_lists_newest_first(imported: Path) -> None:
    second = clerk(
        "import", "--new", str(REPO / "sample_meetings" / "fps-2019-11-25.toml"), db=imported
    )
    assert second.exit_code == 0, second.output
    record = record_json.read(REPO / "sample_meetings" / "fps-2019-10-17.json")
    with Store(imported) as store:
        store.save_record(record)
    rows = meetings_json(imported)
    assert [r["date"] for r in rows] == ["2019-11-25", "2019-11-25", "2019-10-17"]
    table = clerk("meetings", "--limit", "1", db=imported).output
    assert "Mon 25 Nov 2019" in table and "17 Oct" not in table


def test_bad_agenda_names_file_and_line_and_leaves_database_byte_for_byte(
    imported: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "agenda.txt"
    bad.write_text(
        AGENDA.read_text(encoding="utf-8").replace(
            "Monday 25th November, 2019", "Monday 31st February, 2019"
        ),
        encoding="utf-8",
    )
    line = next(
        n for n, text in enumerate(bad.read_text().splitlines(), 1) if "31st February" in text
    )
    before = digest(imported)
    result = CliRunner().invoke(main, ["--db", str(imported), "import", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}, line {line}:" in result.output
    assert digest(imported) == before
    assert len(meetings_json(imported)) == 1


def test_bad_agenda_does_not_create_a_database(db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(empty)])
    assert result.exit_code == 1
    assert str(empty) in result.output
    assert not db.exists()


def test_missing_file_is_a_clear_error(db: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(db), "import", "nowhere.txt"])
    assert result.exit_code == 1
    assert "nowhere.txt: no such file" in result.output


def test_export_then_import_record_round_trips(imported: Path, tmp_path: Path) -> None:
    exported = tmp_path / "meeting.json"
    assert clerk("export-record", "2019-11-25", "-o", str(exported), db=imported).exit_code == 0
    other = tmp_path / "other.db"
    result = clerk("import-record", str(exported), db=other)
    assert result.exit_code == 0, result.output
    again = clerk("export-record", "2019-11-25", db=other).output
    assert again == exported.read_text(encoding="utf-8")


def test_import_record_twice_refuses_then_replaces(imported: Path, tmp_path: Path) -> None:
    exported = tmp_path / "meeting.json"
    clerk("export-record", "2019-11-25", "-o", str(exported), db=imported)
    refused = CliRunner().invoke(main, ["--db", str(imported), "import-record", str(exported)])
    assert refused.exit_code == 1
    assert "already" in refused.output
    replaced = clerk("import-record", "--replace", str(exported), db=imported)
    assert replaced.exit_code == 0, replaced.output
    assert len(meetings_json(imported)) == 1


def test_meeting_by_id_prefix_and_by_date(imported: Path) -> None:
    [meeting] = meetings_json(imported)
    by_prefix = clerk("export-record", meeting["id"][:6], db=imported).output
    by_date = clerk("export-record", "2019-11-25", db=imported).output
    assert by_prefix == by_date
    assert json.loads(by_date)["record"]["meeting"]["id"] == meeting["id"]


def test_two_meetings_on_one_date_need_the_committee(imported: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text(
        AGENDA.read_text(encoding="utf-8").replace(
            "Family and People Services Policy and Scrutiny Committee",
            "Audit and Performance Committee",
        ),
        encoding="utf-8",
    )
    assert clerk("import", str(other), db=imported).exit_code == 0
    ambiguous = CliRunner().invoke(main, ["--db", str(imported), "export-record", "2019-11-25"])
    assert ambiguous.exit_code == 1
    assert "--committee" in ambiguous.output
    chosen = clerk("export-record", "2019-11-25", "--committee", "audit", db=imported)
    assert chosen.exit_code == 0
    assert (
        json.loads(chosen.output)["record"]["committee"]["name"]
        == "Audit and Performance Committee"
    )


def test_unknown_meeting_is_a_clear_error(imported: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(imported), "export-record", "2031-01-01"])
    assert result.exit_code == 1
    assert "2031-01-01" in result.output
    assert "Traceback" not in result.output


def test_database_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "from-env.db"
    result = clerk("import", str(AGENDA), env={"CLERK_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert len(meetings_json(db)) == 1


def test_locked_database_is_a_clear_error_and_changes_nothing(imported: Path) -> None:
    before = digest(imported)
    holder = sqlite3.connect(imported, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(
            main, ["--db", str(imported), "import", "--new", str(AGENDA)], catch_exceptions=False
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert "in use by another program" in result.output
    assert digest(imported) == before


def test_not_a_clerk_database(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    other.write_bytes(b"these are my notes, not a database\n" * 10)
    before = digest(other)
    result = CliRunner().invoke(main, ["--db", str(other), "meetings"])
    assert result.exit_code == 1
    assert "not" in result.output and str(other) in result.output
    assert digest(other) == before


def test_samples_load_once_with_one_person_each(db: Path) -> None:
    assert clerk("load-samples", db=db).exit_code == 0
    assert clerk("load-samples", db=db).exit_code == 0  # a second time adds nothing
    dates = sorted(r["date"] for r in meetings_json(db))
    assert dates == ["2019-10-17", "2019-11-25"]
    with Store(db) as store:
        glanz = [p for p in store.people() if p.name == "Jonathan Glanz"]
        assert len(glanz) == 1
        assert len(store.committees()) == 1
        october = store.load_record(store.resolve_meeting("2019-10-17"))
        november = store.load_record(store.resolve_meeting("2019-11-25"))
    assert october.committee.id == november.committee.id
    assert october.meeting.date == date(2019, 10, 17)


@pytest.fixture
def samples(db: Path) -> Path:
    assert clerk("load-samples", db=db).exit_code == 0
    return db


def test_minutes_by_date_in_every_format(samples: Path, tmp_path: Path) -> None:
    text = clerk("minutes", "2019-10-17", db=samples)
    assert text.exit_code == 0, text.output
    assert "Thursday 17 October 2019" in text.output
    assert "The Meeting ended at 8.59 pm." in text.output
    assert "CHAIRMAN:" in text.output and "DRAFT" in text.output.upper()

    html = tmp_path / "minutes.html"
    assert clerk("minutes", "2019-10-17", "-f", "html", "-o", str(html), db=samples).exit_code == 0
    assert "<html" in html.read_text(encoding="utf-8").lower()

    from docx import Document

    word = tmp_path / "minutes.docx"
    result = clerk("minutes", "2019-10-17", "-f", "docx", "-o", str(word), db=samples)
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in Document(str(word)).paragraphs]
    assert any("The Meeting ended at 8.59 pm." in p for p in paragraphs)


def test_minutes_to_an_unwritable_place_is_a_clear_error(samples: Path, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "minutes.docx"
    result = clerk("minutes", "2019-10-17", "-f", "docx", "-o", str(target), db=samples)
    assert result.exit_code == 1
    assert "cannot write" in result.output and "no such folder" in result.output


def test_decision_note_names_the_decisions(samples: Path) -> None:
    result = clerk("decisions", "2019-10-17", db=samples)
    assert result.exit_code == 0, result.output
    assert "17 October 2019" in result.output
    assert "RESOLVED" in result.output.upper() or "decision" in result.output.lower()


def test_action_tracker_as_csv_and_word(samples: Path, tmp_path: Path) -> None:
    result = clerk("actions", "family and people", db=samples)
    assert result.exit_code == 0, result.output
    assert "Requested that the Ofsted report be circulated." in result.output
    assert "Nicky Crouch" in result.output

    from docx import Document

    word = tmp_path / "tracker.docx"
    result = clerk("actions", "Family", "-f", "docx", "-o", str(word), db=samples)
    assert result.exit_code == 0, result.output
    document = Document(str(word))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Action Tracker" in text
    assert "Family and People Services" in text
    assert "Requested that the Ofsted report be circulated." in cells


def test_unknown_committee_lists_those_there_are(samples: Path) -> None:
    result = clerk("actions", "Planning", db=samples)
    assert result.exit_code == 1
    assert "no committee called 'Planning'" in result.output
    assert "Family and People Services" in result.output


def test_the_same_agenda_twice_is_refused_and_names_the_meeting(imported: Path) -> None:
    before = meetings_json(imported)
    again = clerk("import", str(AGENDA), db=imported)
    assert again.exit_code == 1
    assert "already has a meeting on Monday 25 November 2019" in again.output
    assert before[0]["id"][:8] in again.output and "--merge" in again.output
    assert meetings_json(imported) == before
    nothing_new = clerk("import", "--merge", str(AGENDA), db=imported)
    assert nothing_new.exit_code == 0, nothing_new.output
    assert "Nothing new" in nothing_new.output
    assert meetings_json(imported) == before


def test_a_follow_on_agenda_merges_into_the_meeting(db: Path) -> None:
    assert clerk("import", str(AGENDA), db=db).exit_code == 0
    # as if the main pack had gone out with item 5's report "to follow", undescribed
    with Store(db) as store:
        meeting_id = store.resolve_meeting("2019-11-25")
        five = next(i for i in store.load_record(meeting_id).items if i.number == "5")
        store.update(five, description="")
    follow_on = REPO / "tests" / "agendas" / "fpss_follow_on.md"
    dry = clerk("import", "--merge", "--dry-run", str(follow_on), db=db)
    assert dry.exit_code == 0, dry.output
    assert "Fills in item 5's description" in dry.output and "Nothing written" in dry.output
    merged = clerk("import", "--merge", str(follow_on), db=db)
    assert merged.exit_code == 0, merged.output
    assert len(meetings_json(db)) == 1
    with Store(db) as store:
        items = store.load_record(meeting_id).agenda()
    assert [i.number for i in items] == [str(n) for n in range(1, 10)]
    assert "Pathway to Positive Choices" in items[4].description


# the members on the 25 November 2019 agenda
NOVEMBER_MEMBERS = set(REFERENCE_MEMBERS)


@pytest.mark.parametrize("november_first", [False, True])
def test_each_meeting_has_the_members_of_its_day(db: Path, november_first: bool) -> None:
    """Cllr Carmen stood down before the October meeting, which noted Cllr Noble in his
    place: neither roll call lists Carmen, whichever meeting was imported first, and
    October's lists Noble."""
    october = str(REPO / "sample_meetings" / "fps-2019-10-17.json")
    november = str(REPO / "sample_meetings" / "fps-2019-11-25.toml")
    steps = [("import", november), ("import-record", october)]
    for command, path in steps if november_first else steps[::-1]:
        result = clerk(command, path, db=db)
        assert result.exit_code == 0, result.output
    with Store(db) as store:
        seats = {}
        for day in ("2019-10-17", "2019-11-25"):
            record = store.load_record(store.resolve_meeting(day))
            seats[day] = {record.person(m.person_id).name for m in record.members()}
    assert seats["2019-11-25"] == NOVEMBER_MEMBERS
    assert "Alan Carmen" not in seats["2019-10-17"]
    assert "Matt Noble" in seats["2019-10-17"]
    assert "Aziz Toki" not in seats["2019-10-17"]  # joined after October
