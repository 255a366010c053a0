"""The incremental linking step run after each committed ingest batch.

:func:`update` takes the ids of newly stored articles and, in one transaction,
finds their duplicates, assigns them to stories, groups their statements,
refreshes the digests of the stories they touched and collects the evidence
for aliases learned across articles (:mod:`wortlaut.link.aliases`).  Every
text the batch needs embedded (article leads, statements that have something
to be compared with) goes to the encoder in one call, which parallelises over
texts.  Articles already linked are skipped, so calling it twice is harmless,
and nothing is recomputed over the whole collection: every step asks an index
(LSH buckets, active stories, a speaker's recent statement groups, the
evidence counts of the aliases the batch touched).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from wortlaut.article import Article
from wortlaut.link import aliases, digest, duplicates, statements, stories
from wortlaut.link.db import ensure_tables, placeholders, prefetch, transaction
from wortlaut.link.encoder import Encoder, default_encoder
from wortlaut.link.records import LinkReport


def connection_of(store_or_connection: Any) -> sqlite3.Connection:
    """The sqlite3 connection of a ``Store`` (its ``.connection``) or the connection itself."""
    connection = getattr(store_or_connection, "connection", store_or_connection)
    if not isinstance(connection, sqlite3.Connection):
        raise TypeError(f"expected a Store or sqlite3.Connection, got {type(store_or_connection).__name__}")
    return connection


def _load(
    connection: sqlite3.Connection, article_ids: Sequence[str]
) -> tuple[list[stories.ArticleRow], list[Article]]:
    """The not yet linked articles among ``article_ids``: clustering rows (in date order) and records."""
    rows: list[stories.ArticleRow] = []
    articles: list[Article] = []
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        for article_json, ingested in connection.execute(
            f"SELECT json, ingested_at FROM articles WHERE id IN ({placeholders(len(chunk))})"
            " AND id NOT IN (SELECT article_id FROM story_articles)",
            chunk,
        ):
            article = Article.from_json(json.loads(article_json))
            articles.append(article)
            rows.append(stories.article_row(article, (ingested or "")[:10]))
    return sorted(rows, key=lambda row: (row.day, row.id)), articles


def update(
    store_or_connection: Any, article_ids: Sequence[str], *, encoder: Encoder | None = None
) -> LinkReport:
    """Link newly stored articles into duplicates, stories and statement groups (idempotent)."""
    connection = connection_of(store_or_connection)
    wanted = list(dict.fromkeys(article_ids))
    with transaction(connection):
        ensure_tables(connection)
        rows, articles = _load(connection, wanted)
        encoder = encoder or default_encoder()
        joins: dict[str, str] = {}
        for row in rows:
            found, hashvalues = duplicates.find(connection, row.id, row.text)
            duplicates.index(connection, row.id, row.text, hashvalues)
            if found is not None:
                duplicates.record(connection, found)
                joins[row.id] = found.duplicate_of
        pending = statements.load_statements(connection, [row.id for row in rows])
        speakers = statements.plan(connection, pending)
        prefetch(
            connection,
            encoder,
            [("article", stories.article_text(row, encoder.name)) for row in rows]
            + statements.texts_to_encode(speakers),
        )
        vectors = stories.article_vectors(connection, encoder, rows)
        assigned = stories.cluster(connection, encoder.name, vectors, rows, joins)
        groups_created = statements.group_statements(connection, encoder, speakers)
        touched = {story_id for story_id, _ in assigned.values()}
        digest.refresh(connection, sorted(touched))
        norms = aliases.record(connection, articles)
        aliases.refresh(connection, norms, [article.id for article in articles])
    created = sum(1 for article_id, (story_id, _) in assigned.items() if story_id == f"st:{article_id}")
    present = _count_present(connection, wanted)
    return LinkReport(
        articles=len(rows),
        skipped=present - len(rows),
        missing=len(wanted) - present,
        duplicates=len(joins),
        stories_created=created,
        stories_joined=len(assigned) - created,
        statements_grouped=len(pending),
        groups_created=groups_created,
    )


def _count_present(connection: sqlite3.Connection, ids: Sequence[str]) -> int:
    total = 0
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        total += connection.execute(
            f"SELECT COUNT(*) FROM articles WHERE id IN ({placeholders(len(chunk))})", chunk
        ).fetchone()[0]
    return total


def forget(store_or_connection: Any, article_ids: Sequence[str]) -> None:
    """Drop removed articles from the duplicate index and the alias evidence (call on deletes).

    Aliases the removed articles supported are re-decided, so one that falls
    below :data:`wortlaut.link.aliases.MIN_ARTICLES` is unlearned and its
    merges are undone.  Story and statement-group memberships are removed by
    the store itself; a story's centroid keeps the removed article's share
    until it goes inactive, which only nudges later assignments.
    """
    connection = connection_of(store_or_connection)
    with transaction(connection):
        ensure_tables(connection)
        for article_id in article_ids:
            duplicates.forget(connection, article_id)
            connection.execute("DELETE FROM duplicates WHERE duplicate_of = ?", (article_id,))
        aliases.forget(connection, list(article_ids))
