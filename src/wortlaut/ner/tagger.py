"""The runtime NER tagger: Viterbi over CRF weights, with each word form's scores cached.

Every feature of a token is either a feature of one word form at a window
offset (``w=nato`` of the token itself, ``-1:w=herr`` of its left
neighbour), a boundary marker, or a word bigram.  The summed label scores of a
form's features are therefore computed once per form and offset and kept in one
table (row = form, one slot per window offset); a batch of sentences then costs
one gather of all tokens' slots, a sum, the bigrams and a Viterbi pass.  The scores
equal crfsuite's for the same model (``tests/ner`` checks the tags agree).

A model with the ``dense`` group (:mod:`wortlaut.ner.dense`) keeps its window scorer's
first-layer rows in the same table beside the CRF's slots, so the one gather serves both.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from itertools import pairwise, repeat
from pathlib import Path

import numpy as np

from wortlaut.ner.clusters import WordClusters
from wortlaut.ner.dense import WINDOW, DenseEmissions, WindowScorer, positions, scorer_path
from wortlaut.ner.features import FeatureExtractor
from wortlaut.ner.model import CrfModel, FloatArray, NerModelError
from wortlaut.ner.spans import SpanTuple, bio_spans
from wortlaut.ner.tables import context_table, named, pair_rows
from wortlaut.ner.viterbi import best_paths

#: File name of the shipped model inside ``wortlaut/models/ner-crf``: since issue 14z the model
#: with the dense window scorer (its scorer beside it as ``model.dense.npz``; 3-fold CV 0.731).
MODEL_FILE = "model.npz"
#: The sixth session's model without the scorer (CV 0.711), opt-in for a smaller, faster tagger:
#: ``load_tagger(sparse_model_path())`` (model card).
SPARSE_MODEL_FILE = "model-sparse.npz"

#: Word forms whose scores stay cached (about 300 bytes each without the dense scorer, so about
#: 30 MB at most); the 10kGNAD benchmark's 1,028 articles have about 54,000 distinct forms.
FORM_CACHE_LIMIT = 100_000
#: The cache's bound in bytes when a dense scorer's rows share it (5 x 32 floats more a form, 820
#: bytes with the CRF's): 32 MB made `bench_ner` 1.03-1.07x slower cold and 1.9x warm than the
#: sixth session's tagger (the 1,028 articles' 54,000 forms no longer fit; the lead, 2026-12-07).
#: Only rows written take memory (calloc): about 41 MB per ingest worker after 1,000 articles.
FORM_CACHE_BYTES = 64_000_000

#: Sentences decoded together by :meth:`NerTagger.tag_sentences`; batching cuts the per-step
#: numpy overhead, and 64 keeps the padded arrays small when one sentence is very long.
BATCH_SENTENCES = 64

#: Row 0 of the form table: the slots of a position outside the sentence (the ``k:pad`` features).
PAD_ROW = 0


def default_model_path() -> Path:
    """Where the shipped model lives."""
    return Path(str(resources.files("wortlaut") / "models" / "ner-crf" / MODEL_FILE))


def sparse_model_path() -> Path:
    """Where the shipped opt-in model without the dense window scorer lives."""
    return default_model_path().with_name(SPARSE_MODEL_FILE)


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
        self._context_index, self._context_weights = context_table(self._row, model.weights, self._offsets)
        self._pairs = pair_rows(self._row)
        self._weights = model.weights
        # the tables with a zero row at the end (index -1), for padded batch sums
        self._weights0 = np.concatenate([model.weights, np.zeros_like(model.weights[:1])])
        self._context_weights0 = np.concatenate(
            [self._context_weights, np.zeros_like(self._context_weights[:1])]
        )
        self._transitions = model.transitions
        self._first = self._score(["first"])
        self._dense = _dense_emissions(model, model_path, scorer, self._row)
        # slots: the token itself, the CRF's offsets, then any window position only the scorer has
        self._slots = (0, *self._offsets, *(o for o in WINDOW if o and o not in self._offsets))
        self._reach = max(abs(offset) for offset in self._slots)
        self._dense_places = [WINDOW.index(o) if o in WINDOW else -1 for o in self._slots]
        hidden = self._dense.scorer.hidden if self._dense is not None else 0
        self._width = len(self.labels) + hidden
        self._limit = FORM_CACHE_LIMIT
        if hidden:
            self._limit = min(FORM_CACHE_LIMIT, FORM_CACHE_BYTES // (4 * len(self._slots) * self._width))
        self._cache: dict[str, int] = {}
        # the table is allocated at its bound at once: numpy's zeros come from calloc, so untouched
        # rows take no memory, and no doubling copies the table (a doubling briefly held the old
        # and the new table, and left up to half of the new one unused but written)
        self._table = np.zeros((self._limit + 1, len(self._slots), self._width), dtype=np.float32)
        self._table[PAD_ROW] = self._pad_slots()

    def _pad_slots(self) -> FloatArray:
        """The slots of a position outside the sentence: ``k:pad`` weights and the scorer's pads."""
        row = np.zeros((len(self._slots), self._width), dtype=np.float32)
        labels = len(self.labels)
        for slot, offset in enumerate(self._slots[1:], start=1):
            if offset in self._offsets:
                row[slot, :labels] = self._score([f"{offset}:pad"])
            if self._dense is not None and self._dense_places[slot] >= 0:
                row[slot, labels:] = self._dense.scorer.pad[self._dense_places[slot]]
        return row

    def clear_cache(self) -> None:
        """Forget every cached word form (benchmarks use it to measure a fresh process's cold cache)."""
        self._cache.clear()
        if self._dense is not None:
            self._dense.scorer.clear_cache()

    def tag(self, words: Sequence[str]) -> list[SpanTuple]:
        """Entity spans ``(start_token, end_token_exclusive, TYPE)`` of one sentence."""
        return named(words, bio_spans(self.tag_bio(words)))

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[SpanTuple]]:
        """:meth:`tag` for each sentence of a batch (one Viterbi pass over all of them: faster)."""
        found: list[list[SpanTuple]] = [[] for _ in sentences]
        filled = [index for index, words in enumerate(sentences) if words]
        labels = self.labels
        for start in range(0, len(filled), BATCH_SENTENCES):
            chunk = filled[start : start + BATCH_SENTENCES]
            paths = self._paths([sentences[index] for index in chunk])
            for index, path in zip(chunk, paths, strict=True):
                found[index] = named(sentences[index], bio_spans([labels[label] for label in path]))
        return found

    def tag_bio(self, words: Sequence[str]) -> list[str]:
        """The BIO tag of each word."""
        if not words:
            return []
        return [self.labels[index] for index in self._paths([words])[0]]

    def _paths(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """The best label path of each (non-empty) sentence of one batch."""
        scores = self._emissions(sentences)
        lengths = np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))
        return best_paths(scores, lengths, self._transitions)

    def _score(self, features: Sequence[str]) -> FloatArray:
        """Summed label weights of a list of features (unknown features weigh nothing)."""
        rows = [self._row[feature] for feature in features if feature in self._row]
        if not rows:
            return np.zeros(len(self.labels), dtype=np.float32)
        return np.asarray(self._weights[rows].sum(axis=0), dtype=np.float32)

    def _form(self, word: str) -> FloatArray:
        """A form's CRF scores: row 0 as the token itself, row k as neighbour at offset k."""
        self._add_forms([word])
        return self._table[self._cache[word], : len(self._offsets) + 1, : len(self.labels)]

    def _add_forms(self, words: Sequence[str]) -> None:
        """Put the forms of ``words`` not yet in the table into it (emptying it first when full)."""
        cache = self._cache
        new = list({word: None for word in words if word not in cache})
        if not new:
            return
        if len(cache) + len(new) >= self._limit:
            cache.clear()
            if self._dense is not None:
                self._dense.scorer.clear_cache()
            new = list(dict.fromkeys(words))
        start = len(cache) + 1  # after the pad row
        if start + len(new) > len(self._table):  # one batch with more new forms than the bound
            grown = np.zeros((start + len(new), *self._table.shape[1:]), dtype=np.float32)
            grown[:start] = self._table[:start]
            self._table = grown
        self._table[start : start + len(new)] = self._new_rows(new)
        cache.update((word, start + place) for place, word in enumerate(new))

    def _new_rows(self, words: list[str]) -> FloatArray:
        """Table rows of new forms: the CRF's slots (summed feature weights), the scorer's rows.

        The weights of all new forms are gathered at once, each form's padded with zero rows to
        the longest list, and summed over that axis: numpy adds the rows one after the other, as
        a single form's ``sum(axis=0)`` does, so the sums are the same floats (``tests/ner``).
        """
        rows = np.zeros((len(words), len(self._slots), self._width), dtype=np.float32)
        labels, offsets = len(self.labels), len(self._offsets)
        own_names: list[str] = []
        own_counts: list[int] = []
        context_names: list[str] = []
        context_counts: list[int] = []
        parts = self.features.parts
        for word in words:
            own, context = parts(word)
            own_names += own
            own_counts.append(len(own))
            context_names += context
            context_counts.append(len(context))
        # an unknown feature reads the zero row (-1): adding 0.0 changes no sum
        own_rows = list(map(self._row.get, own_names, repeat(-1)))
        context_rows = list(map(self._context_index.get, context_names, repeat(-1)))
        if own_rows:
            rows[:, 0, :labels] = self._weights0[_padded(own_rows, own_counts)].sum(axis=1)
        if context_rows:
            gathered = self._context_weights0[_padded(context_rows, context_counts)]
            rows[:, 1 : offsets + 1, :labels] = gathered.sum(axis=1)
        if self._dense is not None:
            dense = self._dense.scorer.form_rows(words)
            for slot, window_place in enumerate(self._dense_places):
                if window_place >= 0:
                    rows[:, slot, labels:] = dense[:, window_place]
        return rows

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> FloatArray:
        """Per-token label scores of a batch (tokens of all sentences x labels).

        The slots are summed in the order own, then the offsets, as crfsuite's features are
        listed, then ``first``, the bigrams and the dense features: the same float additions,
        in the same order, as a sentence scored alone.
        """
        words = [word for sentence in sentences for word in sentence]
        self._add_forms(words)
        rows = self._window_rows(sentences)
        summed = self._table.reshape(-1, self._width)[rows].sum(axis=0)
        labels = len(self.labels)
        scores = summed[:, :labels]
        position, length = positions(sentences)
        starts = np.flatnonzero(position == 0)
        scores[starts] += self._first
        targets, weight_rows = self._bigrams(words, position)
        if weight_rows:
            np.add.at(scores, targets, self._weights[weight_rows])
        if self._dense is not None:
            probabilities = self._dense.scorer.from_window_sums(summed[:, labels:], position, length)
            scores += self._dense.emissions(probabilities, position, length)
        return scores

    def _window_rows(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """(slots, tokens) indices into the flat form table: slot s of the form at offset s."""
        cache, reach = self._cache, self._reach
        padded = [PAD_ROW] * reach
        for sentence in sentences:
            padded.extend(map(cache.__getitem__, sentence))
            padded.extend([PAD_ROW] * reach)
        table_rows = np.asarray(padded, dtype=np.intp)
        places = np.flatnonzero(table_rows != PAD_ROW)
        slots = np.arange(len(self._slots))[:, None]
        neighbours = table_rows[places + np.asarray(self._slots)[:, None]]
        return neighbours * len(self._slots) + slots

    def _bigrams(self, words: Sequence[str], position: np.ndarray) -> tuple[list[int], list[int]]:
        """(token index, weight row) of each word-bigram feature the model knows, in token order."""
        lowers = list(map(str.lower, words))
        starts = set(np.flatnonzero(position == 0).tolist())
        # the neighbour pairs' keys built in one map; the known ones (few in new text) go on, in order
        pairs = self._pairs
        keys = enumerate(map("|".join, pairwise(lowers)), start=1)
        known = [(index, key) for index, key in keys if key in pairs]
        targets: list[int] = []
        rows: list[int] = []
        for index, key in known:
            if index in starts:
                continue
            before, after = pairs[key]
            if before >= 0:
                targets.append(index)
                rows.append(before)
            if after >= 0:
                targets.append(index - 1)
                rows.append(after)
        return targets, rows


def _padded(flat: list[int], counts: list[int]) -> np.ndarray:
    """(items, longest count) indices: item i's ``counts[i]`` entries of ``flat``, then -1
    (the zero row appended to the tables read with these indices)."""
    sizes = np.asarray(counts, dtype=np.intp)
    index = np.full((len(sizes), int(sizes.max())), -1, dtype=np.intp)
    index[np.arange(index.shape[1]) < sizes[:, None]] = flat
    return index


def _dense_emissions(
    model: CrfModel, model_path: Path | None, scorer: WindowScorer | None, rows: dict[str, int]
) -> DenseEmissions | None:
    """The dense features' weights and scorer of a model with the ``dense`` group, else None."""
    if "dense" not in model.groups:
        return None
    if scorer is None:
        from wortlaut.ner.e5pieces import E5Pieces, shipped_whole_words

        if model_path is None or not scorer_path(model_path).is_file():
            raise ValueError(f"the model's dense window scorer is missing ({model_path} + .dense.npz)")
        scorer = WindowScorer.load(scorer_path(model_path), E5Pieces(shipped_whole_words()))
    return DenseEmissions(scorer, rows, model.weights)


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
