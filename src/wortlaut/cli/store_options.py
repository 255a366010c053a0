"""Options and output helpers shared by the store commands (``ingest``, ``said``, ``search`` …).

Each command opens the store, calls one library method and renders its
result; store errors become a one-line message and a documented exit code
(see docs/cli.md) instead of a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from wortlaut.csv_safety import safe_cell
from wortlaut.echo import printable
from wortlaut.store import DB_ENV, NotFoundError, QueryError, QueryTimeoutError, Store, StoreError, to_data
from wortlaut.store import default_db_path as _default_db_path
from wortlaut.store.core import check_location
from wortlaut.store.errors import SQLiteError, describe_sqlite_error
from wortlaut.store.postgres import is_url

#: Exit codes, documented in docs/cli.md.
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3
#: The store cannot be used: not a wortlaut store, newer schema, read-only, disk full.
EXIT_STORE = 4

#: Largest ``--offset``: SQLite's integers are 64-bit, a larger value cannot even be asked for.
MAX_OFFSET = 2**63 - 1

F = TypeVar("F", bound=Callable[..., Any])


class StoreLocation(click.ParamType):
    """A store file (a ``Path``) or a ``postgresql://`` URL (kept as the string it is)."""

    name = "FILE|URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path | str:
        if isinstance(value, str) and is_url(value):
            return value
        converted: Path = click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)
        return converted


def db_option(function: F) -> F:
    """``--db FILE|URL``, defaulting to ``$WORTLAUT_DB`` or the user data directory."""
    return click.option(
        "--db",
        "db",
        type=StoreLocation(),
        default=None,
        help=f"Store file or postgresql:// URL (default: ${DB_ENV}, else wortlaut.sqlite in the user data"
        " directory).",
    )(function)


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    """``--format`` with the formats a command supports."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def paging_options(function: F) -> F:
    """``--limit`` and ``--offset``."""
    function = click.option(
        "--offset", type=click.IntRange(0, MAX_OFFSET), default=0, help="Skip this many results."
    )(function)
    return click.option(
        "--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Most results shown."
    )(function)


def resolve_db(db: Path | str | None) -> Path | str:
    return db if db is not None else _default_db_path()


def missing(location: Path | str) -> bool:
    """Whether a store file does not exist (a PostgreSQL URL is never "missing": the server says)."""
    return not is_url(str(location)) and not Path(location).exists()


def fail(message: str, code: int) -> None:
    """Print ``wortlaut: error: <message>`` on stderr and exit with ``code``."""
    click.echo(f"wortlaut: error: {printable(message)}", err=True)  # no terminal escapes from input
    sys.exit(code)


@contextmanager
def reading(db: Path | str | None) -> Iterator[Store]:
    """Open the store read-only for a query; store errors exit with a clean message."""
    path = resolve_db(db)
    try:
        check_location(str(path))
    except StoreError as error:
        fail(str(error), EXIT_STORE)
    if missing(path):
        fail(f"{path}: no such store; create it with `wortlaut ingest PATH --db {path}`", EXIT_NOTHING)
    try:
        with Store.open(path, readonly=True) as store:
            yield store
    except NotFoundError as error:
        fail(str(error).strip("'\""), EXIT_NOTHING)
    except (QueryError, QueryTimeoutError) as error:
        fail(str(error), EXIT_USAGE)
    except StoreError as error:
        fail(str(error), EXIT_STORE)
    except SQLiteError as error:  # damaged after opening: a clean line, not a traceback
        fail(f"{path}: {describe_sqlite_error(error)}", EXIT_STORE)


def emit_json(value: Any) -> None:
    click.echo(json.dumps(to_data(value), ensure_ascii=False, indent=2))


def emit_jsonl(values: Sequence[Any]) -> None:
    for value in values:
        click.echo(json.dumps(to_data(value), ensure_ascii=False))


def emit_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key)) for key in columns})  # no spreadsheet formulas
    click.echo(buffer.getvalue(), nl=False)
