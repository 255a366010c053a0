"""Paths of the ingest fixtures and the shipped samples, and a splitter for reader output."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from wortlaut.article import Article
from wortlaut.ingest import IngestError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SAMPLES = Path(str(files("wortlaut").joinpath("samples")))


def split(items: Iterable[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    """Articles and errors of a reader's output, each in order."""
    articles: list[Article] = []
    errors: list[IngestError] = []
    for item in items:
        (articles if isinstance(item, Article) else errors).append(item)  # type: ignore[arg-type]
    return articles, errors
