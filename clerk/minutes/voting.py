"""A vote as the minutes write it: what was voted on, how, the figures the style asks for,
who voted which way in a recorded vote, and the chair's casting vote on a tie.

What was voted on is "the motion", with its words when they are a motion's ("that the report
be noted", "to defer the item"); an item's title is never called the motion.
"""

from __future__ import annotations

from clerk.minutes import phrases
from clerk.minutes.document import Inline, plain
from clerk.minutes.style import HouseStyle
from clerk.minutes.templates import fill, join_with, plain_text, sentences
from clerk.record import MeetingRecord, Vote, VoteChoice, VoteMethod


def clause(text: str) -> str:
    """A resolution's or motion's words without list punctuation."""
    out = text.strip()
    while True:
        trimmed = out.removesuffix("; and").removesuffix(";").removesuffix(".")
        trimmed = trimmed.removesuffix(",").rstrip()
        if trimmed == out:
            return out
        out = trimmed


def subject(record: MeetingRecord, vote: Vote) -> str:
    """ "the motion that the report be noted", "the motion to defer …", or "the motion"."""
    words = clause(vote.motion)
    if not words and vote.resolution_id:
        # only the vote's own item's resolution: another item's may be exempt business
        res = next(
            (
                r
                for r in record.resolutions
                if r.id == vote.resolution_id and r.item_id == vote.item_id
            ),
            None,
        )
        words = clause(res.text) if res else ""
    if words[:5].casefold() == "that " or words[:3].casefold() == "to ":
        return f"the motion {phrases.lower_first(words)}"
    return "the motion"  # a title, or words that are not a motion's: not called the motion


def figures(vote: Vote) -> str:
    """ "5 for, 2 against, 1 abstention"."""
    abstentions = (
        "no abstentions"
        if vote.abstentions == 0
        else phrases.plural(vote.abstentions, "abstention")
    )
    return f"{vote.votes_for} for, {vote.votes_against} against, {abstentions}"


def vote_sentence(record: MeetingRecord, style: HouseStyle, vote: Vote, chair_title: str) -> str:
    return plain_text(vote_runs(record, style, vote, chair_title))


def vote_runs(record: MeetingRecord, style: HouseStyle, vote: Vote, chair_title: str) -> Inline:
    """The vote's sentences, with the bold the style's `outcome` and list labels give."""
    if vote.method is VoteMethod.RECORDED and vote.named:
        vote = vote.counted_from_names()
    motion = subject(record, vote)
    word = vote.outcome.value  # "carried" / "lost"
    outcome = fill(style.votes.outcome, outcome=word, OUTCOME=word.upper())
    counts = f" ({figures(vote)})" if style.votes.show_counts else ""
    chair = f"the {chair_title}"
    tied = vote.votes_for == vote.votes_against
    casting: Inline = ()
    if vote.casting_vote is not None and tied:
        side = "for" if vote.casting_vote is VoteChoice.FOR else "against"
        casting = (
            *plain(f"{chair} gave a casting vote {side} the motion, which was therefore "),
            *outcome,
            *plain("."),
        )
    if vote.method is VoteMethod.RECORDED:
        said: list[Inline] = [plain(f"A recorded vote was taken on {motion}.")]
        for choice, label in (
            (VoteChoice.FOR, style.votes.voting_for),
            (VoteChoice.AGAINST, style.votes.voting_against),
            (VoteChoice.ABSTAIN, style.votes.abstaining),
        ):
            people = phrases.by_surname(
                record.person(pid) for pid, c in vote.named.items() if c is choice
            )
            if people:
                said.append(join_with([fill(label), plain(f" {phrases.people_list(people)}.")], ""))
        if casting:
            said.append(join_with([plain(f"The votes being equal{counts}, "), casting], ""))
        else:
            said.append(join_with([plain("The motion was "), outcome, plain(f"{counts}.")], ""))
        return sentences(said)
    if casting:
        lead = plain(f"On a show of hands on {motion}, the votes were equal{counts} and ")
        return join_with([lead, casting], "")
    return join_with(
        [plain(f"On a show of hands, {motion} was "), outcome, plain(f"{counts}.")], ""
    )
