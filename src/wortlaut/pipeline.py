"""Stages and the per-article pipeline.

A stage is one class in one module under :mod:`wortlaut.stages`: it declares
the layers it ``requires`` and ``provides``, loads its resources once in its
constructor, and maps an :class:`~wortlaut.article.Article` to a new one.
Stages register themselves under a versioned name with :func:`register_stage`
(the spaCy component idea, without a central factory file).  Because a stage
holds only read-only resources, ``Pipeline.__call__`` is a pure function of
(article, resources) and can run on many worker processes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import ClassVar, TypeVar

from wortlaut.article import Article

#: Layers every article has before any stage ran.
BASE_LAYERS = frozenset({"text", "metadata"})

#: The default per-article pipeline, in order: (registered name, module that registers it).
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("language.lingua.v1", "wortlaut.stages.language"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
    ("entities.crf.v1", "wortlaut.stages.entities"),
    ("coref.rules.v1", "wortlaut.stages.coref"),
    ("times.rules.v1", "wortlaut.stages.times"),
    ("statements.rules.v1", "wortlaut.stages.statements"),
    ("events.rules.v1", "wortlaut.stages.events"),
)


class PipelineError(ValueError):
    """A pipeline that cannot run: unknown stage, or a stage whose needs come later."""


class Stage:
    """Base class of a pipeline stage.

    Subclasses set ``name``, ``requires`` and ``provides`` and implement
    :meth:`__call__`.  :meth:`pipe` is the batch entry point; the default maps
    ``__call__`` and may be overridden where batching pays off.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[Article]:
        """Analyse many articles; ``batch_size`` is a hint for stages that batch."""
        for article in articles:
            yield self(article)


StageT = TypeVar("StageT", bound=type[Stage])
_REGISTRY: dict[str, type[Stage]] = {}


def register_stage(name: str) -> Callable[[StageT], StageT]:
    """Class decorator: register a stage class under a versioned name."""

    def decorate(cls: StageT) -> StageT:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorate


def stage_class(name: str, module: str | None = None) -> type[Stage]:
    """Look a registered stage up, importing its module first when given."""
    if module is not None:
        importlib.import_module(module)
    try:
        return _REGISTRY[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; registered: {sorted(_REGISTRY)}") from None


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage needs a layer no earlier stage provides."""
    available = set(BASE_LAYERS)
    for stage in stages:
        missing = [layer for layer in stage.requires if layer not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {missing}, provided by no earlier stage")
        available.update(stage.provides)


class Pipeline:
    """An ordered list of stages, checked once when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
        return article

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = stage.pipe(stream, batch_size=batch_size)
        yield from stream


def build_pipeline(stages: Sequence[tuple[str, str]] = DEFAULT_STAGES) -> Pipeline:
    """Instantiate the given stages (loading their resources) into a pipeline."""
    return Pipeline([stage_class(name, module)() for name, module in stages])


@cache
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process so resources load once."""
    return build_pipeline(DEFAULT_STAGES)
