"""Trains the event status classifier on the tune part of the claims set, choosing by k-fold CV.

``python -m wortlaut.eval.claims_status [DATA_DIR]`` reads the gold events of ``eval/data/claims``
(tune split only, gold ``none`` left out: the classifier decides the status of emitted events),
computes their features on the default pipeline's analysis, chooses the feature groups, the L2
penalty and the rule statuses kept by 5-fold cross-validation, reports a nested estimate of that
choice (chosen on four folds, scored on the fifth), and writes the model trained on all of tune to
``wortlaut/models/claims-status``.  The test split is never read here.

Why the folds score only the ``frozen`` rows: the cue rules were written from the errors on the
older tune rows, so on those the rules (and a model leaning on the rules' answer) look better than
they are; the ``frozen`` rows were annotated after the rules were frozen.  Every fold trains on all
older tune rows plus the other folds' frozen rows.

Why only WikiNews rows are trained on: the 10kGNAD texts are CC BY-NC-SA, and a default model must
be licence-clean; WikiNews articles are CC BY 2.5 and the labels are the project's own.  The 10kGNAD
rows are scored as held-out rows (as everywhere else in the project's evaluation), never learned from.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wortlaut.claims.status_features import status_features
from wortlaut.claims.status_model import MODEL_DIR, StatusModel, save, train
from wortlaut.eval.claims import FOLDS, NONE, EventCase, trigger_sentence
from wortlaut.eval.claims_data import FAIR_BATCHES
from wortlaut.events.status import CANCELLED, HAPPENED, NEGATED, PLANNED

GROUP_SETS = (
    frozenset({"rule"}),
    frozenset({"rule", "morph"}),
    frozenset({"rule", "morph", "lex"}),
    frozenset({"rule", "morph", "lex", "date"}),
    frozenset({"cues", "morph", "lex", "date"}),
    frozenset({"rule", "cues", "morph", "lex", "date"}),
    frozenset({"rule", "morph", "ctx"}),
    frozenset({"cues", "morph", "lex", "date", "ctx"}),
)
L2_VALUES = (0.003, 0.01, 0.03, 0.1, 0.3)
#: Sources whose texts the shipped model may learn from (licence-clean: WikiNews, CC BY 2.5).
CLEAN_SOURCES = ("wikinews/",)
KEEP_SETS = (frozenset({CANCELLED}), frozenset({CANCELLED, NEGATED}))


@dataclass(frozen=True, slots=True)
class Item:
    """One tune gold event: its features, the rules' answer and the gold status."""

    features: dict[str, float]
    rule: str
    gold: str
    frozen: bool
    #: Whether the row's text may be learned from for the shipped model (WikiNews, CC BY 2.5).
    clean: bool


@dataclass(frozen=True, slots=True)
class Config:
    groups: frozenset[str]
    l2: float
    keep: frozenset[str]

    def describe(self) -> dict[str, Any]:
        return {"groups": sorted(self.groups), "l2": self.l2, "keep": sorted(self.keep)}


CONFIGS = [Config(g, l2, k) for g in GROUP_SETS for l2 in L2_VALUES for k in KEEP_SETS]


def items_of(cases: Sequence[EventCase]) -> list[Item]:
    """The features of each gold event (not ``none``) of the cases."""
    items = []
    for case in cases:
        if case.gold.status == NONE:
            continue
        sentence = trigger_sentence(case.article, case.trigger)
        features = status_features(case.article, case.trigger, sentence)
        rule = next(name.split(":", 1)[1] for name in features if name.startswith("rule:"))
        clean = case.gold.source.startswith(CLEAN_SOURCES)
        items.append(Item(features, rule, case.gold.status, case.gold.batch in FAIR_BATCHES, clean))
    return items


def held_out_accuracy(config: Config, train_items: Sequence[Item], held: Sequence[Item]) -> float:
    """Accuracy on ``held`` of the model trained on the licence-clean ``train_items`` under a config."""
    model = fit(config, train_items)
    right = sum(1 for i in held if dated(model.predict(i.features, i.rule), i) == i.gold)
    return right / len(held) if held else 0.0


def fit(config: Config, items: Sequence[Item]) -> StatusModel:
    """The model of a config trained on the licence-clean items only."""
    clean = [i for i in items if i.clean]
    return train(
        [i.features for i in clean],
        [i.gold for i in clean],
        groups=config.groups,
        keep=config.keep,
        l2=config.l2,
    )


def dated(status: str, item: Item) -> str:
    """As the system does after the status (``dated_status``): happened with a later date is planned
    (not for an announcement: its later date is what it announces)."""
    if "ctx:type_announcement" in item.features:
        return status
    return PLANNED if status == HAPPENED and "date:after" in item.features else status


def _folds(items: Sequence[Item], folds: int) -> list[tuple[list[Item], list[Item]]]:
    """Round-robin folds over the frozen rows; the other rows are always in the training part."""
    fresh = [i for i in items if i.frozen]
    older = [i for i in items if not i.frozen]
    return [
        (
            older + [i for n, i in enumerate(fresh) if n % folds != fold],
            [i for n, i in enumerate(fresh) if n % folds == fold],
        )
        for fold in range(folds)
    ]


def cv_accuracy(config: Config, items: Sequence[Item], folds: int = FOLDS) -> float:
    """Mean held-out accuracy on the frozen rows over k folds."""
    scores = [held_out_accuracy(config, rest, held) for rest, held in _folds(items, folds) if held]
    return sum(scores) / len(scores)


def choose_config(items: Sequence[Item], folds: int = FOLDS) -> tuple[Config, float]:
    """The config with the best CV accuracy (ties: the earlier, simpler one) and that accuracy."""
    scored = [(cv_accuracy(c, items, folds), -n, c) for n, c in enumerate(CONFIGS)]
    best = max(scored, key=lambda s: (s[0], s[1]))
    return best[2], best[0]


def nested_accuracy(items: Sequence[Item]) -> float:
    """The choice's own generalisation: chosen by inner 4-fold CV on four folds, scored on the fifth."""
    scores = []
    for rest, held in _folds(items, FOLDS):
        config, _ = choose_config(rest, FOLDS - 1)
        scores.append(held_out_accuracy(config, rest, held))
    return sum(scores) / len(scores)


def rules_accuracy(items: Sequence[Item]) -> float:
    """The rules' own accuracy on the items (the baseline beside the classifier)."""
    return sum(1 for i in items if dated(i.rule, i) == i.gold) / len(items) if items else 0.0


def build(data_dir: Path, out_dir: Path = MODEL_DIR) -> dict[str, Any]:
    """Chooses, trains and saves the model from the tune split; returns the CV report."""
    from wortlaut.eval.claims_cases import event_cases

    cases, _ = event_cases(data_dir, frozenset({"tune"}))
    items = items_of(cases)
    fresh = [i for i in items if i.frozen]
    config, cv = choose_config(items)
    model = fit(config, items)
    save(model, out_dir)
    report = {
        "tune_events": len(items),
        "trained_on_clean_events": sum(1 for i in items if i.clean),
        "frozen_events": len(fresh),
        "labels": dict(Counter(i.gold for i in items)),
        "chosen": config.describe(),
        "frozen_cv_accuracy_chosen": round(cv, 4),
        "frozen_nested_cv_accuracy": round(nested_accuracy(items), 4),
        "frozen_rules_accuracy": round(rules_accuracy(fresh), 4),
        "older_tune_rules_accuracy": round(rules_accuracy([i for i in items if not i.frozen]), 4),
        "configs_tried": len(CONFIGS),
        "features": len(model.features),
    }
    (out_dir / "cv.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_status [DATA_DIR]``: retrain the shipped status model."""
    args = list(sys.argv[1:] if argv is None else argv)
    data_dir = Path(args[0]) if args else Path.cwd().parent / "shared" / "data"
    print(json.dumps(build(data_dir), indent=1))


if __name__ == "__main__":
    main()
