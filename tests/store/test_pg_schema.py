"""The PostgreSQL schema: built from the SQLite migrations, same version, idempotent, full-text by GIN."""

from __future__ import annotations

import pytest

from tests.pgserver import Server
from wortlaut.store import SCHEMA_VERSION, Store
from wortlaut.store.migrations import MIGRATIONS
from wortlaut.store.pg_schema import NOT_NEEDED, PG_EXTRAS, pg_migration, sqlite_only, table_ddl
from wortlaut.store.schema import SchemaError, _split, migrate, schema_version


def test_every_sqlite_trigger_has_a_postgresql_counterpart_or_a_reason() -> None:
    for number, script in enumerate(MIGRATIONS, start=1):
        for name in sqlite_only(_split(script)):
            assert name in NOT_NEEDED or name in PG_EXTRAS[number - 1] or name.endswith("_fts"), name


def test_table_ddl_maps_sqlite_types_and_keeps_bytewise_text_order() -> None:
    ddl = table_ddl("CREATE TABLE t (rid INTEGER PRIMARY KEY, n INTEGER, v BLOB, x TEXT) WITHOUT ROWID;")
    assert ddl == 'CREATE TABLE t (rid BIGSERIAL PRIMARY KEY, n BIGINT, v BYTEA, x TEXT COLLATE "C");'


def test_pg_migrations_drop_fts5_and_triggers() -> None:
    script = pg_migration(1, _split(MIGRATIONS[0]))
    assert "fts5" not in script and "to_tsvector('simple', stem)" in script


@pytest.fixture
def url(pg_server: Server) -> str:
    return pg_server.url()


def test_new_pg_store_is_at_current_version_with_gin_indexes(url: str) -> None:
    with Store.open(url) as store:
        assert store.dialect == "postgresql"
        assert schema_version(store.connection) == SCHEMA_VERSION
        rows = store.connection.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin%'")
        indexes = {row[0] for row in rows}
    assert {"articles_stem_tsv", "statements_stem_tsv"} <= indexes


def test_pg_migrate_is_idempotent(url: str) -> None:
    Store.open(url).close()
    with Store.open(url) as store:
        assert migrate(store.connection) == SCHEMA_VERSION


def test_pg_store_from_a_newer_wortlaut_is_refused(url: str) -> None:
    Store.open(url).close()
    with Store.open(url) as store:
        store.connection.execute("UPDATE wortlaut_schema SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(SchemaError, match="knows up to"):
        Store.open(url)


def test_pg_store_opened_read_only_refuses_writes_on_the_server(url: str) -> None:
    Store.open(url).close()
    with Store.open(url, readonly=True) as store, pytest.raises(Exception, match="read-only"):
        store.connection.execute("DELETE FROM articles")
