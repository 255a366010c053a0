"""wortlaut: who said what, to whom, when and where, from German political news."""

from wortlaut.analysis import analyze, analyze_article
from wortlaut.article import (
    Article,
    DateInfo,
    Entity,
    EntityRef,
    Event,
    Mention,
    Post,
    Role,
    Span,
    Statement,
    Structure,
    TimeExpr,
    Token,
)
from wortlaut.pipeline import Pipeline, Stage, build_pipeline, default_pipeline, register_stage
from wortlaut.store import open_store as open

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DateInfo",
    "Entity",
    "EntityRef",
    "Event",
    "Mention",
    "Pipeline",
    "Post",
    "Role",
    "Span",
    "Stage",
    "Statement",
    "Structure",
    "TimeExpr",
    "Token",
    "__version__",
    "analyze",
    "analyze_article",
    "build_pipeline",
    "default_pipeline",
    "open",
    "register_stage",
]
