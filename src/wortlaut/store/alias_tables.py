"""SQL of the aliases learned across articles (schema version 3; see :mod:`wortlaut.link.aliases`).

``alias_evidence`` / ``alias_locals`` hold each article's votes and mergeable
local entities, ``alias_counts`` the supporting articles per alias and entity
(kept by triggers), ``learned_aliases`` the decisions, ``entity_merges`` the
per-article merges and ``alias_dirty`` the aliases a deletion touched.  Every
function runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from wortlaut.store.rows import chunks, first, named, placeholders

LEARNED_KINDS = ("learned", "learned_handle")


def add_evidence(
    connection: sqlite3.Connection,
    article_id: str,
    evidence: Iterable[tuple[str, str, str, str]],
    locals_: Iterable[tuple[str, str, str]],
) -> None:
    """An article's votes ``(norm, entity, alias, kind)`` and local entities ``(norm, entity, kind)``."""
    connection.executemany(
        "INSERT OR IGNORE INTO alias_evidence (norm, entity_id, article_id, alias, kind)"
        " VALUES (?, ?, ?, ?, ?)",
        [(norm, entity, article_id, alias, kind) for norm, entity, alias, kind in evidence],
    )
    connection.executemany(
        "INSERT OR IGNORE INTO alias_locals (norm, article_id, entity_id, kind) VALUES (?, ?, ?, ?)",
        [(norm, article_id, entity, kind) for norm, entity, kind in locals_],
    )


def take_dirty(connection: sqlite3.Connection) -> list[str]:
    """The aliases deletions marked for re-deciding, unmarked."""
    dirty = [row["norm"] for row in named(connection, "SELECT norm FROM alias_dirty")]
    clear_dirty(connection)
    return dirty


def clear_dirty(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM alias_dirty")


def drop_articles(connection: sqlite3.Connection, article_ids: Sequence[str]) -> None:
    """Drop the evidence, local entities and merges of removed articles."""
    for chunk in chunks(article_ids):
        marks = placeholders(len(chunk))
        connection.execute(f"DELETE FROM alias_evidence WHERE article_id IN ({marks})", chunk)
        connection.execute(f"DELETE FROM alias_locals WHERE article_id IN ({marks})", chunk)
        connection.execute(f"DELETE FROM entity_merges WHERE article_id IN ({marks})", chunk)


def learned_norms(connection: sqlite3.Connection) -> list[str]:
    return [row["norm"] for row in named(connection, "SELECT norm FROM learned_aliases")]


def support_counts(connection: sqlite3.Connection, norm: str) -> list[tuple[str, int]]:
    """``(entity, supporting articles)`` for an alias."""
    rows = named(
        connection, "SELECT entity_id, articles FROM alias_counts WHERE norm = ? AND articles > 0", (norm,)
    )
    return [(row["entity_id"], row["articles"]) for row in rows]


def owners(connection: sqlite3.Connection, norm: str) -> list[str]:
    """Entities that have the alias from the knowledge base or their articles (not learned)."""
    rows = named(
        connection,
        "SELECT entity_id FROM entity_aliases WHERE norm = ? AND kind NOT IN (?, ?)",
        (norm, *LEARNED_KINDS),
    )
    return [row["entity_id"] for row in rows]


def learned_for(connection: sqlite3.Connection, norm: str) -> str | None:
    """The entity an alias is currently learned for."""
    row = first(connection, "SELECT entity_id FROM learned_aliases WHERE norm = ?", (norm,))
    return row["entity_id"] if row else None


def set_support(connection: sqlite3.Connection, norm: str, support: int) -> None:
    connection.execute("UPDATE learned_aliases SET articles = ? WHERE norm = ?", (support, norm))


def learn(connection: sqlite3.Connection, norm: str, entity: str, support: int) -> None:
    """Record the decision, with the alias's most frequent spelling, and add it to ``entity_aliases``."""
    row = first(
        connection,
        "SELECT alias, kind FROM alias_evidence WHERE norm = ? AND entity_id = ?"
        " GROUP BY alias, kind ORDER BY COUNT(*) DESC, alias LIMIT 1",
        (norm, entity),
    )
    assert row is not None  # a learned alias has evidence
    alias = row["alias"]
    learned_kind = "learned_handle" if row["kind"] == "handle" else "learned"
    connection.execute(
        "INSERT INTO learned_aliases (norm, entity_id, alias, kind, articles) VALUES (?, ?, ?, ?, ?)",
        (norm, entity, alias, learned_kind, support),
    )
    has = first(
        connection,
        "SELECT 1 FROM entity_aliases WHERE entity_id = ? AND norm = ?"
        " AND kind IN ('name', 'alias', 'handle')",
        (entity, norm),
    )
    if has is None:  # rows from the KB or the articles themselves win
        connection.execute(
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm, kind) VALUES (?, ?, ?, ?)",
            (entity, alias, norm, learned_kind),
        )


def unlearn(connection: sqlite3.Connection, norm: str) -> None:
    connection.execute("DELETE FROM learned_aliases WHERE norm = ?", (norm,))
    connection.execute("DELETE FROM entity_aliases WHERE norm = ? AND kind IN (?, ?)", (norm, *LEARNED_KINDS))
    connection.execute("DELETE FROM entity_merges WHERE norm = ?", (norm,))


def local_entities(connection: sqlite3.Connection, norm: str) -> list[sqlite3.Row]:
    """``article_id``, ``entity_id``, ``kind`` of the local entities an alias may name."""
    return named(connection, "SELECT article_id, entity_id, kind FROM alias_locals WHERE norm = ?", (norm,))


def add_merge(connection: sqlite3.Connection, source: str, article_id: str, target: str, norm: str) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO entity_merges (source, article_id, target, norm) VALUES (?, ?, ?, ?)",
        (source, article_id, target, norm),
    )


def named_in_context(connection: sqlite3.Connection, entity: str, article_id: str) -> bool:
    """Whether ``entity`` is named in the article or in another article of its story."""
    if first(
        connection, "SELECT 1 FROM mentions WHERE entity = ? AND article_id = ? LIMIT 1", (entity, article_id)
    ):
        return True
    return (
        first(
            connection,
            "SELECT 1 FROM story_articles a JOIN story_articles b ON b.story_id = a.story_id"
            " JOIN mentions m ON m.entity = ? AND m.article_id = b.article_id"
            " WHERE a.article_id = ? LIMIT 1",
            (entity, article_id),
        )
        is not None
    )


def learned_rows(connection: sqlite3.Connection, min_articles: int) -> list[sqlite3.Row]:
    """``entity_id``, ``name``, ``type``, ``alias``, ``kind``, ``articles`` of learned aliases."""
    return named(
        connection,
        "SELECT l.entity_id, COALESCE(e.name, l.entity_id) AS name, e.type, l.alias, l.kind, l.articles"
        " FROM learned_aliases l LEFT JOIN entities e ON e.id = l.entity_id"
        " WHERE l.articles >= ? ORDER BY l.entity_id, l.kind, l.alias",
        (min_articles,),
    )


def supporting_articles(connection: sqlite3.Connection, norm: str, entity: str) -> list[str]:
    rows = named(
        connection,
        "SELECT article_id FROM alias_evidence WHERE norm = ? AND entity_id = ? ORDER BY article_id",
        (norm, entity),
    )
    return [row["article_id"] for row in rows]
