"""The ingest worker's collector thresholds (issue 17zn): set by both pool initializers."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from wortlaut.article import Article
from wortlaut.store import worker


@pytest.fixture
def restored() -> Iterator[None]:
    """Put back the test process's thresholds and the worker module's state afterwards."""
    thresholds = gc.get_threshold()
    state = (worker._worker_analyzer, worker._worker_leads, worker._worker_pages)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        worker._worker_analyzer, worker._worker_leads, worker._worker_pages = state


def _same(article: Article) -> Article:
    return article


def test_forked_worker_collects_less_often(restored: None) -> None:
    gc.set_threshold(700, 10, 10)
    worker._adopt_worker(_same)
    assert gc.get_threshold() == worker.WORKER_GC_THRESHOLDS
    assert worker.WORKER_GC_THRESHOLDS[0] > 700


def test_spawned_worker_collects_less_often(restored: None) -> None:
    gc.set_threshold(700, 10, 10)
    worker._init_worker(lambda: _same)
    assert gc.get_threshold() == worker.WORKER_GC_THRESHOLDS
    assert worker._worker_analyzer is _same
