"""Run the quotation rules over one article and return the statements they find (as :class:`Found`).

Order matters: verb-framed speech first (its clauses tell which quotations are
partial quotes inside indirect speech), then verbless attribution, then the
quotations themselves, then sentences that only continue someone's reported
speech (free indirect: Konjunktiv with no verb of its own).
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.article import Article, Mention
from wortlaut.quotes.according import according
from wortlaut.quotes.context import Context
from wortlaut.quotes.continued import join_continued
from wortlaut.quotes.cues import find_cues
from wortlaut.quotes.datelines import keep_datelines_out
from wortlaut.quotes.details import add_addressees, add_details
from wortlaut.quotes.direct import direct_statements
from wortlaut.quotes.found import Found
from wortlaut.quotes.indirect import anaphoric, cue_after, cue_first, reported, wie_clause
from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.marks import find_quoted
from wortlaut.quotes.press_frames import press_statements
from wortlaut.quotes.previous import person_before
from wortlaut.quotes.rerank import rerank_speakers
from wortlaut.quotes.span_model import FRAMED_RULE, UNFRAMED_RULE, SpanMerger
from wortlaut.quotes.speaker_model import SpeakerModel
from wortlaut.quotes.speakers import phrase_before, phrase_ending
from wortlaut.quotes.text import sentence_ranges, split_before_quotations, token_view

#: A frameless quotation or Konjunktiv sentence continues the last speaker at most this many sentences on
#: (2 and 3 compared on the first 350 quotes-wikinews/train documents: 3 is 0.2 points better in joint F1).
CARRY_SENTENCES = 3
#: Right after a statement (this many sentences) Konjunktiv II and reportive "soll" also mark free indirect
#: speech (1, 2, 3, 4 compared on quotes-wikinews train and dev: 2 is best on both).
NEAR_SENTENCES = 2
#: Quotations of up to this many capitalised words are names or titles (checked on quotes-wikinews/train FPs).
MAX_NAME_WORDS = 4
#: Rules whose statements take the previous speaker when they have none of their own.
_CARRIED = frozenset(
    {"direct.unframed", "direct.unframed_short", "free_indirect", "indirect.demnach", "indirect.danach"}
) | {UNFRAMED_RULE, FRAMED_RULE}  # a tagged quotation whose cue gave no speaker is carried too
#: Indicative modals that report someone else's claim ("Juventus soll in die 3. Liga absteigen").
_REPORTIVE = frozenset({"soll", "sollen"})
#: Drop direct quotations nested in another statement (see ``_drop_nested``).
DROP_NESTED = True
KEEP_NESTED: frozenset[str] = frozenset()
_VERB_RULES = (cue_first, wie_clause, cue_after, anaphoric, reported)
#: Frameless quotations: a person named before the colon that opens them is their speaker.
_FRAMELESS = frozenset({"direct.unframed", "direct.unframed_short"})
#: Take the person named before a colon-opened frameless quotation (see ``_named_before``).
NAMED_BEFORE = True
#: Drop a reported statement that lies inside another one (see ``_drop_contained``).
DROP_CONTAINED = True
NEAREST_PERSON = True
#: Join a direct quotation to the one before it when it continues it (:func:`join_continued`).
JOIN_CONTINUED = True
#: Widen a carried person mention to the noun phrase it ends (see ``_with_title``).
TITLED_PEOPLE = True


def build_context(article: Article, lexicon: Lexicon) -> Context:
    """Tokens, sentences and quotations of the non-boilerplate text."""
    tokens = [tok for tok in token_view(article) if not article.is_boilerplate(tok.start)]
    quoted = [quoted for quoted in find_quoted(article.text) if not article.is_boilerplate(quoted.start)]
    openings = frozenset(item.start for item in quoted if item.closed)
    sentences = split_before_quotations(tokens, sentence_ranges(tokens), openings)
    return Context(article.text, tokens, sentences, quoted, lexicon)


def _verb_framed(ctx: Context) -> list[Found]:
    found: list[Found] = []
    for sentence, (begin, end) in enumerate(ctx.sentences):
        inside = {index for index in range(begin, end) if ctx.quote_of[index] >= 0}
        for cue in find_cues(ctx.tokens, begin, end, ctx.lexicon, inside):
            for rule in _VERB_RULES:
                statement = rule(ctx, cue, sentence)
                if statement is None:
                    continue
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
    words = [word.strip('„“”"»«‚‘’') for word in ctx.text[start:end].split()]
    words = [word for word in words if word]
    return len(words) <= MAX_NAME_WORDS and all(word[:1].isupper() or word[:1].isdigit() for word in words)


def _with_title(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """A person mention widened to the noun phrase it ends (``Der deutsche Verteidigungsminister Franz Josef
    Jung``, not only the name): the annotation, and a reader, take the whole phrase."""
    if not TITLED_PEOPLE:
        return span
    first, last = ctx.token_at(span[0]), ctx.token_at(span[1])
    if not first < last <= len(ctx.tokens):
        return span
    begin = ctx.sentences[ctx.sentence_of[first]][0]
    phrase = phrase_ending(ctx.tokens, begin, last, ctx.lexicon)
    if phrase is None or phrase[0] >= first or any(ctx.quote_of[i] >= 0 for i in range(phrase[0], first)):
        return span
    return ctx.tokens[phrase[0]].start, span[1]


def _carry(found: list[Found], people: Sequence[tuple[int, int]] = ()) -> None:
    """Give frameless statements the speaker of the statement just before them, or, with
    ``NEAREST_PERSON``, the person named (outside quotations) between that statement and them."""
    last: Found | None = None
    for statement in sorted(found, key=lambda item: item.start):
        if (
            statement.speaker is None
            and statement.rule in _CARRIED
            and last is not None
            and statement.sentence - last.sentence <= CARRY_SENTENCES
        ):
            between = [span for span in people if last.end <= span[0] and span[1] <= statement.start]
            statement.speaker = between[-1] if NEAREST_PERSON and between else last.speaker
            statement.medium = last.medium
        if statement.speaker is not None:
            last = statement


def _named_before(ctx: Context, found: list[Found], mentions: Sequence[Mention]) -> None:
    """``Jansen weiß: „…“``, ``Für Dujakovic steht die Qualität an erster Stelle: „…“``: a frameless
    quotation opened by a colon whose sentence names a person before it (outside quotation marks) is that
    person's, with a verb the lexicon does not list, not the previous statement's speaker's (in place)."""
    people = sorted((mention.start, mention.end) for mention in mentions if mention.type == "PER")
    for statement in found:
        if statement.speaker is not None or statement.rule not in _FRAMELESS:
            continue
        opening = ctx.token_at(statement.start)
        begin = ctx.sentences[statement.sentence][0]
        if not begin < opening <= len(ctx.tokens) or ctx.tokens[opening - 1].low != ":":
            continue
        lower, upper = ctx.tokens[begin].start, statement.start
        statement.speaker = next(
            (
                _with_title(ctx, (start, end))
                for start, end in people
                if lower <= start and end <= upper and ctx.quote_of[ctx.token_at(start)] < 0
            ),
            None,
        )


def _without_names(found: list[Found]) -> list[Found]:
    """A quotation inside someone's speaker phrase (``schrieb „Die Zeit“``) is a name, not a statement."""
    names = [item.speaker for item in found if item.speaker is not None]
    return [
        item
        for item in found
        if item.mode != "direct" or not any(start <= item.start and item.end <= end for start, end in names)
    ]


def _drop_contained(found: list[Found]) -> list[Found]:
    """``die Umfrage, wonach die Hälfte angibt, dass man nichts sagen könne``: a reported statement lying
    inside another one is part of it (its complement clause), not a second statement.  (Dropping also
    one of two that merely overlap lowered speaker F1 on quotes-wikinews/train by 0.005-0.007: not done.)"""
    outer = [item for item in found if not item.rule.startswith("direct.")]
    return [
        item
        for item in found
        if item.rule.startswith("direct.")
        or not any(
            other is not item and other.covers(item.start, item.end) and other.quote != item.quote
            for other in outer
        )
    ]


def _free_indirect(ctx: Context, found: list[Found]) -> list[Found]:
    """Sentences right after someone's statement that read as reported (Konjunktiv, reportive "soll")
    and have no frame of their own: free indirect speech of the same speaker.

    A direct quotation does not keep its sentence out: only words outside quotation marks are read, and
    the annotation marks "Der Airbus sei erst „weit hinter der Aufsetzzone“ gelandet" as free indirect
    with the quotation nested (+0.7 points joint F1 on dev, +0.9 on train).
    """
    held: set[int] = set()  # sentences with a statement
    taken: set[int] = set()  # sentences with reported speech (a direct quotation may sit in free indirect)
    for statement in found:
        covered = {statement.sentence}
        for start, end in statement.quote:
            first, stop = ctx.token_at(start), min(ctx.token_at(end), len(ctx.tokens))
            if first < stop:  # sentences are contiguous token runs: the range, not every token's
                covered.update(range(ctx.sentence_of[first], ctx.sentence_of[stop - 1] + 1))
        held |= covered
        if not statement.rule.startswith("direct."):
            taken |= covered
    extra: list[Found] = []
    last: int | None = None  # the latest sentence holding a statement
    run_end = -1  # the last sentence of the latest free indirect quotation
    for sentence, (begin, end) in enumerate(ctx.sentences):
        if sentence in held:
            last = sentence
        if sentence in taken:
            continue
        if end - begin < 3:
            continue
        # Far from any statement only a Konjunktiv I verb counts (it also opens reported passages whose
        # framing statement the rules missed: +1.5 points quote recall on train for -0.2 precision).
        near = last is not None and sentence - last <= NEAR_SENTENCES
        if not _reads_as_reported(ctx, begin, end, strict=not near) and not (
            _reads_as_reported(ctx, begin, end, strict=False) and _opens_run(ctx, sentence + 1, taken)
        ):
            continue
        if extra and run_end == sentence - 1 and last == sentence - 1:
            # The annotation marks a run of reported sentences as one free indirect quotation.
            previous = extra[-1]
            previous.quote = [(previous.start, ctx.chars(begin, end)[1])]
        else:
            extra.append(
                Found(
                    mode="free_indirect",
                    quote=[ctx.chars(begin, end)],
                    rule="free_indirect",
                    sentence=sentence,
                )
            )
        last = run_end = sentence
    return extra


def _opens_run(ctx: Context, sentence: int, taken: set[int]) -> bool:
    """Whether ``sentence`` is Konjunktiv I free indirect speech, so that a Konjunktiv II sentence right
    before it opens the same reported passage ("Er hätte den Jet zu spät aufgesetzt. Der Airbus sei …")."""
    if sentence >= len(ctx.sentences) or sentence in taken:
        return False
    begin, end = ctx.sentences[sentence]
    return end - begin >= 3 and _reads_as_reported(ctx, begin, end, strict=True)


def _subjunctive_clauses(ctx: Context, found: list[Found]) -> list[Found]:
    """``Der Minister zeigte sich bestürzt, es gebe …``: a Konjunktiv I clause after a comma reports speech
    even when the verb before it is not in the lexicon; the sentence's subject is its speaker.  As for free
    indirect speech, a direct quotation elsewhere in the sentence does not keep the clause out."""
    taken = {statement.sentence for statement in found if not statement.rule.startswith("direct.")}
    extra = []
    for sentence, (begin, end) in enumerate(ctx.sentences):
        if sentence in taken:
            continue
        finite = _next_finite(ctx, begin, end)  # once per sentence: a scan per comma is quadratic
        for comma in range(begin + 2, end - 2):
            if ctx.tokens[comma].low != "," or ctx.quote_of[comma] >= 0:
                continue
            verb = finite[comma + 1 - begin]
            if verb is None or not ctx.is_subjunctive(verb, strict=True):
                continue
            main = finite[0] if finite[0] is not None and finite[0] < comma else None
            if main is None or ctx.tokens[main].mood != "ind":
                continue
            statement = Found(
                mode="indirect",
                quote=[ctx.chars(comma + 1, ctx.trim_final(comma + 1, end))],
                rule="indirect.konjunktiv",
                sentence=sentence,
                cue=[ctx.chars(main, main + 1)],
                medium="speech",
            )
            subject = phrase_before(ctx.tokens, begin, main, ctx.lexicon)
            statement.speaker = ctx.chars(*subject) if subject else None
            extra.append(statement)
            break
    return extra


def _next_finite(ctx: Context, begin: int, end: int) -> list[int | None]:
    """For each token of ``begin:end`` (and ``end``), the first finite verb outside quotes from it on."""
    following: list[int | None] = [None] * (end - begin + 1)
    for index in range(end - 1, begin - 1, -1):
        tok = ctx.tokens[index]
        finite = ctx.quote_of[index] < 0 and tok.pos is not None and tok.pos.endswith("FIN")
        following[index - begin] = index if finite else following[index - begin + 1]
    return following


def _reads_as_reported(ctx: Context, begin: int, end: int, *, strict: bool) -> bool:
    """Konjunktiv on the sentence's first finite verb (Konjunktiv II only right after a statement)."""
    for index in range(begin, end):
        tok = ctx.tokens[index]
        if ctx.quote_of[index] >= 0:
            continue
        if tok.mood is not None and tok.mood != "imp":
            return ctx.is_subjunctive(index, strict=strict) or (not strict and tok.low in _REPORTIVE)
        if tok.mood is None and tok.pos is None and ctx.is_subjunctive(index, strict=strict):
            return True
    return False


def _drop_nested(ctx: Context, found: list[Found]) -> list[Found]:
    """A quotation inside someone's indirect, reported or free indirect statement is part of that
    statement, not a second one (``sagte, die Maschine sei „noch schöner“``): emitting it again
    doubles the statement on real pages.  A quotation that opens its sentence is a statement of its
    own even when a free indirect run around it covers it (``„Wir rechnen damit …“, sagt Reuter``)."""
    outer = [item for item in found if not item.rule.startswith("direct.")]
    return [
        item
        for item in found
        if not item.rule.startswith("direct.")
        or item.rule in KEEP_NESTED
        or _opens_sentence(ctx, item.start)
        or not any(other.covers(item.start, item.end) for other in outer)
    ]


def _opens_sentence(ctx: Context, start: int) -> bool:
    index = ctx.token_at(start)
    return index < len(ctx.tokens) and ctx.sentences[ctx.sentence_of[index]][0] == index


def _dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple[tuple[int, int], ...]] = set()
    unique = []
    for statement in sorted(found, key=lambda item: (item.start, item.end)):
        key = tuple(statement.quote)
        if key not in seen:
            seen.add(key)
            unique.append(statement)
    return unique


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
    found = framed + partial + direct + press_statements(ctx)
    found += _subjunctive_clauses(ctx, found)
    found += _free_indirect(ctx, found)
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
    if speaker_model is not None:
        times = [(time.start, time.end) for time in article.times]
        rerank_speakers(ctx, found, speaker_model, article.mentions, times)
    keep_datelines_out(ctx.text, found)
    if NAMED_BEFORE:
        _named_before(ctx, found, article.mentions)
    people = sorted(
        _with_title(ctx, (mention.start, mention.end))
        for mention in article.mentions
        if mention.type == "PER" and ctx.quote_of[min(ctx.token_at(mention.start), len(ctx.tokens) - 1)] < 0
    )
    _carry(found, people)
    person_before(ctx, found, people)
    found = [item for item in found if item.rule != "direct.unframed_short" or item.speaker is not None]
    found = _without_names(found)
    if DROP_NESTED:
        found = _drop_nested(ctx, found)
    if DROP_CONTAINED:
        found = _drop_contained(found)
    found = _dedupe(found)
    return join_continued(ctx, found) if JOIN_CONTINUED else found
