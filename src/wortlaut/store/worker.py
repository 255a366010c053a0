"""The ingest worker process: its state (set once by the pool initializer) and the work it does per input.

Workers each build the pipeline once (:func:`_init_worker`) or, under ``fork``,
adopt the one the parent built (:func:`_adopt_worker`, see
:func:`wortlaut.store.loader._forked_pool`), then analyse articles and, with
the setting ``ingest.pages_on_workers``, read HTML pages first
(:func:`_claimed`).  Kept apart from the main process's loop
(:mod:`wortlaut.store.loader`) because everything here runs in another process
and reads only the module state the initializer set.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from wortlaut.article import Article
from wortlaut.ingest.pagedates import override_published
from wortlaut.ingest.reader import UnreadPage
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder
from wortlaut.store.handover import (
    Analysed,
    Claimed,
    Failure,
    for_store,
    input_failure,
    with_lead,
    with_prepared,
    with_signature,
    with_statements,
)

logger = logging.getLogger(__name__)

Analyzer = Callable[[Article], Article]


class Pages(NamedTuple):
    """What forked workers need to read pages: ``--published`` and the ids stored before the run."""

    published: str | None
    stored: set[str]


class Leads(NamedTuple):
    """How forked workers encode leads: with ``encoder``, the text an encoder of ``family`` reads;
    ``statements``: a cascade whose precise encoder also reads the statement texts the article's own
    pairs decide (:func:`~wortlaut.store.handover.with_statements`)."""

    encoder: Encoder
    family: str
    statements: CascadeEncoder | None = None


#: The worker's collector thresholds (``gc.set_threshold``; Python's default is 700, 10, 10).  An
#: analysed article makes tens of thousands of short-lived container objects (match words, tokens,
#: feature lists), and at 700 the young generation was collected ~3 times an article, every tenth
#: time with the middle one, and the full collections walked the growing memos (form tables, morph
#: and lemma memos) 13 times in 600 articles: 1.26-1.44 CPU ms an article.  At 10,000 the same
#: worker path spent 0.22-0.23 ms on it, no full collection in 600 articles, the same peak RSS (the
#: cycles left a little longer are few; scratch ``gcw.py``, docs/performance.md, "The workers, sixth
#: pass").  Only when collections run changes, never what is computed.
WORKER_GC_THRESHOLDS = (10_000, 10, 10)

_worker_analyzer: Analyzer | None = None
#: How a forked worker encodes leads (the parent's encoder, inherited); ``None``: no hand-over.
_worker_leads: Leads | None = None
#: Set when forked workers read pages and claim ids (:func:`_claimed`); ``None``: articles only.
_worker_pages: Pages | None = None


def _init_worker(factory: Callable[[], Analyzer]) -> None:
    """Pool initializer: build the analyzer (load the pipeline's resources) once per worker."""
    global _worker_analyzer
    _collect_less()
    _worker_analyzer = factory()


def _collect_less() -> None:
    """Run this worker's cyclic collector less often (:data:`WORKER_GC_THRESHOLDS`)."""
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


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
    return hand_over(result, _worker_leads)


def hand_over(article: Article, leads: Leads | None) -> Article | Analysed:
    """An analysed article as a worker hands it to the main process: without its token layer and,
    with ``leads``, with the encodings and prepared rows the worker computes for it."""
    stored = for_store(article)
    if leads is None:
        return stored
    analysed = with_prepared(with_signature(with_lead(stored, leads.encoder, leads.family)))
    return analysed if leads.statements is None else with_statements(analysed, leads.statements)


def _safe(analyzer: Analyzer, article: Article) -> Article | Failure:
    try:
        return analyzer(article)
    except Exception as error:  # one article failing must not end the batch
        name = str(article.meta.get("path") or article.url or article.id)
        return Failure(name=name, reason=f"analysis failed ({type(error).__name__}: {error})")


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
    _collect_less()
    _worker_analyzer, _worker_leads, _worker_pages = analyzer, leads, pages


def _lower_priority(niceness: int) -> None:
    """Add ``niceness`` to this process's (only lowers it; a failure leaves it as it is)."""
    try:
        os.nice(niceness)
    except OSError as error:  # e.g. a sandbox without the call: same results, only scheduled as before
        logger.debug("worker niceness not changed: %s", error)
