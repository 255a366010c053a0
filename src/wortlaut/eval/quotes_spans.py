"""``python -m wortlaut.eval.quotes_spans DIR --cv 3``: the quotation-span tagger against the rules.

The articles of a quotes-wikinews folder are analysed once (the default pipeline up to the times stage)
and split into document-grouped folds (:func:`wortlaut.quotes.train_spans.folds`).  For each held-out
fold a tagger trained on the other folds is scored with the project's scorer (:mod:`wortlaut.eval.quotes`):

* ``rules``: the statements stage as it is;
* ``tagger``: the tagger's quotations alone (quote role only: cue and speaker need the rules);
* one row per merge policy (``a<add_at>[f]d<drop_below>``, :class:`MergePolicy`): the statements stage
  with the tagger's quotations merged in.

Each line gives quote, speaker, addressee and joint token F1 and detection F1, per fold and pooled.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from wortlaut.eval.quotes import (
    Annotation,
    Scores,
    TokenMap,
    gold_annotations,
    predicted_annotations,
    with_gold_entities,
)
from wortlaut.quotes.context import Context
from wortlaut.quotes.extract import build_context, rule_statements
from wortlaut.quotes.found import Found
from wortlaut.quotes.lexicon import Lexicon, load_lexicon
from wortlaut.quotes.link import SpeakerLinker
from wortlaut.quotes.span_model import MergePolicy, Prediction, SpanMerger, SpanTagger, merge_spans
from wortlaut.quotes.statements import default_model, find_statements
from wortlaut.quotes.train_spans import C1, C2, MAX_ITERATIONS, Item, analyse, folds, train

#: Merge policies scored on each fold beside the rules and the tagger alone (``a<add_at>d<drop_below>``).
POLICIES = {
    f"a{add:.2f}{'f' if framed else ''}d{drop:.2f}": MergePolicy(
        add_at=add, drop_below=drop, framed_only=framed
    )
    for add in (0.0, 0.9, 0.97)
    for drop in (0.0, 0.05)
    for framed in (False, True)
}


@dataclass(frozen=True)
class _Fixed:
    """One article's prediction merged under one policy (tag once, score every policy)."""

    prediction: Prediction
    policy: MergePolicy

    def merge(self, ctx: Context, found: list[Found]) -> list[Found]:
        return merge_spans(ctx, found, self.prediction, self.policy)


def _quote_annotations(item: Item, ctx: Context, prediction: Prediction) -> list[Annotation]:
    """The tagger's quotations alone as quote-only annotations."""
    tokens = TokenMap(item.document["tokens"])
    result = []
    for parts in prediction.spans:
        ids: set[int] = set()
        for first, last in parts:
            ids |= tokens.ids_in(*ctx.chars(first, last))
        if ids:
            result.append(Annotation(roles={"quote": frozenset(ids)}, kind="model"))
    return result


def score_fold(
    held_out: Sequence[Item], path: Path, lexicon: Lexicon, policies: Mapping[str, MergePolicy]
) -> dict[str, Scores]:
    """Scores of the rules, the tagger alone and the rules merged with it under each policy."""
    speaker_model = default_model()
    linker = SpeakerLinker(lexicon)
    tagger = SpanTagger(path)
    scores = {name: Scores() for name in ("rules", "tagger", *policies)}
    for item in held_out:
        gold = with_gold_entities(
            gold_annotations(item.document), item.article.mentions, item.document["tokens"]
        )
        tokens = TokenMap(item.document["tokens"])
        ctx = build_context(item.article, lexicon)
        prediction = tagger.predict(ctx, rule_statements(ctx)) if ctx.tokens else Prediction([], [])
        scores["tagger"].add(gold, _quote_annotations(item, ctx, prediction))
        mergers: dict[str, SpanMerger | None] = {"rules": None}
        mergers.update({name: _Fixed(prediction, policy) for name, policy in policies.items()})
        for name, merger in mergers.items():
            statements = find_statements(item.article, lexicon, speaker_model, linker, merger)
            scores[name].add(gold, predicted_annotations(statements, tokens, item.article.text))
    return scores


def cross_validate(
    items: Sequence[Item],
    count: int,
    *,
    lexicon: Lexicon,
    policies: Mapping[str, MergePolicy] = POLICIES,
    **options: Any,
) -> dict[str, list[dict[str, Any]]]:
    """Per fold and pooled over the folds: the reports of :func:`score_fold`."""
    pooled = {name: Scores() for name in ("rules", "tagger", *policies)}
    per_fold: dict[str, list[dict[str, Any]]] = {name: [] for name in pooled}
    split = folds(items, count)
    with tempfile.TemporaryDirectory() as tmp:
        for number, held_out in enumerate(split):
            rest = [item for other, fold in enumerate(split) if other != number for item in fold]
            path = train(rest, Path(tmp) / f"fold{number}.crfsuite", lexicon=lexicon, **options)
            for name, scores in score_fold(held_out, path, lexicon, policies).items():
                per_fold[name].append(scores.report())
                _pool(pooled[name], scores)
    return {name: [*per_fold[name], pooled[name].report()] for name in pooled}


def rules_by_fold(items: Sequence[Item], count: int, *, lexicon: Lexicon) -> dict[str, list[dict[str, Any]]]:
    """The statements stage alone on each fold and pooled (the rules fit nothing, so this is the spread of
    the train number over the same folds the tagger is cross-validated on)."""
    speaker_model = default_model()
    linker = SpeakerLinker(lexicon)
    pooled = Scores()
    reports = []
    for held_out in folds(items, count):
        scores = Scores()
        for item in held_out:
            gold = with_gold_entities(
                gold_annotations(item.document), item.article.mentions, item.document["tokens"]
            )
            statements = find_statements(item.article, lexicon, speaker_model, linker)
            tokens = TokenMap(item.document["tokens"])
            scores.add(gold, predicted_annotations(statements, tokens, item.article.text))
        reports.append(scores.report())
        _pool(pooled, scores)
    return {"rules": [*reports, pooled.report()]}


def _pool(total: Scores, part: Scores) -> None:
    for role in total.tp:
        total.tp[role] += part.tp[role]
        total.pred[role] += part.pred[role]
        total.gold[role] += part.gold[role]
    total.pairs += part.pairs
    total.predicted += part.predicted
    total.annotated += part.annotated
    total.resolved_pairs += part.resolved_pairs
    total.resolved_right += part.resolved_right


def summary(results: dict[str, list[dict[str, Any]]]) -> str:
    """One line per setting and fold (the last line of each: pooled over the folds)."""
    lines = [f"{'setting':<12}{'fold':>7}{'quote':>8}{'speaker':>9}{'addr':>7}{'joint':>8}{'detect':>8}"]
    for name, reports in results.items():
        for number, report in enumerate(reports):
            fold = "pooled" if number == len(reports) - 1 else str(number)
            values = [report[role]["f1"] for role in ("quote", "speaker", "addressee", "joint", "detection")]
            lines.append(f"{name:<12}{fold:>7}" + "".join(f"{value:>8.4f}" for value in values))
    return "\n".join(lines)


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--cv", "count", type=click.IntRange(min=2), default=3, show_default=True, help="Folds.")
@click.option("--c1", type=float, default=C1, show_default=True)
@click.option("--c2", type=float, default=C2, show_default=True)
@click.option("--iterations", type=int, default=MAX_ITERATIONS, show_default=True)
@click.option("--rules-only", is_flag=True, help="Score the rules per fold only; train no tagger.")
def main(directory: Path, count: int, c1: float, c2: float, iterations: int, rules_only: bool) -> None:
    """Cross-validate the quotation-span tagger against the rules on a quotes-wikinews folder."""
    items = analyse(directory)
    if not items:
        sys.exit(f"{directory}: no *.json documents found")
    if rules_only:
        click.echo(summary(rules_by_fold(items, count, lexicon=load_lexicon())))
        return
    results = cross_validate(items, count, lexicon=load_lexicon(), c1=c1, c2=c2, iterations=iterations)
    click.echo(summary(results))


if __name__ == "__main__":
    main()
