"""A person page's stories come from one query and are the same on both engines."""

from __future__ import annotations

import pytest

from wortlaut.store import Store
from wortlaut.store.timeline import person_stories

#: Speakers quoted fewer times than the page's window of latest rows (all their rows count).
SPEAKERS = ("P5", "P40", "P100")


def _expected_stories(store: Store, entity: str) -> set[str]:
    """Stories of every article that quotes ``entity`` or names it among an event's participants."""
    rows = store.reader.rows(
        "SELECT DISTINCT sa.story_id FROM story_articles sa WHERE sa.article_id IN ("
        " SELECT article_id FROM statements WHERE speaker_entity = ?"
        " UNION SELECT e.article_id FROM event_participants p JOIN events e ON e.id = p.event_id"
        " WHERE p.entity = ?)",
        (entity, entity),
    )
    return {row["story_id"] for row in rows}


@pytest.mark.parametrize("entity", SPEAKERS)
def test_person_stories_are_those_of_the_articles_that_quote_or_name_the_person(
    stores: dict[str, Store], entity: str
) -> None:
    for store in stores.values():
        found = person_stories(store.reader, entity, limit=1_000)
        assert found, "the synthetic store quotes every sampled speaker"
        assert {story.id for story in found} == _expected_stories(store, entity)
        dates = [story.last_date or "" for story in found]
        assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("entity", SPEAKERS)
def test_person_stories_are_the_same_on_both_engines(stores: dict[str, Store], entity: str) -> None:
    pages = {name: person_stories(store.reader, entity, limit=5) for name, store in stores.items()}
    dates = {name: [story.last_date for story in page] for name, page in pages.items()}
    assert dates["postgresql"] == dates["sqlite"]
    assert dates["sqlite"]

