"""What an ingest worker hands to the main process with each analysed article, and how it makes it.

With forked workers, each worker also encodes the lead of the article it
analysed (the text story clustering reads; its vector depends on the article
and the encoder alone) and hands the vector over with the article: e5's lead
vector with the e5 encoder, the static one with a lead cascade (which then
reads e5 only for the leads its story scores leave undecided), so that
per-article work runs on every core instead of the main process alone;
linking caches the handed-over vector instead of encoding the lead again
(:func:`wortlaut.link.update.update`'s ``vectors``); the MinHash signature of
the article's text, which the duplicate search reads, comes along the same way.  Same vectors, so the
same links: e5 gives a text the same bits alone or in a batch.  The e5 texts
linking itself needs (statements, undecided leads) are split between the main
process and one forked helper (:class:`wortlaut.link.split.SplitEncoder`).
Workers hand articles over without their token layer (:func:`for_store`),
which neither the store nor linking reads and which made up most of the pickling.
A cascade's worker also encodes the e5 statement texts that the article's own
statement pairs decide (:mod:`wortlaut.link.ahead`, :func:`with_statements`),
most of the e5 statement texts linking reads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from wortlaut.article import Article
from wortlaut.link import ahead, duplicates, stories
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder
from wortlaut.store.writer import Prepared, prepare


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """An input or article that could not be stored, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


#: A handed-over vector's key: (cache kind ``<encoder name>:article``, lead text).
VectorKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article analysed by a worker, with its lead's cache key and vector (``None``: not encoded),
    the MinHash signature and exact hash of its text for the duplicate search (``None``: not
    computed; :func:`~wortlaut.link.duplicates.handed_over`), what the store writes of it that
    depends on it alone (:func:`~wortlaut.store.writer.prepare`; ``None``: prepared when stored)
    and the precise vectors of the statement texts its own pairs decide (:func:`with_statements`)."""

    article: Article
    lead: tuple[VectorKey, np.ndarray] | None
    signature: tuple[VectorKey, np.ndarray] | None = None
    prepared: Prepared | None = None
    exact: tuple[VectorKey, np.ndarray] | None = None
    statements: tuple[tuple[VectorKey, np.ndarray], ...] = ()


@dataclass(frozen=True, slots=True)
class Claimed:
    """A worker's outcome under its article's id, for the duplicate decision in input order.

    ``id`` is ``None`` for a page that could not be read (``outcome`` is then
    its failure); ``outcome`` is ``None`` for an article stored before the run
    (not analysed).
    """

    id: str | None
    outcome: Article | Failure | Analysed | None


def input_failure(item: Any) -> Failure:
    """The failure an input that is not an article stands for (an :class:`IngestError` value)."""
    return Failure(name=getattr(item, "path", "?"), reason=getattr(item, "reason", str(item)))


def for_store(article: Article) -> Article:
    """``article`` without its token layer, as a worker hands it to the main process.

    The store does not keep tokens (``Article.to_json`` leaves them out) and
    linking does not read them, but they are about 60 % of a pickled analysed
    article and most of its unpickling time (10kGNAD, 300 articles: 26 KiB and
    2.3 + 3.1 ms to dump and load, against 10 KiB and 0.3 + 0.4 ms without).
    """
    return article.with_layers(tokens=()) if article.tokens else article


def with_lead(article: Article, encoder: Encoder, family: str | None = None) -> Analysed:
    """``article`` with its lead's key and vector by ``encoder`` (the text an encoder of ``family``,
    by default ``encoder``'s, reads: a lead cascade encodes e5's lead text with its static encoder).

    An encoder error leaves the lead to the main process (``lead=None``): it
    encodes it there as it would without workers.
    """
    text = stories.article_text(stories.article_row(article, ""), family or encoder.family)
    try:
        vector = encoder.encode([text])[0]
    except Exception:  # the main process encodes it instead
        return Analysed(article, None)
    return Analysed(article, ((f"{encoder.name}:article", text), vector))


def with_signature(analysed: Analysed) -> Analysed:
    """``analysed`` with the MinHash signature and the exact hash of the text the duplicate search
    reads (computed here, on the worker's core, instead of in the main process: same functions,
    same values)."""
    text = stories.article_row(analysed.article, "").text
    signature, exact = duplicates.handed_over(text)
    return replace(
        analysed,
        signature=((duplicates.SIGNATURE_KIND, text), signature),
        exact=((duplicates.HASH_KIND, text), exact),
    )


def with_prepared(analysed: Analysed) -> Analysed:
    """``analysed`` with the store's :func:`~wortlaut.store.writer.prepare` of its article (its stems
    and hash: 0.45 CPU ms an article, here on the worker's core instead of the writing process);
    same function, same rows."""
    return replace(analysed, prepared=prepare(analysed.article))


def with_statements(analysed: Analysed, cascade: CascadeEncoder) -> Analysed:
    """``analysed`` with ``cascade``'s precise vectors of the statement texts that the article's own
    pairs send to it (:func:`wortlaut.link.ahead.own_precise_texts`), keyed as linking caches them
    (``<precise name>:statement``), encoded here in one call instead of in the main process and its
    helper.  An encoder error hands nothing over: linking encodes them as without workers."""
    texts = ahead.own_precise_texts(cascade, ahead.article_rows(analysed.article))
    if not texts:
        return analysed
    try:
        vectors = cascade.precise.encode(texts)
    except Exception:  # the main process encodes them instead
        return analysed
    kind = f"{cascade.precise.name}:statement"
    return replace(analysed, statements=tuple(((kind, text), vectors[row]) for row, text in enumerate(texts)))
