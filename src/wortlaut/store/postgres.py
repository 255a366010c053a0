"""A PostgreSQL connection that the store's SQLite-shaped code can use unchanged.

:class:`PgConnection` wraps a psycopg 3 connection (in autocommit mode, so that
transactions are the explicit ``BEGIN`` … ``COMMIT`` the store already writes)
and offers the part of :class:`sqlite3.Connection` the store uses:
``execute``/``executemany``/``cursor``, cursors whose rows read by name and by
position, ``in_transaction`` and ``close``.  Every statement goes through
:func:`wortlaut.store.dialect.to_postgres` first.

Writers take one transaction-level advisory lock (:data:`WRITE_LOCK`) right
after ``BEGIN``, so write transactions run one at a time, as SQLite's
``BEGIN IMMEDIATE`` makes them: the linker reads the state it then changes
(a speaker's recent groups, the active stories) and two linkers interleaving
would create the same group twice.  Reads take no lock and never wait.
Errors are re-raised as the matching :mod:`sqlite3` exception classes with the
server's message, so the store's error handling serves both engines; a query
cancelled by ``statement_timeout`` becomes ``OperationalError("interrupted")``,
which :class:`~wortlaut.store.reader.Reader` turns into its time-out error.

psycopg is LGPL-3.0 and therefore an optional extra (``wortlaut[postgres]``):
it is imported only when a ``postgresql://`` store is opened.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from wortlaut.store.dialect import bind, to_postgres
from wortlaut.store.errors import StoreError

#: The advisory lock key every write transaction holds (any fixed 64-bit number; "wl" in ASCII).
WRITE_LOCK = 0x776C
#: ``postgresql://…`` or ``postgres://…``: a store on a PostgreSQL server.
URL = re.compile(r"^postgres(ql)?://", re.IGNORECASE)
_BEGIN = re.compile(r"^\s*BEGIN\b", re.IGNORECASE)


class Row(tuple[Any, ...]):
    """A result row read by position (``row[0]``) or by column name (``row["id"]``), like sqlite3.Row."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


#: Statements that carry the time limit in the same message (reads; ``SET LOCAL`` starts a search window).
_READ = re.compile(r"^\s*(SELECT|WITH|SET LOCAL)\b", re.IGNORECASE)


class PgCursor:
    """A psycopg cursor behind the slice of the sqlite3 cursor API the store uses."""

    def __init__(self, cursor: Any, owner: PgConnection | None = None) -> None:
        self._cursor = cursor
        self._owner = owner
        self.row_factory: Any = None  # accepted and ignored: rows always read by name and position

    def execute(self, sql: str, params: Any = ()) -> PgCursor:
        translated, order = to_postgres(sql)
        limit = self._owner.limit_prefix() if self._owner and _READ.match(translated) else ""
        with _errors():
            # a read carries its call's time limit in its own message (SET LOCAL: it ends with it)
            self._cursor.execute(limit + translated, bind(params, order))
            if limit:
                self._cursor.nextset()
        return self

    def executemany(self, sql: str, rows: Any) -> PgCursor:
        """Many rows in one pipelined round trip (server-side binding: the columns give the types)."""
        import psycopg

        translated, order = to_postgres(sql)
        batch = [bind(params, order) for params in rows]
        if batch:
            with _errors(), psycopg.Cursor(self._cursor.connection) as cursor:
                cursor.executemany(translated, batch)
        return self

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def nextset(self) -> bool:
        """Move to the next statement's result of a multi-statement query (``False``: there is none)."""
        return bool(self._cursor.nextset())

    def _names(self) -> dict[str, int]:
        """Column name -> position of the current result, shared by its rows (psycopg builds the
        description anew on each access: once per row cost a person page 3 of its 7 ms of client CPU)."""
        return {column.name: index for index, column in enumerate(self._cursor.description or ())}

    def fetchone(self) -> Row | None:
        with _errors():
            values = self._cursor.fetchone() if self._cursor.description else None
        return None if values is None else Row(values, self._names())

    def fetchall(self) -> list[Row]:
        if not self._cursor.description:
            return []
        with _errors():
            names = self._names()
            return [Row(values, names) for values in self._cursor.fetchall()]

    def fetchmany(self, size: int) -> list[Row]:
        if not self._cursor.description:
            return []
        with _errors():
            names = self._names()
            return [Row(values, names) for values in self._cursor.fetchmany(size)]

    def __iter__(self) -> Iterator[Row]:
        while batch := self.fetchmany(500):
            yield from batch


class PgConnection:
    """An open PostgreSQL store connection (see the module docstring)."""

    dialect = "postgresql"

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self._timeout_ms = 0  # the time limit of the reads now (0: none)

    @property
    def in_transaction(self) -> bool:
        import psycopg

        return bool(self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)

    def cursor(self) -> PgCursor:
        return PgCursor(self.raw.cursor(), self)

    def execute(self, sql: str, params: Any = ()) -> PgCursor:
        cursor = self.cursor().execute(sql, params)
        if _BEGIN.match(sql):  # one writer at a time, like SQLite's BEGIN IMMEDIATE
            cursor.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        return cursor

    def executemany(self, sql: str, rows: Any) -> PgCursor:
        return self.cursor().executemany(sql, rows)

    def set_time_limit(self, seconds: float | None) -> None:
        """Cancel any read that runs longer than ``seconds`` (``None``: no limit).

        Each read carries the limit in its own message, ``SET LOCAL statement_timeout = …;`` before the
        query (:meth:`limit_prefix`): no round trip of its own (setting and clearing a session setting
        cost two per store call, a third of a ``said`` page's round trips) and no session state that a
        transaction pooler could hand to another client.  Writes are not limited.
        """
        self._timeout_ms = 0 if seconds is None else max(1, int(seconds * 1000))

    def limit_prefix(self) -> str:
        """``SET LOCAL statement_timeout = …;`` for the next read, or ``""`` when there is no limit."""
        return f"SET LOCAL statement_timeout = {self._timeout_ms:d}; " if self._timeout_ms else ""

    def close(self) -> None:
        self.raw.close()


def connect(url: str, *, readonly: bool) -> PgConnection:
    """Open a connection to the server named by ``url`` (a read-only session when ``readonly``)."""
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "PostgreSQL stores need the optional extra: pip install 'wortlaut[postgres]' (psycopg 3)"
        ) from None
    try:
        # Client-side binding, as SQLite's: a bare ``? IS NULL`` needs no declared parameter type.
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10, cursor_factory=psycopg.ClientCursor)
    except psycopg.Error as error:
        raise StoreError(f"cannot connect to PostgreSQL: {_first_line(error)}") from None
    if readonly:
        raw.execute("SET default_transaction_read_only = on")
    return PgConnection(raw)


def is_url(location: str) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return bool(URL.match(location))


def safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


@contextmanager
def _errors() -> Iterator[None]:
    """psycopg errors as the matching sqlite3 classes (see the module docstring)."""
    import psycopg

    try:
        yield
    except psycopg.errors.QueryCanceled:
        raise sqlite3.OperationalError("interrupted (statement_timeout)") from None
    except psycopg.IntegrityError as error:
        raise sqlite3.IntegrityError(_first_line(error)) from error
    except psycopg.errors.UndefinedTable as error:
        raise sqlite3.OperationalError(f"no such table: {_first_line(error)}") from error
    except (psycopg.OperationalError, psycopg.InternalError) as error:
        raise sqlite3.OperationalError(_first_line(error)) from error
    except psycopg.ProgrammingError as error:
        raise sqlite3.ProgrammingError(_first_line(error)) from error
    except psycopg.Error as error:
        raise sqlite3.DatabaseError(_first_line(error)) from error
