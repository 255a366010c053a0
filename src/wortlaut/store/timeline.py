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

from wortlaut.store.entities import entity_conditions
from wortlaut.store.queries import ARTICLE_INFO_COLUMNS, article_info, said
from wortlaut.store.reader import Reader, Row
from wortlaut.store.results import (
    ArticleInfo,
    Contact,
    EntityInfo,
    EventItem,
    Person,
    StoryInfo,
    TimelineItem,
)
from wortlaut.store.rows import chunks, placeholders

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
    db: Reader, entity: EntityInfo, *, limit: int = 50, include_unreal: bool = False
) -> Person:
    """The entity's page: the latest ``limit`` items of each kind, merged in date order.

    Negated and hypothetical events are left out unless ``include_unreal``; contacts count
    happened events only.
    """
    groups = said(db, entity_conditions(db, entity.id), limit=limit)
    statuses = ALL_STATUSES if include_unreal else TIMELINE_STATUSES
    events = person_events(db, entity.id, limit=limit, statuses=statuses)
    stories = person_stories(db, entity.id, limit=limit)
    items = [TimelineItem(kind="statement", date=group.date, statement=group) for group in groups]
    items += [TimelineItem(kind="event", date=event.date, event=event) for event in events]
    items += [TimelineItem(kind="story", date=story.first_date, story=story) for story in stories]
    items.sort(key=lambda item: (item.date is None, item.date or "", item.kind))
    counts = db.row("SELECT statements, events FROM entity_counts WHERE entity = ?", (entity.id,))
    return Person(
        entity=entity,
        timeline=tuple(items),
        contacts=tuple(contacts(db, entity.id)),
        statements=counts["statements"] if counts else 0,
        events=counts["events"] if counts else 0,
    )


def person_events(
    db: Reader,
    entity_id: str,
    *,
    limit: int = 50,
    statuses: tuple[str, ...] = TIMELINE_STATUSES,
) -> list[EventItem]:
    """Events the entity took part in whose status is one of ``statuses``, newest first."""
    rows = db.rows(
        "SELECT e.id, e.article_id, e.type, e.trigger_text, e.date, e.place_text, a.url, a.title,"
        f" {EVENT_STATUS} AS status"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id IN (SELECT event_id FROM event_participants WHERE entity = ?"
        f" ORDER BY rowid DESC LIMIT ?) AND {EVENT_STATUS} IN (SELECT value FROM json_each(?))"
        " ORDER BY e.date DESC LIMIT ?",
        (entity_id, 4 * limit, json.dumps(list(statuses)), limit),
    )
    participants = _participants(db, [row["id"] for row in rows])
    items = []
    for row in rows:
        names = participants.get(row["id"], [])
        items.append(
            EventItem(
                id=row["id"],
                article_id=row["article_id"],
                type=row["type"],
                trigger=row["trigger_text"],
                date=row["date"],
                place=row["place_text"],
                participants=tuple(names),
                url=row["url"],
                title=row["title"],
                status=row["status"],
            )
        )
    return items


def _participants(db: Reader, event_ids: list[str]) -> dict[str, list[str]]:
    """Each event's participant names in the order the event names them (one query per chunk of events)."""
    found: dict[str, list[str]] = {}
    for chunk in chunks(event_ids):
        for row in db.rows(
            "SELECT p.event_id, COALESCE(n.name, p.text) AS name FROM event_participants p"
            f" LEFT JOIN entities n ON n.id = p.entity WHERE p.event_id IN ({placeholders(len(chunk))})"
            " ORDER BY p.event_id, p.rowid",
            chunk,
        ):
            found.setdefault(row["event_id"], []).append(row["name"])
    return found


def person_stories(db: Reader, entity_id: str, *, limit: int = 50) -> list[StoryInfo]:
    """Stories of the articles that quote the entity or name it among event participants (recent ones).

    Two queries (on PostgreSQL each is a round trip; this was three).  The articles are handed to the
    second one as a JSON list: given them as a subquery, PostgreSQL's planner expects more rows and
    hash-joins all of ``story_articles`` (39 ms against 2 ms on the 1 M benchmark store).
    """
    articles = [
        row["article_id"]
        for row in db.rows(
            "SELECT article_id FROM (SELECT article_id FROM statements INDEXED BY statements_speaker"
            " WHERE speaker_entity = ?1 ORDER BY date DESC LIMIT ?2) quoted"
            " UNION SELECT article_id FROM (SELECT e.article_id FROM event_participants p"
            " JOIN events e ON e.id = p.event_id WHERE p.entity = ?1 ORDER BY p.rowid DESC LIMIT ?2) named",
            (entity_id, RECENT_WINDOW),
        )
    ]
    rows = db.rows(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE id IN ("
        " SELECT story_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?)))"
        " ORDER BY last_date DESC LIMIT ?",
        (json.dumps(sorted(articles)), limit),
    )
    return [_story_info(row) for row in rows]


def contacts(
    db: Reader, entity_id: str, *, statuses: tuple[str, ...] = CONTACT_STATUSES
) -> list[Contact]:
    """Entities that shared events (of the given statuses: happened ones by default) with this one."""
    rows = db.rows(
        "WITH recent AS (SELECT DISTINCT p.event_id FROM (SELECT event_id FROM event_participants"
        "  WHERE entity = ?1 ORDER BY rowid DESC LIMIT ?3) p JOIN events e ON e.id = p.event_id"
        f"  WHERE {EVENT_STATUS} IN (SELECT value FROM json_each(?4)))"
        # MIN() of values equal within a group: PostgreSQL needs them aggregated, SQLite does not
        " SELECT MIN(p2.entity) AS entity, COALESCE(MIN(n.name), MIN(p2.text)) AS name,"
        " COUNT(DISTINCT p2.event_id) AS shared"
        " FROM recent r JOIN event_participants p2 ON p2.event_id = r.event_id"
        " LEFT JOIN entities n ON n.id = p2.entity"
        " WHERE (p2.entity IS NULL OR p2.entity != ?1)"
        " GROUP BY COALESCE(p2.entity, lower(p2.text)) ORDER BY shared DESC, 2 LIMIT ?2",
        (entity_id, MAX_CONTACTS, RECENT_WINDOW, json.dumps(list(statuses))),
    )
    return [Contact(entity=row["entity"], name=row["name"], events=row["shared"]) for row in rows]


#: The columns of ``stories`` that :func:`_story_info` reads.
_STORY_COLUMNS = "id, title, first_date, last_date, size, digest"


def _story_info(row: Row, articles: tuple[ArticleInfo, ...] = ()) -> StoryInfo:
    digest, title, size = row["digest"], row["title"], row["size"]
    first, last = row["first_date"], row["last_date"]
    return StoryInfo(
        id=str(row["id"]),
        title=title if isinstance(title, str) else None,
        first_date=first if isinstance(first, str) else None,
        last_date=last if isinstance(last, str) else None,
        size=int(size) if isinstance(size, int) else len(articles),
        digest=json.loads(digest) if isinstance(digest, str) and digest else None,
        articles=articles,
    )


def stories(
    db: Reader, *, since: str | None = None, limit: int = 20, offset: int = 0
) -> list[StoryInfo]:
    """Stories, most recently active first."""
    rows = db.rows(
        f"SELECT {_STORY_COLUMNS} FROM stories"
        " WHERE ?1 IS NULL OR last_date >= ?1 ORDER BY last_date DESC, id LIMIT ?2 OFFSET ?3",
        (since, limit, offset),
    )
    return [_story_info(row) for row in rows]


def story(db: Reader, story_id: str) -> StoryInfo | None:
    """One story with its articles in date order, or ``None``."""
    row = db.row(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
    if row is None:
        return None
    columns = ", ".join(f"a.{column}" for column in ARTICLE_INFO_COLUMNS.split(", "))
    articles = tuple(
        article_info(r)
        for r in db.rows(
            f"SELECT {columns} FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, a.id",
            (story_id,),
        )
    )
    return _story_info(row, articles)
