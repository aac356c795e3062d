"""Recovery files: words the database would not take (a full disk, a lock that never went),
written to a plain text file the clerk chose to keep them in, rather than lost.

The file goes beside the database if it can, else in the home folder, else in the system's
temporary folder (often another disk): the first that takes it. Readable by its owner only
(it may hold exempt matter).
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from clerk.dates import DAY_MONTH_YEAR, long_date
from clerk.errors import ClerkError
from clerk.record import AgendaItem, MeetingRecord


def write_recovery(
    db_path: Path,
    record: MeetingRecord,
    item: AgendaItem | None,
    text: str,
    entry: str = "",
) -> Path:
    """Write `text` (typed under `item`; `entry` names what it was: "paragraph 4.2") to a new
    recovery file and return its path. Raises ClerkError when no folder takes it."""
    now = datetime.now()
    day = long_date(record.meeting.date, DAY_MONTH_YEAR)
    lines = [
        "clerk recovery file: words typed that the database did not take.",
        "Copy them back into the meeting once the database is working again.",
        "",
        f"Meeting: {record.committee.name}, {day}",
    ]
    if item is not None:
        lines.append(f"Item: {item.number}. {item.title}")
    if entry:
        lines.append(f"Entry: {entry}")
    lines += [f"Written: {now:%Y-%m-%d %H:%M:%S}", "", text, ""]
    content = "\n".join(lines).encode("utf-8")
    name = f"clerk-recovery-{now:%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    problems = []
    for folder in _folders(db_path):
        path = folder / name
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as exc:
            problems.append(f"{folder}: {exc.strerror}")
            continue
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            problems.append(f"{folder}: {exc.strerror}")
            path.unlink(missing_ok=True)
            continue
        return path
    raise ClerkError(
        "No folder would take a recovery file (" + "; ".join(problems) + "). The words stay "
        "in the composer: copy them elsewhere by hand, or free some space."
    )


def _folders(db_path: Path) -> list[Path]:
    folders = [Path(db_path).resolve().parent, Path.home(), Path(tempfile.gettempdir())]
    return list(dict.fromkeys(folders))
