"""The keys, as bound: the README's keys table and the key names in the F1 help come from here.

Both are made from the `Binding`s themselves, with the user's keymap (keys.toml) applied, so
a key added, changed or remapped shows as it is. `keys_table` lists the live screen's keys
(and the roll call's); `help_text` fills `{key:BINDING_ID}` in a help text with the key the
binding has now; `python -m clerk.tui.keys_help README.md` rewrites the README's table.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.dom import DOMNode

Keymap = Mapping[str, str]

START = "<!-- keys:start -->"
END = "<!-- keys:end -->"

_NAMES = {
    "escape": "Escape",
    "enter": "Enter",
    "delete": "Delete",
    "backspace": "Backspace",
    "insert": "Insert",
    "tab": "Tab",
    "space": "Space",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta", "super": "Super"}


def key_name(key: str) -> str:
    """A Textual key as the clerk reads it: ctrl+n → Ctrl+N, f2 → F2, left_square_bracket → [."""
    from textual.keys import format_key

    *modifiers, base = key.split("+")
    if base in _NAMES:
        name = _NAMES[base]
    elif re.fullmatch(r"f\d+", base):
        name = base.upper()
    else:
        name = format_key(base)
        if len(name) == 1:
            # a letter with a modifier is written as on the keycap; alone it is what is typed
            name = name.upper() if modifiers else name
        else:
            name = name.replace("_", " ").title().replace(" ", "")
    return "+".join([*(_MODIFIERS.get(m, m.title()) for m in modifiers), name])


def binding_keys(binding: Binding, keymap: Keymap | None = None) -> list[str]:
    """The keys that press `binding`: those the keymap gives its id, else its own."""
    mapped = keymap.get(binding.id) if keymap and binding.id else None
    return [k.strip() for k in (mapped or binding.key).split(",") if k.strip()]


def key_display(binding: Binding, keymap: Keymap | None = None, sep: str = " or ") -> str:
    """`binding`'s keys for a person to read, remapped if the keymap remaps it."""
    remapped = bool(keymap and binding.id and keymap.get(binding.id))
    if binding.key_display and not remapped:
        return binding.key_display
    return sep.join(key_name(k) for k in binding_keys(binding, keymap))


def normalised_keymap(keymap: Keymap) -> dict[str, str]:
    """`keymap` as the app applies it (App.set_keymap): "[" is left_square_bracket to Textual."""
    from textual.app import App

    return dict(App._normalize_keymap(keymap))


def app_keymap(node: DOMNode) -> dict[str, str]:
    """The keymap in force (keys.toml, as the app normalised it); empty outside an app."""
    from textual.types import NoActiveAppError

    try:
        app = node.app
    except NoActiveAppError:  # outside a running app: the keys as shipped
        return {}
    return dict(getattr(app, "_keymap", {}) or {})


def find_binding(node: DOMNode, binding_id: str) -> Binding:
    """The binding with this id on `node` or around it (its parents, its screen, the app):
    what a key pressed with `node` focused can reach."""
    for candidate in node.ancestors_with_self:
        for binding in _by_id(candidate._bindings):
            if binding.id == binding_id:
                return binding
    raise KeyError(f"no binding {binding_id!r} on {type(node).__name__} or around it")


def _by_id(bindings: Iterable[tuple[str, Binding]]) -> list[Binding]:
    """One binding per id, holding all its keys: Textual keeps a binding of two keys
    ("ctrl+up,left_square_bracket") as two, one per key. Bindings without an id as they are."""
    keys: dict[str, list[str]] = {}
    joined: list[Binding] = []
    for _key, binding in bindings:
        if binding.id is None:
            joined.append(binding)
        elif binding.id not in keys:
            keys[binding.id] = [binding.key]
            joined.append(binding)
        elif binding.key not in keys[binding.id]:
            keys[binding.id].append(binding.key)
    return [b if b.id is None else replace(b, key=",".join(keys[b.id])) for b in joined]


def key_for(node: DOMNode, binding_id: str, keymap: Keymap | None = None) -> str:
    """The key (or keys) that run binding `binding_id` from `node`, as the user has them."""
    binding = find_binding(node, binding_id)
    return key_display(binding, app_keymap(node) if keymap is None else keymap)


_PLACEHOLDER = re.compile(r"\{key:([A-Za-z0-9_]+)\}")


def help_text(
    node: DOMNode, template: str, keymap: Keymap | None = None, *, strict: bool = True
) -> str:
    """`template` with each `{key:BINDING_ID}` replaced by that binding's key(s) now.

    For F1 help: a widget's HELP written with placeholders shows a key remapped in
    keys.toml as remapped. A binding not found from `node` raises KeyError (a test notices
    a renamed binding); with `strict=False` its id is shown instead, so that F1 never fails.
    """
    keymap = app_keymap(node) if keymap is None else keymap

    def key(match: re.Match[str]) -> str:
        try:
            return key_display(find_binding(node, match.group(1)), keymap, sep=" / ")
        except KeyError:
            if strict:
                raise
            return match.group(1)

    return _PLACEHOLDER.sub(key, template)


@dataclass(frozen=True)
class KeyRow:
    keys: str  # as displayed: "F2", "Ctrl+Up or ["
    does: str
    where: str = ""  # "in the composer", or "" for anywhere on the screen
    binding_id: str | None = None  # None: a row the bindings cannot express


#: What each key does, said more fully than a footer label can. A binding missing here is
#: still listed, with its footer label.
DOES: dict[str, str] = {
    "new_paragraph": "a new paragraph",
    "new_resolution": 'a RESOLVED entry ("That " filled in)',
    "roll_call": "roll call (its keys are below)",
    "declaration": "a declaration of interest",
    "no_declarations": "on the Declarations item: no declarations",
    "vote": "a vote (show of hands or recorded, casting vote)",
    "add_action": "an action arising",
    "insert_person": "a person's name and role in house form",
    "outcome": "the item's outcome",
    "close_meeting": "the meeting ended at (again to correct it)",
    "meeting_menu": "urgent item, adjourn, resume, start time, reopen, back to the meetings",
    "next_item": "next item",
    "previous_item": "previous item",
    "focus_agenda": "to the agenda: choose any item with the arrows and Enter (or the mouse)",
    "approve_minutes": "on the Minutes item: the standard resolution approving the last "
    "meeting's minutes",
    "delete_entry": "delete the highlighted entry (Ctrl+Z brings it back)",
    "leave_composer": "to the item's record (the entry typed is finished)",
    "focus_composer": "back to the composer",
    "edit_entry": "edit the highlighted paragraph or resolution in the composer",
    "take_item": "take the highlighted item (items can be taken out of order)",
    "undo": "undo typing; with nothing to undo there, the last change to the meeting",
    "redo": "redo typing; with nothing to redo there, the change to the meeting last undone",
    "undo_meeting": "undo the last change to the meeting (an entry typed or deleted, a roll "
    "call mark, an outcome…); again for the one before",
    "redo_meeting": "do again the change last undone",
    "move_up": "move the highlighted paragraph or resolution up",
    "move_down": "move the highlighted paragraph or resolution down",
    "note_entry": "make the highlighted paragraph an unnumbered note (again: numbered)",
    "help": "help for what has focus",
    "quit": "quit (your typing is saved as you go)",
    "rollcall_present": "present",
    "rollcall_apologies": "apologies",
    "rollcall_absent": "absent",
    "rollcall_substitute": "a substitute for the highlighted member",
    "rollcall_deputy": "a deputy for the highlighted member",
    "rollcall_membership": "a membership change: the highlighted member has left the committee "
    "(replaced or not), or a new member has joined it",
    "rollcall_also_present": "a councillor also present",
    "rollcall_officer": "an officer",
    "rollcall_late": "arrived late",
    "rollcall_early": "left early",
    "rollcall_clear": "clear the highlighted line",
    "rollcall_back": "back to the meeting",
    "rollcall_merge": "someone added twice: merge the highlighted person into the right one",
    "rollcall_remove": "someone added by mistake: remove them (if nothing else names them)",
}


def _described(binding: Binding) -> str:
    if binding.id in DOES:
        return DOES[binding.id]
    phrase = re.fullmatch(r"phrase\('(\w+)'\)", binding.action)
    if phrase:
        from clerk.tui.session import PHRASES

        return f'the house phrase "{PHRASES[phrase.group(1)].strip()}"'
    return binding.tooltip or binding.description


def _rows(bindings: Iterable[Binding], keymap: Keymap | None, where: str = "") -> list[KeyRow]:
    return [
        KeyRow(key_display(b, keymap), _described(b), where, b.id)
        for b in bindings
        if b.id is not None  # clerk's own; the text editor's cursor keys have no id
    ]


def _class_bindings(cls: type[DOMNode]) -> list[Binding]:
    return _by_id(cls._merge_bindings())


def keys_table(keymap: Keymap | None = None) -> tuple[list[KeyRow], list[KeyRow]]:
    """The live screen's keys and the roll call's, from their bindings, with `keymap` applied
    (None: as shipped)."""
    from textual.app import App

    from clerk.tui.app import ClerkApp
    from clerk.tui.screens.live import LiveScreen
    from clerk.tui.screens.rollcall import RollCallScreen
    from clerk.tui.widgets.composer import Composer
    from clerk.tui.widgets.item_record import ItemRecord
    from clerk.tui.widgets.live import AgendaList

    composer, record, agenda = "in the composer", "in the item's record", "in the agenda"
    screen = _class_bindings(LiveScreen)
    live = [
        # the composer takes Enter itself (Composer.key_first), not by a binding
        KeyRow("type, Enter", "the current item's next numbered paragraph (4.1, 4.2 …)"),
        *_rows([b for b in screen if b.id != "leave_composer"], keymap),
        *_rows([b for b in screen if b.id == "leave_composer"], keymap, composer),
        *_rows(_class_bindings(Composer), keymap, composer),
        *_rows(_class_bindings(ItemRecord), keymap, record),
        KeyRow("a number", "highlight that item (5, 4A)", agenda),
        *_rows(_class_bindings(AgendaList), keymap, agenda),
        *_rows(_class_bindings(ClerkApp), keymap),
        KeyRow(
            key_display(Binding(App.COMMAND_PALETTE_BINDING, ""), keymap),
            "the actions valid now, by name (and the theme)",
        ),
    ]
    return live, _rows(_class_bindings(RollCallScreen), keymap)


def _md_key(keys: str) -> str:
    # single characters in code spans, so that `[` or `|` is read as a key, not markup
    parts = keys.split(" or ")
    return " or ".join(f"`{p}`" if len(p) == 1 else p for p in parts).replace("|", "\\|")


def _md_table(rows: list[KeyRow]) -> list[str]:
    lines = ["| key | does |", "|---|---|"]
    for row in rows:
        does = f"{row.where}: {row.does}" if row.where else row.does
        lines.append(f"| {_md_key(row.keys)} | {does.replace('|', chr(92) + '|')} |")
    return lines


def keys_markdown(keymap: Keymap | None = None) -> str:
    """The README's keys section (between the markers): the live screen, then the roll call."""
    live, rollcall = keys_table(keymap)
    lines = [
        *_md_table(live),
        "",
        "In the roll call (one key per member; the cursor moves down):",
        "",
        *_md_table(rollcall),
    ]
    return "\n".join(lines) + "\n"


def with_keys(text: str, block: str) -> str:
    """`text` (the README) with the part between the markers replaced by `block`."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the markers {START} and {END} are not in the text")
    return text[: start + len(START)] + "\n" + block + text[end:]


def readme_block(text: str) -> str:
    """What is between the markers now."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the markers {START} and {END} are not in the text")
    return text[start + len(START) : end].removeprefix("\n")


def main(argv: list[str] | None = None) -> int:
    """python -m clerk.tui.keys_help README.md: rewrite the README's keys table."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m clerk.tui.keys_help README.md", file=sys.stderr)
        return 2
    path = Path(args[0])
    text = path.read_text(encoding="utf-8")
    updated = with_keys(text, keys_markdown())
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"Updated the keys table in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
