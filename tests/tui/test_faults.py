"""Faults from outside (issue 12, points 6, 7 and 8): a damaged database, a crash, a mistyped
path, a read-only file or folder, a full disk. Each gives a sentence and a non-zero exit, or
— where the database can still be read — reading and exporting as usual.

Running as root, a read-only file is writable all the same; the read-only tests then run as
the user nobody (seteuid, given back after), so they test what a clerk sees either way."""

from __future__ import annotations

import os
import resource
import secrets  # noqa: F401  (loaded as ourselves: see samples_in)
import signal
import sqlite3
import subprocess
import sys
import tempfile
import tty  # noqa: F401  (the app imports it when it first needs it; see samples_in)
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from textual.app import App

from clerk.cli import main
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import LiveScreen
from clerk.tui.screens.picker import PickerScreen
from tests.tui.conftest import october_record

SIZE = (120, 40)
NOBODY = 65534


def clerk(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def no_traceback(result: Result) -> None:
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), repr(exc)
    assert "Traceback" not in result.output


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """`clerk` runs the real app, without a terminal."""

    def run(self: App, **kwargs: object) -> object:
        return App.run(self, headless=True, size=SIZE)

    monkeypatch.setattr(ClerkApp, "run", run)


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, str]:
    record = october_record()
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        store.save_record(record)
    return path, record.meeting.id


def damage(path: Path) -> None:
    """Overwrite every page but the first with noise: a damaged file that is still SQLite."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for i in range(page, len(data)):
        data[i] = (i * 7919) % 251
    path.write_bytes(bytes(data))


# ----------------------------------------------------------------------------- point 6


def test_a_damaged_database_in_the_picker_is_a_sentence_and_status_1(
    saved: tuple[Path, str], headless: None
) -> None:
    path, _ = saved
    damage(path)
    result = clerk("--db", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert f"{path} is damaged" in result.output and "clerk restore" in result.output


def test_a_crash_of_the_app_exits_1_with_a_sentence(
    saved: tuple[Path, str], headless: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = saved

    def broken(self: PickerScreen, select: str | None = None) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(PickerScreen, "reload", broken)
    result = clerk("--db", str(path))
    assert result.exit_code == 1
    assert "clerk stopped because of an unexpected error" in result.output


def test_a_file_that_is_not_a_database_stops_the_app_with_a_sentence(
    tmp_path: Path, headless: None
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes")
    result = clerk("--db", str(path))
    no_traceback(result)
    assert result.exit_code == 1 and "is not a clerk database" in result.output


# ----------------------------------------------------------------------------- point 7


@pytest.mark.parametrize(
    "command",
    [
        ["meetings"],
        ["open", "2019-10-17"],
        ["export-record", "2019-10-17"],
        ["minutes", "2019-10-17"],
        ["decisions", "2019-10-17"],
        ["actions", "Family"],
    ],
)
def test_a_command_that_only_reads_never_creates_a_database(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "nonexistent" / "dir" / "x.db"
    result = clerk("--db", str(path), *command)
    no_traceback(result)
    assert result.exit_code == 1
    assert f"There is no clerk database at {path}" in result.output
    assert not (tmp_path / "nonexistent").exists()


def test_the_default_database_folder_is_not_made_by_a_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLERK_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = clerk("meetings")
    assert result.exit_code == 1 and "There is no clerk database" in result.output
    assert not (tmp_path / "data").exists()


def test_creating_a_database_in_a_new_folder_is_said(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "clerk.db"
    result = clerk("--db", str(path), "load-samples")
    assert result.exit_code == 0, result.output
    assert (
        f"Creating a new clerk database at {path} (and the folder {tmp_path / 'new'}, "
        "which did not exist)." in result.output
    )
    again = clerk("--db", str(path), "load-samples")
    assert "Creating" not in again.output


# ----------------------------------------------------------------------------- point 8


@contextmanager
def as_a_user() -> Iterator[None]:
    """Run as an ordinary user: as nobody when the tests run as root (who may write any file)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder the ordinary user can reach (pytest's tmp_path is its owner's alone)."""
    with tempfile.TemporaryDirectory(prefix="clerk-faults-") as folder:
        os.chmod(folder, 0o777)
        yield Path(folder)


def samples_in(folder: Path) -> Path:
    # first, as ourselves, every command the test runs, so that every module they import is
    # loaded: as nobody, Python's own files under /root cannot be read
    warm = folder / "warm-up" / "clerk.db"
    for command in (["load-samples"], ["minutes", "2019-10-17", "-f", "md"]):
        clerk("--db", str(warm), *command)
    clerk("--db", str(warm), "export-record", "2019-10-17")
    clerk("--db", str(warm), "import-record", "--replace", str(RECORD))
    path = folder / "clerk.db"
    with as_a_user():
        assert clerk("--db", str(path), "load-samples").exit_code == 0
    return path


def reads_work(path: Path) -> None:
    with as_a_user():
        listed = clerk("--db", str(path), "meetings", "--json")
        minutes = clerk("--db", str(path), "minutes", "2019-10-17", "-f", "md")
        record = clerk("--db", str(path), "export-record", "2019-10-17")
        written = clerk("--db", str(path), "load-samples")
    for result in (listed, minutes, record):
        no_traceback(result)
        assert result.exit_code == 0, result.output
    assert "Family and People" in listed.output
    assert "MINUTES" in minutes.output.upper()
    assert '"format": "clerk-meeting-record"' in record.output
    no_traceback(written)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_can_be_read_and_exported(shared_folder: Path, what: str) -> None:
    path = samples_in(shared_folder)
    if what == "file":
        path.chmod(0o444)
    else:
        shared_folder.chmod(0o555)
    try:
        reads_work(path)
        with as_a_user():
            refused = clerk("--db", str(path), "import-record", "--replace", str(RECORD))
        no_traceback(refused)
        assert refused.exit_code == 1
        assert "is open read-only" in refused.output and "nothing was saved" in refused.output
    finally:
        shared_folder.chmod(0o777)


RECORD = Path(__file__).parent.parent.parent / "sample_meetings" / "fps-2019-10-17.json"


async def test_a_read_only_database_opens_the_meeting_and_says_so(
    shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_CONFIG", str(shared_folder / "config"))
    path = samples_in(shared_folder)
    with Store(path) as store:
        meeting_id = store.resolve_meeting("2019-10-17", None)
    path.chmod(0o444)
    with as_a_user():
        app = ClerkApp(path, meeting_id, cursor_blink=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LiveScreen)  # not the picker
            said = " ".join(str(n.message) for n in app._notifications)
            assert "open read-only" in said and "the database file is read-only" in said
            assert app.sub_title == "READ-ONLY"
            assert app.screen.composer.read_only
            await pilot.press("a", "b")  # nothing typed that could not be kept
            await pilot.pause()
            assert app.screen.composer.text == ""
            await pilot.press("ctrl+n")  # the next item is shown, though not kept
            await pilot.pause()
            assert app.return_code is None


def _full_disk() -> None:
    """As a full disk is to this process: no file may grow (writes fail with EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_a_full_disk_still_reads_and_says_why_nothing_is_saved(saved: tuple[Path, str]) -> None:
    path, _ = saved
    clerk_cli = [sys.executable, "-m", "clerk", "--db", str(path)]
    listed = subprocess.run(
        [*clerk_cli, "meetings", "--json"], preexec_fn=_full_disk, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    assert "Family and People" in listed.stdout
    written = subprocess.run(
        [*clerk_cli, "import-record", "--replace", str(RECORD)],
        preexec_fn=_full_disk,
        capture_output=True,
        text=True,
    )
    assert written.returncode == 1
    assert "Traceback" not in written.stderr
    assert "is open read-only (clerk cannot write beside it" in written.stderr
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
