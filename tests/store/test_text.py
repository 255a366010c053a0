"""German stemming and the escaping of user queries before FTS5."""

from __future__ import annotations

import sqlite3

import pytest

from wortlaut.store import QueryError
from wortlaut.store.text import fts_query, normalize, stem_text


def test_inflected_forms_share_a_stem() -> None:
    assert stem_text("Friedensgespräche") == stem_text("Friedensgesprächen")


def test_normalize_ignores_case_and_diacritics() -> None:
    assert normalize("Sélenskyj") == normalize("SELENSKYJ") == "selenskyj"
    assert normalize("Weiß") == "weiss"


def test_every_term_is_quoted() -> None:
    assert fts_query("Friedensgespräche Ukraine") == '("friedensgesprach") AND ("ukrain")'


@pytest.mark.parametrize(
    "query",
    [
        "NEAR a b",
        "a AND",
        "x:y",
        "'; DROP TABLE articles; --",
        "^start",
        "col:term",
        "a + b",
        "{a b}",
        'a"" b',
    ],
)
def test_fts_operators_in_user_input_become_plain_terms(query: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(stem)")
    connection.execute("INSERT INTO t (stem) VALUES ('start col term near and')")
    connection.execute("SELECT * FROM t WHERE t MATCH ?", (fts_query(query),)).fetchall()  # no syntax error
    assert fts_query(query).count('"') % 2 == 0


def test_or_exclusion_phrase_and_prefix() -> None:
    assert fts_query("Rutte OR Selenskyj") == '("rutt" OR "selenskyj")'
    assert fts_query("Gipfel -Brüssel") == '("gipfel") NOT "brussel"'
    assert fts_query('"geeinte Position"') == '("geeint position")'
    assert fts_query("Friedens*") == '("friedens" *)'


@pytest.mark.parametrize(
    ("query", "message"),
    [('"open', "unbalanced"), ("OR a", "OR needs"), ("a OR", "OR needs"), ("-a", "only excludes"),
     ("(a)", "parentheses"), ("...", "no words"), ("x" * 600, "longer than")],
)  # fmt: skip
def test_malformed_queries_give_a_clear_message(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        fts_query(query)
