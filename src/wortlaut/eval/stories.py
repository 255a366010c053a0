"""``wortlaut eval stories``: story clustering and statement grouping on the project's own collection.

The collection (``eval/data/stories/articles.jsonl``) holds German reports,
paraphrases by other outlets, English translations and follow-ups, written
for the project around the shipped sample articles and the two seed articles
(read from ``../shared/seeds`` when present, never copied).  Each article has
a gold story label; each statement a gold speaker, quote and statement-group
label.  Half the stories (``split: dev``) were used to choose the thresholds
in :mod:`wortlaut.link`; the other half (``test``) was not looked at while
tuning.

Articles are built with the gold statements and a gazetteer entity linker
(``entities.tsv``), so the scores measure the linking step itself, not the
upstream extraction; each split is ingested into a fresh in-memory store one
article at a time, in date order, as a daily ingest would.  Stories are
scored with pairwise and BCubed precision/recall/F1, statement groups with
pairwise and BCubed precision/recall.  Building the collection lives in
:mod:`wortlaut.eval.stories_collection`; this module scores and runs it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import click
import numpy as np

from wortlaut.eval.stories_collection import (
    GoldArticle,
    build_article,
    default_shared,
    load_collection,
    load_gazetteer,
)
from wortlaut.link import E5Encoder, Encoder, HashingEncoder, update
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import encoder_for

__all__ = [
    "GoldArticle",
    "MemoEncoder",
    "Scores",
    "bcubed",
    "build_article",
    "command",
    "default_shared",
    "load_collection",
    "load_gazetteer",
    "pairwise",
    "run_split",
]


# -- metrics ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one clustering measure."""

    precision: float
    recall: float
    f1: float

    def to_json(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pairwise(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """Pairwise P/R/F1: over item pairs, does "same predicted cluster" match "same gold cluster"?

    Items are those in ``gold``; an empty pair set counts as perfect (1.0).
    """
    items = sorted(gold)
    both = gold_pairs = predicted_pairs = 0
    for left, right in combinations(items, 2):
        same_gold = gold[left] == gold[right]
        same_predicted = predicted.get(left, ("missing", left)) == predicted.get(right, ("missing", right))
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        both += same_gold and same_predicted
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """BCubed P/R/F1 (Bagga & Baldwin 1998; Amigó et al. 2009): per-item overlap of its two clusters."""
    gold_members: dict[Hashable, set[str]] = defaultdict(set)
    predicted_members: dict[Hashable, set[str]] = defaultdict(set)
    for item in gold:
        gold_members[gold[item]].add(item)
        predicted_members[predicted.get(item, ("missing", item))].add(item)
    if not gold:
        return Scores(1.0, 1.0, 1.0)
    precision = recall = 0.0
    for item in gold:
        mine = predicted_members[predicted.get(item, ("missing", item))]
        truth = gold_members[gold[item]]
        overlap = len(mine & truth)
        precision += overlap / len(mine)
        recall += overlap / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    return Scores(precision, recall, _f1(precision, recall))


# -- running ----------------------------------------------------------------------------------


class MemoEncoder:
    """Wraps an encoder and remembers vectors by text, so repeated runs (tuning) encode once."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.family = inner.family
        self.dim = inner.dim
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._memo]
        if missing:
            self._memo.update(zip(missing, self.inner.encode(missing), strict=True))
        return (
            np.stack([self._memo[text] for text in texts]) if texts else np.zeros((0, self.dim), np.float32)
        )


def run_split(articles: Iterable[GoldArticle], encoder: Encoder) -> dict[str, Any]:
    """Ingest one split article by article in date order and score stories and statement groups."""
    from wortlaut.store import Store

    chosen = sorted(articles, key=lambda item: (item.article.published or "", item.article.id))
    store = Store.open(":memory:")
    try:
        for item in chosen:
            store.add_many([item.article], link=False)
            update(store, [item.article.id], encoder=encoder)
        linked = store.link_assignments()
    finally:
        store.close()
    stories, groups = linked.stories, linked.groups
    gold_stories = {item.article.id: item.story for item in chosen}
    gold_groups = {sid: group for item in chosen for sid, group in item.groups.items()}
    return {
        "articles": len(chosen),
        "gold_stories": len(set(gold_stories.values())),
        "predicted_stories": len({stories.get(a) for a in gold_stories}),
        "stories_pairwise": pairwise(gold_stories, stories).to_json(),
        "stories_bcubed": bcubed(gold_stories, stories).to_json(),
        "statements": len(gold_groups),
        "gold_groups": len(set(gold_groups.values())),
        "predicted_groups": len({groups.get(s, s) for s in gold_groups}),
        "groups_pairwise": pairwise(gold_groups, groups).to_json(),
        "groups_bcubed": bcubed(gold_groups, groups).to_json(),
        "duplicates": [list(row) for row in linked.duplicates],
        "quote_changed_groups": linked.quote_changed_groups,
    }


def memo_encoder(name: str) -> Encoder:
    """The named encoder, remembering vectors by text (a cascade remembers its precise encoder's)."""
    if name == "cascade":
        return CascadeEncoder(precise=MemoEncoder(E5Encoder()))
    return MemoEncoder(make_encoder(name))


def make_encoder(name: str) -> Encoder:
    if name == "hashing":
        return HashingEncoder()
    if name in ("static", "cascade"):
        return encoder_for(name)
    return E5Encoder()


def _print(split: str, result: Mapping[str, Any]) -> None:
    click.echo(
        f"== {split}: {result['articles']} articles, {result['gold_stories']} gold stories "
        f"({result['predicted_stories']} predicted), {result['statements']} statements in "
        f"{result['gold_groups']} gold groups ({result['predicted_groups']} predicted)"
    )
    for label, key in (
        ("stories pairwise", "stories_pairwise"),
        ("stories BCubed", "stories_bcubed"),
        ("groups pairwise", "groups_pairwise"),
        ("groups BCubed", "groups_bcubed"),
    ):
        scores = result[key]
        click.echo(
            f"  {label:<17} P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
        )
    click.echo(
        f"  duplicates found: {len(result['duplicates'])}; groups flagged quote_changed: "
        f"{result['quote_changed_groups']}"
    )


#: The options every evaluation on the story collection takes (``eval stories``, ``eval similar``).
encoder_option = click.option(
    "--encoder",
    "encoder_name",
    type=click.Choice(["e5", "hashing", "static", "cascade"]),
    default="e5",
    show_default=True,
    help="Sentence encoder: the multilingual e5 model, static e5 word vectors, the cascade of the two,"
    " or model-free character n-gram hashing.",
)
shared_option = click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=None,
    help="The shared folder with seeds/ (default: paths.shared / $WORTLAUT_SHARED, else ../shared).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")


@click.command(name="stories")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Which half of the collection (dev chose the thresholds).",
)
@encoder_option
@shared_option
@json_option
def command(split: str, encoder_name: str, shared: Path | None, as_json: bool) -> None:
    """Story clustering (pairwise/BCubed F1) and statement grouping (P/R) on the story collection."""
    articles, notes = load_collection(shared)
    encoder = memo_encoder(encoder_name)
    splits = ["dev", "test"] if split == "all" else [split]
    results = {name: run_split([a for a in articles if a.split == name], encoder) for name in splits}
    if as_json:
        click.echo(json.dumps({"encoder": encoder.name, "notes": notes, **results}, indent=2))
        return
    for note in notes:
        click.echo(f"note: {note}")
    click.echo(f"encoder: {encoder.name}")
    for name, result in results.items():
        _print(name, result)
