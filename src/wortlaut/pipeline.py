"""Stages and the per-article pipeline.

A stage is one class in one module under :mod:`wortlaut.stages`: it declares
the :class:`~wortlaut.article.Article` fields it ``reads`` and ``writes`` (see
:mod:`wortlaut.contracts`), loads its resources once in its constructor, and
maps an article to a new one.  A stage may refine a field it reads (morphology
rewrites ``tokens`` with POS and mood); it declares that field in both lists.
Stages register themselves under a versioned name with :func:`register_stage`
(the spaCy component idea, without a central factory file).  Because a stage
holds only read-only resources, ``Pipeline.__call__`` is a pure function of
(article, resources) and can run on many worker processes.
"""

from __future__ import annotations

import importlib
import inspect
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import ClassVar, TypeVar

from wortlaut.article import Article
from wortlaut.contracts import BASE_FIELDS, check_input, check_stage, field_error, satisfies
from wortlaut.settings import get_settings

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
    ("statements.dating.v1", "wortlaut.stages.dating"),
)

#: Environment variable that turns the contract checks on for :func:`default_pipeline` (the test
#: suite sets it in ``tests/conftest.py``); the same name the settings' ``pipeline.check_contracts`` reads.
CHECK_VARIABLE = "WORTLAUT_PIPELINE_CHECK_CONTRACTS"

#: Per-stage keyword options: registered stage name -> constructor keyword -> value.
StageOptions = Mapping[str, Mapping[str, object]]


class PipelineError(ValueError):
    """A pipeline that cannot be built: unknown stage or option, bad declaration, or a stage whose
    input fields are written only by later stages."""


class Stage:
    """Base class of a pipeline stage.

    Subclasses set ``reads`` and ``writes`` (Article field names, or ``field.part``)
    and implement :meth:`__call__`; :func:`register_stage` sets ``name``.
    :meth:`pipe` is the batch entry point; the default maps ``__call__`` and
    may be overridden where batching pays off.
    """

    name: ClassVar[str] = ""
    reads: ClassVar[tuple[str, ...]] = ()
    writes: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[Article]:
        """Analyse many articles; ``batch_size`` is a hint for stages that batch."""
        for article in articles:
            yield self(article)


StageT = TypeVar("StageT", bound=type[Stage])
_REGISTRY: dict[str, type[Stage]] = {}


def _check_declarations(name: str, cls: type[Stage]) -> None:
    """Raise :class:`PipelineError` for a declaration that names no Article field (or the old words)."""
    old = [word for word in ("requires", "provides") if word in vars(cls)]
    if old:
        raise PipelineError(
            f"stage {name!r} declares {', '.join(old)}; declare reads/writes (Article fields)"
        )
    for kind in ("reads", "writes"):
        declared = getattr(cls, kind)
        if isinstance(declared, str):
            raise PipelineError(f"stage {name!r}: {kind} must be a tuple of field names, not a string")
        for field in declared:
            problem = field_error(field)
            if problem is not None:
                raise PipelineError(f"stage {name!r} {kind} {field!r}: {problem}")


def register_stage(name: str) -> Callable[[StageT], StageT]:
    """Class decorator: register a stage class under a versioned name, checking its declarations.

    A name can be taken once; registering it again raises, unless it is the same class (same module
    and qualified name) imported again, as ``importlib.reload`` or a ``__main__`` run does.
    """

    def decorate(cls: StageT) -> StageT:
        _check_declarations(name, cls)
        known = _REGISTRY.get(name)
        if known is not None and (known.__module__, known.__qualname__) != (cls.__module__, cls.__qualname__):
            raise PipelineError(
                f"stage name {name!r} is taken by {known.__module__}.{known.__qualname__}; "
                f"{cls.__module__}.{cls.__qualname__} needs another name"
            )
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


def check_order(stages: Sequence[Stage | type[Stage]]) -> None:
    """Raise :class:`PipelineError` when a stage reads a field that only a later stage (or none) writes.

    Takes stages or stage classes, so :func:`build_pipeline` can fail before loading any resources.
    """
    written: set[str] = set(BASE_FIELDS)
    for index, stage in enumerate(stages):
        missing = [field for field in stage.reads if not satisfies(field, written)]
        if missing:
            later = {s.name for s in stages[index + 1 :] for f in missing if satisfies(f, s.writes)}
            where = f"written only by the later stage(s) {sorted(later)}" if later else "written by no stage"
            raise PipelineError(f"stage {stage.name!r} reads {missing}, {where}; move it after them")
        written.update(stage.writes)


class Pipeline:
    """An ordered list of stages, checked once when built.

    With ``check=True`` every stage is held to its declaration while it runs (see
    :mod:`wortlaut.contracts`): it costs a walk over the article after each stage, so it
    is meant for tests and debugging, not for production runs.
    """

    def __init__(self, stages: Sequence[Stage], *, check: bool = False) -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self.check = check

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __call__(self, article: Article) -> Article:
        if self.check:
            check_input(article)
        for stage in self.stages:
            result = stage(article)
            if self.check:
                check_stage(stage.name, stage.writes, article, result)
            article = result
        return article

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        if self.check:
            stream = _checked_input(stream)
        for stage in self.stages:
            stream = (
                _checked(stage, stream, batch_size)
                if self.check
                else stage.pipe(stream, batch_size=batch_size)
            )
        yield from stream


def _checked_input(articles: Iterable[Article]) -> Iterator[Article]:
    for article in articles:
        check_input(article)
        yield article


def _checked(stage: Stage, articles: Iterable[Article], batch_size: int) -> Iterator[Article]:
    """``stage.pipe`` with each output checked against the input it came from (one out per one in)."""
    pending: deque[Article] = deque()

    def remembered() -> Iterator[Article]:
        for article in articles:
            pending.append(article)
            yield article

    for result in stage.pipe(remembered(), batch_size=batch_size):
        check_stage(stage.name, stage.writes, pending.popleft(), result)
        yield result


def _construct(cls: type[Stage], options: Mapping[str, object]) -> Stage:
    """Instantiate a stage with its keyword options, naming the stage and option that do not fit."""
    parameters = inspect.signature(cls).parameters.values()
    if not any(parameter.kind is inspect.Parameter.VAR_KEYWORD for parameter in parameters):
        accepted = {
            parameter.name
            for parameter in parameters
            if parameter.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        }
        for option in options:
            if option not in accepted:
                takes = ", ".join(sorted(accepted)) or "no options"
                raise PipelineError(f"stage {cls.name!r} has no option {option!r} (it takes: {takes})")
    return cls(**options)


def build_pipeline(
    stages: Sequence[tuple[str, str]] = DEFAULT_STAGES,
    *,
    options: StageOptions | None = None,
    check: bool = False,
) -> Pipeline:
    """Instantiate the given stages (loading their resources) into a pipeline.

    ``options`` maps a registered stage name to keyword arguments for its constructor; options
    for a stage that is not in ``stages`` are an error, not silently dropped.  ``check`` turns on
    the contract checks of :class:`Pipeline`.
    """
    options = options or {}
    names = {name for name, _ in stages}
    stray = sorted(set(options) - names)
    if stray:
        raise PipelineError(
            f"options given for stage(s) {stray}, which are not in the pipeline {sorted(names)}"
        )
    classes = [stage_class(name, module) for name, module in stages]
    check_order(classes)
    return Pipeline([_construct(cls, options.get(cls.name, {})) for cls in classes], check=check)


@cache
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process so resources load once.

    Stage options and the contract check come from the settings' ``pipeline`` section
    (``[pipeline.stage_options."NAME"]`` and ``check_contracts`` / ``$WORTLAUT_PIPELINE_CHECK_CONTRACTS``).
    """
    settings = get_settings().pipeline
    return build_pipeline(
        DEFAULT_STAGES, options=settings.stage_options, check=settings.check_contracts
    )
