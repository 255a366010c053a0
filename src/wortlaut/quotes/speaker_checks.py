"""Carried speakers that name no one, dropped (issue 12, thirteenth session).

A frameless quotation (``direct.unframed``) takes the speaker of the statement
before it, and a speakerless passive report (``reported.passive``) may pick up a phrase of its sentence; when
that phrase names no person or organisation (``Eine Laboranalyse``, ``die Haltung der Regierung``, ``andere
Quellen``) it is almost never the annotated speaker: on quotes-wikinews/train 0 of 45 such speaker tokens
were right.  A phrase names someone when it overlaps a person or organisation mention, is a pronoun, holds a
proper name the recogniser missed (``de Decker``) or a function word of ``ner_person_cues.txt`` as a word or
compound end (``die Bahn-Sprecherin``, ``die Ministerin``: on the own real pages those are right).  Chosen
by train CV; the 38 development pages kept their right speakers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from wortlaut.article import Mention
from wortlaut.lang.tables import read_column
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found

#: Rules whose speaker must name someone to stay.
NAMED_ONLY_RULES = frozenset({"direct.unframed", "reported.passive"})


@lru_cache(maxsize=1)
def _person_words() -> tuple[str, ...]:
    return tuple(
        word.strip().lower() for word in read_column("ner_person_cues.txt", columns=1) if word.strip()
    )


def names_someone(ctx: Context, speaker: tuple[int, int], mentions: Sequence[Mention]) -> bool:
    """Whether a speaker phrase (character range) names a person or organisation (see the module)."""
    start, end = speaker
    if any(m.type in {"PER", "ORG"} and m.start < end and start < m.end for m in mentions):
        return True
    first, last = ctx.token_at(start), min(ctx.token_at(end), len(ctx.tokens))
    if last == first + 1 and ctx.lexicon.has("subject_pronoun", ctx.tokens[first].low):
        return True
    words = _person_words()
    return any(
        tok.pos == "NE" or (tok.pos == "NN" and any(tok.low.endswith(word) for word in words))
        for tok in ctx.tokens[first:last]
    )


def drop_unnamed_speakers(ctx: Context, found: Sequence[Found], mentions: Sequence[Mention]) -> None:
    """Clear the speaker of each statement of :data:`NAMED_ONLY_RULES` that names no one (in place)."""
    for item in found:
        speaker = item.speaker
        if (
            item.rule in NAMED_ONLY_RULES
            and speaker is not None
            and not names_someone(ctx, speaker, mentions)
            and not (DOCUMENTS_SPEAK and item.rule == "reported.passive" and _document(ctx, speaker))
        ):
            item.speaker = None


#: A passive report's document source stays (``wird im Bericht als problematisch bezeichnet``: the report
#: speaks, as the annotation marks it; issue 12, nineteenth session): its head ends in an
#: ``impersonal_document`` noun.
DOCUMENTS_SPEAK = True


def _document(ctx: Context, speaker: tuple[int, int]) -> bool:
    """Whether the speaker phrase (characters) holds an ``impersonal_document`` noun."""
    documents = tuple(ctx.lexicon.words.get("impersonal_document", frozenset()))
    first, last = ctx.token_at(speaker[0]), min(ctx.token_at(speaker[1]), len(ctx.tokens))
    return any(tok.pos == "NN" and tok.low.endswith(documents) for tok in ctx.tokens[first:last])
