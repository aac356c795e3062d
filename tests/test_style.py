"""House style files: built-ins, overrides, and errors that point at the line."""

from __future__ import annotations

import pytest

from clerk.errors import InputError
from clerk.minutes.style import HouseStyle, builtin_styles, load_style, loads_style


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


@pytest.mark.parametrize(
    ("text", "needle", "message"),
    [
        # a dotted key names its own line, not the first line of its section
        (
            "opening.date = '{weekday} {day} {month} {year}'\nopening.time = '{hour}'\n",
            "opening.time",
            r"unknown placeholder \{hour\}",
        ),
        # what looks like a table inside a multi-line string is text, not the table
        (
            "[opening]\nsingle = '''\n[attendance]\nlayout = 'inline'\nheld on {date}'''\n\n"
            "[attendance]\nlayout = 'grid'\n",
            "layout = 'grid'",
            "'grid' is not one of",
        ),
        # an inline table: the line it is on
        ("name = 'mine'\nitems = {order = 'sideways'}\n", "items =", "'sideways' is not one of"),
    ],
)
def test_style_errors_name_the_line_the_setting_is_on(text: str, needle: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        loads_style(text, "mine.toml")
    assert caught.value.line == text[: text.index(needle)].count("\n") + 1
    assert caught.value.source == "mine.toml"


def test_lines_are_looked_for_only_when_a_style_is_wrong(monkeypatch) -> None:
    """Opening a meeting reads its style; a style without fault never pays for line numbers."""
    import clerk.toml_lines

    built: list[str] = []
    index = clerk.toml_lines.TomlLines

    def counted(text: str) -> clerk.toml_lines.TomlLines:
        built.append(text)
        return index(text)

    monkeypatch.setattr(clerk.toml_lines, "TomlLines", counted)
    for name in builtin_styles():
        load_style(name)
    assert built == []
    with pytest.raises(InputError) as caught:
        loads_style("[votes]\nshow_counts = 'yes'\n")
    assert caught.value.line == 2
    assert len(built) == 1
