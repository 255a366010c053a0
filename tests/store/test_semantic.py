"""Search by meaning: the vector index, "statements like this one" and hybrid free-text search."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from tests.store.samples import filler_article, rutte_article, selenskyj_article
from wortlaut.link import HashingEncoder
from wortlaut.store import NotFoundError, QueryError, QueryTimeoutError, Store
from wortlaut.store.vectors import VectorIndex

ENCODER = HashingEncoder()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "semantic.sqlite")
    opened.add_many(
        [
            rutte_article(),
            rutte_article(url="https://example.org/copy", quote="Wir müssen noch mehr tun."),
            selenskyj_article(),
            *(filler_article(number) for number in range(3)),
        ],
        link=False,
    )
    return opened


def _ids(store: Store) -> list[tuple[str, str]]:
    return store.connection.execute("SELECT id, quote_text FROM statements ORDER BY rid").fetchall()


def test_vector_index_top_is_best_first_and_skips_excluded() -> None:
    matrix = np.eye(4, dtype=np.float32)
    index = VectorIndex(("a", "b", "c", "d"), matrix)
    query = np.array([0.9, 0.5, 0.1, 0.0], dtype=np.float32)
    assert [row for row, _ in index.top(query, 3)] == [0, 1, 2]
    assert [row for row, _ in index.top(query, 2, exclude={0})] == [1, 2]


def test_vector_index_float16_gives_the_same_order_as_float32() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(500, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    keys = [str(i) for i in range(500)]
    full = VectorIndex.build(keys, list(vectors), 32)
    half = VectorIndex.build(keys, list(vectors), 32, dtype="float16")
    assert [r for r, _ in full.top(vectors[3], 5)] == [r for r, _ in half.top(vectors[3], 5)]


def test_vector_index_stops_after_its_deadline() -> None:
    index = VectorIndex(("a",), np.ones((1, 2), dtype=np.float32))
    with pytest.raises(QueryTimeoutError):
        index.top(np.ones(2, dtype=np.float32), 1, deadline=time.monotonic() - 1)


def test_similar_finds_the_paraphrase_first_and_never_the_statement_itself(store: Store) -> None:
    rows = _ids(store)
    original = next(sid for sid, quote in rows if quote == "Wir müssen mehr tun.")
    hits = store.similar(original, limit=3, encoder=ENCODER)
    assert original not in [hit.statement_id for hit in hits]
    assert hits[0].quote == "Wir müssen noch mehr tun."
    assert hits[0].similarity is not None and hits[0].similarity > 0.5
    assert [hit.similarity for hit in hits] == sorted((hit.similarity for hit in hits), reverse=True)


def test_similar_of_an_unknown_statement_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no statement"):
        store.similar("nope", encoder=ENCODER)


def test_semantic_search_fuses_meaning_and_words_with_ranks(store: Store) -> None:
    hits = store.semantic_search("mehr tun", limit=5, encoder=ENCODER)
    assert "mehr tun" in hits[0].quote
    assert hits[0].semantic_rank is not None and hits[0].text_rank is not None
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    vector_only = store.semantic_search("mehr tun", limit=5, hybrid=False, encoder=ENCODER)
    assert all(hit.text_rank is None for hit in vector_only)


def test_semantic_search_rejects_an_empty_query(store: Store) -> None:
    with pytest.raises(QueryError):
        store.semantic_search("  ", encoder=ENCODER)


def test_index_is_refreshed_when_the_store_changes(store: Store) -> None:
    before = store.semantic_search("Haushalt Schuldenbremse", limit=50, hybrid=False, encoder=ENCODER)
    store.add_many([filler_article(99)], link=False)
    after = store.semantic_search("Haushalt Schuldenbremse", limit=50, hybrid=False, encoder=ENCODER)
    assert len(after) == len(before) + 1


def test_missing_vectors_are_saved_in_a_writable_store(store: Store) -> None:
    store.similar(_ids(store)[0][0], encoder=ENCODER)
    saved = store.connection.execute(
        "SELECT COUNT(*) FROM embeddings WHERE kind = ?", (f"{ENCODER.name}:statement",)
    ).fetchone()[0]
    assert saved == len({quote for _, quote in _ids(store)})
