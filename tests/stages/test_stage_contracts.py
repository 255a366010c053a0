"""Every default stage, checked while it runs over the samples and seeds, writes only the fields it
declares and keeps every offset true (:mod:`wortlaut.contracts`); the checks are on here whatever
the environment says."""

from __future__ import annotations

import pytest

from tests.stages.corpus import sample_articles, seed_articles
from wortlaut.contracts import ARTICLE_FIELDS
from wortlaut.pipeline import DEFAULT_STAGES, Pipeline, default_pipeline


@pytest.fixture(scope="module")
def checked() -> Pipeline:
    """The default stages (resources shared with the default pipeline) with the contract checks on."""
    return Pipeline(default_pipeline().stages, check=True)


def test_the_checked_pipeline_is_the_whole_default_pipeline(checked: Pipeline) -> None:
    assert checked.names == tuple(name for name, _ in DEFAULT_STAGES)
    assert checked.check


def test_every_stage_keeps_its_contract_on_the_samples(checked: Pipeline) -> None:
    articles = sample_articles()
    assert len(articles) == 10
    analysed = list(checked.pipe(articles, batch_size=4))
    assert [a.statements for a in analysed] == [checked(a).statements for a in articles]


def test_every_stage_keeps_its_contract_on_the_seeds(checked: Pipeline) -> None:
    articles = seed_articles()
    assert articles
    for article in articles:
        checked(article)


def test_each_stage_changes_only_fields_it_declares_and_some_field(checked: Pipeline) -> None:
    changed: dict[str, set[str]] = {name: set() for name in checked.names}
    for article in sample_articles():
        for stage in checked.stages:
            result = stage(article)
            changed[stage.name] |= {f for f in ARTICLE_FIELDS if getattr(result, f) != getattr(article, f)}
            article = result
    for stage in checked.stages:
        assert changed[stage.name] <= {field.partition(".")[0] for field in stage.writes}, stage.name
        assert changed[stage.name], f"{stage.name} changed nothing on the samples"
