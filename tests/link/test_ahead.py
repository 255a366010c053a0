"""A worker finds the e5 statement texts its article's own pairs decide, as linking would find them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.store.samples import TAX_QUOTES as QUOTES
from tests.store.samples import tax_article as _article
from wortlaut.article import Article
from wortlaut.link import ahead, statements
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import HashingEncoder
from wortlaut.store import Store
from wortlaut.store.handover import Analysed, with_statements
from wortlaut.store.rows import connection_of


def _stored_rows(tmp_path: Path, article: Article) -> list[statements.StatementRow]:
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        store.add_many([article], link=False)
        return statements.load_statements(connection_of(store), [article.id])


@pytest.mark.parametrize("language, published", [("de", "2024-12-18"), (None, "2024-12-18"), ("en", None)])
def test_article_rows_are_the_rows_linking_loads_once_the_article_is_stored(
    tmp_path: Path, language: str | None, published: str | None
) -> None:
    article = _article(language=language, published=published)
    rows = ahead.article_rows(article)
    assert rows == _stored_rows(tmp_path, article) or published is None  # undated: the store's ingest day
    assert len(rows) == 5 and {row.speaker for row in rows} == {"Q1", "Q2"}


def test_article_rows_are_capped_as_linking_caps_an_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead, "MAX_LINKED_STATEMENTS", 2)
    assert [row.id.rsplit(":", 1)[1] for row in ahead.article_rows(_article())] == ["s5", "s1"]


def _cascade(band: tuple[float, float]) -> CascadeEncoder:
    precise = HashingEncoder()
    precise.name = "precise-hashing"
    return CascadeEncoder(cheap=HashingEncoder(), precise=precise, band=band, leads=None)


@pytest.mark.parametrize("band", [(0.0, 0.4), (0.0, 0.2), (2.0, 2.0), (-1.0, -1.0)])
def test_the_texts_are_those_linking_reads_for_the_article_alone(
    tmp_path: Path, band: tuple[float, float]
) -> None:
    cascade, article = _cascade(band), _article()
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        store.add_many([article], link=False)
        connection = connection_of(store)
        batches = statements.plan(connection, statements.load_statements(connection, [article.id]))
        linking = [text for _, text in statements.precise_texts(connection, cascade, batches)]
    found = ahead.own_precise_texts(cascade, ahead.article_rows(article))
    assert sorted(found) == sorted(set(linking))
    assert QUOTES[2] not in found  # Q2's only statement is compared with nothing of the article


def test_one_pair_in_the_band_reads_its_closure_and_no_band_reads_nothing() -> None:
    rows = ahead.article_rows(_article())
    # hashing margins of Q1's three tax statements: 0.34, 0.58, 0.64; the fourth is months apart
    narrow = ahead.own_precise_texts(_cascade((0.0, 0.4)), rows)
    assert sorted(narrow) == sorted([QUOTES[0], QUOTES[1], QUOTES[4]])  # 0.34 in, the others clear above
    assert ahead.own_precise_texts(_cascade((0.0, 0.2)), rows) == []
    assert ahead.own_precise_texts(_cascade((-1.0, -1.0)), rows) == []


def test_a_worker_hands_over_the_precise_vectors_under_linkings_cache_kind() -> None:
    cascade = _cascade((2.0, 2.0))
    analysed = with_statements(Analysed(_article(), None), cascade)
    texts = ahead.own_precise_texts(cascade, ahead.article_rows(_article()))
    assert [key for key, _ in analysed.statements] == [("precise-hashing:statement", text) for text in texts]
    for (_, text), vector in analysed.statements:
        assert np.array_equal(vector, cascade.precise.encode([text])[0])
    assert with_statements(Analysed(_article(), None), _cascade((-1.0, -1.0))).statements == ()
