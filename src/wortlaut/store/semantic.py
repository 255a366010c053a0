"""Search by meaning: statements like a given one, and free-text search fusing meaning and words.

The linker already keeps a vector for each statement text in ``embeddings``
(kind ``<encoder>:statement``, keyed by :func:`wortlaut.store.embeddings.text_key`, so
a statement repeated by fifty outlets has one vector).  This module loads
those vectors once per process into a :class:`~wortlaut.store.vectors.VectorIndex`
and reloads them when the store changed (a cheap signature: the newest
embedding and statement rows and the statement count).  Statements the
linker never encoded (a speaker's lone first statement) are encoded when the
index is built, and their vectors are saved when the store is writable.

Free-text search ranks statements twice, by cosine to the encoded query and
by BM25 over the German full-text index, and fuses the two lists with
reciprocal rank fusion (Cormack, Clarke & Büttcher 2009): score =
Σ 1 / (:data:`RRF_K` + rank).  RRF needs no score calibration between the
two rankers, which have incomparable scales.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wortlaut.link.encoder import Encoder
from wortlaut.store.embeddings import from_blob, prefetch, text_key, transaction
from wortlaut.store.errors import NotFoundError
from wortlaut.store.reader import Reader, Row
from wortlaut.store.rows import among
from wortlaut.store.search import ranked_rids
from wortlaut.store.text import fts_query, words
from wortlaut.store.vectors import VectorIndex

#: The RRF constant of Cormack et al. (2009), used unchanged: it damps the weight of the very first ranks.
RRF_K = 60
#: Candidates taken from each ranker before fusion: a statement beyond rank 100 of both adds < 1/160.
CANDIDATES = 100
#: Full-text matches ranked by BM25, the most recent first (as :data:`wortlaut.store.search.RANK_WINDOW`).
TEXT_WINDOW = 1_000


@dataclass(frozen=True, slots=True, kw_only=True)
class SemanticHit:
    """A statement found by meaning, with the ranks that put it there (``None``: not among the candidates)."""

    statement_id: str
    article_id: str
    title: str | None
    url: str | None
    date: str | None
    quote: str
    speaker: str | None
    speaker_entity: str | None
    score: float
    similarity: float | None
    semantic_rank: int | None
    text_rank: int | None


@dataclass(frozen=True, slots=True)
class VectorData:
    index: VectorIndex
    statements: dict[str, list[str]]  # text key -> statement ids
    key_of: dict[str, str]  # statement id -> text key
    row_of: dict[str, int]  # text key -> matrix row


_CACHE: dict[tuple[str, str], tuple[tuple[int, ...], VectorData]] = {}
_LOCK = threading.Lock()


def _signature(db: Reader) -> tuple[int, ...]:
    row = next(
        db.scan(
            "SELECT COALESCE((SELECT MAX(rowid) FROM embeddings), 0) AS embedding,"
            " COALESCE((SELECT MAX(rid) FROM statements), 0) AS statement,"
            " (SELECT COUNT(*) FROM statements) AS n"
        )
    )
    return (int(row["embedding"]), int(row["statement"]), int(row["n"]))


def loaded(db: Reader, encoder: Encoder, *, cache_key: str, writable: bool) -> VectorData:
    """The process's index of the store's statement vectors, rebuilt when the store changed."""
    with _LOCK:
        key = (cache_key, encoder.name)
        signature = _signature(db)
        cached = _CACHE.get(key)
        if cached and cached[0] == signature:
            return cached[1]
        built = _build(db, encoder, writable)
        _CACHE[key] = (_signature(db), built)
        return built


def _build(db: Reader, encoder: Encoder, writable: bool) -> VectorData:
    statements: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for row in db.scan("SELECT id, COALESCE(quote_text, '') AS quote FROM statements"):
        key = text_key(row["quote"])
        statements.setdefault(key, []).append(row["id"])
        texts.setdefault(key, row["quote"])
    vectors = _cached_vectors(db, encoder, set(texts))
    missing = [key for key in texts if key not in vectors]
    if missing:
        vectors.update(_encode_missing(db, encoder, [texts[key] for key in missing], writable))
    keys = [key for key in texts if key in vectors and texts[key].strip()]
    index = VectorIndex.build(keys, [vectors[key] for key in keys], encoder.dim)
    key_of = {sid: key for key, ids in statements.items() for sid in ids}
    return VectorData(index, statements, key_of, {key: row for row, key in enumerate(keys)})


def _cached_vectors(db: Reader, encoder: Encoder, wanted: set[str]) -> dict[str, np.ndarray]:
    """The cached statement vectors of the encoder whose text keys are ``wanted``."""
    rows = db.scan("SELECT item_id, vector FROM embeddings WHERE kind = ?", (f"{encoder.name}:statement",))
    return {row["item_id"]: from_blob(row["vector"]) for row in rows if row["item_id"] in wanted}


def _encode_missing(db: Reader, encoder: Encoder, texts: list[str], writable: bool) -> dict[str, np.ndarray]:
    """Vectors of texts the linker never encoded; saved to the cache when the store is writable."""
    if writable:
        prefetch(db.connection, encoder, [("statement", text) for text in texts], write=transaction)
        return _cached_vectors(db, encoder, {text_key(text) for text in texts})
    encoded = encoder.encode(texts)
    return {text_key(text): encoded[row] for row, text in enumerate(texts)}


def similar(
    db: Reader,
    data: VectorData,
    encoder: Encoder,
    statement_id: str,
    *,
    limit: int,
    deadline: float | None,
) -> list[SemanticHit]:
    """Statements most like ``statement_id`` by cosine, best first (itself excluded, its copies not)."""
    key = data.key_of.get(statement_id)
    if key is None:
        raise NotFoundError(f"no statement with id {statement_id!r}")
    row = data.row_of.get(key)
    if row is not None:
        vector = data.index.matrix[row].astype(np.float32)
    else:
        quote = db.value("SELECT quote_text FROM statements WHERE id = ?", (statement_id,))
        vector = encoder.encode([quote or ""])[0]
    found = data.index.top(vector, limit + 1, deadline=deadline)
    ranked: list[tuple[str, float, int]] = []
    for rank, (hit_row, cosine) in enumerate(found, start=1):
        for sid in data.statements[data.index.keys[hit_row]]:
            if sid != statement_id:
                ranked.append((sid, cosine, rank))
    ranked = ranked[:limit]
    details = _details(db, [sid for sid, _, _ in ranked])
    return [
        _hit(details[sid], score=cosine, similarity=cosine, semantic_rank=rank, text_rank=None)
        for sid, cosine, rank in ranked
        if sid in details
    ]


def search(
    db: Reader,
    data: VectorData,
    encoder: Encoder,
    query: str,
    *,
    limit: int,
    hybrid: bool,
    deadline: float | None,
) -> list[SemanticHit]:
    """Statements matching ``query`` by meaning, fused with full-text ranks unless ``hybrid`` is false."""
    vector = encoder.encode([query])[0]
    semantic: dict[str, tuple[int, float]] = {}
    for rank, (row, cosine) in enumerate(data.index.top(vector, CANDIDATES, deadline=deadline), start=1):
        for sid in data.statements[data.index.keys[row]]:
            semantic.setdefault(sid, (rank, cosine))
    textual = _text_ranks(db, query) if hybrid else {}
    scores: dict[str, float] = {}
    for sid, (rank, _) in semantic.items():
        scores[sid] = 1 / (RRF_K + rank)
    for sid, rank in textual.items():
        scores[sid] = scores.get(sid, 0.0) + 1 / (RRF_K + rank)
    best = sorted(scores, key=lambda sid: (-scores[sid], sid))[:limit]
    details = _details(db, best)
    return [
        _hit(
            details[sid],
            score=scores[sid],
            similarity=semantic[sid][1] if sid in semantic else None,
            semantic_rank=semantic[sid][0] if sid in semantic else None,
            text_rank=textual.get(sid),
        )
        for sid in best
        if sid in details
    ]


def _text_ranks(db: Reader, query: str) -> dict[str, int]:
    """Statement id -> BM25 rank among the :data:`TEXT_WINDOW` most recent full-text matches."""
    terms = [term for term in words(query) if term.isalnum()]
    if not terms:
        return {}
    expression = fts_query(" OR ".join(terms), db.dialect)  # any word counts: the vector side judges meaning
    if not expression:
        return {}
    rids = ranked_rids(db, "statements", expression, TEXT_WINDOW, CANDIDATES)
    condition, params = among(db.dialect, "rid", rids)
    ids = {row["rid"]: row["id"] for row in db.rows(
        f"SELECT rid, id FROM statements WHERE {condition}", params
    )} if rids else {}  # fmt: skip
    return {ids[rid]: rank for rank, rid in enumerate(rids, start=1) if rid in ids}


def _details(db: Reader, ids: Sequence[str]) -> dict[str, Row]:
    found: dict[str, Row] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        rows = db.rows(
            "SELECT s.id, s.article_id, a.title, a.url, s.date, COALESCE(s.quote_text, '') AS quote,"
            " COALESCE(e.name, s.speaker_text) AS speaker, s.speaker_entity FROM statements s"
            " JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_entity"
            f" WHERE s.id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        found.update((row["id"], row) for row in rows)
    return found


def _hit(
    row: Row,
    *,
    score: float,
    similarity: float | None,
    semantic_rank: int | None,
    text_rank: int | None,
) -> SemanticHit:
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return SemanticHit(
        statement_id=str(row["id"]),
        article_id=str(row["article_id"]),
        title=text(row["title"]),
        url=text(row["url"]),
        date=text(row["date"]),
        quote=str(row["quote"]),
        speaker=text(row["speaker"]),
        speaker_entity=text(row["speaker_entity"]),
        score=round(score, 6),
        similarity=None if similarity is None else round(similarity, 4),
        semantic_rank=semantic_rank,
        text_rank=text_rank,
    )


def origin(db: Reader, statement_id: str) -> SemanticHit:
    """One statement as a hit without ranks: the "like this one" a similar-statements page starts from."""
    row = _details(db, [statement_id]).get(statement_id)
    if row is None:
        raise NotFoundError(f"no statement with id {statement_id!r}")
    return _hit(row, score=1.0, similarity=None, semantic_rank=None, text_rank=None)
