"""The decision note, and the rule that nothing of an exempt item leaks into public papers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clerk.minutes.compose import compose_minutes
from clerk.minutes.decisions import compose_decision_note
from clerk.minutes.render_text import render_html, render_markdown, render_text
from clerk.minutes.style import load_style
from clerk.record import AttendanceStatus, DeclarationAction, ItemOutcome, VoteChoice, VoteMethod
from tests.minutes_builders import committee_of_three, decision_text, lines

STYLES = {name: load_style(name) for name in ("westminster", "board")}


def test_decision_note_lists_attendance_apologies_declarations_and_decisions() -> None:
    m, p = committee_of_three()
    carmen = m.member("Alan Carmen", present=False)
    m.attend(carmen, AttendanceStatus.APOLOGIES)
    three = m.item("3", "MINUTES")
    m.resolve(three, "That the Minutes of the meeting held on 17 June 2019 be approved.")
    four = m.item("4", "CABINET MEMBER UPDATE", outcome=ItemOutcome.NOTED)
    m.para(four, "A long discussion that the note leaves out.")
    five = m.item("5", "PARKING")
    (res,) = m.resolve(five, "That the proposals be approved.")
    m.vote(five, resolution=res, votes_for=2, against=1)
    m.declare(p["short"], five, "pecuniary interest", nature="she lives on the street")
    six = m.item("6", "CONTRACT", exempt_paragraphs=[3], summary="A contract was let.")
    m.para(six, "Secret.")
    m.resolve(six, "That the secret contract be let.")
    out = lines(decision_text(m.build()))
    assert out[:3] == ["CITY OF WESTMINSTER", "DECISIONS", m.committee.name]
    assert (
        "Members Present: Councillors Jonathan Glanz (Chairman), Margot Bright and Selina Short"
        in out
    )
    assert "Apologies for absence were received from Councillor Alan Carmen." in out
    assert any(ln.startswith("Councillor Selina Short declared a pecuniary interest") for ln in out)
    at = out.index("3. MINUTES")
    assert out[at + 1 : at + 3] == [
        "RESOLVED:",
        "That the Minutes of the meeting held on 17 June 2019 be approved.",
    ]
    assert out[out.index("4. CABINET MEMBER UPDATE") + 1] == "Noted."
    at = out.index("5. PARKING")
    assert out[at + 1 : at + 4] == [
        "On a show of hands, the motion that the proposals be approved was carried.",
        "RESOLVED:",
        "That the proposals be approved.",
    ]
    at = out.index("6. CONTRACT")
    assert out[at + 1].startswith("This item was considered in private")
    text = "\n".join(out)
    assert "long discussion" not in text
    assert "secret" not in text.casefold()
    assert "A contract was let." not in text
    assert "CHAIRMAN:" not in text


# --------------------------------------------------------------------------- the exempt rule

markers = st.text(alphabet="BCDFGHJKLMNPRSTVWZ", min_size=6, max_size=10).map(lambda s: "QX" + s)


@given(
    marker=markers,
    before=st.integers(0, 2),
    exempt_count=st.integers(1, 3),
    after=st.integers(0, 2),
    action=st.sampled_from(list(DeclarationAction)),
    style=st.sampled_from(sorted(STYLES)),
    recorded=st.booleans(),
    with_summary=st.booleans(),
)
def test_nothing_of_an_exempt_item_reaches_the_public_papers(
    marker: str,
    before: int,
    exempt_count: int,
    after: int,
    action: DeclarationAction,
    style: str,
    recorded: bool,
    with_summary: bool,
) -> None:
    m, p = committee_of_three()
    n = 3
    secret = iter(range(1000))

    def mark(what: str) -> str:
        return f"{marker}{what}{next(secret)}"

    def public_item() -> None:
        nonlocal n
        item = m.item(str(n), f"PUBLIC ITEM {n}")
        m.para(item, f"Public paragraph {n}.")
        m.resolve(item, f"That public matter {n} be noted.")
        n += 1

    for _ in range(before):
        public_item()
    summaries = []
    exempt_texts = []
    for _ in range(exempt_count):
        summary = mark("summary") if with_summary else ""
        summaries.append(summary)
        item = m.item(
            str(n),
            f"PRIVATE ITEM {n}",
            exempt_paragraphs=[3],
            summary=summary,
            description=mark("description"),
        )
        n += 1
        para = mark("paragraph")
        exempt_texts.append(para)
        m.para(item, para, [mark("bullet"), mark("bullet")])
        (res,) = m.resolve(item, f"That {mark('resolution')} be approved.")
        m.declare(
            p["bright"],
            item,
            "pecuniary interest",
            nature=mark("nature"),
            capacity=mark("capacity"),
            action=action,
        )
        m.action(item, mark("action"), lead=mark("lead"))
        if recorded:
            m.vote(
                item,
                method=VoteMethod.RECORDED,
                motion=mark("motion"),
                named=[(p["glanz"], VoteChoice.FOR), (p["short"], VoteChoice.AGAINST)],
                casting=VoteChoice.FOR,
            )
        else:
            m.vote(item, resolution=res, votes_for=3)
    for _ in range(after):
        public_item()
    record = m.build()
    house = STYLES[style]

    minutes = compose_minutes(record, house)
    note = compose_decision_note(record, house)
    for render in (render_text, render_markdown, render_html):
        public = render(minutes)
        for summary in summaries:  # the public summary is the one thing the minutes may say
            public = public.replace(summary, "")
        assert marker not in public, render.__name__
        assert marker not in render(note), render.__name__
        assert "PUBLIC ITEM" not in render(compose_minutes(record, house, exempt=True))

    confidential = render_text(compose_minutes(record, house, exempt=True))
    for text in exempt_texts:
        assert text in confidential
