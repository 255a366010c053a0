"""Answer cues on the claims set: how often an answer act found at a cue verb reports an answer at all.

The relation rows of ``eval/data/claims/relations.tsv`` hold one row per cue occurrence with the relation
the sentence reports (``none`` when the word answers nothing: ``räumen … ein bisschen auf``, ``ein Spiel
bestreiten``).  :func:`wortlaut.claims.answer_acts.answer_acts` runs on the texts alone (no pipeline); each
act is judged by the gold row at its cue: *right* when the types agree, *wrong* when the row is ``none`` or
another type, *unjudged* without a row.  Per cue family (the verb the act's words belong to) that gives the
precision of the cue as an answer cue, the measure by which a new cue row is kept or dropped (issue 20i: the
20h rows ``streitet … ab``, ``leugnet``, ``räumt … ein``).

``python -m wortlaut.eval.claims_cues ../shared/data --split tune``
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.claims.answer_acts import answer_acts
from wortlaut.eval import claims_data as data
from wortlaut.eval.claims_relations import SPLITS, GoldRelation, gold_relations

#: Cue families by the words of the act's cue (first match wins); ``other`` for the older cue verbs.
FAMILIES = (
    ("einräumen", re.compile(r"räum", re.IGNORECASE)),
    ("abstreiten", re.compile(r"(?<!be)str(?:eit|itt)|abgestritten", re.IGNORECASE)),
    ("leugnen", re.compile(r"leugn", re.IGNORECASE)),
)


def family(cue: str) -> str:
    """The cue family of an act's words (``räumte … ein`` → ``einräumen``)."""
    return next((name for name, pattern in FAMILIES if pattern.search(cue)), "other")


def judged_acts(data_dir: Path, splits: Sequence[str]) -> list[tuple[str, str, GoldRelation | None]]:
    """(family, verdict, gold row) of every answer act in the texts of the splits' rows; a text holding rows
    of several splits counts only its acts at rows of the asked splits (and no unjudged ones)."""
    rows = gold_relations()
    wanted = {row.source for row in rows if row.split in splits}
    result = []
    for source in sorted(wanted):
        text = data.source_article(data_dir, source).text
        golds = [row for row in rows if row.source == source]
        mixed = any(row.split not in splits for row in golds)
        for act in answer_acts(text):
            gold = next((g for g in golds if act.cue_start - 2 <= g.offset <= act.cue_end), None)
            if (gold is None and mixed) or (gold is not None and gold.split not in splits):
                continue
            verdict = "unjudged" if gold is None else "right" if gold.type == act.type else "wrong"
            result.append((family(text[act.cue_start : act.cue_end]), verdict, gold))
    return result


def report(data_dir: Path, splits: Sequence[str]) -> dict[str, Any]:
    """Per cue family: acts right / wrong / unjudged, precision, and the gold relations of the family."""
    acts = judged_acts(data_dir, splits)
    rows = [row for row in gold_relations() if row.split in splits]
    result: dict[str, Any] = {"splits": list(splits)}
    for name in [*(name for name, _ in FAMILIES), "other"]:
        counts = Counter(verdict for kind, verdict, _ in acts if kind == name)
        judged = counts["right"] + counts["wrong"]
        golds = [row for row in rows if family(row.cue) == name]
        result[name] = {
            "acts_right": counts["right"],
            "acts_wrong": counts["wrong"],
            "acts_unjudged": counts["unjudged"],
            "precision": round(counts["right"] / judged, 3) if judged else None,
            "gold_rows": len(golds),
            "gold_relations": sum(row.type != "none" for row in golds),
            "wrong_gold_types": dict(
                Counter(g.type for kind, v, g in acts if kind == name and v == "wrong" and g)
            ),
        }
    return result


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--split", "splits", multiple=True, type=click.Choice(SPLITS), default=("tune",),
              show_default=True, help="Rows whose texts are read (held-back: end of a session).")  # fmt: skip
def command(data_dir: Path | None, splits: tuple[str, ...]) -> None:
    """Precision of each answer-cue family as an answer cue on the claims set (JSON)."""
    click.echo(json.dumps(report(data_dir or Path.cwd().parent / "shared" / "data", splits), indent=1))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_cues [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
