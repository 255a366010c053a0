"""The one way a read reaches SQLite: time-limited queries returning rows read by column name.

Every read of the store (the query modules, the web pages' queries, exports,
watches) goes through a :class:`Reader`.  It applies the store's time limit
with a progress handler (a read that runs past it raises
:class:`~wortlaut.store.errors.QueryTimeoutError`) and returns
:class:`sqlite3.Row` objects, so code reads ``row["speaker"]`` instead of
``row[12]``.  The row factory is set on each cursor, not on the connection,
so the write side (which reads its own ids back) is untouched by it.

A :meth:`Reader.bounded` block gives several queries one shared deadline (a
page built from five queries is stopped as a whole); a query run outside any
block gets a deadline of its own.  Blocks nest: the outermost deadline wins.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from wortlaut.store.dialect import Dialect, dialect_of
from wortlaut.store.errors import QueryTimeoutError

#: SQLite virtual-machine steps between two checks of the time limit.
PROGRESS_STEPS = 10_000

#: Rows of the first page a PostgreSQL :meth:`Reader.stream` reads (each next page is 4 times larger):
#: ``said`` needs ``offset + limit`` groups, 20 by default, and most speakers' groups have one member.
FIRST_PAGE = 64

Params = Sequence[Any] | dict[str, Any]
Row = sqlite3.Row


class Reader:
    """Time-limited, named-row reads over one connection (see the module docstring)."""

    def __init__(self, connection: sqlite3.Connection, *, timeout: float) -> None:
        self.connection = connection
        self.timeout = timeout
        self._depth = 0
        #: ``sqlite`` or ``postgresql``: the query modules ask it for full-text SQL.
        self.dialect: Dialect = dialect_of(connection)

    @contextmanager
    def bounded(self) -> Iterator[Reader]:
        """Run the reads inside under one deadline of ``timeout`` seconds from now."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        deadline = time.monotonic() + self.timeout
        if self.dialect == "postgresql":  # the server cancels each statement past the limit
            cast(Any, self.connection).set_time_limit(self.timeout)
        else:
            self.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
        self._depth = 1
        try:
            yield self
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise QueryTimeoutError(
                    f"query took longer than {self.timeout:g} s and was stopped"
                ) from None
            raise
        finally:
            self._depth = 0
            if self.dialect == "postgresql":
                cast(Any, self.connection).set_time_limit(None)
            else:
                self.connection.set_progress_handler(None, 0)

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row of a query."""
        if self._depth:  # inside a block: its deadline applies (and entering another costs time)
            return self._cursor(sql, params).fetchall()
        with self.bounded():
            return self._cursor(sql, params).fetchall()

    def row(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a query, or ``None``."""
        if self._depth:
            found: Row | None = self._cursor(sql, params).fetchone()
            return found
        with self.bounded():
            found = self._cursor(sql, params).fetchone()
            return found

    def value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row (``None`` when there is no row)."""
        found = self.row(sql, params)
        return None if found is None else found[0]

    def stream(self, sql: str, params: Params = ()) -> Iterator[Row]:
        """Rows read lazily, for callers that stop early; iterate it inside a :meth:`bounded` block.

        ``sql`` must end with an ``ORDER BY`` that orders its rows completely and have no ``LIMIT``:
        PostgreSQL sends a whole result at once, so there it is read in growing pages instead.
        """
        if self.dialect != "postgresql":
            yield from self._cursor(sql, params)
            return
        offset, size = 0, FIRST_PAGE
        while True:
            page = self._cursor(f"{sql} LIMIT {size:d} OFFSET {offset:d}", params).fetchall()
            yield from page
            if len(page) < size:
                return
            offset, size = offset + size, size * 4

    def chunks(self, sql: str, params: Params = (), *, size: int) -> tuple[list[str], Iterator[list[Row]]]:
        """Column names and the rows in lists of ``size``: a whole table read in little memory.

        Not time-limited: an export of a large collection takes as long as it takes.
        """
        cursor = self._cursor(sql, params)
        columns = [item[0] for item in cursor.description]

        def batches() -> Iterator[list[Row]]:
            while batch := cursor.fetchmany(size):
                yield batch

        return columns, batches()

    def scan(self, sql: str, params: Params = ()) -> Iterator[Row]:
        """Rows of a whole-table read that builds a cache (the vector index); not time-limited."""
        yield from self._cursor(sql, params)

    def _cursor(self, sql: str, params: Params) -> sqlite3.Cursor:
        cursor = self.connection.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params)
