"""Errors the store raises; the CLI and the API turn each into a clean message and code."""

from __future__ import annotations


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
