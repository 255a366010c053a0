"""The store's one read path: every read time-limited, rows read by column name."""

from __future__ import annotations

import sqlite3
import time

import pytest

from wortlaut.store import QueryTimeoutError
from wortlaut.store.reader import Reader

_ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n"


@pytest.fixture
def connection() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.execute("CREATE TABLE people (id TEXT, name TEXT)")
    connection.executemany("INSERT INTO people VALUES (?, ?)", [("p1", "Rutte"), ("p2", "Selenskyj")])
    return connection


def test_reader_rows_are_read_by_column_name(connection: sqlite3.Connection) -> None:
    reader = Reader(connection, timeout=5.0)
    rows = reader.rows("SELECT id, name AS speaker FROM people ORDER BY id")
    assert [(row["id"], row["speaker"]) for row in rows] == [("p1", "Rutte"), ("p2", "Selenskyj")]
    found = reader.row("SELECT name FROM people WHERE id = ?", ("p2",))
    assert found is not None and found["name"] == "Selenskyj"
    assert reader.row("SELECT name FROM people WHERE id = ?", ("p9",)) is None
    assert reader.value("SELECT COUNT(*) FROM people") == 2


def test_reader_leaves_the_connection_row_factory_alone(connection: sqlite3.Connection) -> None:
    Reader(connection, timeout=5.0).rows("SELECT id FROM people")
    assert connection.execute("SELECT id FROM people ORDER BY id").fetchone() == ("p1",)


def test_a_read_outside_any_block_gets_its_own_time_limit(connection: sqlite3.Connection) -> None:
    reader = Reader(connection, timeout=0.05)
    with pytest.raises(QueryTimeoutError, match=r"longer than 0\.05 s"):
        reader.value(_ENDLESS)
    assert reader.value("SELECT COUNT(*) FROM people") == 2  # the handler is gone afterwards


def test_nested_blocks_share_the_outer_deadline(connection: sqlite3.Connection) -> None:
    reader = Reader(connection, timeout=1.0)
    with pytest.raises(QueryTimeoutError), reader.bounded():
        time.sleep(1.0)  # the outer deadline has passed
        started = time.monotonic()
        reader.value(_ENDLESS)  # a block of its own would allow it a full second
    assert time.monotonic() - started < 0.9


def test_chunks_read_a_whole_table_in_pieces(connection: sqlite3.Connection) -> None:
    reader = Reader(connection, timeout=5.0)
    columns, chunks = reader.chunks("SELECT id, name FROM people ORDER BY id", size=1)
    assert columns == ["id", "name"]
    assert [[tuple(row) for row in chunk] for chunk in chunks] == [[("p1", "Rutte")], [("p2", "Selenskyj")]]
