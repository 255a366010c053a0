"""HanTa's HMM tagger made fast enough for the morphology stage.

HanTa (LGPL) is pure Python.  Its expensive step is the morphological analysis
of words outside its lexicon (about 2 ms each), and its Viterbi loop tries
every tag transition for every word.  :class:`MemoTagger` keeps per-instance
memos of word analyses and lemmas, looks frequent forms up in a precomputed
table of HanTa's own answers (:mod:`wortlaut.morph.lexicon`), tags long unknown
capitalised words by their compound head, and runs a Viterbi that only visits
the tags a word can have (:mod:`wortlaut.morph.viterbi`, in C where built).

The memos are least-recently-used caches capped at :data:`MEMO_FORMS` entries
each: an ingest worker reads many thousands of articles, and names, typos and
glued junk keep adding new forms, so unbounded memos would only grow.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Literal

from HanTa import HanoverTagger as ht

from wortlaut.morph import lemmas
from wortlaut.morph.forward import FastForward
from wortlaut.morph.lexicon import WordLexicon, shipped_lexicon
from wortlaut.morph.viterbi import SentenceViterbi

#: HanTa's internal tag id for unknown words (the sentence borders are in wortlaut.morph.viterbi).
UNKNOWN = 3
#: Unknown capitalised words longer than this are tagged by their last HEAD_CHARS characters
#: (German compounds inflect like their head: "Verteidigungsministeriums" like "isteriums").
#: HanTa's analysis of an unknown word costs ~2 ms and grows with its length.  Measured on GSD
#: dev (STTS accuracy, gold tokens): full analysis 92.1%, 10 chars 91.9%, 7 chars 91.7%,
#: 6 chars 91.4%; Konjunktiv P/R unchanged down to 7, worse at 6.  7 gives ~1.4x throughput.
HEAD_CHARS = 7
#: The same for lower-case words, kept long: verb forms need their prefix (ge-, zurück-) for
#: POS and mood; at 10 Konjunktiv recall on GSD dev dropped, at 12 it did not.
LOWER_HEAD_CHARS = 14
#: A hyphenated unknown word whose last part is capitalised and at least this long is
#: analysed as that part ("NATO-Unterstützung" as "Unterstützung").
MIN_HYPHEN_HEAD = 3
#: Numbers (2015, 18,5, 1.000, 3:0) all get the analysis of one stand-in number.
NUMBER = re.compile(r"^\d+(?:[.,:/]\d+)*$")
NUMBER_STAND_IN = "100"
#: HanTa's extra nominal tags mapped back to STTS.
STTS_FIXES = {"NNA": "NN", "NNI": "NN"}
#: Tags whose lemma is the word itself (names, numbers, foreign words, junk).
VERBATIM_TAGS = frozenset({"NE", "CARD", "FM", "XY", "UNKNOWN"})
#: Entries kept in each per-word memo (HanTa analyses, tag probabilities, lemmas); the least
#: recently used go first.  300 10kGNAD articles leave ~25,000 forms in the largest memo
#: (~450 bytes each for tag probabilities, ~800 for analyses, ~220 for lemmas), so a worker
#: reaches the cap only after several thousand articles, and all three memos together stay
#: under ~300 MB.  An LRU hit costs well under 1% of the ~35 µs HanTa spends per token.
MEMO_FORMS = 200_000

WordProbs = dict[int, float]


@lru_cache(maxsize=1)
def hanta_model() -> Any:
    """HanTa's German model (a ``HanoverTagger``), loaded once per process and shared.

    The morphology tagger and the NER features' POS look-up both read it (0.15-0.19 CPU s to load
    each, in the main process before the workers fork); neither changes its tables, and a
    :class:`MemoTagger` works on a shallow copy, so what it sets on its instance stays its own.
    """
    return ht.HanoverTagger("morphmodel_ger.pgz")


def stts(tag: str) -> str:
    """``VV(FIN)`` -> ``VVFIN``; HanTa's NNA/NNI -> NN."""
    plain = tag.replace("(", "").replace(")", "")
    return STTS_FIXES.get(plain, plain)


class MemoTagger:
    """HanTa with bounded per-word memos; the tagger's own cache only covers words from its training data.

    ``memo_forms`` caps each memo (tests pass a small value to see the cap hold).  ``lexicon``
    holds HanTa's answers for frequent forms (:mod:`wortlaut.morph.lexicon`; default: the
    shipped table); ``None`` asks HanTa for every form.
    """

    def __init__(
        self, memo_forms: int = MEMO_FORMS, lexicon: WordLexicon | Literal["shipped"] | None = "shipped"
    ) -> None:
        self.tagger: Any = copy.copy(hanta_model())  # own instance: analyze_forward is shadowed below
        self._known = self.tagger.cache
        self.lexicon: WordLexicon | None = shipped_lexicon() if isinstance(lexicon, str) else lexicon
        forward: Callable[[str], list[tuple[int, float]]] = FastForward(self.tagger).analyze
        if self.lexicon is not None:
            forward = _table_first(self.lexicon, forward)
        # HanTa's _tag_word calls self.analyze_forward: shadow it on this instance only.
        self.analyses = lru_cache(maxsize=memo_forms)(forward)
        self.tagger.analyze_forward = self.analyses
        lemmas.load()  # decodes simplemma's German dictionary now, not mid-run
        # lru_cache is implemented in C: a hit costs about as much as a dict lookup plus a call.
        self.word_probs = lru_cache(maxsize=memo_forms)(self._word_probs)
        self._lemma = lru_cache(maxsize=memo_forms)(self._find_lemma)
        self._viterbi = SentenceViterbi(self.tagger.LP_trans_word)
        self._stts = {tag: stts(name) for tag, name in self.tagger.int2tag.items()}

    def memo_sizes(self) -> dict[str, int]:
        """Entries now held by each memo (for tests and monitoring)."""
        return {
            "analyses": self.analyses.cache_info().currsize,
            "word_probs": self.word_probs.cache_info().currsize,
            "lemmas": self._lemma.cache_info().currsize,
        }

    def tag(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """(STTS tag, lemma) for each word of one sentence."""
        if not words:
            return []
        tags = self.viterbi(words)
        names, lemma = self._stts, self._lemma
        return [(names[tag], lemma(word, tag)) for word, tag in zip(words, tags, strict=True)]

    def _word_probs(self, word: str, casesensitive: bool) -> WordProbs:
        """log p(tag | word) for the tags a word can have (empty: unknown, any tag goes).

        Called through the memo ``self.word_probs``; the returned dict is shared, never mutate it.
        """
        probs = dict(
            self.tagger._tag_word(
                _stand_in(word, casesensitive, self._known),
                cutoff=5,
                casesensitive=casesensitive,
                conditional=True,
            )
        )
        return {} if len(probs) == 1 and UNKNOWN in probs else probs

    def viterbi(self, words: Sequence[str]) -> list[int]:
        """HanTa's second-order Viterbi, visiting only the tags each word allows."""
        return self._viterbi.best(self.word_probs, words)

    def _find_lemma(self, word: str, tag: int) -> str:
        """HanTa's analysis for verbs (mood rules need it); simplemma's cheap lookup for the rest.

        Called through the memo ``self._lemma``.
        """
        name = self.tagger.int2tag[tag]
        if name.startswith("V"):
            known = self.lexicon.verb_lemma(word.lower(), tag) if self.lexicon is not None else None
            return known if known is not None else str(self.tagger._analyze(word, tag, taglevel=1)[0])
        if name in VERBATIM_TAGS or name.startswith("$"):
            return word
        return lemmas.lemmatize(word)


def _table_first(
    lexicon: WordLexicon, forward: Callable[[str], list[tuple[int, float]]]
) -> Callable[[str], list[tuple[int, float]]]:
    """``forward`` that looks the form up in the precomputed table first."""

    def analyze(form: str) -> list[tuple[int, float]]:
        known = lexicon.analysis(form)
        return known if known is not None else forward(form)

    return analyze


def _stand_in(word: str, casesensitive: bool, known: Any) -> str:
    """What HanTa analyses for a word: numbers share one analysis; long unknown words use their head.

    Capitalisation says "noun or name" only inside a sentence (``casesensitive``); at its start
    a capitalised word may be a verb ("Habe ..."), so it keeps the longer lower-case head.
    """
    if NUMBER.match(word):
        return NUMBER_STAND_IN
    if word.lower() in known:
        return word
    last = word.rsplit("-", 1)[-1]
    if last != word and len(last) >= MIN_HYPHEN_HEAD and last[0].isupper():
        word = last  # "All-in-Verträgen" inflects like "Verträgen", often a known word
        if word.lower() in known:
            return word
    capitalised = casesensitive and word[:1].isupper()
    size = HEAD_CHARS if capitalised else LOWER_HEAD_CHARS
    if len(word) <= size or word.lower() in known:
        return word
    head = word[-size:]
    return head[0].upper() + head[1:] if capitalised else head
