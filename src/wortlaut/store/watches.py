"""The SQL of saved watchlists (:mod:`wortlaut.watch`): the ``watches`` and ``watch_seen`` tables.

Writes run inside the caller's transaction (``Store.transaction()``); reads go
through the store's :class:`~wortlaut.store.reader.Reader`.  Finding a watch's
new statements is a batch job run from cron, so like an export it is not
time-limited.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from wortlaut.store.dialect import fts_filter
from wortlaut.store.reader import Reader, Row
from wortlaut.store.text import fts_query

#: Statements one watch reports per run at most; the rest follow on the next run (newest first).
RUN_LIMIT = 500


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


_WATCH_COLUMNS = "SELECT id, kind, value, label, created FROM watches"


def _watch(row: Row) -> Watch:
    return Watch(
        id=row["id"], kind=row["kind"], value=row["value"], label=row["label"], created=row["created"]
    )


def save(
    connection: sqlite3.Connection, db: Reader, *, kind: str, value: str, label: str, created: str
) -> Watch:
    """Save a watch (once: saving the same kind and value again keeps the first) and return it."""
    connection.execute(
        "INSERT OR IGNORE INTO watches (kind, value, label, created) VALUES (?, ?, ?, ?)",
        (kind, value, label, created),
    )
    row = db.row(f"{_WATCH_COLUMNS} WHERE kind = ? AND value = ?", (kind, value))
    assert row is not None, "a watch just saved is missing"
    return _watch(row)


def saved(db: Reader) -> list[Watch]:
    """Every saved watch, oldest first."""
    return [_watch(row) for row in db.rows(f"{_WATCH_COLUMNS} ORDER BY id")]


def delete(connection: sqlite3.Connection, watch_id: int) -> bool:
    """Delete a watch (and, by cascade, what it reported); whether there was one."""
    return connection.execute("DELETE FROM watches WHERE id = ?", (watch_id,)).rowcount > 0


def mark_seen(connection: sqlite3.Connection, watch_id: int, statement_ids: list[str]) -> None:
    """Remember that these statements were reported for the watch."""
    connection.executemany(
        "INSERT OR IGNORE INTO watch_seen (watch_id, statement_id) VALUES (?, ?)",
        [(watch_id, statement_id) for statement_id in statement_ids],
    )


_COLUMNS = (
    "SELECT s.id, s.article_id, COALESCE(e.name, s.speaker_text) AS speaker, s.quote_text,"
    " COALESCE(s.date, substr(a.published, 1, 10)) AS date, a.source, a.title, a.url"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
    " LEFT JOIN entities e ON e.id = s.speaker_entity"
)
_UNSEEN = (
    " AND NOT EXISTS (SELECT 1 FROM watch_seen w WHERE w.watch_id = ? AND w.statement_id = s.id)"
    " AND (? IS NULL OR COALESCE(s.date, a.published, '') >= ?)"
    " ORDER BY COALESCE(s.date, a.published) DESC, s.id LIMIT ?"
)


def unseen(db: Reader, watch: Watch, since: str | None) -> list[Match]:
    """The watch's statements not reported before (dated on or after ``since``), newest first."""
    tail = (watch.id, since, since, RUN_LIMIT)
    if watch.kind == "person":
        rows = db.scan(f"{_COLUMNS} WHERE s.speaker_entity = ?{_UNSEEN}", (watch.value, *tail))
    else:
        rows = db.scan(
            f"{_COLUMNS} WHERE {fts_filter(db.dialect, 'statements', 's')}{_UNSEEN}",
            (fts_query(watch.value, db.dialect), *tail),
        )
    return [
        Match(watch_id=watch.id, watch=watch.label, statement_id=r["id"], article_id=r["article_id"],
              speaker=r["speaker"], quote=r["quote_text"] or "", date=r["date"], source=r["source"],
              title=r["title"], url=r["url"])
        for r in rows
    ]  # fmt: skip
