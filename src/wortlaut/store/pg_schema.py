"""The store's schema on PostgreSQL: the same numbered migrations, the same version numbers.

Each PostgreSQL migration is built from the SQLite one (:mod:`wortlaut.store.migrations`):
its ``CREATE TABLE``/``INDEX`` and data statements are rewritten mechanically
(:func:`table_ddl`: ``BIGSERIAL`` for SQLite's ``INTEGER PRIMARY KEY``, ``BYTEA``
for ``BLOB``, ``COLLATE "C"`` on every text column so that comparisons and
ordering are bytewise, as in SQLite), and its triggers and full-text tables,
which PostgreSQL writes differently, are replaced by :data:`PG_EXTRAS`:

- full-text search: a generated ``stem_tsv`` column, ``to_tsvector('simple', stem)``, with a GIN
  index.  ``stem`` holds the project's own German stems (:mod:`wortlaut.store.text`); the
  ``simple`` configuration only lower-cases, so both engines match the same stems (PostgreSQL's
  ``german`` configuration would stem a second time, differently, and drop stop words);
- the trigger bodies as PL/pgSQL functions;
- ``rowid`` columns on the tables whose queries order by SQLite's implicit rowid.

The version lives in ``wortlaut_schema`` (SQLite keeps it in ``PRAGMA user_version``).
"""

from __future__ import annotations

import re

from wortlaut.store.migrations import MIGRATIONS

_TEXT = 'TEXT COLLATE "C"'
_TYPES = (
    (re.compile(r"\b(\w+) INTEGER PRIMARY KEY\b"), r"\1 BIGSERIAL PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bTEXT\b"), _TEXT),
    (re.compile(r"\)\s*WITHOUT ROWID"), ")"),
)
_IGNORE_SELECT = re.compile(r"^INSERT OR IGNORE INTO (.*)$", re.DOTALL)
#: SQLite-only statements: full-text tables and triggers (replaced by :data:`PG_EXTRAS`).
_SQLITE_ONLY = re.compile(r"^\s*CREATE\s+(VIRTUAL\s+TABLE|TRIGGER)\b", re.IGNORECASE)

#: ``STORAGE MAIN`` keeps each row's (compressed) vector in the row itself, where PostgreSQL would move
#: an article's out of line first (its largest column): ranking a search's 1,000 newest matching
#: articles with ``ts_rank`` then reads no TOAST table (measured on the 1 M benchmark store, issue 19:
#: reading the 1,000 vectors 3.7-12 ms out of line against 1.6-4.6 ms in the row).
_FTS = """
ALTER TABLE {table} ADD COLUMN IF NOT EXISTS stem_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', stem)) STORED;
ALTER TABLE {table} ALTER COLUMN stem_tsv SET STORAGE MAIN;
CREATE INDEX IF NOT EXISTS {table}_stem_tsv ON {table} USING GIN (stem_tsv);
"""


def _trigger(name: str, when: str, table: str, body: str, *, condition: str = "") -> str:
    """A PL/pgSQL function ``wl_<name>`` holding ``body`` and a row trigger running it."""
    where = f" WHEN ({condition})" if condition else ""
    return (
        f"CREATE OR REPLACE FUNCTION wl_{name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{body}\nRETURN NULL;\nEND $$;\n"
        f"DROP TRIGGER IF EXISTS {name} ON {table};\n"
        f"CREATE TRIGGER {name} AFTER {when} ON {table} FOR EACH ROW{where} EXECUTE FUNCTION wl_{name}();\n"
    )


_V1_EXTRAS = (
    _FTS.format(table="articles")
    + _FTS.format(table="statements")
    + "ALTER TABLE event_participants ADD COLUMN IF NOT EXISTS rowid BIGSERIAL;\n"
    + "ALTER TABLE embeddings ADD COLUMN IF NOT EXISTS rowid BIGSERIAL;\n"
)
_V2_EXTRAS = (
    "CREATE INDEX IF NOT EXISTS event_participants_entity_rowid ON event_participants(entity, rowid);\n"
    + _trigger(
        "entity_counts_statement_insert", "INSERT", "statements",
        "INSERT INTO entity_counts (entity, statements) VALUES (NEW.speaker_entity, 1)"
        " ON CONFLICT (entity) DO UPDATE SET statements = entity_counts.statements + 1;",
        condition="NEW.speaker_entity IS NOT NULL",
    )
    + _trigger(
        "entity_counts_statement_delete", "DELETE", "statements",
        "UPDATE entity_counts SET statements = statements - 1 WHERE entity = OLD.speaker_entity;",
        condition="OLD.speaker_entity IS NOT NULL",
    )
    + _trigger(
        "entity_counts_statement_update", "UPDATE OF speaker_entity", "statements",
        "UPDATE entity_counts SET statements = statements - 1 WHERE entity = OLD.speaker_entity;\n"
        "IF NEW.speaker_entity IS NOT NULL THEN\n"
        "INSERT INTO entity_counts (entity, statements) VALUES (NEW.speaker_entity, 1)"
        " ON CONFLICT (entity) DO UPDATE SET statements = entity_counts.statements + 1;\nEND IF;",
        condition="OLD.speaker_entity IS DISTINCT FROM NEW.speaker_entity",
    )
    + _trigger(
        "entity_counts_event_insert", "INSERT", "event_participants",
        "INSERT INTO entity_counts (entity, events) VALUES (NEW.entity, 1)"
        " ON CONFLICT (entity) DO UPDATE SET events = entity_counts.events + 1;",
        condition="NEW.entity IS NOT NULL",
    )
    + _trigger(
        "entity_counts_event_delete", "DELETE", "event_participants",
        "UPDATE entity_counts SET events = events - 1 WHERE entity = OLD.entity;",
        condition="OLD.entity IS NOT NULL",
    )
)
_V3_EXTRAS = (
    _trigger(
        "alias_evidence_insert", "INSERT", "alias_evidence",
        "INSERT INTO alias_counts (norm, entity_id, articles) VALUES (NEW.norm, NEW.entity_id, 1)"
        " ON CONFLICT (norm, entity_id) DO UPDATE SET articles = alias_counts.articles + 1;",
    )
    + _trigger(
        "alias_evidence_delete", "DELETE", "alias_evidence",
        "UPDATE alias_counts SET articles = articles - 1"
        " WHERE norm = OLD.norm AND entity_id = OLD.entity_id;\n"
        "DELETE FROM alias_counts WHERE norm = OLD.norm AND entity_id = OLD.entity_id AND articles <= 0;\n"
        "INSERT INTO alias_dirty (norm) VALUES (OLD.norm) ON CONFLICT DO NOTHING;",
    )
    + _trigger(
        "articles_alias_delete", "DELETE", "articles",
        "DELETE FROM alias_evidence WHERE article_id = OLD.id;\n"
        "DELETE FROM alias_locals WHERE article_id = OLD.id;\n"
        "DELETE FROM entity_merges WHERE article_id = OLD.id;",
    )
)
_V4_EXTRAS = _trigger(
    "articles_link_pending_delete", "DELETE", "articles",
    "DELETE FROM link_pending WHERE article_id = OLD.id;",
)
# Version 5's trigger (delete a watch's seen rows) is the foreign key's ON DELETE CASCADE, which
# PostgreSQL enforces (SQLite does only with PRAGMA foreign_keys, hence the trigger there).

#: PostgreSQL statements of each version that replace its SQLite-only ones (triggers, FTS5 tables).
PG_EXTRAS: tuple[str, ...] = (_V1_EXTRAS, _V2_EXTRAS, _V3_EXTRAS, _V4_EXTRAS, "", "", "", "")
#: SQLite triggers that need no PostgreSQL trigger, and why (checked by a test).
NOT_NEEDED = {
    "articles_fts_insert": "generated column",
    "articles_fts_delete": "generated column",
    "articles_fts_update": "generated column",
    "statements_fts_insert": "generated column",
    "statements_fts_delete": "generated column",
    "statements_fts_update": "generated column",
    "watches_delete": "ON DELETE CASCADE",
}

VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS wortlaut_schema (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),"
    " version INTEGER NOT NULL);"
    " INSERT INTO wortlaut_schema (one, version) VALUES (TRUE, 0) ON CONFLICT DO NOTHING;"
)


def table_ddl(statement: str) -> str:
    """One SQLite table, index or data statement rewritten for PostgreSQL (see the module docstring)."""
    for pattern, replacement in _TYPES:
        statement = pattern.sub(replacement, statement)
    ignore = _IGNORE_SELECT.match(statement)
    if ignore:
        statement = f"INSERT INTO {ignore.group(1).rstrip().rstrip(';')} ON CONFLICT DO NOTHING;"
    return statement


def pg_migration(number: int, statements: list[str]) -> str:
    """The PostgreSQL script of version ``number``, from the statements of its SQLite script."""
    kept = [table_ddl(statement) for statement in statements if not _SQLITE_ONLY.match(statement)]
    return "\n".join(kept) + "\n" + PG_EXTRAS[number - 1]


def sqlite_only(statements: list[str]) -> list[str]:
    """The names of the SQLite-only objects (triggers, FTS tables) among the statements."""
    names = []
    for statement in statements:
        if _SQLITE_ONLY.match(statement):
            found = re.search(r"IF NOT EXISTS (\w+)", statement)
            if found:
                names.append(found.group(1))
    return names


assert len(PG_EXTRAS) == len(MIGRATIONS), "every migration needs its PostgreSQL extras (maybe empty)"
