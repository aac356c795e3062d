"""User key bindings: a TOML file of binding id = "keys", applied with App.set_keymap.

# ~/.config/clerk/keys.toml (or the file named by $CLERK_CONFIG)
[keys]
new_paragraph = "f2"
next_item = "ctrl+n,ctrl+down"
"""

from __future__ import annotations

import os
from pathlib import Path


def config_path() -> Path:
    """$CLERK_CONFIG (a keys.toml file, or a folder holding one), else the user config dir."""
    override = os.environ.get("CLERK_CONFIG")
    if override:
        path = Path(override).expanduser()
        try:
            return path / "keys.toml" if path.is_dir() else path
        except OSError:  # cannot look inside: load_keymap reports why when it reads
            return path / "keys.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("clerk")) / "keys.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap in the config file and a warning to show (None when all is well)."""
    try:
        path = path or config_path()
        if not path.is_file():
            return {}, None
    except OSError as exc:
        # An unreadable config folder must not stop the clerk opening the meeting.
        where = exc.filename or path or "CLERK_CONFIG"
        return {}, f"{where}: {exc.strerror or exc} (key bindings left as they were)"
    import tomllib  # here: most clerks have no keys.toml, and their first frame waits for none

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc} (key bindings left as they were)"
    table = data.get("keys", data)
    keymap = {str(k): v for k, v in table.items() if isinstance(v, str)}
    skipped = [str(k) for k, v in table.items() if not isinstance(v, str)]
    warning = f"{path}: ignored {', '.join(skipped)} (not a key string)" if skipped else None
    return keymap, warning
