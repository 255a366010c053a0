"""HanTa's word analysis (``analyze_forward``) with the same output, several times faster.

HanTa scores every split of an unknown word into morphemes with a Viterbi over
morpheme tags.  Its inner loop calls ``lp_m_t(segment, tag, ...)`` once per
(start, state, end, follower tag): the same segment is scored again for every
state that can precede it, and for most (segment, tag) pairs the score is
``-inf``, which can never pass HanTa's lower bound.  :class:`FastForward`

- scores each segment once per word, as a dict of only its finite tag scores
  (known morphemes from an inverted index, plus HanTa's open-class guess, which
  reads only the segment's last 4 characters and length and is memoised);
- meets a state's followers through the segment's few finite tags (the word
  start has 74 followers) and puts the matches back in follower order;
- adds in HanTa's own order (``lp + lpt + lp_m``) and fills every row in HanTa's
  order (start, state, follower for each end), so every table cell, the order
  of the cells, and so the ``logaddexp`` sums at the end are bit-for-bit HanTa's.

In Python that was about 1.4-1.9x HanTa's speed on unknown words (docs/performance.md):
the finite (segment, tag) pairs themselves are the work.  Since issue 17zd the loop over a
row's segment ends, the step after each live state and the guess run in C where the
extension ``wortlaut.morph._viterbi`` is built (the same sums and orders; the Python loops
below stay as the reference and the fallback): 180 -> 82 us per form with warm memos, and
in an ingest worker, whose guess memo mostly misses, ~235 -> ~160 us from the guess alone.
Since issue 17zj the whole analysis runs in C where built (``_viterbi.Forward``: the table rows,
their beam, the guess and the ranking on native arrays, the same doubles in the same order, numpy's
``logaddexp`` repeated with the C library's ``log1p`` and ``exp``); the code below is its reference.
``tests/morph/test_forward.py`` checks equality with HanTa on real words.
HanTa is LGPL; this module only reads the probabilities of its loaded model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from numpy import logaddexp

EMPTY, START, UNKNOWN = 0, 1, 3
#: HanTa's floor for a path's log probability (``lowerbound`` in ``analyze_forward``).
LOWER_BOUND = -1e6
#: HanTa expands only the best ROW_BEAM + 1 states of each table row (its own constant 3).
ROW_BEAM = 3
#: HanTa's penalty for reading the whole word as one unknown morpheme (its own constant).
WHOLE_WORD_PENALTY = 4.6
#: Entries of the two memos of open-class guesses (by the morpheme's last 4 characters, its
#: length and whether it is the whole word; and the suffix scores alone).  Unknown words keep
#: bringing new segments, so the memos are least-recently-used caches: on 12,000 distinct
#: 10kGNAD words, 105,000 guess entries (~1 KB each) gave 1.58x HanTa's speed with 135 MB;
#: see docs/performance.md for the capped value's speed and memory.
GUESS_MEMO = 20_000
SUFFIX_MEMO = 50_000

State = tuple[int, int]
Scores = dict[int, float]
#: (tag of the state, its score, its followers, follower tag -> position among them)
LiveState = tuple[int, float, Sequence[tuple[int, float]], dict[int, int]]


class FastForward:
    """``analyze(word)`` returns exactly ``HanoverTagger.analyze_forward(word)``."""

    def __init__(self, tagger: Any, *, memo: int = GUESS_MEMO) -> None:
        self._tagger = tagger
        self._known = _morpheme_index(tagger.LP_m_t)
        self._open: tuple[int, ...] = ()
        if not tagger.strict:
            self._open = tuple(t for t in tagger.LP_m_t if t in tagger.LP_hapax_t and t in tagger.LP_s_t)
        self._nonfinal: dict[State, Sequence[tuple[int, float]]] = tagger.LP_trans_nonfinal
        self._positions = {
            state: {tag: position for position, (tag, _) in enumerate(followers)}
            for state, followers in self._nonfinal.items()
        }
        self._final: dict[State, Sequence[tuple[int, float]]] = tagger.LP_trans_final
        self.guess = lru_cache(maxsize=memo)(self._guess)
        self.suffix_scores = lru_cache(maxsize=SUFFIX_MEMO)(self._suffix_scores)
        # HanTa adds Int_t + LP_hapax_t[t] + LP_len_t[t][size] first, then the suffix score.
        self._open_base = tuple(
            [tagger.Int_t + tagger.LP_hapax_t[tag] + lp_len for lp_len in tagger.LP_len_t[tag][:25]]
            for tag in self._open
        )
        self._suffixes = tuple(tagger.LP_s_t[tag] for tag in self._open)
        self._native = _native_forward(self) if _FORWARD is not None else None

    def _segment(self, morpheme: str, short_word: bool, whole_word: bool) -> Scores:
        """The finite ``lp_m_t`` scores of one segment: a known morpheme's own score wins over the guess."""
        known = self._known.get(morpheme, ())
        if not (short_word or len(morpheme) > 2):
            return dict(known)
        scores = dict(self.guess(morpheme[-4:], min(len(morpheme), 24), whole_word))
        scores.update(known)
        return scores

    def _guess(self, suffix: str, size: int, whole_word: bool) -> Scores:
        """HanTa's open-class guess for an unknown morpheme of ``size`` characters ending in ``suffix``.

        In C where built (``_viterbi.guess``: the same dict; the memo's misses are most of a fresh
        worker's analysis time, about 60 %, as a segment's last four letters, length and place
        rarely repeat: issue 17zd)."""
        if _GUESS is not None:
            tables = (self._open, self._open_base, self._suffixes)
            return _GUESS(suffix, size, whole_word, *tables, WHOLE_WORD_PENALTY)
        lp_suffix = self.suffix_scores(suffix, min(size, 5))
        rows = zip(self._open, self._open_base, lp_suffix, strict=True)
        if whole_word:  # HanTa's penalty: (base + lp) - penalty, its sum in its order
            return {tag: base[size] + lp - WHOLE_WORD_PENALTY for tag, base, lp in rows}
        return {tag: base[size] + lp for tag, base, lp in rows}

    def _suffix_scores(self, suffix: str, size: int) -> tuple[float, ...]:
        """log p(suffix | tag) of each open class: the longest of the last 4..1 characters HanTa knows."""
        scores = []
        for tag in self._open:
            suffixes = self._tagger.LP_s_t[tag]
            lp = suffixes[""]
            for cut in (4, 3, 2, 1):
                if size > cut and suffix[-cut:] in suffixes:
                    lp = suffixes[suffix[-cut:]]
                    break
            scores.append(lp)
        return tuple(scores)

    def analyze(self, word: str) -> list[tuple[int, float]]:
        """(final tag, log probability) pairs, best first; ``[(UNKNOWN, 0)]`` when nothing fits.

        In C where built (``_viterbi.Forward``, issue 17zj): the table, its beam and the ranking on
        native arrays, the same doubles in the same order; :meth:`analyze_python` is the reference.
        """
        if self._native is not None:
            return self._native.analyze(word) or [(UNKNOWN, 0)]
        return self.analyze_python(word)

    def analyze_python(self, word: str) -> list[tuple[int, float]]:
        """:meth:`analyze` through :meth:`_table` (its loops in C where built) and numpy's ``logaddexp``."""
        table = self._table(word)
        results: dict[int, float] = {}
        for state, lp in table[-2].items():
            for tag, lpt in self._final.get(state, ()):
                total = lp + lpt
                if total > LOWER_BOUND:
                    new = (state[1], tag)
                    old = table[-1].get(new)
                    if old is None or total > old:
                        table[-1][new] = total
        for state, lp in table[-1].items():
            if lp == -float("inf"):
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        ranked = sorted(results.items(), key=itemgetter(1), reverse=True)
        return ranked or [(UNKNOWN, 0)]

    def _table(self, word: str) -> list[dict[State, float]]:
        """HanTa's forward table over the word's character positions (last row left for the finals).

        Same loops as HanTa with the segment loop outside the state loop: for a given end ``j`` the
        new states still arrive in HanTa's order (start, state, follower), so each row is equal to
        HanTa's in values and in order.
        """
        size = len(word)
        short = size < 4
        table: list[dict[State, float]] = [{(EMPTY, START): 0.0}] + [{} for _ in range(size + 1)]
        segment_scores = self._segment
        nonfinal, positions = self._nonfinal, self._positions
        for i in range(size):
            live = [
                (state[1], lp, nonfinal[state], positions[state])
                for state, lp in _live_states(table[i])
                if state in nonfinal
            ]
            if not live:
                continue
            if _SEGMENTS is not None:  # the same loop in C, reading the known pairs and the guess unmerged
                _SEGMENTS(table, i, live, word, short, self._known, self.guess)
                continue
            for j in range(i + 1, size + 1):
                scores = segment_scores(word[i:j], short, j - i == size)
                if scores:
                    _extend(table[j], live, scores)
        return table


def _extend_python(target: dict[State, float], live: list[LiveState], scores: Scores) -> None:
    """Add one segment after each live state, keeping the best score per new state (HanTa's loop body).

    A state with more followers than the segment has finite scores (the word start has 74
    followers) is matched through the segment's tags, and the matches put back in follower
    order, so new states enter ``target`` in HanTa's order.
    """
    for previous, lp, followers, where in live:
        if len(followers) > len(scores):
            hits = sorted(where[tag] for tag in scores if tag in where)
            pairs: Sequence[tuple[int, float]] = [followers[hit] for hit in hits]
        else:
            pairs = followers
        for tag, lpt in pairs:
            lpm = scores.get(tag)
            if lpm is None:
                continue
            total = lp + lpt + lpm
            if total > LOWER_BOUND:
                new = (previous, tag)
                old = target.get(new)
                if old is None or total > old:
                    target[new] = total


def _compiled() -> Any:
    """The C module (``wortlaut.morph._viterbi``), or None when it is not built."""
    try:
        from wortlaut.morph import _viterbi  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - depends on the install
        return None
    return _viterbi


#: :func:`_extend_python` in C: the same states in the same order, the same sums (a build that
#: predates it leaves the Python loop).
_extend: Callable[[dict[State, float], list[LiveState], Scores], None] = getattr(
    _compiled(), "extend", _extend_python
)
#: ``FastForward._table``'s loop over a row's segment ends in C (``_segment`` and :func:`_extend`
#: for each end, without building the merged score dict): about half of an unknown word's analysis
#: in Python (issue 17zd); None without the extension.
_SEGMENTS: Callable[..., None] | None = getattr(_compiled(), "extend_segments", None)
#: ``FastForward._guess`` in C, or None.
_GUESS: Callable[..., Scores] | None = getattr(_compiled(), "guess", None)
#: ``FastForward.analyze`` in C on native tables (issue 17zj), or None.
_FORWARD: Callable[..., Any] | None = getattr(_compiled(), "Forward", None)


def _native_forward(fast: FastForward) -> Any:
    """The C analyser over ``fast``'s tables: states with their follower lists (None: not a key)."""
    assert _FORWARD is not None
    states = list(dict.fromkeys([*fast._nonfinal, *fast._final]))
    tags = {tag for state in states for tag in state}
    for table in (fast._nonfinal, fast._final):
        tags.update(tag for followers in table.values() for tag, _ in followers)
    tags.update(tag for pairs in fast._known.values() for tag, _ in pairs)
    tags.update(fast._open)
    low = min(tags, default=0)
    nonfinal = [list(fast._nonfinal[state]) if state in fast._nonfinal else None for state in states]
    final = [list(fast._final[state]) if state in fast._final else None for state in states]
    width = max(tags, default=0) - low + 1
    tables = (fast._known, fast._open, fast._open_base, fast._suffixes, WHOLE_WORD_PENALTY)
    return _FORWARD(low, width, states, nonfinal, final, *tables)


def _live_states(row: dict[State, float]) -> list[tuple[State, float]]:
    """The row's states within HanTa's beam (the best ROW_BEAM + 1, and ties within 1), in row order."""
    bound = sorted(row.values(), reverse=True)[ROW_BEAM] - 1 if len(row) > ROW_BEAM else LOWER_BOUND
    return [(state, lp) for state, lp in row.items() if lp >= bound]


def _morpheme_index(lp_m_t: dict[int, dict[str, float]]) -> dict[str, tuple[tuple[int, float], ...]]:
    """morpheme -> ((tag, log p(morpheme | tag)), ...): HanTa keeps it per tag."""
    index: dict[str, list[tuple[int, float]]] = {}
    for tag, morphemes in lp_m_t.items():
        for morpheme, lp in morphemes.items():
            index.setdefault(morpheme, []).append((tag, lp))
    return {morpheme: tuple(pairs) for morpheme, pairs in index.items()}
