"""``wortlaut export``: the collection as JSON Lines, CSV or Parquet for pandas, polars and DuckDB.

Rows are streamed from the store in chunks (:meth:`wortlaut.store.Store.export_rows`),
so exporting a large collection needs little memory.  JSON Lines of articles are full ``wortlaut/1`` records
(every layer); the other tables are flat rows with one column per field.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO

import click

from wortlaut.cli.store_options import EXIT_USAGE, db_option, fail, reading
from wortlaut.csv_safety import safe_cell
from wortlaut.store import Store
from wortlaut.store.exports import TABLES


def _write_jsonl(store: Store, table: str, out: IO[str]) -> int:
    count = 0
    if table == "articles":
        for record in store.export_records():
            out.write(record + "\n")
            count += 1
        return count
    columns, chunks = store.export_rows(table)
    for rows in chunks:
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(store: Store, table: str, out: IO[str]) -> int:
    columns, chunks = store.export_rows(table)
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for rows in chunks:
        writer.writerows([safe_cell(value) for value in row] for row in rows)  # no spreadsheet formulas
        count += len(rows)
    return count


def _write_parquet(store: Store, table: str, output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, chunks = store.export_rows(table)
    schema = pa.schema([(name, pa.int64() if name.endswith(("_start", "_end")) else pa.string())
                        for name in columns])  # fmt: skip
    count = 0
    with pq.ParquetWriter(output, schema) as writer:
        for rows in chunks:
            data = {name: [row[index] for row in rows] for index, name in enumerate(columns)}
            writer.write_table(pa.table(data, schema=schema))
            count += len(rows)
    return count


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="Output format.")  # fmt: skip
@click.option("--table", type=click.Choice(sorted(TABLES)), default=None,
              help="What to export (default: articles for jsonl, else statements).")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: standard output; required for parquet).")  # fmt: skip
@db_option
def export(fmt: str, table: str | None, output: Path | None, db: Path | None) -> None:
    """Export the collection for pandas, polars or DuckDB.

    Example: wortlaut export --format parquet --output statements.parquet
    """
    chosen = table or ("articles" if fmt == "jsonl" else "statements")
    if fmt == "parquet" and output is None:
        fail("--format parquet needs --output FILE (Parquet is binary)", EXIT_USAGE)
    with reading(db) as store:
        if fmt == "parquet":
            assert output is not None
            count = _write_parquet(store, chosen, output)
        else:
            handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                writer = _write_jsonl if fmt == "jsonl" else _write_csv
                count = writer(store, chosen, handle)
            finally:
                if output:
                    handle.close()
    click.echo(f"exported {count} {chosen} rows", err=True)
