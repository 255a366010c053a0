"""Statement identity: one statement reported verbatim, paraphrased or translated becomes one group.

Candidates for a new statement are only the groups of the same speaker entity
first seen within :data:`WINDOW_DAYS` of its date (an indexed query, at most
:data:`MAX_CANDIDATE_GROUPS`), never all statements.  A statement joins the
best candidate group when its score against any member reaches
:data:`GROUP_THRESHOLD`; the score adds the embedding cosine (multilingual, so
translations match) and a weighted overlap of content-word stems (paraphrases
of one statement keep its key nouns; other statements of the same speaker on
the same topic, which e5 also rates similar, share fewer).  Each member keeps
a word-level diff against the group's representative (its first sighting),
and a group whose direct quotes differ in wording is flagged ``quote_changed``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from wortlaut.link.db import cached_encode, placeholders
from wortlaut.link.encoder import Encoder
from wortlaut.link.text import dice, same_wording, stems, word_diff

#: Score (cosine + LEXICAL_WEIGHT · stem Dice) from which two statements are one.  e5 cosines are
#: compressed: on the dev half of src/wortlaut/eval/data/stories, pairwise precision is 0.63 at
#: 0.88 and 0.93 at 0.90, and recall drops from 0.82 to 0.61 at 0.91; 0.90 gave the best F1 (0.87).
GROUP_THRESHOLD = 0.90
#: The same for the HashingEncoder (character n-grams, monolingual): on dev precision is 0.95 at
#: 0.25 and 1.0 from 0.3 up, where recall is 0.35 (verbatim and close German rewordings only).
HASHING_GROUP_THRESHOLD = 0.3
#: Weight of the content-stem Dice overlap; 0.1 beat 0.0 (F1 0.77), 0.25 and 0.5 (0.84) on dev.
LEXICAL_WEIGHT = 0.1
#: A group's score is its best member's (single linkage).  Single linkage can chain, but average
#: linkage lost more recall than it gained precision on dev (best F1 0.81 vs 0.87): a German
#: paraphrase scores low against the English members of its group.
#: A statement is compared with groups first seen at most this many days before or after it:
#: outlets repeat a statement within days; a month leaves room for weekly and monthly reviews.
WINDOW_DAYS = 31
#: At most this many candidate groups (the most recent) per statement, to bound the cost for
#: speakers quoted daily.
MAX_CANDIDATE_GROUPS = 200
#: Members of a candidate group compared with the new statement (the most recent ones): members of
#: one group are close to each other, so a few represent it.
MAX_MEMBERS_COMPARED = 6


@dataclass(frozen=True, slots=True)
class StatementRow:
    """The fields of a stored statement that grouping needs."""

    id: str
    article_id: str
    mode: str
    text: str
    speaker: str
    date: str
    language: str


def load_statements(connection: sqlite3.Connection, article_ids: Sequence[str]) -> list[StatementRow]:
    """Statements of the given articles that have a speaker entity and are not grouped yet."""
    rows = connection.execute(
        "SELECT s.id, s.article_id, s.mode, s.quote_text, s.speaker_entity,"
        " COALESCE(s.date, s.published, a.published, a.ingested_at), COALESCE(a.language, 'de')"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        f" WHERE s.article_id IN ({placeholders(len(article_ids))}) AND s.speaker_entity IS NOT NULL"
        " AND s.id NOT IN (SELECT statement_id FROM statement_group_members)",
        list(article_ids),
    ).fetchall()
    found = [StatementRow(r[0], r[1], r[2] or "", r[3] or "", r[4], (r[5] or "")[:10], r[6]) for r in rows]
    return sorted(found, key=lambda row: (row.date, row.id))


def _window(day: str) -> tuple[str, str]:
    try:
        middle = date.fromisoformat(day)
    except ValueError:
        return "0000", "9999"
    return (middle - timedelta(days=WINDOW_DAYS)).isoformat(), (
        middle + timedelta(days=WINDOW_DAYS)
    ).isoformat()


_MEMBERS = """
SELECT group_id, id, quote_text, language FROM (
    SELECT m.group_id, s.id, s.quote_text, COALESCE(a.language, 'de') AS language,
           ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY s.date DESC) AS rank
    FROM statement_group_members m JOIN statements s ON s.id = m.statement_id
    JOIN articles a ON a.id = s.article_id
    WHERE m.group_id IN (
        SELECT id FROM statement_groups WHERE speaker_entity = ? AND first_seen BETWEEN ? AND ?
        ORDER BY first_seen DESC LIMIT ?))
WHERE rank <= ?
"""


def _candidates(connection: sqlite3.Connection, row: StatementRow) -> list[tuple[str, str, str, str]]:
    """(group id, statement id, text, language) of the members to compare with."""
    low, high = _window(row.date)
    return connection.execute(
        _MEMBERS, (row.speaker, low, high, MAX_CANDIDATE_GROUPS, MAX_MEMBERS_COMPARED)
    ).fetchall()


def group_threshold(encoder_name: str) -> float:
    """The grouping threshold calibrated for an encoder (e5's for encoders without their own)."""
    return HASHING_GROUP_THRESHOLD if encoder_name.startswith("hashing") else GROUP_THRESHOLD


@lru_cache(maxsize=65536)
def _stems(text: str, language: str) -> frozenset[str]:
    return stems(text, language=language)


def score(vector: np.ndarray, other: np.ndarray, left: frozenset[str], right: frozenset[str]) -> float:
    """The grouping score of two statements (see :data:`GROUP_THRESHOLD`)."""
    return float(vector @ other) + LEXICAL_WEIGHT * dice(left, right)


def _best_group(
    row: StatementRow,
    vector: np.ndarray,
    members: list[tuple[str, str, str, str]],
    others: dict[str, np.ndarray],
    threshold: float,
) -> tuple[str | None, float]:
    """The group of the best-scoring member (single linkage), or (None, -1).

    Cosines come from one matrix product; the stem overlap (at most +LEXICAL_WEIGHT) is only
    computed for members whose cosine could still reach the threshold.
    """
    cosines = np.stack([others[m[1]] for m in members]) @ vector
    best_group, best_score = None, -1.0
    own: frozenset[str] | None = None
    for (group_id, _, text, language), cosine in zip(members, cosines.tolist(), strict=True):
        value = cosine
        if cosine + LEXICAL_WEIGHT >= threshold:
            own = own if own is not None else _stems(row.text, row.language)
            value += LEXICAL_WEIGHT * dice(own, _stems(text, language))
        if value > best_score:
            best_group, best_score = group_id, value
    return best_group, best_score


def group_statements(connection: sqlite3.Connection, encoder: Encoder, rows: Sequence[StatementRow]) -> int:
    """Put each statement into a group (existing or new); returns how many new groups were made."""
    if not rows:
        return 0
    vectors = cached_encode(connection, encoder, "statement", [(row.id, row.text) for row in rows])
    created = 0
    threshold = group_threshold(encoder.name)
    for row in rows:
        members = _candidates(connection, row)
        best_group, best_score = None, -1.0
        if members:
            others = cached_encode(connection, encoder, "statement", [(m[1], m[2]) for m in members])
            best_group, best_score = _best_group(row, vectors[row.id], members, others, threshold)
        if best_group is not None and best_score >= threshold:
            _join(connection, best_group, row, best_score)
        else:
            _create(connection, row)
            created += 1
    return created


_MEMBER_INSERT = (
    "INSERT OR REPLACE INTO statement_group_members(group_id, statement_id, similarity, diff)"
    " VALUES (?, ?, ?, ?)"
)


def _create(connection: sqlite3.Connection, row: StatementRow) -> None:
    group_id = f"g:{row.id}"
    connection.execute(
        "INSERT OR REPLACE INTO statement_groups"
        "(id, speaker_entity, representative_statement, first_seen, size, flags) VALUES (?, ?, ?, ?, 1, ?)",
        (group_id, row.speaker, row.id, row.date, json.dumps({"quote_changed": False})),
    )
    connection.execute(
        _MEMBER_INSERT,
        (group_id, row.id, 1.0, json.dumps({"edits": [], "same_wording": True})),
    )


def _join(connection: sqlite3.Connection, group_id: str, row: StatementRow, similarity: float) -> None:
    representative = connection.execute(
        "SELECT s.quote_text FROM statement_groups g JOIN statements s ON s.id = g.representative_statement"
        " WHERE g.id = ?",
        (group_id,),
    ).fetchone()
    reference = representative[0] if representative else ""
    diff = {"edits": word_diff(reference, row.text), "same_wording": same_wording([reference, row.text])}
    connection.execute(
        _MEMBER_INSERT,
        (group_id, row.id, round(similarity, 4), json.dumps(diff, ensure_ascii=False)),
    )
    _refresh(connection, group_id, row.date)


def _refresh(connection: sqlite3.Connection, group_id: str, day: str) -> None:
    """Size, first sighting and the ``quote_changed`` flag after a member joined."""
    members = connection.execute(
        "SELECT s.mode, s.quote_text, COALESCE(a.source, '') FROM statement_group_members m"
        " JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = s.article_id"
        " WHERE m.group_id = ?",
        (group_id,),
    ).fetchall()
    direct = [text for mode, text, _ in members if mode == "direct"]
    flags = {
        "quote_changed": len(direct) >= 2 and not same_wording(direct),
        "sources": len({source for _, _, source in members if source}),
    }
    connection.execute(
        "UPDATE statement_groups SET size = ?, flags = ?, first_seen = MIN(first_seen, ?) WHERE id = ?",
        (len(members), json.dumps(flags), day, group_id),
    )
