"""The statement dating stage: event, post, time and publication dates, and its shortcut."""

from __future__ import annotations

import pytest

from tests.stages.corpus import sample_articles, seed_articles
from tests.stages.test_events import make, statement
from wortlaut.article import Article, DateInfo, Span, Statement
from wortlaut.contracts import check_stage
from wortlaut.events.dating import statement_date
from wortlaut.events.finder import EventFinder, event_sentences
from wortlaut.events.merge import sentence_dates
from wortlaut.pipeline import Pipeline, default_pipeline
from wortlaut.stages.dating import DatingStage
from wortlaut.stages.events import EventsStage
from wortlaut.stages.times import TimesStage


class Checked:
    """Times, events and dating over hand-built layers (no pipeline: its order check wants the
    stages that write those layers), each stage held to its contract."""

    def __init__(self) -> None:
        self.stages = (TimesStage(), EventsStage(), DatingStage())

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            result = stage(article)
            check_stage(stage.name, stage.writes, article, result)
            article = result
        return article


@pytest.fixture(scope="module")
def stages() -> Checked:
    return Checked()


def test_statement_dated_by_its_event(stages: Checked) -> None:
    text = "Während eines Treffens am Dienstag mit Selenskyj sagte Rutte, er wolle Wege erkunden."
    article = make(text)
    article = article.with_layers(statements=(statement(article, "er wolle Wege erkunden", "sagte"),))
    (dated,) = stages(article).statements
    assert dated.date is not None and (dated.date.value, dated.date.source) == ("2024-12-17", "event")


def test_statement_falls_back_to_time_then_published(stages: Checked) -> None:
    text = "Am Montag sagte Rutte, er sei zufrieden. Rutte sagte, er sei froh."
    article = make(text)
    first = statement(article, "er sei zufrieden", "sagte")
    second_start = text.index("er sei froh")
    second = Statement(
        id="s2", mode="indirect", quote=Span(start=second_start, end=second_start + 11, text="er sei froh")
    )
    article = stages(article.with_layers(statements=(first, second)))
    assert [(s.date.value, s.date.source) for s in article.statements if s.date] == [
        ("2024-12-16", "time"),
        ("2024-12-18", "published"),
    ]
    undated = stages(make(text, published=None).with_layers(statements=(second,)))
    assert undated.statements[0].date is None


def test_a_dated_statement_keeps_its_date(stages: Checked) -> None:
    text = "Am Montag sagte Rutte, er sei zufrieden."
    article = make(text)
    given = DateInfo(value="2024-01-01", source="post")
    kept = statement(article, "er sei zufrieden", "sagte")
    article = article.with_layers(statements=(Statement(id="s1", mode="post", quote=kept.quote, date=given),))
    assert stages(article).statements[0].date == given


def test_events_are_not_clustered_again_when_no_undated_statement_sits_in_a_dated_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dating = DatingStage()

    def refuse(*_: object) -> None:
        raise AssertionError("clustered again although no event date can apply")

    monkeypatch.setattr(dating.events, "clusters", refuse)
    text = "Am Montag sagte Rutte, er sei zufrieden."
    article = TimesStage()(make(text))
    article = EventsStage()(
        article.with_layers(statements=(statement(article, "er sei zufrieden", "sagte"),))
    )
    assert dating(article).statements[0].date == DateInfo(value="2024-12-16", source="time")


def _dated_the_long_way(article: Article) -> tuple[Statement, ...]:
    """Every undated statement dated with the event clusters always computed (no shortcut)."""
    sentences = event_sentences(article)
    dates = sentence_dates(EventFinder().clusters(article, sentences))
    return tuple(
        s if s.date else Statement(**{**_fields(s), "date": statement_date(article, s, dates, sentences)})
        for s in article.statements
    )


def _fields(statement: Statement) -> dict[str, object]:
    return {name: getattr(statement, name) for name in Statement.__dataclass_fields__}


def _before_dating(pipeline: Pipeline, article: Article) -> Article:
    for stage in pipeline.stages[:-1]:
        article = stage(article)
    return article


def test_the_shortcut_gives_the_dates_of_the_long_way_on_samples_and_seeds() -> None:
    pipeline = default_pipeline()
    assert pipeline.names[-1] == "statements.dating.v1"
    try:
        articles = sample_articles() + seed_articles()
    except pytest.skip.Exception:
        articles = sample_articles()
    compared = 0
    for article in articles:
        ready = _before_dating(pipeline, article)
        assert pipeline.stages[-1](ready).statements == _dated_the_long_way(ready)
        compared += len(ready.statements)
    assert compared > 10
