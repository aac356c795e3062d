"""A new user's first commands: `clerk open` on an empty database says how to fill it, and
every command the messages and documents name exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from clerk.cli import main
from tests.conftest import REPO


def clerk(*args: str, db: Path) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_open_on_the_default_empty_database_points_to_the_samples() -> None:
    """What the README's example does before `clerk load-samples` (the full command, as run:
    the database is the default one, which conftest puts in a scratch home)."""
    result = subprocess.run(
        [sys.executable, "-m", "clerk", "open", "2019-11-25"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    # a command that only reads creates nothing (issue 12): it says there is no database yet
    assert "There is no clerk database at" in result.stderr
    assert "`clerk load-samples` or `clerk import` makes one" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["open", "minutes", "decisions", "export-record"])
def test_every_meeting_command_on_an_empty_database_says_so(tmp_path: Path, command) -> None:
    result = clerk(command, "2019-11-25", db=tmp_path / "clerk.db")
    assert result.exit_code == 1
    assert "`clerk load-samples`" in result.output


def test_once_there_are_meetings_an_unknown_one_is_explained_without_the_samples(
    tmp_path: Path,
) -> None:
    db = tmp_path / "clerk.db"
    assert clerk("load-samples", db=db).exit_code == 0
    result = clerk("open", "2030-01-01", db=db)
    assert result.exit_code == 1
    assert "There is no meeting on 2030-01-01" in result.output
    assert "load-samples" not in result.output
    by_id = clerk("minutes", "ffffffff", db=db)
    assert "`clerk meetings` shows the meetings and their ids" in by_id.output


def named_commands() -> set[tuple[str, str]]:
    """(file, command) for every `clerk COMMAND` the documents and the code mention."""
    files = [REPO / "README.md", *REPO.glob("docs/*.md"), *REPO.glob("sample_meetings/*.md")]
    files += [*REPO.glob("clerk/**/*.py"), *REPO.glob("benchmarks/*.py")]
    found = set()
    for path in files:
        for command in re.findall(r"`clerk ([a-z][a-z-]*)", path.read_text(encoding="utf-8")):
            found.add((str(path.relative_to(REPO)), command))
    return found


def test_every_command_named_in_messages_and_documents_exists() -> None:
    mentioned = named_commands()
    assert ("clerk/store/meetings.py", "meetings") in mentioned  # the scan reads the messages
    missing = sorted((path, c) for path, c in mentioned if c not in main.commands)
    assert missing == []
