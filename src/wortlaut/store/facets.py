"""The web UI's search: statements and articles matching a query, narrowed by facets.

It reads the matches of :mod:`wortlaut.store.search` (same FTS expression,
same windows, articles in the same BM25 order) with the columns the facets
need: who said it, the source, the mode and the month.  When the query names
a person, that person's latest statements join the matches.  Facets count
within the :data:`SEARCH_WINDOW` most recent matches, so a common word costs
the same as a rare one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wortlaut.store.entities import resolve_entity
from wortlaut.store.reader import Reader, Row
from wortlaut.store.results import EntityInfo
from wortlaut.store.rows import among
from wortlaut.store.search import RANK_WINDOW, newest_rids, ranked_rids, snippet
from wortlaut.store.text import fts_query, stem_words, words

#: Matches a faceted search looks at (most recent first); facets count within this window.
SEARCH_WINDOW = RANK_WINDOW
#: Entries per facet shown; the long tail is rarely a useful filter.
MAX_FACET_VALUES = 12


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementHit:
    """A statement matching a search, with the facet values it carries."""

    statement_id: str
    article_id: str
    speaker: str
    person: str
    mode: str
    source: str
    date: str
    title: str | None
    quote: str
    words: str | None = None  # the text's own words for the speaker


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleHit:
    """An article matching a search."""

    article_id: str
    title: str | None
    source: str
    date: str
    url: str | None
    snippet: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """Facet filters of a search; ``person`` is an entity id or ``~`` plus an unresolved name."""

    person: str | None = None
    source: str | None = None
    mode: str | None = None
    since: str | None = None
    until: str | None = None

    def keeps(self, hit: StatementHit | ArticleHit, *, skip: str = "") -> bool:
        """Whether a hit passes every filter except ``skip`` (facet counts ignore their own filter)."""
        checks: dict[str, Callable[[], bool]] = {
            "person": lambda: not self.person or getattr(hit, "person", self.person) == self.person,
            "source": lambda: not self.source or hit.source == self.source,
            "mode": lambda: not self.mode or getattr(hit, "mode", self.mode) == self.mode,
            "since": lambda: not self.since or hit.date >= self.since,
            "until": lambda: not self.until or hit.date[: len(self.until)] <= self.until,
        }
        return all(check() for name, check in checks.items() if name != skip)


@dataclass(frozen=True, slots=True, kw_only=True)
class Facet:
    """Values of one facet with their counts, most frequent first."""

    name: str
    values: tuple[tuple[str, str, int], ...] = ()  # (value, label, count)


@dataclass(frozen=True, slots=True, kw_only=True)
class FacetedSearch:
    """Statements and articles matching a query after the filters, and the facets to narrow it."""

    people: tuple[EntityInfo, ...] = ()
    statements: tuple[StatementHit, ...] = ()
    articles: tuple[ArticleHit, ...] = ()
    facets: tuple[Facet, ...] = field(default=())


_HIT_COLUMNS = (
    "SELECT s.id, s.article_id, COALESCE(e.name, s.speaker_text, 'unbekannt') AS speaker, s.speaker_entity,"
    " COALESCE(s.mode, 'unknown') AS mode, COALESCE(a.source, 'unknown') AS source,"
    " COALESCE(s.date, a.published, '') AS date,"
    " COALESCE(a.title, substr(a.text, 1, instr(a.text || char(10), char(10)) - 1)) AS title,"
    " s.quote_text, s.speaker_text"
)


def _statement_hits(db: Reader, expression: str, speaker: str | None = None) -> list[StatementHit]:
    """Statements whose text matches, and (when the query names a person) that person's statements."""
    rids = newest_rids(db, "statements", expression, SEARCH_WINDOW)
    condition, params = among(db.dialect, "s.rid", rids)
    rows = db.rows(
        f"{_HIT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
        f" LEFT JOIN entities e ON e.id = s.speaker_entity WHERE {condition}",
        params,
    ) if rids else []  # fmt: skip
    if speaker is not None:
        rows += db.rows(
            f"{_HIT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN entities e ON e.id = s.speaker_entity WHERE s.speaker_entity = ?"
            " ORDER BY s.date DESC LIMIT ?",
            (speaker, SEARCH_WINDOW),
        )
    unique = {row["id"]: row for row in rows}.values()
    return [_statement_hit(row) for row in sorted(unique, key=lambda r: (r["date"], r["id"]), reverse=True)]


def _statement_hit(row: Row) -> StatementHit:
    return StatementHit(
        statement_id=row["id"],
        article_id=row["article_id"],
        speaker=row["speaker"],
        person=row["speaker_entity"] or f"~{row['speaker']}",
        mode=row["mode"],
        source=row["source"],
        date=row["date"][:10],
        title=row["title"],
        quote=row["quote_text"] or "",
        words=row["speaker_text"],
    )


def _article_hits(db: Reader, expression: str) -> list[tuple[ArticleHit, set[str]]]:
    """Matching articles, best first, with the entity ids they mention or quote (for the person filter)."""
    rids = ranked_rids(db, "articles", expression, SEARCH_WINDOW, SEARCH_WINDOW)
    condition, params = among(db.dialect, "a.rid", rids)
    found = db.rows(
        "SELECT a.rid, a.id,"
        " COALESCE(a.title, substr(a.text, 1, instr(a.text || char(10), char(10)) - 1)) AS title,"
        " COALESCE(a.source, 'unknown') AS source, COALESCE(a.published, '') AS published, a.url,"
        " (SELECT group_concat(DISTINCT m.entity) FROM mentions m WHERE m.article_id = a.id) AS mentioned,"
        " (SELECT group_concat(DISTINCT s.speaker_entity) FROM statements s WHERE s.article_id = a.id)"
        " AS quoted"
        f" FROM articles a WHERE {condition}",
        params,
    ) if rids else []  # fmt: skip
    by_rid = {row["rid"]: row for row in found}
    hits = []
    for r in (by_rid[rid] for rid in rids if rid in by_rid):
        entities = set(filter(None, f"{r['mentioned'] or ''},{r['quoted'] or ''}".split(",")))
        hit = ArticleHit(
            article_id=r["id"], title=r["title"], source=r["source"], date=r["published"][:10], url=r["url"]
        )
        hits.append((hit, entities))
    return hits


def _facet(name: str, hits: Sequence[Any], value: Callable[[Any], tuple[str, str]]) -> Facet:
    counts: Counter[tuple[str, str]] = Counter(value(hit) for hit in hits)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))[:MAX_FACET_VALUES]
    return Facet(name=name, values=tuple((key, label, count) for (key, label), count in ordered))


def _facets(statements: list[StatementHit], filters: Filters) -> tuple[Facet, ...]:
    """Each facet counts the hits that pass every filter but its own."""
    return (
        _facet(
            "person",
            [h for h in statements if filters.keeps(h, skip="person")],
            lambda h: (h.person, h.speaker),
        ),
        _facet(
            "source",
            [h for h in statements if filters.keeps(h, skip="source")],
            lambda h: (h.source, h.source),
        ),
        _facet("mode", [h for h in statements if filters.keeps(h, skip="mode")], lambda h: (h.mode, h.mode)),
        _facet(
            "month",
            [h for h in statements if filters.keeps(h, skip="since") and filters.keeps(h, skip="until")],
            lambda h: (h.date[:7], h.date[:7] or "undated"),
        ),
    )


def faceted_search(db: Reader, query: str, filters: Filters, *, limit: int = 50) -> FacetedSearch:
    """Statements and articles matching ``query`` (German stemming) narrowed by ``filters``."""
    expression = fts_query(query, db.dialect)
    person = resolve_entity(db, query)
    statements = _statement_hits(db, expression, person.id if person else None)
    articles = _article_hits(db, expression)
    kept = [hit for hit in statements if filters.keeps(hit)]
    kept_articles = [
        hit
        for hit, entities in articles
        if filters.keeps(hit, skip="person") and (not filters.person or filters.person in entities)
    ]
    stems = set(stem_words(words(query)))
    page = [_with_snippet(db, hit, stems) for hit in kept_articles[:limit]]
    people = (person,) if person else ()
    return FacetedSearch(
        people=people,
        statements=tuple(kept[:limit]),
        articles=tuple(page),
        facets=_facets(statements, filters),
    )


def _with_snippet(db: Reader, hit: ArticleHit, stems: set[str]) -> ArticleHit:
    text = db.value("SELECT text FROM articles WHERE id = ?", (hit.article_id,))
    return ArticleHit(
        article_id=hit.article_id,
        title=hit.title,
        source=hit.source,
        date=hit.date,
        url=hit.url,
        snippet=snippet(text, stems) if text is not None else "",
    )
