"""The store's SQLite schema as numbered migrations (``PRAGMA user_version``).

Each migration is one SQL script; :func:`migrate` applies the ones a file has
not seen yet, each in its own transaction, so an old store is upgraded in
place and a new one is built by running them all.  Never edit a released
migration: add the next number.

Full-text search uses FTS5 *external content* tables over a ``stem`` column
that holds the German-stemmed text (see :mod:`wortlaut.store.text`); the
triggers (in :mod:`wortlaut.store.migrations`) keep the index in sync with every insert, update and delete,
so the index can never drift from the content even when rows are changed
with plain SQL.  Content tables have an ``INTEGER PRIMARY KEY`` (``rid``)
because FTS5 needs a rowid that ``VACUUM`` cannot renumber; the public key
remains the text ``id`` (``UNIQUE NOT NULL``).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from wortlaut.store.dialect import dialect_of
from wortlaut.store.errors import StoreError
from wortlaut.store.migrations import LINK_TABLES_SQL, MIGRATIONS
from wortlaut.store.pg_schema import VERSION_TABLE, pg_migration

__all__ = [
    "LINK_TABLES_SQL",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SchemaError",
    "check_version",
    "create_link_tables",
    "migrate",
    "schema_version",
]

#: The schema version a store has after :func:`migrate`.
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(StoreError):
    """A store written by a newer wortlaut than this one."""


def check_version(connection: Any) -> int:
    """The store's schema version; :class:`SchemaError` when a newer wortlaut wrote it."""
    version = schema_version(connection)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"store has schema version {version}; this wortlaut knows up to {SCHEMA_VERSION}:"
            " upgrade wortlaut to read it"
        )
    return version


def schema_version(connection: Any) -> int:
    """The ``user_version`` of an open store (``wortlaut_schema.version`` on PostgreSQL)."""
    if dialect_of(connection) == "postgresql":
        found = connection.execute("SELECT to_regclass('wortlaut_schema') IS NOT NULL").fetchone()
        if not found[0]:
            return 0
        return int(connection.execute("SELECT version FROM wortlaut_schema").fetchone()[0])
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: Any) -> int:
    """Apply every pending migration, each in its own transaction; return the new version.

    The connection must be in autocommit mode (``isolation_level=None``) so
    the explicit ``BEGIN IMMEDIATE`` here holds the write lock for the whole
    step and two processes cannot migrate the same file at once.
    """
    if dialect_of(connection) == "postgresql":
        return _migrate_postgres(connection)
    version = check_version(connection)
    for number in range(version + 1, SCHEMA_VERSION + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(connection) >= number:  # another process migrated meanwhile
                connection.execute("COMMIT")
                continue
            for statement in _split(MIGRATIONS[number - 1]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number:d}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return schema_version(connection)


def _migrate_postgres(connection: Any) -> int:
    """:func:`migrate` on PostgreSQL: the same steps, serialised by the store's write lock."""
    raw = connection.raw
    connection.execute("BEGIN")  # takes the write lock: one migrating process at a time
    try:
        raw.execute(VERSION_TABLE)
        version = check_version(connection)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            raw.execute(pg_migration(number, _split(MIGRATIONS[number - 1])))
            raw.execute(f"UPDATE wortlaut_schema SET version = {number:d}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return schema_version(connection)


def create_link_tables(connection: sqlite3.Connection) -> None:
    """Create the linker's tables (:data:`LINK_TABLES_SQL`) in a scratch database, inside no transaction."""
    for statement in _split(LINK_TABLES_SQL):
        connection.execute(statement)


def _split(script: str) -> list[str]:
    """Split a script into complete statements (``executescript`` would commit on its own)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
