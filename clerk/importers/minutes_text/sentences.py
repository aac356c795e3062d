"""Generated sentences read back into what they were written from: declarations, votes,
late arrivals and early departures, the exclusion of the press and public.

Each reader returns None when the sentence is not of its form, so the paragraph stays a
paragraph: nothing typed by a clerk is ever turned into data by a near miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk.record import DeclarationAction, VoteChoice

_ACTIONS: tuple[tuple[DeclarationAction, str], ...] = (
    (
        DeclarationAction.LEFT_ROOM,
        r"left the room during the consideration of (?:the item|the items concerned) and took no "
        r"part in the discussion or vote\.",
    ),
    (
        DeclarationAction.DID_NOT_VOTE,
        r"remained in the room for the discussion of (?:the item|the items concerned) but took "
        r"no part in the vote\.",
    ),
    (
        DeclarationAction.REMAINED,
        r"remained in the room and took part in the discussion and vote\.",
    ),
    (
        DeclarationAction.DISPENSATION,
        r"took part in the discussion and vote under a dispensation\.",
    ),
)

_DECLARED = re.compile(
    r"^(?P<who>.+?) declared (?:an? )(?P<rest>.+?)\. (?P<subject>He|She|They) (?P<action>.+)$"
)


@dataclass(frozen=True)
class DeclarationText:
    who: str
    kind: str
    capacity: str
    item_number: str | None
    item_title: str
    nature: str
    action: DeclarationAction
    pronoun: str  # "he", "she", or "" (the minutes said "They")


def declaration(text: str, kinds: list[str]) -> DeclarationText | None:
    """ "Councillor X declared a pecuniary interest[ in her capacity as …][ in respect of item
    4, 'TITLE'][, in that …]. She left the room …"."""
    m = _DECLARED.match(text)
    if not m:
        return None
    action = next((a for a, rx in _ACTIONS if re.fullmatch(rx, m.group("action"))), None)
    if action is None:
        return None
    rest = m.group("rest")
    kind = next(
        (k for k in sorted(kinds, key=len, reverse=True) if rest == k or rest.startswith(k + " ")),
        None,
    )
    if kind is None:  # a kind the committee does not list: the words before " in "
        kind = re.split(r" in | in respect of |, in that ", rest, maxsplit=1)[0]
    rest = rest[len(kind) :]
    nature = ""
    n = rest.find(", in that ")
    if n >= 0:
        rest, nature = rest[:n], rest[n + 2 :]
    item_number, item_title = None, ""
    r = re.search(r" in respect of item (?P<n>\d{1,3}[A-Z]?), '(?P<t>.*)'$", rest)
    if r:
        item_number, item_title = r.group("n"), r.group("t")
        rest = rest[: r.start()]
    capacity = ""
    c = re.fullmatch(r" in (?:his|her|their) capacity as (?P<c>.+)", rest)
    if c:
        capacity = c.group("c")
    elif rest:
        return None
    subject = m.group("subject").lower()
    return DeclarationText(
        m.group("who"),
        kind,
        capacity,
        item_number,
        item_title,
        nature,
        action,
        "" if subject == "they" else subject,
    )


# --------------------------------------------------------------------------- votes


@dataclass(frozen=True)
class VoteText:
    motion: str
    recorded: bool
    carried: bool
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    named: tuple[tuple[str, VoteChoice], ...] = ()  # (names as listed, choice)
    casting: VoteChoice | None = None


_COUNTS = r" \((?P<f>\d+) for, (?P<a>\d+) against, (?P<x>\d+) abstentions?\)"
_SHOW = re.compile(
    r"^On a show of hands, the motion(?: (?P<motion>.+?))? was (?P<o>carried|lost)"
    rf"(?:{_COUNTS})?\.$"
)
_SHOW_CASTING = re.compile(
    rf"^On a show of hands on the motion(?: (?P<motion>.+?))?, the votes were equal(?:{_COUNTS})? "
    r"and the (?:\w+) gave a casting vote (?P<side>for|against) the motion, which was therefore "
    r"(?P<o>carried|lost)\.$"
)
_RECORDED = re.compile(
    r"^A recorded vote was taken on the motion(?: (?P<motion>.+?))?\.(?P<groups>(?: (?:Voting for|"
    r"Voting against|Abstaining): .+?\.)*)(?: The motion was (?P<o>carried|lost)\.| The votes "
    r"being equal, the \w+ gave a casting vote (?P<side>for|against) the motion, which was "
    r"therefore (?P<o2>carried|lost)\.)$"
)
_GROUP = re.compile(r"(?P<label>Voting for|Voting against|Abstaining): (?P<names>.+?)\.(?= |$)")
_CHOICE = {
    "Voting for": VoteChoice.FOR,
    "Voting against": VoteChoice.AGAINST,
    "Abstaining": VoteChoice.ABSTAIN,
}


def vote(text: str) -> VoteText | None:
    m = _SHOW.match(text) or _SHOW_CASTING.match(text)
    if m and m.group("f") is None:
        return None  # no counts: the outcome alone is not a vote clerk can record
    if m:
        side = m.groupdict().get("side")
        return VoteText(
            m.group("motion") or "",
            False,
            m.group("o") == "carried",
            int(m.group("f") or 0),
            int(m.group("a") or 0),
            int(m.group("x") or 0),
            casting=(VoteChoice.FOR if side == "for" else VoteChoice.AGAINST) if side else None,
        )
    m = _RECORDED.match(text)
    if not m:
        return None
    named = tuple(
        (g.group("names"), _CHOICE[g.group("label")]) for g in _GROUP.finditer(m.group("groups"))
    )
    side = m.group("side")
    return VoteText(
        m.group("motion") or "",
        True,
        (m.group("o") or m.group("o2")) == "carried",
        named=named,
        casting=(VoteChoice.FOR if side == "for" else VoteChoice.AGAINST) if side else None,
    )


# --------------------------------------------------------------------------- exempt business

_EXCLUSION = re.compile(
    r"^That under Section 100 ?\(A\) ?\(4\) of the Local Government Act 1972, the public and "
    r"press be excluded from the meeting for the following items? of business because (?:it|they)"
    r" involves? the likely disclosure of exempt information on the grounds shown below and it "
    r"is not in the public interest to disclose this information: (?P<grounds>.+)$"
)
_GROUND = re.compile(r"(?:^|; )Item (?P<n>\d{1,3}[A-Z]?) – ")
_PARAGRAPHS = re.compile(r"Paragraphs? (?P<list>[\d, and]+?) of Part 1 of Schedule 12A")


def exclusion(text: str) -> list[tuple[str, list[int]]] | None:
    """The items (number, Schedule 12A paragraphs) a resolution excluding the press and
    public names, or None when it is not one."""
    m = _EXCLUSION.match(text.rstrip("."))
    if not m:
        return None
    grounds = m.group("grounds")
    starts = list(_GROUND.finditer(grounds))
    out = []
    for i, start in enumerate(starts):
        chunk = grounds[start.end() : starts[i + 1].start() if i + 1 < len(starts) else None]
        paras = _PARAGRAPHS.search(chunk)
        numbers = [int(n) for n in re.findall(r"\d+", paras.group("list"))] if paras else []
        out.append((start.group("n"), numbers))
    return out or None
