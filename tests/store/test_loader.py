"""Bulk ingest: parallel analysis, batches, resumption and per-item failures."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.store.samples import filler_article, rutte_article
from wortlaut.article import Article, Token
from wortlaut.ingest import IngestError
from wortlaut.store import Store
from wortlaut.store.loader import Analyzer, for_store, ingest


def _title_analyzer() -> Analyzer:
    """A stand-in pipeline: marks the article, and fails on one text (for the failure path)."""

    def analyze(article: Article) -> Article:
        if "kaputt" in article.text:
            raise RuntimeError("stage exploded")
        return article.with_layers(title=f"analysed in {__name__}")

    return analyze


def test_parallel_ingest_analyses_and_stores_everything(store_location: str) -> None:
    articles = [filler_article(number) for number in range(40)]
    with Store.open(store_location) as store:
        report = ingest(
            store, articles, analyzer_factory=_title_analyzer, workers=2, batch_size=7, link=False
        )
        assert (report.added, report.skipped, report.failures) == (40, 0, [])
        assert {info.title for info in store.articles(limit=100)} == {f"analysed in {__name__}"}


def test_errors_and_failed_analyses_are_reported_and_the_rest_is_stored(store_location: str) -> None:
    items = [filler_article(1), IngestError(path="bad.html", reason="empty file"),
             Article.create("Das ist kaputt."), filler_article(2)]  # fmt: skip
    failures: list[str] = []
    with Store.open(store_location) as store:
        report = ingest(store, items, analyzer_factory=_title_analyzer, link=False,
                        on_failure=lambda failure: failures.append(str(failure)))  # fmt: skip
        assert report.added == 2
    assert failures[0] == "bad.html: empty file"
    assert "stage exploded" in failures[1]


def test_rerun_skips_stored_articles_before_analysis(store_location: str) -> None:
    calls: list[str] = []

    def counting() -> Analyzer:
        def analyze(article: Article) -> Article:
            calls.append(article.id)
            return article

        return analyze

    with Store.open(store_location) as store:
        ingest(store, [filler_article(1)], analyzer_factory=counting, link=False)
        report = ingest(store, [filler_article(1), filler_article(2), filler_article(2)],
                        analyzer_factory=counting, link=False)  # fmt: skip
    assert (report.added, report.skipped) == (1, 2)
    assert calls == [filler_article(1).id, filler_article(2).id]


def test_published_wins_over_every_date(store_location: str) -> None:
    undated = Article.create("Ohne Datum.")
    with Store.open(store_location) as store:
        ingest(store, [undated, rutte_article()], analyzer_factory=None, published="2025-03-05", link=False)
        assert store.article(undated.id).published == "2025-03-05"
        assert store.article(rutte_article().id).published == "2025-03-05"  # issue 16: the given date wins


def test_forked_workers_share_the_analyzer_the_parent_built_once(store_location: str) -> None:
    builds: list[int] = []

    def counted() -> Analyzer:
        builds.append(1)  # runs in this process only if the pool does not rebuild it per worker
        return _title_analyzer()

    articles = [filler_article(number) for number in range(6)]
    with Store.open(store_location) as store:
        report = ingest(store, articles, analyzer_factory=counted, workers=2, batch_size=4, link=False)
        assert report.added == 6
        assert {info.title for info in store.articles(limit=10)} == {f"analysed in {__name__}"}
    assert builds == [1]


def _tokenising_analyzer() -> Analyzer:
    """A stand-in pipeline that adds a token layer (which the store does not keep)."""

    def analyze(article: Article) -> Article:
        tokens = tuple(
            Token(start=match.start(), end=match.end(), text=match.group(), pos="X")
            for match in re.finditer(r"\S+", article.text)
        )
        return article.with_layers(tokens=tokens, title="analysed")

    return analyze


def test_workers_hand_over_articles_without_tokens_the_store_keeps_the_same_records(tmp_path: Path) -> None:
    articles = [filler_article(number) for number in range(5)]
    assert _tokenising_analyzer()(articles[0]).tokens
    assert for_store(_tokenising_analyzer()(articles[0])) == _tokenising_analyzer()(articles[0]).with_layers(
        tokens=()
    )
    records = []
    for workers in (1, 2):
        with Store.open(str(tmp_path / f"w{workers}.sqlite")) as store:
            ingest(store, articles, analyzer_factory=_tokenising_analyzer, workers=workers, link=False)
            records.append([store.article(article.id).to_json() for article in articles])
    assert records[0] == records[1]
    assert records[0][0]["title"] == "analysed"


def _niceness_analyzer() -> Analyzer:
    """A stand-in pipeline that writes the analysing process's niceness into the title."""

    def analyze(article: Article) -> Article:
        return article.with_layers(title=f"niceness {os.nice(0)}")

    return analyze


def test_forked_workers_run_at_the_added_niceness_and_the_main_process_keeps_its_own(
    store_location: str,
) -> None:
    ours = os.nice(0)
    articles = [filler_article(number) for number in range(6)]
    with Store.open(store_location) as store:
        report = ingest(
            store, articles, analyzer_factory=_niceness_analyzer, workers=2, link=False, worker_niceness=3
        )
        assert report.added == 6
        assert {info.title for info in store.articles(limit=10)} == {f"niceness {min(ours + 3, 19)}"}
    assert os.nice(0) == ours
