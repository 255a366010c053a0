"""Hostile inputs at full size (issue 13): time and peak memory of each, one child process per case.

The unit tests check these bounds at small sizes by operation counts; this
records the large ones: an HTML page with 200,000 attributes, a 5 MB
quote-dense text through the quotation rules, linking one article with 5,391
statements (hashing encoder), a gzip bomb on stdin and a 400 MB single JSON
line.  Peak memory is the child's largest resident set (``ru_maxrss``).
Usage::

    .venv/bin/python -m benchmarks.bench_hostile [--only NAME] [--quote-mb 5]
"""

from __future__ import annotations

import argparse
import gzip
import io
import multiprocessing
import resource
import time
import zlib
from collections.abc import Callable
from typing import Any

from wortlaut.article import Article, DateInfo, EntityRef, Statement


def html_attributes(_: argparse.Namespace) -> str:
    from wortlaut.ingest import read_bytes

    attributes = " ".join(f"a{number}=1" for number in range(200_000))
    page = f"<html><body><div {attributes}>Text</div></body></html>".encode()
    (item,) = list(read_bytes(page, name="attrs.html", format="html"))
    return f"{len(page) / 1e6:.1f} MB page -> {item}"


def quote_dense(options: argparse.Namespace) -> str:
    from wortlaut.quotes.extract import extract
    from wortlaut.quotes.lexicon import load_lexicon

    unit = "sagte, er habe „x“ "
    text = unit * int(options.quote_mb * 1024 * 1024 / len(unit.encode()))
    found = extract(Article.create(text), load_lexicon())
    return f"{len(text.encode()) / 1e6:.1f} MB, {text.count('„')} quotations -> {len(found)} statements"


def link_statements(_: argparse.Namespace) -> str:
    from wortlaut.link import HashingEncoder, update
    from wortlaut.store import Store

    quotes = [f"Wir prüfen den Vorschlag Nummer {number} sehr genau" for number in range(5_391)]
    text = "Merkel sagte: " + " ".join(f"„{quote}“." for quote in quotes)
    statements = []
    for number, quote in enumerate(quotes):
        start = text.index(quote)
        statements.append(Statement(
            id=f"s{number}", mode="direct", quote=Article.create(text).span(start, start + len(quote)),  # type: ignore[arg-type]
            speaker=EntityRef(start=0, end=6, text="Merkel", entity="Q567"),
            date=DateInfo(value="2025-02-10", source="published")))  # fmt: skip
    article = Article.create(text, published="2025-02-10").with_layers(statements=tuple(statements))
    with Store.open(":memory:") as store:
        started = time.perf_counter()
        store.add_many([article], link=False)
        stored = time.perf_counter()
        report = update(store, [article.id], encoder=HashingEncoder())
        linked = time.perf_counter()
    return (
        f"{len(quotes)} statements, stored in {stored - started:.1f} s, linked in {linked - stored:.1f} s:"
        f" {report.statements_grouped} grouped (the cap), {report.groups_created} groups"
    )


class _Zeros(io.RawIOBase):
    """``size`` bytes of a JSON line that never ends, produced on demand (nothing on disk)."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.head = b'{"text": "'

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self.left)
        chunk = (self.head + b"x" * size)[:size]
        self.head = self.head[size:]
        buffer[:size] = chunk
        self.left -= size
        return size


def json_line(_: argparse.Namespace) -> str:
    from wortlaut.ingest import read_path

    items = list(read_path("-", stdin=io.BufferedReader(_Zeros(400 * 1024 * 1024), 1 << 20)))
    return f"400 MB line -> {items[0]}"


def gzip_bomb(_: argparse.Namespace) -> str:
    from wortlaut.ingest import read_path

    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    bomb = gzip.compress(b'{"text": "') + b"".join(
        [*(compressor.compress(chunk) for _ in range(2_100)), compressor.flush()]
    )
    started = time.perf_counter()
    items = list(read_path("-", stdin=io.BufferedReader(io.BytesIO(bomb))))
    took = time.perf_counter() - started
    return f"{len(bomb) / 1e6:.1f} MB bomb of 2.1 GB, read in {took:.2f} s -> {items[-1]}"


def warc_cuts(_: argparse.Namespace) -> str:
    """Cut the sample WARC (gzipped and plain) at every byte: which cuts go unreported?"""
    from wortlaut.ingest import IngestError, read_bytes
    from wortlaut.samples import SAMPLES_DIR

    packed = (SAMPLES_DIR / "crawl-2025-03-21.warc.gz").read_bytes()
    parts = []
    for label, data in (("gzip", packed), ("plain", gzip.decompress(packed))):
        silent = [
            cut for cut in range(1, len(data))
            if not any(isinstance(item, IngestError) for item in read_bytes(data[:cut], name="w"))
        ]  # fmt: skip
        parts.append(f"{label}: {len(silent)} of {len(data) - 1} cuts unreported")
    return "; ".join(parts)


CASES: dict[str, Callable[[argparse.Namespace], str]] = {
    "warc_cuts": warc_cuts,
    "html_attributes": html_attributes,
    "quote_dense": quote_dense,
    "link_statements": link_statements,
    "json_line": json_line,
    "gzip_bomb": gzip_bomb,
}


def _child(name: str, options: argparse.Namespace, results: Any) -> None:
    started = time.perf_counter()
    outcome = CASES[name](options)
    seconds = time.perf_counter() - started
    results.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, outcome))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=sorted(CASES))
    parser.add_argument("--quote-mb", type=float, default=5.0)
    options = parser.parse_args(argv)
    context = multiprocessing.get_context("fork")
    for name in [options.only] if options.only else list(CASES):
        results = context.Queue()
        child = context.Process(target=_child, args=(name, options, results))
        child.start()
        seconds, peak_mb, outcome = results.get()
        child.join()
        print(f"{name:16s} {seconds:8.1f} s  peak {peak_mb:7.0f} MB  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
