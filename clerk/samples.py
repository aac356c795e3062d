"""The sample meetings clerk ships with: found beside the package, loaded into a store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerk import importing

if TYPE_CHECKING:
    from clerk.record import MeetingRecord
    from clerk.store import Store

#: The meeting `clerk demo` opens: the agenda of the next meeting, ready to be recorded.
DEMO_MEETING = "fps-2019-11-25.toml"


def sample_dir() -> Path:
    """The installed copy (inside the wheel) or, in a checkout, the repository's folder."""
    packaged = Path(__file__).parent / "sample_meetings"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "sample_meetings"


def sample_files() -> list[Path]:
    """The sample meetings: clerk's own meeting files, not the folder's README."""
    suffixes = importing.MEETING_FILE.suffixes + importing.MEETING_RECORD.suffixes
    return sorted(p for p in sample_dir().iterdir() if p.suffix in suffixes)


def read_sample(name: str) -> MeetingRecord:
    """One sample meeting, read as `clerk import` reads it; nothing is stored."""
    return importing.read(sample_dir() / name).record


def load_samples(store: Store) -> dict[str, str]:
    """Save every sample meeting not already in the store; returns file name -> meeting id."""
    return {
        path.name: importing.import_file(store, path, same_day=importing.SameDay.KEEP).meeting_id
        for path in sample_files()
    }
