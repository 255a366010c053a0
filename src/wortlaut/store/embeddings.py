"""The embedding cache (table ``embeddings``) and the nesting-aware write transaction the linkers use.

Vectors (statements, articles, story centroid sums, MinHash signatures) live in
``embeddings`` under a kind that names the encoder, e.g. ``<encoder>:statement``;
text vectors are keyed by a hash of the text (:func:`text_key`), not by the
item, so a statement repeated by fifty outlets is encoded once.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING

import numpy as np

from wortlaut.store.rows import chunks, named, placeholders

if TYPE_CHECKING:
    from wortlaut.link.encoder import Encoder


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, unless the caller already holds one (then the caller commits)."""
    if connection.in_transaction:
        yield
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


def load_blobs(connection: sqlite3.Connection, kind: str, ids: Sequence[str]) -> dict[str, bytes]:
    """Stored blobs of one kind, by item id (missing ids are absent)."""
    found: dict[str, bytes] = {}
    for chunk in chunks(ids):
        rows = named(
            connection,
            "SELECT item_id, vector FROM embeddings"
            f" WHERE kind = ? AND item_id IN ({placeholders(len(chunk))})",
            [kind, *chunk],
        )
        found.update((row["item_id"], row["vector"]) for row in rows)
    return found


def load_vectors(connection: sqlite3.Connection, kind: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
    """Cached vectors of one kind, by item id (missing ids are absent)."""
    return {item_id: from_blob(blob) for item_id, blob in load_blobs(connection, kind, ids).items()}


def store_vectors(connection: sqlite3.Connection, kind: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
    store_blobs(connection, kind, [(item_id, to_blob(vector)) for item_id, vector in items])


def store_blobs(connection: sqlite3.Connection, kind: str, items: Iterable[tuple[str, bytes]]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO embeddings(kind, item_id, vector) VALUES (?, ?, ?)",
        [(kind, item_id, blob) for item_id, blob in items],
    )


def forget_blob(connection: sqlite3.Connection, kind: str, item_id: str) -> None:
    connection.execute("DELETE FROM embeddings WHERE kind = ? AND item_id = ?", (kind, item_id))


def text_key(text: str) -> str:
    """The embedding-cache key of a text: equal texts (agency copies, repeated quotes) share a vector."""
    return "h:" + hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def prefetch(
    connection: sqlite3.Connection,
    encoder: Encoder,
    requests: Sequence[tuple[str, str]],
    *,
    write: Callable[[sqlite3.Connection], AbstractContextManager[None]] | None = None,
    given: Mapping[tuple[str, str], np.ndarray] | None = None,
) -> int:
    """Encode, in ONE encoder call, every ``(kind, text)`` whose vector is not cached yet; returns the count.

    The encoder parallelises a batch across threads, so one call for all the
    texts of an ingest batch (article leads and statements) is the fastest way
    to fill the cache that :func:`cached_encode` then reads.  ``write`` (e.g.
    :func:`transaction`) wraps only the cache writes, so a caller outside a
    transaction encodes without holding the write lock.  ``given`` holds
    vectors already computed elsewhere, by ``(cache kind, text)`` with the
    cache kind ``<encoder name>:<kind>`` (ingest's workers encode each
    article's lead): a missing text found there under this encoder's name is
    cached from it instead of being encoded again, so the cache ends up the
    same (another encoder's vectors in ``given`` are never taken for this
    one's).  Returns the count of texts cached by this call.
    """
    by_kind: dict[str, dict[str, str]] = {}
    for kind, text in requests:
        by_kind.setdefault(f"{encoder.name}:{kind}", {})[text_key(text)] = text
    missing: list[tuple[str, str, str]] = []
    for cache_kind, texts in by_kind.items():
        found = load_blobs(connection, cache_kind, list(texts))
        missing += [(cache_kind, key, text) for key, text in texts.items() if key not in found]
    if missing:
        vectors = _vectors_of(encoder, missing, given or {})
        with write(connection) if write else nullcontext():
            _store_missing(connection, missing, vectors)
    return len(missing)


def _vectors_of(
    encoder: Encoder, missing: list[tuple[str, str, str]], given: Mapping[tuple[str, str], np.ndarray]
) -> np.ndarray:
    """Rows for ``missing`` in order: handed-over vectors where ``given`` has them, the rest encoded."""
    handed = [given.get((kind, text)) for kind, _, text in missing]
    todo = [text for (_, _, text), vector in zip(missing, handed, strict=True) if vector is None]
    if not given or len(todo) == len(missing):
        return encoder.encode(todo)
    encoded = iter(encoder.encode(todo) if todo else [])
    return np.stack([vector if vector is not None else next(encoded) for vector in handed])


def _store_missing(
    connection: sqlite3.Connection, missing: list[tuple[str, str, str]], vectors: np.ndarray
) -> None:
    for cache_kind in dict.fromkeys(kind for kind, _, _ in missing):
        store_vectors(
            connection,
            cache_kind,
            [(key, vectors[row]) for row, (kind, key, _) in enumerate(missing) if kind == cache_kind],
        )


def cached_encode(
    connection: sqlite3.Connection, encoder: Encoder, kind: str, items: Sequence[tuple[str, str]]
) -> dict[str, np.ndarray]:
    """Vectors for ``(item_id, text)`` pairs, by item id, encoding only texts not yet in the cache.

    The cache is keyed by the text's hash under the kind ``<encoder name>:<kind>``,
    so vectors of two encoders never mix and a text repeated by many articles
    is encoded once.
    """
    prefetch(connection, encoder, [(kind, text) for _, text in items])
    cache_kind = f"{encoder.name}:{kind}"
    found = load_vectors(connection, cache_kind, list(dict.fromkeys(text_key(text) for _, text in items)))
    return {item_id: found[text_key(text)] for item_id, text in items}
