"""Read queries: what a speaker said, and search.

Every function takes an open connection and returns records from
:mod:`wortlaut.store.results`.  Statements are shown as statement groups:
the groups that :mod:`wortlaut.link` wrote, and a group of one for a
statement no group holds yet, so answers look the same before and after
cross-article linking ran.  Names become conditions on statements in
:mod:`wortlaut.store.entities`.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from wortlaut.store.entities import Condition, merge_target
from wortlaut.store.results import ArticleInfo, SearchHit, SearchResult, Source, StatementGroup
from wortlaut.store.text import fts_query, stem_words, words

#: Characters of context on each side of a search match in a snippet.
SNIPPET_CONTEXT = 80
_WORD = re.compile(r"\w+")
#: Search ranks at most this many (most recent) matching articles by relevance; see :func:`search`.
RANK_WINDOW = 1_000


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None



def said(
    connection: sqlite3.Connection,
    conditions: list[Condition],
    *,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[StatementGroup]:
    """Statement groups matching any of ``conditions``, newest first, with all their sources.

    Each condition's statements are read lazily in date order and merged;
    reading stops as soon as ``offset + limit`` distinct groups are found.
    """
    extra, params = [], []
    if about:
        extra.append("s.rid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
        params.append(fts_query(about))
    if since:
        extra.append("s.date >= ?")
        params.append(since)
    if until:
        extra.append("s.date <= ?")
        params.append(until + "\uffff")  # "2024-06" includes every day of June
    streams = [_statement_keys(connection, condition, extra, params) for condition in conditions]
    keys: dict[str, None] = {}  # ordered set of group keys, newest first
    seen_statements: set[str] = set()
    for _date, statement_id, key in heapq.merge(*streams, reverse=True):
        if statement_id in seen_statements:
            continue
        seen_statements.add(statement_id)
        keys.setdefault(key)
        if len(keys) >= offset + limit:
            break
    return [_group(connection, key) for key in list(keys)[offset:]]


def _statement_keys(
    connection: sqlite3.Connection, condition: Condition, extra: list[str], params: list[Any]
) -> Iterator[tuple[str, str, str]]:
    """(date, statement id, group key) of matching statements, newest first."""
    where = " AND ".join([condition[0], *extra])
    cursor = connection.execute(
        f"SELECT COALESCE(s.date, ''), s.id, COALESCE(m.group_id, '=' || s.id) FROM statements s"
        f" INDEXED BY {condition[2]} LEFT JOIN statement_group_members m ON m.statement_id = s.id"
        f" WHERE {where} ORDER BY s.date DESC, s.id DESC",
        [*condition[1], *params],
    )
    yield from cursor


_SOURCE_COLUMNS = (
    "s.id, s.article_id, a.url, a.source, a.title, a.published, s.date, s.mode, s.cue_text, s.quote_text,"
    " s.quote_start, s.quote_end, s.speaker_text, s.speaker_entity"
)


def _source(row: Sequence[Any], similarity: float | None = None, diff: Any = None) -> Source:
    return Source(
        statement_id=row[0],
        article_id=row[1],
        url=row[2],
        source=row[3],
        title=row[4],
        published=row[5],
        date=row[6],
        mode=row[7],
        cue=row[8],
        quote=row[9] or "",
        quote_start=row[10],
        quote_end=row[11],
        speaker_text=row[12],
        similarity=similarity,
        diff=diff,
    )


def _group(connection: sqlite3.Connection, key: str) -> StatementGroup:
    """A statement group by key: a group id, or ``=<statement id>`` for a group of one."""
    if key.startswith("="):
        row = connection.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.id = ?",
            (key[1:],),
        ).fetchone()
        source = _source(row)
        speaker = merge_target(connection, row[13], row[1])
        return _make_group(connection, key[1:], speaker, (source,), first_seen=source.date, flags=None)
    group = connection.execute(
        "SELECT representative_statement, first_seen, flags, speaker_entity FROM statement_groups"
        " WHERE id = ?",
        (key,),
    ).fetchone()
    members = connection.execute(
        f"SELECT {_SOURCE_COLUMNS}, m.similarity, m.diff FROM statement_group_members m"
        " JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = s.article_id"
        " WHERE m.group_id = ? ORDER BY s.date, a.published, s.id",
        (key,),
    ).fetchall()
    sources = tuple(_source(row, row[14], _json(row[15])) for row in members)
    representative, first_seen, flags, speaker_entity = group if group else (None, None, None, None)
    if representative:
        sources = tuple(sorted(sources, key=lambda item: item.statement_id != representative))
    first = first_seen or min((item.date for item in sources if item.date), default=None)
    speaker = merge_target(
        connection,
        speaker_entity or (members[0][13] if members else None),
        sources[0].article_id if sources else "",
    )
    return _make_group(connection, key, speaker, sources, first, _json(flags))


def _make_group(
    connection: sqlite3.Connection,
    key: str,
    speaker_entity: str | None,
    sources: tuple[Source, ...],
    first_seen: str | None,
    flags: Any,
) -> StatementGroup:
    name = None
    if speaker_entity:
        row = connection.execute("SELECT name FROM entities WHERE id = ?", (speaker_entity,)).fetchone()
        name = row[0] if row else None
    head = sources[0] if sources else None
    return StatementGroup(
        id=key,
        speaker=name or (head.speaker_text if head else None),
        speaker_entity=speaker_entity,
        quote=head.quote if head else "",
        date=max((item.date for item in sources if item.date), default=None),
        first_seen=first_seen,
        size=len(sources),
        flags=flags,
        sources=sources,
    )


def search(connection: sqlite3.Connection, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
    """Articles (best match first) and statements (newest first) matching a query.

    Articles are ranked by BM25 among the :data:`RANK_WINDOW` most recently
    stored matches: ranking every match of a common word in a large
    collection costs time linear in the matches, and recent news is what a
    reader of a growing collection looks for.
    """
    expression = fts_query(query)
    stems = set(stem_words(words(query)))
    ranked = connection.execute(
        "SELECT rowid FROM (SELECT rowid, bm25(articles_fts) AS score FROM articles_fts"
        " WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
        " ORDER BY score, rowid DESC LIMIT ? OFFSET ?",
        (expression, RANK_WINDOW, limit, offset),
    ).fetchall()
    article_rows = [
        connection.execute(
            "SELECT id, url, title, published, text FROM articles WHERE rid = ?", (rowid,)
        ).fetchone()
        for (rowid,) in ranked
    ]
    statement_rows = connection.execute(
        "SELECT s.id, s.article_id, a.title, a.url, s.date, s.quote_text, s.speaker_text"
        " FROM statements_fts f JOIN statements s ON s.rid = f.rowid JOIN articles a ON a.id = s.article_id"
        " WHERE statements_fts MATCH ? ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
        (expression, limit, offset),
    ).fetchall()
    articles = tuple(
        SearchHit(
            kind="article",
            id=r[0],
            article_id=r[0],
            title=r[2],
            url=r[1],
            published=r[3],
            snippet=snippet(r[4], stems),
        )
        for r in article_rows
    )
    statements = tuple(
        SearchHit(
            kind="statement",
            id=r[0],
            article_id=r[1],
            title=r[2],
            url=r[3],
            published=r[4],
            snippet=r[5] or "",
            speaker=r[6],
        )
        for r in statement_rows
    )
    return SearchResult(query=query, articles=articles, statements=statements)


def snippet(text: str, stems: set[str]) -> str:
    """Context around the first word of ``text`` whose stem is among ``stems``."""
    position = 0
    for match in _WORD.finditer(text):
        if stem_words([match.group().casefold()])[0] in stems:
            position = match.start()
            break
    start = max(0, position - SNIPPET_CONTEXT)
    end = min(len(text), position + SNIPPET_CONTEXT)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def article_infos(
    connection: sqlite3.Connection,
    *,
    source: str | None = None,
    since: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[ArticleInfo]:
    """Stored articles, newest first."""
    rows = connection.execute(
        "SELECT id, url, source, title, published, language FROM articles"
        " WHERE (?1 IS NULL OR source = ?1) AND (?2 IS NULL OR published >= ?2)"
        " ORDER BY published DESC, id LIMIT ?3 OFFSET ?4",
        (source, since, limit, offset),
    ).fetchall()
    return [
        ArticleInfo(id=r[0], url=r[1], source=r[2], title=r[3], published=r[4], language=r[5]) for r in rows
    ]
