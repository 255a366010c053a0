"""The reporter's hedge on a statement: ``asserted`` or ``hedged`` (``attribution_certainty``).

German news marks second-hand or unconfirmed attributions with reportative ``sollen``
(``soll … gesagt haben``), doubt words (``angeblich``), evidentials (``offenbar``) and unnamed
sources (``Kreisen zufolge``, ``nach unbestätigten Berichten``, ``hieß es``).  The cues are data
(``lang/de/claims_hedges.tsv``), looked for in the statement's sentences outside quotation marks:
inside a direct quotation the words are the speaker's, not the reporter's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, partial

from wortlaut.article import Article, Statement
from wortlaut.lang.tables import read_records
from wortlaut.sentences import split_sentences

ASSERTED = "asserted"
HEDGED = "hedged"
#: Cue kinds in ``claims_hedges.tsv``.
KINDS = ("reportative", "reportative_copula", "doubt", "evidential", "anonymous", "hearsay")
#: The kinds the statements stage uses, chosen by cross-validation on the tune split of
#: ``eval/data/claims/statements.tsv`` (``wortlaut.eval.claims``; docs/quality.md).
DEFAULT_KINDS = frozenset(KINDS)
#: Opening and closing quotation marks; text between a pair is a direct quotation.
QUOTED = re.compile(r"„[^“”\"]*[“”\"]|“[^”“]*”|\"[^\"]*\"|«[^»]*»|»[^«]*«")


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """One row of ``claims_hedges.tsv``."""

    kind: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None


#: What :func:`_word_pattern` puts around a row's expression: no word character on either side.
_BEFORE, _AFTER = r"(?<!\w)(?:", r")(?!\w)"
#: A backreference: its group number would change inside a joined pattern (:func:`_any_cue`).
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def _word_pattern(expression: str) -> re.Pattern[str] | None:
    return re.compile(f"{_BEFORE}{expression}{_AFTER}") if expression else None


@cache
def load_hedge_cues() -> tuple[HedgeCue, ...]:
    """The hedge cues (cached: the data is read-only)."""
    cues = []
    for row in read_records("claims_hedges.tsv"):
        if row["kind"] not in KINDS:
            raise ValueError(f"claims_hedges.tsv: unknown kind {row['kind']!r}")
        pattern = _word_pattern(row["pattern"])
        if pattern is not None:
            cues.append(
                HedgeCue(kind=row["kind"], pattern=pattern, unless=_word_pattern(row.get("unless") or ""))
            )
    return tuple(cues)


def statement_region(statement: Statement) -> tuple[int, int]:
    """Start and end of everything the statement covers: quote, cue, frame and speaker."""
    parts = [statement.quote, statement.cue, statement.frame, statement.speaker]
    present = [part for part in parts if part is not None]
    return min(p.start for p in present), max(p.end for p in present)


def hedge_text(article: Article, start: int, end: int) -> str:
    """The sentences around a stretch, direct quotations blanked out (kept as spaces, offsets stay)."""
    sentences = list(article.sentences) or split_sentences(article.text)
    covering = [s for s in sentences if s.start < end and start < s.end]
    left = min((s.start for s in covering), default=start)
    right = max((s.end for s in covering), default=end)
    text = article.text[left:right]
    return QUOTED.sub(lambda match: " " * len(match.group()), text)


@cache
def _any_cue(kinds: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern that matches wherever an enabled cue's pattern does: the rows' expressions as one
    alternation between one pair of word boundaries, or ``None`` when they cannot be joined (a
    backreference, differing flags).  This pattern misses about 92 % of the statements' texts (~190
    characters) in one search of ~19 us, where the rows' own searches take ~43 us (issue 17zl): the
    alternation tests the look-behind once per position, the rows once each."""
    cues = [cue for cue in load_hedge_cues() if cue.kind in kinds]
    expressions = [cue.pattern.pattern[len(_BEFORE) : -len(_AFTER)] for cue in cues]
    one_flag_set = len({cue.pattern.flags for cue in cues}) == 1  # also false without rows
    if not one_flag_set or any(map(_BACKREFERENCE.search, expressions)):
        return None
    try:
        return re.compile(_BEFORE + "|".join(f"(?:{expression})" for expression in expressions) + _AFTER)
    except re.error:  # e.g. a row's own inline flag, allowed only at the start of a pattern
        return None


def load_hedge_patterns() -> None:
    """Read and compile the hedge cues now (the statements stage's build, issue 17zl; see
    :func:`wortlaut.quotes.datelines.load_dateline_tables`)."""
    _any_cue(DEFAULT_KINDS)


def hedge_cue(text: str, *, kinds: frozenset[str] = DEFAULT_KINDS) -> HedgeCue | None:
    """The first enabled hedge cue that fires in a text, or ``None``."""
    screen = _any_cue(kinds)
    if screen is not None and screen.search(text) is None:
        return None  # no row's pattern matches either (exact: the screen is their alternation)
    for cue in load_hedge_cues():
        fires = cue.kind in kinds and cue.pattern.search(text) is not None
        if fires and (cue.unless is None or cue.unless.search(text) is None):
            return cue
    return None


def attribution_certainty(
    article: Article, statement: Statement, *, kinds: frozenset[str] = DEFAULT_KINDS
) -> str:
    """``hedged`` when the statement's sentences mark the attribution as unconfirmed, else ``asserted``."""
    start, end = statement_region(statement)
    return HEDGED if hedge_cue(hedge_text(article, start, end), kinds=kinds) else ASSERTED


def with_hedges(article: Article, statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """The statements with their ``attribution_certainty`` filled in (a statement that has it already is
    kept, not copied: an equal record, without ``replace``'s ~5 us for the ~94 % asserted; issue 17zl)."""
    return tuple(map(partial(_with_hedge, article), statements))


def _with_hedge(article: Article, statement: Statement) -> Statement:
    certainty = attribution_certainty(article, statement)
    if certainty == statement.attribution_certainty:
        return statement
    return replace(statement, attribution_certainty=certainty)
