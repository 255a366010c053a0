"""SQL of the bulk path (:mod:`wortlaut.scale`): scratch databases, table dumps and row loads.

A backfill runs the linker's own functions on small in-memory *scratch*
databases that hold only the columns those functions read, then dumps the
link tables as rows; ``wortlaut load`` writes such rows into a store's link
tables by column name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from wortlaut.store.rows import placeholders
from wortlaut.store.schema import create_link_tables

_SCRATCH = """
CREATE TABLE articles (id TEXT PRIMARY KEY, source TEXT, language TEXT, published TEXT, ingested_at TEXT);
CREATE TABLE statements (id TEXT PRIMARY KEY, article_id TEXT, mode TEXT, quote_text TEXT,
    speaker_entity TEXT, date TEXT, published TEXT);
"""

Rows = list[dict[str, Any]]


def scratch_database() -> sqlite3.Connection:
    """An in-memory database with the columns the linker's functions read, and its link tables."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.executescript(_SCRATCH)
    create_link_tables(connection)
    return connection


def add_scratch_statements(connection: sqlite3.Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Statements (rows of :func:`wortlaut.scale.links.statement_rows`) and their articles' fields."""
    connection.executemany(
        "INSERT OR IGNORE INTO articles (id, source, language, published, ingested_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (r["article_id"], r["source"], r["language"], r["article_published"], r["ingested_at"])
            for r in rows
        ],
    )
    connection.executemany(
        "INSERT OR IGNORE INTO statements (id, article_id, mode, quote_text, speaker_entity, date, published)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (r["id"], r["article_id"], r["mode"], r["quote_text"], r["speaker"], r["date"], r["published"])
            for r in rows
        ],
    )


def dump(connection: sqlite3.Connection, table: str) -> Rows:
    """All rows of a table as dicts, in a stable order."""
    cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2')
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def write_rows(connection: sqlite3.Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert (or replace) rows given as dicts into ``table``, by the first row's column names."""
    if not rows:
        return
    names = list(rows[0])
    columns = ", ".join(f'"{name}"' for name in names)
    connection.executemany(
        f'INSERT OR REPLACE INTO "{table}" ({columns}) VALUES ({placeholders(len(names))})',
        [tuple(row[name] for name in names) for row in rows],
    )
