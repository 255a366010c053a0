"""The store's SQL written once, for SQLite, and rewritten for PostgreSQL where the two differ.

The store's query modules write SQLite SQL.  Most of it is standard SQL that
PostgreSQL runs as it is; the rest is a short, closed list of SQLite idioms
that :func:`to_postgres` rewrites mechanically:

- ``?`` placeholders become ``%s`` (``?N`` become named ``%(pN)s``); ``%`` is doubled;
- ``INSERT OR IGNORE`` becomes ``INSERT … ON CONFLICT DO NOTHING`` and ``INSERT OR REPLACE`` an
  upsert on the table's primary key (:data:`CONFLICT_KEYS`);
- ``group_concat`` → ``string_agg``, ``instr`` → ``strpos``, ``char(n)`` → ``chr(n)``,
  ``json_extract(x, '$.k')`` → ``x::json ->> 'k'``, ``json_each(?)`` →
  ``json_array_elements_text(?::json)``, ``date(?, ?)`` (a day plus a modifier such as ``-30 days``)
  → date arithmetic, two-argument ``MIN``/``MAX`` → ``LEAST``/``GREATEST``, ``INDEXED BY`` hints are
  dropped.

Full-text search is the one place where the two engines differ in kind (FTS5
tables against a ``tsvector`` column); the query modules ask
:func:`fts_filter` and :func:`fts_window` for it instead of writing it.  A
statement the rules do not know passes through unchanged, so a new SQLite
idiom shows up as a PostgreSQL syntax error in the store test suite, which
runs against both engines.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

Dialect = Literal["sqlite", "postgresql"]

#: The primary key of each table an ``INSERT OR REPLACE`` writes (the upsert's conflict target).
CONFLICT_KEYS: dict[str, tuple[str, ...]] = {
    "sources": ("name",),
    "articles": ("id",),
    "entities": ("id",),
    "entity_aliases": ("entity_id", "norm", "kind"),
    "statements": ("id",),
    "events": ("id",),
    "entity_counts": ("entity",),
    "statement_groups": ("id",),
    "statement_group_members": ("statement_id",),
    "stories": ("id",),
    "story_articles": ("article_id",),
    "duplicates": ("article_id",),
    "embeddings": ("kind", "item_id"),
    "alias_evidence": ("norm", "entity_id", "article_id"),
    "alias_locals": ("norm", "article_id", "entity_id"),
    "alias_counts": ("norm", "entity_id"),
    "alias_dirty": ("norm",),
    "learned_aliases": ("norm",),
    "entity_merges": ("source", "article_id"),
    "link_pending": ("article_id",),
    "link_story_entities": ("story_id", "entity"),
    "watch_seen": ("watch_id", "statement_id"),
}
#: Tables with a PostgreSQL-only ``rowid`` column (SQLite's implicit one, which queries order by); a
#: replaced row gets a new one, as in SQLite, so "the largest rowid" still tells that a table changed.
ROWID_TABLES = frozenset({"embeddings", "event_participants"})

_BEGIN_IMMEDIATE = re.compile(r"^\s*BEGIN\s+IMMEDIATE\s*$", re.IGNORECASE)
_INSERT = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+", re.IGNORECASE)
_TARGET = re.compile(r'^"?(\w+)"?\s*\(([^)]*)\)')
_STRING = re.compile(r"'(?:[^']|'')*'")
_NUMBERED = re.compile(r"\?(\d+)")
_GROUP_CONCAT_DISTINCT = re.compile(r"group_concat\(DISTINCT ([\w.]+)\)", re.IGNORECASE)
_GROUP_CONCAT = re.compile(r"group_concat\(", re.IGNORECASE)
_JSON_EXTRACT = re.compile(r"json_extract\(([\w.]+), '\$\.(\w+)'\)", re.IGNORECASE)
_JSON_EACH = re.compile(r"json_each\((\?\d*)\)", re.IGNORECASE)
_DATE_SHIFT = re.compile(r"\bdate\(\?, \?\)")
_INDEXED_BY = re.compile(r"\s+INDEXED BY \w+", re.IGNORECASE)
_CALLS = (
    # SQLite's two-argument (scalar) MIN and MAX; the one-argument aggregates have no comma
    (re.compile(r"\bMIN\(([\w.]+), ", re.IGNORECASE), r"LEAST(\1, "),
    (re.compile(r"\bMAX\(([\w.]+), ", re.IGNORECASE), r"GREATEST(\1, "),
    (re.compile(r"\binstr\(", re.IGNORECASE), "strpos("),
    (re.compile(r"\bchar\((\d+)\)", re.IGNORECASE), r"chr(\1)"),
)


def dialect_of(connection: Any) -> Dialect:
    """``postgresql`` for a :class:`~wortlaut.store.postgres.PgConnection`, else ``sqlite``."""
    return "postgresql" if getattr(connection, "dialect", "sqlite") == "postgresql" else "sqlite"


@functools.lru_cache(maxsize=2048)
def to_postgres(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """The statement for PostgreSQL, and the order of ``?N`` parameters (``None``: plain ``?``)."""
    if _BEGIN_IMMEDIATE.match(sql):
        return "BEGIN", None
    sql = _upsert(sql)
    sql = _INDEXED_BY.sub("", sql)
    sql = _JSON_EXTRACT.sub(r"(\1::json ->> '\2')", sql)
    sql = _JSON_EACH.sub(r"json_array_elements_text(CAST(\1 AS json))", sql)
    sql = _DATE_SHIFT.sub("to_char(CAST(? AS date) + CAST(? AS interval), 'YYYY-MM-DD')", sql)
    sql = _GROUP_CONCAT_DISTINCT.sub(r"string_agg(DISTINCT \1, ',')", sql)
    sql = _GROUP_CONCAT.sub("string_agg(", sql)
    for pattern, replacement in _CALLS:
        sql = pattern.sub(replacement, sql)
    return _placeholders(sql)


def _upsert(sql: str) -> str:
    """``INSERT OR IGNORE``/``OR REPLACE`` as ``INSERT … ON CONFLICT``."""
    match = _INSERT.match(sql)
    if match is None:
        return sql
    rest = sql[match.end() :]
    statement = "INSERT INTO " + rest.rstrip().rstrip(";")
    if match.group(1).upper() == "IGNORE":
        return statement + " ON CONFLICT DO NOTHING"
    target = _TARGET.match(rest)
    if target is None or target.group(1) not in CONFLICT_KEYS:
        return statement  # no key: every row is new, as SQLite's REPLACE finds no conflict either
    table, key = target.group(1), CONFLICT_KEYS[target.group(1)]
    columns = [name.strip().strip('"') for name in target.group(2).split(",")]
    updates = [f'"{name}" = EXCLUDED."{name}"' for name in columns if name not in key]
    if table in ROWID_TABLES:
        updates.append("rowid = DEFAULT")
    action = "DO UPDATE SET " + ", ".join(updates) if updates else "DO NOTHING"
    return f"{statement} ON CONFLICT ({', '.join(key)}) {action}"


def _placeholders(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """``?`` → ``%s`` and ``?N`` → ``%(pN)s`` outside string literals; ``%`` → ``%%``."""
    order: list[int] = []
    parts: list[str] = []
    position = 0
    for literal in _STRING.finditer(sql):
        parts.append(_code_placeholders(sql[position : literal.start()], order))
        parts.append(literal.group(0).replace("%", "%%"))
        position = literal.end()
    parts.append(_code_placeholders(sql[position:], order))
    return "".join(parts), (tuple(order) if order else None)


def _code_placeholders(code: str, order: list[int]) -> str:
    code = code.replace("%", "%%")

    def numbered(match: re.Match[str]) -> str:
        order.append(int(match.group(1)))
        return f"%(p{match.group(1)})s"

    return _NUMBERED.sub(numbered, code).replace("?", "%s")


def bind(params: Any, order: tuple[int, ...] | None) -> Any:
    """Parameters for a translated statement: a ``{pN: value}`` mapping where ``?N`` were used."""
    if order is None or isinstance(params, dict):
        return tuple(params) if isinstance(params, list) else params
    return {f"p{number}": params[number - 1] for number in set(order)}


def json_flag(dialect: Dialect, column: str, key: str) -> str:
    """A condition: the JSON object in ``column`` has ``key`` set to true."""
    if dialect == "postgresql":
        return f"({column}::jsonb -> '{key}') = 'true'::jsonb"
    return f"json_extract({column}, '$.{key}')"


def fts_filter(dialect: Dialect, table: str, alias: str) -> str:
    """A condition: row ``alias`` of ``table`` matches the full-text expression bound as one ``?``."""
    if dialect == "postgresql":
        return f"{alias}.stem_tsv @@ to_tsquery('simple', ?)"
    return f"{alias}.rid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"


def fts_window(dialect: Dialect, table: str, *, ranked: bool, offset: bool = False) -> str:
    """A subquery of the most recent matches (``rid``, and ``score`` when ``ranked``: lower is better).

    Parameters: the full-text expression, a limit and (``offset``) an offset.
    """
    tail = " LIMIT ? OFFSET ?" if offset else " LIMIT ?"
    if dialect == "postgresql":
        newest = f"SELECT rid FROM {table} WHERE stem_tsv @@ to_tsquery('simple', ?) ORDER BY rid DESC{tail}"
        if not ranked:
            return f"({newest})"
        # Rank only the newest matches, reading their vectors only (the expression is bound twice:
        # see fts_params).
        return (
            f"(SELECT t.rid, -ts_rank(t.stem_tsv, to_tsquery('simple', ?)) AS score"
            f" FROM ({newest}) newest JOIN {table} t ON t.rid = newest.rid)"
        )
    score = f", bm25({table}_fts) AS score" if ranked else ""
    return (
        f"(SELECT rowid AS rid{score} FROM {table}_fts WHERE {table}_fts MATCH ?"
        f" ORDER BY rowid DESC{tail})"
    )


def fts_params(dialect: Dialect, expression: str, *, ranked: bool) -> tuple[str, ...]:
    """The leading parameters of :func:`fts_window`: the expression (twice for a ranked PostgreSQL window)."""
    return (expression, expression) if ranked and dialect == "postgresql" else (expression,)
