"""The sample meetings clerk ships with: found beside the package, loaded into a store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerk.record import MeetingRecord

if TYPE_CHECKING:
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
    folder = sample_dir()
    return sorted(p for p in folder.iterdir() if p.suffix in (".toml", ".json"))


def read_meeting_file(path: Path) -> MeetingRecord:
    """A meeting file by its kind: a hand-written TOML meeting or a JSON meeting record."""
    if path.suffix == ".json":
        from clerk.importers import record_json

        return record_json.read(path)
    from clerk.importers import meeting_file

    return meeting_file.read(path)


def load_samples(store: Store) -> dict[str, str]:
    """Save every sample meeting not already in the store; returns file name -> meeting id."""
    from clerk.agenda_merge import existing_meeting
    from clerk.reconcile import reconcile

    loaded: dict[str, str] = {}
    for path in sample_files():
        record = read_meeting_file(path)
        stored_id = existing_meeting(store, record)
        if stored_id is not None:
            loaded[path.name] = stored_id
            continue
        record = reconcile(record, store)
        store.save_record(record)
        loaded[path.name] = record.meeting.id
    return loaded
