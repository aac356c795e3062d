"""F1 help that names the keys as they are bound (remapped ones included).

A small module of its own: every screen's widgets use it as they are defined, and the keys
table it draws on (keys_help) is needed only when help is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from textual.dom import DOMNode


class _HelpWithKeys:
    """HELP, the name Textual's help panel reads, worked out on each read: a descriptor
    rather than a property, so that it stands where Textual declares a class variable."""

    def __get__(self, node: DOMNode | None, owner: type | None = None) -> str | None:
        if node is None:  # read on the class: there are no bindings to name
            return None
        from clerk.tui.keys_help import help_text

        # not strict: a help text must never stop the app (tests call help_text strictly)
        return help_text(node, getattr(node, "HELP_TEMPLATE", ""), strict=False)


class KeyedHelp:
    """Mixin for a widget whose F1 help names keys: write HELP_TEMPLATE with
    `{key:BINDING_ID}` placeholders and HELP is that text with the keys as they are now.

        class Composer(KeyedHelp, TextArea):
            HELP_TEMPLATE = "**{key:phrase_noted}** \\"The Committee noted\\""
    """

    HELP_TEMPLATE: ClassVar[str] = ""
    HELP: ClassVar[_HelpWithKeys] = _HelpWithKeys()
