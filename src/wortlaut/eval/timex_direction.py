"""The learned direction of relative dates against the rules', by document-grouped cross-validation.

Issue 15l. Every expression whose past, future and no-direction readings give different values is a
decision point (:mod:`wortlaut.timex.choice`); the gold TIMEX3 overlapping it says which readings are right.
This records the points of the development documents (the KRAUTS tune half and the own development sets,
never a held-back set), deals the documents into the folds of ``timex_cv`` (by SHA-1 of the name, whole
documents), trains :mod:`wortlaut.timex.direction_model` on the other folds' points and scores each held-out
fold twice: per point (is the chosen reading right?) for the model and for the rules' own choice, and end to
end (value F1 of the held-out documents with the model as the finder's chooser against the rules). Usage::

    .venv/bin/python -m wortlaut.eval.timex_direction                  # tune + own A, B, D, F, H, I, J, K, L
    .venv/bin/python -m wortlaut.eval.timex_direction --data own       # own development sets only
    .venv/bin/python -m wortlaut.eval.timex_direction --without-rules   # grammar features only
    .venv/bin/python -m wortlaut.eval.timex_direction --save PATH       # train on all points, write weights
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wortlaut.eval.timex_cv import FOLDS, OWN_DEVELOPMENT, Counts, folds, per_document, total
from wortlaut.eval.timex_sets import SHARED_DATA, own_documents, split_names
from wortlaut.timex import direction_model
from wortlaut.timex.anchors import parse_day
from wortlaut.timex.choice import DecisionPoint, direction_of
from wortlaut.timex.finder import AnchorFn, TimeFinder
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument, read_timeml

#: Which development documents a run reads: ``all`` the tune half and the own development sets, ``own``
#: the own sets only (no KRAUTS annotation), ``tune`` the tune half only.
DATA_CHOICES = ("all", "own", "tune")


@dataclass(frozen=True, slots=True)
class Labelled:
    """A decision point of one document with the readings the gold agrees with (empty: none is right)."""

    doc: str
    point: DecisionPoint
    right: frozenset[str]


class Recorder:
    """A chooser that keeps every point it is shown and answers with the rules' own direction."""

    def __init__(self) -> None:
        self.points: list[DecisionPoint] = []

    def __call__(self, point: DecisionPoint) -> str | None:
        self.points.append(point)
        return direction_of(point.rules)


def documents(data: str) -> list[TimeMLDocument]:
    """The development documents of ``data`` (see :data:`DATA_CHOICES`); held-back sets never."""
    docs: list[TimeMLDocument] = []
    if data in {"all", "tune"}:
        krauts = SHARED_DATA / "time-krauts" / "dolomiten-100"
        docs += [read_timeml(krauts / name) for name in split_names("tune")]
    if data in {"all", "own"}:
        for name in OWN_DEVELOPMENT:
            docs += own_documents(SHARED_DATA, name=name)
    return docs


def _gold_for(point: DecisionPoint, gold: Sequence[GoldTimex]) -> GoldTimex | None:
    """The gold expression overlapping the point most (``None`` when none does)."""
    best, size = None, 0
    for item in gold:
        overlap = min(item.end, point.end) - max(item.start, point.start)
        if overlap > size:
            best, size = item, overlap
    return best


def _constant(day: date | None) -> AnchorFn:
    """The document date everywhere (one date per document)."""

    def anchor(_offset: int) -> date | None:
        return day

    return anchor


def record(docs: Sequence[TimeMLDocument]) -> list[Labelled]:
    """Every decision point of the documents with the gold's right readings (points on no gold dropped)."""
    labelled = []
    for doc in docs:
        recorder = Recorder()
        TimeFinder(chooser=recorder).find(doc.text, anchor=_constant(parse_day(doc.dct)))
        for point in recorder.points:
            gold = _gold_for(point, doc.timexes)
            if gold is None:
                continue
            right = frozenset(name for name, value in point.options.items() if value == gold.value)
            labelled.append(Labelled(doc.name, point, right))
    return labelled


@dataclass
class FoldResult:
    """Per-point and end-to-end counts of one held-out fold."""

    points: int = 0
    answerable: int = 0
    rules_right: int = 0
    model_right: int = 0
    rules_counts: Counts = field(default_factory=Counts)
    model_counts: Counts = field(default_factory=Counts)


def training_rows(items: Sequence[Labelled], *, without_rules: bool = False) -> list[dict[str, float]]:
    """The features to learn from; ``without_rules`` drops the rules' own choice (grammar features only:
    a model that never saw the rules' answer, which then cannot read it either)."""
    rows = [item.point.features for item in items]
    if not without_rules:
        return rows
    return [{name: value for name, value in row.items() if not name.startswith("rule=")} for row in rows]


def cross_validate(
    docs: Sequence[TimeMLDocument],
    labelled: Sequence[Labelled],
    k: int = FOLDS,
    *,
    without_rules: bool = False,
) -> list[FoldResult]:
    """Train on the other folds' points, score the held-out fold per point and end to end."""
    fold = folds([doc.name for doc in docs], k)
    rules_counts = per_document(docs, TimeFinder())
    results = []
    for index in range(k):
        train = [item for item in labelled if fold[item.doc] != index and item.right]
        held = [item for item in labelled if fold[item.doc] == index]
        rows = training_rows(train, without_rules=without_rules)
        model = direction_model.train(rows, [item.right for item in train])
        result = FoldResult(points=len(held), answerable=sum(bool(item.right) for item in held))
        for item in held:
            result.rules_right += item.point.rules in item.right
            result.model_right += model.reading(item.point.features) in item.right
        held_docs = [doc for doc in docs if fold[doc.name] == index]
        names = [doc.name for doc in held_docs]
        result.rules_counts = total(rules_counts, names)
        result.model_counts = total(per_document(held_docs, TimeFinder(chooser=model)), names)
        results.append(result)
    return results


def report(results: Sequence[FoldResult]) -> list[str]:
    """One line per fold and the pooled line."""
    lines = []
    pooled = FoldResult()
    for index, result in enumerate(results):
        lines.append(
            f"fold {index}: {result.points} points ({result.answerable} with a right reading): rules right "
            f"{result.rules_right}, model right {result.model_right}; value F1 rules "
            f"{result.rules_counts.f1:.3f}, model {result.model_counts.f1:.3f}"
        )
        pooled.points += result.points
        pooled.answerable += result.answerable
        pooled.rules_right += result.rules_right
        pooled.model_right += result.model_right
        pooled.rules_counts = pooled.rules_counts + result.rules_counts
        pooled.model_counts = pooled.model_counts + result.model_counts
    lines.append(
        f"pooled: {pooled.points} points ({pooled.answerable} with a right reading): rules right "
        f"{pooled.rules_right}, model right {pooled.model_right}; "
        f"value F1 rules {pooled.rules_counts.f1:.4f} ({pooled.rules_counts.correct} right), "
        f"model {pooled.model_counts.f1:.4f} "
        f"({pooled.model_counts.correct} right)"
    )
    return lines


def dump(labelled: Sequence[Labelled], path: Path) -> None:
    """The labelled points as JSON lines (for reading them)."""
    with path.open("w", encoding="utf-8") as handle:
        for item in labelled:
            row = {
                "doc": item.doc,
                "kind": item.point.kind,
                "rules": item.point.rules,
                "right": sorted(item.right),
                "options": item.point.options,
                "features": sorted(item.point.features),
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=DATA_CHOICES, default="all")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--save", type=Path, help="train on all the data's points, write the weights there")
    parser.add_argument("--without-rules", action="store_true", help="learn without the rules' own choice")
    parser.add_argument("--dump", type=Path, help="write the labelled points as JSON lines to this file")
    args = parser.parse_args(argv)
    if not (SHARED_DATA / "time-krauts").is_dir():
        print(f"{SHARED_DATA}: shared data not found")
        return 1
    docs = documents(args.data)
    labelled = record(docs)
    if args.dump:
        dump(labelled, args.dump)
    print(f"{args.data}: {len(docs)} documents, {len(labelled)} decision points on gold")
    if args.save:
        train = [item for item in labelled if item.right]
        model = direction_model.train(
            training_rows(train, without_rules=args.without_rules), [i.right for i in train]
        )
        print(f"weights written to {direction_model.save(model, args.save)}")
        return 0
    results = cross_validate(docs, labelled, args.folds, without_rules=args.without_rules)
    print("\n".join(report(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
