"""Whole-table reads: the collection exported as flat rows, and the link tables read for evaluation.

Exports stream rows in chunks (:data:`CHUNK` at a time), so exporting a large
collection needs little memory; they are not time-limited, because a full
export of a large collection takes as long as it takes.  The column names of
each table are part of the export format (``wortlaut export``, docs/cli.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wortlaut.store.dialect import json_flag
from wortlaut.store.reader import Reader

#: Rows fetched and written at a time.
CHUNK = 5_000

#: The query of each exportable table: one flat row per record, one column per field.
TABLES = {
    "articles": "SELECT id, url, source, title, published, language, ingested_at, text FROM articles"
    " ORDER BY published, id",
    "statements": "SELECT s.id, s.article_id, a.url, a.source, a.title, a.published, s.date, s.mode,"
    " s.medium, s.channel, s.speaker_text, s.speaker_entity, e.name AS speaker_name, s.cue_text,"
    " s.quote_text, s.quote_start, s.quote_end, s.addressee_text, s.addressee_entity, m.group_id"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
    " LEFT JOIN entities e ON e.id = s.speaker_entity"
    " LEFT JOIN statement_group_members m ON m.statement_id = s.id ORDER BY s.date, s.id",
    "entities": "SELECT e.id, e.name, e.type, (SELECT group_concat(alias, '|') FROM entity_aliases a"
    " WHERE a.entity_id = e.id AND a.kind = 'alias') AS aliases FROM entities e ORDER BY e.id",
    "events": "SELECT v.id, v.article_id, v.type, v.trigger_text, v.date, v.place_text, (SELECT"
    " group_concat(p.text, '|') FROM event_participants p WHERE p.event_id = v.id) AS participants"
    " FROM events v ORDER BY v.date, v.id",
}


def rows(db: Reader, table: str, *, size: int = CHUNK) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    """Column names and the rows (as tuples, in column order) of one table of :data:`TABLES`."""
    if table not in TABLES:
        raise ValueError(f"no exportable table {table!r} (one of {', '.join(sorted(TABLES))})")
    columns, chunks = db.chunks(TABLES[table], size=size)
    return columns, ([tuple(row) for row in chunk] for chunk in chunks)


def article_records(db: Reader) -> Iterator[str]:
    """Every stored article's JSON record (all layers), oldest first."""
    for row in db.scan("SELECT json FROM articles ORDER BY published, id"):
        yield row["json"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkAssignments:
    """What cross-article linking decided: stories, statement groups, duplicates and flags."""

    stories: dict[str, str]  # article id -> story id
    groups: dict[str, str]  # statement id -> group id
    duplicates: list[tuple[str, str, str]]  # (article id, duplicate of, kind)
    quote_changed_groups: int  # groups flagged because a source changed the quote


def link_assignments(db: Reader) -> LinkAssignments:
    """The link tables read whole (evaluation stores are small)."""
    with db.bounded():
        stories = {
            r["article_id"]: r["story_id"] for r in db.rows("SELECT article_id, story_id FROM story_articles")
        }
        groups = {
            r["statement_id"]: r["group_id"]
            for r in db.rows("SELECT statement_id, group_id FROM statement_group_members")
        }
        duplicates = [
            (r["article_id"], r["duplicate_of"], r["kind"])
            for r in db.rows("SELECT article_id, duplicate_of, kind FROM duplicates")
        ]
        flagged = db.value(
            f"SELECT COUNT(*) FROM statement_groups WHERE {json_flag(db.dialect, 'flags', 'quote_changed')}"
        )
    return LinkAssignments(
        stories=stories, groups=groups, duplicates=duplicates, quote_changed_groups=flagged
    )
