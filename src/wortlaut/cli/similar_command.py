"""``wortlaut similar``: statements like one statement, or like a free text (by meaning).

Mirrors :meth:`wortlaut.store.Store.similar` (a statement id) and
:meth:`wortlaut.store.Store.semantic_search` (``--query``); ``wortlaut search
--semantic`` renders the same hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from wortlaut import i18n
from wortlaut.cli.store_options import (
    db_option,
    emit_csv,
    emit_json,
    emit_jsonl,
    fail,
    format_option,
    reading,
)
from wortlaut.store import SemanticHit

_COLUMNS = (
    "statement_id", "article_id", "speaker", "date", "quote", "title", "url",
    "score", "similarity", "semantic_rank", "text_rank",
)  # fmt: skip
EXIT_USAGE = 2


def render_hits(hits: Sequence[SemanticHit]) -> str:
    """One block per hit: rank, date, speaker, the quote, its article and why it ranked there."""
    if not hits:
        return i18n._("No statements found.")
    lines = []
    for number, hit in enumerate(hits, start=1):
        date = i18n.day(hit.date) or i18n._("(undated)")
        quote = hit.quote if hit.quote[:1] in '„“"«»' else f"„{hit.quote}“"
        lines.append(f"{number:>2}. {date}  {hit.speaker or i18n._('(unknown speaker)')}: {quote}")
        why = []
        if hit.similarity is not None:
            why.append(i18n._("similarity %(value)s", value=f"{hit.similarity:.3f}"))
        if hit.text_rank is not None:
            why.append(i18n._("word rank %(rank)s", rank=hit.text_rank))
        lines.append(f"    {hit.title or hit.article_id}  [{hit.statement_id}; {', '.join(why)}]")
    return "\n".join(lines)


def emit_hits(hits: Sequence[SemanticHit], fmt: str) -> None:
    if fmt == "json":
        emit_json(list(hits))
    elif fmt == "jsonl":
        emit_jsonl(hits)
    elif fmt == "csv":
        emit_csv([{key: getattr(hit, key) for key in _COLUMNS} for hit in hits], _COLUMNS)
    else:
        click.echo(render_hits(hits))


@click.command()
@click.argument("statement_id", required=False)
@click.option("--query", "-q", default=None, help="Free text to search by meaning instead of a statement.")
@click.option(
    "--hybrid/--vectors-only",
    default=True,
    show_default=True,
    help="With --query: fuse the meaning ranking with the German full-text ranking (RRF).",
)
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Most results shown."
)
@format_option("text", "json", "jsonl", "csv")
@db_option
def similar(
    statement_id: str | None, query: str | None, hybrid: bool, limit: int, fmt: str, db: Path | None
) -> None:
    """Statements like STATEMENT_ID (by meaning), or matching --query by meaning and words.

    Uses the statement vectors the linker stored (encoder: $WORTLAUT_ENCODER,
    else e5); statements without one are encoded on the fly.
    """
    if (statement_id is None) == (query is None):
        fail("give either a STATEMENT_ID or --query TEXT", EXIT_USAGE)
    with reading(db) as store:
        if query is not None:
            hits = store.semantic_search(query, limit=limit, hybrid=hybrid)
        else:
            hits = store.similar(str(statement_id), limit=limit)
    emit_hits(hits, fmt)
