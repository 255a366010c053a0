"""The stage registry and order checks of :mod:`wortlaut.pipeline`."""

from __future__ import annotations

from typing import ClassVar

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline, PipelineError, Stage, register_stage, stage_class


@register_stage("test.upper.v1")
class UpperTitle(Stage):
    provides: ClassVar[tuple[str, ...]] = ("title",)

    def __call__(self, article: Article) -> Article:
        return article.with_layers(title=article.text.split("\n")[0].upper())


@register_stage("test.needs_title.v1")
class NeedsTitle(Stage):
    requires: ClassVar[tuple[str, ...]] = ("title",)

    def __call__(self, article: Article) -> Article:
        return article.with_layers(source=f"len={len(article.title or '')}")


def test_registered_stage_is_found_by_name() -> None:
    assert stage_class("test.upper.v1") is UpperTitle


def test_unknown_stage_names_the_registered_ones() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        stage_class("nope")


def test_pipeline_rejects_stage_before_its_requirements() -> None:
    with pytest.raises(PipelineError, match="needs \\['title'\\]"):
        Pipeline([NeedsTitle(), UpperTitle()])


def test_pipeline_runs_stages_in_order_and_keeps_input_unchanged() -> None:
    article = Article.create("Kurz\nText")
    result = Pipeline([UpperTitle(), NeedsTitle()])(article)
    assert result.title == "KURZ"
    assert result.source == "len=4"
    assert article.title is None


def test_pipe_gives_same_result_as_call() -> None:
    pipeline = Pipeline([UpperTitle(), NeedsTitle()])
    articles = [Article.create(f"Titel {n}\nText") for n in range(5)]
    assert list(pipeline.pipe(articles, batch_size=2)) == [pipeline(a) for a in articles]
