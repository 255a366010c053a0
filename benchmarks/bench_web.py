"""Web page latency: every kind of UI page rendered over the demo store, p50/p95/max in milliseconds.

Uses the demo store (``python -m wortlaut.demo``: the shipped samples plus
the seeds when present), built once into the temp directory unless
``--db`` names one.  Pages are requested through FastAPI's in-process test
client, so the times cover routing, the store queries, highlighting and
template rendering, but not the network.  Each URL is requested once to
warm up (template compilation), then ``--repeat`` times.  Usage::

    .venv/bin/python -m benchmarks.bench_web [--db demo.sqlite] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

from wortlaut.api import create_app
from wortlaut.store import Store

#: The budget the issue sets for every page.
BUDGET_MS = 300.0


def demo_store(path: Path | None) -> Path:
    """The store to measure: ``path``, or the demo store cached in the temp directory."""
    if path is not None:
        return path
    cached = Path(tempfile.gettempdir()) / "wortlaut-bench-web-demo.sqlite"
    if not cached.exists():
        subprocess.run(
            [sys.executable, "-m", "wortlaut.demo", "--db", str(cached)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return cached


def page_urls(db: Path) -> dict[str, list[str]]:
    """Every page of the store's articles and stories, and the main person and search pages."""
    with Store.open(db, readonly=True) as store:
        articles = sorted(store.stored_ids())
        stories = [story.id for story in store.stories(limit=100)]
        people = [
            row[0]
            for row in store.connection.execute(
                "SELECT e.name FROM statements s JOIN entities e ON e.id = s.speaker_entity"
                " GROUP BY e.id ORDER BY COUNT(*) DESC LIMIT 5"
            )
        ]
    return {
        "home": ["/ui/"],
        "search": ["/ui/search?q=Rutte", "/ui/search?q=Ukraine", "/ui/search?q=Ukraine&mode=direct"],
        "person": [f"/ui/person/{quote(name)}" for name in people]
        + [f"/ui/person/{quote(people[0])}?topic=Ukraine"] * bool(people),
        "article": [f"/ui/article/{quote(item)}" for item in articles],
        "story": [f"/ui/story/{quote(item)}" for item in stories],
        "report": [f"/ui/person/{quote(people[0])}/report"] * bool(people)
        + [f"/ui/story/{quote(item)}/report" for item in stories[:3]],
        "download": ["/ui/search?q=Ukraine&download=statements.csv"],
    }


def measure(client: TestClient, urls: list[str], repeat: int) -> list[float]:
    """Milliseconds per request over ``repeat`` rounds of ``urls`` (after one warm-up round)."""
    times = []
    for round_number in range(repeat + 1):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            if round_number:
                times.append(elapsed)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="store to use (default: the demo store)")
    parser.add_argument("--repeat", type=int, default=20, help="timed rounds per URL")
    args = parser.parse_args()
    db = demo_store(args.db)
    with TestClient(create_app(db), base_url="http://localhost") as client:
        print(f"store {db}; {args.repeat} rounds per URL; budget {BUDGET_MS:.0f} ms")
        print(f"{'page':<10}{'urls':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        worst = 0.0
        for kind, urls in page_urls(db).items():
            if not urls:
                continue
            times = sorted(measure(client, urls, args.repeat))
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            worst = max(worst, times[-1])
            print(f"{kind:<10}{len(urls):>5}{statistics.median(times):>9.1f}{p95:>9.1f}{times[-1]:>9.1f}")
    print(f"slowest request: {worst:.1f} ms ({'within' if worst < BUDGET_MS else 'OVER'} budget)")


if __name__ == "__main__":
    main()
