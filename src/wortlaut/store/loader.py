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

With forked workers, each worker also encodes the lead of the article it
analysed (the text story clustering reads; its vector depends on the article
and the encoder alone) and hands the vector over with the article: e5's lead
vector with the e5 encoder, the static one with a lead cascade (which then
reads e5 only for the leads its story scores leave undecided), so that
per-article work runs on every core instead of the main process alone;
linking caches the handed-over vector instead of encoding the lead again
(:func:`wortlaut.link.update.update`'s ``vectors``); the MinHash signature of
the article's text, which the duplicate search reads, comes along the same way.  Same vectors, so the
same links: e5 gives a text the same bits alone or in a batch.  The e5 texts
linking itself needs (statements, undecided leads) are split between the main
process and one forked helper (:class:`wortlaut.link.split.SplitEncoder`).
Workers hand articles over without their token layer (:func:`for_store`),
which neither the store nor linking reads and which made up most of the pickling.

HTML pages may come from the reader unread (:class:`~wortlaut.ingest.reader.UnreadPage`,
:func:`~wortlaut.ingest.reader.iter_inputs`; ``wortlaut ingest`` with the setting
``ingest.pages_on_workers``) and forked workers read them, so
boilerplate removal (60-80 ms a page) no longer runs in the main process, whose
serial work bounds the wall time.  A page's id (a hash of its text) is then known
only after reading, so with forked workers the duplicate decision moves to the
results, taken in input order (:class:`Claimed`): the same articles are kept as
when every id was known on reading.  Ids stored before the run are still skipped
before analysis (the workers inherit that set).
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, NamedTuple

import numpy as np

from wortlaut.article import Article
from wortlaut.ingest.htmltext import warm_page_reader
from wortlaut.ingest.pagedates import override_published
from wortlaut.ingest.reader import UnreadPage
from wortlaut.link import duplicates, stories
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder, default_encoder
from wortlaut.link.flow import add_and_link
from wortlaut.link.split import one_thread_e5, split_linking
from wortlaut.link.update import link_pending
from wortlaut.store.core import Store
from wortlaut.store.writer import Prepared, prepare

logger = logging.getLogger(__name__)

#: Articles per transaction: large enough that commit cost (an fsync in WAL mode) is small
#: against analysis time, small enough that a kill loses at most a few seconds of work.
DEFAULT_BATCH_SIZE = 32
#: Articles handed to a worker at once; small so that progress stays smooth.
_CHUNK_SIZE = 2

Analyzer = Callable[[Article], Article]


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """An input or article that could not be stored, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


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


#: A handed-over vector's key: (cache kind ``<encoder name>:article``, lead text).
VectorKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article analysed by a worker, with its lead's cache key and vector (``None``: not encoded),
    the MinHash signature and exact hash of its text for the duplicate search (``None``: not
    computed; :func:`~wortlaut.link.duplicates.handed_over`) and what the store writes of it that
    depends on it alone (:func:`~wortlaut.store.writer.prepare`; ``None``: prepared when stored)."""

    article: Article
    lead: tuple[VectorKey, np.ndarray] | None
    signature: tuple[VectorKey, np.ndarray] | None = None
    prepared: Prepared | None = None
    exact: tuple[VectorKey, np.ndarray] | None = None


@dataclass(frozen=True, slots=True)
class Claimed:
    """A worker's outcome under its article's id, for the duplicate decision in input order.

    ``id`` is ``None`` for a page that could not be read (``outcome`` is then
    its failure); ``outcome`` is ``None`` for an article stored before the run
    (not analysed).
    """

    id: str | None
    outcome: Article | Failure | Analysed | None


class Pages(NamedTuple):
    """What forked workers need to read pages: ``--published`` and the ids stored before the run."""

    published: str | None
    stored: set[str]


class Leads(NamedTuple):
    """How forked workers encode leads: with ``encoder``, the text an encoder of ``family`` reads."""

    encoder: Encoder
    family: str


_worker_analyzer: Analyzer | None = None
#: How a forked worker encodes leads (the parent's encoder, inherited); ``None``: no hand-over.
_worker_leads: Leads | None = None
#: Set when forked workers read pages and claim ids (:func:`_claimed`); ``None``: articles only.
_worker_pages: Pages | None = None


def _init_worker(factory: Callable[[], Analyzer]) -> None:
    """Pool initializer: build the analyzer (load the pipeline's resources) once per worker."""
    global _worker_analyzer
    _worker_analyzer = factory()


def _analyze_in_worker(item: Article | UnreadPage) -> Article | Failure | Analysed | Claimed:
    if _worker_pages is not None:
        return _claimed(item, _worker_pages)
    assert isinstance(item, Article)
    return _analysis(item)


def _claimed(item: Article | UnreadPage, pages: Pages) -> Claimed:
    """Read ``item`` if it is a page, then analyse it unless its id was stored before the run."""
    if isinstance(item, UnreadPage):
        read = item.read()
        _trim_heap()
        if not isinstance(read, Article):
            return Claimed(None, input_failure(read))
        item = override_published(read, pages.published)
        if item.id in pages.stored:
            return Claimed(item.id, None)
    return Claimed(item.id, _analysis(item))


def _trim_heap() -> None:
    """Give the C heap's free pages back to the system after reading a page (glibc's ``malloc_trim``).

    A page's lxml trees take a few MB and are freed after reading, but the
    heap kept their pages: 60 news-html pages grew a process by 22 MB, by 7 MB
    with a trim after each (0.7 ms a page; issue 17zc).  Without glibc, nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None
    return trim


def _analysis(article: Article) -> Article | Failure | Analysed:
    """An article analysed on a worker, as handed to the main process."""
    assert _worker_analyzer is not None
    result = _safe(_worker_analyzer, article)
    if isinstance(result, Failure):
        return result
    result = for_store(result)
    if _worker_leads is None:
        return result
    return with_prepared(with_signature(with_lead(result, *_worker_leads)))


def for_store(article: Article) -> Article:
    """``article`` without its token layer, as a worker hands it to the main process.

    The store does not keep tokens (``Article.to_json`` leaves them out) and
    linking does not read them, but they are about 60 % of a pickled analysed
    article and most of its unpickling time (10kGNAD, 300 articles: 26 KiB and
    2.3 + 3.1 ms to dump and load, against 10 KiB and 0.3 + 0.4 ms without).
    """
    return article.with_layers(tokens=()) if article.tokens else article


def with_lead(article: Article, encoder: Encoder, family: str | None = None) -> Analysed:
    """``article`` with its lead's key and vector by ``encoder`` (the text an encoder of ``family``,
    by default ``encoder``'s, reads: a lead cascade encodes e5's lead text with its static encoder).

    An encoder error leaves the lead to the main process (``lead=None``): it
    encodes it there as it would without workers.
    """
    text = stories.article_text(stories.article_row(article, ""), family or encoder.family)
    try:
        vector = encoder.encode([text])[0]
    except Exception:  # the main process encodes it instead
        return Analysed(article, None)
    return Analysed(article, ((f"{encoder.name}:article", text), vector))


def with_signature(analysed: Analysed) -> Analysed:
    """``analysed`` with the MinHash signature and the exact hash of the text the duplicate search
    reads (computed here, on the worker's core, instead of in the main process: same functions,
    same values)."""
    text = stories.article_row(analysed.article, "").text
    signature, exact = duplicates.handed_over(text)
    return replace(
        analysed,
        signature=((duplicates.SIGNATURE_KIND, text), signature),
        exact=((duplicates.HASH_KIND, text), exact),
    )


def with_prepared(analysed: Analysed) -> Analysed:
    """``analysed`` with the store's :func:`~wortlaut.store.writer.prepare` of its article (its stems
    and hash: 0.45 CPU ms an article, here on the worker's core instead of the writing process);
    same function, same rows."""
    return replace(analysed, prepared=prepare(analysed.article))


def lead_encoder() -> Leads | None:
    """How forked workers may encode leads, by the store's default encoder.

    e5 (on one thread) encodes every lead; a lead cascade first reads each
    lead with its static encoder (the per-article part of its story choice;
    the main process then reads e5 only for the undecided leads), a cascade
    without lead band with e5.  Other encoders cost next to nothing there.
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
            return Leads(encoder.cheap, encoder.family)
        encoder = encoder.precise
    return Leads(encoder, encoder.family) if one_thread_e5(encoder) else None


def _safe(analyzer: Analyzer, article: Article) -> Article | Failure:
    try:
        return analyzer(article)
    except Exception as error:  # one article failing must not end the batch
        name = str(article.meta.get("path") or article.url or article.id)
        return Failure(name=name, reason=f"analysis failed ({type(error).__name__}: {error})")


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
                parts = (result.lead, result.signature, result.exact)
                writer.push(result.article, *parts, prepared=result.prepared)
            else:
                writer.push(result)
        writer.flush()
    return report


def input_failure(item: Any) -> Failure:
    """The failure an input that is not an article stands for (an :class:`IngestError` value)."""
    return Failure(name=getattr(item, "path", "?"), reason=getattr(item, "reason", str(item)))


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


def _adopt_worker(
    analyzer: Analyzer, leads: Leads | None = None, pages: Pages | None = None, niceness: int = 0
) -> None:
    """Pool initializer under ``fork``: the analyzer (and lead encoder, page reading) the parent built.

    ``niceness`` is added to the worker's: with linking, the main process (store and link each batch,
    one core at most) bounds the run's wall time, and at equal priority two workers and the e5 helper
    left it under a core while the workers ran far ahead, then a second core idle at the end while it
    worked through their buffered results (docs/performance.md, "The serial part, fourth pass").
    """
    global _worker_analyzer, _worker_leads, _worker_pages
    if niceness > 0:
        _lower_priority(niceness)
    _worker_analyzer, _worker_leads, _worker_pages = analyzer, leads, pages


def _lower_priority(niceness: int) -> None:
    """Add ``niceness`` to this process's (only lowers it; a failure leaves it as it is)."""
    try:
        os.nice(niceness)
    except OSError as error:  # e.g. a sandbox without the call: same results, only scheduled as before
        logger.debug("worker niceness not changed: %s", error)


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
    collections).  (Under fork the initializer's arguments are inherited, not pickled.)
    """
    gc.collect()
    gc.freeze()
    return context.Pool(workers, initializer=_adopt_worker, initargs=(analyzer, leads, pages, niceness))
