"""Cross-article linking cost per added article at 1k, 10k and 100k stored articles.

``python -m benchmarks.bench_stories [--sizes 1000,10000,100000]``

The collection grows synthetically from the 10kGNAD articles in ../shared:
each added article is a perturbed copy of a real one (a random 60 % of its
sentences in shuffled order, so copies of one source are rarely
near-duplicates), with 5 entity ids and 2 statements by speakers drawn from
Zipf distributions (a few people are everywhere, most are rare), published
at a constant rate of ARTICLES_PER_DAY — a stream that grows in time, as a
daily ingest does.  Articles are written with plain SQL (the store's
analysis writer is not what is measured) and linked with
``wortlaut.link.update`` in batches of BATCH, exactly as ingest calls it.

Before each measurement the LIVE articles published last are linked for real,
so every time window the linker looks at is full of real state.  Older
history (the articles before those, up to 98,500 at the 100k point) is
written directly as linked state: article, statement, mention and story rows,
LSH buckets, statement groups and random unit vectors in the same tables and
indexes the linker queries, because linking 100k articles for real takes
longer than this benchmark may run on 2 shared cores.  That history lies
outside the linker's time windows (as it would in a real stream), so it only
makes the tables and their B-trees as large as at 100k.

Vectors come from the HashingEncoder: e5 costs a fixed time per article
whatever the collection size (reported separately), which would make the live
part take hours without changing what is measured here: how the linking cost
grows with the collection.  Time per article is CPU time of the process
(wall time on a shared 2-core machine swings with other load; both are
printed).  Memory is the process's peak RSS and the store file size.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article, DateInfo, Entity, EntityRef, Mention, Statement
from wortlaut.link import E5Encoder, HashingEncoder, update
from wortlaut.link.duplicates import bands
from wortlaut.store import Store

#: Articles published per simulated day: a politics feed of a few outlets.  The linker's windows
#: reach at most 31 days back (statement groups; stories 11), so they are full from about 900
#: articles on and the 1k point is measured with full windows, like the larger ones.
ARTICLES_PER_DAY = 30
#: Articles linked for real before each measurement (50 days: more than the longest window).
LIVE = 1500
#: LSH bands per article, as the linker lays them out.
BANDS = bands()[0]
#: Articles per ``update`` call, as ingest commits them.
BATCH = 100
#: Measured batches at each size (their articles count towards the next size).
MEASURED_BATCHES = 5
ENTITIES, SPEAKERS = 5000, 2000
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _day(number: int) -> str:
    """Publication date of the ``number``-th article of the stream."""
    return (date(2020, 1, 1) + timedelta(days=number // ARTICLES_PER_DAY)).isoformat()


def _zipf_weights(count: int) -> list[float]:
    """Cumulative Zipf (s = 1) weights over ``count`` ranks: the top entity gets about 1/ln(count)."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return cumulative


_ENTITY_WEIGHTS, _SPEAKER_WEIGHTS = _zipf_weights(ENTITIES), _zipf_weights(SPEAKERS)


def _zipf(rng: random.Random, weights: list[float]) -> int:
    return rng.choices(range(len(weights)), cum_weights=weights)[0]


def synthetic(base: Sequence[Article], number: int, rng: random.Random) -> Article:
    """The ``number``-th article of the stream: a perturbed real article with entities and statements."""
    sentences = _SENTENCE.split(base[number % len(base)].text)
    kept = rng.sample(sentences, max(2, int(len(sentences) * 0.6))) if len(sentences) > 2 else sentences
    text = " ".join(kept)
    published = _day(number)
    article = Article.create(
        text, id=f"syn{number:07d}", published=published, language="de", source=f"feed{number % 7}"
    )
    entity_ids = sorted({f"ent:{_zipf(rng, _ENTITY_WEIGHTS)}" for _ in range(5)})
    entities = tuple(Entity(id=entity_id, name=entity_id, type="PER") for entity_id in entity_ids)
    mentions = tuple(Mention(start=0, end=1, text=text[:1], type="PER", entity=e) for e in entity_ids)
    statements = []
    for index, sentence in enumerate(kept[:2]):
        start = text.find(sentence)
        span = article.span(start, start + len(sentence))
        if span is None or not sentence:
            continue
        speaker = f"per:{_zipf(rng, _SPEAKER_WEIGHTS)}"
        statements.append(
            Statement(
                id=f"s{index}",
                mode="indirect",
                quote=span,
                speaker=EntityRef(start=0, end=0, text=speaker, entity=speaker),
                date=DateInfo(value=published, source="published"),
            )
        )
    return article.with_layers(entities=entities, mentions=mentions, statements=tuple(statements))


def insert(connection: sqlite3.Connection, articles: Sequence[Article]) -> None:
    """Store the rows linking reads (articles, mentions, statements) with plain SQL."""
    connection.execute("BEGIN")
    for article in articles:
        connection.execute(
            "INSERT INTO articles (id, source, published, language, text, json, ingested_at, content_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.published,
                article.language,
                article.text,
                json.dumps(article.to_json(), ensure_ascii=False),
                article.published,
                article.id,
            ),
        )
        connection.executemany(
            'INSERT INTO mentions (article_id, start, "end", text, type, kind, entity)'
            " VALUES (?, 0, 1, ?, ?, ?, ?)",
            [(article.id, m.text, m.type, m.kind, m.entity) for m in article.mentions],
        )
        connection.executemany(
            "INSERT INTO statements (id, article_id, mode, quote_start, quote_end, quote_text,"
            " speaker_entity, date, published, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')",
            [
                (
                    f"{article.id}:{s.id}",
                    article.id,
                    s.mode,
                    s.quote.start,
                    s.quote.end,
                    s.quote.text,
                    s.speaker.entity if s.speaker else None,
                    article.published,
                    article.published,
                )
                for s in article.statements
            ],
        )
    connection.execute("COMMIT")


def _random_blobs(rng: np.random.Generator, count: int, dim: int) -> list[bytes]:
    vectors = rng.standard_normal((count, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return [row.tobytes() for row in vectors]


def write_history(connection: sqlite3.Connection, start: int, stop: int, encoder_name: str) -> None:
    """Linked state for articles ``start`` … ``stop - 1`` written directly (see module docstring)."""
    rng, pyrng = np.random.default_rng(start), random.Random(start)
    for chunk in range(start, stop, 5000):
        numbers = range(chunk, min(chunk + 5000, stop))
        ids = [f"syn{n:07d}" for n in numbers]
        days = [_day(n) for n in numbers]
        speakers = [[f"per:{_zipf(pyrng, _SPEAKER_WEIGHTS)}" for _ in range(2)] for _ in numbers]
        entities = [sorted({f"ent:{_zipf(pyrng, _ENTITY_WEIGHTS)}" for _ in range(5)}) for _ in numbers]
        statement_ids = [f"{a}:s{k}" for a in ids for k in range(2)]
        stories = [f"st:h{n // 5}" for n in numbers]
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO articles (id, source, published, language, text, json, ingested_at, content_hash)"
            " VALUES (?, 'history', ?, 'de', 'history', '{}', ?, ?)",
            [(a, d, d, a) for a, d in zip(ids, days, strict=True)],
        )
        connection.executemany(
            "INSERT INTO statements (id, article_id, mode, quote_text, speaker_entity, date, published, json)"
            " VALUES (?, ?, 'indirect', 'history', ?, ?, ?, '{}')",
            [
                (f"{a}:s{k}", a, who[k], d, d)
                for a, d, who in zip(ids, days, speakers, strict=True)
                for k in (0, 1)
            ],
        )
        connection.executemany(
            'INSERT INTO mentions (article_id, start, "end", text, type, kind, entity)'
            " VALUES (?, 0, 1, 'x', 'PER', 'name', ?)",
            [(a, e) for a, found in zip(ids, entities, strict=True) for e in found],
        )
        connection.executemany(
            "INSERT INTO link_lsh (band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, f"{pyrng.getrandbits(64):016x}", a) for a in ids for band in range(-1, BANDS)],
        )
        vectors = [("minhash", a, rng.integers(0, 2**63, 128, dtype=np.uint64).tobytes()) for a in ids]
        vectors += zip(
            [f"{encoder_name}:article"] * len(ids), ids, _random_blobs(rng, len(ids), 512), strict=True
        )
        vectors += zip(
            [f"{encoder_name}:statement"] * len(statement_ids),
            statement_ids,
            _random_blobs(rng, len(statement_ids), 512),
            strict=True,
        )
        story_ids = sorted(set(stories))
        vectors += zip(
            [f"{encoder_name}:story"] * len(story_ids),
            story_ids,
            _random_blobs(rng, len(story_ids), 512),
            strict=True,
        )
        connection.executemany(
            "INSERT OR REPLACE INTO embeddings (kind, item_id, vector) VALUES (?, ?, ?)", vectors
        )
        connection.executemany(
            "INSERT OR REPLACE INTO stories (id, title, first_date, last_date, size)"
            " VALUES (?, 'history', ?, ?, 5)",
            [(story, _day(int(story[4:]) * 5), _day(int(story[4:]) * 5 + 4)) for story in story_ids],
        )
        connection.executemany(
            "INSERT INTO story_articles (story_id, article_id, similarity) VALUES (?, ?, 0.9)",
            list(zip(stories, ids, strict=True)),
        )
        connection.executemany(
            "INSERT OR REPLACE INTO link_story_entities (story_id, entity, count) VALUES (?, ?, 1)",
            [(story, e) for story, found in zip(stories, entities, strict=True) for e in found],
        )
        connection.executemany(
            "INSERT INTO statement_groups"
            " (id, speaker_entity, representative_statement, first_seen, size, flags)"
            " VALUES (?, ?, ?, ?, 1, '{}')",
            [
                (f"g:{a}:s{k}", who[k], f"{a}:s{k}", d)
                for a, d, who in zip(ids, days, speakers, strict=True)
                for k in (0, 1)
            ],
        )
        connection.executemany(
            "INSERT INTO statement_group_members (group_id, statement_id, similarity, diff)"
            " VALUES (?, ?, 1.0, '{}')",
            [(f"g:{sid}", sid) for sid in statement_ids],
        )
        connection.execute("COMMIT")


def _link_live(
    store: Store, base: Sequence[Article], rng: random.Random, start: int, stop: int, encoder: HashingEncoder
) -> None:
    for chunk in range(start, stop, 500):
        batch = [synthetic(base, n, rng) for n in range(chunk, min(chunk + 500, stop))]
        insert(store.connection, batch)
        update(store, [a.id for a in batch], encoder=encoder)


def _measure(
    store: Store, base: Sequence[Article], rng: random.Random, start: int, encoder: HashingEncoder
) -> tuple[float, float]:
    """(CPU ms, wall ms) per article over MEASURED_BATCHES batches of BATCH new articles."""
    cpu = wall = 0.0
    for number in range(start, start + MEASURED_BATCHES * BATCH, BATCH):
        batch = [synthetic(base, n, rng) for n in range(number, number + BATCH)]
        insert(store.connection, batch)
        began_cpu, began_wall = time.process_time(), time.perf_counter()
        update(store, [a.id for a in batch], encoder=encoder)
        cpu += time.process_time() - began_cpu
        wall += time.perf_counter() - began_wall
    count = MEASURED_BATCHES * BATCH
    return cpu / count * 1000, wall / count * 1000


def run(sizes: Sequence[int], folder: Path) -> dict[str, object]:
    rng = random.Random(7)
    base = gnad_articles()
    encoder = HashingEncoder()
    store = Store.open(folder / "bench.sqlite")
    results: list[dict[str, float]] = []
    stored = 0
    try:
        for size in sizes:
            live_from = max(stored, size - LIVE)
            write_history(store.connection, stored, live_from, encoder.name)
            _link_live(store, base, rng, live_from, size, encoder)
            cpu, wall = _measure(store, base, rng, size, encoder)
            stored = size + MEASURED_BATCHES * BATCH
            results.append(
                {
                    "stored": size,
                    "cpu_ms_per_article": round(cpu, 2),
                    "wall_ms_per_article": round(wall, 2),
                    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                    "store_mb": round((folder / "bench.sqlite").stat().st_size / 2**20, 1),
                }
            )
            print(json.dumps(results[-1]), flush=True)
    finally:
        store.close()
    ratio = results[-1]["cpu_ms_per_article"] / results[0]["cpu_ms_per_article"] if len(results) > 1 else 1.0
    return {
        "results": results,
        "cpu_ratio_last_vs_first": round(ratio, 2),
        "e5": e5_cost(base),
    }


#: Articles linked with e5 to measure its per-article cost (two ingest batches).
E5_ARTICLES = 200


def e5_cost(base: Sequence[Article]) -> dict[str, float]:
    """Wall and CPU ms per article of ``update`` with the e5 encoder, on a fresh store.

    This is the size-independent part of linking: one encoder call per batch
    for the article leads and the statements that have something to compare.
    """
    rng = random.Random(11)
    encoder = E5Encoder()
    encoder.encode(["warm-up"])
    store = Store.open(":memory:")
    cpu = wall = 0.0
    texts = 0
    try:
        for start in range(0, E5_ARTICLES, BATCH):
            batch = [synthetic(base, n, rng) for n in range(start, start + BATCH)]
            insert(store.connection, batch)
            began_cpu, began_wall = time.process_time(), time.perf_counter()
            update(store, [a.id for a in batch], encoder=encoder)
            cpu += time.process_time() - began_cpu
            wall += time.perf_counter() - began_wall
        texts = store.connection.execute(
            "SELECT COUNT(*) FROM embeddings WHERE kind IN (?, ?)",
            (f"{encoder.name}:article", f"{encoder.name}:statement"),
        ).fetchone()[0]
        statements = store.connection.execute("SELECT COUNT(*) FROM statements").fetchone()[0]
    finally:
        store.close()
    return {
        "wall_ms_per_article": round(wall / E5_ARTICLES * 1000, 1),
        "cpu_ms_per_article": round(cpu / E5_ARTICLES * 1000, 1),
        "texts_encoded_per_article": round(texts / E5_ARTICLES, 2),
        "statements_per_article": round(statements / E5_ARTICLES, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="collection sizes, comma-separated")
    parser.add_argument("--e5-only", action="store_true", help="only the e5 cost per article")
    options = parser.parse_args()
    if options.e5_only:
        try:
            print(json.dumps(e5_cost(gnad_articles()), indent=2))
        except CorpusMissing as error:
            raise SystemExit(f"bench_stories: {error}") from None
        return
    sizes = [int(part) for part in options.sizes.split(",")]
    try:
        with tempfile.TemporaryDirectory() as folder:
            summary = run(sizes, Path(folder))
    except CorpusMissing as error:
        raise SystemExit(f"bench_stories: {error}") from None
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
