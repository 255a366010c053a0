"""What the rules for speech framed by a verb share (:mod:`~wortlaut.quotes.indirect`,
:mod:`~wortlaut.quotes.trailing`, :mod:`~wortlaut.quotes.object_reports`): the record they return, the
semicolon bounds of a clause and the word lists more than one of them reads.

A module of its own so those three read it without importing each other.
"""

from __future__ import annotations

from bisect import bisect_left

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue, is_clause_end
from wortlaut.quotes.found import Found

#: Conjunctions that join two main clauses after a comma (``…, doch der Sprecher erklärte``).
_MAIN_CONJUNCTIONS = frozenset({"und", "doch", "aber", "sondern"})
#: How many words the second clause's subject may have before its verb.
_SUBJECT_WORDS = 8

#: Conjunctions that open an adverbial clause (used when the tokens carry no POS).
SUBORDINATORS = frozenset(
    {"wenn", "falls", "als", "weil", "obwohl", "nachdem", "während", "da", "sobald", "bevor"}
)
#: A semicolon ends the reported clause after a cue (the sentence reader does not split there; issue 12,
#: fifteenth session).
SEMICOLON_ENDS_CLAUSE = True


def make_found(
    ctx: Context, cue: Cue, mode: str, begin: int, end: int, rule: str, sentence: int
) -> Found | None:
    """The statement for tokens ``begin:end`` framed by ``cue`` (``None`` for an empty range)."""
    if end <= begin:
        return None
    return Found(
        mode=mode,
        quote=[ctx.chars(begin, end)],
        rule=rule,
        sentence=sentence,
        cue=[ctx.chars(part, part + 1) for part in cue.parts],
        medium=cue.verb.medium,
    )


def semicolon_part(ctx: Context, begin: int, end: int, first: int, last: int) -> tuple[int, int]:
    """The part of sentence ``begin:end`` between the semicolons (outside quotations) around tokens
    ``first:last`` (the sentence reader does not split at a semicolon; :data:`SEMICOLON_ENDS_CLAUSE`)."""
    if not SEMICOLON_ENDS_CLAUSE:
        return begin, end
    marks = ctx.semicolons
    before, after = bisect_left(marks, first), bisect_left(marks, last)
    start = marks[before - 1] + 1 if before > 0 and marks[before - 1] >= begin else begin
    stop = marks[after] if after < len(marks) and marks[after] < end else end
    return start, stop


def after_comma(ctx: Context, index: int, begin: int) -> bool:
    """Whether a relative pronoun opens its clause after a comma, a preposition between (``, auf die``)."""
    before = index - 1
    if before > begin and ctx.tokens[before].pos in {"APPR", "APPRART"}:
        before -= 1
    return before >= begin and ctx.tokens[before].low == ","


#: Demonstratives that point back to the previous sentence as what the cue reports ("Dies bestätigte …").
ANAPHORS = frozenset({"dies", "das", "dieses"})


def new_speaker_clause(ctx: Context, comma: int) -> bool:
    """Whether ``, doch`` / ``, und`` / ``, aber`` / ``, sondern`` at ``comma`` opens a main clause whose
    subject speaks with a verb of its own (``…, Annabi sei tot, doch der Sprecher erklärte, …``): the report
    ends at the comma and the second verb frames its own clause (``indirect.COORDINATED_SPEAKERS``;
    an addressee is not looked for across it either)."""
    tokens = ctx.tokens
    if comma + 1 >= len(tokens) or tokens[comma].low != "," or ctx.quote_of[comma] >= 0:
        return False
    if tokens[comma + 1].low not in _MAIN_CONJUNCTIONS:
        return False
    for index in range(comma + 3, min(len(tokens), comma + 2 + _SUBJECT_WORDS)):
        tok = tokens[index]
        if is_clause_end(tok) or ctx.quote_of[index] >= 0:
            return False
        if (tok.pos or "").endswith("FIN"):
            return tok.mood == "ind" and tok.low in ctx.lexicon.verbs
    return False


#: A speech verb negated right before the comma of its clause (``wollte nicht bestätigen, dass …``, ``haben
#: den Verdacht nicht bestätigt, dass …``, ``wollte sich nicht festlegen, ob …``) reports nothing: the clause
#: after the comma is what was not said; verbs whose negation asserts (``schloss nicht aus, dass``;
#: ``negation_asserts`` in ``quotes_words.tsv``) still report (issue 12, nineteenth session).
NEGATED_CUES = True
#: Tags skipped between ``nicht`` and the comma: the verb chain, a separated particle, a pronominal adverb
#: (``nicht darauf geeinigt, … zu``).
_VERB_CHAIN = ("V", "PTKVZ", "PROAV")


def negated_before(ctx: Context, comma: int, lemma: str | None) -> bool:
    """Whether ``nicht`` stands right before the verb chain that ends before ``comma`` (see
    :data:`NEGATED_CUES`), the verb ``lemma`` not one whose negation asserts."""
    if not NEGATED_CUES or (lemma is not None and ctx.lexicon.has("negation_asserts", lemma)):
        return False
    index = comma - 1
    while index >= 0 and (tag := ctx.tokens[index].pos) is not None and tag.startswith(_VERB_CHAIN):
        index -= 1
    return index >= 0 and index < comma - 1 and ctx.tokens[index].low == "nicht" and ctx.quote_of[index] < 0


#: A verb of deciding (``open_decision``: ``entscheiden``) with an ``ob`` or w-clause names an open question,
#: nothing decided or said: ``Der Ermittlungsrichter entscheidet, ob Haft angeordnet wird``, ``darüber zu
#: entscheiden, ob und wann …``; ``hat entschieden, dass …`` stays (issue 12, twentieth session: read folds 2
#: false, 0 right).
OPEN_DECISIONS = True


def open_decision(ctx: Context, cue: Cue, first: str) -> bool:
    """Whether ``cue`` decides and ``first`` opens an ob- or w-clause (see :data:`OPEN_DECISIONS`)."""
    question = first not in {"dass", "daß"} and ctx.lexicon.has("complementizer", first)
    return OPEN_DECISIONS and question and ctx.lexicon.has("open_decision", cue.verb.lemma)


#: A speech verb inside parentheses frames no clause after the closing parenthesis: ``Bei der Tagung (Wikinews
#: berichtete) hat es keine Entscheidung darüber gegeben, ob …`` (issue 12, twentieth session: read folds 1
#: false, 0 right).
PARENTHESISED_CUES = True


def opened_before(ctx: Context, cue: Cue, begin: int) -> bool:
    """Whether a parenthesis opened before ``cue`` in its sentence is still open at the cue (see
    :data:`PARENTHESISED_CUES`)."""
    if not PARENTHESISED_CUES:
        return False
    for index in range(cue.first - 1, begin - 1, -1):
        if ctx.tokens[index].low == ")":
            return False
        if ctx.tokens[index].low == "(":
            return True
    return False
