"""Person timelines and contacts of a linked store (``Store.person``), and story digests."""

from __future__ import annotations

import json

from tests.link.conftest import make_article
from wortlaut.link import HashingEncoder, digest, update
from wortlaut.store import Store

FIRST = (
    "Rutte traf am Mittwoch Selenskyj in Brüssel. Rutte sagte, man wolle die Ukraine in eine starke Position "
    "für künftige Friedensgespräche bringen."
)
SECOND = (
    "Selenskyj führte ein Telefongespräch mit Rutte. Selenskyj sagte, ohne Druck auf Moskau gebe es keinen "
    "gerechten Frieden."
)
RUTTE_SAID = "man wolle die Ukraine in eine starke Position für künftige Friedensgespräche bringen"
SELENSKYJ_SAID = "ohne Druck auf Moskau gebe es keinen gerechten Frieden"


def _linked(store: Store, encoder: HashingEncoder) -> tuple[str, str]:
    first = make_article(
        FIRST,
        published="2024-12-18",
        statements=[("Q57792", RUTTE_SAID, "indirect")],
        events=[("meeting", "traf", ["Q57792", "Q3874799"])],
    )
    second = make_article(
        SECOND,
        published="2025-05-21",
        statements=[("Q3874799", SELENSKYJ_SAID, "indirect")],
        events=[("call", "Telefongespräch", ["Q3874799", "Q57792"])],
    )
    store.add_many([second, first], link=False)
    update(store, [second.id, first.id], encoder=encoder)
    return first.id, second.id


def test_timeline_lists_statements_events_and_stories_in_date_order(
    store: Store, encoder: HashingEncoder
) -> None:
    first_id, second_id = _linked(store, encoder)
    page = store.person("Mark Rutte")
    assert page.entity.id == "Q57792" and page.entity.name == "Mark Rutte"
    dates = [item.date or "" for item in page.timeline]
    assert dates == sorted(dates)
    kinds = set()
    for item in page.timeline:
        if item.statement is not None:
            kinds.update(("statement", source.article_id) for source in item.statement.sources)
        if item.event is not None:
            kinds.add(("event", item.event.article_id))
    assert ("statement", first_id) in kinds
    assert ("event", first_id) in kinds and ("event", second_id) in kinds
    assert sum(item.kind == "story" for item in page.timeline) == 2


def test_contacts_come_from_shared_events(store: Store, encoder: HashingEncoder) -> None:
    _linked(store, encoder)
    contacts = store.person("Wolodymyr Selenskyj").contacts
    assert contacts[0].entity == "Q57792"
    assert contacts[0].events == 2
    assert contacts[0].name == "Mark Rutte"


def test_digest_quotes_lead_event_and_statement_with_sources(store: Store, encoder: HashingEncoder) -> None:
    first_id, _ = _linked(store, encoder)
    story_id = store.connection.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (first_id,)
    ).fetchone()[0]
    result = digest(store, story_id)
    assert result is not None
    kinds = [item.kind for item in result.items]
    assert kinds[0] == "lead" and "event" in kinds and "statement" in kinds
    statement = next(item for item in result.items if item.kind == "statement")
    assert statement.text == RUTTE_SAID and statement.speaker == "Mark Rutte"
    assert statement.sources[0].article_id == first_id
    stored = store.connection.execute("SELECT digest FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
    assert json.loads(stored)["story_id"] == story_id


def test_digest_of_unknown_story_is_none(store: Store) -> None:
    assert digest(store, "st:nothing") is None
