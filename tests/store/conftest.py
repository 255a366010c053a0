"""The benchmark's synthetic store, small, on both engines (shared by the PostgreSQL query tests)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.bench_queries import _INSERTS, SPEAKERS, _add_article, _zipf_weights

from tests.pgserver import Server
from wortlaut.store import Store


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
