"""The explicit second half of ingest: store a batch of analysed articles, then link them.

Reading and analysis produce :class:`~wortlaut.article.Article` records;
:func:`add_and_link` writes one batch in one store transaction (which also
journals every new article in ``link_pending``) and hands the same analysed
articles, in memory, to :func:`wortlaut.link.update.update`, which links them
in a second transaction and clears their journal rows.  A linking error does
not undo the stored batch: it is logged, returned in the outcome (so a
command can report it and exit non-zero), and the articles stay journalled
for ``wortlaut link --db`` or the next ingest.  ``Store.add_many`` and the
ingest runner (:mod:`wortlaut.store.loader`) both go through here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from wortlaut.article import Article
from wortlaut.link.encoder import Encoder
from wortlaut.link.records import LinkReport
from wortlaut.link.update import update
from wortlaut.store.results import AddResult

if TYPE_CHECKING:
    from wortlaut.store.core import Store
    from wortlaut.store.writer import Prepared

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchOutcome:
    """What storing and linking one batch gave: the per-article results and the linking's report or error."""

    results: list[AddResult] = field(default_factory=list)
    #: Ids of the articles the batch stored (added or replaced): the ones linking is about.
    stored: tuple[str, ...] = ()
    link: LinkReport | None = None
    #: Why linking failed (the stored articles then wait in the link journal), else ``None``.
    link_error: str | None = None


def add_and_link(
    store: Store,
    articles: Iterable[Article],
    *,
    link: bool = True,
    encoder: Encoder | None = None,
    vectors: Mapping[tuple[str, str], np.ndarray] | None = None,
    prepared: Mapping[str, Prepared] | None = None,
) -> BatchOutcome:
    """Store ``articles`` in one transaction, then (``link``) link the new ones from memory.

    Store errors (a read-only store, a full disk) propagate; linking errors are
    caught, logged and returned, since the batch itself is safely stored.
    ``vectors`` go to :func:`~wortlaut.link.update.update` (handed-over lead vectors), ``prepared``
    to the store (handed-over :func:`~wortlaut.store.writer.prepare` of articles, by id).
    """
    batch = list(articles)
    results = store.add_many(batch, link=False, prepared=prepared)
    stored = tuple(result.article_id for result in results if result.status != "unchanged")
    if not link or not stored:
        return BatchOutcome(results=results, stored=stored)
    try:
        report = update(store, stored, encoder=encoder, articles=batch, vectors=vectors)
    except Exception as error:  # the articles stay stored and journalled in link_pending
        reason = f"{type(error).__name__}: {error}"
        logger.error(
            "cross-article linking of %d articles failed (%s); they are stored and will be linked by"
            " `wortlaut link --db %s` or the next ingest",
            len(stored),
            reason,
            store.path,
        )
        return BatchOutcome(results=results, stored=stored, link_error=reason)
    logger.info(
        "linked %d articles: %d duplicates, %d new stories, %d joined, %d statements grouped",
        report.articles,
        report.duplicates,
        report.stories_created,
        report.stories_joined,
        report.statements_grouped,
    )
    return BatchOutcome(results=results, stored=stored, link=report)
