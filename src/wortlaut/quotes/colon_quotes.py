"""A reported clause ends before a colon that opens a direct quotation.

``Er glaubt, dass das Team gestärkt sei: „Wir haben gelernt …“``: the sentence reader does not split at
the colon, so a clause rule that reads to the sentence end takes the quotation into the indirect statement,
and the quotation, now nested in it, is dropped as a fragment.  The annotation has two statements: the
clause up to the colon and the quotation (issue 12, eighteenth session: quotations never found on
quotes-wikinews/train).
"""

from __future__ import annotations

from bisect import bisect_left

from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found

#: Cut indirect statements before a colon followed by a quotation that runs to their end.
COLON_QUOTATIONS = True
#: Statement modes whose clause is cut (a direct statement is the quotation itself).
_MODES = frozenset({"indirect"})


def before_colon_quotations(ctx: Context, found: list[Found]) -> None:
    """Cut each indirect statement whose last part ends in ``: „…“`` before the colon, in place."""
    if not COLON_QUOTATIONS:
        return
    # Colons (outside quotations) right before a quotation, found once: a scan per statement would read a
    # quote-dense text without full stops quadratically.
    colons = [
        index
        for index in range(len(ctx.tokens) - 1)
        if ctx.tokens[index].low == ":" and ctx.quote_of[index] < 0 and ctx.quote_of[index + 1] >= 0
    ]
    if not colons:
        return
    for statement in found:
        if statement.mode not in _MODES:
            continue
        start, end = statement.quote[-1]
        colon = _colon_before_quotation(ctx, colons, start, end)
        if colon is not None:
            statement.quote[-1] = (start, ctx.tokens[colon - 1].end)


def _colon_before_quotation(ctx: Context, colons: list[int], start: int, end: int) -> int | None:
    """Token index of a colon in ``colons`` (not first in the range) right before an opening quotation mark
    whose quotation reaches the range's end, or ``None``."""
    first, stop = ctx.token_at(start), min(ctx.token_at(end), len(ctx.tokens))
    for index in colons[bisect_left(colons, first + 1) : bisect_left(colons, stop - 1)]:
        quoted = ctx.quoted[ctx.quote_of[index + 1]]
        if quoted.start == ctx.tokens[index + 1].start and quoted.end >= end:
            return index
    return None
