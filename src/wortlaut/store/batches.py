"""The main process's batch writer and the counts of an ingest run.

Every batch is one transaction (:func:`wortlaut.link.flow.add_and_link` stores
it, then links it in memory), so a killed ingest leaves whole batches.  A batch
whose linking fails is reported as a failure naming its articles; they stay
journalled for ``wortlaut link``, and :func:`_resume_linking` works off what an
earlier run left unlinked.  Split from :mod:`wortlaut.store.loader`, which
reads inputs and drives the workers, so that each part fits on a few screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from wortlaut.article import Article
from wortlaut.link.encoder import Encoder
from wortlaut.link.flow import add_and_link
from wortlaut.link.update import link_pending
from wortlaut.store.core import Store
from wortlaut.store.handover import Failure, VectorKey
from wortlaut.store.writer import Prepared


@dataclass(slots=True, kw_only=True)
class IngestReport:
    """Counts of one ingest run."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    #: Articles left unlinked by an earlier run (a kill, a failure) and linked by this one.
    relinked: int = 0
    #: Articles stored by this run whose linking failed (they wait in the link journal).
    unlinked: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.replaced


class _BatchWriter:
    """Collects analysed articles and writes each full batch in one transaction."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        size: int,
        on_item: Callable[[IngestReport], None] | None,
        *,
        link: bool,
        on_failure: Callable[[Failure], None] | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.store, self.report, self.size, self.on_item = store, report, max(1, size), on_item
        self.link, self.on_failure = link, on_failure
        self.buffer: list[Article] = []
        #: The encoder linking uses (``None``: the default; see :func:`split_linking`).
        self.encoder = encoder
        #: Handed-over lead vectors and signatures of the buffered articles, by ``(kind, text)``.
        self.vectors: dict[VectorKey, np.ndarray] = {}
        #: Handed-over :func:`~wortlaut.store.writer.prepare` of the buffered articles, by id.
        self.prepared: dict[str, Prepared] = {}

    def push(
        self, article: Article, *handed: tuple[VectorKey, np.ndarray] | None, prepared: Prepared | None = None
    ) -> None:
        """Buffer an analysed article with what its worker handed over (lead vector, signature, rows)."""
        self.buffer.append(article)
        if prepared is not None:
            self.prepared[article.id] = prepared
        for item in handed:
            if item is not None:
                self.vectors[item[0]] = item[1]
        if len(self.buffer) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        outcome = add_and_link(
            self.store, self.buffer, link=self.link, encoder=self.encoder, vectors=self.vectors or None,
            prepared=self.prepared,
        )  # fmt: skip
        self.buffer, self.vectors, self.prepared = [], {}, {}
        if outcome.link_error is not None:  # stored and journalled: reported, retried by the next run
            self.report.unlinked += len(outcome.stored)
            _fail(self.report, _link_failure(outcome.stored, outcome.link_error), self.on_failure)
        for result in outcome.results:
            if result.status == "added":
                self.report.added += 1
            elif result.status == "replaced":
                self.report.replaced += 1
            else:
                self.report.skipped += 1
            if self.on_item:
                self.on_item(self.report)


def _link_failure(article_ids: list[str] | tuple[str, ...], error: BaseException | str) -> Failure:
    """A failed linking batch, named by its first and last article ids."""
    span = article_ids[0] if len(article_ids) == 1 else f"{article_ids[0]}..{article_ids[-1]}"
    detail = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return Failure(
        name=f"linking {len(article_ids)} articles ({span})",
        reason=f"{detail}; they are stored and stay queued for `wortlaut link`",
    )


def _resume_linking(store: Store, report: IngestReport, on_failure: Callable[[Failure], None] | None) -> None:
    """Link what an earlier, interrupted run stored but did not link (the link journal)."""
    for batch in link_pending(store):
        if batch.error is not None:
            _fail(report, _link_failure(batch.article_ids, batch.error), on_failure)
        else:
            report.relinked += len(batch.article_ids)


def _fail(report: IngestReport, failure: Failure, on_failure: Callable[[Failure], None] | None) -> None:
    report.failures.append(failure)
    if on_failure:
        on_failure(failure)
