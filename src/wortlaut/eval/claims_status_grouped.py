"""A learned status decision scored by document-grouped CV on the choosing rows (issue 20n; an estimate).

``eval.claims_status`` chooses the classifier on round-robin folds of the fair tune rows and trains on
WikiNews only.  This scores each configuration the way the status rows are chosen
(``eval.claims_status_rows``): 5 folds by article over tune and the released parts, trained on the other
four folds, counted on the fifth, beside the rules alone on the same events.  Training rows are either every
choosing row (not licence-clean: 10kGNAD is CC BY-NC-SA; a measure of what the features can learn, never
shipped) or the licence-clean WikiNews rows only.  No configuration is nested: the best one's count is
optimistic, so it can only show that learning does *not* help.  Held-back parts are never read.

``python -m wortlaut.eval.claims_status_grouped ../shared/data --cache /tmp/tune_cases.pkl``
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.claims.status_model import train
from wortlaut.eval.claims_status import Config, Item, dated, items_of
from wortlaut.eval.claims_status_rows import FOLDS, fold_of, tune_cases

#: Feature-group sets compared (as ``eval.claims_status.GROUP_SETS``, with and without the rules' answer).
GROUP_SETS = (
    frozenset({"rule"}),
    frozenset({"rule", "morph", "lex"}),
    frozenset({"rule", "cues", "morph", "lex", "date"}),
    frozenset({"rule", "morph", "ctx"}),
    frozenset({"cues", "morph", "lex", "date", "ctx"}),
    frozenset({"rule", "cues", "morph", "lex", "date", "ctx"}),
)
L2_VALUES = (0.001, 0.003, 0.01, 0.1)
CONFIGS = tuple(Config(groups, l2, frozenset({"cancelled"})) for groups in GROUP_SETS for l2 in L2_VALUES)


def grouped_right(config: Config, items: Sequence[Item], folds: Sequence[int], *, clean_only: bool) -> int:
    """Events right when each fold is predicted by the model trained on the other folds."""
    right = 0
    for fold in range(FOLDS):
        rows = [i for i, f in zip(items, folds, strict=True) if f != fold and (i.clean or not clean_only)]
        model = train([i.features for i in rows], [i.gold for i in rows], groups=config.groups,
                      keep=config.keep, l2=config.l2)  # fmt: skip
        held = [i for i, f in zip(items, folds, strict=True) if f == fold]
        right += sum(dated(model.predict(i.features, i.rule), i) == i.gold for i in held)
    return right


def compare(items: Sequence[Item], folds: Sequence[int]) -> dict[str, Any]:
    """The rules' count beside each configuration's grouped-CV count (trained on all rows, on clean rows)."""
    report: dict[str, Any] = {"events": len(items), "rules": sum(dated(i.rule, i) == i.gold for i in items)}
    for name, clean_only in (("all_rows", False), ("clean_only", True)):
        report[name] = {
            f"{'+'.join(sorted(c.groups))} l2={c.l2}": grouped_right(c, items, folds, clean_only=clean_only)
            for c in CONFIGS
        }
    return report


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Pickle of the analysed choosing cases (as eval.claims_status_rows).")  # fmt: skip
def command(data_dir: Path | None, cache: Path | None) -> None:
    """Grouped-CV counts of the learned status decision against the rules (JSON)."""
    data_dir = data_dir or Path.cwd().parent / "shared" / "data"
    cases = tune_cases(data_dir, cache)
    click.echo(json.dumps(compare(items_of(cases), [fold_of(c.gold.source) for c in cases]), indent=1))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_status_grouped [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
