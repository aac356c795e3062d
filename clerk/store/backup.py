"""Backups: online copies of the database through SQLite's backup API, and restoring one.

`take_backup(store)` copies the open database, its WAL included, to a dated file beside it
(clerk-backup-YYYYMMDD-HHMMSS.db for clerk.db), keeping the newest KEEP_BACKUPS: the live
screen takes one when a meeting is closed and when clerk quits. `backup_to` writes one where
the clerk says (`clerk backup -o FILE`). `restore` replaces the database by a backup after
checking it is a sound clerk database, keeping the current one aside first.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.migrations import APPLICATION_ID, SCHEMA_VERSION
from clerk.private_files import create_private
from clerk.store.connection import StoreError, sqlite_backup

if TYPE_CHECKING:
    from clerk.store import Store

KEEP_BACKUPS = 10  # dated backups kept beside the database; the oldest go first


def backup_name(db_path: Path, kind: str = "backup", when: datetime | None = None) -> Path:
    """clerk.db -> clerk-backup-20261130-070500.db (-2, -3 … if that second is taken)."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-{kind}-{stamp}.db")
    n = 2
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}-{kind}-{stamp}-{n}.db")
        n += 1
    return target


def backups_of(db_path: Path) -> list[Path]:
    """The dated backups beside the database, oldest first (by when each was written: names
    taken in the same second end -2, -3 … and -10 would sort before -2)."""
    found = db_path.parent.glob(f"{db_path.stem}-backup-*.db")
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, len(p.name), p.name))


def backup_to(store: Store, target: Path) -> Path:
    """An online copy of the store's database (committed rows, the WAL's included) at
    `target`, created 0600. Another program may go on writing meanwhile."""
    target = Path(target)
    if target.resolve() == store.path.resolve():
        raise StoreError(f"{target} is the database itself; choose another file for the backup.")
    try:
        create_private(target)
        to_db = sqlite3.connect(str(target))
        try:
            with store._lock:
                store._conn.backup(to_db)
            # one self-contained file: reading it later leaves no -wal or -shm beside it
            to_db.execute("PRAGMA journal_mode = DELETE")
        finally:
            to_db.close()
    except OSError as exc:
        raise StoreError(f"Could not write the backup {target}: {exc.strerror}") from exc
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise store._error(exc, f"Could not back up {store.path} to {target}") from exc
    return target


def take_backup(store: Store, keep: int = KEEP_BACKUPS) -> Path:
    """A dated backup beside the database; then only the newest `keep` are kept."""
    target = backup_to(store, backup_name(store.path))
    for old in backups_of(store.path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def check_backup(path: Path) -> None:
    """StoreError unless `path` is a clerk database that passes SQLite's integrity_check and
    that this clerk can read. The file is only read."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such file.")
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not a clerk database (it is not an SQLite file).")
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path} cannot be opened as a database ({exc}).") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise StoreError(f"{path} is an SQLite database but not a clerk database.")
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        except sqlite3.DatabaseError as exc:  # too damaged for the check itself to finish
            problems = [str(exc)]
    except sqlite3.Error as exc:
        raise StoreError(f"{path} cannot be read as a database ({exc}).") from exc
    finally:
        conn.close()
    if problems != ["ok"]:
        raise StoreError(
            f"{path} fails SQLite's integrity check ({'; '.join(problems)[:200]}): it is "
            "damaged. Choose another backup."
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer version of clerk (database version {version}); "
            "upgrade clerk to restore it."
        )


def restore(db_path: Path, source: Path) -> Path | None:
    """Replace the database at `db_path` by the backup `source`, once `source` passes
    `check_backup`; the current database is first copied aside (clerk-before-restore-….db),
    and that copy is returned (None when there was no database)."""
    db_path, source = Path(db_path), Path(source)
    check_backup(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StoreError(f"{source} is the database itself; name a backup to restore.")
    aside = None
    try:
        if db_path.exists():
            aside = backup_name(db_path, "before-restore")
            create_private(aside)
            sqlite_backup(str(db_path), aside, alone=True)
        else:
            create_private(db_path)
        sqlite_backup(f"{source.absolute().as_uri()}?mode=ro", db_path, uri=True, timeout=2.0)
    except OSError as exc:
        raise StoreError(f"Could not restore {source} to {db_path}: {exc.strerror}") from exc
    except sqlite3.Error as exc:
        kept_note = f" The database as it was is in {aside}." if aside else ""
        raise StoreError(f"Could not restore {source} to {db_path}: {exc}.{kept_note}") from exc
    return aside
