"""PostgreSQL search reads the newest matches in widening windows and returns what one query would."""

from __future__ import annotations

import pytest

from tests.pgserver import Server
from wortlaut.store import Store, pg_fts
from wortlaut.store.dialect import fts_params, fts_window
from wortlaut.store.facets import Filters, faceted_search
from wortlaut.store.search import RANK_WINDOW, article_window, newest_rids, ranked_rids, statement_window
from wortlaut.store.semantic import _text_ranks
from wortlaut.store.text import fts_query

#: Words of the benchmark vocabulary from common (rank 0) to rare (rank 3,000) and one in no row.
WORDS = ("wort0", "wort40", "wort300", "wort3000", "fehltganz")


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


def _one_query_rids(store: Store, table: str, word: str, *, ranked: bool, count: int) -> list[int]:
    """``rid`` of the newest (or best of the ``RANK_WINDOW`` newest) matches as one query gives them."""
    expression = fts_query(word, "postgresql")
    window = fts_window("postgresql", table, ranked=ranked)
    order = "score, rid DESC" if ranked else "rid DESC"
    size = RANK_WINDOW if ranked else count
    rows = store.reader.rows(
        f"SELECT rid FROM {window} f ORDER BY {order} LIMIT ?",
        (*fts_params("postgresql", expression, ranked=ranked), size, count),
    )
    return [row["rid"] for row in rows]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("table", ["articles", "statements"])
def test_windowed_rids_are_those_of_one_query(stores: dict[str, Store], table: str, word: str) -> None:
    store = stores["postgresql"]
    expression = fts_query(word, "postgresql")
    newest = _one_query_rids(store, table, word, ranked=False, count=40)
    assert newest_rids(store.reader, table, expression, 30, 10) == newest[10:]
    best = _one_query_rids(store, table, word, ranked=True, count=25)
    assert ranked_rids(store.reader, table, expression, RANK_WINDOW, 25) == best


@pytest.mark.parametrize("word", WORDS)
def test_faceted_search_finds_the_same_on_both_engines(stores: dict[str, Store], word: str) -> None:
    found = {name: faceted_search(store.reader, word, Filters(), limit=500) for name, store in stores.items()}
    assert found["postgresql"].statements == found["sqlite"].statements
    assert found["postgresql"].facets == found["sqlite"].facets
    articles = {engine: {hit.article_id for hit in result.articles} for engine, result in found.items()}
    assert articles["postgresql"] == articles["sqlite"]


@pytest.mark.parametrize("word", WORDS)
def test_semantic_text_ranks_read_the_windowed_matches(stores: dict[str, Store], word: str) -> None:
    store = stores["postgresql"]
    best = _one_query_rids(store, "statements", word, ranked=True, count=100)
    ids = {row["rid"]: row["id"] for row in store.reader.rows("SELECT rid, id FROM statements")}
    assert _text_ranks(store.reader, word) == {ids[rid]: rank for rank, rid in enumerate(best, start=1)}



def test_tops_reads_the_largest_rid_of_each_table_in_one_query(
    stores: dict[str, Store], pg_server: Server
) -> None:
    db = stores["postgresql"].reader
    found = pg_fts.tops(db, "articles", "statements")
    for table in ("articles", "statements"):
        assert found[table] == db.value(f"SELECT max(rid) FROM {table}")
    with Store.open(pg_server.url()) as empty:
        assert pg_fts.tops(empty.reader, "articles", "statements") == {"articles": None, "statements": None}
        assert empty.search("wort0").statements == ()
