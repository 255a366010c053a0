"""``wortlaut link``: link the stored articles that are not linked yet (repairs interrupted ingests).

An ingest stores each batch and then links it; a kill or an error in between
leaves the batch in the store's link journal.  This command works the journal
off, one transaction per batch, and reports every batch that fails; the next
``wortlaut ingest`` does the same before it reads new input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wortlaut.cli.store_options import EXIT_SOME_FAILED, EXIT_STORE, db_option, fail, missing, resolve_db
from wortlaut.store import Store, StoreError


@click.command()
@db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Articles linked per transaction.")  # fmt: skip
def link(db: Path | None, batch_size: int) -> None:
    """Link stored articles that an interrupted or failed ingest left unlinked.

    Exit code 1 when some batches could not be linked (each is named on stderr;
    they stay queued for the next run), 0 when nothing is left to link.
    """
    from wortlaut.link import PendingBatch, link_pending

    path = resolve_db(db)
    if missing(path):
        fail(f"{path}: no such store", EXIT_STORE)
    try:
        store = Store.open(path)
    except StoreError as error:
        fail(str(error), EXIT_STORE)
    failed = 0

    def report(batch: PendingBatch) -> None:
        nonlocal failed
        if batch.error is not None:
            failed += len(batch.article_ids)
            ids = batch.article_ids
            click.echo(f"wortlaut: error: linking {len(ids)} articles ({ids[0]}..{ids[-1]}): {batch.error}",
                       err=True)  # fmt: skip

    with store:
        try:
            batches = link_pending(store, batch_size=batch_size, on_batch=report)
        except StoreError as error:
            fail(str(error), EXIT_STORE)
        remaining = store.unlinked()
    linked = sum(len(batch.article_ids) for batch in batches if batch.error is None)
    click.echo(f"{linked} articles linked, {failed} failed, {remaining} still unlinked -> {path}", err=True)
    if failed or remaining:
        sys.exit(EXIT_SOME_FAILED)
