"""NER tagger throughput on one core over the 1,028 10kGNAD articles.

Words come from a simple regular-expression tokenizer and sentences from a
split after ``.!?`` so the number measures the tagger alone (the tokens stage
is timed in ``bench_language``).  The first pass starts with an empty feature
cache (what a fresh process sees); the second runs with the cache warm.  CPU time
is printed beside wall time because it is less disturbed by other jobs on the machine.
Usage::

    .venv/bin/python -m benchmarks.bench_ner [--limit N] [--model PATH]
"""

from __future__ import annotations

import argparse
import re
import time

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.ner import load_tagger

WORD = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")
#: Tokens per article the project's speed target is stated in.
ARTICLE_TOKENS = 400


def sentences_of(text: str) -> list[list[str]]:
    """Words of ``text`` cut into sentences after ``.``, ``!`` and ``?``."""
    sentences: list[list[str]] = [[]]
    for word in WORD.findall(text):
        sentences[-1].append(word)
        if word in (".", "!", "?"):
            sentences.append([])
    return [sentence for sentence in sentences if sentence]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    try:
        articles = [sentences_of(article.text) for article in gnad_articles(limit=args.limit)]
    except CorpusMissing as error:
        raise SystemExit(f"error: {error}") from error
    started = time.perf_counter()
    tagger = load_tagger(args.model)
    print(f"model loaded in {time.perf_counter() - started:.2f} s")
    tokens = sum(len(sentence) for article in articles for sentence in article)
    for label in ("cold cache", "warm cache"):
        started, cpu_started = time.perf_counter(), time.process_time()
        spans = sum(len(found) for article in articles for found in tagger.tag_sentences(article))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        print(
            f"{label}: {len(articles)} articles, {tokens} tokens, {spans} spans in {seconds:.2f} s = "
            f"{tokens / seconds:,.0f} tokens/s, {len(articles) / seconds:.1f} articles/s, "
            f"{1000 * seconds / tokens * ARTICLE_TOKENS:.2f} ms per {ARTICLE_TOKENS} tokens "
            f"(CPU time {1000 * cpu / tokens * ARTICLE_TOKENS:.2f} ms)"
        )


if __name__ == "__main__":
    main()
