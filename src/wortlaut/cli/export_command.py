"""``wortlaut export``: the collection as JSON Lines, CSV or Parquet for pandas, polars and DuckDB.

Rows are streamed from the store in chunks, so exporting a large collection
needs little memory.  JSON Lines of articles are full ``wortlaut/1`` records
(every layer); the other tables are flat rows with one column per field.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from wortlaut.cli.store_options import EXIT_USAGE, db_option, fail, reading
from wortlaut.csv_safety import safe_cell

#: Rows fetched and written at a time.
_CHUNK = 5_000

_QUERIES = {
    "articles": "SELECT id, url, source, title, published, language, ingested_at, text FROM articles"
    " ORDER BY published, id",
    "statements": "SELECT s.id, s.article_id, a.url, a.source, a.title, a.published, s.date, s.mode,"
    " s.medium, s.channel, s.speaker_text, s.speaker_entity, e.name AS speaker_name, s.cue_text,"
    " s.quote_text, s.quote_start, s.quote_end, s.addressee_text, s.addressee_entity, m.group_id"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
    " LEFT JOIN entities e ON e.id = s.speaker_entity"
    " LEFT JOIN statement_group_members m ON m.statement_id = s.id ORDER BY s.date, s.id",
    "entities": "SELECT e.id, e.name, e.type, (SELECT group_concat(alias, '|') FROM entity_aliases a"
    " WHERE a.entity_id = e.id AND a.kind = 'alias') AS aliases FROM entities e ORDER BY e.id",
    "events": "SELECT v.id, v.article_id, v.type, v.trigger_text, v.date, v.place_text, (SELECT"
    " group_concat(p.text, '|') FROM event_participants p WHERE p.event_id = v.id) AS participants"
    " FROM events v ORDER BY v.date, v.id",
}


def _rows(connection: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    cursor = connection.execute(_QUERIES[table])
    columns = [item[0] for item in cursor.description]

    def chunks() -> Iterator[list[tuple[Any, ...]]]:
        while rows := cursor.fetchmany(_CHUNK):
            yield rows

    return columns, chunks()


def _write_jsonl(connection: sqlite3.Connection, table: str, out: IO[str]) -> int:
    count = 0
    if table == "articles":
        for (record,) in connection.execute("SELECT json FROM articles ORDER BY published, id"):
            out.write(record + "\n")
            count += 1
        return count
    columns, chunks = _rows(connection, table)
    for rows in chunks:
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(connection: sqlite3.Connection, table: str, out: IO[str]) -> int:
    columns, chunks = _rows(connection, table)
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for rows in chunks:
        writer.writerows([safe_cell(value) for value in row] for row in rows)  # no spreadsheet formulas
        count += len(rows)
    return count


def _write_parquet(connection: sqlite3.Connection, table: str, output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, chunks = _rows(connection, table)
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
@click.option("--table", type=click.Choice(sorted(_QUERIES)), default=None,
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
        connection = store.connection
        if fmt == "parquet":
            assert output is not None
            count = _write_parquet(connection, chosen, output)
        else:
            handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                writer = _write_jsonl if fmt == "jsonl" else _write_csv
                count = writer(connection, chosen, handle)
            finally:
                if output:
                    handle.close()
    click.echo(f"exported {count} {chosen} rows", err=True)
