"""`clerk open MEETING` goes straight to the screen; everything else, and every problem, goes
through the full command line, which explains."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clerk.launch import _plain_open, _plain_picker


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        (["open", "2019-11-25"], (None, "2019-11-25", None)),
        (["--db", "x.db", "open", "4cb98aa9"], (Path("x.db"), "4cb98aa9", None)),
        (["--db=x.db", "open", "2019-11-25", "-c", "audit"], (Path("x.db"), "2019-11-25", "audit")),
        (["open", "2019-11-25", "--committee", "audit"], (None, "2019-11-25", "audit")),
    ],
)
def test_the_plain_forms_open_directly(argv: list[str], wanted: tuple) -> None:
    assert _plain_open(argv) == wanted


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["meetings"],
        ["open"],
        ["open", "--help"],
        ["open", "2019-11-25", "--help"],
        ["--db", "x.db"],
        ["--version"],
        ["open", "2019-11-25", "--committee"],
    ],
)
def test_everything_else_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert _plain_open(argv) is None


def run_clerk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk", *args], capture_output=True, text=True, timeout=60
    )


def test_an_unknown_meeting_is_explained_as_before(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    assert run_clerk("--db", str(db), "load-samples").returncode == 0
    result = run_clerk("--db", str(db), "open", "2030-01-01")
    assert result.returncode == 1
    assert "2030-01-01" in result.stderr and "Traceback" not in result.stderr


def test_a_database_that_is_not_there_is_explained(tmp_path: Path) -> None:
    result = run_clerk("--db", str(tmp_path / "nowhere" / "clerk.db"), "open", "2019-11-25")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        ([], (None,)),
        (["--db", "x.db"], (Path("x.db"),)),
        (["--db", "-x"], None),
        (["--db"], None),
        (["meetings"], None),
        (["--version"], None),
        (["--db", "x.db", "meetings"], None),
    ],
)
def test_the_picker_opens_directly(argv: list[str], wanted: tuple | None) -> None:
    assert _plain_picker(argv) == wanted


def test_a_folder_for_the_picker_is_explained(tmp_path: Path) -> None:
    result = run_clerk("--db", str(tmp_path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "folder" in result.stderr
