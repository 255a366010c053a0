"""Reported speech after an ``als`` prefield (issue 12, fifteenth session, second round).

:func:`wortlaut.quotes.indirect.reported` reads a speech verb's object after the finite verb of a main clause
(``Er betonte die Notwendigkeit …``) and takes a clause opened by ``als`` for an adverbial clause, except
``als`` + one noun right before the verb (``Als Grund nannte er …``). The prefield ``als`` phrase is often
longer, and in the passive its noun names what the subject is (the reason, the date, the cause), not who
spoke:

* ``Als Grund für die Absage nannte der Trainer die Verletzung …``: the subject after the verb speaks;
* ``Als Todesursache des Politikers wurde ein Herzinfarkt angegeben``: nobody is named (``reported.passive``,
  whose speaker must name someone to stay, :data:`wortlaut.quotes.speaker_checks.NAMED_ONLY_RULES`).

An ``als`` clause ends in its finite verb (``Als der Trainer die Absage nannte, …``); a prefield is followed
by it. Counted on quotes-wikinews/train's never-found Reported quotations; the WikiNews annotation marks the
whole sentence as the reported content, as for the object rule.
"""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_parts import passive_agent
from wortlaut.quotes.indirect import semicolon_part

#: An ``als`` + noun prefield before a finite speech verb opens a main clause, not an ``als`` clause.
ALS_PREFIELDS = True
#: ... also before a passive auxiliary (``Als Ursache wurde … genannt``), a report with no speaker named.
ALS_PASSIVES = True
#: Passive auxiliaries (``wurde … genannt``).
_PASSIVE_AUX = frozenset({"wurde", "wurden", "wird", "werden"})
#: Prepositions that introduce reported content (``warnte als Vorsitzender vor …``).
_ABOUT = frozenset({"von", "über", "vor", "auf", "für"})
#: Tokens that close a clause right after a verb: the verb ended an ``als`` clause.
_CLAUSE_MARKS = frozenset({",", ".", ";", ":", "!", "?", "–", "-", "(", ")"})
#: The shortest object phrase accepted as reported content (as the object rule's ``MIN_REPORTED``).
MIN_OBJECT = 2


def reported_after_als(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """The sentence of a speech verb that takes an object, after an ``als`` prefield; tried after the
    object rule."""
    if "object" not in cue.verb.frames:
        return None
    begin, end = ctx.sentences[sentence]
    if any(ctx.quote_of[index] >= 0 for index in range(begin, end)):
        return None  # a quotation in the sentence is its content, not the object
    clause = ctx.clause_begin(cue.first, begin)
    if not _als_prefield(ctx, clause, cue, end):
        return None
    if _passive(ctx, cue):
        if not ALS_PASSIVES or passive_agent(ctx, clause, cue.last) is not None:
            return None  # an agent is the object rule's (it names the speaker)
        return _whole(ctx, cue, sentence, "reported.passive")
    if not ALS_PREFIELDS or cue.first != cue.verb_index:
        return None
    subject = ctx.speaker_of(cue, begin, end)
    if subject is None or subject[0] < cue.verb_index:
        return None
    start = subject[1]
    stop = cue.last if cue.last > cue.verb_index else ctx.clause_end(start, end)
    if stop - start < MIN_OBJECT or not any(_object_like(ctx, index) for index in range(start, stop)):
        return None
    return _whole(ctx, cue, sentence, "reported.object")


def _whole(ctx: Context, cue: Cue, sentence: int, rule: str) -> Found | None:
    """The sentence (between semicolons) as the reported content of ``cue``."""
    begin, end = ctx.sentences[sentence]
    first, last = semicolon_part(ctx, begin, end, cue.first, cue.last + 1)
    if last <= first:
        return None
    return Found(
        mode="reported",
        quote=[ctx.chars(first, last)],
        rule=rule,
        sentence=sentence,
        cue=[ctx.chars(part, part + 1) for part in cue.parts],
        medium=cue.verb.medium,
    )


def _als_prefield(ctx: Context, clause: int, cue: Cue, end: int) -> bool:
    """``Als Grund für die Absage nannte …``: ``als`` + a capitalised word, no finite verb before the cue's
    first part, and that part not closing its clause (an ``als`` clause ends in its verb).  ``als`` + one
    noun right before an active verb is the object rule's own prefield."""
    if ctx.tokens[clause].low != "als" or cue.first < clause + 2 or cue.first + 1 >= end:
        return False
    if cue.first == clause + 2 and not _passive(ctx, cue):
        return False
    if not ctx.tokens[clause + 1].text[:1].isupper() or ctx.tokens[cue.first + 1].low in _CLAUSE_MARKS:
        return False
    return not any((tok.pos or "").endswith("FIN") for tok in ctx.tokens[clause + 1 : cue.first])


def _passive(ctx: Context, cue: Cue) -> bool:
    """A passive cue: a form of ``werden`` and the speech verb's participle closing the clause."""
    return (
        cue.first != cue.verb_index
        and cue.verb_index == cue.last
        and ctx.tokens[cue.first].low in _PASSIVE_AUX
    )


def _object_like(ctx: Context, index: int) -> bool:
    """A token that can open the reported content: an article, a noun, an adjective, ``von``/``vor``."""
    word = ctx.tokens[index]
    if word.low in _ABOUT:
        return True
    if ctx.lexicon.has("stop", word.low):
        return False
    return ctx.lexicon.has("determiner", word.low) or word.text[:1].isupper() or word.pos == "ADJA"
