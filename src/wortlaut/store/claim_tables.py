"""SQL of claims across articles: statement relations (table ``statement_relations``) and quote versions.

:mod:`wortlaut.link.relations` decides which statement denies, confirms,
corrects or retracts which earlier one; :mod:`wortlaut.claims.versions` and
the person pages read the results.  Plain SQL that SQLite and PostgreSQL both
accept; writes run inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from wortlaut.store.reader import Reader, Row
from wortlaut.store.rows import chunks, named, placeholders

_CUE_COLUMNS = (
    "s.id, s.article_id, s.mode, s.cue_text, s.frame_text, s.quote_text, s.speaker_entity, s.speaker_text,"
    " s.speaker_start, s.speaker_end, s.cue_start, s.cue_end, s.quote_start, s.quote_end,"
    " COALESCE(s.date, s.published, a.published, a.ingested_at) AS day"
)


def cue_statements(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[sqlite3.Row]:
    """Statements of the articles with a cue: their spans, texts, speaker and day (what relations need)."""
    found: list[sqlite3.Row] = []
    for chunk in chunks(article_ids):
        found += named(
            connection,
            f"SELECT {_CUE_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.article_id IN ({placeholders(len(chunk))}) AND s.cue_text IS NOT NULL",
            chunk,
        )
    return found


def mentions_between(
    connection: sqlite3.Connection, article_id: str, start: int, end: int
) -> list[sqlite3.Row]:
    """``text``, ``type``, ``entity``, ``start`` of the name mentions in ``[start, end)`` of an article."""
    return named(
        connection,
        'SELECT text, type, entity, start FROM mentions WHERE article_id = ? AND start >= ? AND "end" <= ?'
        " AND kind = 'name' ORDER BY start",
        (article_id, start, end),
    )


_EARLIER = (
    "SELECT s.id, s.article_id, s.quote_text, s.frame_text, s.speaker_entity, s.speaker_text,"
    " COALESCE(s.date, s.published, a.published, a.ingested_at) AS day, s.quote_start, s.quote_end,"
    " s.speaker_end, s.cue_end"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
)


def earlier_by_speaker(
    connection: sqlite3.Connection, speaker: str, low: str, high: str, *, limit: int
) -> list[sqlite3.Row]:
    """Statements of one speaker entity dated within [low, high], newest first (at most ``limit``)."""
    return named(
        connection,
        f"{_EARLIER} WHERE s.speaker_entity = ?"
        " AND COALESCE(s.date, s.published, a.published, a.ingested_at) BETWEEN ? AND ?"
        " ORDER BY day DESC LIMIT ?",
        (speaker, low, high, limit),
    )


def earlier_in_article(
    connection: sqlite3.Connection, article_id: str, before: int, *, limit: int
) -> list[sqlite3.Row]:
    """The statements of an article whose quotation starts before offset ``before``, nearest first."""
    return named(
        connection,
        f"{_EARLIER} WHERE s.article_id = ? AND s.quote_start < ? ORDER BY s.quote_start DESC LIMIT ?",
        (article_id, before, limit),
    )


def earlier_quoting(
    connection: sqlite3.Connection, phrase: str, low: str, high: str, *, limit: int
) -> list[sqlite3.Row]:
    """Statements dated within [low, high] whose wording holds ``phrase`` (case as written)."""
    return named(
        connection,
        f"{_EARLIER} WHERE s.quote_text LIKE ?"
        " AND COALESCE(s.date, s.published, a.published, a.ingested_at) BETWEEN ? AND ?"
        " ORDER BY day DESC LIMIT ?",
        ("%" + phrase.replace("%", "").replace("_", "") + "%", low, high, limit),
    )


def replace_relations(
    connection: sqlite3.Connection,
    statement_ids: Sequence[str],
    rows: Sequence[tuple[str, str, str, float, str]],
) -> None:
    """Replace the relations of these statements by ``rows``: (statement, target, type, score, evidence)."""
    for chunk in chunks(statement_ids):
        connection.execute(
            f"DELETE FROM statement_relations WHERE statement_id IN ({placeholders(len(chunk))})", chunk
        )
    connection.executemany(
        "INSERT INTO statement_relations(statement_id, target_id, type, score, evidence)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


_RELATION_COLUMNS = (
    "r.type, r.score, r.evidence, s.id AS statement_id, s.article_id, s.quote_text,"
    " COALESCE(s.date, s.published) AS date, COALESCE(e1.name, s.speaker_text) AS speaker,"
    " t.id AS target_id, t.article_id AS target_article, t.quote_text AS target_quote,"
    " COALESCE(t.date, t.published) AS target_date, COALESCE(e2.name, t.speaker_text) AS target_speaker,"
    " t.speaker_entity AS target_entity"
    " FROM statement_relations r JOIN statements s ON s.id = r.statement_id"
    " JOIN statements t ON t.id = r.target_id"
    " LEFT JOIN entities e1 ON e1.id = s.speaker_entity LEFT JOIN entities e2 ON e2.id = t.speaker_entity"
)


def relations_of_person(db: Reader, entity_id: str, *, limit: int) -> list[Row]:
    """Relations in which the entity's statements are answered or answer others, newest first."""
    return db.rows(
        f"SELECT {_RELATION_COLUMNS} WHERE t.speaker_entity = ? OR s.speaker_entity = ?"
        " ORDER BY date DESC, statement_id LIMIT ?",
        (entity_id, entity_id, limit),
    )


def relations_of_statement(db: Reader, statement_id: str) -> list[Row]:
    """Relations from or to one statement."""
    return db.rows(
        f"SELECT {_RELATION_COLUMNS} WHERE r.statement_id = ? OR r.target_id = ? ORDER BY date, statement_id",
        (statement_id, statement_id),
    )


def versions(db: Reader, statement_id: str) -> list[Row]:
    """Every member of the statement's group (or the statement alone), earliest first.

    On one date and publication time a headline comes after the text's quotation: the headline is
    the shortened form, so the quotation is the wording the others are compared with.

    Columns: ``statement_id``, ``article_id``, ``source``, ``url``, ``title``, ``published``, ``date``,
    ``mode``, ``quote_text``, ``quote_start``, ``quote_end``, ``speaker``, ``group_id``.
    """
    columns = (
        "s.id AS statement_id, s.article_id, a.source, a.url, a.title, a.published,"
        " COALESCE(s.date, s.published, a.published) AS date, s.mode, s.quote_text, s.quote_start,"
        " s.quote_end, COALESCE(en.name, s.speaker_text) AS speaker"
    )
    joins = " JOIN articles a ON a.id = s.article_id LEFT JOIN entities en ON en.id = s.speaker_entity"
    grouped = db.rows(
        f"SELECT {columns}, m.group_id FROM statement_group_members m"
        f" JOIN statements s ON s.id = m.statement_id{joins}"
        " WHERE m.group_id IN (SELECT group_id FROM statement_group_members WHERE statement_id = ?)"
        " ORDER BY date, a.published, CASE WHEN s.mode = 'headline' THEN 1 ELSE 0 END, s.id",
        (statement_id,),
    )
    if grouped:
        return grouped
    return db.rows(
        f"SELECT {columns}, NULL AS group_id FROM statements s{joins} WHERE s.id = ?", (statement_id,)
    )


def quote_names(db: Reader, article_id: str, start: int | None, end: int | None) -> list[str]:
    """Texts of the name mentions inside a quotation's span (the names drift compares)."""
    if start is None or end is None:
        return []
    rows = db.rows(
        "SELECT text FROM mentions WHERE article_id = ? AND start >= ? AND \"end\" <= ? AND kind = 'name'",
        (article_id, start, end),
    )
    return [row["text"] for row in rows]


def all_relations(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every relation with the answering statement's article and spans, the target's wording and end, and
    the evidence that chose it."""
    return named(
        connection,
        "SELECT r.type, s.article_id, s.speaker_start, s.speaker_end, s.cue_start, s.cue_end,"
        " s.quote_start, s.quote_end, t.quote_text AS target, r.evidence,"
        " MAX(COALESCE(t.quote_end, 0), COALESCE(t.cue_end, 0), COALESCE(t.speaker_end, 0)) AS target_end"
        " FROM statement_relations r"
        " JOIN statements s ON s.id = r.statement_id JOIN statements t ON t.id = r.target_id",
    )


# Answer acts (table ``claim_answers``, wortlaut.claims.answer_acts): sentences that answer something,
# with or without a statement of their own.


def article_texts(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[sqlite3.Row]:
    """``id`` and ``text`` of the articles."""
    found: list[sqlite3.Row] = []
    for chunk in chunks(article_ids):
        found += named(
            connection, f"SELECT id, text FROM articles WHERE id IN ({placeholders(len(chunk))})", chunk
        )
    return found


def article_statements(connection: sqlite3.Connection, article_id: str) -> list[sqlite3.Row]:
    """The statements of one article with their spans, speaker words, frame and quotation."""
    return named(
        connection,
        "SELECT id, speaker_text, frame_text, quote_text, speaker_start, speaker_end, cue_start, cue_end,"
        " quote_start, quote_end FROM statements WHERE article_id = ? ORDER BY quote_start",
        (article_id,),
    )


def replace_answers(
    connection: sqlite3.Connection, article_ids: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """Replace the answer acts of these articles by ``rows`` (the columns of ``claim_answers``, in order)."""
    for chunk in chunks(article_ids):
        connection.execute(
            f"DELETE FROM claim_answers WHERE article_id IN ({placeholders(len(chunk))})", chunk
        )
    connection.executemany(
        "INSERT INTO claim_answers(article_id, cue_start, cue_end, type, reference, sentence, claim_text,"
        " statement_id, target_id, score, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def all_answers(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every answer act with a target: its article, cue extent, type, the target's frame, wording and end."""
    return named(
        connection,
        "SELECT c.type, c.article_id, c.cue_start, c.cue_end, c.reference, t.frame_text, t.quote_text,"
        " c.evidence, MAX(COALESCE(t.quote_end, 0), COALESCE(t.cue_end, 0), COALESCE(t.speaker_end, 0))"
        " AS target_end FROM claim_answers c JOIN statements t ON t.id = c.target_id",
    )


_ACT_COLUMNS = (
    "c.type, c.score, c.evidence, c.article_id, c.sentence, c.claim_text, c.statement_id,"
    " COALESCE(s.date, s.published, a.published) AS date, COALESCE(e1.name, s.speaker_text) AS speaker,"
    " t.id AS target_id, t.article_id AS target_article, t.quote_text AS target_quote,"
    " COALESCE(t.date, t.published) AS target_date, COALESCE(e2.name, t.speaker_text) AS target_speaker,"
    " t.speaker_entity AS target_entity"
    " FROM claim_answers c JOIN articles a ON a.id = c.article_id JOIN statements t ON t.id = c.target_id"
    " LEFT JOIN statements s ON s.id = c.statement_id"
    " LEFT JOIN entities e1 ON e1.id = s.speaker_entity LEFT JOIN entities e2 ON e2.id = t.speaker_entity"
)


def answers_to_statement(db: Reader, statement_id: str) -> list[Row]:
    """Answer acts whose target is this statement, earliest first."""
    return db.rows(
        f"SELECT {_ACT_COLUMNS} WHERE c.target_id = ? ORDER BY date, c.article_id", (statement_id,)
    )


def answers_to_person(db: Reader, entity_id: str, *, limit: int) -> list[Row]:
    """Answer acts whose target is a statement of the entity, newest first."""
    return db.rows(
        f"SELECT {_ACT_COLUMNS} WHERE t.speaker_entity = ? ORDER BY date DESC, c.article_id LIMIT ?",
        (entity_id, limit),
    )
