"""The private parts of Textual that clerk relies on, each checked on its own.

clerk reaches into Textual where no public API does the job: the item record changes one
option of an OptionList without measuring every other again, the terminal driver reads an
Escape as an Escape however busy the app is, keys are handed on in the order typed, and the
tests deliver keys as a terminal does. Textual may change any of these in any release, so it
is pinned to the minor version they were checked on (pyproject.toml), and when it is
upgraded this file says which internal moved and which clerk module needs it, rather than
the app failing somewhere in a live meeting.

Where clerk copies or mirrors a Textual method, the method's source is fingerprinted: a new
fingerprint means reading Textual's new version, carrying its changes over to clerk's copy,
then writing the new fingerprint here.
"""

from __future__ import annotations

import hashlib
import inspect
from collections import deque
from collections.abc import Callable
from importlib.metadata import version
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.message_pump import MessagePump
from textual.notifications import Notification
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

TEXTUAL = version("textual")


def needed(ok: object, internal: str, used_by: str) -> None:
    assert ok, (
        f"Textual {TEXTUAL} changed {internal}, which {used_by} relies on: read Textual's new "
        "code, change clerk to suit (or use a public API if there now is one), then this test"
    )


def parameters(function: Callable[..., Any]) -> list[str]:
    return [p for p in inspect.signature(function).parameters if p != "self"]


def takes(function: Callable[..., Any], names: list[str], internal: str, used_by: str) -> None:
    needed(callable(function), internal, used_by)
    got = parameters(function)
    assert got == names, (
        f"Textual {TEXTUAL}: {internal} now takes {got}, not {names}; {used_by} calls it"
    )


def fingerprint(function: Callable[..., Any]) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def unchanged(function: Callable[..., Any], expected: str, used_by: str) -> None:
    got = fingerprint(function)
    assert got == expected, (
        f"Textual {TEXTUAL} changed {function.__qualname__} (fingerprint {got}, was {expected}): "
        f"{used_by}. Read the new code, carry its changes over, then put {got!r} here."
    )


# --------------------------------------------------------------------------- OptionList

ITEM_RECORD = "clerk.tui.widgets.item_record (ItemRecord changes one option at a time)"
STEADY = "clerk.tui.widgets.live.SteadyOptionList (keeps its lines through a Resize)"


def test_option_list_keeps_its_options_in_three_structures() -> None:
    first, second = Option("a", id="a"), Option("b")
    options = OptionList(first, second)
    needed(isinstance(options._options, list), "OptionList._options", ITEM_RECORD)
    needed(options._options == [first, second], "OptionList._options", ITEM_RECORD)
    needed(list(options.options) == options._options, "OptionList._options", ITEM_RECORD)
    needed(
        options._option_to_index == {first: 0, second: 1},
        "OptionList._option_to_index (option -> index)",
        ITEM_RECORD,
    )
    needed(options._id_to_option == {"a": first}, "OptionList._id_to_option", ITEM_RECORD)


def test_option_list_caches_its_measured_and_drawn_lines() -> None:
    options = OptionList(Option("a"))
    cache = options._line_cache
    needed(isinstance(cache.lines, list), "OptionList._line_cache.lines", ITEM_RECORD)
    needed(isinstance(cache.heights, dict), "OptionList._line_cache.heights", ITEM_RECORD)
    needed(
        isinstance(cache.index_to_line, dict), "OptionList._line_cache.index_to_line", ITEM_RECORD
    )
    takes(cache.clear, [], "OptionList._line_cache.clear", ITEM_RECORD)
    takes(options._option_render_cache.clear, [], "OptionList._option_render_cache", ITEM_RECORD)
    takes(OptionList._update_lines, [], "OptionList._update_lines", f"{ITEM_RECORD} and {STEADY}")
    # ItemRecord cuts the line cache from one option on: _update_lines must measure again
    # from the option after the last line it holds
    unchanged(
        OptionList._update_lines,
        "fe2bedbdc372598b",
        f"{ITEM_RECORD} forgets the lines from one option on, and {STEADY} notes the width",
    )


def test_option_list_removes_options_as_item_record_does() -> None:
    needed(
        isinstance(inspect.getattr_static(OptionList, "_mouse_hovering_over"), Reactive),
        "OptionList._mouse_hovering_over",
        ITEM_RECORD,
    )
    # ItemRecord.remove_options_at is this, for several options and one redraw
    unchanged(OptionList._remove_option, "e766b3853655df19", ITEM_RECORD)
    # ItemRecord.insert_option_at does the bookkeeping this does, at an index
    unchanged(OptionList.add_options, "84fa492e82306aba", ITEM_RECORD)


def test_an_option_prompt_is_replaced_in_place() -> None:
    option = Option("before")
    takes(option._set_prompt, ["prompt"], "Option._set_prompt", ITEM_RECORD)
    option._set_prompt("after")
    needed(option.prompt == "after", "Option._set_prompt", ITEM_RECORD)


def test_option_list_drops_its_lines_on_resize_in_a_handler_of_its_own() -> None:
    needed("_on_resize" in OptionList.__dict__, "OptionList._on_resize", STEADY)
    options = OptionList(Option("a"))
    options._line_cache.lines.append((0, 0))
    options._on_resize()
    needed(options._line_cache.lines == [], "OptionList._on_resize (clears caches)", STEADY)


# --------------------------------------------------------------------------- keys and actions

APP = "clerk.tui.app.ClerkApp"
KEYS = "clerk.tui.widgets.keys.KeysInOrder"
KEYS_HELP = "clerk.tui.keys_help"


class _Target(Static, can_focus=True):
    BINDINGS = [Binding("x", "noted('binding')", "X", id="x")]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[str, bool]] = []

    def on_key(self, event: events.Key) -> None:
        self.keys.append((event.key, event.is_forwarded))


class _Probe(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.dispatched: list[str] = []

    def compose(self) -> ComposeResult:
        yield _Target()

    async def _dispatch_action(self, namespace: Any, action_name: str, params: Any) -> bool:
        self.dispatched.append(action_name)
        return await super()._dispatch_action(namespace, action_name, params)

    def action_noted(self, what: str) -> None:
        self.dispatched.append(f"ran {what}")


async def test_actions_keys_and_messages_go_where_clerk_expects() -> None:
    takes(
        App._dispatch_action,
        ["namespace", "action_name", "params"],
        "App._dispatch_action",
        f"{APP}._dispatch_action (a refused write from any action is noted, not a crash)",
    )
    needed(
        isinstance(inspect.getattr_static(Screen, "_binding_chain"), property),
        "Screen._binding_chain",
        f"{APP}.on_event and {KEYS}._on_key",
    )
    takes(Widget._forward_event, ["event"], "Widget._forward_event", KEYS)
    takes(App._post_message, ["message"], "App._post_message", "clerk.tui.driver, tests")
    app = _Probe()
    async with app.run_test() as pilot:
        target = app.query_one(_Target)
        target.focus()
        await pilot.pause()
        await app.run_action("noted('run_action')")
        needed(
            app.dispatched[:2] == ["noted", "ran run_action"],
            "App._dispatch_action (every action goes through it)",
            f"{APP}._dispatch_action",
        )
        chain = app.screen._binding_chain
        needed(
            all(isinstance(n, DOMNode) and isinstance(b, BindingsMap) for n, b in chain),
            "Screen._binding_chain (a list of (node, BindingsMap))",
            f"{APP}.on_event and {KEYS}._on_key",
        )
        needed(
            chain[0][0] is target and "x" in chain[0][1].key_to_bindings,
            "Screen._binding_chain (from the focused widget up)",
            KEYS,
        )
        target._forward_event(events.Key("y", "y"))
        await pilot.pause()
        needed(target.keys == [("y", True)], "Widget._forward_event", KEYS)
        needed(
            app._message_queue.empty(),
            "MessagePump._message_queue",
            "tests/tui/terminal.py (settled)",
        )
        app.notify("said", title="Title")
        await pilot.pause()
        notes = list(app._notifications)
        needed(
            [(n.title, n.message) for n in notes] == [("Title", "said")]
            and all(isinstance(n, Notification) for n in notes),
            "App._notifications",
            "the tests that read what the clerk was told",
        )


def test_message_queue_is_a_property_of_every_pump() -> None:
    needed(
        isinstance(inspect.getattr_static(MessagePump, "_message_queue"), property)
        or hasattr(inspect.getattr_static(MessagePump, "_message_queue"), "__get__"),
        "MessagePump._message_queue",
        "tests/tui/terminal.py (settled)",
    )


def test_bindings_and_the_keymap_as_keys_help_reads_them() -> None:
    app = App()
    needed(isinstance(app._keymap, dict), "App._keymap", f"{KEYS_HELP}.app_keymap")
    app.set_keymap({"quit": "ctrl+c"})
    needed(app._keymap == {"quit": "ctrl+c"}, "App._keymap", f"{KEYS_HELP}.app_keymap")
    needed(
        App._normalize_keymap({"up": "["}) == {"up": "left_square_bracket"},
        "App._normalize_keymap",
        f"{KEYS_HELP}.normalised_keymap (clerk keys)",
    )
    needed(isinstance(app._bindings, BindingsMap), "DOMNode._bindings", f"{KEYS_HELP}.find_binding")

    class WithKeys(Widget):
        BINDINGS = [Binding("f2", "new", "New", id="new")]  # noqa: RUF012

    merged = WithKeys._merge_bindings()
    needed(
        isinstance(merged, BindingsMap) and "f2" in merged.key_to_bindings,
        "DOMNode._merge_bindings",
        f"{KEYS_HELP} (the keys table of each class)",
    )


def test_text_area_history_stacks() -> None:
    history = TextArea("text").history
    for stack in ("_undo_stack", "_redo_stack"):
        needed(
            isinstance(getattr(history, stack, None), deque),
            f"TextArea.history.{stack}",
            "clerk.tui.widgets.composer (whether typing can be undone or redone)",
        )


# --------------------------------------------------------------------------- the terminal driver

DRIVER = "clerk.tui.driver.ClerkDriver"


def test_the_input_thread_clerk_copies() -> None:
    # ClerkDriver.run_input_thread is LinuxDriver's with two changes (see its docstring)
    unchanged(
        LinuxDriver.run_input_thread, "d796af6d69db337d", f"{DRIVER}.run_input_thread copies it"
    )
    takes(LinuxDriver.process_message, ["message"], "LinuxDriver.process_message", DRIVER)
    takes(LinuxDriver.send_message, ["message"], "LinuxDriver.send_message", DRIVER)
    init = inspect.getsource(LinuxDriver.__init__)
    for attribute in ("self.fileno =", "self.exit_event ="):
        needed(attribute in init, f"LinuxDriver.{attribute[5:-2]}", DRIVER)
    base = inspect.getsource(Driver.__init__)
    for attribute in ("self._app =", "self._loop =", "self._debug ="):
        needed(attribute in base, f"Driver.{attribute[5:-2]}", DRIVER)
    needed(
        "_driver" in inspect.getsource(App.__init__),
        "App._driver",
        "benchmarks/bench_tui_latency.py",
    )


def test_the_xterm_parser_and_loop_last() -> None:
    from textual._loop import loop_last
    from textual._xterm_parser import XTermParser

    needed(
        list(loop_last("ab")) == [(False, "a"), (True, "b")],
        "textual._loop.loop_last",
        DRIVER,
    )
    parser = XTermParser(False)
    keys = [e for e in parser.feed("a") if isinstance(e, events.Key)]
    needed([k.key for k in keys] == ["a"], "textual._xterm_parser.XTermParser.feed", DRIVER)
    needed(list(parser.tick()) == [], "textual._xterm_parser.XTermParser.tick", DRIVER)


# --------------------------------------------------------------------------- the tests' own keys


def test_the_key_names_tests_type_with() -> None:
    from textual import keys

    used_by = "tests/tui/terminal.py (keys as the terminal driver makes them)"
    needed(keys._character_to_key("[") == "left_square_bracket", "keys._character_to_key", used_by)
    needed(
        keys._get_unicode_name_from_key("left_square_bracket") == "LEFT SQUARE BRACKET",
        "keys._get_unicode_name_from_key",
        used_by,
    )
    needed(isinstance(keys.KEY_NAME_REPLACEMENTS, dict), "keys.KEY_NAME_REPLACEMENTS", used_by)
    needed(isinstance(keys.REPLACED_KEYS, dict), "keys.REPLACED_KEYS", used_by)
