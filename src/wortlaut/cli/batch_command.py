"""``wortlaut batch``: the default pipeline on Ray Data, written as Parquet (extra ``wortlaut[scale]``).

A thin shell over :func:`wortlaut.scale.job.run_batch`.  Each input or article
that fails is one line ``wortlaut: error: <where>: <reason>`` on stderr and the
job goes on; exit 0 all analysed, 1 some failed, 3 nothing analysed or the job
could not start.
"""

from __future__ import annotations

import sys

import click

from wortlaut.cli.analyze import _check_date
from wortlaut.cli.store_options import EXIT_NOTHING, EXIT_SOME_FAILED, fail


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--output",
    "-o",
    metavar="FOLDER|URL",
    required=True,
    help="Folder or object-store URL (s3://, gs://, hdfs://, file://) for records/"
    " (Parquet by publication date), links/ and records.jsonl.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Analysis actors (one CPU each).",
)
@click.option(
    "--address",
    metavar="ADDRESS",
    default=None,
    help="Ray cluster to join (e.g. ray://head:10001); default: start Ray on this machine.",
)
@click.option(
    "--published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date; wins over any date in the input.",
)
@click.option("--jsonl", is_flag=True, help="Also write records.jsonl (analyze --format jsonl's lines).")
@click.option(
    "--link/--no-link",
    default=True,
    show_default=True,
    help="Compute duplicates, statement groups and stories (links/*.parquet).",
)
def batch(
    paths: tuple[str, ...],
    output: str,
    workers: int,
    address: str | None,
    published: str | None,
    jsonl: bool,
    link: bool,
) -> None:
    """Analyse PATH... (files or folders of any format ingest reads) on Ray Data into Parquet.

    A PATH or the output may be an object-store URL (s3://bucket/news/, gs://, hdfs://,
    file://), opened with pyarrow's file systems; credentials come from the environment
    (for S3 the AWS_* variables or ~/.aws). Load the result into a store with
    `wortlaut load OUTPUT --db STORE` (a local folder).
    """
    from wortlaut.scale.job import BatchError, run_batch

    try:
        report = run_batch(
            paths, output, workers=workers, address=address, published=published, jsonl=jsonl, link=link
        )
    except BatchError as error:
        fail(str(error), EXIT_NOTHING)
    for failure in report.failures:
        click.echo(f"wortlaut: error: {' '.join(failure.split())}", err=True)
    click.echo(
        f"{report.records} analysed, {len(report.failures)} failed in {report.seconds:.1f} s"
        f" (Ray start-up {report.startup_seconds:.1f} s) -> {output}",
        err=True,
    )
    if not report.records:
        sys.exit(EXIT_NOTHING)
    if report.failures:
        sys.exit(EXIT_SOME_FAILED)
