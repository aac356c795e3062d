"""clerk/datasette-metadata.json: Datasette serves the database with every table that holds
exempt business or contact details closed, no arbitrary SQL, and canned queries that give
only public rows. Checked here on a real database holding exempt business: the tables left
open hold no exempt text, and no canned query returns any."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from clerk.record import Adjournment, MeetingRecord, Part, SubItem
from clerk.store import Store
from tests.test_import_minutes import full_meeting
from tests.test_publish import PUBLIC, SECRET, marked

METADATA = Path(__file__).resolve().parent.parent / "clerk" / "datasette-metadata.json"


@pytest.fixture(scope="module")
def metadata() -> dict:
    return json.loads(METADATA.read_text(encoding="utf-8"))


def exempt_everywhere(record: MeetingRecord) -> MeetingRecord:
    """`record` with exempt text where `marked` puts none: an exempt item's description and
    sub-items (from its confidential report) and the reason for an adjournment during it."""
    exempt = [i for i in record.items if i.part is Part.EXEMPT]
    assert exempt, "the meeting must hold exempt business for the test to mean anything"
    items = [
        replace(
            i,
            description=SECRET + i.description,
            sub_items=[SubItem(label="(i)", title=SECRET + " the bid")],
        )
        if i.part is Part.EXEMPT
        else i
        for i in record.items
    ]
    adjourned = Adjournment(
        start=time(19, 5), end=time(19, 15), item_id=exempt[0].id, reason=SECRET + " advice"
    )
    meeting = replace(record.meeting, adjournments=[*record.meeting.adjournments, adjourned])
    return replace(record, items=items, meeting=meeting)


@pytest.fixture
def database(tmp_path: Path) -> sqlite3.Connection:
    db = tmp_path / "clerk.db"  # Datasette names the database after the file: "clerk"
    store = Store(db)
    try:
        store.save_record(exempt_everywhere(marked(full_meeting().build())))
    finally:
        store.close()
    conn = sqlite3.connect(db)
    yield conn
    conn.close()


def test_no_arbitrary_sql(metadata: dict) -> None:
    assert metadata["allow_sql"] is False
    assert metadata["databases"]["clerk"]["allow_sql"] is False


def test_every_table_is_described_and_open_ones_hold_no_exempt_text(
    metadata: dict, database: sqlite3.Connection
) -> None:
    tables = metadata["databases"]["clerk"]["tables"]
    names = [r[0] for r in database.execute("select name from sqlite_master where type = 'table'")]
    assert sorted(names) == sorted(tables), "a table the metadata does not say open or closed"
    found_secret_in = []
    for name in names:
        rows = database.execute(f'select * from "{name}"').fetchall()
        holds = any(SECRET in str(value) for row in rows for value in row)
        if holds:
            found_secret_in.append(name)
        if tables[name].get("allow") is not False:
            assert not holds, f"{name} is open but holds exempt text"
            assert tables[name].get("description"), f"{name} is open without a description"
    # the test can fail: the exempt text is in the database, in the tables closed
    assert {"paragraphs", "resolutions", "meetings", "items"} <= set(found_secret_in)
    assert tables["people"]["allow"] is False  # e-mail and telephone


def test_canned_queries_return_no_exempt_text(metadata: dict, database) -> None:
    queries = metadata["databases"]["clerk"]["queries"]
    tables = metadata["databases"]["clerk"]["tables"]
    assert not set(queries) & set(tables), "a query named as a table hides the table's URL"
    seen = ""
    for name, query in queries.items():
        cursor = database.execute(query["sql"])
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        text = json.dumps(rows, ensure_ascii=False)
        assert SECRET not in text, name
        assert not {"email", "phone"} & set(columns), name
        seen += text
    assert PUBLIC in seen  # public paragraphs come through
    declared = database.execute(queries["public_declarations"]["sql"]).fetchall()
    assert len(declared) == 2
