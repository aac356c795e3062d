"""`clerk publish`: the public papers and open data of a meeting or a committee, and never
anything exempt."""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from icalendar import Calendar

from clerk.cli import main
from clerk.minutes.style import load_style
from clerk.publish import publish
from clerk.record import MeetingRecord, MeetingStatus, Part
from clerk.store import Store
from clerk.validate import problems
from tests.docx_helpers import LibreOffice
from tests.strategies import meeting_records
from tests.test_import_minutes import full_meeting
from tests.test_minutes_golden import REFERENCE

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema" / "opendata.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=None)
COMMITTEE = "Family and People Services Policy and Scrutiny Committee"


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def readable_text(path: Path) -> str:
    """What a reader of the file could see: a .docx's XML parts, anything else as text."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        return re.sub(r"<[^>]+>", "", xml)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def samples_db(tmp_path: Path) -> Path:
    db = tmp_path / "clerk.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "load-samples"]).exit_code == 0
    done = runner.invoke(main, ["--db", str(db), "import-minutes", str(REFERENCE), "--new"])
    assert done.exit_code == 0, done.output
    return db


def test_a_committee_is_published_whole(samples_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["--db", str(samples_db), "publish", "Family and People", "-o", str(out), "--drafts"]
    )
    assert result.exit_code == 0, result.output
    assert "Not published: " + COMMITTEE + ", 2019-11-25: scheduled: no minutes yet" in (
        " ".join(result.output.split())
    )
    names = sorted(p.relative_to(out).as_posix() for p in files_under(out))
    folders = sorted({n.split("/")[0] for n in names if "/" in n})
    assert len(folders) == 2  # the sample as recorded and as read back from its minutes
    for folder in folders:
        for name in ("minutes.html", "minutes.docx", "decisions.html", "decisions.txt"):
            assert f"{folder}/{name}" in names
    assert "opendata.json" in names and "calendar.ics" in names
    # papers the clerk has not yet put on the web site: the owner's alone
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files_under(out))

    data = json.loads((out / "opendata.json").read_text("utf-8"))
    VALIDATOR.validate(data)
    assert [o["name"] for o in data["organizations"]] == [COMMITTEE]
    assert len(data["events"]) == 3  # the agenda of 25 November is an event too
    # the meeting as recorded (the one read from its minutes has no start time: they gave none)
    october = next(e for e in data["events"] if e["start_date"].startswith("2019-10-17T"))
    assert october["start_date"] == "2019-10-17T19:00:00+01:00"  # British Summer Time
    assert october["status"] == "passed"
    assert [a["description"] for a in october["agenda"]][4] == (
        "IMMUNISATION PROGRAMMES IN WESTMINSTER"
    )
    assert len(october["agenda"][4]["decisions"]) == 6
    notes = {p["name"]: p["note"] for p in october["participants"]}
    # Cllr Carmen left the committee that night and Cllr Noble took his seat: a member
    # present, not a substitute (the membership change is the October minute 1.1)
    assert notes["Matt Noble"] == "present"
    assert "Alan Carmen" not in notes
    assert notes["Jonathan Glanz"] == "present"
    assert not any("email" in p or "phone" in p for p in data["persons"])
    chair = [m for m in data["memberships"] if m["role"] == "Chair"]
    glanz = next(p["id"] for p in data["persons"] if p["name"] == "Jonathan Glanz")
    assert [m["person_id"] for m in chair] == [glanz]

    calendar = Calendar.from_ical((out / "calendar.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    assert calendar.walk("VTIMEZONE"), "a TZID needs its VTIMEZONE"
    starts = sorted(str(e.decoded("dtstart")) for e in events)
    assert "2019-11-25 19:00:00+00:00" in starts  # GMT by November


def test_a_meeting_is_published_and_the_word_copy_opens(samples_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "one"
    store = Store(samples_db)
    try:
        meeting = next(m for m in store.list_meetings() if m.status is MeetingStatus.CONFIRMED)
    finally:
        store.close()
    result = CliRunner().invoke(
        main, ["--db", str(samples_db), "publish", meeting.id[:8], "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    html = (folder / "minutes.html").read_text("utf-8")
    assert "IMMUNISATION PROGRAMMES IN WESTMINSTER" in html and "DRAFT" not in html
    # the calendar is of the committee's meetings, not only this one
    assert len(Calendar.from_ical((out / "calendar.ics").read_bytes()).walk("VEVENT")) == 3
    office = LibreOffice(tmp_path / "lo-profile")
    (text,) = office.convert([folder / "minutes.docx"], "txt", tmp_path / "txt")
    assert "The Meeting ended at 8.59 pm." in text.read_text("utf-8-sig")


def test_minutes_not_approved_wait_for_drafts(samples_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["--db", str(samples_db), "publish", "Family and People", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "2019-10-17: not yet approved by the chair (--drafts publishes it marked DRAFT)" in said
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1  # the minutes read back, which were published: confirmed
    data = json.loads((out / "opendata.json").read_text("utf-8"))
    VALIDATOR.validate(data)
    decided = {
        e["extras"]["clerk_id"]: any(a["decisions"] for a in e["agenda"]) for e in data["events"]
    }
    assert sorted(decided.values()) == [False, False, True]  # the agenda, the draft, the confirmed
    drafts = CliRunner().invoke(
        main, ["--db", str(samples_db), "publish", "Family", "-o", str(out), "--drafts"]
    )
    assert drafts.exit_code == 0
    draft_folder = next(p for p in out.iterdir() if p.is_dir() and p not in folders)
    assert (draft_folder / "minutes.html").read_text("utf-8").count("DRAFT") >= 1


def test_what_is_neither_a_meeting_nor_a_committee_is_said(samples_db, tmp_path) -> None:
    result = CliRunner().invoke(
        main, ["--db", str(samples_db), "publish", "Planning", "-o", str(tmp_path / "x")]
    )
    assert result.exit_code == 1
    assert "neither a meeting nor a committee" in result.output
    assert not (tmp_path / "x").exists()


def test_the_schema_refuses_exempt_decisions() -> None:
    """The schema can fail: exempt business with a decision is not valid open data."""
    record = full_meeting().build()
    record.meeting.status = MeetingStatus.APPROVED
    from clerk.publish.opendata import open_data

    data = open_data([record], documents={})
    VALIDATOR.validate(data)
    exempt = next(a for a in data["events"][0]["agenda"] if a["classification"] == ["exempt"])
    exempt["decisions"] = [{"order": 1, "text": "That the confidential bid be accepted."}]
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(data)


# --------------------------------------------------------------------------- never exempt

SECRET = "SECRET-EXEMPT-"
PUBLIC = "PUBLIC-MARK-"


def marked(record: MeetingRecord) -> MeetingRecord:
    """`record` with a marker in every exempt text (an exempt item's paragraphs, bullets,
    resolutions, vote motions, actions, and the nature and capacity of a declaration on it)
    and in every public paragraph, so the test can see what was published and what not."""
    exempt = {i.id for i in record.items if i.part is Part.EXEMPT}

    def mark(item_id: str | None, text: str) -> str:
        return (SECRET if item_id in exempt else PUBLIC) + text

    return replace(
        record,
        meeting=replace(record.meeting, status=MeetingStatus.APPROVED),
        paragraphs=[
            replace(
                p,
                text=mark(p.item_id, p.text),
                bullets=[SECRET + b if p.item_id in exempt else b for b in p.bullets],
            )
            for p in record.paragraphs
        ],
        resolutions=[
            replace(r, text=SECRET + r.text) if r.item_id in exempt else r
            for r in record.resolutions
        ],
        votes=[
            replace(v, motion=SECRET + v.motion) if v.item_id in exempt else v for v in record.votes
        ],
        actions=[
            replace(a, text=SECRET + a.text, comment=SECRET + a.comment, lead=SECRET + a.lead)
            if a.item_id in exempt
            else a
            for a in record.actions
        ],
        declarations=[
            replace(d, nature=SECRET + d.nature, capacity=SECRET + d.capacity)
            if d.item_id in exempt
            else d
            for d in record.declarations
        ],
    )


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(meeting_records())
def test_nothing_published_holds_exempt_text(tmp_path_factory, record: MeetingRecord) -> None:
    record = marked(record)
    out = tmp_path_factory.mktemp("published")
    done = publish(
        [record],
        {record.committee.id: (record.committee, [record.meeting])},
        out,
        style_of=lambda _: load_style("westminster"),
    )
    written = files_under(out)
    assert set(written) == set(done.files)
    for path in written:
        assert SECRET not in readable_text(path), path.name
    if not problems(record):  # the schema holds what clerk can store (no negative counts …)
        VALIDATOR.validate(json.loads((out / "opendata.json").read_text("utf-8")))
    # the test can fail: public paragraphs are published, in the minutes at least
    minutes = next(p for p in written if p.name == "minutes.html")
    public_paragraphs = [
        p
        for p in record.paragraphs
        if p.item_id in {i.id for i in record.items if i.part is Part.PUBLIC}
    ]
    if public_paragraphs:
        assert PUBLIC in readable_text(minutes)
