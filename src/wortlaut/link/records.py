"""Plain records the linking API returns (digests, reports), JSON-ready via ``to_json``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


def _json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: _json(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_json(item) for item in value]
    return value


class _ToJson:
    def to_json(self) -> dict[str, Any]:
        """The record as JSON-ready dicts and lists."""
        data = _json(self)
        assert isinstance(data, dict)
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(_ToJson):
    """Where something was read: the article and, for a statement, the statement id and wording."""

    article_id: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    statement_id: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestItem(_ToJson):
    """One line of a story digest: an event sentence or a statement, with its sources."""

    kind: str  # "lead", "event" or "statement"
    text: str
    date: str | None
    speaker: str | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Digest(_ToJson):
    """A short extractive summary of a story."""

    story_id: str
    title: str
    first_date: str | None
    last_date: str | None
    size: int
    items: tuple[DigestItem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkReport(_ToJson):
    """What one :func:`wortlaut.link.update` call did."""

    articles: int = 0
    skipped: int = 0
    missing: int = 0
    duplicates: int = 0
    stories_created: int = 0
    stories_joined: int = 0
    statements_grouped: int = 0
    groups_created: int = 0
    #: Denials, confirmations, corrections and retractions linked to what they answer (link/relations.py).
    relations: int = 0
