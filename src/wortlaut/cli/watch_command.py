"""``wortlaut watch``: saved watchlists of people and searches, and their new matches as JSON."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import click

from wortlaut import watch as watchlist
from wortlaut.api.validation import is_partial_date
from wortlaut.cli.store_options import (
    EXIT_NOTHING,
    EXIT_USAGE,
    db_option,
    emit_jsonl,
    fail,
    missing,
    resolve_db,
)
from wortlaut.store import QueryError, Store, StoreError
from wortlaut.store.errors import SQLiteError

#: Hosts a webhook may name: matches go to a service on this machine, never across the network.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
#: Seconds to wait for the webhook; a newsroom tool that hangs must not hang the cron job.
WEBHOOK_TIMEOUT = 10.0


@contextmanager
def writing(db: Path | None) -> Iterator[Store]:
    """Open the store for writing (watches are saved in it); errors exit with one clean line."""
    path = resolve_db(db)
    if missing(path):
        fail(f"{path}: no such store; create it with `wortlaut ingest PATH --db {path}`", EXIT_NOTHING)
    try:
        with Store.open(path) as store:
            yield store
    except (watchlist.WatchError, QueryError) as error:
        fail(str(error), EXIT_USAGE)
    except (StoreError, SQLiteError) as error:
        fail(f"{path}: {error}", 4)


@click.group()
def watch() -> None:
    """Saved watchlists: follow a person or a search and get each new statement once."""


@watch.command("add")
@click.argument("target")
@click.option("--query", is_flag=True, help="Treat TARGET as a search even if it names a person.")
@db_option
def add(target: str, query: bool, db: Path | None) -> None:
    """Watch TARGET: a person's name or alias (their statements) or search words (matching statements)."""
    with writing(db) as store:
        saved = watchlist.add(store, target, query=query)
    emit_jsonl([saved])


@watch.command("list")
@db_option
def list_watches(db: Path | None) -> None:
    """The saved watches as JSON lines."""
    with writing(db) as store:
        emit_jsonl(watchlist.watches(store))


@watch.command("remove")
@click.argument("watch_id", type=int)
@db_option
def remove(watch_id: int, db: Path | None) -> None:
    """Delete the watch WATCH_ID (from `watch list`)."""
    with writing(db) as store:
        watchlist.remove(store, watch_id)


@watch.command("run")
@click.option("--since", help="Only statements dated on or after this day (YYYY-MM-DD).")
@click.option("--post", "post_url", help="POST the new matches as a JSON array to this local URL.")
@db_option
def run(since: str | None, post_url: str | None, db: Path | None) -> None:
    """Print each watch's new matches as JSON lines (or POST them); a match is reported only once."""
    if since and not is_partial_date(since):
        fail(f"--since {since!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD", EXIT_USAGE)
    if post_url:
        _check_local(post_url)

    def deliver(matches: list[watchlist.Match]) -> None:
        if post_url:
            _post(post_url, [match.to_json() for match in matches])
        else:
            emit_jsonl([match.to_json() for match in matches])

    with writing(db) as store:
        watchlist.run(store, since=since, deliver=deliver)


def _check_local(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in LOCAL_HOSTS:
        fail(f"{url}: --post takes an http(s) URL on this machine (localhost, 127.0.0.1, ::1)", EXIT_USAGE)


def _post(url: str, matches: list[dict[str, object]]) -> None:
    body = json.dumps(matches, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT) as response:
            response.read()
    except OSError as error:  # the transaction rolls back: the next run reports them again
        fail(f"{url}: the webhook did not take the matches ({error}); run again to resend", 1)
    click.echo(f"posted {len(matches)} matches to {url}", err=True)
