"""Exact and near-duplicate articles: normalised-text hash and MinHash LSH kept in SQLite.

Agency reports are republished with small edits (another headline, a dropped
paragraph, an added byline).  Word-trigram shingles summarised by a MinHash
signature estimate the Jaccard overlap of two texts; LSH banding turns "which
stored article overlaps this one" into one indexed lookup per band, so adding
an article costs the same with ten or a million articles stored.  The bands
live in the ``link_lsh`` table (the persisted LSH state), the signatures in
``embeddings`` (kind ``minhash``) to confirm a candidate's overlap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from wortlaut.link.minhash import hash_values
from wortlaut.link.text import text_hash, word_shingles, words, words_hash
from wortlaut.store import embeddings, link_tables
from wortlaut.store.rows import Connection

#: Word n-gram size of a shingle; trigrams make an edited sentence break only a few shingles.
SHINGLE_SIZE = 3
#: MinHash permutations: 128 gives a standard error of about 0.04 on the Jaccard estimate.
NUM_PERM = 128
#: Estimated shingle Jaccard from which two articles count as near-duplicates.  The agency copies
#: in src/wortlaut/eval/data/stories (new headline, a sentence added or dropped) score 0.62 and
#: 0.75; different reports of one story score below 0.05.  Short texts are the hard case: one
#: changed sentence breaks a large share of their shingles, so the bar sits at 0.6.
NEAR_DUPLICATE_JACCARD = 0.6
#: Jaccard the LSH bands are laid out for.  Set below the confirmation bar so that a pair just
#: above it becomes a candidate almost surely: datasketch lays out 32 bands of 4 rows for 0.4,
#: which finds a pair at Jaccard 0.6 with probability 0.99 (the 25 × 5 bands for 0.5: 0.87, and
#: one of the two copies in the collection was missed that way); a pair at 0.2 is a candidate with
#: probability 0.05 and is then rejected on the signatures.
LSH_THRESHOLD = 0.4
#: (bands, rows per band): what datasketch's ``MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)``
#: finds optimal (a test asks it again).  Kept here because datasketch's LSH imports scipy, 0.47 CPU s
#: of every ingest's start before the workers fork (docs/performance.md, 17zm).
BANDS = (32, 4)
#: Band used in ``link_lsh`` for the exact (normalised text) hash.
EXACT_BAND = -1
#: Cache kind of the signatures in ``embeddings``, and the key kind of a signature ingest's workers
#: hand over (``(SIGNATURE_KIND, text)``, see :func:`find`).
SIGNATURE_KIND = "minhash"
#: Key kind of a text's exact hash handed over beside its signature (``(HASH_KIND, text)``; the
#: hash's 16 bytes as a uint8 array, :func:`handed_over`): splitting the text into words and hashing
#: them cost the main process 0.2-0.4 CPU ms an article when only the signature came from a worker.
HASH_KIND = "text-hash"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article found to be a copy of an earlier one."""

    article_id: str
    duplicate_of: str
    kind: str  # "exact" or "near"
    similarity: float


def bands() -> tuple[int, int]:
    """(bands, rows per band) that datasketch finds optimal for the threshold (:data:`BANDS`)."""
    return BANDS


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64) of a text's word shingles."""
    return _signature(words(text))


def handed_over(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(:func:`signature`, the exact hash as a uint8 array) of a text, its words split once: what
    ingest's workers hand over (see :data:`HASH_KIND`; :func:`unpack_hash` reads the hash back)."""
    tokens = words(text)
    return _signature(tokens), np.frombuffer(bytes.fromhex(words_hash(tokens)), dtype=np.uint8)


def unpack_hash(packed: np.ndarray | None) -> str | None:
    """The exact hash (:func:`~wortlaut.link.text.text_hash`) :func:`handed_over` packed, or ``None``."""
    return None if packed is None else packed.tobytes().hex()


def _signature(tokens: list[str]) -> np.ndarray:
    """datasketch's ``MinHash(num_perm=NUM_PERM, seed=1)`` of the shingles (:mod:`wortlaut.link.minhash`)."""
    grams = [gram.encode("utf-8") for gram in word_shingles(tokens, size=SHINGLE_SIZE)]
    return np.asarray(hash_values(grams, num_perm=NUM_PERM, seed=1), dtype=np.uint64)


#: The last text :func:`find` read, with its exact hash: :func:`index` follows with the
#: same text and reads the hash from here instead of splitting the text into words again.
_last_seen: tuple[str, str] | None = None


def _features(
    text: str, signature: np.ndarray | None = None, exact_hash: str | None = None
) -> tuple[str, np.ndarray]:
    """(exact hash, MinHash signature) of a text, its words split once; ``signature`` (and
    ``exact_hash``, read only with it) when given."""
    global _last_seen
    if signature is None:
        tokens = words(text)
        exact_hash, hashvalues = words_hash(tokens), _signature(tokens)
    else:
        exact_hash, hashvalues = exact_hash or text_hash(text), signature
    _last_seen = (text, exact_hash)
    return exact_hash, hashvalues


def _exact_hash(text: str) -> str:
    seen = _last_seen
    return seen[1] if seen is not None and seen[0] == text else text_hash(text)


def _buckets(hashvalues: np.ndarray) -> list[tuple[int, str]]:
    count, rows = bands()
    return [
        (
            band,
            hashlib.blake2b(hashvalues[band * rows : (band + 1) * rows].tobytes(), digest_size=8).hexdigest(),
        )
        for band in range(count)
    ]


def _root(connection: Connection, article_id: str) -> str:
    """The original an article is a copy of (itself when it is none)."""
    return link_tables.duplicate_of(connection, article_id) or article_id


def _signatures(connection: Connection, ids: list[str]) -> dict[str, np.ndarray]:
    blobs = embeddings.load_blobs(connection, SIGNATURE_KIND, ids)
    return {item_id: np.frombuffer(blob, dtype=np.uint64) for item_id, blob in blobs.items()}


def find(
    connection: Connection,
    article_id: str,
    text: str,
    signature: np.ndarray | None = None,
    exact_hash: str | None = None,
) -> tuple[Duplicate | None, np.ndarray]:
    """The earlier article this one copies, if any, and the article's signature.

    ``signature`` is the text's :func:`signature` computed elsewhere (ingest's
    workers compute it beside the analysis, on every core): it is not computed again;
    nor is ``exact_hash``, the text's :func:`~wortlaut.link.text.text_hash`, when given with it.
    """
    exact_hash, hashvalues = _features(text, signature, exact_hash)
    exact = link_tables.exact_copy(connection, EXACT_BAND, exact_hash, article_id)
    if exact:
        return Duplicate(article_id, _root(connection, exact), "exact", 1.0), hashvalues
    candidates = set(link_tables.bucket_members(connection, _buckets(hashvalues), article_id))
    if not candidates:
        return None, hashvalues
    scored = [
        (float(np.mean(other == hashvalues)), other_id)
        for other_id, other in _signatures(connection, sorted(candidates)).items()
    ]
    score, best = max(scored, default=(0.0, ""))
    if score < NEAR_DUPLICATE_JACCARD:
        return None, hashvalues
    return Duplicate(article_id, _root(connection, best), "near", round(score, 4)), hashvalues


def index(connection: Connection, article_id: str, text: str, hashvalues: np.ndarray) -> None:
    """Add an article to the LSH index (idempotent)."""
    forget(connection, article_id)
    link_tables.index_buckets(
        connection, article_id, [(EXACT_BAND, _exact_hash(text)), *_buckets(hashvalues)]
    )
    embeddings.store_blobs(connection, SIGNATURE_KIND, [(article_id, hashvalues.astype(np.uint64).tobytes())])


def record(connection: Connection, duplicate: Duplicate) -> None:
    link_tables.record_duplicate(
        connection, duplicate.article_id, duplicate.duplicate_of, duplicate.kind, duplicate.similarity
    )


def forget(connection: Connection, article_id: str) -> None:
    """Drop an article from the index and the duplicate links."""
    link_tables.forget_buckets(connection, article_id)
    embeddings.forget_blob(connection, SIGNATURE_KIND, article_id)
    link_tables.forget_duplicate(connection, article_id)
