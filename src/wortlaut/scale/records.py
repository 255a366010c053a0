"""The rows a batch job writes: one analysed article per row, partitioned by publication date.

A row holds the article id, the partition key (``published_date``, the
article's publication day or ``unknown``) and the article's ``wortlaut/1``
record as the same JSON text ``wortlaut analyze --format jsonl`` prints, so
the Parquet output holds byte for byte what ``analyze`` prints and can be
turned back into :class:`~wortlaut.article.Article` objects without loss.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wortlaut.article import Article

#: Partition value of articles without a publication date.
UNKNOWN_DATE = "unknown"
#: Sub-folder of a batch output holding the analysed records.
RECORDS_DIR = "records"
#: Sub-folder of a batch output holding the cross-article tables (one Parquet file per table).
LINKS_DIR = "links"


def record_json(article: Article) -> str:
    """The article's ``wortlaut/1`` record exactly as ``wortlaut analyze --format jsonl`` writes it."""
    return json.dumps(article.to_json(), ensure_ascii=False)


def partition_day(article: Article) -> str:
    """``YYYY-MM-DD`` of the publication date, or :data:`UNKNOWN_DATE`."""
    published = (article.published or "")[:10]
    return published if len(published) == 10 else UNKNOWN_DATE


def to_row(article: Article) -> dict[str, Any]:
    """The output row of an analysed article."""
    return {"id": article.id, "published_date": partition_day(article), "record": record_json(article)}


def error_row(where: str, reason: str) -> dict[str, Any]:
    """A row for an input or article that failed: reported by the job, never written as a record."""
    return {"id": "", "published_date": UNKNOWN_DATE, "record": "", "error": f"{where}: {reason}"}


def read_records(folder: str | Path) -> Iterator[Article]:
    """The articles of a batch output (its ``records`` folder, or the folder itself), by partition."""
    import pyarrow.parquet as pq

    root = Path(folder)
    if (root / RECORDS_DIR).is_dir():
        root = root / RECORDS_DIR
    if not root.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder")
    files = sorted(path for path in root.rglob("*.parquet") if path.is_file())
    if not files:
        raise FileNotFoundError(f"{folder}: no Parquet files with wortlaut records")
    for path in files:
        for text in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield Article.from_json(json.loads(text))


def write_records(articles: Iterable[Article], folder: str | Path) -> int:
    """Write records without Ray, in the job's layout (``published_date=<day>/part-0.parquet``).

    Used by tests and small runs; returns the count.
    """
    rows = [to_row(article) for article in articles]
    write_day_files(rows, Path(folder) / RECORDS_DIR, "part-0")
    return len(rows)


def write_day_files(
    rows: list[dict[str, Any]], folder: str | Path, name: str, filesystem: Any = None
) -> None:
    """``rows`` (``to_row``'s) as ``<folder>/published_date=<day>/<name>.parquet``, one file per day.

    The layout of a Hive-partitioned Parquet dataset, as Ray's partitioned
    writer makes it: the day is in the folder name, not in the file.  Writing
    a file of the same ``name`` again replaces it, so an actor call that Ray
    retries leaves no duplicates.  With ``filesystem`` (a pyarrow file system, for an
    object-store output) ``folder`` is a path in it.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    by_day: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_day.setdefault(row["published_date"], []).append(row)
    for day, day_rows in by_day.items():
        target = f"{folder}/published_date={day}"
        if filesystem is None:
            Path(target).mkdir(parents=True, exist_ok=True)
        else:
            filesystem.create_dir(target, recursive=True)
        table = pa.table(
            {
                "id": pa.array([row["id"] for row in day_rows], pa.string()),
                "record": pa.array([row["record"] for row in day_rows], pa.string()),
            }
        )
        pq.write_table(table, f"{target}/{name}.parquet", filesystem=filesystem)
