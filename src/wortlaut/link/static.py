"""A static sentence encoder distilled from e5: a weighted mean of word vectors, no model at run time.

The table (``models/static-e5/table.npz``, built by :mod:`wortlaut.link.distil`)
holds one e5 vector per frequent German and English word, centred and reduced
by PCA, with a SIF weight per word.  A text's vector is the weighted mean of
its words' vectors: the cost of a tokenising regex and a few dictionary
lookups, against tens of milliseconds per text for e5.  Because the word
vectors come from the multilingual model, ``Regierung`` and ``government`` stay
close, so translations keep part of their similarity; what a bag of words
cannot see (word order, negation, paraphrase by other words) is what the
cascade (:mod:`wortlaut.link.cascade`) sends to e5.

A word outside the table is looked up case-folded, then split at hyphens, then
(German compounds put the head last) by its longest known suffix of at least
:data:`MIN_PART` letters and the known prefix before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from wortlaut.filecache import derived_path, read_or_build
from wortlaut.link.encoder import normalise

#: The first table: e5 of each word alone, PCA-256 (wortlaut.link.distil); kept as the trained table's prior.
FIRST_TABLE = Path(__file__).resolve().parents[1] / "models" / "static-e5" / "table.npz"
#: The table the encoder reads by default: word vectors trained so that their mean imitates e5 on
#: sentences, in e5's own space (wortlaut.link.fit_static, issue 17w; docs/quality.md): on held-out
#: text its pair cosines follow e5's with Spearman 0.45 against 0.19 for the first table.
TABLE = Path(__file__).resolve().parents[1] / "models" / "static-e5-tl" / "table.npz"
#: Version of the cached word rows' format (:func:`_rows`: one ``.npy``); a new one is a new file.
ROWS_VERSION = 1
#: Shortest compound part looked up when a word is not in the table (shorter suffixes such as
#: ``-ung`` or ``-en`` are inflection, not a head noun).
MIN_PART = 4
WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def lookup(word: str, index: dict[str, int]) -> list[int]:
    """Rows of ``index`` standing for one word: itself case-folded, its hyphen parts, or its longest
    known suffix of at least :data:`MIN_PART` letters (with the known modifier before it)."""
    key = word.casefold()
    found = index.get(key)
    if found is not None:
        return [found]
    if "-" in key:
        return [row for part in key.split("-") if part for row in lookup(part, index)]
    for cut in range(1, len(key) - MIN_PART + 1):
        head = index.get(key[cut:])
        if head is not None:
            modifier = index.get(key[:cut]) if cut >= MIN_PART else None
            return [head] if modifier is None else [head, modifier]
    return []


@dataclass(frozen=True)
class Table:
    """A loaded table: word index, dequantised rows (float32), SIF weights, and how rows map to output.

    The first table (``static-e5``) is a PCA of e5 word vectors: a text's vector is the weighted sum
    minus the ``background``.  A trained table (``static-e5-tl``, :mod:`wortlaut.link.fit_static`)
    holds rows in the PCA axes of e5 *sentence* vectors: the weighted mean times ``components`` plus
    ``centre`` (the centred part scaled to ``radius``, e5's typical length) lies in e5's own space, an
    imitation of e5's vector of the text.
    """

    index: dict[str, int]
    vectors: np.ndarray
    weights: np.ndarray
    background: np.ndarray
    components: np.ndarray | None
    centre: np.ndarray | None
    radius: float


@cache
def _table(path: Path) -> Table:
    """The table at ``path``, loaded once per process (a shipped table's word rows mapped from the
    cache folder, :func:`_rows`)."""
    if not path.is_file():
        raise RuntimeError(
            f"{path}: the static encoder's table is missing; build it with wortlaut.link.distil"
        )
    shipped = path.resolve().is_relative_to(TABLE.parents[1])  # other tables (training, tests): not cached
    cached = derived_path("static-rows", path.read_bytes(), ROWS_VERSION) if shipped else None
    with np.load(path) as data:
        words = [str(word) for word in data["words"]]
        vectors = _rows(data, cached, len(words))
        weights = data["weights"].astype(np.float32)
        background = data["background"] if "background" in data else np.zeros(vectors.shape[1])
        components = data["components"].astype(np.float32) if "components" in data else None
        centre = data["centre"].astype(np.float32) if "centre" in data else None
        radius = float(data["radius"]) if "radius" in data else 1.0
    index = {word: row for row, word in enumerate(words)}
    background = np.asarray(background, dtype=np.float32)
    return Table(index, vectors, weights, background, components, centre, radius)


def _rows(data: Any, cached: Path | None, count: int) -> np.ndarray:
    """The dequantised word rows (``vectors`` as float32 times ``scales``), mapped from the cache folder.

    Unpacking and dequantising them cost 0.1-0.17 CPU s in every ingest's main process before the
    workers fork; the cached file holds the same float32 bits, and mapped, the forked processes share
    its pages through the page cache (:mod:`wortlaut.filecache`).  Computed here when the file is
    missing, damaged or cannot be written, and always for ``cached=None``.
    """
    scales = data["scales"]

    def mapped(path: Path) -> np.ndarray:
        rows = np.load(path, mmap_mode="r", allow_pickle=False)
        if rows.dtype != np.result_type(np.float32, scales.dtype) or rows.shape[:1] != (count,):
            raise ValueError(f"{path}: {rows.dtype} rows of shape {rows.shape}, not the table's")
        return np.asarray(rows)

    def computed() -> np.ndarray:
        return np.asarray(data["vectors"].astype(np.float32) * scales[:, None])

    return read_or_build(cached, mapped, computed, lambda rows, out: np.save(out, rows, allow_pickle=False))


class StaticEncoder:
    """Weighted mean of e5 word vectors (see module docstring); family ``static``."""

    family = "static"

    def __init__(self, *, path: Path = TABLE) -> None:
        table = _table(path)
        self._index, self._vectors, self._weights = table.index, table.vectors, table.weights
        self._background, self._components, self._centre = table.background, table.components, table.centre
        self._radius = table.radius
        self.dim = int(self._vectors.shape[1] if self._components is None else self._components.shape[1])
        trained = "" if self._components is None else "-tl"
        self.name = f"static-e5{trained}-{len(self._index) // 1000}k-{self._vectors.shape[1]}"

    def _lookup(self, word: str) -> list[int]:
        """Table rows standing for one word (empty when nothing of it is known)."""
        return lookup(word, self._index)

    def _vector(self, text: str) -> np.ndarray:
        rows = [row for word in WORDS.findall(text) for row in self._lookup(word)]
        if not rows:
            return np.zeros(self.dim, dtype=np.float32)
        picked = np.asarray(rows)
        weights = self._weights[picked]
        if self._components is not None and self._centre is not None:
            # e5's space: the centred part at e5's typical length from its centre (fit_static.place)
            centred = (weights @ self._vectors[picked]) @ self._components
            length = float(np.linalg.norm(centred)) or 1.0
            return np.asarray(centred * (self._radius / length) + self._centre, dtype=np.float32)
        return np.asarray(
            weights @ self._vectors[picked] - weights.sum() * self._background, dtype=np.float32
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(np.stack([self._vector(text) for text in texts]))
