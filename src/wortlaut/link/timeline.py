"""A person's timeline: statement groups, events and stories in date order, and who they met.

Statements appear once per statement group (with every source that reported
them), so a statement repeated by ten outlets is one line.  The contact
network counts, for every other entity, the events both took part in (a
meeting or a call is the strongest tie), the statements one addressed to the
other, and the articles that mention both.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict

from wortlaut.link.digest import sentence_around
from wortlaut.link.records import Contact, Source, Timeline, TimelineEntry

#: Contacts returned, strongest first.
MAX_CONTACTS = 25
#: Weights of the tie kinds in a contact's weight: shared event > addressed statement > co-mention.
EVENT_WEIGHT, ADDRESS_WEIGHT, ARTICLE_WEIGHT = 3, 2, 1


def _name(connection: sqlite3.Connection, entity_id: str) -> str:
    row = connection.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return str(row[0]) if row else entity_id


def _statements(connection: sqlite3.Connection, entity_id: str) -> list[TimelineEntry]:
    rows = connection.execute(
        "SELECT s.id, s.article_id, s.mode, s.quote_text, COALESCE(s.date, s.published, a.published),"
        " a.source, a.url, a.published, m.group_id, g.representative_statement, g.flags"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN statement_group_members m ON m.statement_id = s.id"
        " LEFT JOIN statement_groups g ON g.id = m.group_id WHERE s.speaker_entity = ?",
        (entity_id,),
    ).fetchall()
    groups: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for row in rows:
        groups[row[8] or row[0]].append(row)
    entries = []
    for group_id, members in groups.items():
        members.sort(key=lambda row: (str(row[4] or ""), str(row[0])))
        lead = next((row for row in members if row[0] == row[9]), members[0])
        flags = json.loads(str(lead[10])) if lead[10] else {}
        entries.append(
            TimelineEntry(
                date=str(members[0][4])[:10] if members[0][4] else None,
                kind="statement",
                id=group_id,
                text=str(lead[3] or ""),
                mode=str(lead[2]) if lead[2] else None,
                flags=tuple(sorted(key for key, value in flags.items() if value is True)),
                sources=tuple(
                    Source(
                        article_id=str(r[1]),
                        source=_opt(r[5]),
                        url=_opt(r[6]),
                        published=_opt(r[7]),
                        statement_id=str(r[0]),
                        text=_opt(r[3]),
                    )
                    for r in members
                ),
            )
        )
    return entries


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _events(connection: sqlite3.Connection, entity_id: str) -> list[TimelineEntry]:
    rows = connection.execute(
        "SELECT e.id, e.article_id, e.type, e.trigger_start, e.trigger_end, COALESCE(e.date, a.published),"
        " a.source, a.url, a.published, a.text,"
        " (SELECT group_concat(p2.text, '|') FROM event_participants p2 WHERE p2.event_id = e.id)"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.id IN (SELECT event_id FROM event_participants WHERE entity = ?)",
        (entity_id,),
    ).fetchall()
    return [
        TimelineEntry(
            date=str(day)[:10] if day else None,
            kind="event",
            id=event_id,
            text=sentence_around(text or "", start or 0, end or 0),
            mode=kind,
            participants=tuple(dict.fromkeys((people or "").split("|"))) if people else (),
            sources=(Source(article_id=article_id, source=source, url=url, published=published),),
        )
        for event_id, article_id, kind, start, end, day, source, url, published, text, people in rows
    ]


def _stories(connection: sqlite3.Connection, entity_id: str) -> list[TimelineEntry]:
    rows = connection.execute(
        "SELECT id, title, first_date, last_date, size FROM stories WHERE id IN ("
        " SELECT story_id FROM story_articles WHERE article_id IN ("
        "  SELECT article_id FROM mentions WHERE entity = ?"
        "  UNION SELECT article_id FROM statements WHERE speaker_entity = ?"
        "  UNION SELECT e.article_id FROM events e JOIN event_participants p ON p.event_id = e.id"
        "   WHERE p.entity = ?))",
        (entity_id, entity_id, entity_id),
    ).fetchall()
    return [
        TimelineEntry(
            date=first, kind="story", id=story_id, text=title or "", mode=f"{size} articles until {last}"
        )
        for story_id, title, first, last, size in rows
    ]


def contacts(connection: sqlite3.Connection, entity_id: str) -> tuple[Contact, ...]:
    """The co-occurrence network around an entity, strongest ties first."""
    events = Counter(
        dict(
            connection.execute(
                "SELECT p2.entity, COUNT(DISTINCT p2.event_id) FROM event_participants p1"
                " JOIN event_participants p2 ON p2.event_id = p1.event_id"
                " WHERE p1.entity = ? AND p2.entity IS NOT NULL AND p2.entity != ? GROUP BY p2.entity",
                (entity_id, entity_id),
            ).fetchall()
        )
    )
    addressed = Counter(
        dict(
            connection.execute(
                "SELECT other, COUNT(*) FROM (SELECT addressee_entity AS other FROM statements"
                " WHERE speaker_entity = ? AND addressee_entity IS NOT NULL"
                " UNION ALL SELECT speaker_entity FROM statements"
                " WHERE addressee_entity = ? AND speaker_entity IS NOT NULL)"
                " WHERE other != ? GROUP BY other",
                (entity_id, entity_id, entity_id),
            ).fetchall()
        )
    )
    articles = Counter(
        dict(
            connection.execute(
                "SELECT m2.entity, COUNT(DISTINCT m2.article_id) FROM mentions m1"
                " JOIN mentions m2 ON m2.article_id = m1.article_id"
                " WHERE m1.entity = ? AND m2.entity IS NOT NULL AND m2.entity != ? GROUP BY m2.entity",
                (entity_id, entity_id),
            ).fetchall()
        )
    )
    weights = Counter(
        {
            other: EVENT_WEIGHT * events[other]
            + ADDRESS_WEIGHT * addressed[other]
            + ARTICLE_WEIGHT * articles[other]
            for other in set(events) | set(addressed) | set(articles)
        }
    )
    return tuple(
        Contact(
            entity=other,
            name=_name(connection, other),
            weight=weight,
            events=events[other],
            addressed=addressed[other],
            articles=articles[other],
        )
        for other, weight in weights.most_common(MAX_CONTACTS)
    )


def timeline(connection: sqlite3.Connection, entity_id: str) -> Timeline:
    """Statement groups, events and stories of an entity in date order, with its contacts."""
    entries = (
        _statements(connection, entity_id) + _events(connection, entity_id) + _stories(connection, entity_id)
    )
    order = {"story": 0, "event": 1, "statement": 2}
    entries.sort(key=lambda entry: (entry.date or "9999", order[entry.kind], entry.id))
    return Timeline(
        entity=entity_id,
        name=_name(connection, entity_id),
        entries=tuple(entries),
        contacts=contacts(connection, entity_id),
    )
