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

Vectors come from the HashingEncoder: e5 costs about 0.3 s per article on
2 cores whatever the collection size, which would make a 100k build take
hours without changing what is measured here (how the linking cost grows
with the collection); the e5 encoding time per article is reported
separately.  Memory is the process's peak RSS and the store file size.
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

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article, DateInfo, Entity, EntityRef, Mention, Statement
from wortlaut.link import E5Encoder, HashingEncoder, update
from wortlaut.store import Store

#: Articles published per simulated day (a busy German news feed).
ARTICLES_PER_DAY = 100
#: Articles per ``update`` call, as ingest commits them.
BATCH = 100
#: Measured batches at each size (their articles count towards the next size).
MEASURED_BATCHES = 5
ENTITIES, SPEAKERS = 5000, 2000
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


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
    published = (date(2020, 1, 1) + timedelta(days=number // ARTICLES_PER_DAY)).isoformat()
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


def run(sizes: Sequence[int], folder: Path) -> dict[str, object]:
    rng = random.Random(7)
    base = gnad_articles()
    encoder = HashingEncoder()
    store = Store.open(folder / "bench.sqlite")
    results: list[dict[str, float]] = []
    stored = 0
    try:
        for size in sizes:
            while stored < size:  # grow (linked the same way, not timed)
                batch = [synthetic(base, stored + i, rng) for i in range(min(1000, size - stored))]
                insert(store.connection, batch)
                for start in range(0, len(batch), 1000):
                    update(store, [a.id for a in batch[start : start + 1000]], encoder=encoder)
                stored += len(batch)
            seconds = 0.0
            for _ in range(MEASURED_BATCHES):
                batch = [synthetic(base, stored + i, rng) for i in range(BATCH)]
                insert(store.connection, batch)
                began = time.perf_counter()
                update(store, [a.id for a in batch], encoder=encoder)
                seconds += time.perf_counter() - began
                stored += BATCH
            per_article = seconds / (MEASURED_BATCHES * BATCH) * 1000
            results.append(
                {
                    "stored": size,
                    "ms_per_article": round(per_article, 2),
                    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                    "store_mb": round((folder / "bench.sqlite").stat().st_size / 2**20, 1),
                }
            )
            print(json.dumps(results[-1]), flush=True)
    finally:
        store.close()
    ratio = results[-1]["ms_per_article"] / results[0]["ms_per_article"] if len(results) > 1 else 1.0
    return {"results": results, "ratio_last_vs_first": round(ratio, 2), "e5_ms_per_article": e5_cost(base)}


def e5_cost(base: Sequence[Article]) -> float:
    """Milliseconds e5 needs to encode one article's lead (the size-independent part of linking)."""
    encoder = E5Encoder()
    texts = [article.text[:1200] for article in base[:20]]
    began = time.perf_counter()
    encoder.encode(texts)
    return round((time.perf_counter() - began) / len(texts) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="collection sizes, comma-separated")
    options = parser.parse_args()
    sizes = [int(part) for part in options.sizes.split(",")]
    try:
        with tempfile.TemporaryDirectory() as folder:
            summary = run(sizes, Path(folder))
    except CorpusMissing as error:
        raise SystemExit(f"bench_stories: {error}") from None
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
