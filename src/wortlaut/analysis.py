"""The library entry point for analysing one text or article."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline, default_pipeline


def analyze_article(article: Article, *, pipeline: Pipeline | None = None) -> Article:
    """Run the (default) pipeline over an article and return the analysed copy."""
    return (pipeline or default_pipeline())(article)


def analyze(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Analyse a text: ``wortlaut.analyze(text, published="2024-12-18")``.

    ``published`` (ISO date) anchors relative dates such as ``am Mittwoch``;
    without it they stay relative instead of being guessed.
    """
    article = Article.create(text, published=published, title=title, url=url, source=source)
    return analyze_article(article, pipeline=pipeline)
