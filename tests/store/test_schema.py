"""Schema migrations, WAL mode and read-only access from standard SQLite tools."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from wortlaut.store import SCHEMA_VERSION, Store, StoreError
from wortlaut.store.schema import MIGRATIONS, SchemaError, _split, migrate, schema_version


def test_new_store_is_at_current_version_in_wal_mode(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        assert schema_version(store.connection) == SCHEMA_VERSION
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrate_is_idempotent(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.sqlite").close()
    with Store.open(tmp_path / "s.sqlite") as store:
        assert migrate(store.connection) == SCHEMA_VERSION
        names = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master")}
    expected = ("articles", "statements", "statement_groups", "statement_group_members", "stories",
                "story_articles", "duplicates", "embeddings", "articles_fts", "statements_fts")  # fmt: skip
    for table in expected:
        assert table in names


def test_store_from_a_newer_wortlaut_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(SchemaError, match="knows up to"):
        Store.open(path)


def test_a_file_that_is_not_a_store_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not a database " * 100)
    with pytest.raises(StoreError, match="not a wortlaut store"):
        Store.open(path)


def test_store_opens_read_only_in_python_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("INSERT INTO sources (name) VALUES ('x')")


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 command-line tool")
def test_store_opens_read_only_in_the_sqlite3_shell(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    result = subprocess.run(["sqlite3", "-readonly", str(path), "SELECT COUNT(*) FROM statements;"],
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert result.stdout.strip() == "0"


def test_upgrade_from_version_1_backfills_entity_counts(tmp_path: Path) -> None:
    from tests.store.samples import rutte_article
    from wortlaut.store.writer import add_article

    path = tmp_path / "old.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    for statement in _split(MIGRATIONS[0]):
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    add_article(connection, rutte_article())  # written by a version-1 wortlaut: no counts kept
    connection.execute("COMMIT")
    connection.close()
    with Store.open(path) as store:
        assert schema_version(store.connection) == SCHEMA_VERSION
        page = store.person("Rutte")
        assert (page.statements, page.events) == (2, 1)


def test_entity_counts_follow_replacements(tmp_path: Path) -> None:
    from tests.store.samples import rutte_article

    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_many([rutte_article()], link=False)
        store.add_many([rutte_article(quote="Neu.")], link=False)  # same URL: replaces
        page = store.person("Rutte")
        assert (page.statements, page.events) == (2, 1)
        rows = store.connection.execute(
            "SELECT entity, statements, events FROM entity_counts ORDER BY entity"
        )
        assert rows.fetchall() == [("Q3881739", 1, 1), ("Q57792", 2, 1)]
