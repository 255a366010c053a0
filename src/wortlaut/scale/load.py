"""``wortlaut load``: put a batch output (records and, when computed, link tables) into a store.

The records go in through :func:`wortlaut.link.flow.add_and_link`.  When the
batch computed the cross-article tables (``links/*.parquet``), their rows are
written into the store's link tables and the rest of what the incremental
linker keeps is rebuilt from them: story digests
(:func:`wortlaut.link.digest.refresh`), alias evidence
(:func:`wortlaut.link.aliases.record`) and the duplicate index
(:func:`wortlaut.link.duplicates.index`), so a later ``wortlaut ingest``
links new articles against the loaded ones as if they had been ingested.
Without link tables the incremental linker runs on each batch as in ``ingest``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wortlaut.article import Article
from wortlaut.link import aliases, duplicates, stories
from wortlaut.link.digest import refresh as refresh_digests
from wortlaut.link.flow import add_and_link
from wortlaut.scale.links import GROUP_TABLES, STORY_TABLES
from wortlaut.scale.records import LINKS_DIR, read_records
from wortlaut.store import Store, link_tables
from wortlaut.store.bulk import write_rows
from wortlaut.store.rows import Connection

#: Articles per store transaction, as in ``wortlaut ingest``.
LOAD_BATCH = 32
#: Link tables a batch output may hold, in the order they are written.
LINK_TABLES = ("duplicates", *GROUP_TABLES, *STORY_TABLES, "embeddings")


@dataclass
class LoadReport:
    """What a load did."""

    added: int = 0
    unchanged: int = 0
    linked_from_batch: bool = False
    #: Articles whose incremental linking failed (logged; they wait in the link journal).
    unlinked: int = 0


def read_tables(folder: str | Path) -> dict[str, list[dict[str, Any]]] | None:
    """The link tables of a batch output, or ``None`` when the batch did not compute them."""
    import pyarrow.parquet as pq

    root = Path(folder) / LINKS_DIR
    if not root.is_dir():
        return None
    return {
        table: pq.read_table(root / f"{table}.parquet").to_pylist()
        if (root / f"{table}.parquet").exists()
        else []
        for table in LINK_TABLES
    }


def load(store: Store, folder: str | Path, *, batch_size: int = LOAD_BATCH) -> LoadReport:
    """Load a batch output into ``store``; with link tables, write them instead of linking again."""
    tables = read_tables(folder)
    report = LoadReport(linked_from_batch=tables is not None)
    loaded: list[Article] = []
    for batch in _chunks(read_records(folder), batch_size):
        outcome = add_and_link(store, batch, link=tables is None)
        new = set(outcome.stored)
        report.added += len(new)
        report.unchanged += len(outcome.results) - len(new)
        if outcome.link_error is not None:
            report.unlinked += len(new)
        loaded += [article for article in batch if article.id in new]
    if tables is not None and loaded:
        with store.transaction() as connection:
            write_links(connection, tables, loaded)
    return report


def write_links(
    connection: Connection, tables: dict[str, list[dict[str, Any]]], articles: Sequence[Article]
) -> None:
    """Write the batch's link rows and rebuild digests, alias evidence and the duplicate index."""
    for table in LINK_TABLES:
        write_rows(connection, table, tables.get(table, []))
    for article in articles:
        text = stories.article_row(article, "").text
        duplicates.index(connection, article.id, text, duplicates.signature(text))
    refresh_digests(connection, sorted({row["id"] for row in tables.get("stories", [])}))
    ids = [article.id for article in articles]
    aliases.refresh(connection, aliases.record(connection, articles), ids)
    link_tables.clear_journal(connection, ids)


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
