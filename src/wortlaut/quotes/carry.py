"""Speakers for statements without a frame: the previous statement's speaker, the person named between,
or the person named before a colon that opens the quotation.

Split out of :mod:`wortlaut.quotes.extract` (behaviour unchanged).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found, Range
from wortlaut.quotes.span_model import FRAMED_RULE, UNFRAMED_RULE
from wortlaut.quotes.speakers import phrase_after, phrase_ending, with_apposition

#: A frameless quotation or Konjunktiv sentence continues the last speaker at most this many sentences on
#: (2 and 3 compared on the first 350 quotes-wikinews/train documents: 3 is 0.2 points better in joint F1).
CARRY_SENTENCES = 3
#: Rules whose statements take the previous speaker when they have none of their own.
_CARRIED = frozenset({"direct.unframed", "free_indirect", "indirect.demnach", "indirect.danach"}) | {
    UNFRAMED_RULE,
    FRAMED_RULE,
}  # a tagged quotation whose cue gave no speaker is carried too
#: Frameless quotations: a person named before the colon that opens them is their speaker.
_FRAMELESS = frozenset({"direct.unframed"})
#: Carry the person named between the previous statement and a frameless one rather than that speaker.
NEAREST_PERSON = True
#: A frameless quotation after a colon takes the last person named before the colon in its sentence, the
#: one next to it (``…, so Precht: „…“``), not the first (issue 12, fourteenth session).
LAST_NAMED = True
#: Widen a speaker span that cuts a person or organisation mention to the mention's end (``whole_names``).
WHOLE_NAMES = True
#: A ``Demnach`` statement passes on the speaker before it (see ``carry``; train 3-fold CV, eleventh session).
PASS_ON_ANAPHORS = True
#: Widen a carried person mention to the noun phrase it ends (see ``with_title``).
TITLED_PEOPLE = True
#: Widen it also by the appositions around it (see ``with_title``; chosen on quotes-wikinews/train, 3-fold
#: CV, eleventh issue-12 session).
APPOSED_PEOPLE = True

#: A person named before the colon of a frameless quotation inside a prepositional or object phrase
#: (``nach dem Abschluss des Falls Demjanjuk``, ``griff den Präsidenten X an:``, ``während einer Rede der
#: Abgeordneten X``) is not its speaker (``named_before``, ``governed``).  Carrying the same test to the
#: people named between two statements (``carry``) gained on the read folds and lowered the unread one
#: (eighteenth issue-12 session): not done.
GOVERNED_NAMED = True

#: A bracketed party or body right after a carried name joins it (``Klaus Wowereit (SPD)``), as it does in
#: a speaker phrase read by the rules (``phrase_extent.extend_phrase``).
PARTY_TAGS = True


def with_title(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """A person mention widened to the noun phrase it ends (``Der deutsche Verteidigungsminister Franz Josef
    Jung``, not only the name): the annotation, and a reader, take the whole phrase."""
    if not TITLED_PEOPLE:
        return span
    first, last = ctx.token_at(span[0]), ctx.token_at(span[1])
    if not first < last <= len(ctx.tokens):
        return span
    begin, end = ctx.sentences[ctx.sentence_of[first]]
    phrase = phrase_ending(ctx.tokens, begin, last, ctx.lexicon)
    if phrase is not None and phrase[0] < first and all(ctx.quote_of[i] < 0 for i in range(phrase[0], first)):
        first = phrase[0]
    if PARTY_TAGS and _bracketed_tag(ctx, last, end):
        last += 3  # Klaus Wowereit (SPD): the party or body in brackets belongs to the name
    if APPOSED_PEOPLE:
        first, last = _with_appositions(ctx, (first, last), begin, end)
    return ctx.tokens[first].start, ctx.tokens[last - 1].end


def governed(ctx: Context, span: tuple[int, int]) -> bool:
    """Whether the phrase at ``span`` (characters) is the object of a preposition other than a
    ``holder_preposition`` (``für``, ``laut``, ``von``) or opens with an ``object_opener`` (``den``, ``dem``,
    ``seinem``): then it is no subject and speaks nothing."""
    first = ctx.token_at(span[0])
    if first >= len(ctx.tokens):
        return False
    begin = ctx.sentences[ctx.sentence_of[first]][0]
    previous = ctx.tokens[first - 1] if first > begin else None
    if previous is not None and previous.pos in {"APPR", "APPRART"}:
        return not ctx.lexicon.has("holder_preposition", previous.low)
    return ctx.lexicon.has("object_opener", ctx.tokens[first].low)


def _bracketed_tag(ctx: Context, index: int, end: int) -> bool:
    """Whether tokens ``index:index + 3`` are a capitalised word in brackets (``(SPD)``)."""
    return (
        index + 2 < end
        and ctx.tokens[index].low == "("
        and ctx.tokens[index + 2].low == ")"
        and ctx.tokens[index + 1].text[:1].isupper()
    )


def _with_appositions(ctx: Context, phrase: tuple[int, int], begin: int, end: int) -> tuple[int, int]:
    """``Der Leiter der Studie, Paulo Pinheiro, sieht …`` / ``Erkki Tuomioja, Präsident des Rats, sagte``:
    the annotation (its guidelines, section 5.3) and a reader take a person's appositions with the name:
    the sentence-initial noun phrase the name is the apposition of, and a comma-closed phrase after it."""
    outer = ctx.apposition_of(phrase, begin)
    if outer is None and FRONTED_APPOSITIONS:
        outer = _head_before(ctx, phrase, begin)
    first = outer[0] if outer is not None else phrase[0]
    widened = with_apposition(ctx.tokens, phrase, end, ctx.lexicon)
    last = widened[1] if widened is not None else phrase[1]
    if any(ctx.quote_of[i] >= 0 for i in range(first, last)):
        return phrase
    return first, last


#: The noun phrase a name is the apposition of also after a sentence-initial adverb or an inverted verb
#: (``Auch die Fraktionschefin der Grünen, Renate Künast, äußerte sich``, ``nahm jetzt auch der
#: Ministerpräsident des Landes, Christian Wulff (CDU), Stellung``; see ``_head_before``).
FRONTED_APPOSITIONS = True


def _head_before(ctx: Context, phrase: tuple[int, int], begin: int) -> tuple[int, int] | None:
    """The noun phrase ending at the comma right before ``phrase``, opened by an article after the sentence
    start, an adverb or a finite verb (a constituent of its own, so the name after the comma is its
    apposition), from its start to the end of ``phrase``; else ``None``."""
    comma = phrase[0] - 1
    if comma <= begin or ctx.tokens[comma].low != ",":
        return None
    start = comma - 1
    while start > begin and ctx.tokens[start - 1].pos not in {"ADV", "VVFIN", "VAFIN", "VMFIN", "$,", "$."}:
        start -= 1
    if ctx.tokens[start].pos != "ART" or (start > begin and ctx.tokens[start - 1].pos == "$,"):
        return None
    head = phrase_after(ctx.tokens, start, comma, ctx.lexicon)
    if head is None or head != (start, comma) or any(ctx.quote_of[i] >= 0 for i in range(start, comma)):
        return None
    return start, phrase[1]


def _impersonal(statement: Found, text: str) -> bool:
    """``„…“, hieß es``: a cue that names no speaker; with none of its own (no ``aus dem Ministerium``) the
    statement continues the source reported before it, as a frameless one does (thirteenth session)."""
    return any(text[start:end].lower() in {"hieß", "heißt"} for start, end in statement.cue)


#: A free indirect sentence with no person named since the last statement does not take that statement's
#: speaker over a paragraph break when the new paragraph opens with a sentence of its own that names an
#: organisation (``…\n\nDie Regierung brachte eine Darstellung in Umlauf. So hätten Rebellen …``): a new
#: paragraph about a new actor is a new topic (``paragraph_topic``); the sentence is left to
#: ``sentence_subject.previous_subjects``.  Eighteenth issue-12 session (12zh), errors read on folds 0/1 only.
PARAGRAPH_TOPICS = True
#: The end of a sentence inside a stretch of text: a full stop, question or exclamation mark (and maybe a
#: closing quotation mark), then white space.
_SENTENCE_END = re.compile(r"[.!?][\"“”'»«]?\s")


def paragraph_topic(text: str, lower: int, upper: int, bodies: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text[lower:upper]`` (from the last statement to a carried one) crosses a paragraph break
    after which, before ``upper``, a whole sentence ends and an organisation (``bodies``, character spans)
    is named.  A carried sentence that opens the paragraph still continues the speaker before it (sources
    reported at a paragraph's end go on in the next one, ``Nach Angaben von X … .\n\nDort seien …``)."""
    gap = text[lower:upper]
    if "\n\n" not in gap:
        return False
    brk = lower + gap.rindex("\n\n")
    if _SENTENCE_END.search(text, brk, upper) is None:
        return False
    return any(brk <= start and end <= upper for start, end in bodies)


def carry(
    found: list[Found],
    people: Sequence[tuple[int, int]] = (),
    entity_of: Mapping[tuple[int, int], str | None] | None = None,
    text: str = "",
    bodies: Sequence[tuple[int, int]] = (),
) -> None:
    """Give frameless statements the speaker of the statement just before them, or, with
    ``NEAREST_PERSON``, the person named (outside quotations) between that statement and them, unless that
    person is the same entity (``entity_of`` maps ``people`` to entities) as the speaker before: then the
    speaker phrase carries on.  A statement whose speaker is its own ``Demnach`` passes on the speaker it
    points back to (the one before it).  With ``PARAGRAPH_TOPICS``, a free indirect sentence with nobody
    named since keeps no speaker across a paragraph that names an organisation (``bodies``, character spans
    outside quotations) first (``paragraph_topic``)."""
    last: Found | None = None
    speaker: tuple[int, int] | None = None
    for statement in sorted(found, key=lambda item: item.start):
        if (
            statement.speaker is None
            and (statement.rule in _CARRIED or _impersonal(statement, text))
            and last is not None
            and statement.sentence - last.sentence <= CARRY_SENTENCES
        ):
            between = [span for span in people if last.end <= span[0] and span[1] <= statement.start]
            if _impersonal(statement, text):
                between = []  # "…, hieß es": the source reported before, not whoever was named since
            if (
                PARAGRAPH_TOPICS
                and not between
                and statement.rule == "free_indirect"
                and paragraph_topic(text, last.end, statement.start, bodies)
            ):
                continue
            statement.speaker = between[-1] if NEAREST_PERSON and between else speaker
            if between and entity_of is not None and _same_entity(between[-1], speaker, entity_of):
                statement.speaker = speaker
            statement.medium = last.medium
            if continues_addressee(statement, last, carried=statement.speaker == speaker):
                statement.addressee = last.addressee
        if statement.speaker is not None:
            if not (PASS_ON_ANAPHORS and statement.speaker in statement.cue and speaker is not None):
                speaker = statement.speaker
            last = statement


#: A free indirect sentence left without a speaker takes the speaker of a frame that follows its content in
#: the very next sentence (``Das könne zum Problem werden. „…“, so Barth.``): the frame after the quotation
#: reports the run of sentences before it (issue 12zl).
FRAMES_AFTER = True
#: Rules whose frame follows what it reports.
_FRAME_AFTER_RULES = frozenset({"direct.frame_after", "indirect.so", "indirect.trailing"})


def framed_after(found: list[Found]) -> None:
    """Give a speakerless ``free_indirect`` statement the speaker of the next statement when that one is in
    the next sentence and its frame comes after its words (:data:`FRAMES_AFTER`)."""
    if not FRAMES_AFTER:
        return
    ordered = sorted(found, key=lambda item: item.start)
    for statement, following in pairwise(ordered):
        if (
            statement.speaker is None
            and statement.rule == "free_indirect"
            and following.rule in _FRAME_AFTER_RULES
            and following.speaker is not None
            and following.sentence == statement.sentence + 1
        ):
            statement.speaker = following.speaker


#: A frameless quotation that goes on from the direct one in the sentence before, said by the same speaker
#: (nobody named between), was said to the same addressee (``„…“, sagte er gegenüber Deutschlandradio.
#: „…“``); free indirect sentences take none (the annotation never repeats it there; issue 12, nineteenth
#: session).
CARRY_ADDRESSEES = True


def continues_addressee(statement: Found, last: Found, *, carried: bool) -> bool:
    """Whether the frameless ``statement`` takes the addressee of ``last``: it carries ``last``'s speaker,
    has no addressee of its own, and follows the direct quotation ``last`` in the next sentence."""
    return (
        CARRY_ADDRESSEES
        and carried
        and statement.rule in _FRAMELESS
        and last.rule.startswith("direct.")
        and statement.addressee is None
        and last.addressee is not None
        and statement.sentence - last.sentence <= 1
    )


def _same_entity(
    person: tuple[int, int], speaker: tuple[int, int] | None, entity_of: Mapping[tuple[int, int], str | None]
) -> bool:
    """Whether the speaker phrase holds a mention of the person's entity (``Ministerpräsident Günther
    Oettinger (CDU)`` before, ``Oettinger`` named between)."""
    entity = entity_of.get(person)
    if entity is None or speaker is None:
        return False
    return any(
        other == entity and speaker[0] <= span[0] and span[1] <= speaker[1]
        for span, other in entity_of.items()
    )


def named_before(ctx: Context, found: list[Found], mentions: Sequence[Mention]) -> None:
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
        named = [
            with_title(ctx, (start, end))
            for start, end in people
            if lower <= start and end <= upper and ctx.quote_of[ctx.token_at(start)] < 0
        ]
        if GOVERNED_NAMED:
            named = [span for span in named if not governed(ctx, span)]
        if named:  # the last one: ``… von Donald Trump bis Martin Schulz …, so Precht: „…“``
            statement.speaker = named[-1] if LAST_NAMED else named[0]


def whole_names(found: list[Found], mentions: Sequence[Mention], text: str) -> None:
    """``laut Johanna Moser`` read as ``Johanna`` when the tagger took ``Moser`` for a verb: a speaker span
    that cuts a person or organisation mention of the entities stage is widened to its end, and a quote part
    that opened on the name's rest opens after it (in place)."""
    if not WHOLE_NAMES:
        return
    named = [mention for mention in mentions if mention.type in {"PER", "ORG"}]
    for statement in found:
        if statement.speaker is None:
            continue
        start, end = statement.speaker
        cut = [m for m in named if start <= m.start < end < m.end]
        if not cut:
            continue
        stop = max(m.end for m in cut)
        bare = all(m.start == start for m in cut)  # the speaker is the cut name, not a phrase ending in one
        parts = [_after_name(part, end, stop, text) if bare else part for part in statement.quote]
        if any(begin < stop and end < finish and not (bare and begin <= start) for begin, finish in parts):
            continue  # the name runs into the statement's own words
        statement.quote = [part for part in parts if part[0] < part[1]]
        statement.speaker = (start, stop)


def _after_name(part: Range, cut: int, stop: int, text: str) -> Range:
    """A quote part that opens on the rest of a cut name (``Laut Johanna Moser gibt es …`` read as
    ``Johanna`` + ``Moser gibt es …``) opens after the name instead."""
    begin, finish = part
    if not cut <= begin < stop:
        return part
    begin = stop
    while begin < finish and text[begin].isspace():
        begin += 1
    return (begin, finish)


#: A person speaker followed by ``von``/``vom`` (and an article) and an organisation mention takes it along
#: (``Jane Greaves von der University of St. Andrews``, ``Karl Harb von den Salzburger Nachrichten``; see
#: ``affiliations``).
AFFILIATIONS = True
#: What may stand between a person's name and the organisation it belongs to.
_AFFILIATION = re.compile(r"\s+(?:von|vom)(?:\s+(?:der|dem|den))?\s+$")


def affiliations(found: list[Found], mentions: Sequence[Mention], text: str) -> None:
    """Widen a speaker span that ends with a person mention by ``von der X`` when X is an organisation
    mention of the entities stage (in place): a reader, and the annotation, name the person with the body
    they speak for.  Only organisation mentions: ``sprach Müller von der Möglichkeit`` names none."""
    if not AFFILIATIONS:
        return
    people = {mention.end for mention in mentions if mention.type == "PER"}
    bodies = sorted((m.start, m.end) for m in mentions if m.type == "ORG")
    for statement in found:
        if statement.speaker is None or statement.speaker[1] not in people:
            continue
        start, end = statement.speaker
        for begin, finish in bodies:
            if begin <= end or begin - end > 12:
                continue
            if _AFFILIATION.fullmatch(text[end:begin]) is None:
                continue
            if not any(low < finish and end < high for low, high in statement.quote):
                statement.speaker = (start, finish)
            break
