"""Run the quotation rules over one article and return the statements they find (as :class:`Found`).

Order matters: verb-framed speech first (its clauses tell which quotations are
partial quotes inside indirect speech), then verbless attribution, then the
quotations themselves, then sentences that only continue someone's reported
speech (free indirect: Konjunktiv with no verb of its own).
"""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.quotes.according import according
from wortlaut.quotes.addressee_checks import drop_implausible_addressees
from wortlaut.quotes.carry import affiliations, carry, framed_after, named_before, whole_names, with_title
from wortlaut.quotes.cleanup import (
    dedupe,
    drop_contained,
    drop_nested,
    split_own_sources,
    without_generic_speakers,
    without_names,
    without_terms,
)
from wortlaut.quotes.colon_quotes import before_colon_quotations
from wortlaut.quotes.context import Context
from wortlaut.quotes.continued import join_continued
from wortlaut.quotes.cues import correlates, find_cues
from wortlaut.quotes.datelines import keep_datelines_out
from wortlaut.quotes.details import add_addressees, add_details
from wortlaut.quotes.direct import direct_statements
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_parts import PASSIVE_SPEAKERS, addressee_passive, passive_speaker
from wortlaut.quotes.free_indirect import free_indirect, subjunctive_clauses
from wortlaut.quotes.indirect import anaphoric, bare_infinitive, cue_after, cue_first, reported, wie_clause
from wortlaut.quotes.interviews import interviews
from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.marks import find_quoted
from wortlaut.quotes.nested import looks_like_name
from wortlaut.quotes.noun_cues import noun_statements
from wortlaut.quotes.press_frames import press_statements
from wortlaut.quotes.previous import person_before
from wortlaut.quotes.reported_fields import reported_after_als
from wortlaut.quotes.rerank import rerank_speakers
from wortlaut.quotes.sentence_subject import PREVIOUS_SUBJECT, previous_subjects
from wortlaut.quotes.span_model import SpanMerger
from wortlaut.quotes.speaker_checks import drop_unnamed_speakers
from wortlaut.quotes.speaker_model import SpeakerModel
from wortlaut.quotes.text import sentence_ranges, split_before_quotations, token_view

#: Drop direct quotations nested in another statement (see :func:`drop_nested`).
DROP_NESTED = True
_VERB_RULES = (cue_first, wie_clause, cue_after, anaphoric, bare_infinitive, reported, reported_after_als)
#: A verb that reports only with a correlate (frame ``corr:WORD``: ``denken darüber nach, … zu``, ``bestehen
#: darauf, dass``) frames only the clause after its comma (issue 12, nineteenth session).
_CORRELATE_RULES = (cue_first,)
#: Take the person named before a colon-opened frameless quotation (see :func:`named_before`).
NAMED_BEFORE = True
#: Drop a reported statement that lies inside another one (see :func:`drop_contained`).
DROP_CONTAINED = True
#: Read question-answer pages as interviews (:mod:`wortlaut.quotes.interviews`).
INTERVIEWS = True
#: A statement whose speaker is the generic ``man`` is nobody's (see ``without_generic_speakers``).
NO_GENERIC_SPEAKERS = True
#: A person named by an accusative or dative pronoun (``ihm``, ``ihn``, ``ihnen``: ``object_opener`` in the
#: lexicon) is no speaker a frameless statement carries on or takes from the sentence before (``Dem Beamten
#: ist anzumerken, dass ihm das unangenehm ist. Teilweise absurd sei …``; issue 12, fourteenth session).
NO_OBJECT_PRONOUNS = True
#: Drop short quotations inside a noun phrase (see :func:`wortlaut.quotes.cleanup.without_terms`).
QUOTED_TERMS = True
#: Reported clauses after a speech noun (``die Forderung, … zu …``; :mod:`wortlaut.quotes.noun_cues`).
NOUN_CUES = True
#: Join a direct quotation to the one before it when it continues it (:func:`join_continued`).
JOIN_CONTINUED = True
#: Drop speakers of verbless Konjunktiv clauses that name no one (:mod:`wortlaut.quotes.speaker_checks`).
NAMED_SPEAKERS = True


def build_context(article: Article, lexicon: Lexicon) -> Context:
    """Tokens, sentences and quotations of the non-boilerplate text."""
    tokens = token_view(article)
    if article.structure is not None and article.structure.boilerplate:  # else no token is in any
        tokens = [tok for tok in tokens if not article.is_boilerplate(tok.start)]
    quoted = [quoted for quoted in find_quoted(article.text) if not article.is_boilerplate(quoted.start)]
    openings = frozenset(item.start for item in quoted if item.closed)
    sentences = split_before_quotations(tokens, sentence_ranges(tokens), openings)
    times = [(time.start, time.end) for time in article.times]
    return Context(article.text, tokens, sentences, quoted, lexicon, times=times)


def _verb_framed(ctx: Context) -> list[Found]:
    found: list[Found] = []
    for sentence, (begin, end) in enumerate(ctx.sentences):
        quoted = max(ctx.quote_of[begin:end], default=-1) >= 0  # most sentences hold no quotation
        inside = {index for index in range(begin, end) if ctx.quote_of[index] >= 0} if quoted else set()
        for cue in find_cues(ctx.tokens, begin, end, ctx.lexicon, inside):
            for rule in _CORRELATE_RULES if correlates(cue.verb) else _VERB_RULES:
                statement = rule(ctx, cue, sentence)
                if statement is None:
                    continue
                if statement.speaker is None:  # a rule may have named it (a passive's agent)
                    speaker = passive_speaker(ctx, cue, begin, end) if PASSIVE_SPEAKERS else None
                    if speaker is None and not addressee_passive(ctx, cue.parts):
                        speaker = ctx.speaker_of(cue, begin, end)
                    statement.speaker = ctx.chars(*speaker) if speaker else None
                add_details(
                    ctx,
                    statement,
                    addressee_verb="addr" in cue.verb.frames,
                    dative_verb="dat" in cue.verb.frames,
                )
                found.append(statement)
                break
        found.extend(according(ctx, sentence))
    return found


def _partial_quotes(ctx: Context, framed: list[Found]) -> list[Found]:
    """Quotations inside indirect or reported speech: direct statements sharing its cue and speaker."""
    by_sentence: dict[int, list[Found]] = {}
    for outer in framed:
        by_sentence.setdefault(outer.sentence, []).append(outer)
    partial = []
    for quoted in ctx.quoted:
        first = ctx.token_at(quoted.start)
        if first >= len(ctx.tokens) or _looks_like_name(ctx, quoted.start, quoted.end):
            continue
        for outer in by_sentence.get(ctx.sentence_of[first], ()):
            if outer.covers(quoted.start, quoted.end):
                partial.append(
                    Found(
                        mode="direct",
                        quote=[(quoted.start, quoted.end)],
                        rule="direct.partial",
                        sentence=outer.sentence,
                        cue=list(outer.cue),
                        speaker=outer.speaker,
                        frame=outer.frame,
                        medium=outer.medium,
                        channel=outer.channel,
                    )
                )
                break
    return partial


def _looks_like_name(ctx: Context, start: int, end: int) -> bool:
    """A short quotation of capitalised words only („Graf Zeppelin“, „GTA“) is a title, not words."""
    return looks_like_name(ctx.text, start, end)


def _inside_frame(ctx: Context, item: Found, frames: set[tuple[int, int]]) -> bool:
    """Whether a statement lies inside a press-release frame sentence (``Dazu erklärt X, …:`` frames the
    paragraphs after it; it says nothing itself)."""
    return any(
        ctx.tokens[begin].start <= item.start and item.end <= ctx.tokens[end - 1].end for begin, end in frames
    )


def rule_statements(ctx: Context) -> list[Found]:
    """What the rules find before speakers are settled: verb-framed, partial and direct quotations,
    Konjunktiv clauses and free indirect runs (the span tagger reads these as features)."""
    framed = _verb_framed(ctx)
    partial = _partial_quotes(ctx, framed)
    covered = {
        number
        for number, quoted in enumerate(ctx.quoted)
        if any(outer.covers(quoted.start, quoted.end) for outer in framed)
    }
    direct = direct_statements(ctx, skip=covered)
    for statement in (item for item in direct if item.cue and item.frames):
        frames = statement.frames
        add_details(ctx, statement, addressee_verb="addr" in frames, dative_verb="dat" in frames)
    press = press_statements(ctx)
    spans = {ctx.sentences[item.sentence] for item in press}
    found = [item for item in framed + partial + direct if not _inside_frame(ctx, item, spans)] + press
    if NOUN_CUES:
        found += noun_statements(
            ctx, {item.sentence for item in found if not item.rule.startswith("direct.")}
        )
    found += subjunctive_clauses(ctx, found)
    found += free_indirect(ctx, found)
    before_colon_quotations(ctx, found)
    return found


def extract(
    article: Article,
    lexicon: Lexicon,
    speaker_model: SpeakerModel | None = None,
    span_tagger: SpanMerger | None = None,
) -> list[Found]:
    """All statements of an article's body text, in text order (speakers chosen by ``speaker_model``
    when one is given, else by the rules; quotations the rules miss added by ``span_tagger`` when given)."""
    ctx = build_context(article, lexicon)
    if not ctx.tokens:
        return []
    found = rule_statements(ctx)
    if span_tagger is not None:
        found = span_tagger.merge(ctx, found)
    add_addressees(ctx, found)
    times = [(time.start, time.end) for time in article.times]
    drop_implausible_addressees(ctx, found, times)
    if speaker_model is not None:
        rerank_speakers(ctx, found, speaker_model, article.mentions, times)
    whole_names(found, article.mentions, ctx.text)
    affiliations(found, article.mentions, ctx.text)
    keep_datelines_out(ctx.text, found)
    if NAMED_BEFORE:
        named_before(ctx, found, article.mentions)
    if INTERVIEWS:
        found = interviews(ctx, found, article.mentions)
    named = [
        mention
        for mention in article.mentions
        if mention.type == "PER"
        and ctx.quote_of[min(ctx.token_at(mention.start), len(ctx.tokens) - 1)] < 0
        and not (NO_OBJECT_PRONOUNS and ctx.lexicon.has("object_opener", mention.text.casefold()))
    ]
    titled = {with_title(ctx, (mention.start, mention.end)): mention.entity for mention in named}
    people = sorted(titled)
    bodies = [
        (mention.start, mention.end)
        for mention in article.mentions
        if mention.type == "ORG" and ctx.quote_of[min(ctx.token_at(mention.start), len(ctx.tokens) - 1)] < 0
    ]
    carry(
        found,
        people,
        {**{(mention.start, mention.end): mention.entity for mention in named}, **titled},
        ctx.text,
        bodies,
    )
    person_before(ctx, found, people)
    if PREVIOUS_SUBJECT:
        previous_subjects(ctx, found, article.mentions)
    framed_after(found)
    if NAMED_SPEAKERS:
        drop_unnamed_speakers(ctx, found, article.mentions)
    found = without_names(found)
    if QUOTED_TERMS:
        found = without_terms(ctx, found)
    if DROP_NESTED:
        found = drop_nested(ctx, found)
    if DROP_CONTAINED:
        found = drop_contained(split_own_sources(ctx.text, found))
    found = dedupe(found)
    if NO_GENERIC_SPEAKERS:
        found = without_generic_speakers(ctx, found)
    return join_continued(ctx, found) if JOIN_CONTINUED else found
