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

from wortlaut.store.results import EntityInfo
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


def resolve_entity(connection: sqlite3.Connection, name: str) -> EntityInfo | None:
    """The entity a name or alias refers to (case- and diacritics-insensitive), if any.

    When several entities share a name (two people called Müller), the one
    quoted most often wins: it is the likelier subject of a question.  An
    article-local entity that the collection merged into another one (the bare
    ``Falk`` of one report into ``Leonie Falk``, see :mod:`wortlaut.link.aliases`)
    stands for the entity it was merged into.
    """
    entity_id, _ = _resolve(connection, normalize(name))
    return entity_info(connection, entity_id) if entity_id else None


def _resolve(connection: sqlite3.Connection, norm: str) -> tuple[str | None, list[str]]:
    """The best entity id for a normalised name, and the merged local entities that led to it."""
    if not norm:
        return None, []
    rows = connection.execute(
        "SELECT a.entity_id, a.kind, COALESCE(c.statements, 0) FROM entity_aliases a"
        " LEFT JOIN entity_counts c ON c.entity = a.entity_id WHERE a.norm = ?",
        (norm,),
    ).fetchall()
    if not rows:
        return None, []
    merged: dict[str, str] = {}
    for entity_id, *_ in rows:
        target = merged_into(connection, entity_id)
        if target is not None:
            merged[entity_id] = target
    if merged:
        rows = [(merged.get(row[0], row[0]), *row[1:]) for row in rows]
    best = min(rows, key=lambda row: (_KIND_RANK.get(row[1], 9), -row[2], row[0]))
    return best[0], [local for local, target in merged.items() if target == best[0]]


def learning(connection: sqlite3.Connection) -> bool:
    """Whether the store has the learned-alias tables (a read-only store may predate them)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0]) >= _LEARNING_VERSION


def _learned_rows(connection: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    """Rows of a query on the learned-alias tables; none on a store from before them.

    Asking and catching the missing table costs nothing on current stores,
    where checking the schema version first would cost a query every time.
    """
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return []
        raise


def merged_into(connection: sqlite3.Connection, entity_id: str) -> str | None:
    """The entity a local entity was merged into most often, or ``None`` (not merged, not local)."""
    if not entity_id.startswith("local:"):
        return None
    rows = _learned_rows(
        connection,
        "SELECT target FROM entity_merges WHERE source = ? GROUP BY target ORDER BY COUNT(*) DESC, target"
        " LIMIT 1",
        (entity_id,),
    )
    return str(rows[0][0]) if rows else None


def entity_info(connection: sqlite3.Connection, entity_id: str) -> EntityInfo | None:
    """An entity with its aliases and roles."""
    row = connection.execute(
        "SELECT id, name, type, json FROM entities WHERE id = ?", (entity_id,)
    ).fetchone()
    if row is None:
        return None
    aliases = [
        alias
        for (alias,) in connection.execute(
            "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = ?"
            f" AND kind IN ({', '.join('?' * len(_SHOWN_KINDS))}) ORDER BY alias",
            (entity_id, *_SHOWN_KINDS),
        )
    ]
    roles = tuple((_json(row[3]) or {}).get("roles") or ())
    return EntityInfo(id=row[0], name=row[1], type=row[2], aliases=tuple(aliases), roles=roles)


#: (SQL condition on alias ``s``, its parameters, the index that serves it in date order).
Condition = tuple[str, list[Any], str]


def speaker_filter(connection: sqlite3.Connection, speaker: str) -> list[Condition]:
    """SQL conditions (on alias ``s``) that together select a speaker's statements.

    Statements whose speaker was resolved to the entity match by id;
    unresolved ones match by the speaker's name (a one-word query also by
    surname).  Each condition can walk one index in date order, which is
    what keeps :func:`said` fast for speakers with many statements.
    """
    norm = normalize(speaker)
    entity_id, merged = _resolve(connection, norm)
    conditions: list[Condition] = entity_conditions(connection, entity_id) if entity_id else []
    # A local entity of this name, merged into the entity in some articles, keeps all its statements
    # here: the merged ones are the entity's anyway, the rest may be another person of that name.
    conditions += [("s.speaker_entity = ?", [local], "statements_speaker") for local in merged]
    columns = ("speaker_norm", "speaker_last") if " " not in norm else ("speaker_norm",)
    for column in columns if norm else ():
        condition: Condition = (f"s.{column} = ?", [norm], f"statements_{column}")
        if condition not in conditions and _any_statement(connection, column, norm):
            conditions.append(condition)
    return conditions


def _any_statement(connection: sqlite3.Connection, column: str, norm: str) -> bool:
    # Most speakers are resolved, so these usually match nothing: ask the index before
    # adding a stream (an empty stream can still cost a scan of the FTS matches).
    row = connection.execute(f"SELECT 1 FROM statements WHERE {column} = ? LIMIT 1", (norm,)).fetchone()
    return row is not None


def entity_conditions(connection: sqlite3.Connection, entity_id: str) -> list[Condition]:
    """SQL conditions (on alias ``s``) that select an entity's statements.

    Statements resolved to the entity, and what the collection learned
    (:mod:`wortlaut.link.aliases`): statements of local entities merged into
    it in their articles, and unresolved speakers named by a learned alias.
    """
    conditions: list[Condition] = [("s.speaker_entity = ?", [entity_id], "statements_speaker")]
    for (source,) in _learned_rows(
        connection, "SELECT DISTINCT source FROM entity_merges WHERE target = ?", (entity_id,)
    ):
        conditions.append(
            (
                "s.speaker_entity = ? AND EXISTS (SELECT 1 FROM entity_merges g"
                " WHERE g.source = s.speaker_entity AND g.article_id = s.article_id AND g.target = ?)",
                [source, entity_id],
                "statements_speaker",
            )
        )
    for (norm,) in _learned_rows(
        connection, "SELECT norm FROM learned_aliases WHERE entity_id = ?", (entity_id,)
    ):
        if _any_statement(connection, "speaker_norm", norm):
            conditions.append(("s.speaker_norm = ?", [norm], "statements_speaker_norm"))
    return conditions


def merge_target(connection: sqlite3.Connection, entity_id: str | None, article_id: str) -> str | None:
    """The entity a local speaker was merged into in this article (else the speaker itself)."""
    if not entity_id or not entity_id.startswith("local:"):
        return entity_id
    rows = _learned_rows(
        connection,
        "SELECT target FROM entity_merges WHERE source = ? AND article_id = ?",
        (entity_id, article_id),
    )
    return str(rows[0][0]) if rows else entity_id
