"""Watchlists: a person or a query, new matches after an ingest, and never the same match twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut import watch
from wortlaut.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "watch.sqlite")
    opened.add_many([rutte_article()], link=False)
    return opened


def test_a_name_becomes_a_person_watch_and_words_a_query(store: Store) -> None:
    person = watch.add(store, "Rutte")
    assert (person.kind, person.label) == ("person", "Mark Rutte")
    query = watch.add(store, "Friedensgespräche")
    assert query.kind == "query"
    assert watch.add(store, "Rutte").id == person.id  # saving twice keeps one watch
    assert watch.add(store, "Rutte", query=True).kind == "query"


def test_new_matches_after_an_ingest_and_none_twice(store: Store) -> None:
    watch.add(store, "Mark Rutte")
    first = watch.run(store)
    assert first and {m.speaker for m in first} == {"Mark Rutte"}
    assert watch.run(store) == []  # nothing new: nothing reported again
    store.add_many([selenskyj_article()], link=False)
    second = watch.run(store)
    assert second, "the new article's Rutte statements are new matches"
    assert {m.article_id for m in second} == {selenskyj_article().id}
    assert not {m.statement_id for m in first} & {m.statement_id for m in second}
    assert watch.run(store) == []


def test_a_failed_delivery_reports_the_matches_again(store: Store) -> None:
    watch.add(store, "Mark Rutte")

    def broken(_matches: list[watch.Match]) -> None:
        raise OSError("webhook down")

    with pytest.raises(OSError):
        watch.run(store, deliver=broken)
    assert watch.run(store), "nothing was marked as seen"


def test_since_keeps_only_newer_statements(store: Store) -> None:
    watch.add(store, "Mark Rutte")
    assert watch.run(store, since="2999-01-01") == []
    assert watch.run(store, since="2000-01-01")


def test_remove_deletes_a_watch_and_bad_input_is_refused(store: Store) -> None:
    saved = watch.add(store, "Rutte")
    watch.remove(store, saved.id)
    assert watch.watches(store) == []
    with pytest.raises(watch.WatchError):
        watch.remove(store, saved.id)
    with pytest.raises(watch.WatchError):
        watch.add(store, "   ")
