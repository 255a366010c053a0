"""PostgreSQL search reads the newest matches in widening windows and returns what one query would."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.bench_queries import _INSERTS, SPEAKERS, _add_article, _zipf_weights

from tests.pgserver import Server
from wortlaut.store import Store, pg_fts
from wortlaut.store.dialect import fts_params
from wortlaut.store.search import RANK_WINDOW, article_window, statement_window
from wortlaut.store.text import fts_query

#: Words of the benchmark vocabulary from common (rank 0) to rare (rank 3,000) and one in no row.
WORDS = ("wort0", "wort40", "wort300", "wort3000", "fehltganz")


@pytest.fixture(scope="module")
def stores(pg_server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Store]]:
    """The same 3,000 synthetic statements (300 articles) in SQLite and in PostgreSQL."""
    sqlite = str(Path(tmp_path_factory.mktemp("fts")) / "s.sqlite")
    locations = {"sqlite": sqlite, "postgresql": pg_server.url()}
    opened = {}
    for engine, location in locations.items():
        with Store.open(location) as store:
            _fill(store, articles=300)
        opened[engine] = Store.open(location, readonly=True)
    yield opened
    for store in opened.values():
        store.close()


def _fill(store: Store, articles: int) -> None:
    """The benchmark's synthetic articles (10 statements each) over 5,000 words ``wort0``… (Zipf)."""
    words = [f"wort{rank}" for rank in range(5_000)]
    weights = list(itertools.accumulate(_zipf_weights(len(words))))
    speakers = list(itertools.accumulate(_zipf_weights(SPEAKERS)))
    names = [(f"P{index}", f"Vorname{index} Nachname{index}") for index in range(SPEAKERS)]
    rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in _INSERTS}
    rng = random.Random(3)
    for number in range(articles):
        _add_article(rows, rng, number, words, {word: word for word in words}, weights, speakers, names)
    with store.transaction():
        for table, sql in _INSERTS.items():
            store.connection.executemany(sql, rows[table])


@pytest.fixture(autouse=True)
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows of a few rows, so that a 300-article store needs several of them."""
    monkeypatch.setattr(pg_fts, "MIN_FIRST_SPAN", 5)
    monkeypatch.setattr(pg_fts, "FIRST_SPAN_PER_MATCH", 1)


def _one_query(store: Store, word: str, limit: int, offset: int) -> tuple[list[str], list[str]]:
    """Article and statement ids as the single window queries of :mod:`wortlaut.store.dialect` give them."""
    expression = fts_query(word, "postgresql")
    db = store.reader
    articles = db.rows(
        f"SELECT a.id FROM {article_window('postgresql')} f JOIN articles a ON a.rid = f.rid"
        " ORDER BY f.score, f.rid DESC LIMIT ? OFFSET ?",
        (*fts_params("postgresql", expression, ranked=True), RANK_WINDOW, limit, offset),
    )
    statements = db.rows(
        f"SELECT s.id FROM {statement_window('postgresql')} f JOIN statements s ON s.rid = f.rid"
        " ORDER BY f.rid DESC",
        (expression, limit, offset),
    )
    return [row["id"] for row in articles], [row["id"] for row in statements]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize(("limit", "offset"), [(20, 0), (7, 13), (500, 0)])
def test_windowed_search_returns_the_rows_of_one_query(
    stores: dict[str, Store], word: str, limit: int, offset: int
) -> None:
    result = stores["postgresql"].search(word, limit=limit, offset=offset)
    articles, statements = _one_query(stores["postgresql"], word, limit, offset)
    assert [hit.id for hit in result.articles] == articles
    assert [hit.id for hit in result.statements] == statements


@pytest.mark.parametrize("word", WORDS)
def test_statements_come_in_the_same_order_on_both_engines(stores: dict[str, Store], word: str) -> None:
    pages = {engine: store.search(word, limit=30, offset=5) for engine, store in stores.items()}
    assert pages["postgresql"].statements == pages["sqlite"].statements
    assert {hit.id for hit in pages["postgresql"].articles} <= {
        hit.id for hit in stores["sqlite"].search(word, limit=RANK_WINDOW).articles
    }


def test_newest_matches_widens_until_it_has_enough(stores: dict[str, Store]) -> None:
    db = stores["postgresql"].reader
    expression = fts_query("wort300", "postgresql")
    every = [row["rid"] for row in db.rows(
        "SELECT rid FROM statements WHERE stem_tsv @@ to_tsquery('simple', ?) ORDER BY rid DESC",
        (expression,),
    )]
    assert len(every) > 10  # the word is spread over many windows of 5 rows
    assert pg_fts.newest_matches(db, "statements", expression, 10) == every[:10]
    assert pg_fts.newest_matches(db, "statements", expression, 10_000) == every
    assert pg_fts.newest_matches(db, "statements", expression, 0) == []


def test_the_session_gets_its_index_scans_back_after_a_search(stores: dict[str, Store]) -> None:
    store = stores["postgresql"]
    store.search("wort300")
    assert store.reader.value("SHOW enable_indexscan") == "on"
