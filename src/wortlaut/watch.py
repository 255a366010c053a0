"""Saved watchlists: follow a person or a search, and report each new matching statement once.

``wortlaut watch add NAME|QUERY`` saves a watch (a name the store resolves
to a person becomes a person watch, anything else a full-text query);
``wortlaut watch run`` finds statements of each watch not reported before,
remembers them in ``watch_seen`` and returns them, so a newsroom can call it
from cron after each ingest and pipe the JSON, or post it to a local webhook.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from wortlaut.store import Store
from wortlaut.store.entities import resolve_entity
from wortlaut.store.text import fts_query

#: Statements one watch reports per run at most; the rest follow on the next run (newest first).
RUN_LIMIT = 500


class WatchError(ValueError):
    """A watch that cannot be saved or found (shown as a one-line error)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Watch:
    """A saved watch: a person (``value`` is the entity id) or a query."""

    id: int
    kind: str
    value: str
    label: str
    created: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """A statement a watch reports: who said what, where and when."""

    watch_id: int
    watch: str
    statement_id: str
    article_id: str
    speaker: str | None
    quote: str
    date: str | None
    source: str | None
    title: str | None
    url: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def add(store: Store, target: str, *, query: bool = False) -> Watch:
    """Save a watch for ``target``: the person it names, or (``query`` or no such person) a search."""
    text = " ".join(target.split())
    if not text or len(text) > 200:
        raise WatchError("a watch needs 1 to 200 characters")
    entity = None if query else resolve_entity(store.connection, text)
    kind, value, label = ("person", entity.id, entity.name) if entity else ("query", text, text)
    if kind == "query":
        fts_query(value)  # raises on a query the search cannot run, before it is saved
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as connection:
        connection.execute(
            "INSERT OR IGNORE INTO watches (kind, value, label, created) VALUES (?, ?, ?, ?)",
            (kind, value, label, created),
        )
    return _one(store.connection, kind, value)


def watches(store: Store) -> list[Watch]:
    """Every saved watch, oldest first."""
    rows = store.connection.execute("SELECT id, kind, value, label, created FROM watches ORDER BY id")
    return [Watch(id=r[0], kind=r[1], value=r[2], label=r[3], created=r[4]) for r in rows]


def remove(store: Store, watch_id: int) -> None:
    """Delete a watch and what it reported."""
    with store.transaction() as connection:
        if connection.execute("DELETE FROM watches WHERE id = ?", (watch_id,)).rowcount == 0:
            raise WatchError(f"no watch with id {watch_id}")


def run(
    store: Store, *, since: str | None = None, deliver: Callable[[list[Match]], None] | None = None
) -> list[Match]:
    """New matches of every watch (dated on or after ``since`` when given), each reported once.

    ``deliver`` (print, post) runs before the matches are marked as seen; if it raises, nothing
    is marked and the next run reports them again.
    """
    found: list[Match] = []
    with store.transaction() as connection:
        for watch in watches(store):
            matches = _matches(connection, watch, since)
            connection.executemany(
                "INSERT OR IGNORE INTO watch_seen (watch_id, statement_id) VALUES (?, ?)",
                [(watch.id, match.statement_id) for match in matches],
            )
            found.extend(matches)
        if deliver is not None:
            deliver(found)
    return found


_COLUMNS = (
    "SELECT s.id, s.article_id, COALESCE(e.name, s.speaker_text), s.quote_text,"
    " COALESCE(s.date, substr(a.published, 1, 10)), a.source, a.title, a.url"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
    " LEFT JOIN entities e ON e.id = s.speaker_entity"
)
_UNSEEN = (
    " AND NOT EXISTS (SELECT 1 FROM watch_seen w WHERE w.watch_id = ? AND w.statement_id = s.id)"
    " AND (? IS NULL OR COALESCE(s.date, a.published, '') >= ?)"
    " ORDER BY COALESCE(s.date, a.published) DESC, s.id LIMIT ?"
)


def _matches(connection: sqlite3.Connection, watch: Watch, since: str | None) -> list[Match]:
    tail = (watch.id, since, since, RUN_LIMIT)
    if watch.kind == "person":
        rows = connection.execute(f"{_COLUMNS} WHERE s.speaker_entity = ?{_UNSEEN}", (watch.value, *tail))
    else:
        rows = connection.execute(
            f"{_COLUMNS} WHERE s.rid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
            f"{_UNSEEN}",
            (fts_query(watch.value), *tail),
        )
    return [
        Match(watch_id=watch.id, watch=watch.label, statement_id=r[0], article_id=r[1], speaker=r[2],
              quote=r[3] or "", date=r[4], source=r[5], title=r[6], url=r[7])
        for r in rows
    ]  # fmt: skip


def _one(connection: sqlite3.Connection, kind: str, value: str) -> Watch:
    row = connection.execute(
        "SELECT id, kind, value, label, created FROM watches WHERE kind = ? AND value = ?", (kind, value)
    ).fetchone()
    return Watch(id=row[0], kind=row[1], value=row[2], label=row[3], created=row[4])
