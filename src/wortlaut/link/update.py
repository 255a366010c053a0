"""The incremental linking step run after each committed ingest batch.

:func:`update` takes the ids of newly stored articles and, in one transaction,
finds their duplicates, assigns them to stories, groups their statements,
refreshes the digests of the stories they touched, collects the evidence
for aliases learned across articles (:mod:`wortlaut.link.aliases`) and links
the batch's denials, confirmations and corrections to the earlier statements
they answer (:mod:`wortlaut.link.relations`, so the store's relations stay
current without a separate ``wortlaut relations`` run).  Every
text the batch needs embedded (article leads, statements that have something
to be compared with) goes to the encoder in one call, which parallelises over
texts.  Articles already linked are skipped, so calling it twice is harmless,
and nothing is recomputed over the whole collection: every step asks an index
(LSH buckets, active stories, a speaker's recent statement groups, the
evidence counts of the aliases the batch touched).

Linking is part of the resumable unit: the store journals every stored article
in ``link_pending`` (in the article's own transaction) and :func:`update`
clears the journal rows in the linking transaction, so an article killed
between the two stays journalled and :func:`link_pending` links it on the
next ingest or on ``wortlaut link``.  The encoder runs before the write lock
is taken (the vectors are cached by text hash), so the lock is held for the
index work only: inside it the same plan is read again (cheap indexed reads,
so a concurrent writer's new groups are still seen) and finds every vector
cached; only texts a concurrent writer made necessary are encoded there
(``tests/link/test_update_lock.py`` checks that another connection can write
while the encoder runs); an article's statements are capped at
:data:`MAX_LINKED_STATEMENTS` so one pathological article cannot hold it for
minutes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np

from wortlaut.article import Article
from wortlaut.link import aliases, digest, duplicates, relations, statements, stories
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder, default_encoder
from wortlaut.link.records import LinkReport
from wortlaut.store import link_tables
from wortlaut.store.embeddings import prefetch, transaction
from wortlaut.store.rows import Connection, connection_of

logger = logging.getLogger(__name__)

#: Most statements of one article that are grouped across articles.  The 700 quotes-wikinews
#: train articles have at most 43 annotated statements (4.1 on average); grouping compares each
#: statement with the speaker's groups, so one hostile article with 5,391 statements held the write
#: lock for over 8 minutes.  200 keeps every real article whole and that one at a few seconds
#: (benchmarks/bench_hostile.py).  Statements over the cap are stored and searchable, not grouped.
MAX_LINKED_STATEMENTS = 200
#: Articles linked per transaction by :func:`link_pending` (the size of an ingest batch).
LINK_BATCH = 32


def _load(
    connection: Connection, article_ids: Sequence[str], given: Mapping[str, Article] | None = None
) -> tuple[list[stories.ArticleRow], list[Article]]:
    """The not yet linked articles among ``article_ids``: clustering rows (in date order) and records.

    ``given`` holds the analysed articles the caller just stored, by id: those
    are used as they are instead of being read back from their stored JSON.
    """
    rows: list[stories.ArticleRow] = []
    articles: list[Article] = []
    missing = [article_id for article_id in article_ids if given is None or article_id not in given]
    for row in link_tables.unlinked(connection, article_ids, with_json=bool(missing)):
        article = given.get(row["id"]) if given is not None else None
        if article is None:
            article = Article.from_json(json.loads(row["json"]))
        articles.append(article)
        rows.append(stories.article_row(article, (row["ingested_at"] or "")[:10]))
    return sorted(rows, key=lambda row: (row.day, row.id)), articles


def capped(rows: Sequence[statements.StatementRow]) -> list[statements.StatementRow]:
    """At most :data:`MAX_LINKED_STATEMENTS` statements per article, keeping their order."""
    seen: dict[str, int] = {}
    kept = []
    for row in rows:
        seen[row.article_id] = seen.get(row.article_id, 0) + 1
        if seen[row.article_id] <= MAX_LINKED_STATEMENTS:
            kept.append(row)
    return kept


def _texts(
    connection: Connection, rows: Sequence[stories.ArticleRow], encoder: Encoder
) -> tuple[list[statements.StatementRow], list[statements.SpeakerBatch], list[tuple[str, str]]]:
    """The statements to group, their per-speaker plan and every text the linking will encode."""
    pending = capped(statements.load_statements(connection, [row.id for row in rows]))
    speakers = statements.plan(connection, pending)
    texts = [("article", text) for text in stories.article_texts(rows, encoder.family)]
    return pending, speakers, texts + statements.texts_to_encode(speakers, encoder)


def _encode_before_lock(
    connection: Connection,
    encoder: Encoder,
    wanted: Sequence[str],
    given: Mapping[str, Article] | None,
    vectors: Mapping[tuple[str, str], np.ndarray] | None = None,
    decided: statements.Decided | None = None,
) -> tuple[bool, stories.Loaded | None]:
    """Fill the vector cache for these articles without holding the write lock while encoding.

    Reads in WAL mode take no lock; the vectors are written in one short
    transaction.  What changes meanwhile only means a few texts are encoded
    again inside :func:`update`, never a wrong result (the cache is keyed by text).
    Returns False when the caller already holds a transaction (nothing done here),
    and the active stories a lead cascade's dry run read (see :func:`_prefetch`).
    """
    if connection.in_transaction:
        return False, None
    rows, _ = _load(connection, wanted, given)
    if not rows:
        return True, None
    return True, _prefetch(connection, encoder, rows, write=transaction, vectors=vectors, decided=decided)


def _prefetch(
    connection: Connection,
    encoder: Encoder,
    rows: Sequence[stories.ArticleRow],
    *,
    write: Callable[[Connection], AbstractContextManager[None]] | None = None,
    vectors: Mapping[tuple[str, str], np.ndarray] | None = None,
    decided: statements.Decided | None = None,
) -> stories.Loaded | None:
    """Fill the vector cache with every text this batch's linking reads (before the write lock).

    A cascade encoder's cheap statement vectors come first: they decide which
    speakers' statements its precise encoder must read, and those go to it in
    one call with the article leads, so the linking finds every vector cached.
    ``vectors`` are handed-over vectors by ``(cache kind, text)`` (see :func:`update`); ``decided``
    keeps the cascade's choice per speaker batch for the grouping
    (:func:`~wortlaut.link.statements.choice_for_batch`).
    Returns the active stories a lead cascade's dry run read, which the
    clustering under the lock reuses when no other writer committed meanwhile.
    """
    loaded = None
    _, speakers, texts = _texts(connection, rows, encoder)
    if isinstance(encoder, CascadeEncoder):
        prefetch(connection, encoder.cheap, [text for text in texts if text[0] != "article"], write=write)
        leads = [text for text in texts if text[0] == "article"]
        texts = statements.precise_texts(connection, encoder, speakers, decided)
        if encoder.leads is None:
            texts = leads + texts
        else:  # cheap lead vectors (the workers'), then a dry run of the clustering finds the leads e5 reads
            prefetch(connection, encoder.cheap, leads, write=write, given=vectors)
            cheap = stories.article_vectors(connection, encoder, rows)
            undecided, loaded = stories.undecided_leads(connection, encoder, cheap, rows)
            texts = [("article", text) for text in stories.article_texts(undecided, encoder.family)] + texts
        encoder = encoder.precise
    prefetch(connection, encoder, texts, write=write, given=vectors)
    return loaded


def _plan_in_lock(
    connection: Connection,
    encoder: Encoder,
    rows: Sequence[stories.ArticleRow],
    vectors: Mapping[tuple[str, str], np.ndarray] | None,
) -> tuple[list[statements.StatementRow], list[statements.SpeakerBatch]]:
    """The statement plan read again under the write lock, and the few texts a concurrent writer added.

    Every vector :func:`_prefetch` cached is found there.  A plain encoder's
    missing texts (new groups another writer made meanwhile) are encoded in
    one call; a cascade's are encoded where grouping and clustering ask for
    them (``cached_encode``), so its band checks and dry run are not done twice.
    """
    pending, speakers, texts = _texts(connection, rows, encoder)
    if not isinstance(encoder, CascadeEncoder):
        prefetch(connection, encoder, texts, given=vectors)
    elif encoder.leads is not None:
        prefetch(connection, encoder.cheap, [text for text in texts if text[0] == "article"], given=vectors)
    return pending, speakers


def update(
    store_or_connection: Any,
    article_ids: Sequence[str],
    *,
    encoder: Encoder | None = None,
    articles: Iterable[Article] | None = None,
    vectors: Mapping[tuple[str, str], np.ndarray] | None = None,
) -> LinkReport:
    """Link newly stored articles into duplicates, stories and statement groups (idempotent).

    ``articles`` are the analysed articles just stored (as given to the store):
    linking takes them from memory instead of reading their JSON back.
    ``vectors`` are vectors computed elsewhere, by ``(cache kind, text)``, e.g.
    ``("e5-small-q4-query:article", lead)`` from ingest's workers, which encode
    each lead on the core that analysed the article (a lead cascade's workers:
    its static vector, ``"<static name>:article"``): texts found there are
    cached from them, not encoded again (same vectors, so the same links).
    Under ``("minhash", text)`` they may hold an article text's MinHash
    signature (:func:`wortlaut.link.duplicates.signature`), computed there too, and under
    ``("text-hash", text)`` its exact hash (:func:`wortlaut.link.duplicates.handed_over`).
    """
    connection = connection_of(store_or_connection)
    wanted = list(dict.fromkeys(article_ids))
    encoder = encoder or default_encoder()
    given = _by_id(articles) if articles is not None else None
    decided: statements.Decided = {}
    ahead, loaded = _encode_before_lock(connection, encoder, wanted, given, vectors, decided)
    with transaction(connection):
        rows, linked = _load(connection, wanted, given)
        joins: dict[str, str] = {}
        for row in rows:
            handed = vectors.get((duplicates.SIGNATURE_KIND, row.text)) if vectors else None
            exact = duplicates.unpack_hash(vectors.get((duplicates.HASH_KIND, row.text)) if vectors else None)
            found, hashvalues = duplicates.find(connection, row.id, row.text, handed, exact)
            duplicates.index(connection, row.id, row.text, hashvalues)
            if found is not None:
                duplicates.record(connection, found)
                joins[row.id] = found.duplicate_of
        if not ahead:  # inside the caller's transaction: every text in as few encoder calls as before
            loaded = _prefetch(connection, encoder, rows, vectors=vectors, decided=decided)
        pending, speakers = _plan_in_lock(connection, encoder, rows, vectors)
        lead_vectors = stories.article_vectors(connection, encoder, rows)
        assigned = stories.cluster(connection, encoder, lead_vectors, rows, joins, loaded)
        groups_created = statements.group_statements(connection, encoder, speakers, decided)
        touched = {story_id for story_id, _ in assigned.values()}
        digest.refresh(connection, sorted(touched))
        norms = aliases.record(connection, linked)
        aliases.refresh(connection, norms, [article.id for article in linked])
        related = relations.update(connection, [row.id for row in rows], encoder=encoder)
        link_tables.clear_journal(connection, wanted)
    created = sum(1 for article_id, (story_id, _) in assigned.items() if story_id == f"st:{article_id}")
    present = link_tables.count_present(connection, wanted)
    return LinkReport(
        articles=len(rows),
        skipped=present - len(rows),
        missing=len(wanted) - present,
        duplicates=len(joins),
        stories_created=created,
        stories_joined=len(assigned) - created,
        statements_grouped=len(pending),
        groups_created=groups_created,
        relations=related,
    )


def _by_id(articles: Iterable[Article]) -> dict[str, Article]:
    """Articles by id; of two with one id the first, as the store keeps the first."""
    found: dict[str, Article] = {}
    for article in articles:
        found.setdefault(article.id, article)
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingBatch:
    """One batch of journalled articles and what linking it gave: a report, or the error."""

    article_ids: tuple[str, ...]
    report: LinkReport | None = None
    error: str | None = None


def pending_ids(store_or_connection: Any) -> list[str]:
    """Ids of stored articles not linked yet (the ``link_pending`` journal), oldest first."""
    return link_tables.pending_ids(connection_of(store_or_connection))


def link_pending(
    store_or_connection: Any,
    *,
    encoder: Encoder | None = None,
    batch_size: int = LINK_BATCH,
    on_batch: Callable[[PendingBatch], None] | None = None,
) -> list[PendingBatch]:
    """Link every journalled article, one transaction per batch; a failing batch is reported, not fatal.

    A batch that fails stays in the journal (its transaction rolled back), so
    the next call tries it again; the caller decides the exit code.
    """
    done = []
    for batch in _chunks(pending_ids(store_or_connection), max(1, batch_size)):
        try:
            result = PendingBatch(
                article_ids=batch, report=update(store_or_connection, batch, encoder=encoder)
            )
        except Exception as error:  # reported per batch; the articles stay journalled
            result = PendingBatch(article_ids=batch, error=f"{type(error).__name__}: {error}")
            logger.error("linking %d journalled articles failed: %s", len(batch), result.error)
        done.append(result)
        if on_batch:
            on_batch(result)
    return done


def _chunks(ids: Sequence[str], size: int) -> Iterator[tuple[str, ...]]:
    for start in range(0, len(ids), size):
        yield tuple(ids[start : start + size])


def forget(store_or_connection: Any, article_ids: Sequence[str]) -> None:
    """Drop removed articles from the duplicate index and the alias evidence (call on deletes).

    Aliases the removed articles supported are re-decided, so one that falls
    below :data:`wortlaut.link.aliases.MIN_ARTICLES` is unlearned and its
    merges are undone.  Story and statement-group memberships are removed by
    the store itself; a story's centroid keeps the removed article's share
    until it goes inactive, which only nudges later assignments.
    """
    connection = connection_of(store_or_connection)
    with transaction(connection):
        for article_id in article_ids:
            duplicates.forget(connection, article_id)
            link_tables.forget_copies_of(connection, article_id)
        aliases.forget(connection, list(article_ids))
