"""What a verbless attribution (``laut X``, ``nach Angaben von X``, ``X zufolge``) reports: the clause that
holds it, without the attribution.

Split out of :mod:`wortlaut.quotes.according` (issue 12, fifteenth session): the sentence minus the phrase,
or the relative, subordinate or second main clause the phrase stands in, bounded by semicolons.
"""

from __future__ import annotations

from wortlaut.quotes.context import OPENERS, Context
from wortlaut.quotes.cues import find_cues
from wortlaut.quotes.found import Range
from wortlaut.quotes.indirect import semicolon_part


def rest(ctx: Context, begin: int, end: int, cut: tuple[int, int]) -> list[Range]:
    """The sentence ``begin:end`` without the attribution tokens ``cut`` and the final punctuation."""
    stop = ctx.trim_final(begin, end)
    left_end = cut[0]
    if left_end > begin and ctx.tokens[left_end - 1].low == ",":
        left_end -= 1
    right_start = cut[1]
    if right_start < stop and ctx.tokens[right_start].low == ",":
        right_start += 1
    parts = []
    if left_end > begin:
        parts.append(ctx.chars(begin, left_end))
    if right_start < stop:
        parts.append(ctx.chars(right_start, stop))
    return parts


#: A ``laut``/``nach``/``zufolge`` phrase inside a relative or subordinate clause attributes that clause only
#: (``Ein Boot, auf dem sich nach Angaben der Polizei Geld befunden haben soll, ist gekentert``); before, the
#: whole sentence was the claim (issue 12, fifteenth session).
SUBORDINATE_SOURCE = True
#: Tags that open a subordinate clause after its comma (a preposition may stand before the relative pronoun).
_SUBORDINATE_OPENERS = frozenset({"PRELS", "PRELAT", "KOUS", "PWAV"})
#: Marks that end a subordinate clause (outside quotation marks).
_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "(", ")", ".", "!", "?"})


def clause_rest(ctx: Context, begin: int, end: int, cut: tuple[int, int]) -> list[Range]:
    """What an attribution ``cut`` reports: the subordinate clause holding it when it stands in one
    (:data:`SUBORDINATE_SOURCE`), else the rest of the sentence."""
    begin, end = semicolon_part(ctx, begin, end, *cut)
    start = ctx.clause_begin(cut[0], begin) if SUBORDINATE_SOURCE else begin
    if start == begin or ctx.tokens[start - 1].low != ",":
        return rest(ctx, begin, end, cut)
    opener = start + 1 if ctx.tokens[start].pos in {"APPR", "APPRART"} else start
    if opener >= cut[0] or ctx.tokens[opener].pos not in _SUBORDINATE_OPENERS:
        if COORDINATED_SOURCE and second_main_clause(ctx, begin, start, end):
            return rest(ctx, start, end, cut)
        return rest(ctx, begin, end, cut)
    after = cut[1] + 1 if cut[1] < end and ctx.tokens[cut[1]].low == "," else cut[1]
    stop = next((other for other in range(after, end) if _ends_clause(ctx, other)), end)
    return rest(ctx, start, stop, cut)


#: A ``laut`` phrase in the second of two main clauses joined by a comma attributes that clause only
#: (``Der Flughafen ist geöffnet, jedoch ist laut der Polizei fraglich, ob …``).
COORDINATED_SOURCE = True
#: The longest first main clause (tokens) read for it; the longest on quotes-wikinews/train that the rule
#: changed is shorter (40 and 60 give the same train 3-fold CV scores, 25 loses 0.0001 joint).
MAX_MAIN_CLAUSE = 40


def second_main_clause(ctx: Context, begin: int, start: int, end: int) -> bool:
    """Whether the clause at ``start`` (after a comma) is a main clause of its own: the words before the
    comma open with no subordinator, hold no speech cue and a finite verb outside their relative clauses,
    and the clause holds a finite verb."""
    if start - begin > MAX_MAIN_CLAUSE:
        return False  # bounded: a scan per attribution over an unbounded sentence is quadratic
    first = ctx.tokens[begin]
    if first.pos in {"KOUS", "KOUI", "PWAV", "KOKOM"} or first.low in {"wie", "als", "wenn", "nachdem"}:
        return False
    inside = {index for index in range(begin, start) if ctx.quote_of[index] >= 0}
    if any(True for _ in find_cues(ctx.tokens, begin, start - 1, ctx.lexicon, inside)):
        return False  # ``X sagte, nach Angaben Y habe …``: the clause is the speech verb's content
    return _finite_outside_relatives(ctx, begin, start - 1) and any(
        (tok.pos or "").endswith("FIN") for tok in ctx.tokens[start : ctx.trim_final(start, end)]
    )


def _finite_outside_relatives(ctx: Context, begin: int, stop: int) -> bool:
    """Whether ``begin:stop`` holds a finite verb that is not in a comma-opened relative clause."""
    relative = False
    for index in range(begin, stop):
        tok = ctx.tokens[index]
        if tok.low == "," and index + 1 < stop:
            following = ctx.tokens[index + 1]
            after = ctx.tokens[index + 2] if index + 2 < stop else following
            relative = following.pos in _SUBORDINATE_OPENERS or (
                following.pos in {"APPR", "APPRART"} and after.pos in {"PRELS", "PRELAT"}
            )
        elif not relative and (tok.pos or "").endswith("FIN") and ctx.quote_of[index] < 0:
            return True
    return False


def _ends_clause(ctx: Context, index: int) -> bool:
    """A comma, dash, bracket or final mark outside quotation marks, or a quotation opening after a word
    that ends a sentence (``wie 1997. „Wir …``: a split the sentence reader missed)."""
    tok = ctx.tokens[index]
    if ctx.quote_of[index] < 0:
        return tok.low in _CLAUSE_MARKS
    return tok.low in OPENERS and index > 0 and ctx.tokens[index - 1].text[-1:] in {".", "!", "?"}


#: A sentence-initial ``laut``/``nach`` phrase keeps the comma-enclosed words after it (a relative clause, an
#: apposition: ``Nach Angaben von X, der … befragt wurde, würde dies …``) out of the claim: the prefield ends
#: at the finite verb after the last comma (issue 12, fifteenth session).
PREFIELD_INSERTIONS = True
#: The most tokens such an insertion may take before the finite verb.
MAX_PREFIELD_INSERTION = 20


def prefield_end(ctx: Context, stop: int, end: int) -> int:
    """Where the claim starts after a sentence-initial attribution ending at ``stop``: past a comma-enclosed
    insertion when a finite verb follows its closing comma (:data:`PREFIELD_INSERTIONS`), else ``stop``."""
    if not PREFIELD_INSERTIONS or stop >= end or ctx.tokens[stop].low != ",":
        return stop
    for index in range(stop + 1, min(end - 1, stop + 1 + MAX_PREFIELD_INSERTION)):
        if ctx.quote_of[index] >= 0:
            return stop
        if ctx.tokens[index].low == "," and (ctx.tokens[index + 1].pos or "").endswith("FIN"):
            return index + 1
    return stop
