"""Answer acts on the claims set: which earlier statement a denial or confirmation answers, chosen by CV.

The relation rows of ``eval/data/claims/relations.tsv`` (one per cue
occurrence) are the gold.  Each article is analysed by the default pipeline;
:func:`wortlaut.claims.answer_acts.answer_acts` finds the acts in its text and
:func:`wortlaut.claims.answer_targets.resolve` links each to one of the
article's statements.  A link is judged by the gold row at its cue: correct
when the types agree and the target statement's quotation holds the gold anchor
(as for statement relations, :mod:`wortlaut.eval.claims_relations`); a link at
a gold row whose answered thing is not in the text (anchor ``-``) or of type
``none`` is wrong; links at cues that are not gold
rows (unsampled ``bestätig…``) are unjudged.

``--choose`` picks the :class:`~wortlaut.claims.answer_targets.TargetOptions`
by 5-fold cross-validation over the ``tune`` articles (score: F0.5 of the
links, precision weighted twice as much as recall, since a wrong "denied by"
on a person page does more harm than a missing one) and reports the nested
estimate; the held-back rows (``test``, ``test-b``, ``test-c``) are scored only with ``--test``.
"""

from __future__ import annotations

import itertools
import json
import pickle
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article
from wortlaut.claims.answer_acts import AnswerAct, answer_acts
from wortlaut.claims.answer_targets import BEST, NEAREST, OFF, Said, TargetOptions, resolve
from wortlaut.eval import claims_data as data
from wortlaut.eval.claims_relations import HELD_BACK, GoldRelation, gold_relations

#: Folds of the cross-validation over tune articles.
FOLDS = 5
#: The grid of options compared (each field's values).
GRID: dict[str, tuple[Any, ...]] = {
    "reach_chars": (150, 400, 800),
    "adjacent_chars": (0, 40, 200),
    "min_shared": (1, 2, 3, OFF),
    "noun_min_shared": (0, 1, 2, OFF),
    "noun_reach_chars": (150, 400),
    "pick": (NEAREST, BEST),
}
#: The grid of issue 20f: the object and clause routes with a least Dice (``min_dice``); the pointing
#: and noun options stay at the values the full grid chose on tune (20e), so the choice runs in minutes.
GRID_20F: dict[str, tuple[Any, ...]] = {
    "reach_chars": (150, 400, 800),
    "adjacent_chars": (40,),
    "min_shared": (1, 2, 3, OFF),
    "min_dice": (0.0, 0.15, 0.3, 0.45),
    "demonstrative_chars": (40, 150, 400),
    "noun_min_shared": (2,),
    "noun_reach_chars": (400,),
    "pick": (NEAREST, BEST),
}
#: Precision's weight in the F-beta used to choose (beta 0.5: precision counts twice).
BETA = 0.5


def said_of(article: Article) -> list[Said]:
    """The article's statements as the resolver sees them (extent from the first to the last span)."""
    found = []
    for statement in article.statements:
        spans = [statement.quote, statement.cue, statement.speaker]  # as the store's extent
        known = [span for span in spans if span is not None]
        words = " ".join(part.text for part in (statement.frame, statement.quote) if part is not None)
        speaker = statement.speaker.text if statement.speaker is not None else ""
        start, end = min(s.start for s in known), max(s.end for s in known)
        quote = statement.quote.text if statement.quote is not None else ""
        found.append(Said(statement.id, start, end, speaker, words, quote))
    return found


def analysed(data_dir: Path, sources: Sequence[str], cache: Path | None) -> dict[str, Article]:
    """The analysed article of each source (read from / written to the ``cache`` pickle when given)."""
    if cache is not None and cache.exists():
        stored: dict[str, Article] = pickle.loads(cache.read_bytes())
        if set(sources) <= set(stored):
            return stored
    from wortlaut.pipeline import default_pipeline

    pipeline = default_pipeline()
    articles = {source: pipeline(data.source_article(data_dir, source)) for source in sources}
    if cache is not None:
        cache.write_bytes(pickle.dumps(articles))
    return articles


_ACTS: dict[str, tuple[list[AnswerAct], list[Said]]] = {}


def links(article: Article, options: TargetOptions) -> list[dict[str, Any]]:
    """Every act of the article with its resolved target's wording (``None``: no target)."""
    if article.id not in _ACTS:  # the acts do not depend on the options: found once per article
        _ACTS[article.id] = (answer_acts(article.text), said_of(article))
    acts, said = _ACTS[article.id]
    quotes = {statement.id: statement.quote.text for statement in article.statements}
    found = []
    for act in acts:
        target = resolve(act, article.text, said, options)
        found.append({"act": act, "target": quotes[target.id] if target else None})
    return found


def judge(found: dict[str, Any], golds: Sequence[GoldRelation]) -> str | None:
    """``correct``/``wrong``/``unjudged`` for a link, ``None`` for an act without a target."""
    if found["target"] is None:
        return None
    act = found["act"]
    gold = next((g for g in golds if act.cue_start - 2 <= g.offset <= act.cue_end), None)
    if gold is None:
        return "unjudged"
    target = " ".join(found["target"].casefold().split())
    right = gold.type == act.type and any(anchor in target for anchor in gold.anchors())
    return "correct" if right else "wrong"


def scores(
    articles: dict[str, Article], golds: Sequence[GoldRelation], options: TargetOptions
) -> dict[str, Any]:
    """Links, precision and recall (of the answerable gold rows) over the given gold rows' articles."""
    by_source: dict[str, list[GoldRelation]] = {}
    for gold in golds:
        by_source.setdefault(gold.source, []).append(gold)
    verdicts: Counter[str] = Counter()
    for source, rows in by_source.items():
        for found in links(articles[source], options):
            verdict = judge(found, rows)
            if verdict is not None:
                verdicts[verdict] += 1
    judged = verdicts["correct"] + verdicts["wrong"]
    answerable = sum(bool(g.anchors()) for g in golds)
    precision = verdicts["correct"] / judged if judged else 0.0
    recall = verdicts["correct"] / answerable if answerable else 0.0
    return {"links": judged, "correct": verdicts["correct"], "unjudged": verdicts["unjudged"],
            "answerable": answerable, "precision": round(precision, 3), "recall": round(recall, 3),
            "f": round(_f_beta(precision, recall), 3)}  # fmt: skip


def _f_beta(precision: float, recall: float) -> float:
    if not precision or not recall:
        return 0.0
    weight = BETA * BETA
    return (1 + weight) * precision * recall / (weight * precision + recall)


def grid(spec: dict[str, tuple[Any, ...]] = GRID) -> list[TargetOptions]:
    """Every combination of a grid (:data:`GRID` by default)."""
    keys = list(spec)
    return [
        TargetOptions(**dict(zip(keys, values, strict=True))) for values in itertools.product(*spec.values())
    ]


def choose(
    articles: dict[str, Article], golds: Sequence[GoldRelation], spec: dict[str, tuple[Any, ...]] = GRID
) -> TargetOptions:
    """The options with the best F0.5 on ``golds`` (ties: the first in grid order, i.e. the smallest)."""
    return max(grid(spec), key=lambda options: scores(articles, golds, options)["f"])


def folds(golds: Sequence[GoldRelation]) -> list[list[GoldRelation]]:
    """The gold rows split into :data:`FOLDS` folds by article (sorted sources dealt round)."""
    sources = sorted({g.source for g in golds})
    fold_of = {source: index % FOLDS for index, source in enumerate(sources)}
    return [[g for g in golds if fold_of[g.source] == fold] for fold in range(FOLDS)]


def cross_validated(
    articles: dict[str, Article], golds: Sequence[GoldRelation], spec: dict[str, tuple[Any, ...]] = GRID
) -> dict[str, Any]:
    """Nested estimate: options chosen on four folds, scored on the fifth; pooled counts."""
    pooled: Counter[str] = Counter()
    chosen = []
    parts = folds(golds)
    for index, held in enumerate(parts):
        rest = [g for fold, part in enumerate(parts) if fold != index for g in part]
        options = choose(articles, rest, spec)
        chosen.append(options)
        result = scores(articles, held, options)
        pooled.update({key: result[key] for key in ("links", "correct", "answerable")})
    precision = pooled["correct"] / pooled["links"] if pooled["links"] else 0.0
    recall = pooled["correct"] / pooled["answerable"] if pooled["answerable"] else 0.0
    return {"links": pooled["links"], "correct": pooled["correct"], "answerable": pooled["answerable"],
            "precision": round(precision, 3), "recall": round(recall, 3),
            "chosen_per_fold": [_options(o) for o in chosen]}  # fmt: skip


def _options(options: TargetOptions) -> dict[str, Any]:
    return {field: getattr(options, field) for field in {**GRID, **GRID_20F}}


def report(
    data_dir: Path, *, cache: Path | None, test: bool, choosing: bool, spec: dict[str, tuple[Any, ...]] = GRID
) -> dict[str, Any]:
    """The tune scores of the defaults, the CV choice when ``choosing``, and test when asked."""
    golds = gold_relations()
    articles = analysed(data_dir, sorted({g.source for g in golds}), cache)
    tune = [g for g in golds if g.split == "tune"]
    result: dict[str, Any] = {
        "defaults": _options(TargetOptions()),
        "tune": scores(articles, tune, TargetOptions()),
    }
    result["tune_by_reference"] = _by_reference(articles, tune)
    if choosing:
        result["chosen_on_all_tune"] = _options(choose(articles, tune, spec))
        result["tune_nested_cv"] = cross_validated(articles, tune, spec)
    if test:
        for split in HELD_BACK:
            result[split] = scores(articles, [g for g in golds if g.split == split], TargetOptions())
        pooled = [g for g in golds if g.split in HELD_BACK]
        result["+".join(HELD_BACK)] = scores(articles, pooled, TargetOptions())
    return result


def _by_reference(articles: dict[str, Article], golds: Iterable[GoldRelation]) -> dict[str, int]:
    """Links per reference kind and verdict (defaults), to read where the links come from."""
    by_source: dict[str, list[GoldRelation]] = {}
    for gold in golds:
        by_source.setdefault(gold.source, []).append(gold)
    counts: Counter[str] = Counter()
    for source, rows in by_source.items():
        for found in links(articles[source], TargetOptions()):
            verdict = judge(found, rows)
            if verdict is not None:
                counts[f"{found['act'].reference} {verdict}"] += 1
    return dict(counts.most_common())


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Pickle of the analysed articles (written when missing; speeds up reruns).",
)
@click.option("--choose/--no-choose", "choosing", default=False, help="Choose the options by CV on tune.")
@click.option("--grid", "grid_name", type=click.Choice(["full", "20f"]), default="full", show_default=True,
              help="Options compared by --choose: the full grid, or the object/clause grid of issue 20f.")
@click.option("--test", is_flag=True, help="Also score the held-back rows (once, at the end).")
def command(data_dir: Path | None, cache: Path | None, choosing: bool, grid_name: str, test: bool) -> None:
    """Answer-act links on the claims set (JSON): precision and recall of acts linked to statements."""
    result = report(
        data_dir or Path.cwd().parent / "shared" / "data",
        cache=cache,
        test=test,
        choosing=choosing,
        spec=GRID_20F if grid_name == "20f" else GRID,
    )
    click.echo(json.dumps(result, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_answers [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
