"""The Article record: JSON round trip, offsets, the documented schema."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

import wortlaut.article as model
from wortlaut.article import SCHEMA, Article, content_id
from wortlaut.ingest import read_path
from wortlaut.pipeline import build_pipeline

from .ingest.helpers import SAMPLES

SCHEMA_DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"
RECORDS = [
    model.Span,
    model.EntityRef,
    model.Structure,
    model.Post,
    model.LanguageSpan,
    model.Token,
    model.Entity,
    model.Role,
    model.Mention,
    model.Statement,
    model.DateInfo,
    model.TimeExpr,
    model.Event,
]


def schema_example() -> dict[str, object]:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert block is not None
    data: dict[str, object] = json.loads(block.group(1))
    return data


def spans_in(value: object) -> list[dict[str, object]]:
    """Every JSON object with start/end/text below ``value``."""
    found: list[dict[str, object]] = []
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            found.append(value)
        for item in value.values():
            found.extend(spans_in(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(spans_in(item))
    return found


def test_schema_example_round_trips_and_its_spans_point_into_the_text() -> None:
    data = schema_example()
    article = Article.from_json(data)
    assert article.to_json() == data
    spans = spans_in({key: value for key, value in data.items() if key != "text"})
    assert len(spans) > 20
    for span in spans:
        start, end = int(str(span["start"])), int(str(span["end"]))
        assert article.text[start:end] == span["text"]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.__name__)
def test_every_record_field_is_documented(record: type) -> None:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    section = text.split(f"### {record.__name__}\n", 1)[1].split("\n### ", 1)[0]
    for field in dataclasses.fields(record):
        assert f"| `{field.name}` |" in section, f"{record.__name__}.{field.name} missing in docs/schema.md"


def test_every_article_field_is_documented() -> None:
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    for name in ["schema", *(field.name for field in dataclasses.fields(Article))]:
        assert f"| `{name}` |" in text


def test_analysed_samples_round_trip_through_json() -> None:
    pipeline = build_pipeline(
        [
            ("structure.rules.v1", "wortlaut.stages.structure"),
            ("language.lingua.v1", "wortlaut.stages.language"),
        ]
    )
    articles = [pipeline(item) for item in read_path(SAMPLES) if isinstance(item, Article)]
    assert len(articles) == 10
    for article in articles:
        encoded = json.loads(json.dumps(article.to_json(), ensure_ascii=False))
        assert encoded["schema"] == SCHEMA
        assert Article.from_json(encoded) == article


def test_id_is_content_hash_unless_given() -> None:
    assert Article.create("Text").id == content_id("Text") == Article.create("Text").id
    assert Article.create("Text", id="given").id == "given"


def test_other_schema_is_rejected() -> None:
    with pytest.raises(ValueError, match="unsupported schema"):
        Article.from_json({"schema": "wortlaut/0", "id": "x", "text": ""})
