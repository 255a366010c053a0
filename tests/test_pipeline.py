"""The stage registry, declarations, order checks, options and check mode of :mod:`wortlaut.pipeline`."""

from __future__ import annotations

from typing import ClassVar

import pytest

from wortlaut.article import Article, Span
from wortlaut.contracts import ContractError
from wortlaut.pipeline import (
    DEFAULT_STAGES,
    Pipeline,
    PipelineError,
    Stage,
    build_pipeline,
    check_order,
    register_stage,
    stage_class,
)


@register_stage("test.lines.v1")
class Lines(Stage):
    """One sentence per line."""

    reads: ClassVar[tuple[str, ...]] = ("text",)
    writes: ClassVar[tuple[str, ...]] = ("sentences",)

    def __init__(self, *, upper: bool = False) -> None:
        self.upper = upper

    def __call__(self, article: Article) -> Article:
        spans, start = [], 0
        for line in article.text.split("\n"):
            spans.append(Span(start=start, end=start + len(line), text=line))
            start += len(line) + 1
        return article.with_layers(sentences=tuple(spans), title="UPPER" if self.upper else None)


@register_stage("test.count.v1")
class CountSentences(Stage):
    reads: ClassVar[tuple[str, ...]] = ("sentences",)
    writes: ClassVar[tuple[str, ...]] = ("source",)

    def __call__(self, article: Article) -> Article:
        return article.with_layers(source=f"sentences={len(article.sentences)}")


TEST_STAGES = (("test.lines.v1", __name__), ("test.count.v1", __name__))


def test_registered_stage_is_found_by_name() -> None:
    assert stage_class("test.lines.v1") is Lines


def test_unknown_stage_names_the_registered_ones() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        stage_class("nope")


def test_pipeline_rejects_stage_before_the_stage_that_writes_what_it_reads() -> None:
    with pytest.raises(PipelineError, match=r"'test.count.v1' reads \['sentences'\].*later.*test.lines.v1"):
        Pipeline([CountSentences(), Lines()])


def test_swapped_default_stages_fail_at_build_time_naming_both() -> None:
    swapped = [stage for stage in DEFAULT_STAGES if stage[0] != "statements.rules.v1"]
    swapped.append(("statements.rules.v1", "wortlaut.stages.statements"))
    with pytest.raises(
        PipelineError,
        match=r"'statements.dating.v1' reads \['statements'\], written only by .*statements.rules.v1",
    ):
        build_pipeline(swapped)


def test_dating_without_any_statements_stage_fails_at_build_time() -> None:
    without = [stage for stage in DEFAULT_STAGES if stage[0] != "statements.rules.v1"]
    with pytest.raises(PipelineError, match="written by no stage"):
        build_pipeline(without)


def test_default_stages_are_in_order_and_each_writes_something() -> None:
    classes = [stage_class(name, module) for name, module in DEFAULT_STAGES]
    check_order(classes)
    assert all(cls.writes for cls in classes)


def test_pipeline_runs_stages_in_order_and_keeps_input_unchanged() -> None:
    article = Article.create("Kurz\nText\nEnde")
    result = Pipeline([Lines(), CountSentences()])(article)
    assert result.source == "sentences=3"
    assert article.sentences == () and article.source is None


def test_pipe_gives_same_result_as_call() -> None:
    pipeline = Pipeline([Lines(), CountSentences()], check=True)
    articles = [Article.create(f"Titel {n}\nText") for n in range(5)]
    assert list(pipeline.pipe(articles, batch_size=2)) == [pipeline(a) for a in articles]


def test_registering_a_taken_name_again_raises() -> None:
    with pytest.raises(PipelineError, match=r"'test\.lines\.v1' is taken by .*Lines"):

        @register_stage("test.lines.v1")
        class Other(Stage):
            writes: ClassVar[tuple[str, ...]] = ("sentences",)


def test_registering_the_same_class_again_is_allowed() -> None:
    again = type("Lines", (Stage,), {"__module__": Lines.__module__, "__qualname__": Lines.__qualname__})
    try:
        assert register_stage("test.lines.v1")(again) is again
        assert stage_class("test.lines.v1") is again
    finally:
        register_stage("test.lines.v1")(Lines)


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        ({"reads": ("tokenz",)}, "reads 'tokenz': 'tokenz' is no Article field"),
        ({"writes": ("structure.nope",)}, "'nope' is no field of Structure"),
        ({"writes": ("tokens.pos",)}, "'tokens' holds no record with parts"),
        ({"writes": "tokens"}, "must be a tuple of field names"),
        ({"requires": ("tokens",)}, "declares requires; declare reads/writes"),
    ],
)
def test_registration_rejects_bad_declarations(declaration: dict[str, object], message: str) -> None:
    cls = type("Bad", (Stage,), dict(declaration))
    with pytest.raises(PipelineError, match=message):
        register_stage("test.bad.v1")(cls)


def test_options_reach_the_stage_constructor() -> None:
    pipeline = build_pipeline(TEST_STAGES, options={"test.lines.v1": {"upper": True}})
    lines = pipeline.stages[0]
    assert isinstance(lines, Lines) and lines.upper


def test_unknown_option_names_stage_and_option() -> None:
    with pytest.raises(
        PipelineError, match=r"stage 'test.lines.v1' has no option 'lower' \(it takes: upper\)"
    ):
        build_pipeline(TEST_STAGES, options={"test.lines.v1": {"lower": True}})
    with pytest.raises(
        PipelineError, match=r"stage 'test.count.v1' has no option 'x' \(it takes: no options\)"
    ):
        build_pipeline(TEST_STAGES, options={"test.count.v1": {"x": 1}})


def test_options_for_a_stage_not_in_the_pipeline_are_an_error() -> None:
    with pytest.raises(PipelineError, match=r"options given for stage\(s\) \['test.other.v1'\]"):
        build_pipeline(TEST_STAGES, options={"test.other.v1": {}})


def test_check_mode_names_the_stage_and_the_undeclared_field() -> None:
    pipeline = build_pipeline(TEST_STAGES, options={"test.lines.v1": {"upper": True}}, check=True)
    with pytest.raises(ContractError, match=r"stage 'test\.lines\.v1' changed field 'title'"):
        pipeline(Article.create("Kurz\nText"))
    with pytest.raises(ContractError, match=r"stage 'test\.lines\.v1' changed field 'title'"):
        list(pipeline.pipe([Article.create("Kurz\nText")]))


def test_without_check_mode_the_undeclared_write_goes_unnoticed() -> None:
    pipeline = build_pipeline(TEST_STAGES, options={"test.lines.v1": {"upper": True}})
    assert pipeline(Article.create("Kurz\nText")).title == "UPPER"
