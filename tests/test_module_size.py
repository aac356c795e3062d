"""Small modules: none in clerk/ runs past 500 lines without saying at its top why it is one."""

from __future__ import annotations

import ast
from pathlib import Path

CLERK = Path(__file__).resolve().parent.parent / "clerk"
LIMIT = 500


def test_every_long_module_says_why_it_is_one() -> None:
    unexplained = []
    for path in sorted(CLERK.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= LIMIT:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if "Why one module" not in docstring:
            unexplained.append(f"{path.relative_to(CLERK.parent)}: {text.count(chr(10))} lines")
    assert unexplained == []
