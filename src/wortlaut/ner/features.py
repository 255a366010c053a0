"""Token features for the CRF tagger, computed once per word form and cached.

Feature extraction in Python dominates tagging time, so everything that
depends on the word form alone (shape, affixes, lemma, gazetteer flags, the
word's part of speech out of context) is computed once per form and stored
already prefixed for each window position.  A sentence's feature lists are
then concatenations of cached lists.

Feature groups can be switched off for experiments; the groups a model was
trained with are stored beside it (see :mod:`wortlaut.ner.tagger`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wortlaut.ner.clusters import WordClusters
from wortlaut.ner.gazetteer import Gazetteer
from wortlaut.ner.kbnames import KbNames
from wortlaut.ner.lexicon import TypeLexicon
from wortlaut.ner.orglist import OrgList

#: The feature groups of training's default; a model names its groups.  The shipped model has these plus
#: ``dense``; the opt-in ``model-orglist.npz`` (issue 14zd) adds ``orglist`` (the card gives both recipes).
#: ``window3`` (neighbours at ±3) was dropped by 3-fold cross-validation: 0.6750 without it
#: against 0.6651 with it, better in every fold (docs/quality.md, "Names you can trust").
GROUPS: tuple[str, ...] = (
    "affix", "lemma", "gazetteer", "pos", "window2", "freq", "affix5", "hyphen", "trigger",
)
#: Groups a model may use that the shipped model does not: ``window3`` (lost in CV); ``etype`` reads a
#: type lexicon built by ``python -m wortlaut.ner.lexicon_build`` (a tie; see the model card);
#: ``cluster`` reads an e5 word-cluster table built by ``python -m wortlaut.ner.clusters_build``
#: (lost in CV); ``kb`` flags words of the knowledge base's names (a tie in CV); ``orglist`` flags words
#: of the larger organisation list (:mod:`wortlaut.ner.orglist`, issue 14zd).
#: ``dense`` adds the window scorer's label probabilities (:mod:`wortlaut.ner.dense`); they are not
#: strings of this extractor: the trainer (:mod:`wortlaut.ner.teacher.densecrf`) and the tagger add them.
OPTIONAL_GROUPS: tuple[str, ...] = ("window3", "etype", "cluster", "kb", "dense", "orglist")

#: Window offsets whose word and shape are features of the current token.
NEAR = (-1, 1)
FAR = (-2, 2)
FARTHEST = (-3, 3)

#: Forms cached before the cache is cleared, bounding memory on long runs
#: (a year of news has a few million distinct forms; 300,000 keep the frequent ones hot).
CACHE_LIMIT = 300_000

_DIGITS = re.compile(r"\d")
#: The ``len=`` feature of each capped word length (0-12).
_LENGTHS = tuple(f"len={size}" for size in range(13))


def shape(word: str) -> str:
    """Character classes, runs collapsed: ``Brüssel`` -> ``Xx``, ``NATO-Chef`` -> ``X-Xx``.

    Words of ASCII letters (every one upper or lower case) in the three common patterns take a
    shortcut with the same answer as the loop (most forms of news text; issue 14z).
    """
    if word.isascii() and word.isalpha():
        if word.islower():
            return "x"
        if word.isupper():
            return "X"
        if word[0].isupper() and word[1:].islower():
            return "Xx"
    out: list[str] = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.islower():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char if unicodedata.category(char)[0] == "P" else "#"
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:8]


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """Cached features of one word form: its own, and prefixed copies for each window offset."""

    own: list[str]
    at: dict[int, list[str]]


class FeatureExtractor:
    """Turns a sentence (a list of words) into CRF feature lists."""

    def __init__(
        self,
        groups: Sequence[str] = GROUPS,
        *,
        gazetteer: Gazetteer | None = None,
        lexicon: TypeLexicon | None = None,
        clusters: WordClusters | None = None,
    ) -> None:
        unknown = set(groups) - set(GROUPS) - set(OPTIONAL_GROUPS)
        if unknown:
            raise ValueError(f"unknown NER feature groups: {sorted(unknown)}")
        self.groups = frozenset(groups)
        needs_lists = {"gazetteer", "trigger"} & self.groups
        self._lists = (gazetteer or Gazetteer.load()) if needs_lists else None
        self._gazetteer = self._lists if "gazetteer" in self.groups else None
        self._lemmatize = _lemmatizer() if "lemma" in self.groups else None
        self._pos = _pos_lookup() if "pos" in self.groups else None
        self._freq = _frequencies() if "freq" in self.groups else None
        self._types = (lexicon or TypeLexicon.load()) if "etype" in self.groups else None
        self._clusters = (clusters or WordClusters.load()) if "cluster" in self.groups else None
        self._kb = KbNames.load() if "kb" in self.groups else None
        self._orglist = OrgList.load() if "orglist" in self.groups else None
        self._affix, self._affix5 = "affix" in self.groups, "affix5" in self.groups
        self._hyphen, self._trigger = "hyphen" in self.groups, "trigger" in self.groups
        self._offsets: tuple[int, ...] = NEAR + FAR if "window2" in self.groups else NEAR
        if "window3" in self.groups:
            self._offsets += FARTHEST
        self._cache: dict[str, WordFeatures] = {}

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists, one per word."""
        cached = [self._word(word) for word in words]
        lowers = [word.lower() for word in words]
        last = len(words) - 1
        rows: list[list[str]] = []
        for index, features in enumerate(cached):
            row = list(features.own)
            for offset in self._offsets:
                other = index + offset
                if 0 <= other <= last:
                    row += cached[other].at[offset]
                else:
                    row.append(f"{offset}:pad")
            if index == 0:
                row.append("first")
            if index > 0:
                row.append("b-:" + lowers[index - 1] + "|" + lowers[index])
            if index < last:
                row.append("b+:" + lowers[index] + "|" + lowers[index + 1])
            rows.append(row)
        return rows

    @property
    def offsets(self) -> tuple[int, ...]:
        """The window offsets whose neighbour features a token gets."""
        return self._offsets

    def word(self, word: str) -> WordFeatures:
        """The features of one word form, uncached (the tagger caches its scores instead)."""
        return self._compute(word)

    def parts(self, word: str) -> tuple[list[str], list[str]]:
        """(own features, context features) of one word form, uncached; a neighbour at offset k
        has the context features prefixed ``f"{k}:"``.  The tagger reads these instead of
        :meth:`word` so that it does not build the prefixed strings of every offset."""
        lower = word.lower()
        word_shape = shape(word)
        own_word, own_shape = "w=" + lower, "s=" + word_shape
        context = [own_word, own_shape]
        own = ["bias", own_word, own_shape, _LENGTHS[min(len(word), 12)]]
        if word[:1].isupper():
            own.append("cap")
        if _DIGITS.search(word):
            own.append("digit")
        # the affixes written out, not as comprehensions over (2, 3, 4): the same strings in the
        # same order, without a comprehension's frame per group (this runs once per new form)
        if self._affix:
            own += ("p2=" + lower[:2], "p3=" + lower[:3], "p4=" + lower[:4])
            own += ("x2=" + lower[-2:], "x3=" + lower[-3:], "x4=" + lower[-4:])
            context.append("x3=" + lower[-3:])
        if self._affix5:
            own += ("p1=" + lower[:1], "p5=" + lower[:5], "x1=" + lower[-1:], "x5=" + lower[-5:])
        if self._hyphen and "-" in word.strip("-"):
            head, _, tail = lower.strip("-").rpartition("-")
            own += [f"hh={head.partition('-')[0]}", f"ht={tail}", f"hs={shape(word.split('-')[-1])}"]
        if self._lemmatize is not None and word:
            own.append("l=" + self._lemmatize(word))
        self._lexical(word, own, context)
        return own, context

    def _word(self, word: str) -> WordFeatures:
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[word] = self._compute(word)
        return found

    def _compute(self, word: str) -> WordFeatures:
        own, context = self.parts(word)
        at = {offset: [f"{offset}:{feature}" for feature in context] for offset in NEAR + FAR + FARTHEST}
        return WordFeatures(own=own, at=at)

    def _lexical(self, word: str, own: list[str], context: list[str]) -> None:
        """Append the list-based features (gazetteer, trigger, POS, frequency, optional tables)."""
        if self._gazetteer is not None:
            found = self._gazetteer.flags(word)
            if found:  # most forms have none
                flags = ["g=" + flag for flag in found]
                own += flags
                context += flags
        if self._trigger and self._lists is not None and self._lists.is_org_type(word):
            own.append("orgtype")
            context.append("orgtype")
        if self._pos is not None and word[:1].isalpha():
            tags = self._pos(word)
            own += tags
            context += tags
        if self._freq is not None:
            frequency = self._freq(word)
            own += frequency
            context += frequency[:1]
        if self._types is not None:
            types = self._types.features(word)
            own += types
            context += types
        if self._clusters is not None:
            found = self._clusters.features(word)
            own += found
            context += found[:2]
        if self._kb is not None:
            names = self._kb.flags(word)
            own += names
            context += names
        if self._orglist is not None:
            names = self._orglist.flags(word)
            own += names
            context += names


def _lemmatizer() -> Any:
    """simplemma's German lemmatiser as a function word -> lower-cased lemma."""
    from wortlaut.morph import lemmas

    def lemma(word: str) -> str:
        return lemmas.lemmatize(word).lower()

    lemmas.load()  # simplemma's German dictionary is decoded on first use: do it while loading
    return lemma


#: Log-probability distance from the best tag within which HanTa's other tags count as
#: plausible (HanTa's own ``tag_word`` default cutoff).
TAG_CUTOFF = 5.0


def _pos_lookup() -> Any:
    """HanTa's out-of-context tags for forms in its lexicon cache; other forms get ``t:oov``.

    HanTa's morphological guesser for unknown forms costs about half a
    millisecond per form, which on fresh news text (many new forms) would
    dominate tagging; the lexicon look-up is a dictionary access.  (The guesser's
    tags for capitalised unknown forms gave +1.9 F1 on the held-out slice but
    made tagging text with many new forms 6.6 times slower; see the model card.)
    """
    from wortlaut.morph.tagger import hanta_model

    tagger = hanta_model()  # the morphology tagger's model, loaded once (it reads the same tables)
    lexicon: dict[str, list[tuple[int, float]]] = tagger.cache
    names: dict[int, str] = tagger.int2tag
    upcase_bonus = tagger.LP_case_t

    def tags(word: str) -> list[str]:
        analyses = lexicon.get(tagger.normalize(word))
        if not analyses:
            return ["t:oov"]
        upper = word[:1].isupper()
        scored = [(score + upcase_bonus[tag][upper], tag) for tag, score in analyses if tag in upcase_bonus]
        if not scored:
            return ["t:oov"]
        best, top = max(scored)
        found = [f"t={names[top]}"]
        if any(names[tag] == "NE" and score > best - TAG_CUTOFF for score, tag in scored):
            found.append("t~NE")
        return found

    return tags


#: Shortest compound tail looked up in the frequency list (shorter endings such as ``-ung``
#: are suffixes, not words, and would match almost every noun).
MIN_TAIL = 4


def _frequencies() -> Any:
    """Word-frequency features from wordfreq's small German list (words with Zipf >= 3).

    German capitalises every noun, so capitalisation says little; how common
    the lower-cased form is separates ``Regierung`` from ``Rutte``, and a
    capitalised unknown form whose tail is a common word (``Bundestagsabgeordnete``
    -> ``abgeordnete``) is most likely a compound common noun, not a name.
    """
    from wortlaut.ner.wordfreq_list import frequency_dict

    zipf = {word: min(int(math.log10(value) + 9), 7) for word, value in frequency_dict("de", "small").items()}

    def features(word: str) -> list[str]:
        lower = word.lower()
        found = zipf.get(lower)
        if found is not None:
            return [f"z={found}"]
        if not word[:1].isupper() or len(word) < MIN_TAIL + 2:
            return ["z=0"]
        for start in range(2, len(lower) - MIN_TAIL + 1):
            tail = zipf.get(lower[start:])
            if tail is not None:
                return ["z=0", f"zt={tail}", f"zl={min(len(lower) - start, 9)}"]
        return ["z=0", "zt=none"]

    return features
