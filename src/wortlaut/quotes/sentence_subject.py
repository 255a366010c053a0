"""A free indirect sentence nobody's statement carries over to: the subject of the sentence before speaks.

``Analysten verweisen auf den schwachen Dollar. Das Preisniveau sei jedoch zu hoch.``: the verb before is no
speech verb, so no statement gives the Konjunktiv sentence its speaker, and it stayed without one (issue 12,
thirteenth session: 27 such free indirect statements on quotes-wikinews/train had a gold speaker and none
predicted).  The subject must fill the sentence's prefield and name someone
(:func:`wortlaut.quotes.speaker_checks.names_someone`).  Chosen by train 3-fold CV: speaker F1 +0.0003;
the inverted subject after the verb as well: +0.0002.
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found
from wortlaut.quotes.speaker_checks import names_someone
from wortlaut.quotes.speakers import phrase_before

#: Give a speakerless free indirect sentence the prefield subject of the sentence before (see the module).
PREVIOUS_SUBJECT = True


def prefield_subject(ctx: Context, sentence: int) -> tuple[int, int] | None:
    """The noun phrase filling the prefield before the first finite verb of a sentence (token range), when
    no comma, colon or quotation comes first."""
    begin, end = ctx.sentences[sentence]
    for index in range(begin, end):
        tok = ctx.tokens[index]
        if ctx.quote_of[index] >= 0 or tok.low in {",", ":", ";"}:
            return None
        if tok.pos is not None and tok.pos.endswith("FIN"):
            if index == begin or ctx.lexicon.has("object_opener", ctx.tokens[begin].low):
                return None
            phrase = phrase_before(ctx.tokens, begin, index, ctx.lexicon)
            return phrase if phrase is not None and phrase[0] == begin else None
    return None


def previous_subjects(ctx: Context, found: Sequence[Found], mentions: Sequence[Mention]) -> None:
    """Give each free indirect statement still without a speaker the named prefield subject of the
    sentence before it (in place)."""
    for item in found:
        if item.rule != "free_indirect" or item.speaker is not None:
            continue
        first = ctx.token_at(item.start)
        if first >= len(ctx.tokens) or ctx.sentence_of[first] == 0:
            continue
        subject = prefield_subject(ctx, ctx.sentence_of[first] - 1)
        if subject is not None and names_someone(ctx, ctx.chars(*subject), mentions):
            item.speaker = ctx.chars(*subject)
