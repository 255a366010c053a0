"""Across articles: duplicates, statement groups, stories and story digests.

Per-article stages never see other articles; this package links them in the
store, incrementally: :func:`update` is called with the ids of each newly
stored batch and costs about the same per article at any collection size.
A person's timeline and contacts are read from the linked store by
:meth:`wortlaut.store.Store.person` (:mod:`wortlaut.store.timeline`, the one
implementation, with queries bounded for large stores).

>>> import wortlaut.link as link
>>> report = link.update(store, ["a58d68ada00d5e72"])       # doctest: +SKIP
>>> store.person("Mark Rutte").timeline                     # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

# The linkers read and write through wortlaut.store's SQL modules, and Store.add_many links through
# wortlaut.link.flow: loading the store package first lets either package be imported first.
import wortlaut.store  # noqa: F401  (import order, see above)
from wortlaut.link import digest as _digest
from wortlaut.link.encoder import E5Encoder, Encoder, HashingEncoder, default_encoder
from wortlaut.link.flow import BatchOutcome, add_and_link
from wortlaut.link.records import Digest, DigestItem, LinkReport, Source
from wortlaut.link.update import PendingBatch, connection_of, forget, link_pending, pending_ids, update


def digest(store_or_connection: Any, story_id: str) -> Digest | None:
    """The extractive digest of a story (``None`` for an unknown story id)."""
    return _digest.digest(connection_of(store_or_connection), story_id)


__all__ = [
    "BatchOutcome",
    "Digest",
    "DigestItem",
    "E5Encoder",
    "Encoder",
    "HashingEncoder",
    "LinkReport",
    "PendingBatch",
    "Source",
    "add_and_link",
    "default_encoder",
    "digest",
    "forget",
    "link_pending",
    "pending_ids",
    "update",
]
