"""A PostgreSQL store call's time limit travels with each read: no round trip, no session state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pgserver import Server
from wortlaut.store import QueryError, Store
from wortlaut.store.postgres import PgConnection


@pytest.fixture
def store(pg_server: Server) -> Iterator[Store]:
    opened = Store.open(pg_server.url(), query_timeout=0.05)
    yield opened
    opened.close()


def _sent(connection: PgConnection) -> list[str]:
    """Record the SQL the connection's cursors send to the server."""
    sent: list[str] = []
    raw_cursor = connection.raw.cursor

    def cursor(*args: object, **kwargs: object) -> object:
        inner = raw_cursor(*args, **kwargs)
        execute = inner.execute

        def recording(query: str, *rest: object, **more: object) -> object:
            sent.append(query)
            return execute(query, *rest, **more)

        inner.execute = recording
        return inner

    connection.raw.cursor = cursor  # type: ignore[method-assign]
    return sent


def test_the_limit_holds_inside_a_call_and_leaves_no_session_state(store: Store) -> None:
    setting = "SELECT current_setting('statement_timeout')"
    with store._bounded():
        assert store.reader.value(setting) == "50ms"
        assert store.connection.execute("SHOW statement_timeout").fetchone()[0] == "0"  # the session's
    assert store.connection.execute(setting).fetchone()[0] == "0"  # not a store read: no limit


def test_the_limit_costs_no_round_trip_of_its_own(store: Store) -> None:
    connection = store.connection
    assert isinstance(connection, PgConnection)
    sent = _sent(connection)
    with store._bounded():
        store.reader.rows("SELECT id FROM articles")
    with store._bounded():
        store.reader.rows("SELECT id FROM statements")
    assert len(sent) == 2  # one message per read
    assert all(query.startswith("SET LOCAL statement_timeout = 50; SELECT") for query in sent)


def test_a_failed_read_does_not_lose_the_limit(store: Store) -> None:
    with store._bounded():
        with pytest.raises(QueryError):
            store.search('"unclosed')
        with pytest.raises(Exception, match="no such"):
            store.reader.rows("SELECT nothing FROM no_such_table")
        assert store.reader.value("SELECT current_setting('statement_timeout')") == "50ms"
