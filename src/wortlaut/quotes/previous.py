"""A frameless statement that nothing carries a speaker to: the person named in the sentence before it.

``ZDH-Generalsekretär Schwannecke äußert sich zum Förderstopp.`` newline ``"Die sofortige Einstellung …"``,
``Wolfgang Weber, Vorsitzender der Geschäftsführung, zum Entwurf:`` newline ``„Jetzt kann es losgehen …“``,
``Für den Parteienrechtler Martin Morlok ist das ein klarer Hinweis. Hier habe sich die Partei …``: the
sentence before the quotation (or the Konjunktiv sentence) introduces who speaks, without a speech verb the
rules read as a frame and without an earlier statement whose speaker could carry over.
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import find_cues
from wortlaut.quotes.found import Found

#: Rules whose statements may take the person of the sentence before them.
FRAMELESS_RULES = frozenset({"direct.unframed", "free_indirect"})


def person_before(ctx: Context, found: list[Found], people: Sequence[tuple[int, int]]) -> None:
    """Give each speakerless frameless statement the first person (``people``: character spans outside
    quotations, in text order) of the sentence right before it, in place."""
    for statement in found:
        if statement.speaker is not None or statement.rule not in FRAMELESS_RULES or statement.sentence == 0:
            continue
        begin, end = ctx.sentences[statement.sentence - 1]
        low, high = ctx.tokens[begin].start, ctx.tokens[end - 1].end
        statement.speaker = next(
            (span for span in people if low <= span[0] and span[1] <= high and span[1] <= statement.start),
            None,
        ) or _announcing_subject(ctx, begin, end)


def _announcing_subject(ctx: Context, begin: int, end: int) -> tuple[int, int] | None:
    """``ZDH-Generalsekretär Schwannecke äußert sich zum Förderstopp.``: when the tagger names no person in
    the sentence before, the subject of a speech verb there announces who speaks, if it holds a name."""
    inside = {index for index in range(begin, end) if ctx.quote_of[index] >= 0}
    for cue in find_cues(ctx.tokens, begin, end, ctx.lexicon, inside):
        subject = ctx.speaker_of(cue, begin, end)
        if subject is not None and any(tok.pos == "NE" for tok in ctx.tokens[subject[0] : subject[1]]):
            return ctx.chars(*subject)
    return None
