"""HanTa's second-order sentence Viterbi in one tight loop over integer states.

Once the word analyses come from the lexicon or the memos, the sentence Viterbi is
the largest cost left in the morphology stage (~60 % of a pass over known words).
:class:`SentenceViterbi` computes exactly what the earlier ``MemoTagger.viterbi``
computed (same beam, same sums in the same order, same iteration order, so the
same tags on ties) with less work per (state, tag) pair: a state ``(a, b)`` is the
integer ``a * width + b`` (no tuple to build or hash), the transition rows are
looked up once per state, and the step is inlined in the sentence loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

try:  # the C build of the same loop (optional: without a compiler the package still works)
    from wortlaut.morph import _viterbi  # type: ignore[attr-defined]

    COMPILED = True
except ImportError:  # pragma: no cover - depends on the install
    COMPILED = False

EMPTY, START, END = 0, 1, 2
#: Only states within the best BEAM of the previous word go on (HanTa's own value).
BEAM = 5
LOWER_BOUND = -1e6
#: Score of a state with no transition to the sentence end (the earlier implementation's value).
NO_END = -1e9

WordProbs = Mapping[int, float]


class SentenceViterbi:
    """Best tag sequence of a sentence under HanTa's second-order transition model."""

    def __init__(self, transitions: Mapping[tuple[int, int], Mapping[int, float]]) -> None:
        self.width = 1 + max(max(state) for state in transitions)
        for followers in transitions.values():
            self.width = max(self.width, 1 + max(followers, default=0))
        width = self.width
        self._followers = {a * width + b: dict(f) for (a, b), f in transitions.items()}
        # every tag but END may follow a state when the word allows any tag (unknown words)
        self._any = {key: {t: lp for t, lp in f.items() if t != END} for key, f in self._followers.items()}
        self._end = {key: f.get(END, NO_END) for key, f in self._followers.items()}
        self._model: Any = self._compiled() if COMPILED else None

    def _compiled(self) -> Any:
        """The C model: per state, a dense row of transitions (``None``: none) and its follower order."""
        states = list(self._followers)
        width = self.width
        trans = [[self._followers[s].get(tag) for tag in range(width)] for s in states]
        order = [list(self._any[s]) for s in states]
        return _viterbi.Model(states, trans, order, [self._end[s] for s in states], width)

    def best(self, probs_of: Callable[[str, bool], WordProbs], words: Sequence[str]) -> list[int]:
        """Tags (HanTa ids) for ``words``; ``probs_of(word, not_first)`` gives log p(tag | word), ``{}``: any.

        ``probs_of`` must return dicts (the C loop reads them in their order).
        """
        if self._model is None:
            return self.best_python(probs_of, words)
        return list(self._model.best([probs_of(word, i > 0) for i, word in enumerate(words)]))

    def best_python(self, probs_of: Callable[[str, bool], WordProbs], words: Sequence[str]) -> list[int]:
        """The same as :meth:`best` in Python (the reference, and the path without the C build)."""
        width, followers_of, any_of = self.width, self._followers, self._any
        previous: dict[int, float] = {EMPTY * width + START: 0.0}
        back: list[dict[int, int]] = []
        for i, word in enumerate(words):
            probs = probs_of(word, i > 0)
            bound = sorted(previous.values(), reverse=True)[BEAM] - 1 if len(previous) > BEAM else LOWER_BOUND
            row: dict[int, float] = {}
            pointers: dict[int, int] = {}
            for _ in range(2):  # a second round lets any tag through when none was allowed
                for state, lp0 in previous.items():
                    if lp0 < bound:
                        continue
                    base = (state % width) * width
                    if probs:
                        followers = followers_of[state]
                        pairs = [
                            (tag, lpt + lp)
                            for tag, lp in probs.items()
                            if (lpt := followers.get(tag)) is not None
                        ]
                    else:
                        pairs = list(any_of[state].items())
                    for tag, lp in pairs:
                        total = lp0 + lp
                        new = base + tag
                        if total > LOWER_BOUND and total > row.get(new, -1e18):
                            row[new] = total
                            pointers[new] = state
                if row or not probs:
                    break
                probs = {}
            back.append(pointers)
            previous = row
        end = self._end
        state = max(previous, key=lambda s: previous[s] + end[s])
        tags = []
        for pointers in reversed(back):
            tags.append(state % width)
            state = pointers[state]
        return tags[::-1]
