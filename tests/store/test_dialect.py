"""The SQLite → PostgreSQL rewrite rules (no server needed) and the tsquery form of user queries."""

from __future__ import annotations

import pytest

from wortlaut.store.dialect import bind, to_postgres
from wortlaut.store.text import fts_query


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT * FROM t WHERE a = ? AND b LIKE '%x?'", "SELECT * FROM t WHERE a = %s AND b LIKE '%%x?'"),
        ("INSERT OR IGNORE INTO link_pending (article_id) VALUES (?)",
         "INSERT INTO link_pending (article_id) VALUES (%s) ON CONFLICT DO NOTHING"),
        ("INSERT OR REPLACE INTO duplicates(article_id, duplicate_of) VALUES (?, ?)",
         'INSERT INTO duplicates(article_id, duplicate_of) VALUES (%s, %s) ON CONFLICT (article_id)'
         ' DO UPDATE SET "duplicate_of" = EXCLUDED."duplicate_of"'),
        ("SELECT group_concat(DISTINCT m.entity) FROM m", "SELECT string_agg(DISTINCT m.entity, ',') FROM m"),
        ("SELECT substr(t, 1, instr(t, char(10)))", "SELECT substr(t, 1, strpos(t, chr(10)))"),
        ("SELECT s FROM x INDEXED BY x_i WHERE a = ?", "SELECT s FROM x WHERE a = %s"),
        ("UPDATE g SET f = MIN(f, ?)", "UPDATE g SET f = LEAST(f, %s)"),
        ("BEGIN IMMEDIATE", "BEGIN"),
    ],
)  # fmt: skip
def test_sqlite_idioms_are_rewritten_for_postgresql(sqlite: str, postgres: str) -> None:
    assert to_postgres(sqlite)[0] == postgres


def test_replacing_an_embedding_gives_it_a_new_rowid_as_sqlite_does() -> None:
    sql, _ = to_postgres("INSERT OR REPLACE INTO embeddings(kind, item_id, vector) VALUES (?, ?, ?)")
    assert sql.endswith('DO UPDATE SET "vector" = EXCLUDED."vector", rowid = DEFAULT')


def test_numbered_parameters_become_named_ones() -> None:
    sql, order = to_postgres("SELECT * FROM p WHERE e = ?1 AND f != ?1 LIMIT ?2")
    assert sql == "SELECT * FROM p WHERE e = %(p1)s AND f != %(p1)s LIMIT %(p2)s"
    assert bind(("x", 5), order) == {"p1": "x", "p2": 5}


@pytest.mark.parametrize(
    ("query", "tsquery"),
    [
        ("Friedensgespräche Ukraine", "('friedensgesprach') & ('ukrain')"),
        ("Rutte OR Selenskyj", "('rutt' | 'selenskyj')"),
        ("Gipfel -Brüssel", "('gipfel') & !'brussel'"),
        ('"geeinte Position"', "(('geeint' <-> 'position'))"),
        ("Friedens*", "('friedens':*)"),
    ],
)
def test_user_queries_become_tsqueries_over_the_same_stems(query: str, tsquery: str) -> None:
    assert fts_query(query, "postgresql") == tsquery
