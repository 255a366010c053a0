"""The store writes each statement, event and entity with the JSON of its entry in the article's record."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut._codec import encode
from wortlaut.store import Store
from wortlaut.store.text import normalize
from wortlaut.store.writer import prepare
from wortlaut.textnorm import match_words


def _json_column(path: Path, table: str) -> dict[str, object]:
    with sqlite3.connect(path) as connection:
        return {row[0]: json.loads(row[1]) for row in connection.execute(f"SELECT id, json FROM {table}")}


def test_item_rows_hold_the_json_of_each_item_encoded_alone(tmp_path: Path) -> None:
    articles = [rutte_article(), selenskyj_article()]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_many(articles, link=False)
    statements = _json_column(tmp_path / "s.sqlite", "statements")
    events = _json_column(tmp_path / "s.sqlite", "events")
    entities = _json_column(tmp_path / "s.sqlite", "entities")
    assert statements and entities
    for article in articles:
        for statement in article.statements:
            assert statements[f"{article.id}:{statement.id}"] == encode(statement)
        for event in article.events:
            assert events[f"{article.id}:{event.id}"] == encode(event)
        for entity in article.entities:
            assert entities[entity.id] == encode(entity)


def test_the_article_record_is_to_json(tmp_path: Path) -> None:
    article = rutte_article()
    with Store.open(tmp_path / "s.sqlite") as store:
        store.add_many([article], link=False)
    assert _json_column(tmp_path / "s.sqlite", "articles")[article.id] == article.to_json()


def test_normalize_remembers_names_and_folds_like_match_words() -> None:
    for name in ("Wolodymyr Selenskyj", "Selenskyj", "Ångström-Straße", "  "):
        assert normalize(name) == match_words(name) == normalize(name)


@dataclass(frozen=True)
class _Point:
    x: int
    label: str | None


@dataclass(frozen=True)
class _Custom:
    value: int

    def __json__(self) -> dict[str, int]:
        return {"v": self.value}


def test_the_codec_encodes_records_scalars_and_classes_as_before() -> None:
    assert encode(_Point(1, None)) == {"x": 1, "label": None}
    assert encode((_Point(2, "a"), [_Custom(3)], {"k": _Point(4, "b")})) == [
        {"x": 2, "label": "a"},
        [{"v": 3}],
        {"k": {"x": 4, "label": "b"}},
    ]
    assert encode(_Point) is _Point  # a dataclass type is not a record
    assert [encode(value) for value in (True, 1.5, "s", None)] == [True, 1.5, "s", None]


def _rows(path: Path) -> dict[str, list[str]]:
    """Every table's rows (sorted), without the time of ingest."""
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows: dict[str, list[str]] = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")]
            kept = ", ".join(f'"{column}"' for column in columns if column != "ingested_at")
            rows[table] = sorted(map(repr, connection.execute(f'SELECT {kept} FROM "{table}"')))
    return rows


def test_rows_prepared_elsewhere_are_the_rows_prepared_when_stored(tmp_path: Path) -> None:
    articles = [rutte_article(), selenskyj_article()]
    with Store.open(tmp_path / "here.sqlite") as store:
        store.add_many(articles, link=False)
    with Store.open(tmp_path / "given.sqlite") as store:
        store.add_many(articles, link=False, prepared={article.id: prepare(article) for article in articles})
    assert _rows(tmp_path / "here.sqlite") == _rows(tmp_path / "given.sqlite")
    assert _rows(tmp_path / "here.sqlite")["statements"]
