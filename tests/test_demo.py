"""`clerk demo`'s scratch database: where it is, that it goes however the demo ends, that a
folder left by a killed demo is cleared away, and that a kept copy holds what was recorded."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.cli import main
from clerk.demo import PID_FILE, PIDLESS_GRACE, PREFIX, keep, keep_path, scratch_folder
from clerk.record import MinuteParagraph
from clerk.samples import DEMO_MEETING, load_samples
from clerk.store import Store

REPO = Path(__file__).resolve().parent.parent


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def demo_folders(parent: Path) -> list[Path]:
    return sorted(parent.glob(f"{PREFIX}*"))


def test_the_scratch_folder_names_its_demo_and_goes_at_the_end(tmp_path: Path) -> None:
    with scratch_folder(tmp_path) as folder:
        assert folder.parent == tmp_path and folder.name.startswith(PREFIX)
        assert (folder / PID_FILE).read_text().strip() == str(os.getpid())
        (folder / "demo.db").write_text("scratch")
    assert demo_folders(tmp_path) == []


def test_the_scratch_folder_goes_when_the_demo_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), scratch_folder(tmp_path):
        raise RuntimeError("the app crashed")
    assert demo_folders(tmp_path) == []


# A demo in a process of its own: prints its folder, then waits to be ended.
DEMO_PROCESS = """
import signal, sys, time
from pathlib import Path
from clerk.demo import scratch_folder
if sys.argv[2] == "nohup":
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
with scratch_folder(Path(sys.argv[1])) as folder:
    (folder / "demo.db").write_text("recorded")
    print(folder, flush=True)
    time.sleep(30)
"""


def start_demo_process(parent: Path, mode: str = "") -> tuple[subprocess.Popen[str], Path]:
    process = subprocess.Popen(
        [sys.executable, "-c", DEMO_PROCESS, str(parent), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert process.stdout is not None
    folder = Path(process.stdout.readline().strip())
    assert folder.is_dir()
    return process, folder


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_demo_hung_up_or_terminated_removes_its_folder(tmp_path: Path, signum: int) -> None:
    process, folder = start_demo_process(tmp_path)
    process.send_signal(signum)
    assert process.wait(timeout=20) == -signum  # still ended by the signal, as before
    assert not folder.exists()


def test_a_demo_under_nohup_ignores_the_hang_up_as_asked(tmp_path: Path) -> None:
    process, folder = start_demo_process(tmp_path, "nohup")
    try:
        process.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        assert process.poll() is None
        assert folder.is_dir()
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not folder.exists()


def test_a_new_demo_clears_away_folders_left_by_killed_demos(tmp_path: Path) -> None:
    killed = tmp_path / f"{PREFIX}killed"
    killed.mkdir()
    (killed / PID_FILE).write_text(f"{dead_pid()}\n")
    (killed / "demo.db").write_text("a meeting")
    running = tmp_path / f"{PREFIX}running"  # another demo, still open in another terminal
    running.mkdir()
    (running / PID_FILE).write_text(f"{os.getpid()}\n")
    old = tmp_path / f"{PREFIX}old"  # left by a clerk from before the pid files
    old.mkdir()
    an_hour_ago = time.time() - PIDLESS_GRACE - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    just_made = tmp_path / f"{PREFIX}just-made"  # its pid file is being written
    just_made.mkdir()
    not_a_folder = tmp_path / f"{PREFIX}file"
    not_a_folder.write_text("not ours to remove")
    other = tmp_path / "someone-elses-folder"
    other.mkdir()

    with scratch_folder(tmp_path) as folder:
        assert set(tmp_path.iterdir()) == {running, just_made, not_a_folder, other, folder}


def test_a_kept_copy_holds_what_is_still_in_the_wal(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    store = Store(db)
    try:
        meeting_id = load_samples(store)[DEMO_MEETING]
        item = store.load_record(meeting_id).agenda()[3]
        store.add(meeting_id, MinuteParagraph(item_id=item.id, text="Recorded in the demo."))
        # the store is still open, as the app's is when the clerk quits: the paragraph is
        # in demo.db-wal, not yet in demo.db, and a copy of the file alone would lose it
        shutil.copy(db, tmp_path / "file-copy.db")
        with Store(tmp_path / "file-copy.db") as plain:
            assert plain.list_meetings() == []

        kept = keep(db, keep_path(datetime(2019, 11, 25, 19, 5, 0), tmp_path / "kept"))
    finally:
        store.close()
    assert kept == tmp_path / "kept" / "clerk-demo-20191125-190500.db"
    with Store(kept) as copy:
        texts = [p.text for p in copy.load_record(meeting_id).paragraphs]
    assert texts == ["Recorded in the demo."]


def test_a_kept_copy_never_overwrites_another(tmp_path: Path) -> None:
    moment = datetime(2019, 11, 25, 21, 0, 0)
    first = tmp_path / "clerk-demo-20191125-210000.db"
    first.write_text("kept earlier")
    assert keep_path(moment, tmp_path) == tmp_path / "clerk-demo-20191125-210000-2.db"
    with pytest.raises(FileExistsError):
        keep(tmp_path / "demo.db", first)
    assert first.read_text() == "kept earlier"


def test_clerk_demo_says_where_its_database_is_and_that_it_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command around the app (the app itself is not run here)."""
    opened: list[tuple[Path, object, object]] = []

    def run_app(db_path: Path, meeting_id: str, *, demo: object) -> None:
        with Store(db_path) as store:
            opened.append((db_path, store.meeting(meeting_id).date, demo))

    monkeypatch.setattr("clerk.tui.app.run_app", run_app)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [(db_path, day, demo)] = opened
    assert day == date(2019, 11, 25)  # the sample meeting to record
    assert demo.db_path == db_path  # type: ignore[attr-defined]
    assert f"scratch database, {db_path}, which is thrown away when you quit" in result.output
    assert "has been thrown away" in result.output
    assert not db_path.parent.exists()
    assert demo_folders(tmp_path) == []
