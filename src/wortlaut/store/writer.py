"""Writing analysed articles into the store, and removing them again.

Everything here runs inside a transaction the caller holds (see
:meth:`wortlaut.store.Store.add_many`), so an article is stored with all of
its layers or not at all.  Statement and event ids are made global by
prefixing the article id, since stages number them per article.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from wortlaut.article import Article, Entity, Event, Statement
from wortlaut.store.results import AddResult
from wortlaut.store.text import normalize, stem_text


def item_id(article_id: str, local_id: str) -> str:
    """The store-wide id of a statement or event: ``<article id>:<id in article>``."""
    return f"{article_id}:{local_id}"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Prepared:
    """The stems of an article's text and of each statement's quote (in order), and the text's hash:
    the costly parts of its rows that are small to hand over.

    :func:`prepare` runs where the article was analysed (an ingest worker, issue 17zc), so that the
    single writing process does not: 0.45 CPU ms an article of its serial work, for ~3 kB of pickle.
    The JSON strings (0.44 ms) stay with the writer: handed over, they made the pickle 26 kB besides the
    article's 14 kB (10kGNAD), for every article the main process buffers while the workers run ahead
    of it, up to about half of a 2,000-article ingest near its end, where its peak memory is.
    """

    stem: str
    statement_stems: tuple[str, ...]
    content_hash: str


def prepare(article: Article) -> Prepared:
    """The stems and hash :func:`add_article` writes of ``article``."""
    return Prepared(
        stem=stem_text(" ".join(part for part in (article.title, article.text) if part)),
        statement_stems=tuple(stem_text(statement.quote.text) for statement in article.statements),
        content_hash=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
    )


def add_article(
    connection: sqlite3.Connection, article: Article, prepared: Prepared | None = None
) -> AddResult:
    """Store one article (inside the caller's transaction); idempotent by id, replaces by URL.

    ``prepared``: :func:`prepare` of this article, when computed elsewhere.
    """
    if connection.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
        return AddResult(article_id=article.id, status="unchanged")
    replaced = None
    if article.url:
        row = connection.execute(
            "SELECT id FROM articles WHERE url = ? AND id != ?", (article.url, article.id)
        ).fetchone()
        if row is not None:
            replaced = row[0]
            delete_article(connection, replaced)
    # One statement per table, many rows each: a PostgreSQL server answers each statement in a round trip.
    # The article's record is encoded once; its statements, events and entities are rows of their own
    # tables too, with the same JSON as their entries in the record.
    prepared = prepared or prepare(article)
    record = article.to_json()
    _insert_article(connection, article, _dumps(record), prepared)
    _upsert_entities(connection, article.entities, record["entities"])
    _insert_mentions(connection, article)
    connection.executemany(
        _STATEMENT_INSERT,
        [
            _statement_row(article, statement, own, stem)
            for statement, own, stem in zip(
                article.statements, record["statements"], prepared.statement_stems, strict=True
            )
        ],
    )
    connection.executemany(
        _EVENT_INSERT,
        [
            _event_row(article, event, own)
            for event, own in zip(article.events, record["events"], strict=True)
        ],
    )
    connection.executemany(
        "INSERT INTO event_participants (event_id, entity, text) VALUES (?, ?, ?)",
        [row for event in article.events for row in _participants(item_id(article.id, event.id), event)],
    )
    connection.executemany(
        'INSERT INTO times (article_id, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?)',
        [(article.id, t.start, t.end, t.text, t.type, t.value) for t in article.times],
    )
    return AddResult(article_id=article.id, status="replaced" if replaced else "added", replaced=replaced)


def _insert_article(
    connection: sqlite3.Connection, article: Article, record: str, prepared: Prepared
) -> None:
    connection.execute(
        "INSERT INTO articles (id, url, source, title, published, language, text, json, ingested_at,"
        " content_hash, stem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.url,
            article.source,
            article.title,
            article.published,
            article.language,
            article.text,
            record,
            datetime.now(UTC).isoformat(timespec="seconds"),
            prepared.content_hash,
            prepared.stem,
        ),
    )
    if article.source:
        domain = urlsplit(article.url).hostname if article.url else None
        connection.execute(
            "INSERT OR IGNORE INTO sources (name, domain, first_seen) VALUES (?, ?, ?)",
            (article.source, domain, article.published),
        )


def _upsert_entities(
    connection: sqlite3.Connection, entities: Sequence[Entity], encoded: Sequence[Any]
) -> None:
    """Insert or refresh entities (``encoded``: their JSON values); aliases accumulate across articles."""
    connection.executemany(
        "INSERT INTO entities (id, name, type, json) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
        " name = excluded.name, type = excluded.type, json = excluded.json",
        [(entity.id, entity.name, entity.type, _dumps(value))
         for entity, value in zip(entities, encoded, strict=True)],
    )  # fmt: skip
    connection.executemany(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm, kind) VALUES (?, ?, ?, ?)",
        [row for entity in entities for row in _alias_rows(entity)],
    )


def _alias_rows(entity: Entity) -> list[tuple[str, str, str, str]]:
    names = [(entity.name, "name"), *[(alias, "alias") for alias in entity.aliases]]
    names += [(handle, "handle") for handle in entity.handles]
    if entity.type in ("PER", "person") and " " in entity.name.strip():
        names.append((entity.name.split()[-1], "surname"))
    rows = [(entity.id, name, normalize(name), kind) for name, kind in names]
    return [row for row in rows if row[2]]


def _insert_mentions(connection: sqlite3.Connection, article: Article) -> None:
    connection.executemany(
        'INSERT INTO mentions (article_id, start, "end", text, type, kind, entity)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article.id, m.start, m.end, m.text, m.type, m.kind, m.entity) for m in article.mentions],
    )


def _speaker_name(article: Article, statement: Statement) -> str | None:
    """The speaker's canonical name when resolved, else the span text."""
    speaker = statement.speaker
    if speaker is None:
        return None
    entity = article.entity(speaker.entity)
    return entity.name if entity is not None else speaker.text


_STATEMENT_INSERT = (
    "INSERT OR IGNORE INTO statements (id, article_id, mode, medium, channel, cue_start, cue_end,"
    " cue_text, quote_start, quote_end, quote_text, speaker_start, speaker_end, speaker_text,"
    " speaker_entity, speaker_norm, speaker_last, addressee_text, addressee_entity, frame_text, date,"
    " date_source, published, json, stem)"
    f" VALUES ({', '.join('?' * 25)})"
)


def _statement_row(article: Article, statement: Statement, encoded: Any, stem: str) -> tuple[Any, ...]:
    """The statement's row; ``encoded`` is its JSON value (its entry in the article's record), ``stem``
    its quote's stems."""
    cue, quote, speaker, addressee = statement.cue, statement.quote, statement.speaker, statement.addressee
    name = _speaker_name(article, statement)
    # Names are indexed only for speakers not resolved to an entity: resolved ones are found by id.
    unresolved = normalize(name) if name and not (speaker and speaker.entity) else None
    return (
        item_id(article.id, statement.id),
        article.id,
        statement.mode,
        statement.medium,
        statement.channel,
        cue.start if cue else None,
        cue.end if cue else None,
        cue.text if cue else None,
        quote.start,
        quote.end,
        quote.text,
        speaker.start if speaker else None,
        speaker.end if speaker else None,
        speaker.text if speaker else None,
        speaker.entity if speaker else None,
        unresolved,
        unresolved.rpartition(" ")[2] if unresolved else None,
        addressee.text if addressee else None,
        addressee.entity if addressee else None,
        statement.frame.text if statement.frame else None,
        statement.date.value if statement.date else article.published,
        statement.date.source if statement.date else ("published" if article.published else None),
        article.published,
        _dumps(encoded),
        stem,
    )


_EVENT_INSERT = (
    "INSERT OR IGNORE INTO events (id, article_id, type, trigger_start, trigger_end, trigger_text,"
    " place_text, place_entity, date, date_source, published, json)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _event_row(article: Article, event: Event, encoded: Any) -> tuple[Any, ...]:
    """The event's row; ``encoded`` is its JSON value (its entry in the article's record)."""
    date = event.date.value if event.date else (event.time.value if event.time else None)
    return (
        item_id(article.id, event.id),
        article.id,
        event.type,
        event.trigger.start,
        event.trigger.end,
        event.trigger.text,
        event.place.text if event.place else None,
        event.place.entity if event.place else None,
        date or article.published,
        event.date.source if event.date else ("time" if date else "published"),
        article.published,
        _dumps(encoded),
    )


def _participants(event_id: str, event: Event) -> list[tuple[str, str | None, str]]:
    """Participant rows, each resolved entity once (the per-entity event counts rely on it)."""
    rows, seen = [], set()
    for part in event.participants:
        if part.entity is not None and part.entity in seen:
            continue
        seen.add(part.entity)
        rows.append((event_id, part.entity, part.text))
    return rows


def delete_article(connection: sqlite3.Connection, article_id: str) -> None:
    """Remove an article with its analysis and its place in cross-article tables."""
    statement_ids = [
        row[0] for row in connection.execute("SELECT id FROM statements WHERE article_id = ?", (article_id,))
    ]
    for statement_id in statement_ids:
        _drop_group_member(connection, statement_id)
        connection.execute("DELETE FROM embeddings WHERE item_id = ?", (statement_id,))
    connection.execute(
        "DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)",
        (article_id,),
    )
    for table in ("statements", "events", "mentions", "times"):
        connection.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    story = connection.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    connection.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
    if story is not None:
        _shrink(connection, "stories", "story_articles", "story_id", story[0])
    connection.execute(
        "DELETE FROM duplicates WHERE article_id = ? OR duplicate_of = ?", (article_id, article_id)
    )
    connection.execute("DELETE FROM embeddings WHERE item_id = ?", (article_id,))
    connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def _drop_group_member(connection: sqlite3.Connection, statement_id: str) -> None:
    row = connection.execute(
        "SELECT group_id FROM statement_group_members WHERE statement_id = ?", (statement_id,)
    ).fetchone()
    if row is None:
        return
    connection.execute("DELETE FROM statement_group_members WHERE statement_id = ?", (statement_id,))
    _shrink(connection, "statement_groups", "statement_group_members", "group_id", row[0])
    connection.execute(
        "UPDATE statement_groups SET representative_statement = (SELECT statement_id FROM"
        " statement_group_members WHERE group_id = ? LIMIT 1) WHERE id = ? AND representative_statement = ?",
        (row[0], row[0], statement_id),
    )


def _shrink(connection: sqlite3.Connection, table: str, members: str, key: str, group_id: str) -> None:
    """Update a group's size after a member left; drop the group when it is empty."""
    count = connection.execute(f"SELECT COUNT(*) FROM {members} WHERE {key} = ?", (group_id,)).fetchone()[0]
    if count:
        connection.execute(f"UPDATE {table} SET size = ? WHERE id = ?", (count, group_id))
    else:
        connection.execute(f"DELETE FROM {table} WHERE id = ?", (group_id,))
