"""Errors of ingestion as values, so one bad file never stops a batch.

Readers raise :class:`BadInput` internally; :func:`wortlaut.ingest.iter_articles`
turns it into an :class:`IngestError` value carrying the input's name and a
one-line reason, which the CLI prints as ``wortlaut: error: <path>: <reason>``.
"""

from __future__ import annotations

from dataclasses import dataclass


class BadInput(ValueError):
    """An input that cannot be read as news: the message is the one-line reason."""


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestError:
    """An input (or one record of it) that could not be read, and why.

    ``path`` names the file, with ``:<line>`` for a JSON Lines record or
    ``#<n>`` for a feed entry or WARC record, so the user can find it.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
