"""CPU time per text of the static encoder against e5, on the same article leads and statements.

``python -m benchmarks.bench_static [--count 200]``

Texts: 10kGNAD articles as linking reads them (first sentence as title, then 30 words: e5's
``article_words``) and their first sentences (statement-sized).  CPU time of this process
(``time.process_time``), which a loaded machine disturbs less than wall time; e5 runs with one
thread so that its CPU time is its cost; one warm-up call each.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles


def texts(count: int) -> tuple[list[str], list[str]]:
    """(leads, sentences) of the first ``count`` 10kGNAD articles."""
    leads, sentences = [], []
    for article in gnad_articles(limit=count):
        first, _, rest = article.text.partition(". ")
        leads.append(f"{first}. {' '.join(rest.split()[:30])}")
        sentences.append(first)
    return leads, sentences


def cpu_ms_per_text(encoder: object, batch: Sequence[str]) -> float:
    encode = encoder.encode  # type: ignore[attr-defined]
    encode(list(batch[:2]))
    started = time.process_time()
    encode(list(batch))
    return (time.process_time() - started) * 1000 / len(batch)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args(argv)
    try:
        leads, sentences = texts(args.count)
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
        return 0
    from wortlaut.link.encoder import E5Encoder
    from wortlaut.link.static import StaticEncoder

    print(f"load average before: {os.getloadavg()[0]:.1f}")
    for name, encoder in (("static", StaticEncoder()), ("e5 (1 thread)", E5Encoder(threads=1))):
        lead, sentence = cpu_ms_per_text(encoder, leads), cpu_ms_per_text(encoder, sentences)
        print(f"{name}: {lead:.2f} CPU ms per lead, {sentence:.2f} CPU ms per sentence ({len(leads)} each)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
