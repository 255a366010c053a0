"""A free indirect sentence nobody's statement carries over to: the subject of the sentence before speaks.

``Analysten verweisen auf den schwachen Dollar. Das Preisniveau sei jedoch zu hoch.``: the verb before is no
speech verb, so no statement gives the Konjunktiv sentence its speaker, and it stayed without one (issue 12,
thirteenth session: 27 such free indirect statements on quotes-wikinews/train had a gold speaker and none
predicted).  The subject must fill the sentence's prefield and name someone
(:func:`wortlaut.quotes.speaker_checks.names_someone`).  Chosen by train 3-fold CV: speaker F1 +0.0003;
the inverted subject after the verb as well: +0.0002.  Over a carried speaker when the sentence before is no
statement and the subject names another entity (eighteenth session, errors read from folds 0 and 1 only):
speaker folds 0.7542 / 0.7197 / 0.6605 -> 0.7552 / 0.7205 / 0.6605.
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_parts import document_source
from wortlaut.quotes.speaker_checks import names_someone
from wortlaut.quotes.speakers import phrase_before

#: Give a speakerless free indirect sentence the prefield subject of the sentence before (see the module).
PREVIOUS_SUBJECT = True
#: Also over a speaker carried from an earlier statement, when the sentence right before is no statement and
#: its subject is headed by a name (``Die Kriminalpolizei bittet um Mithilfe. Der Mann sei 18 bis 25 Jahre
#: alt.``): that subject is nearer (``_named_head``).
OVER_CARRIED = True
#: With no subject naming someone there, the document the sentence before names after its first ``in``/``im``
#: speaks (``In einer Analyse der BBC wird die Lage als … gesehen. So vertrage sich …``; the verb there is no
#: speech verb the rules know; issue 12, nineteenth session).
DOCUMENT_SENTENCES = True
#: A person or organisation mention must start within this many tokens of the subject's start to head it
#: (``Das Robert-Koch-Institut``, not ``Der Verkauf der Woba``).
HEAD_TOKENS = 2


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
    sentence before it; with ``OVER_CARRIED`` also one whose speaker was carried over a sentence that is no
    statement, when a name heads that subject (in place)."""
    stated = {item.sentence for item in found}
    for item in found:
        if item.rule != "free_indirect":
            continue
        first = ctx.token_at(item.start)
        if first >= len(ctx.tokens) or ctx.sentence_of[first] == 0:
            continue
        carried = item.speaker is not None
        if carried and not (OVER_CARRIED and ctx.sentence_of[first] - 1 not in stated):
            continue
        subject = prefield_subject(ctx, ctx.sentence_of[first] - 1)
        if subject is None or not names_someone(ctx, ctx.chars(*subject), mentions):
            if DOCUMENT_SENTENCES and not carried:
                source = document_source(ctx, *ctx.sentences[ctx.sentence_of[first] - 1])
                item.speaker = ctx.chars(*source) if source is not None else None
            continue
        if not carried or (
            _named_head(ctx, subject, mentions)
            and not _same_entity(ctx.chars(*subject), item.speaker, mentions)
        ):
            item.speaker = ctx.chars(*subject)


def _same_entity(
    subject: tuple[int, int], speaker: tuple[int, int] | None, mentions: Sequence[Mention]
) -> bool:
    """Whether the subject (characters) names an entity the carried speaker phrase names too: then the
    fuller phrase carries on (``Ministerpräsident Günther Albrecht`` … ``Albrecht besuchte …``)."""
    if speaker is None:
        return False
    named = {m.entity for m in mentions if m.entity and subject[0] <= m.start and m.end <= subject[1]}
    return any(m.entity in named for m in mentions if speaker[0] <= m.start and m.end <= speaker[1])


def _named_head(ctx: Context, subject: tuple[int, int], mentions: Sequence[Mention]) -> bool:
    """Whether a person or organisation mention starts within the first ``HEAD_TOKENS`` tokens of the
    subject (token range): the name heads it, not a genitive after a thing (``Der Verkauf der Woba``)."""
    lower = ctx.tokens[subject[0]].start
    upper = ctx.tokens[min(subject[0] + HEAD_TOKENS, subject[1]) - 1].end
    return any(m.type in {"PER", "ORG"} and lower <= m.start < upper for m in mentions)
