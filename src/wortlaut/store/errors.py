"""Errors the store raises; the CLI and the API turn each into a clean message and code."""

from __future__ import annotations

import sqlite3

#: SQLite's own errors, named here so code outside the store can catch them without importing sqlite3
#: (a store damaged after opening, a search the full-text engine cannot parse).
SQLiteError = sqlite3.Error
SQLiteOperationalError = sqlite3.OperationalError


class StoreError(Exception):
    """Base class of store errors."""


class QueryError(StoreError, ValueError):
    """A search query that cannot be understood; the message says why."""


class NotFoundError(StoreError, LookupError):
    """No entity, article or story matches what was asked for."""


class QueryTimeoutError(StoreError, TimeoutError):
    """A query ran past the store's time limit and was interrupted."""


class ReadOnlyError(StoreError):
    """A write on a store opened read-only."""


class WriteError(StoreError):
    """The store could not be written (disk full, read-only file); the message says which."""


def describe_sqlite_error(error: BaseException) -> str:
    """A one-line, user-facing reason for an SQLite error (why, not the library's wording)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    lowered = text.lower()
    if "disk is full" in lowered or "disk i/o error" in lowered:
        return f"the disk is full or failing ({text}); free space and run the same command again"
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return f"cannot write the store ({text}); check the file's and folder's permissions"
    if "not a database" in lowered or "malformed" in lowered:
        return f"not a wortlaut store ({text})"
    return text
