"""Typed answers of the store's query methods.

The CLI, the HTTP API and the web UI all render these records; they carry
character offsets into the source article, so a reader can highlight a
quote in its source without recomputing anything.  :func:`to_data` turns
any of them into JSON-ready dictionaries.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One sighting of a statement: the article and where in it the quote stands."""

    statement_id: str
    article_id: str
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    date: str | None
    mode: str | None
    cue: str | None
    quote: str
    quote_start: int | None
    quote_end: int | None
    speaker_text: str | None
    similarity: float | None = None
    diff: Any = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementGroup:
    """One statement with every source that reported it (a group of one when never repeated)."""

    id: str
    speaker: str | None
    speaker_entity: str | None
    quote: str
    date: str | None
    first_seen: str | None
    size: int
    flags: Any
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityInfo:
    """A canonical entity with its aliases and roles."""

    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventItem:
    """An event the entity took part in."""

    id: str
    article_id: str
    type: str | None
    trigger: str | None
    date: str | None
    place: str | None
    participants: tuple[str, ...]
    url: str | None = None
    title: str | None = None
    status: str = "happened"


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryInfo:
    """A story: one real-world event and its follow-ups across articles."""

    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    size: int
    digest: Any = None
    articles: tuple[ArticleInfo, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleInfo:
    """Article metadata without the text, for lists."""

    id: str
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    language: str | None = None
    snippet: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineItem:
    """One dated item on a person's timeline: a statement group, an event or a story."""

    kind: str
    date: str | None
    statement: StatementGroup | None = None
    event: EventItem | None = None
    story: StoryInfo | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """Another entity that shared events with the person (the co-occurrence network)."""

    entity: str | None
    name: str
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """An entity's page: who it is, its timeline in date order, and whom it met."""

    entity: EntityInfo
    timeline: tuple[TimelineItem, ...]
    contacts: tuple[Contact, ...]
    statements: int
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """A search result: an article or a statement, with a snippet."""

    kind: str
    id: str
    article_id: str
    title: str | None
    url: str | None
    published: str | None
    snippet: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResult:
    """Articles and statements matching a query."""

    query: str
    articles: tuple[SearchHit, ...]
    statements: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class AddResult:
    """What :meth:`Store.add` did: ``added``, ``unchanged`` (same id) or ``replaced`` (same URL)."""

    article_id: str
    status: str
    replaced: str | None = None


def to_data(value: Any) -> Any:
    """JSON-ready dictionaries for result records (and lists or tuples of them)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: to_data(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value
