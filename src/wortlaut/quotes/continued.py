"""One statement in several quotation parts: ``„A“, sagte X, „B“`` is one statement, not two.

Real pages (and readers) take a quotation interrupted by its frame, or two quoted pieces of one sentence
with one speaker, as one statement; emitting the second part again is a duplicate fragment.
"""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found

#: Most words (besides the shared speaker and cue) between two parts of one statement (``“, da sich „``;
#: the two parts of the own dev pages have 0 and 2).
MAX_CONTINUATION_GAP = 3


def join_continued(ctx: Context, found: list[Found]) -> list[Found]:
    """``„A“, erklärte X, „B.“`` and ``für X ist klar, dass „A“, da sich „B“``: a direct quotation that
    continues the one before it in the same sentence, with the same speaker and either the same cue standing
    between the two or no cue at all, is the second part of one statement, not a statement of its own (on
    real pages the second part came out as a duplicate fragment).  Partial quotations inside someone's
    indirect speech stay apart (quotes-wikinews/train annotates them as quotations of their own)."""
    result: list[Found] = []
    for statement in found:
        previous = result[-1] if result else None
        if previous is not None and _continues(ctx, previous, statement):
            previous.quote = [*previous.quote, *statement.quote]
            continue
        result.append(statement)
    return result


def _continues(ctx: Context, first: Found, second: Found) -> bool:
    if (
        not (first.mode == second.mode == "direct")
        or first.speaker is None
        or first.speaker != second.speaker
    ):
        return False
    if "direct.partial" in (first.rule, second.rule) or (second.cue and second.cue != first.cue):
        return False
    gap_begin, gap_end = ctx.token_at(first.end), ctx.token_at(second.start)
    if first.cue and not all(first.end <= start and end <= second.start for start, end in first.cue):
        return False  # the frame must interrupt the quotation: „A“, sagte X, „B“
    if gap_end >= len(ctx.tokens) or ctx.sentence_of[gap_end] != ctx.sentence_of[ctx.token_at(first.start)]:
        return False
    outside = [index for index in range(gap_begin, gap_end) if ctx.quote_of[index] < 0]
    words = [index for index in outside if ctx.tokens[index].text[:1].isalnum()]
    speaker = set(range(ctx.token_at(first.speaker[0]), ctx.token_at(first.speaker[1])))
    cue = {ctx.token_at(start) for start, _ in first.cue}
    rest = [index for index in words if index not in speaker and index not in cue]
    if any((ctx.tokens[index].pos or "").endswith("FIN") for index in rest):
        return False  # „A“, weiß der Präsident, warnt aber: „B“: two clauses, two statements
    return len(rest) <= MAX_CONTINUATION_GAP
