"""The :class:`Store`: one SQLite file holding articles, their analysis and cross-article links.

SQLite in WAL mode lets many readers run while one writer ingests; a busy
timeout makes a second writer wait instead of failing with "database is
locked".  Each :meth:`Store.add_many` call is one transaction, so a process
killed mid-ingest leaves every batch either fully stored or absent.  Every
read goes through the store's :class:`~wortlaut.store.reader.Reader`, which
bounds it in time and returns rows read by column name; the read methods
here are thin calls into the query modules (:mod:`~wortlaut.store.queries`,
:mod:`~wortlaut.store.search`, :mod:`~wortlaut.store.timeline`, ...).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import cast

from wortlaut.article import Article
from wortlaut.link.encoder import Encoder, default_encoder
from wortlaut.link.flow import add_and_link
from wortlaut.link.update import update as link_articles
from wortlaut.settings import get_settings
from wortlaut.store import entities, link_tables, postgres, queries, search, semantic, timeline
from wortlaut.store.dialect import Dialect, dialect_of
from wortlaut.store.errors import (
    NotFoundError,
    QueryError,
    ReadOnlyError,
    StoreError,
    WriteError,
    describe_sqlite_error,
)
from wortlaut.store.page_reads import PageReads
from wortlaut.store.reader import Reader
from wortlaut.store.results import (
    AddResult,
    ArticleInfo,
    EntityInfo,
    Person,
    SearchResult,
    StatementGroup,
    StoryInfo,
)
from wortlaut.store.rows import Connection
from wortlaut.store.schema import check_version, migrate
from wortlaut.store.semantic import SemanticHit
from wortlaut.store.writer import Prepared, add_article

#: How long a connection waits for another writer's lock before giving up (ms). Long enough for
#: any single ingest batch to commit; a reader in WAL mode never waits at all.
BUSY_TIMEOUT_MS = 30_000
#: ``scheme://…``: a database URL such as ``postgresql://host/db``.  Opened as a path it used to create a
#: tree of directories named after the URL with a SQLite file inside; it is refused instead.  One slash is
#: enough to match because ``pathlib`` turns ``//`` into ``/``; two letters at least keep ``C:/`` a path.
DATABASE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")


class Store(PageReads):
    """An open wortlaut store; build one with :meth:`Store.open` (or ``wortlaut.open``)."""

    def __init__(
        self, connection: Connection, path: str, *, readonly: bool, query_timeout: float
    ) -> None:
        self.connection = connection
        self.path = path
        self.readonly = readonly
        self.query_timeout = query_timeout
        #: The one way reads reach SQLite: time-limited, rows by column name.
        self.reader = Reader(connection, timeout=query_timeout)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        readonly: bool = False,
        query_timeout: float | None = None,
    ) -> Store:
        """Open (and create or upgrade, unless ``readonly``) the store at ``path``.

        ``query_timeout`` defaults to the setting ``query.timeout_s``.
        """
        location = os.fspath(path)
        check_location(location)
        timeout = get_settings().query.timeout_s if query_timeout is None else query_timeout
        if postgres.is_url(location):
            return cls(_open_postgres(location, readonly), location, readonly=readonly, query_timeout=timeout)
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
        return cls(connection, location, readonly=readonly, query_timeout=timeout)

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

    def add_many(
        self,
        articles: Iterable[Article],
        *,
        link: bool = True,
        prepared: Mapping[str, Prepared] | None = None,
    ) -> list[AddResult]:
        """Store analysed articles in one transaction and (``link``) link the new ones.

        Adding an article whose id is stored is a no-op (``unchanged``); an
        article with a stored URL but new text replaces the old one and its
        whole analysis (``replaced``).  Every new article is journalled in
        ``link_pending`` in the same transaction.  With ``link`` this is
        :func:`wortlaut.link.flow.add_and_link`, which links the batch from
        memory; a linking error is logged and leaves the articles journalled.
        ``prepared``: :func:`~wortlaut.store.writer.prepare` of articles by id, computed elsewhere.
        """
        if link:
            return add_and_link(self, articles, prepared=prepared).results
        if self.readonly:
            raise ReadOnlyError(f"{self.path}: opened read-only")
        try:
            with self.transaction():
                given = prepared or {}
                results = [add_article(self.connection, item, given.get(item.id)) for item in articles]
                # The link journal: wortlaut.link.update clears a row in the transaction that links it.
                link_tables.journal(
                    self.connection, [result.article_id for result in results if result.status != "unchanged"]
                )
        except sqlite3.OperationalError as error:  # disk full, file made read-only, I/O error
            raise WriteError(f"{self.path}: {describe_sqlite_error(error)}") from None
        return results

    @property
    def dialect(self) -> Dialect:
        """``sqlite`` or ``postgresql``: which engine holds the store."""
        return dialect_of(self.connection)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any error, including a kill signal).

        On PostgreSQL ``BEGIN`` takes the store's write lock (:mod:`wortlaut.store.postgres`), so
        write transactions run one at a time there too.
        """
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
        return self.reader.row("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def stored_ids(self) -> set[str]:
        """Ids of all stored articles (used to resume an interrupted ingest)."""
        return {row["id"] for row in self.reader.scan("SELECT id FROM articles")}

    # -- reading -------------------------------------------------------------------------------

    def _bounded(self) -> AbstractContextManager[Reader]:
        """The reads inside share one deadline of ``query_timeout`` seconds (see :class:`Reader`)."""
        return self.reader.bounded()

    def resolve_entity(self, name: str) -> EntityInfo | None:
        """The entity a name or alias refers to (case- and diacritics-insensitive)."""
        with self._bounded():
            return entities.resolve_entity(self.reader, name)

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
            conditions = entities.speaker_filter(self.reader, speaker)
            return queries.said(
                self.reader, conditions, about=about, since=since, until=until, limit=limit, offset=offset
            )

    def person(self, name: str, *, limit: int = 50, include_unreal: bool = False) -> Person:
        """An entity's timeline (statements, events, stories in date order) and contacts.

        Negated and hypothetical events appear only with ``include_unreal``; contacts count
        happened events only.
        """
        with self._bounded():
            entity = entities.resolve_entity(self.reader, name)
            if entity is None:
                raise NotFoundError(f"no person or entity named {name!r} in the store")
            return timeline.person(self.reader, entity, limit=limit, include_unreal=include_unreal)

    def stories(self, *, since: str | None = None, limit: int = 20, offset: int = 0) -> list[StoryInfo]:
        """Stories, most recently active first."""
        with self._bounded():
            return timeline.stories(self.reader, since=since, limit=limit, offset=offset)

    def story(self, story_id: str) -> StoryInfo:
        """One story with its articles and digest."""
        with self._bounded():
            found = timeline.story(self.reader, story_id)
        if found is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        return found

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
        """Articles and statements matching a query (German stemming; see docs/usage.md)."""
        with self._bounded():
            return search.search(self.reader, query, limit=limit, offset=offset)

    def similar(
        self, statement_id: str, *, limit: int = 10, encoder: Encoder | None = None
    ) -> list[SemanticHit]:
        """Statements most like one statement by meaning (cosine of their vectors), best first."""
        chosen = encoder or default_encoder()
        data = self._vectors(chosen)
        with self._bounded():
            deadline = time.monotonic() + self.query_timeout
            return semantic.similar(
                self.reader, data, chosen, statement_id, limit=limit, deadline=deadline
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
                self.reader, data, chosen, query, limit=limit, hybrid=hybrid, deadline=deadline
            )

    def _vectors(self, encoder: Encoder) -> semantic.VectorData:
        """The per-process vector index (built once, rebuilt after the store changed; not time-limited)."""
        cache_key = self.path if self.path != ":memory:" else f":memory:{id(self.connection)}"
        return semantic.loaded(self.reader, encoder, cache_key=cache_key, writable=not self.readonly)

    def articles(
        self, *, source: str | None = None, since: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[ArticleInfo]:
        """Stored articles, newest first."""
        with self._bounded():
            return queries.article_infos(
                self.reader, source=source, since=since, limit=limit, offset=offset
            )

    def article(self, article_id: str) -> Article:
        """The full stored article with all its layers."""
        record = self.reader.value("SELECT json FROM articles WHERE id = ?", (article_id,))
        if record is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return Article.from_json(json.loads(record))

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries (whole-table counts: not time-limited)."""
        tables = ("articles", "statements", "entities", "events", "statement_groups", "stories")
        counts = {name: next(self.reader.scan(f"SELECT COUNT(*) AS n FROM {name}")) for name in tables}
        return {name: int(row["n"]) for name, row in counts.items()}


def check_location(location: str) -> None:
    """Raise :class:`StoreError` for a database URL of an engine other than PostgreSQL."""
    if DATABASE_URL.match(location) and not postgres.is_url(location):
        raise StoreError(
            f"{location}: a database URL of an unsupported kind; give a SQLite file path or a "
            "postgresql://… URL (nothing was created)"
        )


def _open_postgres(url: str, readonly: bool) -> Connection:
    """Connect to a PostgreSQL store and (unless ``readonly``) create or upgrade its schema."""
    shown = postgres.safe_url(url)
    try:
        connection = postgres.connect(url, readonly=readonly)
    except StoreError as error:
        raise StoreError(f"{shown}: {error}") from None
    try:
        if readonly:
            check_version(connection)
        else:
            migrate(connection)
    except StoreError as error:
        connection.close()
        raise type(error)(f"{shown}: {error}") from None
    except Exception as error:  # psycopg's or sqlite3's class: one line either way
        connection.close()
        raise StoreError(f"{shown}: {describe_sqlite_error(error)}") from None
    # PgConnection offers the part of sqlite3.Connection the store uses (the store's test suite runs
    # on both engines); typed as one so that the store's SQL modules keep one connection type.
    return cast(Connection, connection)


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
