"""``wortlaut ingest``: read, analyse and store articles, in parallel and resumably.

Bad inputs are reported one line each on stderr while the rest goes on; the
exit code says whether everything (0), some (1) or nothing (3) was stored.
Interrupting (Ctrl-C or a kill) keeps every committed batch; running the
same command again skips what is stored and finishes the job.
"""

from __future__ import annotations

import gzip
import os
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from wortlaut.cli.store_options import (
    EXIT_NOTHING,
    EXIT_SOME_FAILED,
    EXIT_STORE,
    db_option,
    fail,
    resolve_db,
)
from wortlaut.settings import get_settings
from wortlaut.store import Store, StoreError
from wortlaut.store.loader import Failure, IngestReport, default_analyzer
from wortlaut.store.loader import ingest as run_ingest


def _estimate(paths: tuple[str, ...]) -> int | None:
    """Roughly how many articles the inputs hold (files, JSON Lines records), for the ETA.

    Only an estimate (a feed or WARC file counts as one); the bar grows when it is exceeded.
    """
    total = 0
    for name in paths:
        path = Path(name)
        if name == "-" or not path.exists():
            continue
        if path.is_dir():
            files = [Path(root, file) for root, _, names in os.walk(path) for file in names
                     if not file.startswith(".")]  # fmt: skip
        else:
            files = [path]
        total += sum(_records(file) for file in files)
    return total or None


#: Most bytes read to estimate the records of one JSON Lines file; beyond it the estimate is scaled
#: (the bar is only a guide, and a huge or hostile file must not be read twice in full).
_ESTIMATE_BYTES = 64 * 1024 * 1024


def _records(file: Path) -> int:
    """Lines of a JSON Lines file (gzipped or not), else 1; never fails and reads a bounded amount."""
    suffixes = [suffix.lower() for suffix in file.suffixes]
    if ".jsonl" not in suffixes:
        return 1
    opener: Callable[..., Any] = gzip.open if suffixes[-1] == ".gz" else open
    lines = read = 0
    try:
        with opener(file, "rb") as handle:
            while read < _ESTIMATE_BYTES and (chunk := handle.read(1 << 20)):
                lines, read = lines + chunk.count(b"\n"), read + len(chunk)
    except Exception:  # damaged input: the reader reports it; the estimate just counts what it saw
        pass
    return max(lines, 1)


def _published_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--published`` must be a real calendar date (``2024-02-30`` is refused), or an ISO date-time."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-12-18") from None


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=quiet,
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Analysis processes (default: setting ingest.workers, else CPU cores).")  # fmt: skip
@click.option("--published", metavar="DATE", callback=_published_date,
              help="Publication date (YYYY-MM-DD); wins over any date in the input.")  # fmt: skip
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Articles per transaction, what an interruption can lose at most "
                   "(default: setting ingest.batch_size, 32).")  # fmt: skip
@click.option("--analyze/--no-analyze", default=True, show_default=True,
              help="Run the analysis pipeline; --no-analyze stores articles as read.")  # fmt: skip
@click.option("--link/--no-link", default=True, show_default=True,
              help="Link duplicates, statement groups and stories after each batch.")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...], db: Path | None, workers: int | None, published: str | None,
    batch_size: int | None, analyze: bool, link: bool, quiet: bool,
) -> None:  # fmt: skip
    """Read, analyse and store articles from PATH... (files, directories, - for stdin).

    Formats: text, HTML, RSS/Atom, JSON Lines, WARC (optionally gzipped).
    Articles already stored are skipped, so an interrupted run resumes.
    """
    from wortlaut.ingest import iter_articles, iter_inputs, names_pages

    path = resolve_db(db)
    configured = get_settings().ingest
    on_workers = configured.pages_on_workers  # HTML pages read on the workers (unread on input)
    try:
        store = Store.open(path)
    except StoreError as error:
        fail(str(error), EXIT_STORE)
    failures: list[Failure] = []

    def report_failure(failure: Failure) -> None:
        failures.append(failure)
        click.echo(f"wortlaut: error: {failure}", err=True)

    with store, _progress(quiet) as progress:
        task = progress.add_task("ingest", total=_estimate(paths), rate="")

        started = time.monotonic()

        def advance(report: IngestReport) -> None:
            done = report.stored + report.skipped
            total = progress.tasks[0].total
            rate = report.stored / max(time.monotonic() - started, 1e-6)
            progress.update(task, completed=done, total=max(total, done) if total else None,
                            rate=f"{rate:.1f} articles/s")  # fmt: skip

        try:
            report = run_ingest(
                store, (iter_inputs if on_workers else iter_articles)(paths),
                analyzer_factory=default_analyzer if analyze else None,
                workers=workers or configured.workers or os.cpu_count() or 1,
                batch_size=batch_size or configured.batch_size, published=published,
                link=link, on_item=advance, on_failure=report_failure,
                html=on_workers and names_pages(paths), worker_niceness=configured.worker_niceness,
            )  # fmt: skip
        except KeyboardInterrupt:
            progress.stop()
            click.echo(
                "wortlaut: interrupted; stored batches are kept, run the same command to resume", err=True
            )
            sys.exit(130)
        except StoreError as error:  # disk full, store made read-only: committed batches are kept
            progress.stop()
            fail(f"{error}; committed batches are kept, run the same command to resume", EXIT_STORE)
    relinked = f", {report.relinked} left unlinked earlier now linked" if report.relinked else ""
    if report.unlinked:
        relinked += f", {report.unlinked} stored but not linked (`wortlaut link --db {path}` resumes them)"
    click.echo(
        f"{report.added} added, {report.replaced} replaced, {report.skipped} already stored, "
        f"{len(report.failures)} failed{relinked} -> {path}",
        err=True,
    )
    if report.failures:
        sys.exit(EXIT_SOME_FAILED if report.stored or report.skipped else EXIT_NOTHING)
    if not report.stored and not report.skipped:
        fail("no articles found in the given paths", EXIT_NOTHING)
