"""The link journal: stored-but-unlinked articles are never lost, and linking errors are reported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.store.samples import filler_article, rutte_article, selenskyj_article
from wortlaut.link import HashingEncoder, link_pending, pending_ids
from wortlaut.store import Store
from wortlaut.store.loader import ingest
from wortlaut.store.schema import MIGRATIONS, _split


@pytest.fixture(autouse=True)
def _hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")


def _linked(store: Store) -> set[str]:
    return {row[0] for row in store.connection.execute("SELECT article_id FROM story_articles")}


def test_articles_stored_without_linking_wait_in_the_journal(store_location: str) -> None:
    with Store.open(store_location) as store:
        articles = [rutte_article(), selenskyj_article(), filler_article(1)]
        store.add_many(articles, link=False)
        assert set(pending_ids(store)) == {article.id for article in articles}
        batches = link_pending(store, encoder=HashingEncoder(), batch_size=2)
        assert [len(batch.article_ids) for batch in batches] == [2, 1]
        assert all(batch.error is None for batch in batches)
        assert pending_ids(store) == [] and store.unlinked() == 0
        assert _linked(store) == {article.id for article in articles}


def test_linking_in_add_many_clears_the_journal(store_location: str) -> None:
    with Store.open(store_location) as store:
        store.add_many([rutte_article()])
        assert store.unlinked() == 0 and _linked(store) == {rutte_article().id}


def test_a_failing_link_batch_is_reported_and_stays_queued(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("encoder exploded")

    with Store.open(store_location) as store:
        monkeypatch.setattr("wortlaut.link.flow.update", broken)  # what ingest calls after each batch
        failures = []
        report = ingest(store, [rutte_article(), selenskyj_article()], analyzer_factory=None,
                        batch_size=1, on_failure=failures.append)  # fmt: skip
        assert report.added == 2
        assert len(failures) == 2 and all("encoder exploded" in failure.reason for failure in failures)
        assert "wortlaut link" in failures[0].reason and failures[0].name.startswith("linking 1 articles")
        assert store.unlinked() == 2 and _linked(store) == set()
        monkeypatch.undo()
        monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
        again = ingest(store, [rutte_article()], analyzer_factory=None)  # the next run resumes the journal
        assert again.relinked == 2 and again.skipped == 1 and again.failures == []
        assert store.unlinked() == 0 and len(_linked(store)) == 2


def test_upgrade_marks_every_existing_article_for_a_link_check(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article(), selenskyj_article()], link=False)
    connection = sqlite3.connect(path, isolation_level=None)  # make it a version-3 store again
    connection.execute("DROP TABLE link_pending")
    connection.execute("DROP TRIGGER articles_link_pending_delete")
    connection.execute("PRAGMA user_version = 3")  # the version before the link journal (migration 4)
    connection.close()
    with Store.open(path) as store:
        assert store.unlinked() == 2
        link_pending(store, encoder=HashingEncoder())
        assert store.unlinked() == 0 and len(_linked(store)) == 2


def test_deleting_an_article_removes_it_from_the_journal(store_location: str) -> None:
    with Store.open(store_location) as store:
        store.add_many([rutte_article()], link=False)
        store.add_many([rutte_article(quote="Neu.")], link=False)  # same URL: replaces the first
        assert pending_ids(store) == [rutte_article(quote="Neu.").id]


def test_schema_4_is_the_journal() -> None:
    assert any("link_pending" in statement for statement in _split(MIGRATIONS[3]))
