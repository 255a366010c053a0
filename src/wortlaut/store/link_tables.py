"""SQL of the incremental linker: the link journal, duplicates (``link_lsh``) and stories.

The linker (:mod:`wortlaut.link`) keeps the algorithms (MinHash, the story
clusterer) and reads and writes the store only through these functions, each
running inside the caller's transaction.  The tables are declared in
:mod:`wortlaut.store.schema` (cross-article tables in migration 1, the
linker's own index tables in migration 6):

* ``link_pending`` – the link journal: stored articles not linked yet;
* ``link_lsh`` – MinHash LSH bands (and, as band -1, the normalised text hash)
  of every article: a near-duplicate query is one indexed lookup per band;
* ``duplicates`` – which article copies which original;
* ``stories`` / ``story_articles`` – stories and their members;
* ``link_story_entities`` – entity → story counts, the entity side of a
  story's profile and an inverted index from entity to stories.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from wortlaut.store.dialect import dialect_of
from wortlaut.store.rows import chunks, first, has_table, named, placeholders

# -- the link journal and the articles to link ----------------------------------------------------


def journal(connection: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """Mark stored articles as not linked yet (in the transaction that stores them)."""
    connection.executemany(
        "INSERT OR IGNORE INTO link_pending (article_id) VALUES (?)",
        [(article_id,) for article_id in article_ids],
    )


def pending_ids(connection: sqlite3.Connection) -> list[str]:
    """Ids of stored articles in the link journal, oldest first."""
    return [
        row["article_id"]
        for row in named(
            connection,
            "SELECT p.article_id FROM link_pending p JOIN articles a ON a.id = p.article_id ORDER BY a.rid",
        )
    ]


def count_pending(connection: sqlite3.Connection) -> int:
    """How many stored articles wait in the link journal."""
    row = first(connection, "SELECT COUNT(*) AS n FROM link_pending")
    return int(row["n"]) if row else 0


def clear_journal(connection: sqlite3.Connection, article_ids: Sequence[str]) -> None:
    """Drop linked (or vanished) articles from the journal, if the store has one."""
    if not has_table(connection, "link_pending"):
        return
    for chunk in chunks(article_ids):
        connection.execute(
            f"DELETE FROM link_pending WHERE article_id IN ({placeholders(len(chunk))})", chunk
        )


def unlinked(
    connection: sqlite3.Connection, article_ids: Sequence[str], *, with_json: bool
) -> list[sqlite3.Row]:
    """Rows (``id``, ``ingested_at`` and, when asked, ``json``) of the given articles not in a story yet."""
    columns = "id, ingested_at, json" if with_json else "id, ingested_at"
    found: list[sqlite3.Row] = []
    for chunk in chunks(article_ids):
        found += named(
            connection,
            f"SELECT {columns} FROM articles WHERE id IN ({placeholders(len(chunk))})"
            " AND id NOT IN (SELECT article_id FROM story_articles)",
            chunk,
        )
    return found


def count_present(connection: sqlite3.Connection, article_ids: Sequence[str]) -> int:
    """How many of the given ids are stored articles."""
    total = 0
    for chunk in chunks(article_ids):
        row = first(
            connection, f"SELECT COUNT(*) AS n FROM articles WHERE id IN ({placeholders(len(chunk))})", chunk
        )
        total += int(row["n"]) if row else 0
    return total


def all_article_json(connection: sqlite3.Connection) -> list[str]:
    """The JSON records of every stored article (for rebuilding evidence)."""
    return [row["json"] for row in named(connection, "SELECT json FROM articles")]


# -- duplicates -----------------------------------------------------------------------------------


def duplicate_of(connection: sqlite3.Connection, article_id: str) -> str | None:
    """The original an article is recorded as a copy of, if any."""
    row = first(connection, "SELECT duplicate_of FROM duplicates WHERE article_id = ?", (article_id,))
    return str(row["duplicate_of"]) if row and row["duplicate_of"] else None


def exact_copy(connection: sqlite3.Connection, band: int, bucket: str, article_id: str) -> str | None:
    """A stored article other than ``article_id`` with this exact-text bucket."""
    row = first(
        connection,
        "SELECT article_id FROM link_lsh WHERE band = ? AND bucket = ? AND article_id != ?"
        " AND article_id IN (SELECT id FROM articles) LIMIT 1",
        (band, bucket, article_id),
    )
    return str(row["article_id"]) if row else None


def bucket_members(
    connection: sqlite3.Connection, buckets: Sequence[tuple[int, str]], article_id: str
) -> list[str]:
    """Articles other than ``article_id`` in any of the LSH ``buckets`` ((band, bucket) pairs; an
    article in several of them is listed once per bucket).

    One query for all of an article's bands: SQLite searches the (band, bucket) index once per term of
    the ``OR`` (its multi-index OR plan); a query per band cost 0.17 CPU ms an article against 0.03.
    """
    if not buckets:
        return []
    terms = " OR ".join(["(band = ? AND bucket = ?)"] * len(buckets))
    parameters = [article_id, *(value for pair in buckets for value in pair)]
    query = f"SELECT article_id FROM link_lsh WHERE article_id != ? AND ({terms})"
    return [row["article_id"] for row in named(connection, query, parameters)]


def index_buckets(
    connection: sqlite3.Connection, article_id: str, buckets: Iterable[tuple[int, str]]
) -> None:
    connection.executemany(
        "INSERT INTO link_lsh(band, bucket, article_id) VALUES (?, ?, ?)",
        [(band, bucket, article_id) for band, bucket in buckets],
    )


def record_duplicate(
    connection: sqlite3.Connection, article_id: str, original: str, kind: str, similarity: float
) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO duplicates(article_id, duplicate_of, kind, similarity) VALUES (?, ?, ?, ?)",
        (article_id, original, kind, similarity),
    )


def forget_buckets(connection: sqlite3.Connection, article_id: str) -> None:
    """Drop an article from the LSH index and its own duplicate link."""
    connection.execute("DELETE FROM link_lsh WHERE article_id = ?", (article_id,))


def forget_duplicate(connection: sqlite3.Connection, article_id: str) -> None:
    connection.execute("DELETE FROM duplicates WHERE article_id = ?", (article_id,))


def forget_copies_of(connection: sqlite3.Connection, article_id: str) -> None:
    """Drop the duplicate links that point at a removed original."""
    connection.execute("DELETE FROM duplicates WHERE duplicate_of = ?", (article_id,))


# -- stories --------------------------------------------------------------------------------------


def active_stories(connection: sqlite3.Connection, low: str, high: str, limit: int) -> list[sqlite3.Row]:
    """Stories (``id``, ``first_date``, ``last_date``, ``size``, ``title``) whose span meets [low, high]."""
    return named(
        connection,
        "SELECT id, first_date, last_date, size, title FROM stories WHERE last_date >= ? AND first_date <= ?"
        " ORDER BY last_date DESC LIMIT ?",
        (low, high, limit),
    )


def story_entity_counts(connection: sqlite3.Connection, story_ids: Sequence[str]) -> list[sqlite3.Row]:
    """``story_id``, ``entity``, ``count`` rows of the given stories."""
    return named(
        connection,
        "SELECT story_id, entity, count FROM link_story_entities"
        f" WHERE story_id IN ({placeholders(len(story_ids))})",
        list(story_ids),
    )


def story_of(connection: sqlite3.Connection, article_id: str) -> str | None:
    """The story an article belongs to, if any."""
    row = first(connection, "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
    return str(row["story_id"]) if row else None


def write_story(
    connection: sqlite3.Connection,
    story_id: str,
    *,
    title: str,
    first_date: str,
    last_date: str,
    size: int,
    entities: Iterable[tuple[str, int]],
) -> None:
    """Insert or update a story's span and size (its title is kept) and its entity counts."""
    connection.execute(
        "INSERT INTO stories(id, title, first_date, last_date, size) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET first_date = excluded.first_date, last_date = excluded.last_date,"
        " size = excluded.size",
        (story_id, title, first_date, last_date, size),
    )
    connection.executemany(
        "INSERT OR REPLACE INTO link_story_entities(story_id, entity, count) VALUES (?, ?, ?)",
        [(story_id, entity, count) for entity, count in entities],
    )


def write_story_members(connection: sqlite3.Connection, members: Iterable[tuple[str, str, float]]) -> None:
    """``(story id, article id, similarity)`` memberships."""
    connection.executemany(
        "INSERT OR REPLACE INTO story_articles(story_id, article_id, similarity) VALUES (?, ?, ?)",
        list(members),
    )


def story_mates(connection: sqlite3.Connection, article_ids: Sequence[str]) -> set[str]:
    """Every article that shares a story with one of the given ones."""
    mates: set[str] = set()
    for chunk in chunks(article_ids):
        mates.update(
            row["article_id"]
            for row in named(
                connection,
                "SELECT b.article_id FROM story_articles a JOIN story_articles b ON b.story_id = a.story_id"
                f" WHERE a.article_id IN ({placeholders(len(chunk))})",
                chunk,
            )
        )
    return mates


def data_version(connection: sqlite3.Connection) -> int | None:
    """SQLite's count of the commits other connections made (``PRAGMA data_version``); ``None`` where
    the connection cannot tell (another engine: not asked, since a failed statement would abort its
    transaction).  Equal twice: no other writer committed in between."""
    if dialect_of(connection) != "sqlite":
        return None
    try:
        return int(connection.execute("PRAGMA data_version").fetchone()[0])
    except Exception:  # not SQLite: the caller reads again instead of trusting what it read
        return None
