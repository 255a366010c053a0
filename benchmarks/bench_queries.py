"""Query latency of the store: p50/p95 of ``said``, ``person`` and ``search`` on a large synthetic store.

Builds (once, cached in the temp directory) a store of ``--statements``
statements: 10 per article, 5,000 speakers whose statement counts follow a
Zipf law (the most quoted speaker has ~10% of all statements, as heads of
government do in real news), quotes drawn from the 10kGNAD vocabulary with
Zipf word frequencies, one event with 2-3 participants per article, 20% of
statements in statement groups and articles in stories of 10.  Then times the
public :class:`~wortlaut.store.Store` methods on a read-only connection,
with speakers and words sampled by the same Zipf laws.  Usage::

    .venv/bin/python -m benchmarks.bench_queries [--statements 1000000] [--queries 200] [--rebuild]
    .venv/bin/python -m benchmarks.bench_queries --pg [--statements 1000000]  # a throwaway PostgreSQL

``--pg`` builds the same store in a throwaway PostgreSQL server (tests/pgserver.py: Debian's PostgreSQL
15 binaries, a temp dir, default durability settings) and times the same queries there; ``--db URL``
uses a server of your own (the store is rebuilt there when ``--rebuild`` or empty).  ``--pg-dir DIR``
keeps the server in DIR: the first run creates it and builds the store (schema ``bench<statements>``),
later runs start it, reuse the store and stop it again (``--keep-running`` leaves it up)::

    nice .venv/bin/python -m benchmarks.bench_queries --pg-dir /work/pgbench --repeat 3

``--repeat R`` asks the same query set R times and prints p50/p95/max per run (with the load average
before and after it) and pooled over the runs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from wortlaut.store import Store
from wortlaut.store.postgres import is_url
from wortlaut.store.text import normalize, stem_words

SPEAKERS = 5_000
STATEMENTS_PER_ARTICLE = 10
#: Articles per write transaction while building.
BUILD_BATCH = 5_000
_FALLBACK_WORDS = " ".join(
    (
        "Regierung Ukraine Frieden Gespräche Verhandlungen Minister Kanzler Haushalt Schulden Reform Bahn",
        "Energie Klima Wahl Partei Koalition Opposition Europa Sicherheit Verteidigung Hilfe Gipfel",
        "Treffen Bundestag Gesetz Steuern Rente Migration Grenze Wirtschaft Inflation Zinsen Arbeit Bildung",
    )
).split()


def _vocabulary(size: int = 20_000) -> list[str]:
    """Words of the 10kGNAD corpus by frequency (most frequent first), or a small fallback list."""
    try:
        from benchmarks.corpora import CorpusMissing, gnad_articles

        counts: dict[str, int] = {}
        for article in gnad_articles():
            for word in re.findall(r"[^\W\d_]{3,}", article.text):
                counts[word] = counts.get(word, 0) + 1
        return sorted(counts, key=lambda word: -counts[word])[:size]
    except (ImportError, CorpusMissing):
        return list(_FALLBACK_WORDS)


def _zipf_weights(count: int) -> list[float]:
    return [1.0 / rank for rank in range(1, count + 1)]


def build(path: Path | str, statements: int, *, seed: int = 7) -> None:
    """Write the synthetic store straight into the store's tables (same schema, same stems)."""
    rng = random.Random(seed)
    words = _vocabulary()
    stems = dict(zip(words, stem_words([word.casefold() for word in words]), strict=True))
    word_weights = list(itertools.accumulate(_zipf_weights(len(words))))
    speaker_weights = list(itertools.accumulate(_zipf_weights(SPEAKERS)))
    names = [(f"P{index:04d}", f"Vorname{index} Nachname{index}") for index in range(SPEAKERS)]
    if isinstance(path, Path):
        path.unlink(missing_ok=True)
    with Store.open(path) as store:
        connection = store.connection
        with store.transaction():
            connection.executemany(
                "INSERT INTO entities (id, name, type, json) VALUES (?, ?, 'PER', '{}')", names
            )
            connection.executemany(
                "INSERT INTO entity_aliases (entity_id, alias, norm, kind) VALUES (?, ?, ?, ?)",
                [row for eid, name in names for row in ((eid, name, normalize(name), "name"),
                 (eid, name.split()[1], normalize(name.split()[1]), "surname"))],
            )  # fmt: skip
        articles = statements // STATEMENTS_PER_ARTICLE
        postgres = store.dialect == "postgresql"
        if postgres:  # a bulk load: build the full-text indexes once at the end, commit without waiting
            connection.execute("SET synchronous_commit = off")
            for table in ("articles", "statements"):
                connection.execute(f"DROP INDEX IF EXISTS {table}_stem_tsv")
        for first in range(0, articles, BUILD_BATCH):
            rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in _INSERTS}
            for number in range(first, min(first + BUILD_BATCH, articles)):
                _add_article(rows, rng, number, words, stems, word_weights, speaker_weights, names)
            with store.transaction():  # one executemany per table: few round trips on PostgreSQL
                for table, sql in _INSERTS.items():
                    connection.executemany(sql, rows[table])
            print(
                f"  built {min(first + BUILD_BATCH, articles) * STATEMENTS_PER_ARTICLE:,} statements",
                flush=True,
            )
        if postgres:
            for table in ("articles", "statements"):
                connection.execute(f"CREATE INDEX {table}_stem_tsv ON {table} USING GIN (stem_tsv)")
            # what autovacuum does to a store after a while: hint bits and visibility map set, so
            # that the first queries timed do not write them (and index-only scans need no heap)
            connection.execute("VACUUM ANALYZE")
        else:
            connection.execute("ANALYZE")


_INSERTS = {
    "articles": "INSERT INTO articles (id, url, source, title, published, language, text, json, ingested_at,"
    " content_hash, stem) VALUES (?, ?, 'bench', ?, ?, 'de', ?, ?, '', '', ?)",
    "statements": "INSERT INTO statements (id, article_id, mode, cue_text, quote_text, speaker_text,"
    " speaker_entity, speaker_norm, speaker_last, date, published, json, stem)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)",
    "events": "INSERT INTO events (id, article_id, type, trigger_text, date, published, json)"
    " VALUES (?, ?, 'meeting', 'Treffen', ?, ?, '{}')",
    "event_participants": "INSERT INTO event_participants (event_id, entity, text) VALUES (?, ?, ?)",
    "statement_group_members": "INSERT OR IGNORE INTO statement_group_members"
    " (group_id, statement_id, similarity, diff) VALUES (?, ?, 0.9, NULL)",
    "statement_groups": "INSERT INTO statement_groups (id, speaker_entity, representative_statement,"
    " first_seen, size, flags) VALUES (?, NULL, ?, ?, 2, NULL)",
    "stories": "INSERT INTO stories (id, title, first_date, last_date, size, digest)"
    " VALUES (?, ?, ?, ?, 10, NULL)",
    "story_articles": "INSERT INTO story_articles (story_id, article_id, similarity) VALUES (?, ?, 1.0)",
}


def _add_article(
    rows: dict[str, list[tuple[object, ...]]],
    rng: random.Random,
    number: int,
    words: list[str],
    stems: dict[str, str],
    word_weights: list[float],
    speaker_weights: list[float],
    names: list[tuple[str, str]],
) -> None:
    """The rows of one article with its statements, event, group memberships and story."""
    article_id = f"a{number:07d}"
    date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    quotes = [rng.choices(words, cum_weights=word_weights, k=rng.randint(12, 25))
              for _ in range(STATEMENTS_PER_ARTICLE)]  # fmt: skip
    speakers = rng.choices(range(SPEAKERS), cum_weights=speaker_weights, k=STATEMENTS_PER_ARTICLE)
    text = "\n".join(" ".join(quote) + "." for quote in quotes)
    stem = " ".join(stems[word] for quote in quotes for word in quote)
    record = json.dumps({"schema": "wortlaut/1", "id": article_id, "text": text, "published": date})
    rows["articles"].append(
        (article_id, f"https://bench.example/{number}", " ".join(quotes[0][:6]), date, text, record, stem)
    )
    for index, (quote, speaker) in enumerate(zip(quotes, speakers, strict=True)):
        entity, name = names[speaker]
        quote_text = " ".join(quote)
        quote_stem = " ".join(stems[word] for word in quote)
        rows["statements"].append((f"{article_id}:s{index}", article_id, "indirect", "sagte", quote_text,
                                   name, entity, None, None, date, date, quote_stem))  # fmt: skip
    event_id = f"{article_id}:e1"
    rows["events"].append((event_id, article_id, date, date))
    participants = {names[speaker] for speaker in speakers[: rng.randint(2, 3)]}
    rows["event_participants"] += [(event_id, entity, name) for entity, name in sorted(participants)]
    if number % 5 == 0 and number:  # 20% of statements join a group with the previous article's statement
        for index in range(STATEMENTS_PER_ARTICLE):
            group = f"g{number}:{index}"
            rows["statement_group_members"] += [
                (group, f"{article_id}:s{index}"), (group, f"a{number - 1:07d}:s{index}")
            ]
            rows["statement_groups"].append((group, f"{article_id}:s{index}", date))
    story = f"story{number // 10}"
    if number % 10 == 0:
        rows["stories"].append((story, story, date, date))
    rows["story_articles"].append((story, article_id))


def _percentiles(label: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (f"{label:<22} n={len(ordered):<4} p50={1000 * statistics.median(ordered):7.2f} ms"
            f"  p95={1000 * p95:7.2f} ms  max={1000 * ordered[-1]:7.2f} ms")  # fmt: skip


def _time(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _load() -> str:
    """The load averages (1, 5, 15 min) as ``uptime`` shows them: timings on a busy machine differ."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


#: CPU seconds per call of a query kind: this process's, and the PostgreSQL server process's (``None``
#: where it cannot be read: SQLite, or a server on another machine).
Cpu = tuple[float, float | None]


def _server_cpu(store: Store) -> Callable[[], float | None]:
    """A reader of the CPU seconds the store's PostgreSQL backend process has used so far.

    Wall-clock latency on a shared machine mostly measures waiting for a core; the CPU time a query
    costs the client and the server does not depend on the load.  Needs the server on this machine.
    """
    if store.dialect != "postgresql":
        return lambda: None
    stat = Path(f"/proc/{store.reader.value('SELECT pg_backend_pid()')}/stat")
    ticks = os.sysconf("SC_CLK_TCK")

    def used() -> float | None:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    return used


def time_queries(
    path: Path | str, queries: int, *, seed: int = 11
) -> tuple[dict[str, list[float]], dict[str, Cpu]]:
    """Seconds per call of each query kind, and its CPU per call; the same ``seed`` asks the same queries."""
    rng = random.Random(seed)
    words = _vocabulary()[100:5_000]  # skip stop words: nobody searches for "und"
    speakers = rng.choices(range(SPEAKERS), _zipf_weights(SPEAKERS), k=queries)
    timings: dict[str, list[float]] = {}
    cpu: dict[str, Cpu] = {}
    with Store.open(path, readonly=True) as store:
        store.said("Nachname0")  # warm the page cache once
        server = _server_cpu(store)
        cases: dict[str, Callable[[int], object]] = {
            "said": lambda i: store.said(f"Nachname{speakers[i]}"),
            "said (top speaker)": lambda i: store.said("Nachname0", offset=i % 5 * 20),
            "said --about": lambda i: store.said(f"Nachname{speakers[i]}", about=rng.choice(words)),
            "said --since": lambda i: store.said(f"Nachname{speakers[i]}", since="2024-06"),
            "person": lambda i: store.person(f"Vorname{speakers[i]} Nachname{speakers[i]}"),
            "search (1 word)": lambda i: store.search(rng.choice(words)),
            "search (2 words)": lambda i: store.search(f"{rng.choice(words)} {rng.choice(words)}"),
        }
        for label, case in cases.items():
            client, backend = time.process_time(), server()
            timings[label] = [_time(partial(case, i)) for i in range(queries)]
            after = server()
            on_server = None if after is None or backend is None else (after - backend) / queries
            cpu[label] = ((time.process_time() - client) / queries, on_server)
    return timings, cpu


def _cpu_line(label: str, cpu: Cpu) -> str:
    server = "" if cpu[1] is None else f"  server {1000 * cpu[1]:6.2f} ms"
    return f"{label:<22} cpu per call: client {1000 * cpu[0]:6.2f} ms{server}"


def run_queries(path: Path | str, queries: int, *, repeat: int = 1, seed: int = 11) -> list[str]:
    """Percentile lines of ``repeat`` runs of the same query set, each and (for several) pooled."""
    lines: list[str] = []
    pooled: dict[str, list[float]] = {}
    pooled_cpu: dict[str, list[Cpu]] = {}
    for number in range(1, repeat + 1):
        before = _load()
        timings, cpu = time_queries(path, queries, seed=seed)
        if repeat > 1:
            clock = time.strftime("%H:%M:%S")
            lines.append(f"run {number} of {repeat} ({before} before, {_load()} after, ended {clock})")
        for label, values in timings.items():
            lines.append(_percentiles(label, values))
            pooled.setdefault(label, []).extend(values)
            pooled_cpu.setdefault(label, []).append(cpu[label])
        lines += [_cpu_line(label, used) for label, used in cpu.items()]
    if repeat > 1:
        lines.append(f"pooled over {repeat} runs")
        lines += [_percentiles(label, values) for label, values in pooled.items()]
        for label, runs in pooled_cpu.items():
            servers = [run[1] for run in runs]
            server = None if None in servers else statistics.mean(s for s in servers if s is not None)
            lines.append(_cpu_line(label, (statistics.mean(run[0] for run in runs), server)))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="run the query set this many times")
    parser.add_argument("--db", default=None, help="store file or postgresql:// URL (default: a cached file)")
    parser.add_argument("--pg", action="store_true", help="build and query in a throwaway PostgreSQL server")
    parser.add_argument(
        "--pg-dir", type=Path, default=None,
        help="a kept PostgreSQL server in this folder (created, started when stopped, stopped at the end)",
    )  # fmt: skip
    parser.add_argument(
        "--keep-running", action="store_true", help="with --pg-dir: leave the server running at the end"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the store even when a cached one exists"
    )
    args = parser.parse_args(argv)
    if args.pg or args.pg_dir:
        return _run_pg(args)
    location = args.db or Path(tempfile.gettempdir()) / f"wortlaut-bench-{args.statements}.sqlite"
    if not is_url(str(location)):
        location = Path(location)
    return _run(location, args.statements, args.queries, rebuild=args.rebuild, repeat=args.repeat)


def _run_pg(args: argparse.Namespace) -> int:
    """The benchmark on a throwaway server (``--pg``) or on one kept in ``--pg-dir``."""
    from tests import pgserver

    server = pgserver.start_at(args.pg_dir) if args.pg_dir else pgserver.start(durable=True)
    if isinstance(server, str):
        print(f"no PostgreSQL: {server}")
        return 1
    try:
        if not args.pg_dir:
            url = server.url()
        else:
            schema = f"bench{args.statements}"
            if args.rebuild:
                import psycopg

                with psycopg.connect(server.base_url, autocommit=True) as connection:
                    connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            url = server.schema_url(schema)
        print(f"PostgreSQL store: {url}", flush=True)
        return _run(url, args.statements, args.queries, rebuild=bool(args.pg), repeat=args.repeat)
    finally:
        if not args.keep_running:
            server.stop()


def _run(location: Path | str, statements: int, queries: int, *, rebuild: bool, repeat: int = 1) -> int:
    """Build the store (when asked, or when it is missing or empty), then time the queries."""
    empty = isinstance(location, Path) and not location.exists()
    if not empty:
        with Store.open(location) as store:
            empty = store.counts()["statements"] == 0
    if rebuild or empty:
        print(f"building {statements:,} statements into {location} ({_load()})", flush=True)
        started = time.perf_counter()
        build(location, statements)
        size = f", {location.stat().st_size / 1e9:.2f} GB" if isinstance(location, Path) else ""
        print(f"built in {time.perf_counter() - started:.0f} s{size} ({_load()})", flush=True)
    with Store.open(location, readonly=True) as store:
        print(f"store: {store.counts()}")
    clock = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    print(f"queries: {queries} of each kind, {repeat} run(s), {clock}", flush=True)
    for line in run_queries(location, queries, repeat=repeat):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
