"""Minutes converted from a PDF can come out cut short or without their attendance. The
reader reads them as far as they go and says what is missing, so that years of minutes
imported at once are not taken for whole when they are not."""

from __future__ import annotations

from clerk import importing
from clerk.importers.minutes_text import parse_minutes
from tests import test_minutes_golden as golden

WHOLE = golden.REFERENCE.read_text(encoding="utf-8")


def said(text: str) -> str:
    return " ".join(parse_minutes(text, "minutes.md").guesses)


def test_whole_minutes_say_nothing_is_missing() -> None:
    guesses = " ".join(importing.read_minutes(golden.REFERENCE).guesses)
    assert "cut short" not in guesses and "ended" not in guesses
    assert "no one is recorded as present" not in guesses


def test_minutes_cut_off_mid_sentence_are_said_to_be_cut_short() -> None:
    cut = WHOLE.index("The Meeting ended")
    body = WHOLE[:cut].rstrip()
    text = body[: body.rindex(" ")]  # the last paragraph stops mid-sentence
    guesses = said(text)
    assert "do not say when the meeting ended" in guesses
    assert "stops mid-sentence: the file looks cut short" in guesses
    # the line named is the last paragraph's, as the file numbers its lines
    assert f"(line {len(text.splitlines())})" in guesses


def test_minutes_without_their_end_line_say_so() -> None:
    text = WHOLE[: WHOLE.index("The Meeting ended")]
    guesses = said(text)
    assert "no end time is recorded" in guesses
    assert "cut short" not in guesses  # the last paragraph is whole
    assert parse_minutes(text, "minutes.md").record.meeting.end_time is None


def test_minutes_without_attendance_say_no_one_is_recorded_as_present() -> None:
    kept = [ln for ln in WHOLE.splitlines() if "Members Present:" not in ln]
    parsed = parse_minutes("\n".join(kept), "minutes.md")
    assert not any(a.status.counts_as_present for a in parsed.record.attendance)
    assert "no one is recorded as present" in " ".join(parsed.guesses)
