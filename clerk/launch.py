"""The `clerk` command's entry point: `clerk open MEETING` straight to the screen.

The clerk opens a meeting with the committee waiting, so that one command skips importing
click (and building the command tree), which is a tenth of the way to the first frame.
Only the plain forms are taken here — `clerk [--db PATH] open MEETING [--committee NAME]`, and
`clerk [--db PATH]` (the meeting picker);
anything else, and any problem with these (an unknown meeting, a locked database), goes
to the full command line in clerk.cli, which parses, helps and explains as usual.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    request = _plain_open(sys.argv[1:])
    if request is not None and _open(*request):
        return
    picker = _plain_picker(sys.argv[1:])
    if picker is not None and _picker(*picker):
        return
    from clerk.cli import main as cli

    cli()


def _plain_open(args: list[str]) -> tuple[Path | None, str, str | None] | None:
    """(database, meeting, committee) for `[--db PATH] open MEETING [--committee NAME]`."""
    db: str | None = None
    if args[:1] == ["--db"] and len(args) >= 2:
        db, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--db="):
        db, args = args[0].removeprefix("--db="), args[1:]
    if len(args) < 2 or args[0] != "open" or args[1].startswith("-"):
        return None
    meeting, rest = args[1], args[2:]
    committee = None
    if len(rest) == 2 and rest[0] in ("--committee", "-c"):
        committee = rest[1]
    elif rest:
        return None
    if db is not None and (not db or db.startswith("-")):
        return None
    return (Path(db) if db else None), meeting, committee


def _plain_picker(args: list[str]) -> tuple[Path | None] | None:
    """(database,) for `clerk` and `clerk --db PATH`: the meeting picker."""
    if not args:
        return (None,)
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return (Path(args[1]),)
    return None


def _picker(db: Path | None) -> bool:
    """Run the app on the meeting picker (ten years of meetings open at the speed of a
    bare Textual app); False when the full CLI should explain (a folder, not a database)."""
    from clerk.errors import ClerkError
    from clerk.store import Store, default_db_path

    path = db or default_db_path()
    try:
        Store(path).close()  # created if need be, as the picker would
    except ClerkError:
        return False
    from clerk.tui.app import run_app

    run_app(path, None)
    return True


def _open(db: Path | None, meeting: str, committee: str | None) -> bool:
    """Run the app on the meeting; False (nothing done) when the full CLI should explain."""
    from clerk.errors import ClerkError
    from clerk.store import Store, default_db_path

    path = db or default_db_path()
    if not path.exists():
        return False  # the CLI says there is no such database
    try:
        with Store(path) as store:
            meeting_id = store.resolve_meeting(meeting, committee)
    except ClerkError:
        return False
    from clerk.tui.app import run_app

    try:
        run_app(path, meeting_id)
    except ClerkError as exc:  # as the full command line says it: a sentence and status 1
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(1)
    return True
