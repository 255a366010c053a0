"""Builds the evaluation cases of the claims set: analysed articles with the gold anchors located."""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import Article, EntityRef, Span, Statement
from wortlaut.eval import claims_data as data
from wortlaut.eval.claims import EventCase, StatementCase
from wortlaut.pipeline import default_pipeline


def event_cases(data_dir: Path, splits: frozenset[str] | None = None) -> tuple[list[EventCase], list[str]]:
    """Each gold trigger in its article as the default pipeline analysed it; notes for anchors not found.

    ``splits`` limits the cases to those splits (the status classifier is trained without reading test).
    """
    pipeline = default_pipeline()
    articles: dict[str, Article] = {}
    cases, notes = [], []
    for gold in data.gold_events():
        if splits is not None and gold.split not in splits:
            continue
        if gold.source not in articles:
            articles[gold.source] = pipeline(data.source_article(data_dir, gold.source))
        article = articles[gold.source]
        trigger = data.find_trigger(article.text, gold)
        if trigger is None:
            notes.append(
                f"events: anchor not found: {gold.source} {gold.before!r} {gold.trigger} {gold.after!r}"
            )
            continue
        cases.append(EventCase(gold=gold, article=article, trigger=trigger))
    return cases, notes


def statement_cases(data_dir: Path) -> tuple[list[StatementCase], list[str]]:
    """Each gold statement as a :class:`Statement` over its gold spans (the hedge alone is scored)."""
    articles: dict[str, Article] = {}
    cases, notes = [], []
    for number, gold in enumerate(data.gold_statements(), 1):
        key = gold.source.split("#")[0]
        if key not in articles:
            articles[key] = data.source_article(data_dir, key)
        article = articles[key]
        statement = _statement(data_dir, article, gold, number)
        if statement is None:
            notes.append(f"statements: anchor not found: {gold.source} {gold.first!r}")
            continue
        cases.append(StatementCase(gold=gold, article=article, statement=statement))
    return cases, notes


def _span(article: Article, parts: list[tuple[int, int]]) -> Span | None:
    if not parts:
        return None
    return article.span(min(s for s, _ in parts), max(e for _, e in parts))


def _statement(data_dir: Path, article: Article, gold: data.GoldStatement, number: int) -> Statement | None:
    if "#" in gold.source:
        roles = data.wikinews_quotation(data_dir, gold.source)
        quote = _span(article, roles["quote"])
        if quote is None:
            return None
        speaker = _span(article, roles["speaker"])
        return Statement(
            id=f"gold:s{number}",
            mode="indirect",
            quote=quote,
            cue=_span(article, roles["cue"]),
            frame=_span(article, roles["frame"]),
            speaker=EntityRef(start=speaker.start, end=speaker.end, text=speaker.text) if speaker else None,
        )
    bounds = data.find_sentence(article.text, gold.first, gold.last)
    if bounds is None:
        return None
    quote = article.span(*bounds)
    return Statement(id=f"gold:s{number}", mode="reported", quote=quote) if quote else None
