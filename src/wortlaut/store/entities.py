"""Entity resolution in the store: names, aliases, learned aliases and merges -> conditions on statements.

A name is resolved through ``entity_aliases`` (the KB's and the articles' names plus the aliases
:mod:`wortlaut.link.aliases` learned across articles); article-local entities merged into another
entity resolve to it.  :func:`speaker_filter` and :func:`entity_conditions` turn a name or an entity
into the SQL conditions :func:`wortlaut.store.queries.said` runs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from wortlaut.store.reader import Reader, Row
from wortlaut.store.results import EntityInfo
from wortlaut.store.schema import schema_version
from wortlaut.store.text import normalize

#: Preference among the ways a name can match an entity: full name first, surname last; aliases
#: learned across articles (wortlaut.link.aliases) rank with the handles and surnames they are.
_KIND_RANK = {"name": 0, "alias": 1, "handle": 2, "learned_handle": 2, "learned": 3, "surname": 3}
#: Alias kinds an entity page lists.
_SHOWN_KINDS = ("alias", "handle", "learned", "learned_handle")
#: The schema version that has the tables of aliases learned across articles.
_LEARNING_VERSION = 3


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None


def resolve_entity(db: Reader, name: str) -> EntityInfo | None:
    """The entity a name or alias refers to (case- and diacritics-insensitive), if any.

    When several entities share a name (two people called Müller), the one
    quoted most often wins: it is the likelier subject of a question.  An
    article-local entity that the collection merged into another one (the bare
    ``Falk`` of one report into ``Leonie Falk``, see :mod:`wortlaut.link.aliases`)
    stands for the entity it was merged into.
    """
    entity_id, _ = _resolve(db, normalize(name))
    return entity_info(db, entity_id) if entity_id else None


def _resolve(db: Reader, norm: str) -> tuple[str | None, list[str]]:
    """The best entity id for a normalised name, and the merged local entities that led to it."""
    if not norm:
        return None, []
    rows = db.rows(
        "SELECT a.entity_id, a.kind, COALESCE(c.statements, 0) AS statements FROM entity_aliases a"
        " LEFT JOIN entity_counts c ON c.entity = a.entity_id WHERE a.norm = ?",
        (norm,),
    )
    if not rows:
        return None, []
    merged: dict[str, str] = {}
    for row in rows:
        target = merged_into(db, row["entity_id"])
        if target is not None:
            merged[row["entity_id"]] = target
    # (entity id after merges, alias kind, statement count) of each way the name matches
    found = [(merged.get(r["entity_id"], r["entity_id"]), r["kind"], r["statements"]) for r in rows]
    best_id, _, _ = min(found, key=lambda item: (_KIND_RANK.get(item[1], 9), -item[2], item[0]))
    return best_id, [local for local, target in merged.items() if target == best_id]


def learning(db: Reader) -> bool:
    """Whether the store has the learned-alias tables (a read-only store may predate them)."""
    return schema_version(db.connection) >= _LEARNING_VERSION


def _learned_rows(db: Reader, sql: str, params: Sequence[Any]) -> list[Row]:
    """Rows of a query on the learned-alias tables; none on a store from before them.

    Asking and catching the missing table costs nothing on current stores,
    where checking the schema version first would cost a query every time.
    """
    try:
        return db.rows(sql, params)
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return []
        raise


def merged_into(db: Reader, entity_id: str) -> str | None:
    """The entity a local entity was merged into most often, or ``None`` (not merged, not local)."""
    if not entity_id.startswith("local:"):
        return None
    rows = _learned_rows(
        db,
        "SELECT target FROM entity_merges WHERE source = ? GROUP BY target ORDER BY COUNT(*) DESC, target"
        " LIMIT 1",
        (entity_id,),
    )
    return str(rows[0]["target"]) if rows else None


def entity_info(db: Reader, entity_id: str) -> EntityInfo | None:
    """An entity with its aliases and roles."""
    row = db.row("SELECT id, name, type, json FROM entities WHERE id = ?", (entity_id,))
    if row is None:
        return None
    aliases = [
        alias["alias"]
        for alias in db.rows(
            "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = ?"
            f" AND kind IN ({', '.join('?' * len(_SHOWN_KINDS))}) ORDER BY alias",
            (entity_id, *_SHOWN_KINDS),
        )
    ]
    roles = tuple((_json(row["json"]) or {}).get("roles") or ())
    return EntityInfo(id=row["id"], name=row["name"], type=row["type"], aliases=tuple(aliases), roles=roles)


#: (SQL condition on alias ``s``, its parameters, the index that serves it in date order).
Condition = tuple[str, list[Any], str]


def speaker_filter(db: Reader, speaker: str) -> list[Condition]:
    """SQL conditions (on alias ``s``) that together select a speaker's statements.

    Statements whose speaker was resolved to the entity match by id;
    unresolved ones match by the speaker's name (a one-word query also by
    surname).  Each condition can walk one index in date order, which is
    what keeps :func:`said` fast for speakers with many statements.
    """
    norm = normalize(speaker)
    entity_id, merged = _resolve(db, norm)
    conditions: list[Condition] = entity_conditions(db, entity_id) if entity_id else []
    # A local entity of this name, merged into the entity in some articles, keeps all its statements
    # here: the merged ones are the entity's anyway, the rest may be another person of that name.
    conditions += [("s.speaker_entity = ?", [local], "statements_speaker") for local in merged]
    columns = ("speaker_norm", "speaker_last") if " " not in norm else ("speaker_norm",)
    for column in columns if norm else ():
        condition: Condition = (f"s.{column} = ?", [norm], f"statements_{column}")
        if condition not in conditions and _any_statement(db, column, norm):
            conditions.append(condition)
    return conditions


def _any_statement(db: Reader, column: str, norm: str) -> bool:
    # Most speakers are resolved, so these usually match nothing: ask the index before
    # adding a stream (an empty stream can still cost a scan of the FTS matches).
    return db.row(f"SELECT 1 FROM statements WHERE {column} = ? LIMIT 1", (norm,)) is not None


def entity_conditions(db: Reader, entity_id: str) -> list[Condition]:
    """SQL conditions (on alias ``s``) that select an entity's statements.

    Statements resolved to the entity, and what the collection learned
    (:mod:`wortlaut.link.aliases`): statements of local entities merged into
    it in their articles, and unresolved speakers named by a learned alias.
    """
    conditions: list[Condition] = [("s.speaker_entity = ?", [entity_id], "statements_speaker")]
    for merge in _learned_rows(
        db, "SELECT DISTINCT source FROM entity_merges WHERE target = ?", (entity_id,)
    ):
        conditions.append(
            (
                "s.speaker_entity = ? AND EXISTS (SELECT 1 FROM entity_merges g"
                " WHERE g.source = s.speaker_entity AND g.article_id = s.article_id AND g.target = ?)",
                [merge["source"], entity_id],
                "statements_speaker",
            )
        )
    for learned in _learned_rows(db, "SELECT norm FROM learned_aliases WHERE entity_id = ?", (entity_id,)):
        if _any_statement(db, "speaker_norm", learned["norm"]):
            conditions.append(("s.speaker_norm = ?", [learned["norm"]], "statements_speaker_norm"))
    return conditions


def merge_target(db: Reader, entity_id: str | None, article_id: str) -> str | None:
    """The entity a local speaker was merged into in this article (else the speaker itself)."""
    if not entity_id or not entity_id.startswith("local:"):
        return entity_id
    rows = _learned_rows(
        db, "SELECT target FROM entity_merges WHERE source = ? AND article_id = ?", (entity_id, article_id)
    )
    return str(rows[0]["target"]) if rows else entity_id
