"""The sentences the minutes generate, read back into the record: apologies, substitutes
and deputies, late arrivals and early departures, votes, and the exclusion of the press and
public that makes an item exempt (declarations: `declarations`)."""

from __future__ import annotations

import re

from clerk import dates
from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text import sentences
from clerk.importers.minutes_text.base import Item, capital_that, cllr
from clerk.importers.minutes_text.exempt import ExemptReader
from clerk.importers.minutes_text.layout import Para
from clerk.record import (
    AgendaItem,
    Part,
    Vote,
    VoteMethod,
)


class GeneratedReader(ExemptReader):
    def exempt(self, items: list[Item]) -> None:
        self.exclusions(items)
        for entry in items:
            if entry.item.part is not Part.EXEMPT:
                continue
            texts = [*entry.paragraphs, *entry.text.after_resolved]
            entry.paragraphs, entry.text.after_resolved = [], []  # the summary is not a minute
            kept = []
            for p in texts:
                if self.movement(p.text, entry.item, items, line=p.line):
                    continue
                kept.append(p.text)
            if len(kept) > 1:
                self.guesses.append(
                    f"exempt item {entry.item.number}: its {len(kept)} public paragraphs are "
                    "kept as one summary"
                )
            entry.item.public_summary = " ".join(kept)

    def movements(self, paragraphs: list[Para], item: AgendaItem | None, items: list[Item]) -> None:
        for p in list(paragraphs):
            if self.movement(p.text, item, items, line=p.line):
                paragraphs.remove(p)

    def movement(self, text: str, item: AgendaItem | None, items: list[Item], *, line: int) -> bool:
        forms = self.forms
        for kind, templates in (
            # untimed first: "arrived during item 4" is not a time of "during item 4"
            ("arrived", (*forms.arrived_untimed, *forms.arrived)),
            ("left", (*forms.left_untimed, *forms.left)),
        ):
            m = None
            for template in templates:
                m = f.pattern(template).fullmatch(text) or f.pattern(
                    template.replace(" at {time}", " {time}")
                ).fullmatch(text)
                if m:
                    break
            if m is None:
                continue
            during = m.groupdict().get("during") or ""
            d = re.fullmatch(r" during item (\d{1,3}[A-Z]?)", during)
            if (during and not d) or not (d or m.groupdict().get("time")):
                return False  # the minutes say neither when nor during which item
            person = next((p for p in self.people if cllr(p) == m.group("name")), None)
            if person is None or person.id not in self.attendance:
                return False
            when = None
            if m.groupdict().get("time"):
                try:
                    when = dates.parse_time(m.group("time"))
                except ValueError:
                    return False
            at_item = next((e.item for e in items if d and e.item.number == d.group(1)), None)
            if d and at_item is None:
                return False  # an item these minutes do not have
            if item is not None and at_item is not None and at_item is not item:
                # "arrived … during item 4" written under item 1 (with the apologies for
                # lateness): when and where are what the record keeps; clerk writes the
                # sentence in the item it names
                self.guesses.append(
                    f"line {line}: {m.group('name')} {kind} during item {at_item.number}, "
                    f"written under item {item.number}: recorded at item {at_item.number}, "
                    "where clerk's minutes write it"
                )
                item = at_item
            att = self.attendance[person.id]
            where = (item.id, kind) if item is not None else (None, "")
            self.moved.append((where, person.id))
            if kind == "arrived":
                att.arrived_at, att.arrived_item_id = when, at_item.id if at_item else None
            else:
                att.left_at, att.left_item_id = when, at_item.id if at_item else None
            return True
        return False

    def votes(self, entry: Item) -> None:
        """The votes the item's minute ends with. The minutes write an item's votes after
        its paragraphs, so a vote sentence with a paragraph after it is the clerk's text."""
        read = [sentences.vote(p.text) for p in entry.paragraphs]
        first = len(read)
        while first and read[first - 1] is not None:
            first -= 1
        for p, v in zip(entry.paragraphs[:first], read[:first], strict=True):
            if v is not None:
                self.guesses.append(
                    f"line {p.line}: a vote with a paragraph after it is kept as text (clerk "
                    "writes an item's votes after its paragraphs)"
                )
            elif p.text.startswith("On a show of hands"):
                self.guesses.append(
                    f"line {p.line}: a show of hands without its counts is kept as text"
                )
        trailing = list(zip(entry.paragraphs[first:], read[first:], strict=True))
        del entry.paragraphs[first:]
        for p, v in trailing:
            assert v is not None  # the run of votes the item ends with
            named = {}
            for names, choice in v.named:
                for who in f.named_list(names):
                    named[self.person(who, line=p.line).id] = choice
            vote = Vote(
                entry.item.id,
                motion=capital_that(v.motion),
                method=VoteMethod.RECORDED if v.recorded else VoteMethod.SHOW_OF_HANDS,
                votes_for=v.votes_for,
                votes_against=v.votes_against,
                abstentions=v.abstentions,
                named=named,
                casting_vote=v.casting,
                position=len([x for x in self.found_votes if x.item_id == entry.item.id]),
            )
            if v.recorded:
                vote = vote.counted_from_names()
                figures = (vote.votes_for, vote.votes_against, vote.abstentions)
                if v.figures and figures != (v.votes_for, v.votes_against, v.abstentions):
                    self.guesses.append(
                        f"line {p.line}: the recorded vote's figures are not its names counted; "
                        "clerk counts the names"
                    )
            if (vote.outcome.value == "carried") != v.carried:
                self.guesses.append(
                    f"line {p.line}: the vote's counts do not give the outcome the minutes say"
                )
            self.found_votes.append(vote)

    def order_of_movements(self) -> None:
        """The attendance rows in an order that writes each item's arrivals, its departures
        and the movements under no item in the order read: the minutes write each group in
        the rows' order, so the rows are sorted to agree with every group (a person who
        must come first in one group moves ahead of those read after them)."""
        groups: dict[tuple[str | None, str], list[str]] = {}
        for where, person_id in self.moved:
            group = groups.setdefault(where, [])
            if not group or group[-1] != person_id:
                group.append(person_id)
        after: dict[str, set[str]] = {}  # person id -> those who must come before them
        for group in groups.values():
            for i, later in enumerate(group):
                after.setdefault(later, set()).update(group[:i])
        rows = list(self.attendance)
        placed: list[str] = []
        while rows:
            ready = next((r for r in rows if not (after.get(r, set()) - set(placed))), rows[0])
            placed.append(ready)
            rows.remove(ready)
        self.attendance = {pid: self.attendance[pid] for pid in placed}
