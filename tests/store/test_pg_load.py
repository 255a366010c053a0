"""``wortlaut load``'s write path (batch link tables into a store) gives the same store on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.pgserver import Server
from wortlaut.article import Article
from wortlaut.eval.stories import load_collection
from wortlaut.link import HashingEncoder
from wortlaut.scale import links
from wortlaut.scale.load import write_links
from wortlaut.store import Store

TABLES = ("duplicates", "statement_groups", "statement_group_members", "stories", "story_articles",
          "link_story_entities", "link_pending")  # fmt: skip


Tables = dict[str, list[dict[str, Any]]]


def _loaded(location: str | Path, collection: list[Article], tables: Tables) -> dict[str, list[Any]]:
    with Store.open(location) as store:
        store.add_many(collection, link=False)
        with store.transaction() as connection:
            write_links(connection, tables, collection)
        found: dict[str, list[Any]] = {
            table: sorted(tuple(row) for row in store.connection.execute(f"SELECT * FROM {table}").fetchall())
            for table in TABLES
        }
        found["digests"] = sorted(tuple(row) for row in store.connection.execute(
            "SELECT id, digest IS NOT NULL FROM stories").fetchall())  # fmt: skip
        found["stories()"] = [story.id for story in store.stories(limit=50)]
    return found


@pytest.mark.slow
def test_batch_link_tables_load_into_postgresql_as_into_sqlite(pg_server: Server, tmp_path: Path) -> None:
    collection = [gold.article for gold in load_collection()[0]]
    tables = links.link_tables(collection, HashingEncoder())
    lite = _loaded(tmp_path / "s.sqlite", collection, tables)
    pg = _loaded(pg_server.url(), collection, tables)
    assert lite["statement_group_members"] and lite["stories"] and not lite["link_pending"]
    assert {name: len(rows) for name, rows in pg.items()} == {name: len(rows) for name, rows in lite.items()}
    assert pg == lite
