"""Fixtures for the linking tests: a fresh in-memory store and hand-built analysed articles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from wortlaut.article import Article, DateInfo, Entity, EntityRef, Event, Mention, Statement
from wortlaut.link import HashingEncoder
from wortlaut.store import Store

#: Knowledge-base ids used by the hand-built articles.
PEOPLE = {"Q57792": "Mark Rutte", "Q3874799": "Wolodymyr Selenskyj", "Q567": "Angela Merkel"}


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store.open(":memory:")
    yield opened
    opened.close()


@pytest.fixture
def encoder() -> HashingEncoder:
    return HashingEncoder()


def make_article(
    text: str,
    *,
    published: str,
    source: str = "test",
    title: str | None = None,
    statements: Sequence[tuple[str, str, str]] = (),
    events: Sequence[tuple[str, str, Sequence[str]]] = (),
) -> Article:
    """An analysed article: ``statements`` are (speaker id, quoted substring, mode), ``events``
    are (type, trigger substring, participant ids); every person named in ``PEOPLE`` whose
    surname occurs in the text gets an entity and a mention."""
    entities, mentions = [], []
    for entity_id, name in PEOPLE.items():
        surname = name.split()[-1]
        start = text.find(surname)
        if start >= 0:
            entities.append(Entity(id=entity_id, name=name, type="PER"))
            mentions.append(
                Mention(start=start, end=start + len(surname), text=surname, type="PER", entity=entity_id)
            )
    records = []
    for number, (speaker, quote, mode) in enumerate(statements):
        start = text.index(quote)
        surname = PEOPLE[speaker].split()[-1]
        at = max(text.find(surname), 0)
        records.append(
            Statement(
                id=f"s{number}",
                mode=mode,
                quote=Article.create(text).span(start, start + len(quote)),  # type: ignore[arg-type]
                speaker=EntityRef(
                    start=at, end=at + len(surname), text=text[at : at + len(surname)], entity=speaker
                ),
                date=DateInfo(value=published, source="published"),
            )
        )
    happenings = []
    for number, (kind, trigger, people) in enumerate(events):
        start = text.index(trigger)
        happenings.append(
            Event(
                id=f"e{number}",
                type=kind,
                trigger=Article.create(text).span(start, start + len(trigger)),  # type: ignore[arg-type]
                participants=tuple(EntityRef(start=0, end=0, text=PEOPLE[p], entity=p) for p in people),
                date=DateInfo(value=published, source="published"),
            )
        )
    return Article.create(text, published=published, source=source, title=title).with_layers(
        entities=tuple(entities),
        mentions=tuple(mentions),
        statements=tuple(records),
        events=tuple(happenings),
    )
