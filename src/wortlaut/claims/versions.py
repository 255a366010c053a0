"""A statement's versions: each outlet's wording, compared with the earliest (``/statements/{id}/versions``).

The versions are the members of the statement's group (:mod:`wortlaut.link.statements`
decided they are one statement), earliest first by statement date, then
publication; the first is the reference every other is aligned against by
:func:`wortlaut.claims.drift.compare`.  The names :func:`~wortlaut.claims.drift.compare`
watches are the entity mentions inside each quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from wortlaut.claims.drift import Segment, Version, compare
from wortlaut.store import NotFoundError, Store, claim_tables


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementVersion:
    """One outlet's wording, its alignment against the earliest and the flags it raised."""

    statement_id: str
    article_id: str
    source: str | None
    url: str | None
    title: str | None
    date: str | None
    mode: str | None
    speaker: str | None
    text: str
    earliest: bool
    segments: tuple[Segment, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Versions:
    """The versions of one statement (a group of one when no other outlet reported it)."""

    statement_id: str
    group_id: str | None
    versions: tuple[StatementVersion, ...]
    flags: tuple[str, ...]


def versions(store: Store, statement_id: str) -> Versions:
    """Every outlet's wording of the statement, aligned against the earliest, with drift flags."""
    with store.reader.bounded():
        rows = claim_tables.versions(store.reader, statement_id)
        if not rows:
            raise NotFoundError(f"no statement with id {statement_id!r}")
        names = {
            row["statement_id"]: frozenset(
                claim_tables.quote_names(
                    store.reader, row["article_id"], row["quote_start"], row["quote_end"]
                )
            )
            for row in rows
        }
    inputs = [Version(row["quote_text"] or "", row["mode"] or "", names[row["statement_id"]]) for row in rows]
    reference = inputs[0]
    found = []
    for index, (row, version) in enumerate(zip(rows, inputs, strict=True)):
        drift = compare(reference, version)
        found.append(
            StatementVersion(
                statement_id=row["statement_id"],
                article_id=row["article_id"],
                source=row["source"],
                url=row["url"],
                title=row["title"],
                date=row["date"],
                mode=row["mode"],
                speaker=row["speaker"],
                text=version.text,
                earliest=index == 0,
                segments=drift.segments,
                flags=drift.flags,
            )
        )
    raised = sorted({flag for item in found for flag in item.flags})
    return Versions(
        statement_id=statement_id, group_id=rows[0]["group_id"], versions=tuple(found), flags=tuple(raised)
    )
