"""Benchmark corpora from ../shared/data: the 10kGNAD news articles and the WikiNews quotation texts."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.article import Article
from wortlaut.settings import get_settings

SHARED_DIR = get_settings().paths.shared or Path(__file__).resolve().parents[1].parent / "shared"
GNAD_CSV = SHARED_DIR / "data" / "news-10kgnad" / "articles.csv"
WIKINEWS_DIR = SHARED_DIR / "data" / "quotes-wikinews"


class CorpusMissing(FileNotFoundError):
    """A benchmark corpus is not beside the project."""


def parse_gnad_line(line: str) -> tuple[str, str] | None:
    """``category;'text'`` with ``'`` escaped as ``''`` -> (category, text); None for blank lines."""
    line = line.rstrip("\r\n")
    if not line.strip():
        return None
    category, _, quoted = line.partition(";")
    text = quoted[1:-1] if len(quoted) >= 2 and quoted[0] == quoted[-1] == "'" else quoted
    return category, text.replace("''", "'")


def gnad_articles(path: Path = GNAD_CSV, *, limit: int | None = None) -> list[Article]:
    """The 10kGNAD test articles (1,028) as Articles with their category in ``meta``."""
    if not path.is_file():
        raise CorpusMissing(f"{path}: 10kGNAD articles.csv not found (needs ../shared)")
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parsed = parse_gnad_line(line)
        if parsed is not None:
            category, text = parsed
            articles.append(Article.create(text, language="de", meta={"category": category}))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def wikinews_articles(split: str = "dev", *, limit: int | None = None) -> list[Article]:
    """WikiNews quotation-corpus texts (``originalText``) of one split as Articles."""
    folder = WIKINEWS_DIR / split
    if not folder.is_dir():
        raise CorpusMissing(f"{folder}: WikiNews quotation corpus not found (needs ../shared)")
    articles = []
    for path in sorted(folder.glob("*.json"))[:limit]:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles.append(Article.create(data["originalText"], language="de", title=data.get("documentName")))
    return articles
