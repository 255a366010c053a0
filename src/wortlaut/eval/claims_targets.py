"""Where the answerable relation rows lose their link, and which the statements stage blocks (counts only).

For every answerable gold row of ``relations.tsv`` (its answered claim is in the text) on the given splits:
how the answer act at its cue refers back (:mod:`wortlaut.claims.answer_acts`: pronoun, noun, object …,
or ``no act``), whether the shipped linkers make a right link there, and whether the answered claim is
an extracted statement at all — some statement's quotation holds the gold anchor.  A row whose claim no
statement holds is **blocked**: no linker can point at it, whatever the route, until the statements
stage emits that report (``Die Zeitung hatte berichtet, …``, an open letter, a forum post).  No words of
the texts are printed.

``python -m wortlaut.eval.claims_targets ../shared/data``
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article
from wortlaut.claims.answer_acts import answer_acts
from wortlaut.eval import claims_data as data
from wortlaut.eval.claims_relations import RELEASED, GoldRelation, judged_links

#: Characters around a gold row's offset within which an act's cue counts as the row's.
SLACK = 5


def reference_at(article: Article, gold: GoldRelation) -> str:
    """How the answer act at the gold row's cue refers back, or ``no act``."""
    acts = [a for a in answer_acts(article.text) if a.cue_start - SLACK <= gold.offset < a.cue_end + SLACK]
    return acts[0].reference if acts else "no act"


def extracted(article: Article, gold: GoldRelation) -> bool:
    """Whether some statement's quotation holds the gold anchor (the answered claim is a statement)."""
    quotes = [" ".join(s.quote.text.casefold().split()) for s in article.statements if s.quote is not None]
    return any(anchor in quote for anchor in gold.anchors() for quote in quotes)


def table(
    golds: Sequence[GoldRelation], articles: dict[str, Article], right: set[tuple[str, int]]
) -> dict[str, Any]:
    """Counts per reference kind: answerable rows, right links, rows whose claim no statement holds
    (``articles``: the analysed article of each gold row's source)."""
    counts: Counter[tuple[str, str]] = Counter()
    for gold in golds:
        if not gold.anchors():
            continue
        article = articles[gold.source]
        kind = reference_at(article, gold)
        counts[(kind, "answerable")] += 1
        counts[(kind, "right")] += (gold.source, gold.offset) in right
        counts[(kind, "blocked")] += not extracted(article, gold)
    names = ("answerable", "right", "blocked")
    rows = {kind: {name: counts[(kind, name)] for name in names} for kind in sorted({k for k, _ in counts})}
    return {"by_reference": rows, "all": {name: sum(row[name] for row in rows.values()) for name in names}}


def report(data_dir: Path, splits: Sequence[str]) -> dict[str, Any]:
    """The table on ``splits`` with the shipped linkers and gates."""
    golds, by_id, judged = judged_links(data_dir, splits=splits)
    sources = {gold.source for gold in golds}
    articles = {source: by_id[data.source_article(data_dir, source).id] for source in sources}
    right = {(gold.source, gold.offset) for verdict, gold, _, _ in judged if verdict == "correct" and gold}
    return table(golds, articles, right)


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
def command(data_dir: Path | None) -> None:
    """Answerable relation rows of the choosing parts by reference: right links and blocked rows (JSON)."""
    result = report(data_dir or Path.cwd().parent / "shared" / "data", ("tune", *RELEASED))
    click.echo(json.dumps(result, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_targets [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
