"""SQL of statement grouping and story digests (tables ``statement_groups``, ``statement_group_members``).

:mod:`wortlaut.link.statements` decides which statements are one statement and
:mod:`wortlaut.link.digest` what a story's digest says; these functions are
what they read from and write to the store, inside the caller's transaction.
They also run against the scratch databases of :mod:`wortlaut.scale.links`,
which hold only the columns read here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from wortlaut.store.rows import chunks, first, named, placeholders

# -- statement groups -----------------------------------------------------------------------------


def ungrouped_statements(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[sqlite3.Row]:
    """Statements of the articles with a speaker entity and no group yet.

    Columns ``id``, ``article_id``, ``mode``, ``text``, ``speaker``, ``day`` (statement date, else
    publication, else ingest time) and ``language`` (``de`` when unknown).
    """
    found: list[sqlite3.Row] = []
    for chunk in chunks(article_ids):
        found += named(
            connection,
            "SELECT s.id, s.article_id, s.mode, s.quote_text AS text, s.speaker_entity AS speaker,"
            " COALESCE(s.date, s.published, a.published, a.ingested_at) AS day,"
            " COALESCE(a.language, 'de') AS language"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.article_id IN ({placeholders(len(chunk))}) AND s.speaker_entity IS NOT NULL"
            " AND s.id NOT IN (SELECT statement_id FROM statement_group_members)",
            chunk,
        )
    return found


_MEMBERS = """
SELECT group_id, id, quote_text, language FROM (
    SELECT m.group_id, s.id, s.quote_text, COALESCE(a.language, 'de') AS language,
           ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY s.date DESC) AS rank
    FROM statement_group_members m JOIN statements s ON s.id = m.statement_id
    JOIN articles a ON a.id = s.article_id
    WHERE m.group_id IN (
        SELECT id FROM statement_groups WHERE speaker_entity = ? AND first_seen BETWEEN ? AND ?
        ORDER BY first_seen DESC LIMIT ?)) ranked
WHERE rank <= ?
"""


def candidate_members(
    connection: sqlite3.Connection, speaker: str, low: str, high: str, *, groups: int, members: int
) -> list[sqlite3.Row]:
    """``group_id``, ``id``, ``quote_text``, ``language`` of the latest members of a speaker's groups.

    At most ``groups`` groups first seen in [low, high] (the most recent), ``members`` members each.
    """
    return named(connection, _MEMBERS, (speaker, low, high, groups, members))


_MEMBER_INSERT = (
    "INSERT OR REPLACE INTO statement_group_members(group_id, statement_id, similarity, diff)"
    " VALUES (?, ?, ?, ?)"
)


def create_group(
    connection: sqlite3.Connection, group_id: str, *, speaker: str, statement_id: str, day: str
) -> None:
    """A new group of one statement, its representative."""
    connection.execute(
        "INSERT OR REPLACE INTO statement_groups"
        "(id, speaker_entity, representative_statement, first_seen, size, flags) VALUES (?, ?, ?, ?, 1, ?)",
        (group_id, speaker, statement_id, day, json.dumps({"quote_changed": False})),
    )
    add_member(connection, group_id, statement_id, 1.0, json.dumps({"edits": [], "same_wording": True}))


def add_member(
    connection: sqlite3.Connection, group_id: str, statement_id: str, similarity: float, diff: str
) -> None:
    connection.execute(_MEMBER_INSERT, (group_id, statement_id, similarity, diff))


def representative_text(connection: sqlite3.Connection, group_id: str) -> str:
    """The wording of a group's representative statement ('' when it is gone)."""
    row = first(
        connection,
        "SELECT s.quote_text FROM statement_groups g JOIN statements s ON s.id = g.representative_statement"
        " WHERE g.id = ?",
        (group_id,),
    )
    return row["quote_text"] if row else ""


def group_members(connection: sqlite3.Connection, group_id: str) -> list[sqlite3.Row]:
    """``mode``, ``quote_text``, ``source`` ('' when unknown) of every member of a group."""
    return named(
        connection,
        "SELECT s.mode, s.quote_text, COALESCE(a.source, '') AS source FROM statement_group_members m"
        " JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = s.article_id"
        " WHERE m.group_id = ?",
        (group_id,),
    )


def update_group(connection: sqlite3.Connection, group_id: str, *, size: int, flags: str, day: str) -> None:
    """Set a group's size and flags; its first sighting moves back to ``day`` when earlier."""
    connection.execute(
        "UPDATE statement_groups SET size = ?, flags = ?, first_seen = MIN(first_seen, ?) WHERE id = ?",
        (size, flags, day, group_id),
    )


# -- story digests --------------------------------------------------------------------------------


def story_row(connection: sqlite3.Connection, story_id: str) -> sqlite3.Row | None:
    """``title``, ``first_date``, ``last_date``, ``size``, ``digest`` of a story."""
    return first(
        connection, "SELECT title, first_date, last_date, size, digest FROM stories WHERE id = ?", (story_id,)
    )


def story_articles(connection: sqlite3.Connection, story_id: str, limit: int) -> list[sqlite3.Row]:
    """``id``, ``source``, ``url``, ``published``, ``title``, ``text`` of a story's earliest articles."""
    return named(
        connection,
        "SELECT a.id, a.source, a.url, a.published, a.title, a.text FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, a.id LIMIT ?",
        (story_id, limit),
    )


def article_events(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[sqlite3.Row]:
    """Events of the articles: ``article_id``, ``type``, ``trigger_start``/``_end``, ``date``, ``people``.

    ``people`` joins the participants' entity ids (else their text) with ``|``.
    """
    return named(
        connection,
        "SELECT e.id, e.article_id, e.type, e.trigger_start, e.trigger_end, e.date,"
        " (SELECT group_concat(COALESCE(p.entity, p.text), '|') FROM event_participants p"
        "  WHERE p.event_id = e.id) AS people"
        f" FROM events e WHERE e.article_id IN ({placeholders(len(article_ids))})"
        " ORDER BY e.article_id, e.id",  # the same order on every engine (and by every query plan)
        list(article_ids),
    )


def grouped_statements(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[sqlite3.Row]:
    """Grouped statements of the articles: ``group_id``, ``id``, ``article_id``, ``quote_text``, ``date``,
    ``representative_statement`` and ``speaker`` (entity name, else the speaker text)."""
    return named(
        connection,
        "SELECT m.group_id, s.id, s.article_id, s.quote_text, s.date, g.representative_statement,"
        " COALESCE(en.name, s.speaker_text) AS speaker FROM statements s"
        " JOIN statement_group_members m ON m.statement_id = s.id"
        " JOIN statement_groups g ON g.id = m.group_id"
        " LEFT JOIN entities en ON en.id = s.speaker_entity"
        f" WHERE s.article_id IN ({placeholders(len(article_ids))}) ORDER BY s.article_id, s.rid",
        list(article_ids),
    )


def set_digest(connection: sqlite3.Connection, story_id: str, digest: str) -> None:
    connection.execute("UPDATE stories SET digest = ? WHERE id = ?", (digest, story_id))
