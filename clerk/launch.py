"""The `clerk` command's entry point: `clerk open MEETING` straight to the screen.

The clerk opens a meeting with the committee waiting, so that one command skips importing
click (and building the command tree), which is a tenth of the way to the first frame.
Only the plain forms are taken here — `clerk [--db PATH] open MEETING [--committee NAME]`,
`clerk [--db PATH]` (the meeting picker) and `clerk [--db PATH] search QUERY…` with its
options (the search, printed: see `_search`);
anything else, and any problem with these (an unknown meeting, a locked database), goes
to the full command line in clerk.cli, which parses, helps and explains as usual.

Nothing here imports pathlib (a third of `clerk search`'s time when it runs here), and no
annotation is postponed by `from __future__` (which imports a module to say so): those
that name what is imported only for type checking are written as strings.
"""

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (a tenth of a search)
if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType


def main() -> None:
    search = _plain_search(sys.argv[1:])
    if search is not None and _search(*search):
        _exit_now()
    request = _plain_open(sys.argv[1:])
    if request is not None and _open(*request):
        return
    picker = _plain_picker(sys.argv[1:])
    if picker is not None and _picker(*picker):
        return
    import gc

    gc.enable()  # held by _picker or _open for an app that did not start
    from clerk.cli import main as cli

    cli()


def _exit_now() -> None:
    """End the process now that everything is printed: tearing down the interpreter (the
    modules loaded, one by one) costs a tenth of `clerk search` and does nothing this
    command needs. Nothing is left open (the search's connection is closed)."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _plain_open(args: list[str]) -> "tuple[Path | None, str, str | None] | None":
    """(database, meeting, committee) for `[--db PATH] open MEETING [--committee NAME]`."""
    from pathlib import Path

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


def _plain_picker(args: list[str]) -> "tuple[Path | None] | None":
    """(database,) for `clerk` and `clerk --db PATH`: the meeting picker."""
    from pathlib import Path

    if not args:
        return (None,)
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return (Path(args[1]),)
    return None


def _picker(db: "Path | None") -> bool:
    """Run the app on the meeting picker (ten years of meetings open at the speed of a
    bare Textual app); False when the full CLI should explain (a folder, not a database)."""
    from clerk.tui import collector

    collector.hold()  # until the first frame
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


def _open(db: "Path | None", meeting: str, committee: str | None) -> bool:
    """Run the app on the meeting; False (nothing done) when the full CLI should explain."""
    from clerk.tui import collector

    collector.hold()  # until the first frame
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


# --------------------------------------------------------------------------- clerk search

#: `clerk search`'s options as clerk.cli.search declares them: name -> (key, takes a value)
_SEARCH_OPTIONS = {
    "--committee": ("committee", True),
    "-c": ("committee", True),
    "--since": ("since", True),
    "--limit": ("limit", True),
    "-n": ("limit", True),
    "--json": ("json", False),
    "--exempt": ("exempt", False),
}


def _plain_search(args: list[str]) -> tuple[str | None, str, dict[str, str | bool]] | None:
    """(database, query, options) for `[--db PATH] search QUERY…` with --committee/-c NAME,
    --since DATE, --limit/-n N, --json and --exempt anywhere among the words (and every
    word after `--`); None for any other form."""
    db: str | None = None
    if args[:1] == ["--db"] and len(args) >= 2:
        db, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--db="):
        db, args = args[0].removeprefix("--db="), args[1:]
    if not args or args[0] != "search" or (db is not None and (not db or db[0] == "-")):
        return None
    options: dict[str, str | bool] = {}
    words: list[str] = []
    rest, only_words = args[1:], False
    while rest:
        arg = rest.pop(0)
        if only_words or not arg.startswith("-"):
            words.append(arg)
            continue
        if arg == "--":
            only_words = True
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        key, takes_value = _SEARCH_OPTIONS.get(name, ("", False))
        if not key or (equals and not takes_value):
            return None  # -cNAME, --help, an unknown option: the full command line
        if takes_value and not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        options[key] = value if takes_value else True
    limit = options.get("limit", "20")
    if not words or not (isinstance(limit, str) and limit.isascii() and limit.isdigit()):
        return None
    return db, " ".join(words), options


def _search(db: str | None, text: str, options: dict[str, str | bool]) -> bool:
    """Print what `clerk search` prints, byte for byte, without click, the store or the
    record: the search's own SQL and counting (clerk.store.search_sql) on a connection
    opened here. False (nothing printed) for anything the full command does otherwise or
    explains: no such database or one to upgrade, an error, a hit whose reference needs the
    minutes composed (exempt matter, the generated items, declarations, a committee with
    its own house style), text a terminal would not show as written."""
    import os

    limit = int(str(options.get("limit", "20")))
    committee, since = options.get("committee"), options.get("since")
    if limit < 1:
        return False
    if db is None:
        db = os.environ.get("CLERK_DB")
        if db is None:
            import platformdirs  # as clerk.store.default_db_path

            db = os.path.join(platformdirs.user_data_dir("clerk"), "clerk.db")
        elif not db:
            return False
    folder = os.path.dirname(os.path.abspath(db))
    if not (os.path.isfile(db) and os.access(db, os.W_OK) and os.access(folder, os.W_OK)):
        return False  # not there (the store would create it), or opened read-only there
    if isinstance(since, str):
        import datetime

        try:
            since = datetime.date.fromisoformat(since.strip()).isoformat()
        except ValueError:
            return False
    sql = _search_sql()
    found = sql.search_alone(
        db,
        text,
        committee=committee if isinstance(committee, str) else None,
        since=since,
        exempt=bool(options.get("exempt")),
        limit=limit,
    )
    if found is None:
        return False
    rows, references = found
    out = _printed(sql, text, rows, references, as_json=bool(options.get("json")))
    if out is None:
        return False
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    return True


def _search_sql() -> "ModuleType":
    """clerk/store/search_sql.py, loaded by its path: importing it as clerk.store.search_sql
    would import the package clerk.store first, which is the whole store (its migrations,
    the record, every part of it): five times what this search costs."""
    import os

    try:
        # importlib.machinery's loader, from the module Python started with: importing
        # the package importlib (and the warnings it brings) costs more than the search's
        # own schema check
        from _frozen_importlib_external import SourceFileLoader
    except ImportError:  # not CPython
        from importlib.machinery import SourceFileLoader

    path = os.path.join(os.path.dirname(__file__), "store", "search_sql.py")
    loader = SourceFileLoader("clerk.store.search_sql", path)
    module = type(sys)(loader.name)
    module.__file__ = path
    loader.exec_module(module)
    return module


def _printed(
    sql: "ModuleType", text: str, rows: list[tuple], references: list[str], *, as_json: bool
) -> bytes | None:
    """What clerk.cli.search prints for these hits, encoded as stdout would encode it; None
    where click would print it otherwise (escape sequences it strips) or stdout cannot."""
    if as_json:
        import json

        data = []
        for row, reference in zip(rows, references, strict=True):
            kind, _, meeting_id, day, committee, item_id, number, title, _, snippet = row
            spans, at, plain = [], 0, ""
            for part, matched in sql.snippet_parts(snippet):
                if matched:
                    spans.append([at, at + len(part)])
                at += len(part)
                plain += part
            data.append(
                {
                    "meeting_id": meeting_id,
                    "date": day,
                    "committee": committee,
                    "item": {"id": item_id, "number": number or "", "title": title or ""},
                    "reference": reference,
                    "kind": kind,
                    "exempt": False,
                    "snippet": plain,
                    "matches": spans,
                }
            )
        out = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif not rows:
        out = f"Nothing found for {text}.\n"
    else:
        styled = sys.stdout.isatty()

        def mark(text: str, code: str) -> str:
            return f"\x1b[{code}m{text}\x1b[0m" if styled else text

        lines = []
        for row, reference in zip(rows, references, strict=True):
            _, _, _, day, committee, _, number, title, _, snippet = row
            number, title = number or "", title or ""
            where = f"item {number} {title}" if number else title
            lines.append(f"{mark(day, '1')}  {committee}  {where}  {reference}")
            lines.append(
                "    "
                + "".join(
                    mark(part, "1;7") if matched else part.replace("\n", " ")
                    for part, matched in sql.snippet_parts(snippet)
                )
            )
        out = "".join(line + "\n" for line in lines)
        if not styled and "\x1b" in out:
            return None  # click takes escape sequences out where they would not show
    try:
        return out.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")
    except (UnicodeError, LookupError):
        return None
