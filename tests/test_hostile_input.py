"""Hostile files get a clear error naming the file and line, never a traceback or a hang
(issue 12, points 3, 4 and 5); the fuzz script's short run is here too."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from clerk.cli import main
from clerk.importers import MAX_LINE_CHARS
from scripts import fuzz_inputs
from tests.conftest import REPO, SAMPLES

AGENDA = REPO / "tests" / "agendas" / "fpss_2019-11-25_reference.md"
RECORD = SAMPLES / "fps-2019-10-17.json"
MEETING_FILE = SAMPLES / "fps-2019-11-25.toml"


def clerk(*args: str, db: Path) -> Result:
    # catch_exceptions: a traceback must show up as result.exception, not end the test run
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=True)


def refused(result: Result) -> str:
    """The one-line message of a refusal; fails on a traceback or a success."""
    assert not (result.exception and not isinstance(result.exception, SystemExit)), repr(
        result.exception
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.strip()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"a": ' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
        ('{"format": "clerk-meeting-record", "version": ' + "9" * 5_000 + "}", "4,300 digits"),
    ],
    ids=["deep list", "deep object", "huge integer"],
)
def test_a_json_record_json_cannot_read_is_refused_in_words(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "record.json"
    path.write_text(text)
    message = refused(clerk("import-record", str(path), db=tmp_path / "clerk.db"))
    assert str(path) in message and said in message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("x = " + "[\n" * 3_000 + "1" + "]\n" * 3_000, "nested too deeply"),
        ("x = " + "9" * 5_000 + "\n", "4,300 digits"),
    ],
    ids=["deep array", "huge integer"],
)
def test_a_toml_file_tomllib_cannot_read_is_refused_in_words(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "meeting.toml"
    path.write_text(text)
    message = refused(clerk("import", "--dry-run", str(path), db=tmp_path / "clerk.db"))
    assert said in message


def test_pages_of_thousands_of_digits_are_not_a_traceback(tmp_path: Path) -> None:
    text = AGENDA.read_text().replace("(Pages 5 - 10)", "(Pages " + "9" * 4_301 + ")", 1)
    path = tmp_path / "agenda.md"
    path.write_text(text)
    result = clerk("import", "--dry-run", str(path), db=tmp_path / "clerk.db")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_long_lines_of_white_space_and_brackets_read_in_linear_time(tmp_path: Path) -> None:
    """Twenty lines just under the cap, of the characters that took n² steps: tabs, spaces,
    `[` (a 16,000-tab line alone took 3.8 s, and these twenty took over 20 s)."""
    runs = ("\t", " ", "[", " \t")
    lines = [run * ((MAX_LINE_CHARS - 1) // len(run)) for run in runs for _ in range(5)]
    text = AGENDA.read_text().replace("\n\n", "\n\n" + "\n".join(lines) + "\n\n", 1)
    path = tmp_path / "agenda.md"
    path.write_text(text)
    started = time.perf_counter()
    result = clerk("import", "--dry-run", str(path), db=tmp_path / "clerk.db")
    assert time.perf_counter() - started < 2.0
    assert result.exit_code == 0, result.output


def test_a_line_over_the_cap_is_refused_naming_the_file_and_line(tmp_path: Path) -> None:
    text = AGENDA.read_text().split("\n")
    text.insert(3, "| " * 500_000)
    path = tmp_path / "agenda.md"
    path.write_text("\n".join(text))
    message = refused(clerk("import", "--dry-run", str(path), db=tmp_path / "clerk.db"))
    assert f"{path}, line 4" in message
    assert "1,000,000 characters" in message and f"{MAX_LINE_CHARS:,}" in message


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text(("A line of an agenda pack that goes on and on.\n") * 200_000)
    message = refused(clerk("import", "--dry-run", str(path), db=tmp_path / "clerk.db"))
    assert str(path) in message and "9.2 MB" in message and "up to 5 MB" in message


@pytest.mark.parametrize("field", ["date", "status", "start_time"])
def test_an_error_names_a_huge_bad_value_by_its_start_and_length(
    tmp_path: Path, field: str
) -> None:
    document = json.loads(RECORD.read_text())
    document["record"]["meeting"][field] = "x" * 100_000
    path = tmp_path / "record.json"
    path.write_text(json.dumps(document, indent=2))
    message = refused(clerk("import-record", str(path), db=tmp_path / "clerk.db"))
    assert "100,000 characters" in message
    assert len(message) < 400


def test_a_huge_meeting_reference_is_named_short(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    assert clerk("import-record", str(RECORD), db=db).exit_code == 0
    message = refused(clerk("export-record", "z" * 100_000, db=db))
    assert "100,000 characters" in message and len(message) < 400


def test_fuzzed_inputs_short_run() -> None:
    """scripts/fuzz_inputs.py on 150 inputs: no traceback, no hang, no huge message."""
    outcomes = fuzz_inputs.fuzz(count=150, seed=12)
    failures = [o for o in outcomes if o.kind in fuzz_inputs.FAILURES]
    assert failures == []
    assert {o.kind for o in outcomes} == {"imported", "refused"}
