"""Full-text search: the one definition of what matches a query and in which order.

A query becomes an FTS5 expression with German stemming
(:func:`wortlaut.store.text.fts_query`).  Articles are ranked by BM25 among
the :data:`RANK_WINDOW` most recently stored matches, statements come newest
first: ranking every match of a common word in a large collection costs time
linear in the matches, and recent news is what a reader of a growing
collection looks for.  :func:`search` pages through these matches (the CLI,
the HTTP API and Python use it through :meth:`wortlaut.store.Store.search`);
the web UI's faceted search (:mod:`wortlaut.store.facets`) reads the same
windows in the same order with the columns its facets need.
"""

from __future__ import annotations

import re

from wortlaut.store.dialect import Dialect, fts_params, fts_window
from wortlaut.store.pg_fts import newest_matches, tops
from wortlaut.store.reader import Reader, Row
from wortlaut.store.results import SearchHit, SearchResult
from wortlaut.store.rows import among, placeholders
from wortlaut.store.text import fts_query, stem_words, words

#: Characters of context on each side of a search match in a snippet.
SNIPPET_CONTEXT = 80
_WORD = re.compile(r"\w+")
#: Search ranks at most this many (most recent) matching articles by relevance; see :func:`search`.
RANK_WINDOW = 1_000
#: Relevance on PostgreSQL, lower is better (the expression bound as one ``?``), as :func:`article_window`'s.
_PG_SCORE = "-ts_rank(stem_tsv, to_tsquery('simple', ?))"
#: A statement hit names its speaker as resolved (``Mark Rutte``), not as the span says (``Er``); the span
#: is the fallback for a speaker no entity was found for.
_STATEMENT_COLUMNS = (
    "SELECT s.id, s.article_id, a.title, a.url, s.date, s.quote_text,"
    " COALESCE(e.name, s.speaker_text) AS speaker_text"
)
#: Joins :data:`_STATEMENT_COLUMNS` reads from, after ``statements s``.
_STATEMENT_JOINS = " JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_entity"


def article_window(dialect: Dialect) -> str:
    """The :data:`RANK_WINDOW` most recent matching articles (``rid``) with their relevance ``score``.

    Parameters: :func:`~wortlaut.store.dialect.fts_params` (ranked) and the window size.  Best first
    is ``ORDER BY score, rid DESC`` (BM25 on SQLite, ``ts_rank`` on PostgreSQL).
    """
    return fts_window(dialect, "articles", ranked=True)


def statement_window(dialect: Dialect) -> str:
    """Matching statements (``rid``), newest first; parameters: the expression, a limit and an offset."""
    return fts_window(dialect, "statements", ranked=False, offset=True)


def newest_rids(db: Reader, table: str, expression: str, count: int, offset: int = 0) -> list[int]:
    """The ``rid`` of ``table``'s matches newest first, ``count`` of them after skipping ``offset``.

    PostgreSQL reads them in widening windows (:mod:`.pg_fts`); SQLite walks FTS5's doclist backwards.
    """
    if db.dialect == "postgresql":
        return newest_matches(db, table, expression, count + offset)[offset:]
    window = fts_window(db.dialect, table, ranked=False, offset=True)
    return [row["rid"] for row in db.rows(f"SELECT rid FROM {window} f", (expression, count, offset))]


def ranked_rids(db: Reader, table: str, expression: str, window: int, limit: int) -> list[int]:
    """The ``rid`` of the ``window`` newest matches, best first (BM25 or ``ts_rank``, then newest), ``limit``
    of them."""
    if db.dialect == "postgresql":
        newest = newest_matches(db, table, expression, window)
        condition, params = among(db.dialect, "rid", newest)
        rows = db.rows(
            f"SELECT rid FROM {table} WHERE {condition} ORDER BY {_PG_SCORE}, rid DESC LIMIT ?",
            (*params, expression, limit),
        ) if newest else []  # fmt: skip
    else:
        ranked = fts_window(db.dialect, table, ranked=True)
        rows = db.rows(
            f"SELECT rid FROM {ranked} f ORDER BY score, rid DESC LIMIT ?",
            (*fts_params(db.dialect, expression, ranked=True), window, limit),
        )
    return [row["rid"] for row in rows]


def search(db: Reader, query: str, *, limit: int = 20, offset: int = 0) -> SearchResult:
    """Articles (best match first) and statements (newest first) matching a query."""
    expression = fts_query(query, db.dialect)
    stems = set(stem_words(words(query)))
    if db.dialect == "postgresql":
        article_rows, statement_rows = _postgres_rows(db, expression, limit, offset)
    else:
        article_rows, statement_rows = _sqlite_rows(db, expression, limit, offset)
    articles = tuple(
        SearchHit(
            kind="article",
            id=r["id"],
            article_id=r["id"],
            title=r["title"],
            url=r["url"],
            published=r["published"],
            snippet=snippet(r["text"], stems),
        )
        for r in article_rows
        if r is not None
    )
    statements = tuple(
        SearchHit(
            kind="statement",
            id=r["id"],
            article_id=r["article_id"],
            title=r["title"],
            url=r["url"],
            published=r["date"],
            snippet=r["quote_text"] or "",
            speaker=r["speaker_text"],
        )
        for r in statement_rows
    )
    return SearchResult(query=query, articles=articles, statements=statements)


def _sqlite_rows(db: Reader, expression: str, limit: int, offset: int) -> tuple[list[Row | None], list[Row]]:
    """The page's article rows (best first) and statement rows (newest first), read through FTS5."""
    ranked = db.rows(
        f"SELECT rid FROM {article_window(db.dialect)} f ORDER BY score, rid DESC LIMIT ? OFFSET ?",
        (*fts_params(db.dialect, expression, ranked=True), RANK_WINDOW, limit, offset),
    )
    rids = [row["rid"] for row in ranked]
    found = db.rows(
        f"SELECT rid, id, url, title, published, text FROM articles WHERE rid IN ({placeholders(len(rids))})",
        rids,
    ) if rids else []
    by_rid = {row["rid"]: row for row in found}
    statement_rows = db.rows(
        f"{_STATEMENT_COLUMNS} FROM {statement_window(db.dialect)} f JOIN statements s ON s.rid = f.rid"
        f"{_STATEMENT_JOINS} ORDER BY f.rid DESC",
        (expression, limit, offset),
    )
    return [by_rid.get(rid) for rid in rids], statement_rows


def _postgres_rows(
    db: Reader, expression: str, limit: int, offset: int
) -> tuple[list[Row | None], list[Row]]:
    """The same rows as :func:`_sqlite_rows`, the newest matches read in windows (:mod:`.pg_fts`).

    The articles are ranked as :func:`article_window` ranks them (``ts_rank``, then newest first).
    """
    top = tops(db, "articles", "statements")
    window = newest_matches(db, "articles", expression, RANK_WINDOW, top=top["articles"])
    newest = newest_matches(db, "statements", expression, limit + offset, top=top["statements"])[offset:]
    ranked, ranked_params = among(db.dialect, "rid", window)
    article_rows: list[Row | None] = list(db.rows(
        f"SELECT rid, id, url, title, published, text FROM articles WHERE {ranked}"
        f" ORDER BY {_PG_SCORE}, rid DESC LIMIT ? OFFSET ?",
        (*ranked_params, expression, limit, offset),
    )) if window else []
    page, page_params = among(db.dialect, "s.rid", newest)
    statement_rows = db.rows(
        f"{_STATEMENT_COLUMNS} FROM statements s{_STATEMENT_JOINS} WHERE {page} ORDER BY s.rid DESC",
        page_params,
    ) if newest else []
    return article_rows, statement_rows


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
