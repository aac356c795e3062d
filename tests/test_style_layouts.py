"""Layouts a style file can express (issue 11, part 2), each with the output it gives, and the
`clerk style` commands."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.cli import main
from clerk.minutes.compose import compose_minutes
from clerk.minutes.document import Paragraph
from clerk.minutes.style import STYLES_DIR, loads_style
from clerk.record import AttendanceStatus
from tests.minutes_builders import MeetingBuilder, committee_of_three, lines, minutes_text


def style(text: str):
    return loads_style(text, "test.toml")


def members_line(text: str) -> str:
    return next(line for line in lines(text) if line.startswith("Members Present:"))


# --------------------------------------------------------------------------- item headings


def test_the_item_heading_form() -> None:
    m, _ = committee_of_three()
    m.item("5", "NHS AND CCG UPDATE")
    record = m.build()
    assert "5. NHS AND CCG UPDATE" in lines(minutes_text(record))
    no_stop = style('[items]\nheading = "{number} {title_case}"')
    assert "5 NHS and CCG Update" in lines(minutes_text(record, no_stop))
    item_word = style('[items]\nheading = "Item {number}: {title_upper}"')
    assert "Item 5: NHS AND CCG UPDATE" in lines(minutes_text(record, item_word))


# --------------------------------------------------------------------------- times


def test_the_closing_time_has_a_form_of_its_own() -> None:
    m, _ = committee_of_three()
    record = m.build()  # starts 7.00 pm, ends 8.59 pm
    text = minutes_text(record)
    assert "The Meeting ended at 8.59 pm." in lines(text)
    separate = style(
        '[opening]\nsingle = "Minutes of a meeting of the {committee} held at {start_time}."\n'
        'time = "{h12}.{mm}{ampm}"\n[closing]\ntime = "{HH}:{mm}"'
    )
    out = lines(minutes_text(record, separate))
    assert any(line.endswith("held at 7.00pm.") for line in out)
    assert "The Meeting ended at 20:59." in out


# --------------------------------------------------------------------------- order of people


def ordered_meeting() -> MeetingBuilder:
    """Seats listed Short, Glanz (Chairman), Adams, Dr Zed; marked in the roll call Zed,
    Adams, Short, Glanz."""
    m = MeetingBuilder()
    short = m.member("Selina Short", present=False)
    glanz = m.member("Jonathan Glanz", chair=True, present=False)
    adams = m.member("Ann Adams", present=False)
    zed = m.member("Zara Zed", honorific="Dr", present=False)
    for person in (zed, adams, short, glanz):
        m.attend(person, AttendanceStatus.PRESENT)
    return m


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (
            "alphabetical",
            "Members Present: Councillor Jonathan Glanz (Chairman), Councillor Ann Adams, "
            "Councillor Selina Short and Dr Zara Zed",
        ),
        (
            "recorded",
            "Members Present: Dr Zara Zed, Councillor Ann Adams, Councillor Selina Short and "
            "Councillor Jonathan Glanz (Chairman)",
        ),
        (
            "seat",
            "Members Present: Councillor Selina Short, Councillor Jonathan Glanz (Chairman), "
            "Councillor Ann Adams and Dr Zara Zed",
        ),
        (
            "councillors_first",
            "Members Present: Councillor Jonathan Glanz (Chairman), Councillor Ann Adams, "
            "Councillor Selina Short and Dr Zara Zed",
        ),
    ],
)
def test_the_order_of_people(order: str, expected: str) -> None:
    record = ordered_meeting().build()
    text = minutes_text(record, style(f'[attendance]\norder = "{order}"'))
    assert members_line(text) == expected


def test_councillors_first_puts_others_after_them_one_a_line() -> None:
    m = ordered_meeting()
    m.member("Bea Brown", present=True)
    text = minutes_text(
        m.build(), style('[attendance]\nlayout = "per_person"\norder = "councillors_first"')
    )
    out = lines(text)
    start = out.index("Present:")
    assert out[start + 1 : start + 6] == [
        "Councillor Jonathan Glanz (Chairman)",
        "Councillor Ann Adams",
        "Councillor Bea Brown",
        "Councillor Selina Short",
        "Dr Zara Zed",
    ]


# --------------------------------------------------------------------------- bold markers


def test_bold_markers_in_fixed_text_are_honoured_not_printed() -> None:
    m, _ = committee_of_three()
    three = m.item("3", "MINUTES")
    m.resolve(three, "That the minutes be approved.")
    bold = style(
        '[resolutions]\nheading = "**RESOLVED:**"\n'
        '[declarations]\nnone = "**No declarations** were made."\n'
        '[closing]\nended = "The meeting ended at **{time}**."'
    )
    record = m.build()
    text = minutes_text(record, bold)
    assert "**" not in text
    assert "RESOLVED:" in lines(text)
    assert "2.1 No declarations were made." in lines(text)
    assert "The meeting ended at 8.59 pm." in lines(text)
    document = compose_minutes(record, bold)
    closing = [b for b in document.blocks if isinstance(b, Paragraph)][-1]
    assert [(r.text, r.bold) for r in closing.runs] == [
        ("The meeting ended at ", False),
        ("8.59 pm", True),
        (".", False),
    ]


def test_a_time_in_a_templated_value_never_turns_bold_on() -> None:
    m, _ = committee_of_three()
    m.meeting.end_time = time(21, 5)
    assert "The Meeting ended at 9.05 pm." in lines(minutes_text(m.build()))


# --------------------------------------------------------------------------- clerk style


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_style_show_prints_a_built_in_style_to_start_from(tmp_path: Path) -> None:
    result = run("style", "show", "westminster")
    assert result.exit_code == 0
    assert result.output == (STYLES_DIR / "westminster.toml").read_text(encoding="utf-8")
    copy = tmp_path / "mine.toml"
    copy.write_text(result.output, encoding="utf-8")
    assert run("style", "check", str(copy)).exit_code == 0
    unknown = run("style", "show", "nope")
    assert unknown.exit_code == 1
    assert "no built-in house style named 'nope' (built-in styles: board, westminster)" in (
        unknown.output
    )


def test_style_check_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "council.toml"
    path.write_text('[items]\norder = "agenda"\nheading = "{number}. {chair}"\n', encoding="utf-8")
    result = run("style", "check", str(path))
    assert result.exit_code == 1
    assert f"{path}, line 3: items.heading: unknown placeholder {{chair}}" in result.output
    path.write_text('[items]\nheading = "{number} {title_case}"\n', encoding="utf-8")
    result = run("style", "check", str(path))
    assert result.exit_code == 0
    assert f"{path}: a sound house style, named 'council'" in result.output


# --------------------------------------------------------------------------- the documentation


def test_the_documentation_names_every_setting_with_its_westminster_value() -> None:
    """docs/house-style.md has a table row for every setting, under its section, whose
    Westminster column is the built-in value (read as TOML)."""
    import dataclasses
    import re
    import tomllib

    from clerk.minutes.style import HouseStyle

    doc = (Path(__file__).resolve().parent.parent / "docs" / "house-style.md").read_text()
    sections = re.split(r"^### ", doc, flags=re.MULTILINE)
    defaults = HouseStyle()
    missing, wrong = [], []
    for f in dataclasses.fields(defaults):
        if f.name == "name":
            continue
        section = next((s for s in sections if s.startswith(f"`[{f.name}]`")), "")
        for setting in dataclasses.fields(getattr(defaults, f.name)):
            row = re.search(rf"^\| `{setting.name}` \| `(.*?)` \|", section, flags=re.MULTILINE)
            if row is None:
                missing.append(f"{f.name}.{setting.name}")
                continue
            documented = tomllib.loads(f"v = {row[1]}")["v"]
            if documented != getattr(getattr(defaults, f.name), setting.name):
                wrong.append(f"{f.name}.{setting.name}")
    assert missing == []
    assert wrong == []


def test_deputies_grouped_after_their_members() -> None:
    m = MeetingBuilder("Health and Wellbeing Board", chair_title="Chair", body="Board")
    m.member("Tim Mitchell", chair=True)
    police = m.member("Sue Williams", honorific="Chief Superintendent", present=False)
    health = m.member("Jules Martin", honorific="Dr", present=False)
    adams = m.member("Ann Adams", present=False)
    for member in (police, health, adams):
        m.attend(member, AttendanceStatus.APOLOGIES)
    m.attend(
        m.person("Kevin Lee", honorific="Inspector"), AttendanceStatus.DEPUTY, substitute_for=police
    )
    m.attend(
        m.person("Neville Purssell", honorific="Dr"), AttendanceStatus.DEPUTY, substitute_for=health
    )
    text = minutes_text(m.build(), style('[membership]\ngrouping = "deputies_after_their_members"'))
    assert next(line for line in lines(text) if line.startswith("1.1 ")) == (
        "1.1 Apologies for absence were received from Dr Jules Martin and Chief Superintendent "
        "Sue Williams. Dr Neville Purssell and Inspector Kevin Lee attended as their respective "
        "Deputies. Apologies for absence were also received from Councillor Ann Adams."
    )


# --------------------------------------------------------------------------- heading block


def heading_lines(text: str) -> list[str]:
    out = lines(text)
    return out[: next(i for i, line in enumerate(out) if line.startswith("Minutes of a"))]


def test_the_heading_block_lines_and_their_order() -> None:
    m, _ = committee_of_three(councils=["City of Westminster", "Royal Borough of Kensington"])
    record = m.build()
    assert heading_lines(minutes_text(record)) == [
        "CITY OF WESTMINSTER",
        "ROYAL BOROUGH OF KENSINGTON",
        "MINUTES",
        "Family and People Services Policy and Scrutiny Committee",
        "MINUTES OF PROCEEDINGS",
    ]
    own = style(
        "[heading]\nuppercase_councils = false\n"
        'lines = ["{COMMITTEE}", "MINUTES OF PROCEEDINGS", "{council}"]'
    )
    assert heading_lines(minutes_text(record, own)) == [
        "FAMILY AND PEOPLE SERVICES POLICY AND SCRUTINY COMMITTEE",
        "MINUTES OF PROCEEDINGS",
        "City of Westminster",
        "Royal Borough of Kensington",
    ]


# --------------------------------------------------------------------------- also present


def test_also_present_as_a_line_in_the_one_a_line_layouts() -> None:
    m, _ = committee_of_three()
    m.attend(
        m.councillor("Heather Acton", role="Cabinet Member for Family Services"),
        AttendanceStatus.ALSO_PRESENT,
    )
    record = m.build()
    listed = lines(minutes_text(record, style('[attendance]\nlayout = "per_person"')))
    assert "Councillor Heather Acton (Cabinet Member for Family Services)" in listed
    as_line = lines(
        minutes_text(
            record, style('[attendance]\nlayout = "per_seat"\nalso_present_layout = "line"')
        )
    )
    at = as_line.index("Present:")
    assert as_line[at + 1 : at + 5] == [
        "Councillor Jonathan Glanz (Chairman)",
        "Councillor Margot Bright",
        "Councillor Selina Short",
        "Also present: Councillor Heather Acton.",  # as the inline layout writes it
    ]


# --------------------------------------------------------------------------- chairs


def board(presiding: bool) -> MeetingBuilder:
    """A joint board chaired by one co-chair of each council; Anna Vale presided."""
    m = MeetingBuilder(
        "Health and Wellbeing Board",
        chair_title="Chair",
        body="Board",
        councils=["City of Westminster", "Royal Borough of Kensington and Chelsea"],
    )
    m.member("Tim Mitchell", co_chair=True, seat="Westminster")
    vale = m.member("Anna Vale", co_chair=True, seat="Kensington and Chelsea")
    m.member("Jules Martin", honorific="Dr", seat="NHS")
    if presiding:
        m.meeting.presiding_id = vale.id
    return m


def present_lines(text: str) -> list[str]:
    out = lines(text)
    at = out.index("Present:")
    return out[at + 1 : at + 4]


def test_which_co_chair_presided_and_how_the_other_is_shown() -> None:
    per_person = '[attendance]\nlayout = "per_person"\n'
    assert present_lines(minutes_text(board(False).build(), style(per_person))) == [
        "Councillor Tim Mitchell (Chair)",
        "Councillor Anna Vale (Chair)",
        "Dr Jules Martin",
    ]
    assert present_lines(minutes_text(board(True).build(), style(per_person))) == [
        "Councillor Anna Vale (Chair)",
        "Councillor Tim Mitchell",
        "Dr Jules Martin",
    ]
    co = style(per_person + 'other_co_chair = "Co-{title}"')
    assert present_lines(minutes_text(board(True).build(), co))[:2] == [
        "Councillor Anna Vale (Chair)",
        "Councillor Tim Mitchell (Co-Chair)",
    ]


def test_the_chairs_role_beside_the_mark_and_the_per_seat_chair_line() -> None:
    m = board(True)
    record = m.build()
    vale = next(a for a in record.attendance if record.person(a.person_id).name == "Anna Vale")
    vale.role = "Cabinet Member for Adult Social Care"
    beside = style('[attendance]\nlayout = "per_person"\nchair_label = "{title}, {role}"')
    assert present_lines(minutes_text(record, beside))[0] == (
        "Councillor Anna Vale (Chair, Cabinet Member for Adult Social Care)"
    )
    replaced = style('[attendance]\nlayout = "per_person"')
    assert present_lines(minutes_text(record, replaced))[0] == "Councillor Anna Vale (Chair)"
    seats = style('[attendance]\nlayout = "per_seat"')
    assert present_lines(minutes_text(record, seats))[0] == (
        "Kensington and Chelsea: Councillor Anna Vale (Chair)"
    )
    titled = style('[attendance]\nlayout = "per_seat"\nper_seat_chair = "title"')
    assert present_lines(minutes_text(record, titled)) == [
        "Chair: Councillor Anna Vale (Cabinet Member for Adult Social Care)",
        "Westminster: Councillor Tim Mitchell",
        "NHS: Dr Jules Martin",
    ]
