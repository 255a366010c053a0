"""Store behaviour: idempotent adds, replacement by URL, and the query methods."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import wortlaut
from tests.store.samples import RUTTE, filler_article, rutte_article, selenskyj_article
from wortlaut.link import LinkReport
from wortlaut.store import NotFoundError, QueryError, QueryTimeoutError, ReadOnlyError, Store, StoreError


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    """The sample store, on SQLite and on PostgreSQL (see ``store_location`` in tests/conftest.py)."""
    opened = Store.open(store_location)
    opened.add_many([rutte_article(), selenskyj_article(), filler_article(1)], link=False)
    yield opened
    opened.close()


def _count(store: Store, table: str) -> int:
    return int(store.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_wortlaut_open_answers_the_readme_example(tmp_path: Path) -> None:
    with wortlaut.open(tmp_path / "s.sqlite") as store:
        assert isinstance(store, Store)
        store.add_many([rutte_article()], link=False)
    groups = wortlaut.open(tmp_path / "s.sqlite").said("Rutte", about="Friedensgespräche")
    assert [group.speaker for group in groups] == ["Mark Rutte"]


def test_re_adding_an_article_changes_nothing(store: Store) -> None:
    before = {table: _count(store, table) for table in ("articles", "statements", "events", "mentions")}
    results = store.add_many([rutte_article(), selenskyj_article()], link=False)
    assert [result.status for result in results] == ["unchanged", "unchanged"]
    assert {table: _count(store, table) for table in before} == before


def test_new_text_at_a_known_url_replaces_the_old_analysis(store: Store) -> None:
    old = rutte_article()
    updated = rutte_article(quote="Wir tun schon genug.")
    result = store.add_many([updated], link=False)[0]
    assert (result.status, result.replaced) == ("replaced", old.id)
    assert not store.has(old.id) and store.has(updated.id)
    assert _count(store, "articles") == 3
    quotes = [source.quote for group in store.said("Rutte") for source in group.sources]
    assert "Wir tun schon genug." in quotes and "Wir müssen mehr tun." not in quotes
    assert not store.search("müssen").statements  # the FTS index forgot the old text too


def test_replacing_an_article_removes_it_from_groups_and_stories(store: Store) -> None:
    old = rutte_article()
    connection = store.connection
    connection.execute("INSERT INTO statement_groups VALUES ('g1', ?, ?, '2024-05-02', 2, NULL)",
                       (RUTTE.id, f"{old.id}:s1"))  # fmt: skip
    connection.execute("INSERT INTO statement_group_members VALUES ('g1', ?, 1.0, NULL)", (f"{old.id}:s1",))
    other = selenskyj_article().id
    connection.execute("INSERT INTO statement_group_members VALUES ('g1', ?, 0.9, NULL)", (f"{other}:s2",))
    connection.execute("INSERT INTO stories VALUES ('st1', 'Story', '2024-12-18', '2024-12-18', 1, NULL)")
    connection.execute("INSERT INTO story_articles VALUES ('st1', ?, 1.0)", (old.id,))
    store.add_many([rutte_article(quote="Nachtrag.")], link=False)
    assert connection.execute("SELECT size, representative_statement FROM statement_groups").fetchone() == (
        1, f"{other}:s2")  # fmt: skip
    assert _count(store, "stories") == 0


def test_said_lists_groups_newest_first_with_sources(store: Store) -> None:
    groups = store.said("Rutte")
    assert [group.date for group in groups] == ["2024-12-18", "2024-12-18", "2024-05-02"]
    source = groups[0].sources[0]
    article = store.article(source.article_id)
    assert article.text[source.quote_start : source.quote_end] == source.quote
    assert source.url == "https://example.org/nato-rutte"


def test_said_about_uses_german_stemming(store: Store) -> None:
    rutte = store.said("Rutte", about="Friedensgesprächen")
    assert [group.quote for group in rutte] == ["er wolle die Ukraine für künftige Friedensgespräche stärken"]
    assert [group.quote for group in store.said("Selenskyj", about="Friedensgespräche")] == [
        "die Friedensgesprächen müssten bald beginnen"]  # fmt: skip


def test_said_filters_by_date(store: Store) -> None:
    assert len(store.said("Rutte", since="2024-12")) == 2
    assert len(store.said("Rutte", until="2024-06-30")) == 1
    assert store.said("Rutte", since="2025") == []


def test_said_pages(store: Store) -> None:
    first, rest = store.said("Rutte", limit=1), store.said("Rutte", limit=5, offset=1)
    assert len(first) == 1 and len(rest) == 2
    assert first[0].id not in {group.id for group in rest}


def test_said_shows_a_stored_group_once_with_all_sources(store: Store) -> None:
    first, second = f"{rutte_article().id}:s1", f"{selenskyj_article().id}:s2"
    store.connection.execute("INSERT INTO statement_groups VALUES ('g1', ?, ?, '2024-05-02', 2, ?)",
                             (RUTTE.id, second, '["changed"]'))  # fmt: skip
    store.connection.executemany("INSERT INTO statement_group_members VALUES ('g1', ?, ?, NULL)",
                                 [(first, 0.8), (second, 1.0)])  # fmt: skip
    groups = store.said("Mark Rutte")
    assert len(groups) == 2
    group = next(group for group in groups if group.id == "g1")
    assert group.size == 2 and group.first_seen == "2024-05-02" and group.flags == ["changed"]
    assert group.sources[0].statement_id == second  # the representative comes first


def test_said_finds_unresolved_speakers_by_name(store: Store) -> None:
    groups = store.said("beispiel1")
    assert [group.speaker for group in groups] == ["Anna Beispiel1"]


def test_entities_resolve_by_alias_case_and_diacritics(store: Store) -> None:
    for name in ("Selenskyj", "SELENSKYJ", "Sélenskyj", "Zelensky", "wolodymyr selenskyj"):
        entity = store.resolve_entity(name)
        assert entity is not None and entity.name == "Wolodymyr Selenskyj", name
    assert store.resolve_entity("Niemand") is None


def test_person_timeline_is_in_date_order_with_contacts(store: Store) -> None:
    page = store.person("Rutte")
    dates = [item.date for item in page.timeline]
    assert dates == sorted(dates)
    assert {item.kind for item in page.timeline} == {"statement", "event"}
    assert page.entity.roles[0]["role"] == "NATO-Generalsekretär"
    assert [contact.name for contact in page.contacts] == ["Wolodymyr Selenskyj"]
    assert page.statements == 3 and page.events == 1


def test_person_unknown_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="Niemand"):
        store.person("Niemand")


def test_stories_and_story(store: Store) -> None:
    article_id = rutte_article().id
    store.connection.execute(
        "INSERT INTO stories VALUES ('st1', 'Gipfel', '2024-12-18', '2024-12-19', 1, ?)",
        (json.dumps({"summary": "Rutte trifft Selenskyj."}),),
    )
    store.connection.execute("INSERT INTO story_articles VALUES ('st1', ?, 1.0)", (article_id,))
    assert [story.id for story in store.stories(since="2024-12")] == ["st1"]
    assert store.stories(since="2025") == []
    story = store.story("st1")
    assert story.digest == {"summary": "Rutte trifft Selenskyj."}
    assert [article.id for article in story.articles] == [article_id]
    assert any(item.kind == "story" for item in store.person("Rutte").timeline)
    with pytest.raises(NotFoundError):
        store.story("nope")


def test_search_finds_articles_and_statements_by_stem(store: Store) -> None:
    result = store.search("Friedensgespräche")
    assert len(result.articles) == 2 and len(result.statements) == 2
    assert all("Friedensgespr" in hit.snippet for hit in result.articles)


def test_search_names_a_statement_speaker_as_resolved_and_keeps_the_span_otherwise(store: Store) -> None:
    store.add_many([rutte_article(quote="Wir müssen mehr für die Ukraine tun.")], link=False)
    resolved = store.search("Ukraine").statements  # the span of the direct quotation's speaker is "Rutte"
    assert resolved and {hit.speaker for hit in resolved} == {"Mark Rutte"}
    unresolved = store.search("wichtig").statements
    assert [hit.speaker for hit in unresolved] == ["Anna Beispiel1"]


def test_search_rejects_malformed_queries_clearly(store: Store) -> None:
    with pytest.raises(QueryError, match="unbalanced"):
        store.search('"Friedensgespräche')


def test_article_round_trips(store: Store) -> None:
    original = rutte_article()
    assert store.article(original.id) == original
    with pytest.raises(NotFoundError):
        store.article("missing")


def test_articles_lists_newest_first(store: Store) -> None:
    assert [info.published for info in store.articles()] == ["2024-12-18", "2024-05-02", "2024-01-01"]
    assert [info.source for info in store.articles(source="example.org")] == ["example.org"] * 2


def test_long_queries_are_interrupted(store_location: str) -> None:
    store = Store.open(store_location, query_timeout=0.05)
    with pytest.raises(QueryTimeoutError, match="longer than"), store._bounded():
        store.connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n"
        ).fetchone()
    store.close()


def test_read_only_store_refuses_writes(store: Store) -> None:
    with Store.open(store.path, readonly=True) as reader:
        assert len(reader.said("Rutte")) == 3
        with pytest.raises(ReadOnlyError):
            reader.add(filler_article(2))


def test_missing_store_opened_read_only_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such store"):
        Store.open(tmp_path / "missing.sqlite", readonly=True)


def test_add_many_links_only_the_new_articles_from_memory(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[list[str], list[str]]] = []

    def linker(_store: Store, ids: Sequence[str], **options: Any) -> LinkReport:
        seen.append((list(ids), [article.id for article in options["articles"]]))
        return LinkReport(articles=len(ids))

    monkeypatch.setattr("wortlaut.link.flow.update", linker)
    with Store.open(store_location) as store:
        store.add_many([filler_article(1), filler_article(2)])
        store.add_many([filler_article(1)])
    pair = [filler_article(1).id, filler_article(2).id]
    assert seen == [(pair, pair)]


@pytest.mark.parametrize("url", ["sqlite:///x.db", "mysql://u@h/db"])
def test_a_database_url_of_another_engine_is_refused_and_creates_nothing(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="database URL of an unsupported kind"):
        Store.open(url)
    assert list(tmp_path.iterdir()) == []


def test_a_postgresql_url_that_no_server_answers_fails_in_one_line(tmp_path: Path) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed (the postgres extra)")
    url = f"postgresql://nobody:secret@/none?host={tmp_path}"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as raised:
        Store.open(url)
    assert "secret" not in str(raised.value) and "\n" not in str(raised.value)
