"""Cross-article steps as data-parallel steps over analysed records, with the linker's own functions.

The incremental linker (:mod:`wortlaut.link.update`) adds one batch at a time
to a store.  A backfill of millions of records instead runs each step once
over all of them, split so that most of the work is independent:

* **per article** (parallel, any order): the MinHash signature and LSH band
  keys (:func:`wortlaut.link.duplicates.signature`), the story vector of the
  title and lead (:func:`wortlaut.link.stories.article_text` through the
  encoder) and the statements to group;
* **near-duplicates** as a group-by over band keys: each bucket with more than
  one article yields candidate pairs scored on the signatures
  (:func:`bucket_pairs`); a small ordered pass (:func:`resolve_duplicates`)
  picks, as the linker does, the best earlier candidate of each article;
* **statement groups** as a group-by over speakers: each speaker's statements,
  in time order and in chunks of :data:`SPEAKER_CHUNK`, go through
  :func:`wortlaut.link.statements.group_statements` on a scratch in-memory
  database, so the margins, the average-linkage merge and the
  :data:`~wortlaut.link.statements.WINDOW_DAYS` window are the linker's own;
* **stories** sequentially in time (:func:`cluster_stories`): one
  :func:`wortlaut.link.stories.cluster` fed the time-sorted stream with the
  precomputed vectors, a month per call; the stories of the previous month
  stay in the scratch database, so a story crossing the seam continues.

Each step returns rows of the store's own link tables (``stories``,
``story_articles``, ``duplicates``, ``statement_groups`` …), which
:mod:`wortlaut.scale.load` writes into a store.  Where the result can differ
from the incremental linker is listed in docs/scale.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np

from wortlaut.article import Article
from wortlaut.link import duplicates, statements, stories
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.digest import sentence_around
from wortlaut.link.encoder import Encoder
from wortlaut.link.text import text_hash
from wortlaut.link.update import MAX_LINKED_STATEMENTS
from wortlaut.store.bulk import Rows, add_scratch_statements, dump, scratch_database
from wortlaut.store.embeddings import transaction
from wortlaut.store.writer import item_id

#: Statements of one speaker merged per call, like one ingest batch of the incremental linker;
#: later chunks see the earlier chunks' groups as stored candidates.  500 keeps the merge matrix
#: (quadratic in the chunk) under a few MB for the most quoted speakers.
SPEAKER_CHUNK = 500
#: Tables whose rows the story step returns.
STORY_TABLES = ("stories", "story_articles", "link_story_entities")
#: Tables whose rows the statement step returns.
GROUP_TABLES = ("statement_groups", "statement_group_members")


def today() -> str:
    """The fallback day of undated articles (the linker uses the day they were stored)."""
    return date.today().isoformat()


# -- per article -------------------------------------------------------------------------------


def article_features(articles: Sequence[Article], encoder: Encoder, *, fallback_day: str) -> Rows:
    """Per-article inputs of every later step; the story vectors of the batch in one encoder call."""
    rows = [stories.article_row(article, fallback_day) for article in articles]
    vectors = encoder.encode([stories.article_text(row, encoder.family) for row in rows])
    found = []
    for row, vector in zip(rows, vectors, strict=True):
        signature = duplicates.signature(row.text)
        found.append(
            {
                "id": row.id,
                "day": row.day,
                "title": row.title or sentence_around(row.text, 0, 0, limit=stories.TITLE_CHARS),
                "entities": sorted(row.entities),
                "text_hash": text_hash(row.text),
                "signature": signature.tobytes(),
                "vector": np.asarray(vector, dtype=np.float32).tobytes(),
            }
        )
    return found


def band_keys(feature: Mapping[str, Any]) -> Rows:
    """One row per LSH bucket of an article (and one for its exact text hash), for the group-by."""
    signature = np.frombuffer(feature["signature"], dtype=np.uint64)
    keys = [f"{band}:{bucket}" for band, bucket in duplicates._buckets(signature)]
    keys.append(f"{duplicates.EXACT_BAND}:{feature['text_hash']}")
    return [
        {"key": key, "id": feature["id"], "day": feature["day"], "signature": feature["signature"]}
        for key in keys
    ]


def statement_rows(article: Article, *, fallback_day: str) -> Rows:
    """The statements of an article the linker groups (speaker entity known), capped as it caps them.

    Carries the article fields the grouping reads (``published``, ``language``,
    ``source``); ``date`` follows the store's rule (statement date, else publication).
    """
    found = []
    for statement in article.statements:
        if statement.speaker is None or not statement.speaker.entity:
            continue
        found.append(
            {
                "id": item_id(article.id, statement.id),
                "article_id": article.id,
                "mode": statement.mode,
                "quote_text": statement.quote.text,
                "speaker": statement.speaker.entity,
                "date": statement.date.value if statement.date else article.published,
                "published": article.published,
                "article_published": article.published,
                "ingested_at": fallback_day,
                "language": article.language,
                "source": article.source,
            }
        )
    day = [(row["date"] or row["published"] or fallback_day or "")[:10] for row in found]
    ordered = [
        row for _, row in sorted(zip(day, found, strict=True), key=lambda pair: (pair[0], pair[1]["id"]))
    ]
    return ordered[:MAX_LINKED_STATEMENTS]


# -- near-duplicates: group-by band key ----------------------------------------------------------


def bucket_pairs(key: str, members: Sequence[Mapping[str, Any]]) -> Rows:
    """Pairs (later article, earlier article) sharing a bucket that pass the duplicate bar."""
    ordered = sorted({row["id"]: row for row in members}.values(), key=lambda row: (row["day"], row["id"]))
    exact = key.startswith(f"{duplicates.EXACT_BAND}:")
    pairs = []
    for position, later in enumerate(ordered):
        mine = np.frombuffer(later["signature"], dtype=np.uint64)
        for earlier in ordered[:position]:
            score = 1.0 if exact else float(np.mean(np.frombuffer(earlier["signature"], np.uint64) == mine))
            if exact or score >= duplicates.NEAR_DUPLICATE_JACCARD:
                pairs.append({"id": later["id"], "other": earlier["id"], "score": score, "exact": exact})
    return pairs


def resolve_duplicates(pairs: Iterable[Mapping[str, Any]], order: Sequence[tuple[str, str]]) -> Rows:
    """``duplicates`` rows: for each article (in (day, id) order) its best earlier copy, by its root.

    As :func:`wortlaut.link.duplicates.find`: an exact copy wins (the earliest),
    else the near candidate with the highest signature agreement; the result
    points at the original the candidate itself copies, when it copies one.
    """
    exact: dict[str, set[str]] = defaultdict(set)
    near: dict[str, dict[str, float]] = defaultdict(dict)
    for pair in pairs:
        if pair["exact"]:
            exact[pair["id"]].add(pair["other"])
        else:
            near[pair["id"]][pair["other"]] = pair["score"]
    rank = {article_id: position for position, (_, article_id) in enumerate(sorted(order))}
    root: dict[str, str] = {}
    found = []
    for _, article_id in sorted(order):
        if exact.get(article_id):
            other, kind, score = min(exact[article_id], key=rank.__getitem__), "exact", 1.0
        elif near.get(article_id):
            score, other = max((value, other) for other, value in near[article_id].items())
            kind, score = "near", round(score, 4)
        else:
            continue
        root[article_id] = root.get(other, other)
        found.append(
            {"article_id": article_id, "duplicate_of": root[article_id], "kind": kind, "similarity": score}
        )
    return found


# -- statement groups: group-by speaker ----------------------------------------------------------


def group_speaker(rows: Sequence[Mapping[str, Any]], encoder: Encoder) -> dict[str, Rows]:
    """Statement groups of one speaker's statements, through the linker's grouping in time-ordered chunks."""
    connection = scratch_database()
    add_scratch_statements(connection, rows)
    pending = statements.load_statements(connection, sorted({row["article_id"] for row in rows}))
    for start in range(0, len(pending), SPEAKER_CHUNK):
        chunk = pending[start : start + SPEAKER_CHUNK]
        statements.group_statements(connection, encoder, statements.plan(connection, chunk))
    return {table: dump(connection, table) for table in GROUP_TABLES}


def group_statements(rows: Iterable[Mapping[str, Any]], encoder: Encoder) -> dict[str, Rows]:
    """Every speaker's groups (the group-by the Ray job distributes), concatenated."""
    by_speaker: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_speaker[row["speaker"]].append(row)
    merged: dict[str, Rows] = {table: [] for table in GROUP_TABLES}
    for speaker in sorted(by_speaker):
        for table, found in group_speaker(by_speaker[speaker], encoder).items():
            merged[table] += found
    return merged


# -- stories: one clusterer over the time-sorted stream ------------------------------------------


def cluster_stories(
    features: Iterable[Mapping[str, Any]], duplicate_rows: Iterable[Mapping[str, Any]], encoder: Encoder
) -> dict[str, Rows]:
    """Stories of all articles: :func:`wortlaut.link.stories.cluster` per month, in time order."""
    connection = scratch_database()
    joins = {row["article_id"]: row["duplicate_of"] for row in duplicate_rows}
    by_month: dict[str, list[stories.ArticleRow]] = defaultdict(list)
    vectors: dict[str, np.ndarray] = {}
    for feature in features:
        row = stories.ArticleRow(
            feature["id"], feature["day"], feature["title"], "", frozenset(feature["entities"])
        )
        by_month[row.day[:7]].append(row)
        vectors[row.id] = np.frombuffer(feature["vector"], dtype=np.float32)
    # The features hold the encoder's own (for a cascade: the precise encoder's) lead vectors, so a
    # cascade clusters them as its precise encoder would (no lead cascade over a scratch store).
    clusterer = encoder.precise if isinstance(encoder, CascadeEncoder) else encoder
    for month in sorted(by_month):
        with transaction(connection):
            stories.cluster(connection, clusterer, vectors, by_month[month], joins)
    found = {table: dump(connection, table) for table in STORY_TABLES}
    found["embeddings"] = dump(connection, "embeddings")
    return found


# -- all steps in one process (what the Ray job distributes) -------------------------------------


def link_tables(
    articles: Sequence[Article], encoder: Encoder, *, fallback_day: str | None = None
) -> dict[str, Rows]:
    """The link tables of a collection, computed locally with the same steps the Ray job runs."""
    day = fallback_day or today()
    features = article_features(articles, encoder, fallback_day=day)
    buckets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for feature in features:
        for key_row in band_keys(feature):
            buckets[key_row["key"]].append(key_row)
    pairs = [
        pair for key, members in buckets.items() if len(members) > 1 for pair in bucket_pairs(key, members)
    ]
    duplicate_rows = resolve_duplicates(pairs, [(f["day"], f["id"]) for f in features])
    statement_input = [row for article in articles for row in statement_rows(article, fallback_day=day)]
    tables = {"duplicates": duplicate_rows}
    tables.update(group_statements(statement_input, encoder))
    tables.update(cluster_stories(features, duplicate_rows, encoder))
    return tables
