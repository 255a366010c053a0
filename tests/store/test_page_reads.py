"""The store's read methods for pages, exports and evaluation (the callers hold no SQL of their own)."""

from __future__ import annotations

import pytest

from tests.store.samples import RUTTE, filler_article, rutte_article, selenskyj_article
from wortlaut.link import HashingEncoder, update
from wortlaut.store import Store
from wortlaut.store.facets import Filters


@pytest.fixture
def store(store_location: str) -> Store:
    opened = Store.open(store_location)
    articles = [rutte_article(), selenskyj_article(), filler_article(1)]
    opened.add_many(articles, link=False)
    update(opened, [article.id for article in articles], encoder=HashingEncoder())
    return opened


def test_most_quoted_ever_names_the_speaker_with_most_statements(store: Store) -> None:
    assert store.most_quoted_ever() == RUTTE.name


def test_entity_and_statement_are_read_by_id(store: Store) -> None:
    entity = store.entity(RUTTE.id)
    assert entity is not None and entity.name == RUTTE.name
    assert store.entity("Q0") is None
    first = store.said("Rutte")[0].sources[0]
    assert store.statement(first.statement_id).quote == first.quote


def test_article_story_and_headlines_name_what_an_article_page_shows(store: Store) -> None:
    article_id = rutte_article().id
    story = store.article_story(article_id)
    assert story is not None and story.id in {info.id for info in store.stories(limit=50)}
    assert store.article_story("missing") is None
    assert set(store.headlines([article_id])) <= {article_id}


def test_story_voices_put_the_most_quoted_speaker_first_and_keep_speakers_together(store: Store) -> None:
    speakers = [voice.speaker for voice in store.story_voices([rutte_article().id])]
    assert speakers[0] == RUTTE.name
    assert speakers == sorted(speakers, key=lambda name: (-speakers.count(name), name))


def test_faceted_search_finds_statements_and_counts_facets(store: Store) -> None:
    result = store.faceted_search("Rutte", Filters())
    assert result.people and result.people[0].id == RUTTE.id
    assert result.statements and all(hit.person == RUTTE.id for hit in result.statements)
    assert {facet.name for facet in result.facets} == {"person", "source", "mode", "month"}


def test_export_rows_come_in_chunks_with_column_names(store: Store) -> None:
    columns, chunks = store.export_rows("articles", size=2)
    sizes = [len(chunk) for chunk in chunks]
    assert columns[:3] == ["id", "url", "source"] and sizes == [2, 1]
    with pytest.raises(ValueError, match="no exportable table"):
        store.export_rows("watches")
    assert len(list(store.export_records())) == 3


def test_link_assignments_read_what_linking_decided(store: Store) -> None:
    linked = store.link_assignments()
    assert set(linked.stories) == {rutte_article().id, selenskyj_article().id, filler_article(1).id}
    assert linked.quote_changed_groups >= 0 and isinstance(linked.duplicates, list)
