"""Same output, checked: dump every layer the worker's pipeline writes, and compare two dumps (issue 17z).

An exact speed cut must leave every layer of every article as it was.  ``dump``
runs the default pipeline over the 10kGNAD test articles (and the WikiNews train
texts with ``--wikinews``) and writes one line per article: its full record with
the token layer (:meth:`wortlaut.article.Article.to_json`, keys sorted), so two
runs of different code on the same inputs can be compared byte for byte.
``compare`` counts the byte-identical lines and names the first layers that
differ.  Run the old code's dump from a ``git archive`` with
``PYTHONPATH=<archive>/src:.``.  Usage::

    .venv/bin/python -m benchmarks.worker_layers dump OUT.jsonl [--n 1028] [--wikinews 700]
    .venv/bin/python -m benchmarks.worker_layers compare OLD.jsonl NEW.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles


def dump(out: Path, *, n: int, wikinews: int) -> int:
    """Write one sorted-key JSON line per analysed article; the number written."""
    from wortlaut.pipeline import default_pipeline

    articles = gnad_articles(limit=n) + (wikinews_articles("train", limit=wikinews) if wikinews else [])
    pipeline = default_pipeline()
    started = time.process_time()
    with out.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = pipeline(article).to_json(include_tokens=True)
            handle.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
    seconds = time.process_time() - started
    per_article = 1000 * seconds / max(1, len(articles))
    print(f"{len(articles)} articles dumped to {out} ({per_article:.1f} CPU ms/article)")
    return len(articles)


def compare(old: Path, new: Path) -> int:
    """Print how many lines are byte-identical and, for the first few others, which layers differ."""
    old_lines = old.read_text(encoding="utf-8").splitlines()
    new_lines = new.read_text(encoding="utf-8").splitlines()
    same = sum(1 for a, b in zip(old_lines, new_lines, strict=False) if a == b)
    print(f"{same} of {len(old_lines)} articles byte-identical ({len(new_lines)} in {new.name})")
    shown = 0
    for index, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)):
        if a != b and shown < 5:
            before, after = json.loads(a), json.loads(b)
            keys = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
            print(f"  article {index}: layers differ: {', '.join(keys)}")
            shown += 1
    return 0 if same == len(old_lines) == len(new_lines) else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="analyse and dump every layer")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--n", type=int, default=1028, help="10kGNAD test articles (from the first)")
    dumping.add_argument("--wikinews", type=int, default=0, help="WikiNews train texts after them")
    comparing = commands.add_parser("compare", help="count byte-identical articles of two dumps")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.old, args.new)
    try:
        dump(args.out, n=args.n, wikinews=args.wikinews)
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
