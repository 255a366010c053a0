"""Read-only queries the pages need beyond :class:`wortlaut.store.Store`'s methods.

Home's most-quoted list, the person chart's counts per day, a story's
events and voices, and search with facets.  Every query binds its
parameters (never interpolates them) and is bounded: search looks at the
:data:`SEARCH_WINDOW` most recent matches, like the store's own search.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wortlaut.store import EntityInfo
from wortlaut.store.entities import resolve_entity
from wortlaut.store.queries import snippet
from wortlaut.store.text import fts_query, stem_words, words

#: Matches a faceted search looks at (most recent first); facets count within this window.
SEARCH_WINDOW = 1_000
#: Days counted as "this week" on the home page, ending at the newest statement in the store.
WEEK_DAYS = 7
#: Entries per facet shown; the long tail is rarely a useful filter.
MAX_FACET_VALUES = 12


@dataclass(frozen=True, slots=True, kw_only=True)
class Quoted:
    """A person and how often they were quoted in a period."""

    entity: str
    name: str
    statements: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DayCount:
    """How many items of one kind (a statement mode, or ``event``) fall on one day."""

    day: str
    kind: str
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryEvent:
    """An event reported in a story's articles."""

    id: str
    article_id: str
    type: str | None
    trigger: str | None
    date: str | None
    place: str | None
    source: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Voice:
    """One statement in a story: who said what, where."""

    statement_id: str
    article_id: str
    speaker: str
    speaker_entity: str | None
    mode: str | None
    quote: str
    date: str | None
    source: str | None
    words: str | None = None  # the text's own words for the speaker, the evidence for ``speaker``


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


def most_quoted(connection: sqlite3.Connection, *, limit: int = 10) -> tuple[str | None, list[Quoted]]:
    """The week's most-quoted people: the :data:`WEEK_DAYS` days up to the newest statement date."""
    newest = connection.execute("SELECT MAX(date) FROM statements WHERE date LIKE '____-__-__%'").fetchone()
    if not newest or not newest[0]:
        return None, []
    rows = connection.execute(
        "SELECT s.speaker_entity, e.name, COUNT(*) FROM statements s"
        " JOIN entities e ON e.id = s.speaker_entity"
        " WHERE s.date > date(?, ?) AND s.date <= ? || '\uffff'"
        " GROUP BY s.speaker_entity ORDER BY COUNT(*) DESC, e.name LIMIT ?",
        (newest[0][:10], f"-{WEEK_DAYS} days", newest[0][:10], limit),
    ).fetchall()
    return newest[0][:10], [Quoted(entity=r[0], name=r[1], statements=r[2]) for r in rows]


def person_days(
    connection: sqlite3.Connection, entity_id: str, *, since: str | None = None, until: str | None = None
) -> list[DayCount]:
    """Statements per day and mode, and events per day, of one entity (the person chart's data)."""
    bounds = (since or "", (until or "9999") + "\uffff")
    statements = connection.execute(
        "SELECT substr(date, 1, 10), COALESCE(mode, 'unknown'), COUNT(*) FROM statements"
        " WHERE speaker_entity = ? AND date >= ? AND date <= ? AND date LIKE '____-__-__%'"
        " GROUP BY 1, 2",
        (entity_id, *bounds),
    ).fetchall()
    events = connection.execute(
        "SELECT substr(e.date, 1, 10), 'event', COUNT(DISTINCT e.id) FROM events e"
        " WHERE e.id IN (SELECT event_id FROM event_participants WHERE entity = ?)"
        " AND e.date >= ? AND e.date <= ? AND e.date LIKE '____-__-__%' GROUP BY 1",
        (entity_id, *bounds),
    ).fetchall()
    return [DayCount(day=r[0], kind=r[1], count=r[2]) for r in [*statements, *events]]


def story_events(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[StoryEvent]:
    """Events reported in the given articles, in date order."""
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    rows = connection.execute(
        "SELECT e.id, e.article_id, e.type, e.trigger_text, e.date, e.place_text, a.source FROM events e"
        f" JOIN articles a ON a.id = e.article_id WHERE e.article_id IN ({marks})"
        " ORDER BY e.date IS NULL, e.date, a.published, e.id",
        list(article_ids),
    ).fetchall()
    return [
        StoryEvent(id=r[0], article_id=r[1], type=r[2], trigger=r[3], date=r[4], place=r[5], source=r[6])
        for r in rows
    ]


def story_voices(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[Voice]:
    """Statements made in the given articles, grouped by speaker (most statements first), then by date."""
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    rows = connection.execute(
        "SELECT s.id, s.article_id, COALESCE(e.name, s.speaker_text, 'unbekannt'), s.speaker_entity, s.mode,"
        " s.quote_text, s.date, a.source, s.speaker_text"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        f" LEFT JOIN entities e ON e.id = s.speaker_entity WHERE s.article_id IN ({marks})"
        " ORDER BY s.date, a.published, s.quote_start",
        list(article_ids),
    ).fetchall()
    voices = [
        Voice(
            statement_id=r[0],
            article_id=r[1],
            speaker=r[2],
            speaker_entity=r[3],
            mode=r[4],
            quote=r[5] or "",
            date=r[6],
            source=r[7],
            words=r[8],
        )
        for r in rows
    ]
    counts = Counter(voice.speaker for voice in voices)
    return sorted(voices, key=lambda voice: (-counts[voice.speaker], voice.speaker))


_HIT_COLUMNS = (
    "SELECT s.id, s.article_id, COALESCE(e.name, s.speaker_text, 'unbekannt'), s.speaker_entity,"
    " COALESCE(s.mode, 'unknown'), COALESCE(a.source, 'unknown'), COALESCE(s.date, a.published, ''),"
    " COALESCE(a.title, substr(a.text, 1, instr(a.text || char(10), char(10)) - 1)), s.quote_text,"
    " s.speaker_text"
)


def _statement_hits(
    connection: sqlite3.Connection, expression: str, speaker: str | None = None
) -> list[StatementHit]:
    """Statements whose text matches, and (when the query names a person) that person's statements."""
    rows = connection.execute(
        f"{_HIT_COLUMNS} FROM (SELECT rowid AS rid FROM statements_fts WHERE statements_fts MATCH ?"
        " ORDER BY rowid DESC LIMIT ?) f"
        " JOIN statements s ON s.rid = f.rid JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN entities e ON e.id = s.speaker_entity",
        (expression, SEARCH_WINDOW),
    ).fetchall()
    if speaker is not None:
        rows += connection.execute(
            f"{_HIT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN entities e ON e.id = s.speaker_entity WHERE s.speaker_entity = ?"
            " ORDER BY s.date DESC LIMIT ?",
            (speaker, SEARCH_WINDOW),
        ).fetchall()
    rows = sorted({row[0]: row for row in rows}.values(), key=lambda row: (row[6], row[0]), reverse=True)
    return [
        StatementHit(
            statement_id=r[0],
            article_id=r[1],
            speaker=r[2],
            person=r[3] or f"~{r[2]}",
            mode=r[4],
            source=r[5],
            date=r[6][:10],
            title=r[7],
            quote=r[8] or "",
            words=r[9],
        )
        for r in rows
    ]


def _article_hits(connection: sqlite3.Connection, expression: str) -> list[tuple[ArticleHit, set[str]]]:
    """Matching articles with the entity ids they mention or quote (for the person filter)."""
    rows = connection.execute(
        "SELECT a.id, COALESCE(a.title, substr(a.text, 1, instr(a.text || char(10), char(10)) - 1)),"
        " COALESCE(a.source, 'unknown'), COALESCE(a.published, ''), a.url,"
        " (SELECT group_concat(DISTINCT m.entity) FROM mentions m WHERE m.article_id = a.id),"
        " (SELECT group_concat(DISTINCT s.speaker_entity) FROM statements s WHERE s.article_id = a.id)"
        " FROM (SELECT rowid AS rid, bm25(articles_fts) AS score FROM articles_fts"
        " WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f"
        " JOIN articles a ON a.rid = f.rid ORDER BY f.score, a.rid DESC",
        (expression, SEARCH_WINDOW),
    ).fetchall()
    hits = []
    for r in rows:
        entities = set(filter(None, f"{r[5] or ''},{r[6] or ''}".split(",")))
        hits.append(
            (ArticleHit(article_id=r[0], title=r[1], source=r[2], date=r[3][:10], url=r[4]), entities)
        )
    return hits


def _facet(name: str, hits: Sequence[Any], value: Callable[[Any], tuple[str, str]]) -> Facet:
    counts: Counter[tuple[str, str]] = Counter(value(hit) for hit in hits)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))[:MAX_FACET_VALUES]
    return Facet(name=name, values=tuple((key, label, count) for (key, label), count in ordered))


def faceted_search(
    connection: sqlite3.Connection, query: str, filters: Filters, *, limit: int = 50
) -> FacetedSearch:
    """Statements and articles matching ``query`` (German stemming) narrowed by ``filters``."""
    expression = fts_query(query)
    person = resolve_entity(connection, query)
    statements = _statement_hits(connection, expression, person.id if person else None)
    articles = _article_hits(connection, expression)
    kept = [hit for hit in statements if filters.keeps(hit)]
    kept_articles = [
        hit
        for hit, entities in articles
        if filters.keeps(hit, skip="person") and (not filters.person or filters.person in entities)
    ]
    facets = (
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
    stems = set(stem_words(words(query)))
    page = [_with_snippet(connection, hit, stems) for hit in kept_articles[:limit]]
    people = (person,) if person else ()
    return FacetedSearch(people=people, statements=tuple(kept[:limit]), articles=tuple(page), facets=facets)


def headlines(connection: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """The first line of each article's text: the title to show for articles stored without one."""
    if not article_ids:
        return {}
    rows = connection.execute(
        "SELECT id, substr(text, 1, instr(text || char(10), char(10)) - 1) FROM articles"
        f" WHERE id IN ({','.join('?' * len(article_ids))})",
        list(article_ids),
    ).fetchall()
    return {row[0]: row[1].strip() for row in rows if row[1] and row[1].strip()}


def _with_snippet(connection: sqlite3.Connection, hit: ArticleHit, stems: set[str]) -> ArticleHit:
    row = connection.execute("SELECT text FROM articles WHERE id = ?", (hit.article_id,)).fetchone()
    return ArticleHit(
        article_id=hit.article_id,
        title=hit.title,
        source=hit.source,
        date=hit.date,
        url=hit.url,
        snippet=snippet(row[0], stems) if row else "",
    )
