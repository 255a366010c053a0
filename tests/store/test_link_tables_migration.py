"""Schema 6: the linker's index tables are part of the versioned schema, and old stores keep their rows."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.link import HashingEncoder, update
from wortlaut.store import SCHEMA_VERSION, Store
from wortlaut.store.schema import MIGRATIONS, _split, schema_version

#: The linker's own tables as wortlaut.link.db created them on first use before schema 6 (the DDL of
#: the code before issue 18, copied here so that the test builds a store as that code left it).
_OLD_LINK_DDL = """
CREATE INDEX IF NOT EXISTS link_statement_groups_speaker ON statement_groups(speaker_entity, first_seen);
CREATE INDEX IF NOT EXISTS link_duplicates_of ON duplicates(duplicate_of);
CREATE TABLE IF NOT EXISTS link_lsh (band INTEGER NOT NULL, bucket TEXT NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS link_lsh_bucket ON link_lsh(band, bucket);
CREATE INDEX IF NOT EXISTS link_lsh_article ON link_lsh(article_id);
CREATE TABLE IF NOT EXISTS link_story_entities (
    story_id TEXT NOT NULL, entity TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (story_id, entity));
CREATE INDEX IF NOT EXISTS link_story_entities_entity ON link_story_entities(entity);
"""

_LINK_INDEX_TABLES = ("link_lsh", "link_story_entities")


def _version_5_store(path: Path, *, linked: bool) -> None:
    """A store as the code before schema 6 left it: migrations 1-5, link tables only once it linked."""
    connection = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:5]:
        for statement in _split(script):
            connection.execute(statement)
    if linked:
        connection.executescript(_OLD_LINK_DDL)
        connection.execute("INSERT INTO link_lsh VALUES (-1, 'hash-of-a', 'a'), (0, 'bucket', 'a')")
        connection.execute("INSERT INTO link_story_entities VALUES ('st:a', 'Q57661', 2)")
    connection.execute("PRAGMA user_version = 5")
    connection.close()


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}


def test_schema_6_declares_the_linker_index_tables() -> None:
    created = " ".join(_split(MIGRATIONS[5]))
    assert SCHEMA_VERSION >= 6
    assert all(f"CREATE TABLE IF NOT EXISTS {table}" in created for table in _LINK_INDEX_TABLES)


def test_a_linked_version_5_store_migrates_and_keeps_its_link_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _version_5_store(path, linked=True)
    with Store.open(path) as store:
        assert schema_version(store.connection) == SCHEMA_VERSION
        lsh = [tuple(row) for row in store.connection.execute("SELECT * FROM link_lsh ORDER BY band")]
        counts = [tuple(row) for row in store.connection.execute("SELECT * FROM link_story_entities")]
    assert lsh == [(-1, "hash-of-a", "a"), (0, "bucket", "a")]
    assert counts == [("st:a", "Q57661", 2)]


def test_a_never_linked_version_5_store_gets_the_tables_and_links(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _version_5_store(path, linked=False)
    with Store.open(path) as store:
        assert set(_LINK_INDEX_TABLES) <= _tables(store.connection)
        assert {"link_lsh_bucket", "link_statement_groups_speaker"} <= _tables(store.connection)
        store.add_many([rutte_article(), selenskyj_article()], link=False)
        update(store, [rutte_article().id, selenskyj_article().id], encoder=HashingEncoder())
        stored = store.connection.execute("SELECT COUNT(*) FROM link_lsh").fetchone()[0]
    assert stored > 0 and store.path == str(path)


@pytest.mark.parametrize(
    "first", ["wortlaut.link", "wortlaut.store", "wortlaut.store.loader", "wortlaut.scale.load"]
)
def test_link_and_store_import_in_either_order(first: str) -> None:
    """``Store.add_many`` links through ``wortlaut.link`` and the linker stores through ``wortlaut.store``."""
    code = f"import {first}; import wortlaut.link, wortlaut.store; print(wortlaut.store.Store.add_many)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
