"""``wortlaut kb learned``: the aliases and handles the collection learned, as a KB overlay.

The store learns aliases from repeated co-occurrence across articles
(:mod:`wortlaut.link.aliases`) and uses them in its queries at once; the
per-article pipeline does not read the store, so this command writes what was
learned as a ``WORTLAUT_KB`` overlay (see ``src/wortlaut/kb/README.md``) for a
person to review and feed back: an entry for a knowledge-base entity extends
its aliases and handles, an entry for an article-local entity adds it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

import click

from wortlaut.cli.store_options import db_option, format_option, reading
from wortlaut.kb import KB, default_kb
from wortlaut.kb.loader import TYPES
from wortlaut.kb.normalize import slug
from wortlaut.link.aliases import LOCAL_PREFIX, MIN_ARTICLES, Learned, learned
from wortlaut.store.entities import learning
from wortlaut.store.text import normalize

_TSV_COLUMNS = ("entity", "name", "type", "alias", "kind", "articles")


@click.group()
def kb() -> None:
    """The knowledge base as the store sees it."""


@kb.command("learned")
@click.option(
    "--min-articles",
    type=click.IntRange(min=1),
    default=MIN_ARTICLES,
    show_default=True,
    help="Only aliases supported by at least this many articles.",
)
@format_option("yaml", "tsv", default="yaml")
@db_option
def learned_command(min_articles: int, fmt: str, db: Path | None) -> None:
    """Aliases and handles learned from repeated co-occurrence, with their evidence.

    The YAML output is a knowledge-base overlay: review it, then use it with
    WORTLAUT_KB=learned.yaml so that the per-article analysis knows them too.
    """
    with reading(db) as store:
        items = learned(store.connection, min_articles=min_articles) if learning(store.reader) else []
    if fmt == "tsv":
        click.echo("\t".join(_TSV_COLUMNS))
        for item in items:
            click.echo("\t".join(str(getattr(item, column) or "") for column in _TSV_COLUMNS))
        return
    click.echo(overlay(items, default_kb()), nl=False)


def overlay(items: Sequence[Learned], known: KB) -> str:
    """Learned aliases as ``WORTLAUT_KB`` YAML, leaving out what ``known`` already has.

    Evidence counts are YAML comments, so the file loads as it is.
    """
    lines = [
        "# Aliases and handles wortlaut learned from repeated co-occurrence across articles.",
        "# Review, then use as a knowledge-base overlay: WORTLAUT_KB=this-file.yaml wortlaut analyze ...",
    ]
    entries = 0
    for entity_id, group in groupby(items, key=lambda item: item.entity):
        rows = list(group)
        head = _head(entity_id, rows[0], known)
        if head is None:
            continue
        had = _known_names(known, entity_id)
        fresh = [row for row in rows if normalize(row.alias) not in had]
        if not fresh:
            continue
        lines += head
        for field, kind in (("aliases", "learned"), ("handles", "learned_handle")):
            values = [row for row in fresh if row.kind == kind]
            if values:
                lines.append(f"  {field}:")
                lines += [f"    - {_quoted(row.alias)}  # {row.articles} articles" for row in values]
        entries += 1
    if not entries:
        lines.append("[]  # nothing learned yet")
    return "\n".join(lines) + "\n"


def _head(entity_id: str, row: Learned, known: KB) -> list[str] | None:
    """The entry's first lines: the id (extending a KB entity), or a new entity's id, name and type."""
    if not entity_id.startswith(LOCAL_PREFIX):
        return [f"- id: {entity_id}  # {row.name}"] if entity_id in known.entities else None
    new_id = slug(row.name)
    if new_id in known.entities or row.type not in TYPES:
        return None  # the KB has an entity of that id already (or the type is unusable)
    return [
        f"- id: {new_id}  # new entity ({entity_id} in the store)",
        f"  name: {_quoted(row.name)}",
        f"  type: {row.type}",
    ]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _known_names(known: KB, entity_id: str) -> set[str]:
    entity = known.entities.get(entity_id)
    if entity is None:
        return set()
    names = [entity.name, *entity.aliases, *(handle.value for handle in entity.handles)]
    return {normalize(name) for name in names}
