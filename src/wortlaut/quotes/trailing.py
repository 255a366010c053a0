"""Reported clauses before their frame: ``Die Lage sei ernst, sagte er.``, ``Wie der Sprecher mitteilte, …``.

The second of the three shapes of :mod:`wortlaut.quotes.indirect` (clause first, cue after): the rules that
decide whether the words before a comma are a reported clause and not a subject with its apposition or
relative clause, kept apart from the cue-first rules because they read the sentence backwards from the cue.
"""

from __future__ import annotations

from wortlaut.quotes.context import IMPERSONAL, Context
from wortlaut.quotes.cues import Cue
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_clauses import ANAPHORS, SUBORDINATORS, after_comma, make_found
from wortlaut.quotes.frame_parts import WIE_APPOSITIONS, wie_apposition, wie_begin
from wortlaut.quotes.speakers import phrase_after, skip_tagged_adverbs

#: A trailing frame ("…, sagte X, der Sprecher der Polizei in Y.") is at most this many tokens after the cue.
MAX_TRAILING_FRAME = 16
#: A trailing frame's subject may follow tagged adverbs (``…, sagte jetzt allerdings eine Sprecherin.``,
#: ``…, teilte später der Direktor mit``); before, one listed adverb at most stood between verb and subject.
TRAILING_ADVERBS = True
#: A reported clause before a trailing frame may hold a relative clause when a finite verb stands outside it
#: (``Ein Tief, das … gestanden hatte, habe … erreicht, meldet die Behörde.``, see ``_main_verb_before``).
TRAILING_AFTER_RELATIVE = True
#: ``…, das teilte X mit`` / ``… – das zumindest meint X``: a demonstrative for the clause before it
#: (``_demonstrative_bridge``) between the comma or dash and the trailing frame's verb.
TRAILING_DEMONSTRATIVE = True
#: What may end the reported clause before a trailing frame (a dash only before a demonstrative).
_TRAILING_BRIDGES = frozenset({",", "–", "—", "-"})
#: A trailing frame's content before the comma must be a clause with a finite verb, and no ``wie``-frame
#: (``Simon Marx, Vorsitzender des Jungen Bioland, unterstrich …`` is a subject with its apposition; issue 12,
#: fourteenth session).
TRAILING_CLAUSES_ONLY = True
#: A leading ``wie``-frame's reported clause ends at a colon that opens a quotation (issue 12, fourteenth
#: session).
COLON_ENDS_CLAUSE = True
#: A relative clause before a trailing frame is reported content when a Konjunktiv I verb stands there.
REPORTED_RELATIVES = True
#: ``wie``-clauses with a quoted name in them, after a leading conjunction (``Denn wie X berichtete,``)
#: or closed by an auxiliary (``Wie X bekanntgegeben hat,``); issue 12, twelfth session.
WIE_VARIANTS = True
#: A ``wie``-clause right after a colon opens the clause after it as at a sentence start (``Ein Umstand kommt
#: hinzu: Wie sich aus der Auswertung ergab, hatte …``; the sentence reader does not split at colons).
WIE_AFTER_COLON = True
#: A quotation right before the frame's comma that does not open the clause, after words with a finite verb
#: of their own, is a quoted part of the reported clause (``Nach einer Wahl könne die Politik …, „dass mehr
#: Wachstum entsteht“, erklärte X.``): the clause is reported speech of the frame's subject (issue 12zl).
PARTIAL_QUOTES = True
#: Conjunctions that may stand before a sentence-initial ``wie``-clause.
_LEADING_CONJUNCTIONS = frozenset({"denn", "und", "aber", "doch", "auch"})


def cue_after(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Die Lage sei ernst, sagte er.``: the clause before a comma that the cue follows."""
    begin, end = ctx.sentences[sentence]
    comma = _demonstrative_bridge(ctx, cue.first, begin) if TRAILING_DEMONSTRATIVE else None
    comma = cue.first - 1 if comma is None else comma
    if comma <= begin + 1 or ctx.tokens[comma].low not in _TRAILING_BRIDGES:
        return None
    if ctx.tokens[comma].low != "," and comma == cue.first - 1:
        return None  # a dash alone before the verb opens no frame; "– das meint X" does
    if ctx.quote_of[comma - 1] >= 0 and not (PARTIAL_QUOTES and _partial_quote(ctx, comma - 1, begin)):
        return None  # a direct quotation: handled with the quotation
    if end - cue.last > MAX_TRAILING_FRAME:
        return None
    first = ctx.tokens[begin]
    if first.pos in {"KOUS", "KOUI"} or first.low in SUBORDINATORS:
        return None  # "Wenn …, droht …", "Um … zu erinnern, riefen …": an adverbial clause
    relative = any(tok.pos == "PRELS" for tok in ctx.tokens[begin:comma])
    if relative and not (
        (REPORTED_RELATIVES and _reported(ctx, begin, comma))
        or (TRAILING_AFTER_RELATIVE and _main_verb_before(ctx, begin, comma))
    ):
        return None  # "X, der … ist, wies … zurück": a relative clause
    if TRAILING_CLAUSES_ONLY and _no_clause(ctx, begin, comma):
        return None  # "Simon Marx, Vorsitzender des …, unterstrich …", "Wie der SWR berichtet, …"
    after = cue.first + 1 if cue.first != cue.verb_index else cue.verb_index + 1
    if TRAILING_ADVERBS:
        # a part before the comma with no finite verb ("Die Bank, die größte des Landes, meldete heute
        # Verluste": a subject, no clause) was already turned away by ``_no_clause`` above
        after = _skip_frame_adverbs(ctx, after, end)
    speaker = phrase_after(ctx.tokens, after, end, ctx.lexicon)
    # ``…, hieß es (aus dem Ministerium).``: the impersonal cue has no subject; its source may follow.
    impersonal = cue.verb.lemma == IMPERSONAL and after < end and ctx.tokens[after].low == "es"
    if not impersonal and (speaker is None or speaker[0] > after + 1):
        return None
    found = make_found(ctx, cue, "indirect", begin, comma, "indirect.trailing", sentence)
    if found is not None and speaker is not None and relative:
        found.speaker = ctx.chars(*speaker)  # not the head noun before the relative clause
    return found


def _partial_quote(ctx: Context, index: int, begin: int) -> bool:
    """Whether the quotation holding token ``index`` opens after a finite verb of the clause from ``begin``
    (outside any quotation), not after a colon or a sentence end the reader left (``wie 2002. „…“``), so that
    it is a part of a longer reported clause."""
    opening = ctx.token_at(ctx.quoted[ctx.quote_of[index]].start)
    before = ctx.tokens[opening - 1].text if opening > begin else ""
    if opening <= begin or before == ":" or before[-1:] in {".", "!", "?"}:
        return False  # „…“ opening its sentence, after a colon or a full stop: a direct quotation of its own
    return ctx.first_finite(begin) < opening


def _reported(ctx: Context, begin: int, stop: int) -> bool:
    """Whether a finite verb before a trailing frame's comma is Konjunktiv I (``Eine Herausforderung, der
    sich die Gesellschaft nicht gestellt habe, sagte …``): reported content, not a subject's relative
    clause."""
    return any(
        tok.pos is not None and tok.pos.endswith("FIN") and ctx.is_subjunctive(index, strict=True)
        for index, tok in enumerate(ctx.tokens[begin:stop], start=begin)
    )


def _no_clause(ctx: Context, begin: int, stop: int) -> bool:
    """Whether the words before a trailing frame's comma are no reported clause: no finite verb (a subject
    with its apposition) or a ``wie``-frame of its own."""
    if ctx.tokens[begin].low == "wie":
        return True
    return not any(tok.pos is not None and tok.pos.endswith("FIN") for tok in ctx.tokens[begin:stop])


def _demonstrative_bridge(ctx: Context, verb: int, begin: int) -> int | None:
    """``…, das teilte X mit``, ``… – das zumindest meint X``: the comma or dash before a demonstrative that
    stands for the clause before it (adverbs between it and the verb skipped), or ``None``."""
    index = verb - 1
    while index > begin and ctx.tokens[index].pos == "ADV":
        index -= 1
    if index <= begin or ctx.tokens[index].low not in ANAPHORS or ctx.tokens[index].pos != "PDS":
        return None
    return index - 1 if ctx.tokens[index - 1].low in _TRAILING_BRIDGES else None


def _skip_frame_adverbs(ctx: Context, index: int, end: int) -> int:
    """Past adverbs and adverbial adjectives after a trailing frame's verb (``teilte später … mit``)."""
    while index < end:
        moved = skip_tagged_adverbs(ctx.tokens, index, end)
        if moved < end and ctx.tokens[moved].pos == "ADJD":
            moved += 1
        if moved == index:
            return index
        index = moved
    return index


def _main_verb_before(ctx: Context, begin: int, stop: int) -> bool:
    """Whether ``begin:stop`` holds a finite verb outside its relative clauses (``Ein Tief, das … gestanden
    hatte, habe … erreicht``: a reported clause; ``X, der … ist,`` is a subject with its relative clause)."""
    relative = False
    for index in range(begin, stop):
        tok = ctx.tokens[index]
        if tok.pos in {"PRELS", "PRELAT"} and after_comma(ctx, index, begin):
            relative = True
        elif relative and tok.low == "," and tok.pos is not None:
            relative = False
        elif not relative and tok.pos is not None and tok.pos.endswith("FIN"):
            return True
    return False


def wie_clause(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Wie der Sprecher mitteilte, …`` and ``…, wie die Zeitung schreibt.``"""
    begin, end = ctx.sentences[sentence]
    start = wie_begin(ctx, cue.first, begin) if WIE_VARIANTS else ctx.clause_begin(cue.first, begin)
    leading = start == begin and ctx.tokens[start].low in _LEADING_CONJUNCTIONS
    if WIE_VARIANTS and leading and start + 1 < cue.first and ctx.tokens[start + 1].low == "wie":
        start += 1  # "Denn wie X berichtete, …"
    if ctx.tokens[start].low != "wie" or cue.last + 1 >= end:
        return None
    parts = cue.parts
    if WIE_VARIANTS and cue.last + 2 < end and ctx.lexicon.has("aux", ctx.tokens[cue.last + 1].low):
        parts = (*parts, cue.last + 1)  # "Wie X bekanntgegeben hat, …": the auxiliary closes the clause
    last = parts[-1]
    follower = ctx.tokens[last + 1].low
    with_wie = Cue((start, *parts), cue.verb_index, cue.verb)
    opens = (
        start == begin
        or (WIE_VARIANTS and start == begin + 1 and ctx.tokens[begin].low in _LEADING_CONJUNCTIONS)
        or (WIE_AFTER_COLON and ctx.tokens[start - 1].low == ":" and ctx.quote_of[start] < 0)
    )
    found = None
    if opens and follower == ",":
        stop = _before_quotation(ctx, last + 2, ctx.trim_final(last + 2, end))
        found = make_found(ctx, with_wie, "indirect", last + 2, stop, "indirect.wie", sentence)
    elif (
        start > begin + 2
        and ctx.tokens[start - 1].low == ","
        and ctx.trim_final(cue.last + 1, end) == cue.last + 1
    ):
        found = make_found(ctx, with_wie, "indirect", begin, start - 1, "indirect.wie", sentence)
    apposed = wie_apposition(ctx, cue.first, begin) if WIE_APPOSITIONS else None
    if found is not None and apposed is not None and apposed[0] == start:
        found.speaker = ctx.chars(start + 1, apposed[1])  # the subject with its apposition
    return found


def _before_quotation(ctx: Context, start: int, stop: int) -> int:
    """``Wie X erklärte, wollte sich … kümmern: „Das war …“``: the reported clause ends at a colon that opens
    a quotation; the quotation is a statement of its own (:data:`COLON_ENDS_CLAUSE`)."""
    if not COLON_ENDS_CLAUSE:
        return stop
    for index in range(start + 1, stop - 1):
        if ctx.tokens[index].low == ":" and ctx.quote_of[index] < 0 and ctx.quote_of[index + 1] >= 0:
            return index
    return stop
