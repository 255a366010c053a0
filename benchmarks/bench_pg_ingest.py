"""Storing and linking the same analysed articles into SQLite and into PostgreSQL, side by side.

Analyses ``--n`` articles of 10kGNAD + WikiNews once with the default pipeline
(one process; the analysis is the same whichever store follows, so it is left
out of the timings), then for each engine writes them into a fresh store in
batches of ``--batch-size`` as ``wortlaut ingest`` does: ``add_many`` (one
transaction per batch) and then the cross-article linking of the batch, with
the hashing encoder so that encoding time (the same on both engines) does not
hide the store's share.  PostgreSQL is a throwaway server with its default
durability (fsync and synchronous commit on; tests/pgserver.py).  Usage::

    .venv/bin/python -m benchmarks.bench_pg_ingest [--n 300] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench_store_ingest import corpus, repeated
from wortlaut.article import Article
from wortlaut.link import HashingEncoder, update
from wortlaut.pipeline import default_pipeline
from wortlaut.store import Store


def analysed(n: int) -> list[Article]:
    """``n`` analysed articles (the corpus repeated with marker lines when ``n`` exceeds it)."""
    pipeline = default_pipeline()
    return [pipeline(article) for article in repeated(corpus(), n)]


def write(location: Path | str, articles: list[Article], batch_size: int) -> tuple[float, float]:
    """Seconds spent storing and seconds spent linking, batch after batch, into a fresh store."""
    stored = linked = 0.0
    encoder = HashingEncoder()
    with Store.open(location) as store:
        for start in range(0, len(articles), batch_size):
            batch = articles[start : start + batch_size]
            began = time.perf_counter()
            results = store.add_many(batch, link=False)
            middle = time.perf_counter()
            update(store, [result.article_id for result in results], encoder=encoder, articles=batch)
            stored, linked = stored + middle - began, linked + time.perf_counter() - middle
        counts = store.counts()
    print(f"  {counts}")
    return stored, linked


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    if not corpus():
        print("no corpus: needs ../shared/data (10kGNAD, WikiNews)")
        return 0
    from tests import pgserver

    server = pgserver.start(durable=True)
    if isinstance(server, str):
        print(f"no PostgreSQL: {server}")
        return 1
    try:
        started = time.perf_counter()
        articles = analysed(args.n)
        seconds = time.perf_counter() - started
        print(f"analysed {len(articles)} articles in {seconds:.1f} s (not in the timings)")
        with tempfile.TemporaryDirectory() as folder:
            for name, location in (("sqlite", Path(folder) / "s.sqlite"), ("postgresql", server.url())):
                stored, linked = write(location, articles, args.batch_size)
                rate, both = len(articles) / stored, len(articles) / (stored + linked)
                print(f"{name:<10} store {stored:6.2f} s ({rate:6.1f} articles/s)  link {linked:6.2f} s"
                      f"  store+link {both:6.1f} articles/s")  # fmt: skip
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
