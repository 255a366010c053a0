"""``wortlaut eval similar``: does "statements like this one" find the other reports of a statement?

On the statement-group collection of ``wortlaut eval stories`` (the same
statement reported verbatim, paraphrased or translated by several outlets
carries one gold group label), every statement whose gold group has another
member in the same split asks :meth:`wortlaut.store.Store.similar` for its
top ``k``; a hit is another member of its gold group among them.  The score
is the share of such statements with a hit (hit rate at ``k``), per split.
Nothing in semantic search was tuned on this collection (the encoder is the
linker's, RRF is not involved in "similar"), so both halves are test data here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from wortlaut.eval.stories import MemoEncoder, encoder_option, json_option, make_encoder, shared_option
from wortlaut.eval.stories_collection import GoldArticle, load_collection
from wortlaut.link import Encoder

#: The issue's target: the share of statements with another member of their group in the top 5.
TARGET = 0.90
TOP_K = 5


def run_similar(articles: Iterable[GoldArticle], encoder: Encoder, *, k: int = TOP_K) -> dict[str, Any]:
    """Store the articles in a fresh in-memory store and score hit rate at ``k`` of ``similar``."""
    from wortlaut.store import Store

    chosen = list(articles)
    gold = {sid: group for item in chosen for sid, group in item.groups.items()}
    sizes = Counter(gold.values())
    asked = sorted(sid for sid, group in gold.items() if sizes[group] > 1)
    misses: list[str] = []
    store = Store.open(":memory:")
    try:
        store.add_many([item.article for item in chosen], link=False)
        for sid in asked:
            hits = store.similar(sid, limit=k, encoder=encoder)
            if not any(gold.get(hit.statement_id) == gold[sid] for hit in hits):
                misses.append(sid)
    finally:
        store.close()
    found = len(asked) - len(misses)
    return {
        "statements": len(gold),
        "asked": len(asked),
        "found": found,
        f"hit_at_{k}": round(found / len(asked), 4) if asked else 1.0,
        "misses": misses,
    }


@click.command(name="similar")
@encoder_option
@click.option("--k", type=click.IntRange(1, 50), default=TOP_K, show_default=True, help="Results looked at.")
@shared_option
@json_option
def command(encoder_name: str, k: int, shared: Path | None, as_json: bool) -> None:
    """Hit rate at k of "statements like this one" on the story collection's statement groups."""
    articles, notes = load_collection(shared)
    encoder = MemoEncoder(make_encoder(encoder_name))
    results = {
        name: run_similar([a for a in articles if name in (a.split, "all")], encoder, k=k)
        for name in ("dev", "test", "all")
    }
    if as_json:
        click.echo(json.dumps({"encoder": encoder.name, "k": k, "notes": notes, **results}, indent=2))
        return
    for note in notes:
        click.echo(f"note: {note}")
    click.echo(f"encoder: {encoder.name}; target hit@{k} >= {TARGET:.2f}")
    for name, result in results.items():
        click.echo(
            f"== {name}: {result['statements']} statements, {result['asked']} with another group member;"
            f" hit@{k} {result[f'hit_at_{k}']:.3f} ({result['found']}/{result['asked']})"
        )
