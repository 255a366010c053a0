"""The whole events stage on the tune events of the claims set: per annotation batch, and the stage's rule
switches by document-grouped cross-validation (issue 20k).

``wortlaut eval claims`` chooses the switches in sample on tune and folds by row index; with the articles
kept whole a switch that wins there by one event can be seen not to generalise.  Neither function reads a
test part.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Sequence
from typing import Any

from wortlaut.eval.claims import NONE, STATUS_OPTIONS, EventCase, _split_report, reanalysed, system_status
from wortlaut.events.status import DEFAULT_OPTIONS

#: Folds by article (as ``eval.claims_status_rows``).
FOLDS = 5


def fold_of(source: str) -> int:
    """The fold of an article: a stable hash of its source name (as ``eval.claims_status_rows.fold_of``)."""
    return zlib.crc32(source.encode("utf-8")) % FOLDS


def system_scores(cases: Sequence[EventCase]) -> dict[str, Any]:
    """The whole events stage (default options) on the tune triggers, all and per annotation batch:
    status accuracy of the emitted gold events, as ``wortlaut eval claims`` counts it, reading no test
    part."""
    keys = ("gold_events", "emitted_events", "status_accuracy_emitted", "none_emitted", "gold_none")
    batches = sorted({case.gold.batch for case in cases})
    parts = {"all": list(cases)} | {f"batch {b}": [c for c in cases if c.gold.batch == b] for b in batches}
    reports = {name: _split_report(part, DEFAULT_OPTIONS) for name, part in parts.items()}
    return {name: {key: report[key] for key in keys} for name, report in reports.items()}


def options_cv(cases: Sequence[EventCase]) -> dict[str, Any]:
    """Document-grouped CV of the stage's rule switches (``eval.claims.STATUS_OPTIONS``, the whole events
    stage, emitted gold events): ``wortlaut eval claims`` chooses them in sample on tune and folds by row
    index, so a switch that wins there by one event is checked here with the articles kept whole."""
    right = [[0] * FOLDS for _ in STATUS_OPTIONS]
    total = [[0] * FOLDS for _ in STATUS_OPTIONS]
    for index, option in enumerate(STATUS_OPTIONS):
        for case in reanalysed(cases, option):
            predicted = system_status(case)
            if NONE not in (case.gold.status, predicted):
                fold = fold_of(case.gold.source)
                total[index][fold] += 1
                right[index][fold] += predicted == case.gold.status

    def rate(index: int, folds: Sequence[int]) -> float:
        return sum(right[index][f] for f in folds) / max(1, sum(total[index][f] for f in folds))

    held, counted, chosen = 0, 0, []
    for fold in range(FOLDS):
        rest = [f for f in range(FOLDS) if f != fold]
        best = max(range(len(STATUS_OPTIONS)), key=lambda i: (rate(i, rest), -i))
        chosen.append(best)
        held, counted = held + right[best][fold], counted + total[best][fold]
    default = STATUS_OPTIONS.index(DEFAULT_OPTIONS) if DEFAULT_OPTIONS in STATUS_OPTIONS else 0
    on_all = max(range(len(STATUS_OPTIONS)), key=lambda i: (rate(i, range(FOLDS)), -i))
    return {"default_in_sample": round(rate(default, range(FOLDS)), 4), "cv_chosen": round(held / counted, 4),
            "chosen_per_fold": [dataclasses.asdict(STATUS_OPTIONS[i]) for i in chosen],
            "chosen_on_all": dataclasses.asdict(STATUS_OPTIONS[on_all]),
            "in_sample_chosen": round(rate(on_all, range(FOLDS)), 4)}  # fmt: skip
