"""The callables Ray Data runs on its workers: read inputs, analyse, compute link features.

Kept free of Ray imports: each is a plain function or a class whose
constructor loads the resources once (one pipeline, one encoder per actor),
so the same code runs in the tests without Ray and on every actor of a job.
Batches arrive and leave as dicts of lists (Ray's ``batch_format="pyarrow"``
tables turned into Python with ``to_pylist``).
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from wortlaut.article import Article
from wortlaut.ingest import IngestError, iter_articles
from wortlaut.ingest.pagedates import override_published
from wortlaut.link.encoder import encoder_for
from wortlaut.scale import links
from wortlaut.scale.driver_settings import DriverSettings
from wortlaut.scale.records import error_row, to_row, write_day_files
from wortlaut.scale.remote import FileSystems, is_url, open_url
from wortlaut.settings import get_settings

Batch = dict[str, list[Any]]


def encoder_choice() -> str:
    """The encoder the driver was configured with (``linking.encoder``), passed on to the workers."""
    return get_settings().linking.encoder.strip().lower()


#: Records an actor holds before it writes them as Parquet: at most one file per day per 512 records,
#: about 9 MiB of record JSON at the 18 KB a 10kGNAD record averages (measured), so memory stays small
#: and a shard of a few hundred articles becomes one file per day.
RECORDS_PER_FILE = 512
#: Columns of the rows an actor yields; ``record`` only when the driver needs the records back.
ROW_COLUMNS = ("id", "published_date", "record", "error")
#: Rows per yielded block when the records stay in the actor's Parquet files and only ``id``, day and
#: error go back: every block is an object Ray stores, reports and hands to the driver, so one block per
#: call (an input file) rather than one per ``batch_size`` articles; the rows are a few bytes each.
ONE_BLOCK = 1 << 30


def settle_collector() -> None:
    """Move everything alive now (Python, Ray, Ray Data, the built pipeline) out of the collector's reach.

    The own pool's children get the same from their parent before the fork
    (``store.loader._forked_pool``): the collector then never traverses the
    pipeline's quarter of a million objects again.  Kept tracked, they cost
    0.16-0.74 CPU-s more per 300 articles, 2-8 %, in four of four pairs (a
    scratch script: ``import ray.data``, ``default_pipeline()``, 300 articles
    in one process, frozen and not alternating, 2026-12-06 21:27-21:33 UTC,
    load 2-4); end to end it is below the noise (docs/performance.md, fourth
    pass).  Meant for an actor's process: what is frozen is never collected,
    and the pipeline lives as long as the actor.
    """
    gc.collect()
    gc.freeze()


class Analyzer:
    """A Ray Data actor: reads input files, analyses their articles with one pipeline, writes the records.

    Reading happens here, in the actor, rather than in separate read tasks: a read task
    is another process importing wortlaut (1.5 CPU-s each) on cores the actors need, and
    every article would cross the object store as JSON once more.  With ``output`` the
    actor also writes the records as Parquet by publication day itself, so the job needs
    no filter or write tasks (each a worker process importing Ray Data, 3 s on 2 busy
    cores) and the records do not travel back unless ``keep_records`` asks for them (for
    JSON Lines or linking).  An input row holds a local ``path``, or a ``url`` (object
    store, as given to the job) and the ``path`` in its file system; an ``output`` URL
    is opened once per actor.  Each call gets input files and yields rows (``id``,
    ``published_date``, ``record``, ``error``) every ``batch_size`` articles.
    """

    def __init__(
        self,
        published: str | None = None,
        batch_size: int = 16,
        settings: DriverSettings | None = None,
        output: str | None = None,
        keep_records: bool = True,
    ) -> None:
        from wortlaut.pipeline import default_pipeline

        if settings is not None:
            settings.apply()  # before the pipeline is built: stage options come from the settings
        self.pipeline = default_pipeline()
        settle_collector()
        self.published = published
        self.batch_size = batch_size
        self.filesystems = FileSystems()  # object stores, opened once per actor
        self.output, self.output_fs = output, None
        if output is not None and is_url(output):
            self.output_fs, self.output = open_url(output)
        small = not keep_records and output is not None
        self.columns = ("id", "published_date", "error") if small else ROW_COLUMNS
        if small:  # rows of a few bytes: one block per call, not one per batch (see ONE_BLOCK)
            self.batch_size = ONE_BLOCK

    def __call__(self, batch: Any) -> Iterator[Batch]:
        rows: list[dict[str, Any]] = []
        for row in _rows(batch):
            written = _Written(self.output, self._name(row), self.output_fs)
            for item in self._read(row):
                row = self.analyse(item)
                rows.append(row)
                written.add(row)
                if len(rows) >= self.batch_size:
                    yield self._columns(rows)
                    rows = []
            written.flush()
        if rows:
            yield self._columns(rows)

    def _read(self, row: dict[str, Any]) -> Iterator[Article | IngestError]:
        """A local file through the path readers; an object-store file (``url`` set) through its bytes."""
        url = row.get("url") or ""
        return self.filesystems.read(url, row["path"]) if url else iter_articles([row["path"]])

    @staticmethod
    def _name(row: dict[str, Any]) -> str:
        url = row.get("url") or ""
        return f"{url}|{row['path']}" if url else str(row["path"])

    def analyse(self, item: Article | IngestError) -> dict[str, Any]:
        """One output row; an unreadable input or a failing article becomes an error row."""
        if isinstance(item, IngestError):
            return error_row(str(item.path), item.reason)
        article = override_published(item, self.published)
        try:
            return {**to_row(self.pipeline(article)), "error": ""}
        except Exception as error:  # one failing article is reported, the batch goes on
            where = str(article.meta.get("path") or article.id)
            return error_row(where, f"analysis failed in the pipeline ({type(error).__name__}: {error})")

    def _columns(self, rows: list[dict[str, Any]]) -> Batch:
        return {name: [row.get(name, "") for row in rows] for name in self.columns}


class _Written:
    """The records of one input file on their way to Parquet, ``RECORDS_PER_FILE`` at a time.

    File names derive from the input path (a hash) and a running number, so
    they are the same when Ray retries a call and distinct across inputs.
    """

    def __init__(self, output: str | None, path: str, filesystem: Any = None) -> None:
        self.output = output
        self.filesystem = filesystem
        self.stem = hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]
        self.pending: list[dict[str, Any]] = []
        self.files = 0

    def add(self, row: dict[str, Any]) -> None:
        if self.output is None or row["error"]:
            return
        self.pending.append(row)
        if len(self.pending) >= RECORDS_PER_FILE:
            self.flush()

    def flush(self) -> None:
        if self.output is not None and self.pending:
            write_day_files(self.pending, self.output, f"{self.stem}-{self.files:04d}", self.filesystem)
            self.files += 1
            self.pending = []


class Featurizer:
    """A Ray Data actor: signatures, band keys and story vectors of analysed records (one encoder each)."""

    def __init__(self, encoder: str, fallback_day: str, settings: DriverSettings | None = None) -> None:
        if settings is not None:
            settings.apply()  # the story calibration (article words) comes from the settings
        self.encoder = encoder_for(encoder)
        self.fallback_day = fallback_day

    def __call__(self, batch: Any) -> Batch:
        articles = [Article.from_json(json.loads(row["record"])) for row in _rows(batch)]
        return _columns(links.article_features(articles, self.encoder, fallback_day=self.fallback_day))


def statement_rows(
    row: dict[str, Any], fallback_day: str, settings: DriverSettings | None = None
) -> list[dict[str, Any]]:
    """The groupable statements of one analysed record (a flat_map step)."""
    if settings is not None:
        settings.apply()
    return links.statement_rows(Article.from_json(json.loads(row["record"])), fallback_day=fallback_day)


def group_pairs(batch: Any) -> Batch:
    """One LSH bucket (a map_groups step): its candidate duplicate pairs."""
    rows = _rows(batch)
    pairs = links.bucket_pairs(rows[0]["key"], rows) if len(rows) > 1 else []
    return {name: [pair[name] for pair in pairs] for name in ("id", "other", "score", "exact")}


def group_speaker(batch: Any, encoder: str, settings: DriverSettings | None = None) -> Batch:
    """One speaker's statements (a map_groups step): its group rows, as (table, JSON row) pairs.

    The grouping thresholds are the settings' ``linking.calibration``: hence the driver's settings.
    """
    if settings is not None:
        settings.apply()
    tables = links.group_speaker(_rows(batch), encoder_for(encoder))
    flat = [(table, json.dumps(row, ensure_ascii=False)) for table, rows in tables.items() for row in rows]
    return {"table": [table for table, _ in flat], "row": [row for _, row in flat]}


def _rows(batch: Any) -> list[dict[str, Any]]:
    """A pyarrow table or a dict of columns as a list of row dicts."""
    if hasattr(batch, "to_pylist"):
        rows: list[dict[str, Any]] = batch.to_pylist()
        return rows
    names = list(batch)
    return [dict(zip(names, values, strict=True)) for values in zip(*(batch[n] for n in names), strict=True)]


def _columns(rows: list[dict[str, Any]]) -> Batch:
    names = list(rows[0]) if rows else []
    return {name: [row[name] for row in rows] for name in names}
