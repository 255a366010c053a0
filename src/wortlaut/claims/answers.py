"""Relations as a reader sees them: "denied by", "confirmed by", "corrected" on a person's page.

The links are made by :mod:`wortlaut.link.relations` and stored in
``statement_relations``; this module reads them for one person or one
statement and says, from that side, what happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from wortlaut.claims.relations import ANSWERED_LABELS, ANSWERING_LABELS
from wortlaut.store import Store, claim_tables
from wortlaut.store.reader import Row

#: Relations shown on a person page (newest first).
PERSON_RELATIONS = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """One relation seen from one side: ``label`` says what the other side did (``answering``: this side)."""

    type: str
    label: str
    side: str
    statement_id: str
    article_id: str
    quote: str
    date: str | None
    other_speaker: str | None
    target_id: str
    target_article: str
    target_quote: str
    target_date: str | None
    score: float
    evidence: str


def _answer(row: Row, *, answered: bool) -> Answer:
    kind = row["type"]
    retraction = kind == "retracts"
    return Answer(
        type=kind,
        label=(ANSWERED_LABELS if answered else ANSWERING_LABELS)[kind],
        side="answered" if answered and not retraction else "answering",
        statement_id=row["statement_id"],
        article_id=row["article_id"],
        quote=row["quote_text"] or "",
        date=row["date"],
        other_speaker=row["speaker"] if answered else row["target_speaker"],
        target_id=row["target_id"],
        target_article=row["target_article"],
        target_quote=row["target_quote"] or "",
        target_date=row["target_date"],
        score=float(row["score"]),
        evidence=row["evidence"],
    )


def _act_answer(row: Row) -> Answer:
    """An answer act seen from the answered side (the act may have no statement of its own: its
    sentence stands for the quotation, ``statement_id`` is then empty)."""
    kind = row["type"]
    return Answer(
        type=kind,
        label=ANSWERED_LABELS[kind],
        side="answered" if kind != "retracts" else "answering",
        statement_id=row["statement_id"] or "",
        article_id=row["article_id"],
        quote=row["claim_text"] or row["sentence"],
        date=row["date"],
        other_speaker=row["speaker"],
        target_id=row["target_id"],
        target_article=row["target_article"],
        target_quote=row["target_quote"] or "",
        target_date=row["target_date"],
        score=float(row["score"] or 0.0),
        evidence=row["evidence"] or "",
    )


def person_answers(store: Store, entity_id: str) -> list[Answer]:
    """Relations of the entity: its statements that others denied, confirmed, corrected, and its answers
    (statement relations, then answer acts whose target is one of its statements)."""
    with store.reader.bounded():
        rows = claim_tables.relations_of_person(store.reader, entity_id, limit=PERSON_RELATIONS)
        acts = claim_tables.answers_to_person(store.reader, entity_id, limit=PERSON_RELATIONS)
    found = [
        _answer(row, answered=row["target_entity"] == entity_id and row["type"] != "retracts") for row in rows
    ]
    return found + [_act_answer(row) for row in acts][: max(0, PERSON_RELATIONS - len(found))]


def statement_answers(store: Store, statement_id: str) -> list[Answer]:
    """Relations from or to one statement (``side`` answered: another statement or act answers this one)."""
    with store.reader.bounded():
        rows = claim_tables.relations_of_statement(store.reader, statement_id)
        acts = claim_tables.answers_to_statement(store.reader, statement_id)
    return [_answer(row, answered=row["target_id"] == statement_id) for row in rows] + [
        _act_answer(row) for row in acts
    ]
