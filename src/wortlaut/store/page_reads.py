"""The :class:`~wortlaut.store.Store` read methods behind the web pages, exports, demo and evaluation.

A mixin, so :mod:`wortlaut.store.core` stays small: each method is one call
into a query module (:mod:`~wortlaut.store.pages`, :mod:`~wortlaut.store.facets`,
:mod:`~wortlaut.store.exports`) under one time limit.  Callers outside the
store use these methods and never write SQL themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from wortlaut.store import entities, exports, facets, pages, semantic
from wortlaut.store.facets import FacetedSearch, Filters
from wortlaut.store.pages import DayCount, Quoted, StoryEvent, StoryRef, Voice
from wortlaut.store.reader import Reader
from wortlaut.store.results import EntityInfo
from wortlaut.store.semantic import SemanticHit


class PageReads:
    """Read methods for pages and tools; needs ``self.reader`` (see :class:`wortlaut.store.Store`)."""

    reader: Reader

    def entity(self, entity_id: str) -> EntityInfo | None:
        """An entity by id, with its aliases and roles (``None`` if there is none)."""
        return entities.entity_info(self.reader, entity_id)

    def statement(self, statement_id: str) -> SemanticHit:
        """One statement as an unranked hit: what a "like this one" page starts from."""
        return semantic.origin(self.reader, statement_id)

    def most_quoted(self, *, limit: int = 10) -> tuple[str | None, list[Quoted]]:
        """The last week's most-quoted people (and the week's last day), see :func:`pages.most_quoted`."""
        return pages.most_quoted(self.reader, limit=limit)

    def most_quoted_ever(self) -> str | None:
        """The name of the speaker quoted most often in the whole store."""
        return pages.most_quoted_ever(self.reader)

    def person_days(
        self, entity_id: str, *, since: str | None = None, until: str | None = None
    ) -> list[DayCount]:
        """An entity's statements per day and mode and events per day (the person chart)."""
        return pages.person_days(self.reader, entity_id, since=since, until=until)

    def story_events(self, article_ids: Sequence[str]) -> list[StoryEvent]:
        """Events reported in these articles, in date order."""
        return pages.story_events(self.reader, article_ids)

    def story_voices(self, article_ids: Sequence[str]) -> list[Voice]:
        """Statements made in these articles, by speaker."""
        return pages.story_voices(self.reader, article_ids)

    def headlines(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The first line of each article's text (a title for articles stored without one)."""
        return pages.headlines(self.reader, article_ids)

    def article_story(self, article_id: str) -> StoryRef | None:
        """The story an article belongs to, if any."""
        return pages.article_story(self.reader, article_id)

    def faceted_search(self, query: str, filters: Filters | None = None, *, limit: int = 50) -> FacetedSearch:
        """The web UI's search: matches of :meth:`search`'s windows narrowed by facets."""
        with self.reader.bounded():
            return facets.faceted_search(self.reader, query, filters or Filters(), limit=limit)

    def export_rows(self, table: str, *, size: int = exports.CHUNK) -> tuple[list[str], Iterator[list[Any]]]:
        """Column names and the rows of one exported table in chunks (not time-limited)."""
        return exports.rows(self.reader, table, size=size)

    def export_records(self) -> Iterator[str]:
        """Every stored article as its ``wortlaut/1`` JSON record, oldest first (not time-limited)."""
        return exports.article_records(self.reader)

    def link_assignments(self) -> exports.LinkAssignments:
        """Which story each article and which group each statement was linked to (for evaluation)."""
        return exports.link_assignments(self.reader)
