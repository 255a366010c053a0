"""Bulk ingest: analyse articles on worker processes and write them in batches.

The main process reads inputs and is the only writer; workers each build the
pipeline once (in the pool initializer) and analyse articles.  Every batch is
one transaction, so a killed ingest leaves whole batches; ids already stored
are skipped before analysis, which makes a rerun resume where the last one
stopped without analysing anything twice.  The flow is explicit: read →
analyse → store the batch → link it (:func:`wortlaut.link.flow.add_and_link`,
which hands the analysed articles to the linker in memory).  Linking is
resumable too: each batch is linked right after its commit, and articles a kill left unlinked wait
in the store's link journal, which is worked off at the start of the next run
(with linking on).  A batch whose linking fails is reported as a failure
naming its articles; they stay journalled for ``wortlaut link``.

HTML pages may come from the reader unread (:class:`~wortlaut.ingest.reader.UnreadPage`,
:func:`~wortlaut.ingest.reader.iter_inputs`; ``wortlaut ingest`` with the setting
``ingest.pages_on_workers``) and forked workers read them, so
boilerplate removal (60-80 ms a page) no longer runs in the main process, whose
serial work bounds the wall time.  A page's id (a hash of its text) is then known
only after reading, so with forked workers the duplicate decision moves to the
results, taken in input order (:class:`Claimed`): the same articles are kept as
when every id was known on reading.  Ids stored before the run are still skipped
before analysis (the workers inherit that set).

The parts live in their own modules: what a worker hands over in
:mod:`wortlaut.store.handover`, the worker process in :mod:`wortlaut.store.worker`,
the batch writer and the run's counts in :mod:`wortlaut.store.batches`; their
public names stay importable from here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from typing import Any

from wortlaut.article import Article
from wortlaut.ingest.htmltext import warm_page_reader
from wortlaut.ingest.pagedates import override_published
from wortlaut.ingest.reader import UnreadPage
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import default_encoder
from wortlaut.link.split import one_thread_e5, split_linking
from wortlaut.store.batches import IngestReport, _BatchWriter, _fail, _resume_linking
from wortlaut.store.core import Store
from wortlaut.store.handover import (
    Analysed,
    Claimed,
    Failure,
    VectorKey,
    for_store,
    input_failure,
    with_lead,
    with_prepared,
    with_signature,
)
from wortlaut.store.worker import (
    Analyzer,
    Leads,
    Pages,
    _adopt_worker,
    _analyze_in_worker,
    _init_worker,
    _safe,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Analysed",
    "Analyzer",
    "Claimed",
    "Failure",
    "IngestReport",
    "Leads",
    "Pages",
    "VectorKey",
    "default_analyzer",
    "for_store",
    "ingest",
    "input_failure",
    "lead_encoder",
    "with_lead",
    "with_prepared",
    "with_signature",
]

#: Articles per transaction: large enough that commit cost (an fsync in WAL mode) is small
#: against analysis time, small enough that a kill loses at most a few seconds of work.
DEFAULT_BATCH_SIZE = 32
#: Articles handed to a worker at once; small so that progress stays smooth.
_CHUNK_SIZE = 2


def lead_encoder() -> Leads | None:
    """How forked workers may encode leads, by the store's default encoder.

    e5 (on one thread) encodes every lead; a lead cascade first reads each
    lead with its static encoder (the per-article part of its story choice;
    the main process then reads e5 only for the undecided leads), a cascade
    without lead band with e5.  Other encoders cost next to nothing there.
    A lead cascade's workers also encode the e5 statement texts that each
    article's own statement pairs send to e5 (:mod:`wortlaut.link.ahead`).
    Only e5 on one OpenMP thread (:data:`wortlaut.link.encoder.E5_THREADS`)
    is forked: no thread pool exists that a fork could leave broken; with
    more, the main process encodes as before.
    """
    try:
        encoder = default_encoder()
    except Exception:  # linking reports it per batch, as without workers
        return None
    if isinstance(encoder, CascadeEncoder):
        if encoder.leads is not None:
            ahead = encoder if one_thread_e5(encoder.precise) else None
            return Leads(encoder.cheap, encoder.family, ahead)
        encoder = encoder.precise
    return Leads(encoder, encoder.family) if one_thread_e5(encoder) else None


def default_analyzer() -> Analyzer:
    """The default pipeline as an analyzer (imported lazily: it loads models)."""
    from wortlaut.pipeline import default_pipeline

    return default_pipeline()


def ingest(
    store: Store,
    items: Iterable[Article | Any],
    *,
    analyzer_factory: Callable[[], Analyzer] | None = default_analyzer,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    published: str | None = None,
    link: bool = True,
    on_item: Callable[[IngestReport], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    html: bool = False,
    worker_niceness: int = 0,
) -> IngestReport:
    """Analyse and store ``items`` (articles, unread pages, or error values from :mod:`wortlaut.ingest`).

    ``analyzer_factory=None`` stores articles as they are (already analysed
    records).  ``published`` (``--published``) replaces every article's date;
    ``link=False`` skips cross-article linking (a faster bulk load).
    ``html``: the items hold HTML pages (:func:`~wortlaut.ingest.reader.names_pages`),
    so the page reader's tables are loaded before forking workers, one copy for
    all (:func:`~wortlaut.ingest.htmltext.warm_page_reader`); without it each
    worker loads its own on its first page that needs them.
    ``worker_niceness``: added to each forked worker's niceness (:func:`_adopt_worker`).
    """
    report = IngestReport()
    if link:
        _resume_linking(store, report, on_failure)
    stored = store.stored_ids()
    forked = workers > 1 and analyzer_factory is not None and _forking()

    def fresh() -> Iterator[Article | UnreadPage]:
        for item in items:
            if isinstance(item, UnreadPage):
                if forked:  # read on a worker; its id is claimed on the way back
                    yield item
                    continue
                item = item.read()
            if not isinstance(item, Article):
                _fail(report, input_failure(item), on_failure)
                continue
            item = override_published(item, published)
            if item.id in stored:
                report.skipped += 1
                if on_item:
                    on_item(report)
                continue
            stored.add(item.id)
            yield item

    leads = link and forked
    pages = Pages(published, stored) if forked else None
    claimed: set[str] = set()
    with split_linking(multiprocessing.get_context("fork")) if leads else nullcontext(None) as encoder:
        writer = _BatchWriter(
            store, report, batch_size, on_item, link=link, on_failure=on_failure, encoder=encoder
        )
        warm = html and pages is not None
        analysed = _analysed(
            fresh(), analyzer_factory, workers, leads=leads, pages=pages, warm=warm, niceness=worker_niceness
        )
        for handed in analysed:
            result = _unclaimed(handed, claimed)
            if result is None:  # stored before the run, or an earlier input's id
                report.skipped += 1
                if on_item:
                    on_item(report)
            elif isinstance(result, Failure):
                _fail(report, result, on_failure)
            elif isinstance(result, Analysed):
                parts = (result.lead, result.signature, result.exact, *result.statements)
                writer.push(result.article, *parts, prepared=result.prepared)
            else:
                writer.push(result)
        writer.flush()
    return report


def _unclaimed(
    result: Article | Failure | Analysed | Claimed, claimed: set[str]
) -> Article | Failure | Analysed | None:
    """A worker's outcome, ``None`` where a claimed id was stored before the run or taken by an earlier
    input (skipped); a new id is claimed.  Results come in input order, so the first input with an id
    keeps it, as when every id was decided on reading."""
    if not isinstance(result, Claimed) or result.id is None:
        return result.outcome if isinstance(result, Claimed) else result
    if result.outcome is None or result.id in claimed:
        return None
    claimed.add(result.id)
    return result.outcome


def _forking() -> bool:
    """Whether worker processes are forked here (POSIX), the condition for handing vectors over."""
    return os.name == "posix"


def _analysed(
    articles: Iterator[Article | UnreadPage],
    factory: Callable[[], Analyzer] | None,
    workers: int,
    *,
    leads: bool = False,
    pages: Pages | None = None,
    warm: bool = False,
    niceness: int = 0,
) -> Iterator[Article | Failure | Analysed | Claimed]:
    """Analysed articles in input order, on ``workers`` processes when more than one.

    ``leads``: forked workers also encode each lead (:func:`lead_encoder`, built
    here before the fork so the workers share its model pages).  ``pages``:
    forked workers read the pages among ``articles`` and hand every outcome
    over as :class:`Claimed` (only with forked workers; the set of stored ids
    is inherited as it is when the pool forks, before the first input is read);
    ``warm``: load the page reader's tables before forking; ``niceness``: the forked workers' (added).
    """
    if factory is None:
        yield from (item for item in articles if isinstance(item, Article))
        return
    if workers <= 1:
        analyzer = factory()
        for article in articles:
            assert isinstance(article, Article)
            yield _safe(analyzer, article)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    if context.get_start_method() != "fork":
        with context.Pool(workers, initializer=_init_worker, initargs=(factory,)) as pool:
            yield from pool.imap(_analyze_in_worker, articles, chunksize=_CHUNK_SIZE)
        return
    encoder = lead_encoder() if leads else None
    if warm:
        warm_page_reader()
    try:
        with _forked_pool(context, workers, _built(factory), encoder, pages, niceness) as pool:
            yield from pool.imap(_analyze_in_worker, articles, chunksize=_CHUNK_SIZE)
    finally:
        gc.unfreeze()


def _built(factory: Callable[[], Analyzer]) -> Analyzer:
    """``factory()`` with the cyclic collector off: building the pipeline makes millions of objects
    that all stay, and each full collection on the way went through all made so far (six of them,
    ~0.5 CPU s, on the main process's build); :func:`_forked_pool` collects once after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return factory()
    finally:
        if enabled:
            gc.enable()


def _forked_pool(
    context: Any,
    workers: int,
    analyzer: Analyzer,
    leads: Leads | None = None,
    pages: Pages | None = None,
    niceness: int = 0,
) -> Any:
    """A pool of forked workers sharing ``analyzer``, built once in this process.

    Building the pipeline costs about 4 CPU s per process (HanTa, the
    morphology table, simplemma, the NER model); built here before forking,
    the workers inherit its pages copy-on-write instead of building their own
    copies.  ``gc.freeze`` keeps the workers' collector from writing to those
    objects' headers (which would copy the pages).  The parent keeps them
    frozen until the pool is done (:func:`_analysed` unfreezes): they live as
    long as it, and each full collection of the parent's own went through all
    of them again (0.76 of 8.6 CPU s of the main process on 300 articles, nine
    collections).  (Under fork the initializer's arguments are inherited, not pickled.)  No
    collection before the freeze (the recipe of ``gc.freeze``'s documentation): the build runs with
    the collector off (:func:`_built`) and leaves next to no garbage (10 unreachable objects of
    345,864 tracked, 2026-12-08), and the full collection cost 0.09-0.10 CPU s with the other core idle.
    """
    gc.freeze()
    return context.Pool(workers, initializer=_adopt_worker, initargs=(analyzer, leads, pages, niceness))
