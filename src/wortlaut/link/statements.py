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

import numpy as np

from wortlaut.link.db import cached_encode, placeholders
from wortlaut.link.encoder import Encoder
from wortlaut.link.text import dice, same_wording, stems, word_diff

#: Score (cosine + LEXICAL_WEIGHT · stem Dice) from which two statements are one.  e5 cosines are
#: compressed: on the dev half of src/wortlaut/eval/data/stories, pairwise precision is 0.63 at
#: 0.88 and 0.93 at 0.90, and recall drops from 0.82 to 0.61 at 0.91; 0.90 gave the best F1 (0.87).
GROUP_THRESHOLD = 0.90
#: Weight of the content-stem Dice overlap; 0.1 beat 0.0 (F1 0.77), 0.25 and 0.5 (0.84) on dev.
LEXICAL_WEIGHT = 0.1
#: How member scores make a group score: "single" (best member) or "average" (mean over the
#: compared members).  Single linkage can chain, but average linkage lost more recall than it
#: gained precision on dev (best F1 0.81 vs 0.87): a German paraphrase scores low against the
#: English members of its group.
LINKAGE = "single"
#: A statement is compared with groups first seen at most this many days before or after it:
#: outlets repeat a statement within days; a month leaves room for weekly and monthly reviews.
WINDOW_DAYS = 31
#: At most this many candidate groups (the most recent) per statement, to bound the cost for
#: speakers quoted daily.
MAX_CANDIDATE_GROUPS = 200
#: Members of a candidate group compared with the new statement (representative + most recent).
MAX_MEMBERS_COMPARED = 12


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


def _candidates(connection: sqlite3.Connection, row: StatementRow) -> list[tuple[str, str, str, str]]:
    """(group id, statement id, text, language) of the members to compare with."""
    low, high = _window(row.date)
    groups = [
        group_id
        for (group_id,) in connection.execute(
            "SELECT id FROM statement_groups WHERE speaker_entity = ? AND first_seen BETWEEN ? AND ?"
            " ORDER BY first_seen DESC LIMIT ?",
            (row.speaker, low, high, MAX_CANDIDATE_GROUPS),
        )
    ]
    members: list[tuple[str, str, str, str]] = []
    for group_id in groups:
        members += connection.execute(
            "SELECT m.group_id, s.id, s.quote_text, COALESCE(a.language, 'de') FROM statement_group_members m"
            " JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = s.article_id"
            " WHERE m.group_id = ? ORDER BY s.date DESC LIMIT ?",
            (group_id, MAX_MEMBERS_COMPARED),
        ).fetchall()
    return members


def link_score(values: Sequence[float]) -> float:
    """A statement's score against a group from its scores against the members (see LINKAGE)."""
    if LINKAGE == "single":
        return max(values)
    return sum(values) / len(values)


def score(vector: np.ndarray, other: np.ndarray, left: frozenset[str], right: frozenset[str]) -> float:
    """The grouping score of two statements (see :data:`GROUP_THRESHOLD`)."""
    return float(vector @ other) + LEXICAL_WEIGHT * dice(left, right)


def group_statements(connection: sqlite3.Connection, encoder: Encoder, rows: Sequence[StatementRow]) -> int:
    """Put each statement into a group (existing or new); returns how many new groups were made."""
    if not rows:
        return 0
    vectors = cached_encode(connection, encoder, "statement", [(row.id, row.text) for row in rows])
    created = 0
    for row in rows:
        members = _candidates(connection, row)
        best_group, best_score = None, -1.0
        if members:
            others = cached_encode(connection, encoder, "statement", [(m[1], m[2]) for m in members])
            own = stems(row.text, language=row.language)
            per_group: dict[str, list[float]] = {}
            for group_id, statement_id, text, language in members:
                value = score(vectors[row.id], others[statement_id], own, stems(text, language=language))
                per_group.setdefault(group_id, []).append(value)
            for group_id, values in per_group.items():
                value = link_score(values)
                if value > best_score:
                    best_group, best_score = group_id, value
        if best_group is not None and best_score >= GROUP_THRESHOLD:
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
