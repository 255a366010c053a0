"""``wortlaut load``: put the output of ``wortlaut batch`` into a store.

A thin shell over :func:`wortlaut.scale.load.load`: records are added with
the store's own writer; the batch's link tables, when it computed them, are
written as they are (otherwise the incremental linker links each batch).
"""

from __future__ import annotations

from pathlib import Path

import click

from wortlaut.cli.store_options import (
    EXIT_NOTHING,
    EXIT_SOME_FAILED,
    EXIT_STORE,
    db_option,
    fail,
    resolve_db,
)
from wortlaut.store import Store, StoreError


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="PARQUET_DIR")
@db_option
def load(folder: Path, db: Path | None) -> None:
    """Load a `wortlaut batch` output folder (records/ and links/) into the store."""
    from wortlaut.scale.load import load as load_output

    path = resolve_db(db)
    try:
        store = Store.open(path)
    except StoreError as error:
        fail(str(error), EXIT_STORE)
    with store:
        try:
            report = load_output(store, folder)
        except FileNotFoundError as error:
            fail(str(error), EXIT_NOTHING)
        except StoreError as error:
            fail(str(error), EXIT_STORE)
    how = "links from the batch" if report.linked_from_batch else "linked incrementally"
    click.echo(f"{report.added} added, {report.unchanged} already stored ({how}) -> {path}", err=True)
    if report.unlinked:
        fail(f"{report.unlinked} articles stored but not linked; `wortlaut link --db {path}` resumes them",
             EXIT_SOME_FAILED)  # fmt: skip
