"""The runtime NER tagger: Viterbi over CRF weights, with each word form's scores cached.

Every feature of a token is either a feature of one word form at a window
offset (``w=nato`` of the token itself, ``-1:w=herr`` of its left
neighbour), a boundary marker, or a word bigram.  The summed label scores of a
form's features are therefore computed once per form and offset and cached;
a sentence then costs a few array additions and a Viterbi pass.  The scores
equal crfsuite's for the same model (``tests/ner`` checks the tags agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from wortlaut.ner.clusters import WordClusters
from wortlaut.ner.dense import DenseEmissions, E5Pieces, WindowScorer, scorer_path
from wortlaut.ner.features import FeatureExtractor
from wortlaut.ner.model import CrfModel, FloatArray, NerModelError
from wortlaut.ner.spans import SpanTuple, bio_spans

#: File name of the shipped model inside ``wortlaut/models/ner-crf``.
MODEL_FILE = "model.npz"

#: Word forms whose scores stay cached (about 300 bytes each, so about 30 MB at most); the
#: 10kGNAD benchmark's 1,028 articles have about 54,000 distinct forms.
FORM_CACHE_LIMIT = 100_000

#: Sentences decoded together by :meth:`NerTagger.tag_sentences`; batching cuts the per-step
#: numpy overhead, and 64 keeps the padded arrays small when one sentence is very long.
BATCH_SENTENCES = 64


def default_model_path() -> Path:
    """Where the shipped model lives."""
    return Path(str(resources.files("wortlaut") / "models" / "ner-crf" / MODEL_FILE))


class NerTagger:
    """Tags sentences with PER, ORG, LOC and OTH spans; load with :func:`load_tagger`."""

    def __init__(
        self,
        model: CrfModel,
        *,
        model_path: Path | None = None,
        clusters: WordClusters | None = None,
        scorer: WindowScorer | None = None,
    ) -> None:
        """``scorer``: the dense window scorer of a model with the ``dense`` group (read beside
        ``model_path`` when not given; see :mod:`wortlaut.ner.dense`)."""
        self.model_path = model_path
        self.labels = model.labels
        self.features = FeatureExtractor(model.groups, clusters=clusters)
        self._offsets = self.features.offsets
        self._row = {attribute: index for index, attribute in enumerate(model.attributes)}
        self._context_index, self._context_weights = _context_table(self._row, model.weights, self._offsets)
        self._pairs = _pair_rows(self._row)
        self._weights = model.weights
        self._transitions = model.transitions
        self._zero = np.zeros(len(model.labels), dtype=np.float32)
        self._pads = [self._score([f"{offset}:pad"]) for offset in self._offsets]
        self._first = self._score(["first"])
        self._cache: dict[str, FloatArray] = {}
        self._dense = self._dense_emissions(model, model_path, scorer)

    def _dense_emissions(
        self, model: CrfModel, model_path: Path | None, scorer: WindowScorer | None
    ) -> DenseEmissions | None:
        if "dense" not in model.groups:
            return None
        if scorer is None:
            if model_path is None or not scorer_path(model_path).is_file():
                raise ValueError(f"the model's dense window scorer is missing ({model_path} + .dense.npz)")
            scorer = WindowScorer.load(scorer_path(model_path), E5Pieces())
        return DenseEmissions(scorer, self._row, model.weights)

    def clear_cache(self) -> None:
        """Forget every cached word form (benchmarks use it to measure a fresh process's cold cache)."""
        self._cache.clear()
        if self._dense is not None:
            self._dense.scorer.clear_cache()

    def tag(self, words: Sequence[str]) -> list[SpanTuple]:
        """Entity spans ``(start_token, end_token_exclusive, TYPE)`` of one sentence."""
        return _named(words, bio_spans(self.tag_bio(words)))

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[SpanTuple]]:
        """:meth:`tag` for each sentence of a batch (one Viterbi pass over all of them: faster)."""
        found: list[list[SpanTuple]] = [[] for _ in sentences]
        filled = [index for index, words in enumerate(sentences) if words]
        for start in range(0, len(filled), BATCH_SENTENCES):
            chunk = filled[start : start + BATCH_SENTENCES]
            words = [sentences[index] for index in chunk]
            dense = self._dense.scores(words) if self._dense is not None else [None] * len(words)
            paths = self._viterbi_batch([self._emissions(w, d) for w, d in zip(words, dense, strict=True)])
            for index, path in zip(chunk, paths, strict=True):
                found[index] = _named(sentences[index], bio_spans([self.labels[label] for label in path]))
        return found

    def tag_bio(self, words: Sequence[str]) -> list[str]:
        """The BIO tag of each word."""
        if not words:
            return []
        dense = self._dense.scores([words])[0] if self._dense is not None else None
        path = self._viterbi(self._emissions(words, dense))
        return [self.labels[index] for index in path]

    def _score(self, features: Sequence[str]) -> FloatArray:
        """Summed label weights of a list of features (unknown features weigh nothing)."""
        rows = [self._row[feature] for feature in features if feature in self._row]
        return self._weights[rows].sum(axis=0) if rows else self._zero

    def _form(self, word: str) -> FloatArray:
        """A form's scores: row 0 as the token itself, row k as neighbour at offset k (cached)."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= FORM_CACHE_LIMIT:
                self._cache.clear()
            own, context = self.features.parts(word)
            found = np.zeros((len(self._offsets) + 1, len(self.labels)), dtype=np.float32)
            rows = [row for row in map(self._row.get, own) if row is not None]
            if rows:
                found[0] = self._weights[rows].sum(axis=0)
            known = [index for index in map(self._context_index.get, context) if index is not None]
            if known:
                found[1:] = self._context_weights[known].sum(axis=0)
            self._cache[word] = found
        return found

    def _emissions(self, words: Sequence[str], dense: FloatArray | None = None) -> FloatArray:
        """Per-token label scores (tokens x labels); ``dense``: the dense features' share."""
        forms = np.stack([self._form(word) for word in words])
        count = len(words)
        scores = forms[:, 0].copy()
        for k, offset in enumerate(self._offsets, start=1):
            edge = min(count, abs(offset))
            if offset < 0:
                scores[edge:] += forms[: count - edge, k]
                scores[:edge] += self._pads[k - 1]
            else:
                scores[: count - edge] += forms[edge:, k]
                scores[count - edge :] += self._pads[k - 1]
        scores[0] += self._first
        targets, rows = self._bigrams(words)
        if rows:
            np.add.at(scores, targets, self._weights[rows])
        if dense is not None:
            scores += dense
        return scores

    def _bigrams(self, words: Sequence[str]) -> tuple[list[int], list[int]]:
        """(token index, weight row) of each word-bigram feature the model knows."""
        lowers = [word.lower() for word in words]
        pairs = self._pairs
        targets: list[int] = []
        rows: list[int] = []
        for index in range(1, len(words)):
            found = pairs.get(lowers[index - 1] + "|" + lowers[index])
            if found is not None:
                before, after = found
                if before >= 0:
                    targets.append(index)
                    rows.append(before)
                if after >= 0:
                    targets.append(index - 1)
                    rows.append(after)
        return targets, rows

    def _viterbi(self, scores: FloatArray) -> list[int]:
        """The best label sequence under the emission scores and the transition weights."""
        best = scores[0]
        back = np.empty(scores.shape, dtype=np.intp)
        for index in range(1, len(scores)):
            candidates = best[:, None] + self._transitions
            back[index] = candidates.argmax(axis=0)
            best = candidates.max(axis=0) + scores[index]
        path = [int(best.argmax())]
        for index in range(len(scores) - 1, 0, -1):
            path.append(int(back[index, path[-1]]))
        return path[::-1]

    def _viterbi_batch(self, batch: Sequence[FloatArray]) -> list[list[int]]:
        """:meth:`_viterbi` for several sentences at once (padded; finished rows stop moving)."""
        lengths = np.array([len(scores) for scores in batch])
        longest = int(lengths.max())
        labels = len(self.labels)
        padded = np.zeros((len(batch), longest, labels), dtype=np.float32)
        for row, scores in enumerate(batch):
            padded[row, : len(scores)] = scores
        best = padded[:, 0]
        back = np.empty((len(batch), longest, labels), dtype=np.intp)
        for index in range(1, longest):
            candidates = best[:, :, None] + self._transitions
            chosen = candidates.argmax(axis=1)
            back[:, index] = chosen
            # the maximum is the value at the argmax: one reduction instead of two
            moved = np.take_along_axis(candidates, chosen[:, None, :], axis=1)[:, 0] + padded[:, index]
            best = np.where((lengths > index)[:, None], moved, best)
        paths = []
        for row, length in enumerate(lengths):
            path = [int(best[row].argmax())]
            for index in range(int(length) - 1, 0, -1):
                path.append(int(back[row, index, path[-1]]))
            paths.append(path[::-1])
        return paths


def _context_table(
    rows: dict[str, int], weights: FloatArray, offsets: Sequence[int]
) -> tuple[dict[str, int], FloatArray]:
    """Context features by unprefixed name: an index into a (features x offsets x labels) table.

    Entry ``[i, k]`` holds the weights of ``f"{offsets[k]}:" + name`` (zeros when the model
    lacks it), so one look-up per context feature of a new form gives its scores at every
    window offset, instead of one look-up per offset in the much larger table of all features.
    """
    index: dict[str, int] = {}
    places: list[tuple[int, int, int]] = []
    for place, offset in enumerate(offsets):
        prefix = f"{offset}:"
        cut = len(prefix)
        for name, row in rows.items():
            if name.startswith(prefix):
                places.append((index.setdefault(name[cut:], len(index)), place, row))
    table = np.zeros((len(index), len(offsets), weights.shape[1]), dtype=np.float32)
    for feature, place, row in places:
        table[feature, place] = weights[row]
    return index, table


def _pair_rows(rows: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Word pairs ``left|right`` -> (row of ``b-:`` pair, row of ``b+:`` pair), -1 where absent.

    One look-up per word pair in a table of pairs only, instead of two in the table of all
    features: the bigram features are the largest family, and most pairs of new text are unknown.
    """
    pairs: dict[str, tuple[int, int]] = {}
    for name, row in rows.items():
        if name.startswith("b-:"):
            pairs[name[3:]] = (row, pairs.get(name[3:], (-1, -1))[1])
        elif name.startswith("b+:"):
            pairs[name[3:]] = (pairs.get(name[3:], (-1, -1))[0], row)
    return pairs


def _named(words: Sequence[str], spans: list[SpanTuple]) -> list[SpanTuple]:
    """The spans with a letter or digit in them: a run of emoji or punctuation names nothing.

    The CRF can chain such tokens into a span (emoji are in wordfreq's list, so they look
    like known words of a rare shape); no GermEval name is without a letter or digit.
    """
    return [
        span for span in spans if any(char.isalnum() for word in words[span[0] : span[1]] for char in word)
    ]


def load_tagger(path: Path | str | None = None, *, clusters: WordClusters | None = None) -> NerTagger:
    """Open the NER model at ``path`` (default: the shipped model); raises :class:`NerModelError`.

    ``clusters``: the word-cluster table the model was trained with, if not the default file.
    """
    model_path = Path(path) if path is not None else default_model_path()
    if not model_path.is_file():
        raise NerModelError(
            f"{model_path}: NER model not found (retrain with `python -m wortlaut.ner.train`)"
        )
    model = CrfModel.load(model_path)
    try:
        return NerTagger(model, model_path=model_path, clusters=clusters)
    except ValueError as error:
        raise NerModelError(f"{model_path}: {error}") from error
