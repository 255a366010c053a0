"""Saved watchlists: follow a person or a search, and report each new matching statement once.

``wortlaut watch add NAME|QUERY`` saves a watch (a name the store resolves
to a person becomes a person watch, anything else a full-text query);
``wortlaut watch run`` finds statements of each watch not reported before,
remembers them in ``watch_seen`` and returns them, so a newsroom can call it
from cron after each ingest and pipe the JSON, or post it to a local webhook.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from wortlaut.store import Store
from wortlaut.store import watches as saved_watches
from wortlaut.store.text import fts_query
from wortlaut.store.watches import RUN_LIMIT, Match, Watch

__all__ = ["RUN_LIMIT", "Match", "Watch", "WatchError", "add", "remove", "run", "watches"]


class WatchError(ValueError):
    """A watch that cannot be saved or found (shown as a one-line error)."""


def add(store: Store, target: str, *, query: bool = False) -> Watch:
    """Save a watch for ``target``: the person it names, or (``query`` or no such person) a search."""
    text = " ".join(target.split())
    if not text or len(text) > 200:
        raise WatchError("a watch needs 1 to 200 characters")
    entity = None if query else store.resolve_entity(text)
    kind, value, label = ("person", entity.id, entity.name) if entity else ("query", text, text)
    if kind == "query":
        fts_query(value)  # raises on a query the search cannot run, before it is saved
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as connection:
        return saved_watches.save(
            connection, store.reader, kind=kind, value=value, label=label, created=created
        )


def watches(store: Store) -> list[Watch]:
    """Every saved watch, oldest first."""
    return saved_watches.saved(store.reader)


def remove(store: Store, watch_id: int) -> None:
    """Delete a watch and what it reported."""
    with store.transaction() as connection:
        if not saved_watches.delete(connection, watch_id):
            raise WatchError(f"no watch with id {watch_id}")


def run(
    store: Store, *, since: str | None = None, deliver: Callable[[list[Match]], None] | None = None
) -> list[Match]:
    """New matches of every watch (dated on or after ``since`` when given), each reported once.

    ``deliver`` (print, post) runs before the matches are marked as seen; if it raises, nothing
    is marked and the next run reports them again.
    """
    found: list[Match] = []
    with store.transaction() as connection:
        for watch in watches(store):
            matches = saved_watches.unseen(store.reader, watch, since)
            saved_watches.mark_seen(connection, watch.id, [match.statement_id for match in matches])
            found.extend(matches)
        if deliver is not None:
            deliver(found)
    return found
