"""Reported content after a speech noun: ``formulierten die Forscher die Hypothese, dass …``,
``wurden Forderungen erhoben, sie müssten …``.

The noun (``speech_noun`` in ``lang/de/quotes_words.tsv``; intentions like ``Ziel`` and ``Plan`` left
out: with them train CV joint 0.7685 against 0.7693) is the cue; a dass-/ob-clause, a Konjunktiv
clause or a zu-infinitive right after its comma is the quotation; the subject of the sentence's finite
verb is the speaker, or the genitive after the noun (``die Forderung Frankreichs, …``).  Issue 12,
twelfth session: speech nouns were the second largest class of missed indirect quotations in a sample
of quotes-wikinews/train (13 of 60).  The same reading serves predicative attitude adjectives
(``ist zuversichtlich, …``, ``zeigte sich besorgt, dass …``, ``hält es für möglich, dass …``;
``attitude_adjective`` and ``judged_adjective`` in the same file), part of the largest class (a predicate
not in the verb list, 20 of 60).
"""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue
from wortlaut.quotes.found import Found
from wortlaut.quotes.lexicon import SpeechVerb
from wortlaut.quotes.speakers import phrase_before

#: How many tokens into the clause a Konjunktiv verb still marks it as reported.
SUBJUNCTIVE_WINDOW = 12
#: Also predicative attitude adjectives (``ist zuversichtlich, …``; see ``_attitude``).
ATTITUDES = True
#: Also a clause after an ``als`` phrase of a verb of regarding or naming (``sieht es als seine Aufgabe an, …
#: zu …``, ``Als Grund nannte die NASA, …``; see ``_regarded``; issue 12, eighteenth session).
REGARDED = True
_NOUN_CUE = SpeechVerb("", None, "speech", frozenset())
#: A genitive owner between the noun and its comma names who said it (``die Forderung des Vorsitzenden, …
#: zuzugehen``, ``Dem Appell der Polizei, sich zu stellen, …``; issue 12, seventeenth session); before, the
#: noun had to stand right before the comma.
OWNERS = True
#: The owner phrase is at most this many tokens.
MAX_OWNER = 8
#: A name in apposition to the owner (``ihres Trainers, Greg Poss,``) has at most this many words.
MAX_APPOSED_NAME = 4
#: Words that open a genitive owner after a noun.
_GENITIVES = frozenset({"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "unseres"})
#: POS tags inside an owner phrase (names, nouns, their articles and adjectives, prepositional attributes).
_OWNER_TAGS = frozenset({"ART", "ADJA", "NN", "NE", "APPR", "APPRART", "PPOSAT", "CARD", "TRUNC", "FM"})
_FINITE = ("VVFIN", "VAFIN", "VMFIN")


def noun_statements(ctx: Context, taken: set[int]) -> list[Found]:
    """One statement per sentence not in ``taken`` whose speech noun is followed by a reported clause."""
    found = []
    for sentence, (begin, end) in enumerate(ctx.sentences):
        if sentence in taken:
            continue
        for index in range(begin, end - 3):
            if ctx.quote_of[index] >= 0:
                continue
            owner = None
            if ctx.tokens[index + 1].low == ",":
                if index == begin or not _speech_noun(ctx, index):
                    continue
            elif OWNERS and ctx.tokens[index + 1].low in _GENITIVES and _noun(ctx, index):
                owner = _owner(ctx, index, end)
                if owner is None:
                    continue
            else:
                continue
            comma = owner[1] if owner is not None else index + 1
            statement = _statement(ctx, index, sentence, comma, owner)
            if statement is not None:
                found.append(statement)
                break
    return found


def _speech_noun(ctx: Context, index: int) -> bool:
    return (ATTITUDES and _attitude(ctx, index)) or _noun(ctx, index) or (REGARDED and _regarded(ctx, index))


def _regarded(ctx: Context, index: int) -> bool:
    """``sah es als seine Aufgabe an,``, ``nannte als Grund,``, ``Als wichtige Aufgabe sah es X an,``: the
    clause before the comma holds a finite verb of regarding or naming (``regard_verb``) and an ``als``
    phrase, so the clause after the comma is what the subject names (:data:`REGARDED`)."""
    clause = ctx.clause_begin(index, ctx.sentences[ctx.sentence_of[index]][0])
    tokens = ctx.tokens
    verb = any(
        tokens[other].pos == "VVFIN" and ctx.lexicon.has("regard_verb", tokens[other].lemma or "")
        for other in range(clause, index)
    )
    return verb and any(
        tokens[other].low == "als" and tokens[other + 1].low not in {"ob", "wenn"}
        for other in range(clause, index)
    )


def _noun(ctx: Context, index: int) -> bool:
    """Whether the token at ``index`` is a listed speech noun."""
    tok = ctx.tokens[index]
    if not tok.text[:1].isupper() or (tok.pos is not None and tok.pos != "NN"):
        return False
    # Whole words only: compound ends (``Anforderung``, ``Warnhinweis``) are no speech (three false
    # statements on the development pages, train CV unchanged).
    return ctx.lexicon.has("speech_noun", tok.low)


def _attitude(ctx: Context, index: int) -> bool:
    """``ist zuversichtlich,`` / ``zeigte sich besorgt,`` / ``hält es für möglich,`` / ``sah es als
    erwiesen an,``: a predicative adjective of the subject's attitude right before the comma (``an`` may
    close the clause), after a finite verb of the same clause."""
    at = index - 1 if ctx.tokens[index].low == "an" else index
    word = ctx.tokens[at].low
    before = ctx.tokens[at - 1].low if at > 0 else ""
    judged = ctx.lexicon.has("judged_adjective", word) and before in {"für", "als"}
    if not (judged or ctx.lexicon.has("attitude_adjective", word)):
        return False
    clause = ctx.clause_begin(at, ctx.sentences[ctx.sentence_of[at]][0])
    return any(ctx.tokens[other].pos in _FINITE for other in range(clause, at))


def _owner(ctx: Context, noun: int, end: int) -> tuple[int, int] | None:
    """``die Forderung des Vorsitzenden Edmund Stoiber,``, ``der Vorwurf der Regierung an Wikipedia,``: the
    genitive phrase right after the noun up to its comma (prepositional attributes included), or ``None``."""
    first = noun + 1
    if first >= end or ctx.tokens[first].low not in _GENITIVES or ctx.quote_of[first] >= 0:
        return None
    for index in range(first + 1, min(end, first + MAX_OWNER + 1)):
        tok = ctx.tokens[index]
        if tok.low == ",":
            return (first, _past_name(ctx, index, end)) if index > first + 1 else None
        if ctx.quote_of[index] >= 0 or tok.pos not in _OWNER_TAGS:
            return None
    return None


def _past_name(ctx: Context, comma: int, end: int) -> int:
    """The comma after a name in apposition to the owner (``ihres Trainers, Greg Poss, die …``), else
    ``comma``."""
    for index in range(comma + 1, min(end, comma + MAX_APPOSED_NAME + 2)):
        if ctx.tokens[index].low == ",":
            return index if index > comma + 1 else comma
        if ctx.tokens[index].pos != "NE":
            return comma
    return comma


def _owner_phrase(ctx: Context, owner: tuple[int, int]) -> tuple[int, int]:
    """The owner without a prepositional attribute other than ``von`` (``der Regierung an Wikipedia``: the
    government speaks; ``des Vorstands von PNE Wind`` keeps its ``von``)."""
    for index in range(owner[0] + 1, owner[1]):
        tok = ctx.tokens[index]
        if tok.pos in {"APPR", "APPRART"} and tok.low not in {"von", "vom"}:
            return owner[0], index
    return owner


def _statement(
    ctx: Context, noun: int, sentence: int, comma: int, owner: tuple[int, int] | None
) -> Found | None:
    begin, end = ctx.sentences[sentence]
    start = comma + 1
    stop = _clause_end(ctx, start, end)
    if stop - start < 3 or not _reported(ctx, start, stop):
        return None
    statement = Found(
        mode="indirect",
        quote=[ctx.chars(start, stop)],
        rule=_rule(ctx, noun),
        sentence=sentence,
        cue=[ctx.chars(noun, noun + 1)],
        medium="speech",
    )
    speaker = _owner_phrase(ctx, owner) if owner is not None else _speaker(ctx, begin, noun, end)
    if owner is None and speaker is not None and speaker[0] <= noun < speaker[1] and _noun(ctx, noun):
        # the noun's own phrase ("die Hypothese") names what is said, not who says it; the word before the
        # comma of an ``als`` phrase may end the subject ("Als Grund nannte die NASA, …")
        speaker = None
    statement.speaker = ctx.chars(*speaker) if speaker else None
    return statement


def _rule(ctx: Context, noun: int) -> str:
    """The rule name of a statement cued at ``noun``: an attitude, a listed noun, or an ``als`` phrase."""
    if ATTITUDES and _attitude(ctx, noun):
        return "indirect.attitude"
    return "indirect.noun" if _noun(ctx, noun) else "indirect.regarded"


#: A main clause in Konjunktiv II after a speech noun's comma is its content too (``vertreten die Auffassung,
#: die Welt befände sich in der Endzeit``, ``stehen Vorwürfe im Raum, sie könnte profitiert haben``): German
#: reports in Konjunktiv II where the Konjunktiv I looks like the indicative.  Only a clause opened by a
#: subject or adverb, not by a relative pronoun or a subordinator (``die Forderung, die er stellen würde``);
#: issue 12, twentieth session.
SECOND_SUBJUNCTIVES = True
#: Tags that open a clause whose Konjunktiv II is no report (relative, interrogative, subordinate clauses).
_DEPENDENT_OPENERS = frozenset({"PRELS", "PRELAT", "PWS", "PWAV", "PWAT", "KOUS", "KOUI", "KOKOM", "APPR"})


def _second_subjunctive(ctx: Context, start: int, stop: int) -> bool:
    """Whether ``start:stop`` is a verb-second clause whose finite verb is a Konjunktiv II (see
    :data:`SECOND_SUBJUNCTIVES`)."""
    if ctx.tokens[start].pos in _DEPENDENT_OPENERS:
        return False
    for index in range(start + 1, min(stop, start + SUBJUNCTIVE_WINDOW)):
        tok = ctx.tokens[index]
        if tok.pos in _FINITE and ctx.quote_of[index] < 0:
            return tok.mood == "sub2"
    return False


def _reported(ctx: Context, start: int, stop: int) -> bool:
    first = ctx.tokens[start].low
    if first in {"dass", "daß", "ob"}:
        return True
    if any(
        ctx.is_subjunctive(index, strict=True)
        for index in range(start, min(stop, start + SUBJUNCTIVE_WINDOW))
    ):
        return True
    if SECOND_SUBJUNCTIVES and _second_subjunctive(ctx, start, stop):
        return True
    last, before = ctx.tokens[stop - 1].low, ctx.tokens[stop - 2].low
    return first not in {"um", "ohne", "statt", "anstatt"} and (
        before == "zu" or ("zu" in last[2:-2] and last.endswith("en"))
    )


def _clause_end(ctx: Context, start: int, end: int) -> int:
    """The clause runs to the first comma before a finite verb (the main clause goes on) or the end."""
    stop = ctx.trim_final(start, end)
    for index in range(start + 1, stop - 1):
        if ctx.tokens[index].low == "," and ctx.quote_of[index] < 0 and ctx.tokens[index + 1].pos in _FINITE:
            return index
    return stop


def _speaker(ctx: Context, begin: int, noun: int, end: int) -> tuple[int, int] | None:
    """The subject of the finite verb nearest before the noun, else the noun phrase before it."""
    for index in range(noun - 1, begin - 1, -1):
        if ctx.tokens[index].pos in _FINITE and ctx.quote_of[index] < 0:
            return ctx.speaker_of(Cue((index,), index, _NOUN_CUE), begin, end)
    return phrase_before(ctx.tokens, begin, noun, ctx.lexicon) if noun > begin else None
