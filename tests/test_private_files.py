"""The database, its side files, backups and every export are their owner's alone (0600, the
data folder 0700), and a stricter umask gives stricter files (issue 12, point 11)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.cli import main
from clerk.store import Store
from tests.conftest import SAMPLES

RECORD = SAMPLES / "fps-2019-10-17.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def umask(value: int) -> Iterator[None]:
    before = os.umask(value)
    try:
        yield
    finally:
        os.umask(before)


def clerk(db: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def exports(db: Path, folder: Path) -> list[Path]:
    """Every kind of file clerk writes from a meeting."""
    made = []
    for fmt in ("txt", "md", "html", "docx"):
        target = folder / f"minutes.{fmt}"
        clerk(db, "minutes", "2019-10-17", "-f", fmt, "-o", str(target))
        made.append(target)
    exempt = folder / "exempt.docx"
    clerk(db, "minutes", "2019-10-17", "--exempt", "-f", "docx", "-o", str(exempt))
    decisions = folder / "decisions.txt"
    clerk(db, "decisions", "2019-10-17", "-o", str(decisions))
    record = folder / "record.json"
    clerk(db, "export-record", "2019-10-17", "-o", str(record))
    tracker_csv = folder / "tracker.csv"
    clerk(db, "actions", "Family", "-f", "csv", "-o", str(tracker_csv))
    tracker_docx = folder / "tracker.docx"
    clerk(db, "actions", "Family", "-f", "docx", "-o", str(tracker_docx))
    public = folder / "public.db"
    clerk(db, "backup", "--public", "-o", str(public))
    return [*made, exempt, decisions, record, tracker_csv, tracker_docx, public]


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_the_database_folder_and_exports_are_the_owners_alone(tmp_path: Path, mask: int) -> None:
    file_mode = 0o600
    folder = tmp_path / "data" / "clerk"
    db = folder / "clerk.db"
    with umask(mask):
        clerk(db, "import-record", str(RECORD))
        with Store(db) as store:  # open: the WAL's side files are there
            assert store.list_meetings()
            side = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
            assert {mode(p) for p in side if p.exists()} <= {file_mode}
        out = tmp_path / "out"
        out.mkdir()
        made = exports(db, out)
    assert mode(folder) == 0o700 & ~mask
    assert mode(db) == file_mode
    assert {p.name: mode(p) for p in made} == {p.name: file_mode for p in made}


def test_a_stricter_umask_gives_stricter_exports(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    clerk(db, "import-record", str(RECORD))
    out = tmp_path / "out"
    out.mkdir()
    with umask(0o277):  # the owner may read them only
        made = exports(db, out)
    assert {p.name: mode(p) for p in made} == {p.name: 0o400 for p in made}


def test_an_export_over_a_file_readable_by_all_is_made_private(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    clerk(db, "import-record", str(RECORD))
    for name in ("minutes.txt", "minutes.docx"):
        target = tmp_path / name
        target.write_text("old")
        target.chmod(0o644)
        clerk(db, "minutes", "2019-10-17", "-f", name.split(".")[1], "-o", str(target))
        assert mode(target) == 0o600
