"""Paths of the ingest fixtures and the shipped samples, and a splitter for reader output."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wortlaut.article import Article
from wortlaut.ingest import IngestError
from wortlaut.samples import SAMPLES_DIR

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SAMPLES = SAMPLES_DIR


def split(items: Iterable[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    """Articles and errors of a reader's output, each in order."""
    articles: list[Article] = []
    errors: list[IngestError] = []
    for item in items:
        (articles if isinstance(item, Article) else errors).append(item)  # type: ignore[arg-type]
    return articles, errors
