"""The versioned JSON meeting record: lossless, strict, and clear about where a fault is."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given

from clerk import validate
from clerk.errors import InputError
from clerk.importers import meeting_file, record_json
from clerk.record import (
    Action,
    ActionStatus,
    Adjournment,
    Attendance,
    AttendanceStatus,
    Declaration,
    DeclarationAction,
    ItemOutcome,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Part,
    Person,
    Resolution,
    SubItem,
    Vote,
    VoteChoice,
    VoteMethod,
)
from tests.strategies import meeting_records

SAMPLE = Path(__file__).resolve().parent.parent / "sample_meetings" / "fps-2019-11-25.toml"


def rich_record() -> MeetingRecord:
    """The sample agenda, then the meeting held: every kind of entity, every optional field."""
    r = meeting_file.read(SAMPLE)
    by_name = {p.name: p for p in r.people}
    items = r.agenda()
    glanz, bright, short = (
        by_name["Jonathan Glanz"],
        by_name["Margot Bright"],
        by_name["Selina Short"],
    )
    payne = by_name["Emily Payne"]
    noble = Person("Matt Noble", honorific="Councillor", pronoun="he")
    acton = Person(
        "Heather Acton",
        honorific="Councillor",
        role="Cabinet Member for Family Services and Public Health",
        pronoun="she",
    )
    heffernan = Person(
        "Catherine Heffernan",
        role="Principal Advisor for Commissioning Immunisations and Vaccination",
        organisation="NHS England",
        surname="Heffernan",
    )
    r.people += [noble, acton, heffernan]
    items[4].sub_items = [SubItem("i)", "Youth Justice Plan", "The plan “in full”", 23, 40)]
    items[4].outcome = ItemOutcome.RESOLVED
    items[4].taken_order = 3
    items[8].part = Part.EXEMPT
    items[8].exempt_paragraphs = [1, 3]
    items[8].public_summary = "A staffing matter."
    items[8].part_heading = "PART 2 (PRIVATE)"
    items[8].urgent = True
    r.meeting.status = MeetingStatus.ENDED
    r.meeting.end_time = time(20, 59)
    r.meeting.current_item_id = items[8].id
    r.meeting.adjournments = [Adjournment(time(19, 40), time(19, 50), items[3].id, "Fire alarm")]
    r.attendance = [
        Attendance(glanz.id, AttendanceStatus.PRESENT),
        Attendance(bright.id, AttendanceStatus.PRESENT, virtual=True),
        Attendance(
            noble.id,
            AttendanceStatus.SUBSTITUTE,
            substitute_for=payne.id,
            arrived_at=time(19, 10),
            arrived_item_id=items[1].id,
        ),
        Attendance(
            short.id, AttendanceStatus.PRESENT, left_at=time(20, 30), left_item_id=items[6].id
        ),
        Attendance(acton.id, AttendanceStatus.ALSO_PRESENT, role="Cabinet Member"),
        Attendance(heffernan.id, AttendanceStatus.OFFICER),
    ]
    r.declarations = [
        Declaration(
            bright.id,
            items[4].id,
            "pecuniary interest",
            nature="in that she is a governor of the school",
            capacity="a governor",
            action=DeclarationAction.LEFT_ROOM,
            declared_at=time(19, 2),
        ),
        Declaration(short.id, None, "non-pecuniary interest", position=1),
    ]
    r.paragraphs = [
        MinuteParagraph(items[0].id, "It was noted that Cllr Noble would replace Cllr Carmen."),
        MinuteParagraph(
            items[3].id,
            "The Committee received the update:",
            bullets=["Residential and Nursing Care – It was anticipated …", "Better Care Fund"],
        ),
        MinuteParagraph(items[3].id, 'Line one\nline two, with "quotes" and a tab\t.', position=1),
    ]
    res = Resolution(items[4].id, "That the plan be noted.")
    r.resolutions = [res, Resolution(items[4].id, "That a report come back.", position=1)]
    r.votes = [
        Vote(
            items[4].id,
            resolution_id=res.id,
            motion="That the plan be noted",
            method=VoteMethod.RECORDED,
            votes_for=1,
            votes_against=1,
            abstentions=1,
            named={
                glanz.id: VoteChoice.FOR,
                short.id: VoteChoice.AGAINST,
                bright.id: VoteChoice.ABSTAIN,
            },
            casting_vote=VoteChoice.FOR,
        )
    ]
    r.actions = [
        Action(
            items[3].id,
            "Circulate the Ofsted report.",
            lead="Nicky Crouch",
            lead_person_id=acton.id,
            due=date(2019, 12, 1),
            status=ActionStatus.COMPLETED,
            comment="Completed",
        )
    ]
    assert validate.problems(r) == []
    return r


# --------------------------------------------------------------------------- round trip


def test_round_trip_is_identical() -> None:
    record = rich_record()
    assert record_json.loads(record_json.dumps(record)) == record


def test_write_and_read_a_file(tmp_path: Path) -> None:
    record = rich_record()
    path = tmp_path / "meeting.json"
    record_json.write(record, path)
    assert record_json.read(path) == record
    assert "“in full”" in path.read_text(encoding="utf-8")  # written as it is, not escaped
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == record_json.VERSION


def test_reads_a_file_saved_with_a_byte_order_mark(tmp_path: Path) -> None:
    record = rich_record()
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + record_json.dumps(record).encode())
    assert record_json.read(path) == record


@given(meeting_records())
def test_any_record_round_trips(record: MeetingRecord) -> None:
    text = record_json.dumps(record)
    assert record_json.loads(text, check=False) == record
    found = validate.problems(record)
    if found:
        with pytest.raises(InputError) as caught:
            record_json.loads(text, "r.json")
        assert caught.value.message.startswith(found[0])
        assert caught.value.line is not None
    else:
        assert record_json.loads(text) == record


# --------------------------------------------------------------------------- errors


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        record_json.loads(text, "meeting.json")
    assert caught.value.source == "meeting.json"
    return caught.value


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def test_json_syntax_error_gives_the_line() -> None:
    text = record_json.dumps(rich_record())
    line = _line_of(text, '"venue"')
    broken = text.replace('"venue":', '"venue" ', 1)
    err = _error(broken)
    assert err.line == line
    assert "not valid JSON" in err.message


def test_not_a_record() -> None:
    err = _error('{"format": "something-else", "version": 1, "record": {}}')
    assert err.line == 1
    assert "not a clerk meeting record" in err.message
    assert "not a clerk meeting record" in _error("[1, 2]").message


@pytest.mark.parametrize("version", ["3", "true", '"1"', "0", "null"])
def test_unknown_versions_are_refused(version: str) -> None:
    text = record_json.dumps(rich_record()).replace('"version": 2', f'"version": {version}')
    err = _error(text)
    assert err.line == _line_of(text, '"version"')
    assert "not one this clerk reads" in err.message


def test_a_newer_version_says_to_upgrade() -> None:
    text = record_json.dumps(rich_record()).replace('"version": 2', '"version": 3')
    assert "newer clerk" in _error(text).message


def test_unknown_field_names_the_field_and_line() -> None:
    text = record_json.dumps(rich_record())
    broken = text.replace('"pronoun": "he"', '"pronown": "he"', 1)
    err = _error(broken)
    assert err.line == _line_of(broken, '"pronown"')
    assert "unknown field 'pronown'" in err.message
    assert "record.people[" in err.message


def test_unknown_top_level_field() -> None:
    text = record_json.dumps(rich_record()).replace('"version": 2,', '"version": 2,\n  "extra": 0,')
    err = _error(text)
    assert err.line == 4
    assert 'unknown field "extra"' in err.message


def test_wrong_value_points_at_its_line() -> None:
    text = record_json.dumps(rich_record())
    broken = text.replace('"page_from": 23', '"page_from": "23"', 1)
    err = _error(broken)
    assert err.line == _line_of(broken, '"page_from": "23"')
    assert "expected a whole number" in err.message


def test_missing_field_points_at_its_object() -> None:
    record = rich_record()
    document = json.loads(record_json.dumps(record))
    del document["record"]["items"][2]["title"]
    text = json.dumps(document, indent=2)
    err = _error(text)
    assert "is missing" in err.message
    assert "record.items[2].title" in err.message
    # the third item's object opens on the line after the one before it closes
    assert err.line == _line_of(text, '"number": "3"') - 1


def test_duplicate_key_is_refused() -> None:
    text = record_json.dumps(rich_record())
    broken = text.replace('"venue":', '"venue": "x",\n    "venue":', 1)
    err = _error(broken)
    assert "appears twice" in err.message
    assert err.line == _line_of(broken, '"venue"', nth=2)


def test_dangling_reference_is_a_clear_error() -> None:
    record = rich_record()
    text = record_json.dumps(record)
    substitute = record.attendance[2]
    broken = text.replace(
        f'"substitute_for": "{substitute.substitute_for}"', '"substitute_for": "ab12cd34ef56ab78"'
    )
    err = _error(broken)
    assert err.message == (
        "attendance of 'Matt Noble': substitute for an unknown person id 'ab12cd34ef56ab78'"
    )
    assert err.line == _line_of(broken, "ab12cd34ef56ab78")
    assert str(err).startswith(f"meeting.json, line {err.line}: attendance of 'Matt Noble'")


def test_several_problems_are_all_named() -> None:
    record = rich_record()
    record.paragraphs[0].item_id = "nope"
    record.actions[0].lead_person_id = "nobody"
    err = _error(record_json.dumps(record))
    assert "minute paragraph 1: on an unknown agenda item id 'nope'" in err.message
    assert (
        "also: action on item 4 'CABINET MEMBER UPDATE': led by an unknown person id" in err.message
    )


def test_read_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        record_json.read(tmp_path / "absent.json")
    assert caught.value.message == "no such file"


def test_read_reports_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"venue": "Caf\xe9"}'.encode("latin-1"))
    with pytest.raises(InputError) as caught:
        record_json.read(path)
    assert "not UTF-8" in caught.value.message


def test_the_documentation_names_every_field() -> None:
    import dataclasses

    from clerk import record as r

    doc = (Path(__file__).resolve().parent.parent / "docs" / "record-json.md").read_text()
    classes = [r.MeetingRecord, r.Committee, r.Meeting, r.Adjournment, r.Person, r.Membership]
    classes += [r.MembershipChange]
    classes += [r.AgendaItem, r.SubItem, r.Attendance, r.Declaration, r.MinuteParagraph]
    classes += [r.Resolution, r.Vote, r.Action]
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in classes
        for f in dataclasses.fields(cls)
        if f"`{f.name}`" not in doc
    ]
    assert missing == []
    vocabularies = [r.MeetingStatus, r.MemberRole, r.Part, r.ItemOutcome, r.AttendanceStatus]
    vocabularies += [r.DeclarationAction, r.VoteMethod, r.ActionStatus]
    assert [v.value for e in vocabularies for v in e if f"`{v.value}`" not in doc] == []


def test_a_version_1_record_still_imports() -> None:
    """Written by version 1 (the October sample as it was): read with no membership changes,
    its substitute still a substitute, and its minutes say so."""
    from clerk.minutes.compose import compose_minutes
    from clerk.minutes.render_text import render_text
    from clerk.minutes.style import load_style

    path = Path(__file__).resolve().parent / "fixtures" / "record_v1.json"
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    record = record_json.read(path)
    assert record.meeting.membership_changes == []
    text = render_text(compose_minutes(record, load_style("westminster")))
    assert "Councillor Matt Noble attended as a substitute for Councillor Alan Carmen." in text
    assert "stepped down" not in text
    # written again, it is the newest version, and reads back the same
    again = record_json.loads(record_json.dumps(record))
    assert again == record
