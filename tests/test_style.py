"""House style files: built-ins, overrides, and errors that point at the line."""

from __future__ import annotations

import pytest

from clerk.errors import InputError
from clerk.minutes.style import HouseStyle, builtin_styles, load_style


def test_westminster_spells_out_the_defaults() -> None:
    # read from the file: the live screen relies on this to open a meeting without reading it
    assert load_style("westminster") == HouseStyle()
    assert {"westminster", "board"} <= set(builtin_styles())


def test_a_style_file_names_only_what_it_changes(tmp_path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[resolutions]\nlabel = "({n})"\n\n[opening]\ntime = "{HH}:{mm}"\n')
    style = load_style(path)
    assert style.resolutions.label == "({n})"
    assert style.opening.time == "{HH}:{mm}"
    assert style.opening.date == HouseStyle().opening.date
    assert style.name == "mine"
    assert load_style(str(path)) == style


def test_unknown_style_name() -> None:
    with pytest.raises(InputError, match=r"no house style named 'camden'.*westminster"):
        load_style("camden")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[resolutions]\nlabel = (n)\n", 2, "not valid TOML"),
        (
            "[heading]\ntitle = 'MINUTES'\n\n[attendance]\nlayout = 'grid'\n",
            5,
            "'grid' is not one of",
        ),
        ("[opening]\ndate = '{weekday}'\ntime = '{hour}'\n", 3, r"unknown placeholder \{hour\}"),
        ("[votes]\nshow_counts = 'yes'\n", 2, "expected true or false"),
        ("[closing]\nsignatures = 'CHAIR:'\n", 2, "expected a list of texts"),
        ("[items]\norder = 'agenda'\nsort = 'x'\n", 3, "unknown setting 'items.sort'"),
        ("name = 'x'\n[colours]\nred = 1\n", 2, "unknown setting or section 'colours'"),
        ("[opening]\nsingle = 'held on {date'\n", 2, "bad template"),
    ],
)
def test_bad_style_files_name_the_line(tmp_path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as caught:
        load_style(path)
    assert caught.value.line == line
    assert caught.value.source == str(path)


def test_missing_style_file(tmp_path) -> None:
    with pytest.raises(InputError, match="no such style file"):
        load_style(tmp_path / "nope.toml")
