"""NER tagger throughput on one core over the 1,028 10kGNAD articles.

Words come from a simple regular-expression tokenizer and sentences from a
split after ``.!?`` so the number measures the tagger alone (the tokens stage
is timed in ``bench_language``).  The first pass starts with an empty feature
cache (what a fresh process sees); the second runs with the cache warm.  CPU time
is printed beside wall time because it is less disturbed by other jobs on the machine.
Usage::

    .venv/bin/python -m benchmarks.bench_ner [--limit N] [--model PATH]
    .venv/bin/python -m benchmarks.bench_ner --model NEW --against OLD [--rounds 5]

With ``--against`` both models are loaded into one process and take turns article by article
(A then B, then B then A), each with its own cache, so both see the same load from other jobs
on a shared machine; separate runs of one model at a time differ by 20-40% on a busy machine.
``--against-rev REV`` runs the ``--against`` model with the tagger code of git revision REV
(its ``ner/tagger.py``, ``dense.py`` and ``features.py``, loaded as separate modules, so
neither tagger shares the other's feature caches): today's code against a commit's::

    .venv/bin/python -m benchmarks.bench_ner --model NEW --against OLD --against-rev HEAD~1
"""

from __future__ import annotations

import argparse
import re
import time

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.ner import load_tagger
from wortlaut.ner.tagger import NerTagger

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
    parser.add_argument("--against", default=None, help="A second model to time in turns with --model.")
    parser.add_argument("--rounds", type=int, default=5, help="Cold + warm passes per model (--against).")
    parser.add_argument("--against-rev", default=None, help="Git revision whose tagger code runs --against.")
    args = parser.parse_args()
    try:
        articles = [sentences_of(article.text) for article in gnad_articles(limit=args.limit)]
    except CorpusMissing as error:
        raise SystemExit(f"error: {error}") from error
    if args.against is not None:
        against = load_tagger(args.against) if args.against_rev is None else _old_tagger(args)
        compare(articles, {"model": load_tagger(args.model), "against": against}, args.rounds)
        return
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


def _old_tagger(args: argparse.Namespace) -> NerTagger:
    """The ``--against`` model loaded by the tagger code of ``--against-rev`` (see the docstring)."""
    import importlib.util
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="bench_ner_rev_"))
    names = {"features": "old_ner_features", "dense": "old_ner_dense", "tagger": "old_ner_tagger"}
    for name, renamed_file in names.items():
        source = subprocess.run(
            ["git", "show", f"{args.against_rev}:src/wortlaut/ner/{name}.py"],
            check=True, capture_output=True, text=True,
        ).stdout
        for other, renamed in names.items():
            source = source.replace(f"from wortlaut.ner.{other} import", f"from {renamed} import")
        (folder / f"{renamed_file}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location("old_ner_tagger", folder / "old_ner_tagger.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: cannot load the tagger code of {args.against_rev}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tagger: NerTagger = module.load_tagger(args.against)
    return tagger


def compare(articles: list[list[list[str]]], taggers: dict[str, NerTagger], rounds: int) -> None:
    """Per round: a cold pass (caches emptied) and a warm pass, the models taking turns per article."""
    tokens = sum(len(sentence) for article in articles for sentence in article)
    names = list(taggers)
    for round_number in range(1, rounds + 1):
        for tagger in taggers.values():
            tagger.clear_cache()
        for label in ("cold", "warm"):
            cpu = dict.fromkeys(names, 0)
            spans = dict.fromkeys(names, 0)
            for index, article in enumerate(articles):
                for name in names if index % 2 == 0 else names[::-1]:
                    started = time.process_time_ns()
                    spans[name] += sum(len(found) for found in taggers[name].tag_sentences(article))
                    cpu[name] += time.process_time_ns() - started
            per = {name: cpu[name] / 1e6 / tokens * ARTICLE_TOKENS for name in names}
            print(
                f"round {round_number} {label}: CPU ms per {ARTICLE_TOKENS} tokens "
                + ", ".join(f"{name} {per[name]:.2f} ({spans[name]} spans)" for name in names)
                + f"; ratio {per[names[0]] / per[names[1]]:.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
