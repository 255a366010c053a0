"""The morphology stage on fresh news: CPU time per article, a profile, and agreement between two runs.

Takes the first ``--n`` 10kGNAD test articles (the shipped word-form lexicon is built
without any 10kGNAD text, see ``wortlaut.morph.build_lexicon``: fresh text to it), runs
the structure and tokens stages untimed, then times a newly built ``morph.hanta.v1``
stage (empty memos) over them and prints CPU ms per article.  ``--profile`` prints
cProfile's top functions instead; ``--dump FILE`` writes each token's (POS, lemma, mood,
tense) as JSON Lines and ``--compare FILE`` reads such a dump (for instance one written
by the previous commit's code) and prints how many tokens agree.  ``--no-lexicon`` runs
without the precomputed lexicon (HanTa and its memos only).  Usage::

    .venv/bin/python -m benchmarks.bench_morph [--n 300] [--no-lexicon] [--dump F] [--compare F]
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import json
import pstats
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article
from wortlaut.pipeline import build_pipeline
from wortlaut.stages.morph import MorphStage

BEFORE = (("structure.rules.v1", "wortlaut.stages.structure"), ("tokens.spacy.v1", "wortlaut.stages.tokens"))
#: Articles benchmarked by default (the first N of 10kGNAD; no 10kGNAD text is in the lexicon).
DEFAULT_ARTICLES = 300

Row = list[str | None]


def fresh_stage(lexicon: bool) -> MorphStage:
    """A new stage with empty memos; without the lexicon when asked (and when the code knows one)."""
    stage = MorphStage()
    if not lexicon and "lexicon" in inspect.signature(type(stage.analyser.tagger)).parameters:
        from wortlaut.morph import MorphAnalyser
        from wortlaut.morph.tagger import MemoTagger

        analyser = MorphAnalyser()
        analyser.tagger = MemoTagger(lexicon=None)
        stage.analyser = analyser
    return stage


def rows(article: Article) -> list[Row]:
    """What the token layer says of each token: text, POS, lemma, mood, tense."""
    return [[t.text, t.pos, t.lemma, t.mood, t.tense] for t in article.tokens]


def agreement(ours: list[list[Row]], theirs: list[list[Row]]) -> dict[str, float]:
    """Share of tokens whose POS, lemma, mood (and all three) agree; mood over finite verbs of either."""
    counts = {"tokens": 0, "pos": 0, "lemma": 0, "mood": 0, "all": 0, "finite": 0, "finite_mood": 0}
    for mine, other in zip(ours, theirs, strict=True):
        for a, b in zip(mine, other, strict=True):
            counts["tokens"] += 1
            counts["pos"] += a[1] == b[1]
            counts["lemma"] += a[2] == b[2]
            counts["mood"] += a[3] == b[3]
            counts["all"] += a[1:] == b[1:]
            if a[3] or b[3]:
                counts["finite"] += 1
                counts["finite_mood"] += a[3] == b[3]
    share = {key: counts[key] / max(1, counts["tokens"]) for key in ("pos", "lemma", "mood", "all")}
    share["finite_mood"] = counts["finite_mood"] / max(1, counts["finite"])
    share["tokens"] = counts["tokens"]
    share["finite"] = counts["finite"]
    return share


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--no-lexicon", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.n)
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
        return 0
    prepare = build_pipeline(BEFORE)
    articles = [prepare(article) for article in articles]
    tokens = sum(len(article.tokens) for article in articles)
    started = time.process_time()
    stage = fresh_stage(not args.no_lexicon)
    setup = time.process_time() - started
    profile = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profile:
        profile.enable()
    done = [stage(article) for article in articles]
    if profile:
        profile.disable()
    seconds = time.process_time() - started
    print(f"{len(articles)} articles, {tokens} tokens; stage set-up {setup:.2f} s CPU; "
          f"morphology {1000 * seconds / len(articles):.2f} ms/article, "
          f"{1e6 * seconds / max(1, tokens):.1f} µs/token (CPU)")  # fmt: skip
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    ours = [rows(article) for article in done]
    if args.dump:
        args.dump.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ours), encoding="utf-8"
        )
    if args.compare:
        theirs = [json.loads(line) for line in args.compare.read_text(encoding="utf-8").splitlines()]
        print("agreement with", args.compare, json.dumps(agreement(ours, theirs[: len(ours)])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
