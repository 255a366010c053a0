"""The Ray Data job behind ``wortlaut batch``: read, analyse on actors, write Parquet, link.

Shape of the job (all lazily planned, streamed by Ray Data):

1. one row per input file (local paths or object-store URLs, :mod:`~wortlaut.scale.remote`;
   a folder is expanded);
2. ``map_batches`` with :class:`~wortlaut.scale.workers.Analyzer` actors, one
   CPU each and ``workers`` of them, one file per call: each actor reads its file,
   analyses the articles with a pipeline built once per actor, under the
   driver's settings (:class:`~wortlaut.scale.driver_settings.DriverSettings`),
   and writes the records as Parquet partitioned by ``published_date``;
3. the driver reads the failures off the actors' small output rows (no task);
   with ``jsonl`` it writes ``analyze``'s JSON Lines from the records the actors
   then also return;
4. with ``link``, the records are split off by an Arrow expression and go
   through the cross-article steps of :mod:`wortlaut.scale.links`: a feature
   ``map_batches``, a group-by over LSH band keys, a group-by over speakers,
   and the story clusterer over the time-sorted features.

The filter and group-by steps ask for **no CPU** (``num_cpus=0``):
on a small machine the analysis actors hold every core, and a task waiting for
a free core would wait forever (observed on 2 cores).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wortlaut.link.encoder import encoder_for
from wortlaut.scale import links, remote
from wortlaut.scale import workers as tasks
from wortlaut.scale.driver_settings import DriverSettings
from wortlaut.scale.records import LINKS_DIR, RECORDS_DIR

#: Articles per analysis batch: small enough that a batch of long articles stays well under a
#: minute on one core, large enough that Ray's per-batch overhead (a few ms) does not show.
BATCH_SIZE = 16
#: Priority of Ray's worker processes on a local start: that of the own pool's workers (Ray's
#: default, 15, lets any other process on the machine go first).
WORKER_NICENESS = 0
#: Analysis calls queued per actor.  Ray Data's executor notices a finished call by polling
#: (``ray.wait`` over all running calls with a 0.1 s timeout), so with one call in flight an
#: actor stood idle a median 0.14-0.18 s after every file, 4.2-5.8 s per actor at 300 articles;
#: with two the next file is already queued on the actor (median 0.025-0.032 s, 1.0-1.2 s in
#: all; ``benchmarks.bench_scale_calls``, 2026-12-06 16:12 UTC, load 26-41).  Not more: at the
#: end an actor can hold a queued file while the other idles (Ray Data's default, four, left
#: one actor a queue of files at the end).
CALLS_IN_FLIGHT = 2
#: Remote arguments of the steps that must not wait for a core (see module docstring).
NO_CPU: dict[str, Any] = {"num_cpus": 0}


def light(workers: int) -> dict[str, Any]:
    """Arguments of a step that takes no core, at most ``workers`` tasks at once.

    Without the bound Ray starts a worker process per waiting zero-CPU task: 44
    processes on 2 cores in one test run, each importing wortlaut, which cost
    more than the analysis.
    """
    from ray.data import TaskPoolStrategy

    return {**NO_CPU, "compute": TaskPoolStrategy(size=workers)}


class BatchError(RuntimeError):
    """A job that cannot start: Ray missing, a bad address, no inputs."""


@dataclass
class BatchReport:
    """What a job did: records written, failures (one line each), timings in seconds."""

    records: int = 0
    failures: list[str] = field(default_factory=list)
    startup_seconds: float = 0.0
    seconds: float = 0.0
    link_rows: dict[str, int] = field(default_factory=dict)


#: One input file is read and analysed by one actor call, so files are the unit of parallelism: shard
#: large inputs.  (``repartition``, streaming or not, would split a big file's block, but its task asks
#: for a CPU the actors hold and the job deadlocks on a machine with as many CPUs as actors, observed
#: on 2 cores with Ray 2.60.)


def input_files(paths: Sequence[str]) -> list[dict[str, str]]:
    """A row per file named or inside a named folder (hidden files skipped), in a stable order.

    A row is ``path`` (local) or ``url`` (as given) and ``path`` (in the URL's file system).
    """
    found: list[dict[str, str]] = []
    for name in paths:
        if remote.is_url(name):
            try:
                found += [{"url": name, "path": path} for path in remote.list_url(name)]
            except remote.RemoteError as error:
                raise BatchError(str(error)) from None
            continue
        path = Path(name)
        if path.is_dir():
            local = sorted(str(p) for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            found += [{"url": "", "path": file} for file in local]
        elif path.is_file():
            found.append({"url": "", "path": str(path)})
        else:
            raise BatchError(f"{name}: no such file or folder")
    if not found:
        raise BatchError(f"{', '.join(paths)}: no input files")
    return found


def start_ray(*, address: str | None, workers: int) -> float:
    """Join a cluster (``address``) or start Ray locally with ``workers`` CPUs; seconds it took."""
    try:
        import ray
    except ImportError as error:
        raise BatchError(
            f"wortlaut batch needs the scale extra (pip install 'wortlaut[scale]'): {error}"
        ) from None
    started = time.perf_counter()
    # Ray lowers its workers' priority to nice 15 by default; on a machine shared with other work
    # that starved the analysis actors (20 CPU-s in 10 minutes while the own pool ran at nice 0).
    os.environ.setdefault("RAY_worker_niceness", str(WORKER_NICENESS))
    # Offline by rule: Ray's usage statistics would try to report to the network.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not ray.is_initialized():
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if address:
            _attach(ray, address, options)
        else:  # "local": a new instance even where `ray start` left an address behind (see docs/scale.md)
            ray.init(address="local", num_cpus=workers, **options)
    return time.perf_counter() - started


def _attach(ray: Any, address: str, options: dict[str, Any]) -> None:
    """Connect to the Ray instance at ``address``; a failure becomes one line naming it and why.

    ``ray start`` (Ray 2.60) turns on token authentication, and a driver given an
    explicit address sends its token only when ``RAY_AUTH_MODE=token`` is set (Ray
    does not guess, so that no token goes to a wrong address): without it the
    connection is refused as unauthenticated, which the hint below names.
    """
    try:
        ray.init(address=address, **options)
    except ConnectionError as error:
        cause = error.__cause__ or error
        hint = ""
        if "auth" in str(cause).lower() and not os.environ.get("RAY_AUTH_MODE"):
            hint = "; the instance wants its token: set RAY_AUTH_MODE=token (Ray's token authentication)"
        lines = [line.strip() for line in str(cause).splitlines() if line.strip()] or [type(cause).__name__]
        reason = lines[-1][:200]  # Ray's message ends with the innermost error, after a traceback
        raise BatchError(f"--address {address}: cannot connect to Ray ({reason}){hint}") from None


def run_batch(
    paths: Sequence[str],
    output: str | Path,
    *,
    workers: int = 2,
    address: str | None = None,
    published: str | None = None,
    jsonl: bool = False,
    link: bool = False,
    batch_size: int = BATCH_SIZE,
) -> BatchReport:
    """Analyse ``paths`` on Ray Data and write the records (and link tables) under ``output``."""
    files = input_files(paths)
    settings = DriverSettings.capture()  # before Ray starts, so a bad settings file fails at once
    report = BatchReport(startup_seconds=start_ray(address=address, workers=workers))
    from ray.data.expressions import col

    began = time.perf_counter()
    quiet_data_context()
    out = output_target(output)
    analysed = _analysed(
        files,
        workers=workers,
        published=published,
        batch_size=batch_size,
        settings=settings,
        output=out.join(RECORDS_DIR),
        keep_records=jsonl or link,
    )
    report.records, report.failures = _tally(analysed)
    if jsonl:
        _write_jsonl(analysed, out, "records.jsonl")
    if link and report.records:
        records = analysed.filter(expr=col("error") == "", **light(workers)).drop_columns(["error"])
        report.link_rows = _link(records.materialize(), out, workers=workers, settings=settings)
    report.seconds = time.perf_counter() - began
    return report


@dataclass
class Target:
    """The output folder: a local path, or a folder in an object store (``filesystem`` set)."""

    root: str
    filesystem: Any = None
    base: str = ""  # the folder's path inside ``filesystem``

    def join(self, *parts: str) -> str:
        """A sub-path as the actors get it: a local path or a URL."""
        return str(Path(self.root, *parts)) if self.filesystem is None else remote.join(self.root, *parts)

    def path(self, *parts: str) -> str:
        """A sub-path for the driver's own writes (local path, or path in the file system)."""
        return str(Path(self.root, *parts)) if self.filesystem is None else remote.join(self.base, *parts)

    def make_dir(self, *parts: str) -> None:
        if self.filesystem is None:
            Path(self.root, *parts).mkdir(parents=True, exist_ok=True)
        else:
            self.filesystem.create_dir(self.path(*parts), recursive=True)


def output_target(output: str | Path) -> Target:
    """The output folder; a local one resolved, so the actors' writes do not depend on their cwd."""
    name = str(output)
    if not remote.is_url(name):
        if Path(output).exists() and not Path(output).is_dir():
            raise BatchError(f"{name}: not a folder")
        return Target(str(Path(output).resolve()))
    try:
        filesystem, base = remote.open_url(name)
    except remote.RemoteError as error:
        raise BatchError(str(error)) from None
    return Target(name.rstrip("/"), filesystem, base.rstrip("/"))


def quiet_data_context() -> None:
    """Ray Data settings for a fixed pool of actors: no progress bars, no stats log after each step."""
    import ray

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.enable_auto_log_stats = False


def _tally(analysed: Any) -> tuple[int, list[str]]:
    """Records analysed and the failures, read on the driver from the (small) rows the actors yield.

    Reading a materialised dataset starts no task: the failure split needs no worker of its own.
    """
    count, failures = 0, []
    for batch in analysed.iter_batches(batch_format="pyarrow", batch_size=None):
        if not batch.num_rows:  # an empty input file gives an empty block, maybe without columns
            continue
        for error in batch.column("error").to_pylist():
            if error:
                failures.append(error)
            else:
                count += 1
    return count, failures


def _analysed(
    files: list[dict[str, str]],
    *,
    workers: int,
    published: str | None,
    batch_size: int,
    settings: DriverSettings,
    output: str,
    keep_records: bool,
) -> Any:
    """Read, analyse and write ``files`` on ``workers`` actors: rows of id, day, error (and record).

    One file per actor call, :data:`CALLS_IN_FLIGHT` calls queued per actor.
    """
    import ray

    options = {
        "published": published,
        "batch_size": batch_size,
        "settings": settings,
        "output": output,
        "keep_records": keep_records,
    }
    return (
        ray.data.from_items(files, override_num_blocks=len(files))
        .map_batches(
            tasks.Analyzer,
            fn_constructor_kwargs=options,
            compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=CALLS_IN_FLIGHT),
            num_cpus=1,
            batch_size=1,
            batch_format="pyarrow",
        )
        .materialize()
    )


def _write_jsonl(records: Any, out: Target, name: str) -> None:
    """``analyze --format jsonl``'s output: one record per line, streamed through the driver."""
    out.make_dir()
    if out.filesystem is None:
        with open(out.path(name), "w", encoding="utf-8") as handle:
            handle.writelines(_jsonl_lines(records))
        return
    with out.filesystem.open_output_stream(out.path(name), compression=None) as stream:
        for line in _jsonl_lines(records):
            stream.write(line.encode("utf-8"))


def _jsonl_lines(records: Any) -> Iterator[str]:
    for batch in records.iter_batches(batch_format="pyarrow"):
        if batch.num_rows:
            yield from (text + "\n" for text in batch.column("record").to_pylist() if text)


def _link(records: Any, out: Target | Path, *, workers: int, settings: DriverSettings) -> dict[str, int]:
    """The cross-article steps as Ray Data steps; writes one Parquet file per link table."""
    import ray

    encoder = workers_encoder()
    day = links.today()
    features = records.map_batches(
        tasks.Featurizer,
        fn_constructor_kwargs={"encoder": encoder, "fallback_day": day, "settings": settings},
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
        batch_size=BATCH_SIZE * 4,
        batch_format="pyarrow",
    ).materialize()
    pairs = (
        features.flat_map(links.band_keys, **light(workers))
        .groupby("key")
        .map_groups(tasks.group_pairs, batch_format="pyarrow", **light(workers))
        .take_all()
    )
    feature_rows = features.sort(["day", "id"]).take_all()
    duplicate_rows = links.resolve_duplicates(pairs, [(row["day"], row["id"]) for row in feature_rows])
    tables: dict[str, list[dict[str, Any]]] = {"duplicates": duplicate_rows}
    statements = {"fallback_day": day, "settings": settings}
    grouped = (
        records.flat_map(tasks.statement_rows, fn_kwargs=statements, **light(workers))
        .groupby("speaker")
        .map_groups(
            tasks.group_speaker,
            fn_kwargs={"encoder": encoder, "settings": settings},
            batch_format="pyarrow",
            num_cpus=1,
        )
    )
    for table in links.GROUP_TABLES:
        tables[table] = []
    if _has_statements(records, statements, workers):
        for row in grouped.iter_rows():
            tables[row["table"]].append(json.loads(row["row"]))
    tables.update(links.cluster_stories(feature_rows, duplicate_rows, encoder_for(encoder)))
    if isinstance(out, Path):  # a links folder given directly (tests)
        return write_tables(tables, out)
    out.make_dir(LINKS_DIR)
    return write_tables(tables, out.path(LINKS_DIR), out.filesystem)


def workers_encoder() -> str:
    """The encoder name the workers load (the driver's ``$WORTLAUT_ENCODER`` choice)."""
    return tasks.encoder_choice()


def _has_statements(records: Any, statements: dict[str, Any], workers: int) -> bool:
    """Whether any record has a groupable statement (a group-by over nothing has no schema)."""
    rows = records.flat_map(tasks.statement_rows, fn_kwargs=statements, **light(workers))
    return bool(rows.take(1))


def write_tables(
    tables: dict[str, list[dict[str, Any]]], folder: str | Path, filesystem: Any = None
) -> dict[str, int]:
    """One Parquet file per link table (in ``filesystem`` when given); returns rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if filesystem is None:
        Path(folder).mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        pq.write_table(pa.Table.from_pylist(rows), f"{folder}/{table}.parquet", filesystem=filesystem)
    return {table: len(rows) for table, rows in tables.items()}


__all__ = ["BATCH_SIZE", "BatchError", "BatchReport", "input_files", "run_batch", "start_ray"]
