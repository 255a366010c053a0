"""The :class:`Store`: one SQLite file holding articles, their analysis and cross-article links.

SQLite in WAL mode lets many readers run while one writer ingests; a busy
timeout makes a second writer wait instead of failing with "database is
locked".  Each :meth:`Store.add_many` call is one transaction, so a process
killed mid-ingest leaves every batch either fully stored or absent.  Reads
are bounded in time by a progress handler that interrupts long queries.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from wortlaut.article import Article
from wortlaut.link.encoder import Encoder, default_encoder
from wortlaut.link.flow import add_and_link
from wortlaut.link.update import update as link_articles
from wortlaut.store import entities, link_tables, queries, semantic, timeline
from wortlaut.store.errors import (
    NotFoundError,
    QueryError,
    QueryTimeoutError,
    ReadOnlyError,
    StoreError,
    WriteError,
    describe_sqlite_error,
)
from wortlaut.store.results import (
    AddResult,
    ArticleInfo,
    EntityInfo,
    Person,
    SearchResult,
    StatementGroup,
    StoryInfo,
)
from wortlaut.store.schema import check_version, migrate
from wortlaut.store.semantic import SemanticHit
from wortlaut.store.writer import add_article

#: How long a connection waits for another writer's lock before giving up (ms). Long enough for
#: any single ingest batch to commit; a reader in WAL mode never waits at all.
BUSY_TIMEOUT_MS = 30_000
#: Default time limit for one read query (seconds); interactive answers must be fast, and any
#: indexed query of the store takes well under this (see docs/performance.md).
DEFAULT_QUERY_TIMEOUT = 5.0
#: SQLite virtual-machine steps between two checks of the time limit.
_PROGRESS_STEPS = 10_000


class Store:
    """An open wortlaut store; build one with :meth:`Store.open` (or ``wortlaut.open``)."""

    def __init__(
        self, connection: sqlite3.Connection, path: str, *, readonly: bool, query_timeout: float
    ) -> None:
        self.connection = connection
        self.path = path
        self.readonly = readonly
        self.query_timeout = query_timeout

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        query_timeout: float = DEFAULT_QUERY_TIMEOUT,
    ) -> Store:
        """Open (and create or upgrade, unless ``readonly``) the store at ``path``."""
        location = os.fspath(path)
        try:
            connection = _connect(location, readonly)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"{location}: {describe_sqlite_error(error)}") from None
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            if readonly:
                check_version(connection)  # also reads the header: a non-SQLite file fails here
            else:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                migrate(connection)
        except StoreError as error:
            connection.close()
            raise type(error)(f"{location}: {error}") from None
        except sqlite3.Error as error:
            connection.close()
            raise StoreError(f"{location}: {describe_sqlite_error(error)}") from None
        return cls(connection, location, readonly=readonly, query_timeout=query_timeout)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def add(self, article: Article) -> AddResult:
        """Store one analysed article (see :meth:`add_many`)."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article], *, link: bool = True) -> list[AddResult]:
        """Store analysed articles in one transaction and (``link``) link the new ones.

        Adding an article whose id is stored is a no-op (``unchanged``); an
        article with a stored URL but new text replaces the old one and its
        whole analysis (``replaced``).  Every new article is journalled in
        ``link_pending`` in the same transaction.  With ``link`` this is
        :func:`wortlaut.link.flow.add_and_link`, which links the batch from
        memory; a linking error is logged and leaves the articles journalled.
        """
        if link:
            return add_and_link(self, articles).results
        if self.readonly:
            raise ReadOnlyError(f"{self.path}: opened read-only")
        try:
            with self.transaction():
                results = [add_article(self.connection, article) for article in articles]
                # The link journal: wortlaut.link.update clears a row in the transaction that links it.
                link_tables.journal(
                    self.connection, [result.article_id for result in results if result.status != "unchanged"]
                )
        except sqlite3.OperationalError as error:  # disk full, file made read-only, I/O error
            raise WriteError(f"{self.path}: {describe_sqlite_error(error)}") from None
        return results

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any error, including a kill signal)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def link(self, article_ids: list[str]) -> None:
        """Link these stored articles now (reading them back from the store); errors propagate.

        A failure rolls the linking back and leaves the articles in the link
        journal, so nothing is lost: a later :meth:`link` or ``wortlaut link`` retries.
        """
        link_articles(self, article_ids)

    def unlinked(self) -> int:
        """How many stored articles wait in the link journal (see :mod:`wortlaut.link.update`)."""
        return link_tables.count_pending(self.connection)

    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return (
            self.connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def stored_ids(self) -> set[str]:
        """Ids of all stored articles (used to resume an interrupted ingest)."""
        return {row[0] for row in self.connection.execute("SELECT id FROM articles")}

    # -- reading -------------------------------------------------------------------------------

    @contextmanager
    def _bounded(self) -> Iterator[None]:
        """Interrupt the queries run inside after ``query_timeout`` seconds."""
        deadline = time.monotonic() + self.query_timeout
        self.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_STEPS)
        try:
            yield
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise QueryTimeoutError(
                    f"query took longer than {self.query_timeout:g} s and was stopped"
                ) from None
            raise
        finally:
            self.connection.set_progress_handler(None, 0)

    def resolve_entity(self, name: str) -> EntityInfo | None:
        """The entity a name or alias refers to (case- and diacritics-insensitive)."""
        with self._bounded():
            return entities.resolve_entity(self.connection, name)

    def said(
        self,
        speaker: str,
        *,
        about: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StatementGroup]:
        """What ``speaker`` said (optionally ``about`` some terms), as statement groups, newest first."""
        with self._bounded():
            conditions = entities.speaker_filter(self.connection, speaker)
            return queries.said(
                self.connection, conditions, about=about, since=since, until=until, limit=limit, offset=offset
            )

    def person(self, name: str, *, limit: int = 50, include_unreal: bool = False) -> Person:
        """An entity's timeline (statements, events, stories in date order) and contacts.

        Negated and hypothetical events appear only with ``include_unreal``; contacts count
        happened events only.
        """
        with self._bounded():
            entity = entities.resolve_entity(self.connection, name)
            if entity is None:
                raise NotFoundError(f"no person or entity named {name!r} in the store")
            return timeline.person(self.connection, entity, limit=limit, include_unreal=include_unreal)

    def stories(self, *, since: str | None = None, limit: int = 20, offset: int = 0) -> list[StoryInfo]:
        """Stories, most recently active first."""
        with self._bounded():
            return timeline.stories(self.connection, since=since, limit=limit, offset=offset)

    def story(self, story_id: str) -> StoryInfo:
        """One story with its articles and digest."""
        with self._bounded():
            found = timeline.story(self.connection, story_id)
        if found is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        return found

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
        """Articles and statements matching a query (German stemming; see docs/usage.md)."""
        with self._bounded():
            return queries.search(self.connection, query, limit=limit, offset=offset)

    def similar(
        self, statement_id: str, *, limit: int = 10, encoder: Encoder | None = None
    ) -> list[SemanticHit]:
        """Statements most like one statement by meaning (cosine of their vectors), best first."""
        chosen = encoder or default_encoder()
        data = self._vectors(chosen)
        with self._bounded():
            deadline = time.monotonic() + self.query_timeout
            return semantic.similar(
                self.connection, data, chosen, statement_id, limit=limit, deadline=deadline
            )

    def semantic_search(
        self, query: str, *, limit: int = 20, hybrid: bool = True, encoder: Encoder | None = None
    ) -> list[SemanticHit]:
        """Statements matching a query by meaning, fused with full-text ranks (see docs/usage.md)."""
        if not query.strip():
            raise QueryError("empty query")
        chosen = encoder or default_encoder()
        data = self._vectors(chosen)
        with self._bounded():
            deadline = time.monotonic() + self.query_timeout
            return semantic.search(
                self.connection, data, chosen, query, limit=limit, hybrid=hybrid, deadline=deadline
            )

    def _vectors(self, encoder: Encoder) -> semantic.VectorData:
        """The per-process vector index (built once, rebuilt after the store changed; not time-limited)."""
        cache_key = self.path if self.path != ":memory:" else f":memory:{id(self.connection)}"
        return semantic.loaded(self.connection, encoder, cache_key=cache_key, writable=not self.readonly)

    def articles(
        self, *, source: str | None = None, since: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[ArticleInfo]:
        """Stored articles, newest first."""
        with self._bounded():
            return queries.article_infos(
                self.connection, source=source, since=since, limit=limit, offset=offset
            )

    def article(self, article_id: str) -> Article:
        """The full stored article with all its layers."""
        row = self.connection.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return Article.from_json(json.loads(row[0]))

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries."""
        tables = ("articles", "statements", "entities", "events", "statement_groups", "stories")
        return {
            name: self.connection.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in tables
        }


def _connect(location: str, readonly: bool) -> sqlite3.Connection:
    """An autocommit connection (so transactions are explicit), read-only by URI when asked."""
    if readonly:
        if location != ":memory:" and not Path(location).exists():
            raise NotFoundError(f"{location}: no such store")
        target, uri = f"file:{Path(location).resolve().as_posix()}?mode=ro", True
    else:
        if location != ":memory:":
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        target, uri = location, False
    return sqlite3.connect(
        target, uri=uri, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )


def open_store(path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
    """``wortlaut.open(db)``: open a store for reading and writing (or ``readonly``)."""
    return Store.open(path, readonly=readonly)
