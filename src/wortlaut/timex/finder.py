"""The time finder: candidates, clause direction and anchors combined into TimeExpr records.

Library entry point used by the ``times`` stage and the evaluation: :meth:`TimeFinder.find`
works on plain text with optional sentences, tokens and per-offset anchors (post dates).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date

from wortlaut.article import Span, TimeExpr, Token
from wortlaut.timex.lexicon import TimeLexicon, load_lexicon
from wortlaut.timex.normalise import FOCUS_RELATIVE, Context, Normaliser
from wortlaut.timex.patterns import Candidate, PatternSet
from wortlaut.timex.tense import direction_at

#: Fallback sentence ends when no sentence layer exists: end punctuation before a capital, or a line break.
SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?])\s+(?=[„\"A-ZÄÖÜ])|\n+")
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")

#: Kinds whose year carries over to later month names in the sentence (not a bare ``Jahrgang 2013``).
YEAR_FOCUS_KINDS = frozenset({"iso", "numdate", "daymonth", "month", "season", "quarter"})

AnchorFn = Callable[[int], date | None]


def split_sentences(text: str) -> list[Span]:
    """Rough sentence spans for text without a sentence layer."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append(Span(start=start, end=match.start(), text=text[start : match.start()]))
        start = match.end()
    if start < len(text):
        spans.append(Span(start=start, end=len(text), text=text[start:]))
    return spans


class _Focus:
    """The day last named in the text (``am Freitag … um 9 Uhr``), while the anchor stays the same."""

    def __init__(self) -> None:
        self.day: date | None = None
        self.anchor: date | None = None
        self.sentence = -1


class TimeFinder:
    """Finds and normalises German time expressions; holds only read-only resources."""

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.patterns = PatternSet(self.lexicon)
        self.normaliser = Normaliser(self.lexicon)

    def find(
        self,
        text: str,
        *,
        anchor: AnchorFn,
        sentences: Sequence[Span] = (),
        tokens: Sequence[Token] = (),
    ) -> list[TimeExpr]:
        """All time expressions in ``text``; ``anchor(offset)`` gives the reference date there."""
        found: list[TimeExpr] = []
        focus = _Focus()
        starts = [tok.start for tok in tokens]
        for sentence in sentences or split_sentences(text):
            sentence_tokens = tokens[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            found.extend(self._in_sentence(text, sentence, anchor, sentence_tokens, focus))
        return found

    def _in_sentence(
        self, text: str, sentence: Span, anchor: AnchorFn, tokens: Sequence[Token], focus: _Focus
    ) -> list[TimeExpr]:
        chunk = text[sentence.start : sentence.end]
        result: list[TimeExpr] = []
        year: int | None = None
        for cand in self.patterns.candidates(chunk):
            start, end = sentence.start + cand.start, sentence.start + cand.end
            direction = direction_at(start, chunk, sentence.start, self.lexicon.tense_cues, tokens)
            ref = anchor(start)
            day = focus.day if focus.anchor == ref else None
            local = focus.sentence == sentence.start
            resolved = self.normaliser.resolve(
                cand, Context(anchor=ref, direction=direction, day=day, year=year, local_day=local)
            )
            if resolved is not None and resolved.value is None and ref is not None:
                continue
            if resolved is None:
                continue
            moves_focus = cand.groups.get("word") not in FOCUS_RELATIVE
            if moves_focus and resolved.type == "DATE" and resolved.value and DAY_VALUE.match(resolved.value):
                focus.day, focus.anchor = date.fromisoformat(resolved.value[:10]), ref
                focus.sentence = sentence.start
            if "year" in cand.groups and resolved.type == "DATE" and cand.kind in YEAR_FOCUS_KINDS:
                year = int(cand.groups["year"])
            result.append(
                TimeExpr(
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=resolved.type,
                    value=resolved.value,
                    relative=resolved.relative,
                    anchor=ref.isoformat() if ref and self._needs_anchor(cand, day) else None,
                    mod=resolved.mod,
                )
            )
        return result

    def _needs_anchor(self, cand: Candidate, day: date | None) -> bool:
        """Whether the value depends on the anchor date (it does not for ``21. Mai 2025``)."""
        unanchored = self.normaliser.resolve(cand, Context(anchor=None, day=day))
        return unanchored is not None and unanchored.value is None
