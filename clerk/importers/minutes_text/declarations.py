"""Declarations of interest read back into the record: those under the declarations item
(or before the items, when there is none) and those made during an item ("Councillor X
declared a personal interest at this point as …").

A declaration names one item or several ("in respect of items 4 and 5"): the record holds
one declaration per item, so several items give one each. What the minutes leave unsaid is
said in the guesses: no kind of interest ("declared that he was a leaseholder …") is
recorded as an "interest", no action as not stated (clerk's minutes then say none either).
A sentence under the declarations item that mentions declaring but cannot be read stays a
paragraph of that item, and the guesses name its line: it is not in the register.
"""

from __future__ import annotations

import re

from clerk.errors import InputError
from clerk.importers.minutes_text import forms as f
from clerk.importers.minutes_text import sentences
from clerk.importers.minutes_text.base import Item, ReaderBase
from clerk.importers.minutes_text.layout import Para
from clerk.prose import join_names
from clerk.record import (
    DEFAULT_INTEREST_KINDS,
    AgendaItem,
    Declaration,
    DeclarationAction,
    Part,
    Person,
)

_MENTIONS = re.compile(r"\bdeclar", re.IGNORECASE)
# a sentence in an item's minute that looks like a declaration of interest
_INTEREST = re.compile(r"^\S.{0,80}? declared an? [^.]*\binterest\b")


class DeclarationsReader(ReaderBase):
    def declarations(
        self, paragraphs: list[Para], items: list[Item], under: Item | None = None
    ) -> None:
        """The declarations item's paragraphs (`under` it), or the text before the items."""
        for p in list(paragraphs):
            if f.match_whole(self.forms.declarations_none, p.text):
                paragraphs.remove(p)
                continue
            d = sentences.declaration(p.text, self._kinds(), self.forms.declaration_item)
            if d is None:
                if under is not None and _MENTIONS.search(p.text):
                    self.guesses.append(
                        f"line {p.line}: a declaration clerk could not read is kept as text of "
                        f"item {under.item.number} and is not in the register of interests: "
                        f"{p.text[:60]!r}"
                    )
                continue
            person = self.person(f.named(d.who), line=p.line)
            self._record(d, person, p, items, under=under)
            paragraphs.remove(p)

    def declarations_during(self, items: list[Item], under: Item | None) -> None:
        """Declarations made during an item, among its paragraphs: read only where the member
        is one the minutes already name and the sentence names a kind of interest, so a
        clerk's sentence about someone else's declaration, or one "declared that …", stays
        text."""
        for entry in items:
            if entry is under or entry.item.part is not Part.PUBLIC:
                continue
            for p in list(entry.paragraphs):
                d = sentences.declaration(p.text, self._kinds(), self.forms.declaration_item)
                if d is not None and not d.kind_named:
                    d = None  # "X declared that the item be deferred": a clerk's sentence
                who = f.named(d.who).name.casefold() if d else ""
                person = next((x for x in self.people if x.name.casefold() == who), None)
                if d is None or person is None:
                    if _INTEREST.search(p.text):
                        self.guesses.append(
                            f"line {p.line}: a declaration during item {entry.item.number} "
                            "clerk could not read is kept as text and is not in the register "
                            f"of interests: {p.text[:60]!r}"
                        )
                    continue
                self._record(d, person, p, items, under=under, during=entry.item)
                entry.paragraphs.remove(p)

    def _kinds(self) -> list[str]:
        return [*DEFAULT_INTEREST_KINDS, *self.committee.interest_kinds]

    def _record(
        self,
        d: sentences.DeclarationText,
        person: Person,
        p: Para,
        items: list[Item],
        *,
        under: Item | None,
        during: AgendaItem | None = None,
    ) -> None:
        if d.pronoun and not person.pronoun:
            person.pronoun = d.pronoun
        by_number = {e.item.number: e.item for e in items}
        on: list[AgendaItem | None] = []
        for number in d.item_numbers:
            item = by_number.get(number)
            if item is None:
                raise InputError(
                    self.source, p.line, f"a declaration on item {number}, which is not here"
                )
            on.append(item)
        if not d.item_numbers and d.item_title:  # a style naming the item by its title alone
            title = " ".join(d.item_title.split()).casefold()
            item = next(
                (e.item for e in items if " ".join(e.item.title.split()).casefold() == title),
                None,
            )
            if item is None:
                raise InputError(
                    self.source, p.line, f"a declaration on '{d.item_title}', which is not here"
                )
            on.append(item)
        who = f"{person.honorific} {person.name}".strip()
        if not on:
            on.append(during)
        if during is not None:
            where = f"item {under.item.number}" if under else "the declarations"
            self.guesses.append(
                f"line {p.line}: {who}'s declaration made during item {during.number} is "
                f"recorded on item {', '.join(i.number for i in on if i)}; clerk's minutes write "
                f"it under {where}"
            )
        if len(on) > 1:
            self.guesses.append(
                f"line {p.line}: {who}'s declaration in respect of items "
                f"{join_names(i.number for i in on if i)} is recorded once for each item"
            )
        if not d.kind_named:
            self.guesses.append(
                f"line {p.line}: {who}'s declaration names no kind of interest: recorded as "
                f"'{d.kind}'"
            )
        action = d.action
        if action is None:
            # clerk's minutes of it will not say either (nothing is invented): the
            # register shows "not stated"
            action = DeclarationAction.NOT_STATED
            self.guesses.append(
                f"line {p.line}: {who}'s declaration does not say what they did: recorded as "
                "not stated"
            )
        if d.kind not in self._kinds():
            self.committee.interest_kinds.append(d.kind)
        for item in on:
            self.declarations_found.append(
                Declaration(
                    person.id,
                    item.id if item else None,
                    d.kind,
                    nature=d.nature,
                    capacity=d.capacity,
                    action=action,
                    position=len(self.declarations_found),
                )
            )
