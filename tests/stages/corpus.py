"""The articles the whole-pipeline tests run over: the shipped samples and, when present, the seeds."""

from __future__ import annotations

import json

from wortlaut.article import Article
from wortlaut.ingest import read_path
from wortlaut.samples import SAMPLES_DIR


def sample_articles() -> list[Article]:
    """The articles of ``src/wortlaut/samples`` (every input format), unanalysed."""
    return [item for item in read_path(SAMPLES_DIR) if isinstance(item, Article)]


def seed_articles() -> list[Article]:
    """The seed articles with their publication dates from ``expected.json`` (skips without ../shared)."""
    from tests.conftest import shared_path

    seeds = shared_path("seeds")
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    return [
        Article.create((seeds / case["file"]).read_text(encoding="utf-8"), published=case.get("published"))
        for case in expected["articles"]
    ]
