"""Person pages and stories: an entity's timeline, its contacts, and story lists.

A timeline merges three kinds of dated items (statement groups, events,
stories) in date order; contacts are the co-occurrence network read from
event participants (who met or talked with whom).  This is the project's only
timeline builder (CLI, HTTP API, web UI and Python all read it through
:meth:`wortlaut.store.Store.person`); every query here looks at a bounded
window of the entity's latest rows, so a page costs about the same for a
person quoted ten times or ten thousand times.

Only what happened counts: the timeline shows happened, planned and cancelled events (each
with its ``status``) and leaves out negated and hypothetical ones (``Ein Treffen ist nicht
geplant``, ``Ein Gespräch könnte … stattfinden``) unless asked; contacts count happened events
only.  Contacts count shared events only.  Statements one entity addressed to the
other (either way round) and co-mentions in the same article would add ties,
but the first needs an index on ``statements.addressee_entity`` that the schema
does not have and the second a scan of all the entity's mentions, so they are
left out rather than made unbounded.
"""

from __future__ import annotations

import json
import sqlite3

from wortlaut.store.entities import entity_conditions
from wortlaut.store.queries import said
from wortlaut.store.results import (
    ArticleInfo,
    Contact,
    EntityInfo,
    EventItem,
    Person,
    StoryInfo,
    TimelineItem,
)

#: Most contacts listed on a person page; the long tail is rarely interesting.
MAX_CONTACTS = 20
#: Event statuses a timeline shows by default: what happened, and what is planned or was called off.
TIMELINE_STATUSES = ("happened", "planned", "cancelled")
#: Event statuses that make a contact: only events that took place tie two people together.
CONTACT_STATUSES = ("happened",)
#: Every status (``include_unreal``): negated and hypothetical events as well.
ALL_STATUSES = ("happened", "planned", "cancelled", "negated", "hypothetical")
#: An event's status, read from its stored record (events stored before statuses existed have none and
#: count as happened).  No column: the queries read a bounded window of rows, and a store of any schema
#: version (also a read-only one that cannot be migrated) answers them.
EVENT_STATUS = "COALESCE(json_extract(e.json, '$.status'), 'happened')"
#: A person page looks at the entity's latest this-many statements and event participations
#: (for stories and contacts), which bounds its cost for people quoted thousands of times.
RECENT_WINDOW = 200


def person(
    connection: sqlite3.Connection, entity: EntityInfo, *, limit: int = 50, include_unreal: bool = False
) -> Person:
    """The entity's page: the latest ``limit`` items of each kind, merged in date order.

    Negated and hypothetical events are left out unless ``include_unreal``; contacts count
    happened events only.
    """
    groups = said(connection, entity_conditions(connection, entity.id), limit=limit)
    statuses = ALL_STATUSES if include_unreal else TIMELINE_STATUSES
    events = person_events(connection, entity.id, limit=limit, statuses=statuses)
    stories = person_stories(connection, entity.id, limit=limit)
    items = [TimelineItem(kind="statement", date=group.date, statement=group) for group in groups]
    items += [TimelineItem(kind="event", date=event.date, event=event) for event in events]
    items += [TimelineItem(kind="story", date=story.first_date, story=story) for story in stories]
    items.sort(key=lambda item: (item.date is None, item.date or "", item.kind))
    counts = connection.execute(
        "SELECT statements, events FROM entity_counts WHERE entity = ?", (entity.id,)
    ).fetchone() or (0, 0)
    count_statements, count_events = counts
    return Person(
        entity=entity,
        timeline=tuple(items),
        contacts=tuple(contacts(connection, entity.id)),
        statements=count_statements,
        events=count_events,
    )


def person_events(
    connection: sqlite3.Connection,
    entity_id: str,
    *,
    limit: int = 50,
    statuses: tuple[str, ...] = TIMELINE_STATUSES,
) -> list[EventItem]:
    """Events the entity took part in whose status is one of ``statuses``, newest first."""
    rows = connection.execute(
        "SELECT e.id, e.article_id, e.type, e.trigger_text, e.date, e.place_text, a.url, a.title,"
        f" {EVENT_STATUS}"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id IN (SELECT event_id FROM event_participants WHERE entity = ?"
        f" ORDER BY rowid DESC LIMIT ?) AND {EVENT_STATUS} IN (SELECT value FROM json_each(?))"
        " ORDER BY e.date DESC LIMIT ?",
        (entity_id, 4 * limit, json.dumps(list(statuses)), limit),
    ).fetchall()
    items = []
    for row in rows:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT COALESCE(n.name, p.text) FROM event_participants p"
                " LEFT JOIN entities n ON n.id = p.entity"
                " WHERE p.event_id = ?",
                (row[0],),
            )
        ]
        items.append(
            EventItem(
                id=row[0],
                article_id=row[1],
                type=row[2],
                trigger=row[3],
                date=row[4],
                place=row[5],
                participants=tuple(names),
                url=row[6],
                title=row[7],
                status=row[8],
            )
        )
    return items


def person_stories(connection: sqlite3.Connection, entity_id: str, *, limit: int = 50) -> list[StoryInfo]:
    """Stories of the articles that quote the entity or name it among event participants (recent ones)."""
    articles = {
        row[0]
        for row in connection.execute(
            "SELECT article_id FROM statements INDEXED BY statements_speaker WHERE speaker_entity = ?"
            " ORDER BY date DESC LIMIT ?",
            (entity_id, RECENT_WINDOW),
        )
    }
    articles.update(
        row[0]
        for row in connection.execute(
            "SELECT e.article_id FROM event_participants p JOIN events e ON e.id = p.event_id"
            " WHERE p.entity = ? ORDER BY p.rowid DESC LIMIT ?",
            (entity_id, RECENT_WINDOW),
        )
    )
    rows = connection.execute(
        "SELECT id, title, first_date, last_date, size, digest FROM stories WHERE id IN ("
        " SELECT story_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?)))"
        " ORDER BY last_date DESC LIMIT ?",
        (json.dumps(sorted(articles)), limit),
    ).fetchall()
    return [_story_info(row) for row in rows]


def contacts(
    connection: sqlite3.Connection, entity_id: str, *, statuses: tuple[str, ...] = CONTACT_STATUSES
) -> list[Contact]:
    """Entities that shared events (of the given statuses: happened ones by default) with this one."""
    rows = connection.execute(
        "WITH recent AS (SELECT DISTINCT p.event_id FROM (SELECT event_id FROM event_participants"
        "  WHERE entity = ?1 ORDER BY rowid DESC LIMIT ?3) p JOIN events e ON e.id = p.event_id"
        f"  WHERE {EVENT_STATUS} IN (SELECT value FROM json_each(?4)))"
        " SELECT p2.entity, COALESCE(n.name, MIN(p2.text)), COUNT(DISTINCT p2.event_id) AS shared"
        " FROM recent r JOIN event_participants p2 ON p2.event_id = r.event_id"
        " LEFT JOIN entities n ON n.id = p2.entity"
        " WHERE (p2.entity IS NULL OR p2.entity != ?1)"
        " GROUP BY COALESCE(p2.entity, lower(p2.text)) ORDER BY shared DESC, 2 LIMIT ?2",
        (entity_id, MAX_CONTACTS, RECENT_WINDOW, json.dumps(list(statuses))),
    ).fetchall()
    return [Contact(entity=row[0], name=row[1], events=row[2]) for row in rows]


def _story_info(row: tuple[object, ...], articles: tuple[ArticleInfo, ...] = ()) -> StoryInfo:
    digest = row[5]
    return StoryInfo(
        id=str(row[0]),
        title=row[1] if isinstance(row[1], str) else None,
        first_date=row[2] if isinstance(row[2], str) else None,
        last_date=row[3] if isinstance(row[3], str) else None,
        size=int(row[4]) if isinstance(row[4], int) else len(articles),
        digest=json.loads(digest) if isinstance(digest, str) and digest else None,
        articles=articles,
    )


def stories(
    connection: sqlite3.Connection, *, since: str | None = None, limit: int = 20, offset: int = 0
) -> list[StoryInfo]:
    """Stories, most recently active first."""
    rows = connection.execute(
        "SELECT id, title, first_date, last_date, size, digest FROM stories"
        " WHERE ?1 IS NULL OR last_date >= ?1 ORDER BY last_date DESC, id LIMIT ?2 OFFSET ?3",
        (since, limit, offset),
    ).fetchall()
    return [_story_info(row) for row in rows]


def story(connection: sqlite3.Connection, story_id: str) -> StoryInfo | None:
    """One story with its articles in date order, or ``None``."""
    row = connection.execute(
        "SELECT id, title, first_date, last_date, size, digest FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    if row is None:
        return None
    articles = tuple(
        ArticleInfo(id=r[0], url=r[1], source=r[2], title=r[3], published=r[4], language=r[5])
        for r in connection.execute(
            "SELECT a.id, a.url, a.source, a.title, a.published, a.language FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, a.id",
            (story_id,),
        )
    )
    return _story_info(row, articles)
