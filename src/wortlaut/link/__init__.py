"""Across articles: duplicates, statement groups, stories, person timelines and story digests.

Per-article stages never see other articles; this package links them in the
store, incrementally: :func:`update` is called with the ids of each newly
stored batch and costs about the same per article at any collection size.

>>> import wortlaut.link as link
>>> report = link.update(store, ["a58d68ada00d5e72"])       # doctest: +SKIP
>>> link.timeline(store.connection, "Q57792").entries       # doctest: +SKIP
"""

from __future__ import annotations

import sqlite3
from typing import Any

from wortlaut.link import digest as _digest
from wortlaut.link import timeline as _timeline
from wortlaut.link.encoder import E5Encoder, Encoder, HashingEncoder, default_encoder
from wortlaut.link.records import Contact, Digest, DigestItem, LinkReport, Source, Timeline, TimelineEntry
from wortlaut.link.update import connection_of, forget, update


def timeline(store_or_connection: Any, entity_id: str) -> Timeline:
    """Statement groups, events and stories of an entity in date order, with its contact network."""
    connection: sqlite3.Connection = connection_of(store_or_connection)
    return _timeline.timeline(connection, entity_id)


def digest(store_or_connection: Any, story_id: str) -> Digest | None:
    """The extractive digest of a story (``None`` for an unknown story id)."""
    return _digest.digest(connection_of(store_or_connection), story_id)


__all__ = [
    "Contact",
    "Digest",
    "DigestItem",
    "E5Encoder",
    "Encoder",
    "HashingEncoder",
    "LinkReport",
    "Source",
    "Timeline",
    "TimelineEntry",
    "default_encoder",
    "digest",
    "forget",
    "timeline",
    "update",
]
