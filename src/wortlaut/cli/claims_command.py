"""``wortlaut relations``, ``wortlaut versions`` and ``wortlaut positions``: claims and their fate.

``relations`` links every stored statement that denies, confirms, corrects or
retracts to the earlier statement it answers, over the whole store (ingest's
linking step already does this for each new batch; run it after changing the
cue lists, or when an answered statement was ingested after its answer; it
replaces the links it made before).  ``versions`` shows each outlet's wording
of one statement with drift flags; ``positions`` a person's stance on a topic
over time.
"""

from __future__ import annotations

from pathlib import Path

import click

from wortlaut.cli.store_options import (
    EXIT_STORE,
    db_option,
    emit_json,
    fail,
    format_option,
    missing,
    reading,
    resolve_db,
)
from wortlaut.store import Store, StoreError


@click.command()
@db_option
def relations(db: Path | str | None) -> None:
    """Link denials, confirmations, corrections and retractions to the statements they answer.

    Example: wortlaut relations --db news.sqlite
    """
    from wortlaut.link.relations import update

    path = resolve_db(db)
    if missing(path):
        fail(f"{path}: no such store", EXIT_STORE)
    try:
        with Store.open(path) as store, store.transaction() as connection:
            linked = update(connection, sorted(store.stored_ids()))
    except StoreError as error:
        fail(str(error), EXIT_STORE)
    click.echo(f"{linked} relations linked -> {path}", err=True)


@click.command()
@click.argument("statement_id")
@format_option("text", "json")
@db_option
def versions(statement_id: str, fmt: str, db: Path | str | None) -> None:
    """Each outlet's wording of STATEMENT_ID, aligned with the earliest, with drift flags."""
    from wortlaut.claims.versions import versions as statement_versions

    with reading(db) as store:
        found = statement_versions(store, statement_id)
    if fmt == "json":
        emit_json(found)
        return
    for item in found.versions:
        marker = "=" if item.earliest else "~"
        flags = f" [{', '.join(item.flags)}]" if item.flags else ""
        click.echo(f"{marker} {item.date or '?'}  {item.source or '?'}  ({item.mode}){flags}")
        click.echo("    " + " ".join(_segment(s.op, s.reference, s.version) for s in item.segments))


def _segment(op: str, reference: str, version: str) -> str:
    if op == "equal":
        return reference
    return " ".join(
        part
        for part in (f"[-{reference}-]" if reference else "", f"{{+{version}+}}" if version else "")
        if part
    )


@click.command()
@click.argument("person")
@click.argument("topic")
@format_option("text", "json")
@db_option
def positions(person: str, topic: str, fmt: str, db: Path | str | None) -> None:
    """PERSON's statements about TOPIC over time, with stance (for/against/neutral) and change points.

    Example: wortlaut positions Albers Schuldenbremse
    """
    from wortlaut.claims.stance import positions as person_positions

    with reading(db) as store:
        found = person_positions(store, person, topic)
    if fmt == "json":
        emit_json(found)
        return
    for item in found.items:
        change = " <- changed" if item.change else ""
        words = f" ({', '.join(item.words)})" if item.words else ""
        click.echo(f"{item.date or '?'}  {item.stance:<8}{words}{change}  {item.quote}")
