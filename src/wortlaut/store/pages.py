"""Read queries the web pages need beyond the timeline and search: home, person chart, story, article.

Home's most-quoted list, the person chart's counts per day, a story's events
and voices, first lines as titles, and the story an article belongs to.  Every
query binds its parameters and reads through the store's
:class:`~wortlaut.store.reader.Reader`, so it is bounded in time like every
other read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from wortlaut.store.reader import Reader
from wortlaut.store.rows import placeholders

#: Days counted as "this week" on the home page, ending at the newest statement in the store.
WEEK_DAYS = 7


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
class StoryRef:
    """The story an article belongs to: its id and title."""

    id: str
    title: str | None


def most_quoted(db: Reader, *, limit: int = 10) -> tuple[str | None, list[Quoted]]:
    """The week's most-quoted people: the :data:`WEEK_DAYS` days up to the newest statement date."""
    newest = db.value("SELECT MAX(date) FROM statements WHERE date LIKE '____-__-__%'")
    if not newest:
        return None, []
    rows = db.rows(
        "SELECT s.speaker_entity AS entity, e.name, COUNT(*) AS statements FROM statements s"
        " JOIN entities e ON e.id = s.speaker_entity"
        " WHERE s.date > date(?, ?) AND s.date <= ? || '\uffff'"
        " GROUP BY s.speaker_entity, e.name ORDER BY COUNT(*) DESC, e.name LIMIT ?",
        (newest[:10], f"-{WEEK_DAYS} days", newest[:10], limit),
    )
    return newest[:10], [Quoted(entity=r["entity"], name=r["name"], statements=r["statements"]) for r in rows]


def most_quoted_ever(db: Reader) -> str | None:
    """The speaker quoted most often in the whole store (an entity's name, else the text's words)."""
    name = db.value(
        "SELECT COALESCE(e.name, s.speaker_text) FROM statements s"
        " LEFT JOIN entities e ON e.id = s.speaker_entity WHERE s.speaker_text IS NOT NULL"
        " GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"
    )
    return None if name is None else str(name)


def person_days(
    db: Reader, entity_id: str, *, since: str | None = None, until: str | None = None
) -> list[DayCount]:
    """Statements per day and mode, and events per day, of one entity (the person chart's data)."""
    bounds = (since or "", (until or "9999") + "\uffff")
    statements = db.rows(
        "SELECT substr(date, 1, 10) AS day, COALESCE(mode, 'unknown') AS kind, COUNT(*) AS count"
        " FROM statements"
        " WHERE speaker_entity = ? AND date >= ? AND date <= ? AND date LIKE '____-__-__%'"
        " GROUP BY 1, 2",
        (entity_id, *bounds),
    )
    events = db.rows(
        "SELECT substr(e.date, 1, 10) AS day, 'event' AS kind, COUNT(DISTINCT e.id) AS count FROM events e"
        " WHERE e.id IN (SELECT event_id FROM event_participants WHERE entity = ?)"
        " AND e.date >= ? AND e.date <= ? AND e.date LIKE '____-__-__%' GROUP BY 1",
        (entity_id, *bounds),
    )
    return [DayCount(day=r["day"], kind=r["kind"], count=r["count"]) for r in [*statements, *events]]


def story_events(db: Reader, article_ids: Sequence[str]) -> list[StoryEvent]:
    """Events reported in the given articles, in date order."""
    if not article_ids:
        return []
    marks = placeholders(len(article_ids))
    rows = db.rows(
        "SELECT e.id, e.article_id, e.type, e.trigger_text, e.date, e.place_text, a.source FROM events e"
        f" JOIN articles a ON a.id = e.article_id WHERE e.article_id IN ({marks})"
        " ORDER BY e.date IS NULL, e.date, a.published, e.id",
        list(article_ids),
    )
    return [
        StoryEvent(
            id=r["id"],
            article_id=r["article_id"],
            type=r["type"],
            trigger=r["trigger_text"],
            date=r["date"],
            place=r["place_text"],
            source=r["source"],
        )
        for r in rows
    ]


def story_voices(db: Reader, article_ids: Sequence[str]) -> list[Voice]:
    """Statements made in the given articles, grouped by speaker (most statements first), then by date."""
    if not article_ids:
        return []
    marks = placeholders(len(article_ids))
    rows = db.rows(
        "SELECT s.id, s.article_id, COALESCE(e.name, s.speaker_text, 'unbekannt') AS speaker,"
        " s.speaker_entity, s.mode, s.quote_text, s.date, a.source, s.speaker_text"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        f" LEFT JOIN entities e ON e.id = s.speaker_entity WHERE s.article_id IN ({marks})"
        " ORDER BY s.date, a.published, s.quote_start",
        list(article_ids),
    )
    voices = [
        Voice(
            statement_id=r["id"],
            article_id=r["article_id"],
            speaker=r["speaker"],
            speaker_entity=r["speaker_entity"],
            mode=r["mode"],
            quote=r["quote_text"] or "",
            date=r["date"],
            source=r["source"],
            words=r["speaker_text"],
        )
        for r in rows
    ]
    counts = Counter(voice.speaker for voice in voices)
    return sorted(voices, key=lambda voice: (-counts[voice.speaker], voice.speaker))


def headlines(db: Reader, article_ids: Sequence[str]) -> dict[str, str]:
    """The first line of each article's text: the title to show for articles stored without one."""
    if not article_ids:
        return {}
    rows = db.rows(
        "SELECT id, substr(text, 1, instr(text || char(10), char(10)) - 1) AS line FROM articles"
        f" WHERE id IN ({','.join('?' * len(article_ids))})",
        list(article_ids),
    )
    return {row["id"]: row["line"].strip() for row in rows if row["line"] and row["line"].strip()}


def article_story(db: Reader, article_id: str) -> StoryRef | None:
    """The story the article belongs to, if linking put it in one."""
    row = db.row(
        "SELECT s.id, s.title FROM story_articles sa JOIN stories s ON s.id = sa.story_id"
        " WHERE sa.article_id = ?",
        (article_id,),
    )
    return StoryRef(id=row["id"], title=row["title"]) if row else None
