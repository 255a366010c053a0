"""Times and events stage throughput on one core over the 1,028 10kGNAD articles.

The articles first go through the stages before them (structure, tokens, morph, entities,
coref), untimed, with a fixed publication date; then the times stage and the events stage
are timed on their own in CPU seconds of this process (``time.process_time``).  Usage::

    .venv/bin/python -m benchmarks.bench_times [--limit N]
    .venv/bin/python -m benchmarks.bench_times --limit 300 --compare-with ../main/src [--rounds 3]

``--compare-with SRC`` times ``times.rules.v1`` of another checkout's ``src`` (e.g. the main
branch) against this one in the same run: the articles are prepared once, saved as JSON, and
each round times the other code and then this code in fresh processes on the same articles.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.stagebench import limit_parser, prepared_gnad, timed
from wortlaut.article import Article
from wortlaut.stages.events import EventsStage
from wortlaut.stages.times import TimesStage

BEFORE = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
    ("entities.crf.v1", "wortlaut.stages.entities"),
    ("coref.rules.v1", "wortlaut.stages.coref"),
)
#: The publication date given to every article (the corpus carries none); any date works.
PUBLISHED = "2016-05-12"
THIS_SRC = Path(__file__).resolve().parents[1] / "src"
MS_PER_ARTICLE = re.compile(r"times\.rules\.v1: ([\d.]+) ms/article")


def main(argv: Sequence[str] | None = None) -> int:
    parser = limit_parser(__doc__)
    parser.add_argument("--compare-with", type=Path, help="another checkout's src folder to time against")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the comparison (default 3)")
    parser.add_argument("--from-json", type=Path, help="internal: time the times stage on saved JSON lines")
    args = parser.parse_args(argv)
    if args.from_json:
        return _time_saved(args.from_json)
    articles = prepared_gnad(args.limit, BEFORE, published=PUBLISHED)
    if articles is None:
        return 0
    if args.compare_with:
        return _compare(articles, args.compare_with, args.rounds)
    started = time.perf_counter()
    times, events = TimesStage(), EventsStage()
    print(f"time and event word lists loaded in {time.perf_counter() - started:.2f}s")
    with_times = timed("times.rules.v1", times, articles)
    done = timed("events.rules.v1", events, with_times)
    print(f"{sum(len(a.times) for a in done)} time expressions, {sum(len(a.events) for a in done)} events")
    return 0


def _time_saved(path: Path) -> int:
    """Time only the times stage on prepared articles (run in a fresh process by the comparison)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    articles = [Article.from_json(json.loads(line)) for line in lines]
    stage = TimesStage()
    stage(articles[0])  # warm caches (compiled patterns, lexicon) as a long-running process would have
    done = timed("times.rules.v1", stage, articles)
    print(f"{sum(len(a.times) for a in done)} time expressions")
    return 0


def _compare(articles: list[Article], other_src: Path, rounds: int) -> int:
    """Rounds of (other code, this code) on the same saved articles; prints each and the medians."""
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "articles.jsonl"
        saved.write_text(
            "\n".join(json.dumps(a.to_json(include_tokens=True), ensure_ascii=False) for a in articles),
            encoding="utf-8",
        )
        results: dict[str, list[float]] = {"other": [], "this": []}
        for _ in range(rounds):
            for label, src in (("other", other_src.resolve()), ("this", THIS_SRC)):
                results[label].append(_run_saved(saved, src, label))
    other, this = (sorted(values)[len(values) // 2] for values in (results["other"], results["this"]))
    print(f"median ms/article: other {other:.2f}, this {this:.2f} (this/other {this / other:.3f})")
    return 0


def _run_saved(saved: Path, src: Path, label: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "benchmarks.bench_times", "--from-json", str(saved)]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    match = MS_PER_ARTICLE.search(output)
    if match is None:
        raise RuntimeError(f"no timing in the output of {src}: {output!r}")
    print(f"{label} ({src}): {output.strip().splitlines()[0]}")
    return float(match.group(1))


if __name__ == "__main__":
    raise SystemExit(main())
