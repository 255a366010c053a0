"""Online story clustering: joins, new stories, time decay, idempotence."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from tests.link.conftest import make_article
from wortlaut.link import HashingEncoder, active_stories, update
from wortlaut.link.active_stories import ActiveStories
from wortlaut.link.stories import ACTIVE_DAYS, decay_factor
from wortlaut.store import Store
from wortlaut.store.rows import connection_of

STRIKE = (
    "Die Gewerkschaft ruft für Donnerstag zu einem ganztägigen Warnstreik bei der Bahn auf. Fahrgäste müssen "
    "mit massiven Ausfällen im Fernverkehr rechnen, teilte die Gewerkschaft mit."
)
STRIKE_FOLLOW = (
    "Warnstreik bei der Bahn am Donnerstag: Die Gewerkschaft ruft zu einem ganztägigen Ausstand auf. "
    "Im Fernverkehr müssen Fahrgäste mit massiven Ausfällen rechnen."
)
WAGE = (
    "Der gesetzliche Mindestlohn soll 2026 auf 15 Euro pro Stunde steigen. Arbeitgeber warnen vor "
    "Jobverlusten im Mittelstand."
)


def _stories(store: Store) -> dict[str, str]:
    return dict(store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def test_related_articles_share_a_story_and_unrelated_one_opens_another(
    store: Store, encoder: HashingEncoder
) -> None:
    articles = [
        make_article(STRIKE, published="2025-04-02"),
        make_article(STRIKE_FOLLOW, published="2025-04-03"),
        make_article(WAGE, published="2025-04-03"),
    ]
    store.add_many(articles, link=False)
    for article in articles:  # one by one, as a daily ingest would
        update(store, [article.id], encoder=encoder)
    stories = _stories(store)
    assert stories[articles[0].id] == stories[articles[1].id] != stories[articles[2].id]
    size, first, last = store.connection.execute(
        "SELECT size, first_date, last_date FROM stories WHERE id = ?", (stories[articles[0].id],)
    ).fetchone()
    assert (size, first, last) == (2, "2025-04-02", "2025-04-03")


def test_same_topic_months_later_is_a_new_story(store: Store, encoder: HashingEncoder) -> None:
    early = make_article(STRIKE, published="2025-04-02")
    late = make_article(STRIKE_FOLLOW, published="2025-09-02")
    store.add_many([early, late], link=False)
    update(store, [early.id, late.id], encoder=encoder)
    stories = _stories(store)
    assert stories[early.id] != stories[late.id]


def test_update_is_idempotent(store: Store, encoder: HashingEncoder) -> None:
    article = make_article(STRIKE, published="2025-04-02")
    store.add_many([article], link=False)
    first = update(store, [article.id], encoder=encoder)
    again = update(store, [article.id, "no-such-article"], encoder=encoder)
    assert (first.articles, first.stories_created) == (1, 1)
    assert (again.articles, again.skipped, again.missing) == (0, 1, 1)
    assert store.connection.execute("SELECT COUNT(*), SUM(size) FROM stories").fetchone() == (1, 1)


def test_time_factor_decays_and_stops_outside_the_active_window() -> None:
    assert decay_factor(0) == 1.0
    assert 0 < decay_factor(ACTIVE_DAYS) < decay_factor(3) < 1.0
    assert decay_factor(ACTIVE_DAYS + 1) == 0.0


def test_store_add_runs_linking_with_an_injected_encoder(store: Store, encoder: HashingEncoder) -> None:
    article = make_article(WAGE, published="2025-04-03")
    store.add_many([article], link=False)
    report = update(store.connection, [article.id], encoder=encoder)  # a bare connection works too
    assert report.stories_created == 1


def test_clustering_a_draft_of_the_active_stories_leaves_them_untouched() -> None:
    active = ActiveStories()
    active.add("st:a", np.ones(4, dtype=np.float32), 10, 12, 2, Counter({"Q1": 2}), "A")
    active.add("st:c", np.ones(4, dtype=np.float32), 10, 10, 1, Counter({"Q2": 1, "Q3": 1}), "C")
    draft = active.draft()
    draft.absorb(0, np.full(4, 2.0, dtype=np.float32), 14, frozenset({"Q2"}))
    draft.absorb(0, np.full(4, 2.0, dtype=np.float32), 14, frozenset({"Q2"}))
    draft.add("st:b", np.zeros(4, dtype=np.float32), 14, 14, 0, Counter(), "B")
    assert active.ids == ["st:a", "st:c"] and active.sizes == [2, 1] and active.last == [12, 10]
    assert active.entities == [Counter({"Q1": 2}), Counter({"Q2": 1, "Q3": 1})] and not active.touched
    assert active.shared_cores(frozenset({"Q1", "Q2"})) == {0: 1, 1: 1}
    assert np.array_equal(active.matrix()[0], np.ones((2, 4), dtype=np.float32))
    assert draft.entities[0] == Counter({"Q1": 2, "Q2": 2}) and draft.entities[1] is active.entities[1]
    assert draft.shared_cores(frozenset({"Q1", "Q2"})) == {0: 2, 1: 1} and draft.touched == {0}


def test_the_dry_runs_stories_are_reused_until_another_connection_commits(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite")
    with Store.open(path) as store:
        connection = connection_of(store)
        window = ("2024-01-01", "2024-01-31")
        active, loaded = active_stories.active_for(connection, "k:story", window, None, True)
        assert loaded is not None and loaded.active is not active
        assert active_stories.active_for(connection, "k:story", window, loaded, False)[0] is loaded.active
        other_kind = active_stories.active_for(connection, "other:story", window, loaded, False)[0]
        assert other_kind is not loaded.active
        with sqlite3.connect(path) as other:
            other.execute("INSERT INTO embeddings(kind, item_id, vector) VALUES ('x', 'y', x'00')")
        assert active_stories.active_for(connection, "k:story", window, loaded, False)[0] is not loaded.active


def _window(day: str) -> tuple[str, str]:
    """The clustering window of a batch of articles of ``day``."""
    middle = date.fromisoformat(day)
    return str(middle - timedelta(days=ACTIVE_DAYS)), str(middle + timedelta(days=ACTIVE_DAYS))


def _story_rows(store: Store) -> list[tuple[str, int]]:
    return store.connection.execute("SELECT id, size FROM stories ORDER BY id").fetchall()


def test_the_next_batch_takes_the_written_stories_from_memory_while_no_one_else_wrote(
    tmp_path: Path, encoder: HashingEncoder
) -> None:
    path = str(tmp_path / "s.sqlite")
    with Store.open(path) as store:
        first = make_article(STRIKE, published="2025-04-02")
        store.add_many([first], link=False)
        update(store, [first.id], encoder=encoder)
        connection = connection_of(store)
        kind, window = f"{encoder.name}:story", _window("2025-04-02")
        rows = store.connection.execute("SELECT * FROM stories").fetchall()
        read = active_stories.load_active(connection, kind, *window)
        kept = active_stories._carried(connection, kind, window, active_stories.link_tables.active_stories(
            connection, *window, active_stories.MAX_ACTIVE))  # fmt: skip
        assert kept is not None and len(rows) == 1
        assert (kept.ids, kept.sizes, kept.first, kept.entities) == (
            read.ids,
            read.sizes,
            read.first,
            read.entities,
        )
        assert kept.matrix()[0].tobytes() == read.matrix()[0].tobytes() and kept.core(0) == read.core(0)
        assert active_stories._last is None  # taken once
        second = make_article(STRIKE_FOLLOW, published="2025-04-03")
        store.add_many([second], link=False)
        update(store, [second.id], encoder=encoder)
        with sqlite3.connect(path) as other:  # another writer: what was kept is read again
            other.execute("UPDATE stories SET size = size + 1")
        again = active_stories.active_for(connection, kind, window, None, False)[0]
        assert again.sizes == [size for _, size in _story_rows(store)]


def test_kept_stories_whose_rows_changed_are_read_again(tmp_path: Path, encoder: HashingEncoder) -> None:
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        article = make_article(STRIKE, published="2025-04-02")
        store.add_many([article], link=False)
        update(store, [article.id], encoder=encoder)
        connection = connection_of(store)
        store.connection.execute("UPDATE stories SET size = 7")  # the same connection: data_version stays
        kind, window = f"{encoder.name}:story", _window("2025-04-02")
        rows = active_stories.link_tables.active_stories(connection, *window, active_stories.MAX_ACTIVE)
        assert active_stories._carried(connection, kind, window, rows) is None
        assert active_stories.active_for(connection, kind, window, None, False)[0].sizes == [7]
