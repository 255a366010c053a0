"""Small helpers for the store's SQL modules: ``IN (...)`` placeholders, chunked id lists, named rows.

SQLite caps the number of bound parameters of one statement, so lookups by a
list of ids run in chunks of :data:`CHUNK`; rows read through :func:`named`
are :class:`sqlite3.Row` objects read by column name, without changing the
row factory of the connection that other code shares.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, cast

#: A row read by column name: what :func:`named` returns, the type link code may hold without importing
#: sqlite3 itself (all SQL stays behind the store).
Row = sqlite3.Row

#: Ids bound per ``IN (...)`` list: well under SQLite's parameter limit (32,766 since 3.32; 999 before).
CHUNK = 500


def placeholders(count: int) -> str:
    """``?,?,?`` for ``count`` parameters."""
    return ",".join("?" * count)


def among(dialect: str, column: str, rids: Sequence[int]) -> tuple[str, tuple[Any, ...]]:
    """A condition ``column`` is one of ``rids``, with its parameters: ``IN (?,…)`` on SQLite, one array
    on PostgreSQL.

    psycopg binds parameters on the client and caches the parsing of short query texts only: a text of
    1,000 placeholders (a search's ranking window) was parsed anew each time, 17 ms at load 8 against
    0.5 ms for the same ids as one array literal.
    """
    if dialect == "postgresql":
        return f"{column} = ANY(CAST(? AS BIGINT[]))", ("{" + ",".join(str(int(rid)) for rid in rids) + "}",)
    return f"{column} IN ({placeholders(len(rids))})", tuple(rids)


def chunks(ids: Sequence[str], size: int = CHUNK) -> Iterator[list[str]]:
    """``ids`` in consecutive lists of at most ``size``."""
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def named(connection: sqlite3.Connection, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """All rows of a query, readable by column name (``row["id"]``)."""
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, parameters).fetchall()


def first(connection: sqlite3.Connection, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Row | None:
    """The first row of a query by column name, or ``None``."""
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row
    row: sqlite3.Row | None = cursor.execute(sql, parameters).fetchone()
    return row


def has_table(connection: sqlite3.Connection, name: str) -> bool:
    """Whether the store has a table of this name (a scratch database may lack some)."""
    if getattr(connection, "dialect", "sqlite") == "postgresql":
        return bool(connection.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0])
    found = first(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return found is not None


#: The connection type the store's SQL functions take (so callers outside the store need no sqlite3).
Connection = sqlite3.Connection


def connection_of(store_or_connection: Any) -> sqlite3.Connection:
    """The sqlite3 connection of a ``Store`` (its ``.connection``) or the connection itself."""
    connection = getattr(store_or_connection, "connection", store_or_connection)
    if not isinstance(connection, sqlite3.Connection) and getattr(connection, "dialect", "") != "postgresql":
        raise TypeError(f"expected a Store or sqlite3.Connection, got {type(store_or_connection).__name__}")
    return cast(sqlite3.Connection, connection)
