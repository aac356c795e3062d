"""Bad agendas: every error names the file, the line and what was expected; nothing half-imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk.errors import InputError
from clerk.importers.agenda import parse_agenda, read_agenda

HEADER = (
    "City of Westminster\n"  # 1
    "\n"
    "Title: Cabinet\n"  # 3
    "\n"
    "Meeting Date: {date}\n"  # 5
    "\n"
    "Time: {time}\n"  # 7
    "\n"
    "AGENDA\n"  # 9
    "\n"
)


def _agenda(items: str, date: str = "Monday 25th November, 2019", time: str = "7.00 pm") -> str:
    return HEADER.format(date=date, time=time) + items  # items start at line 11


def _error(text: str, source: str = "agenda.txt") -> InputError:
    with pytest.raises(InputError) as caught:
        parse_agenda(text, source)
    return caught.value


def test_an_impossible_date_names_the_line_and_the_expected_form() -> None:
    err = _error(_agenda("1. MINUTES\n", date="Monday 31st February, 2019"))
    assert (err.source, err.line) == ("agenda.txt", 5)
    assert str(err) == (
        "agenda.txt, line 5: expected a meeting date such as 'Monday 25th November, 2019', "
        "found 'Monday 31st February, 2019'"
    )


def test_a_date_that_is_not_a_date() -> None:
    err = _error(_agenda("1. MINUTES\n", date="next Tuesday"))
    assert err.line == 5
    assert "expected a meeting date such as 'Monday 25th November, 2019'" in err.message
    assert "found 'next Tuesday'" in err.message


def test_an_impossible_time() -> None:
    err = _error(_agenda("1. MINUTES\n", time="25.00 pm"))
    assert err.line == 7
    assert err.message == "expected a start time such as '7.00 pm' or '10:00 am', found '25.00 pm'"


def test_no_items_after_agenda_names_the_agenda_line() -> None:
    err = _error(_agenda("To note any changes.\n"))
    assert err.line == 9
    assert "no items" in err.message
    assert "'1. MEMBERSHIP'" in err.message


def test_no_agenda_heading_and_no_items_names_line_1() -> None:
    err = _error("Title: Cabinet\nMeeting Date: Monday 25th November, 2019\nNothing here.\n")
    assert err.line == 1
    assert "no agenda items found" in err.message
    assert "'3. MINUTES (Pages 5 - 10)'" in err.message


def test_a_repeated_item_number_names_its_line() -> None:
    err = _error(_agenda("1. MINUTES\n\n2. REPORT\n\n2. ANOTHER REPORT\n"))
    assert err.line == 15
    assert "item 2 is numbered again (first at line 13)" in err.message
    assert "expected item numbers to increase" in err.message


def test_a_decreasing_item_number_names_its_line() -> None:
    err = _error(_agenda("3. MINUTES\n\n2. REPORT\n"))
    assert err.line == 13
    assert "item 2 comes after item 3 (line 11)" in err.message


def test_pages_the_wrong_way_round() -> None:
    err = _error(_agenda("3. MINUTES\n(Pages 10 - 5)\n"))
    assert err.line == 12
    assert "expected pages from low to high such as '(Pages 5 - 10)'" in err.message


def test_no_committee_name() -> None:
    err = _error("Meeting Date: Monday 25th November, 2019\nAGENDA\n1. MINUTES\n")
    assert err.line == 1
    assert "expected the committee's name" in err.message


def test_a_date_label_without_a_date_names_the_label() -> None:
    err = _error("Title: Cabinet\n\nMeeting Date:\n\nAGENDA\n1. MINUTES\n")
    assert err.line == 3
    assert "expected a meeting date" in err.message


def test_an_empty_file() -> None:
    err = _error("  \n\n")
    assert err.line is None
    assert str(err) == (
        "agenda.txt: the file is empty; expected an agenda pack (committee, date, items)"
    )


def test_an_empty_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        read_agenda(path)
    assert str(caught.value).startswith(f"{path}: the file is empty")


def test_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "agenda.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02")
    with pytest.raises(InputError) as caught:
        read_agenda(path)
    assert caught.value.line == 3
    assert "binary file, not an agenda" in str(caught.value)
    assert str(caught.value).startswith(f"{path}, line 3:")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(_agenda("1. CAFÉ LICENCE\n").encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_agenda(path)
    assert caught.value.line == 11
    assert "not UTF-8 text (byte 0xC9" in str(caught.value)
    assert str(caught.value).startswith(f"{path}, line 11:")


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_agenda(tmp_path / "nowhere.md")


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + _agenda("1. MINUTES\n").encode())
    assert [i.title for i in read_agenda(path).record.items] == ["MINUTES"]


def test_a_bad_date_on_a_real_agenda_names_its_line() -> None:
    text = (Path(__file__).parent / "agendas" / "fpss_2019-11-25_reference.md").read_text(
        encoding="utf-8"
    )
    text = text.replace("Monday 25th November, 2019", "Monday 31st February, 2019")
    err = _error(text, "fpss.md")
    assert err.line == 11
    assert str(err).startswith("fpss.md, line 11: expected a meeting date")
