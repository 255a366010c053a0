"""Word senses of the answer verbs (the ``unless`` column of ``lang/de/claims_relations.tsv``), chosen by
document-grouped CV on the relation choosing rows (issue 20l).

Some answer verbs have a second sense that answers nobody: ``widerspricht dem Grundsatz`` (a norm as
object), ``bestritt 106 Länderspiele`` (a match or costs), ``im Amt bestätigt`` (an office or a vote),
``wies die Klage zurück`` (a court rejecting a filing).  Each candidate sense is a regular expression added
to one cue row's ``unless``: an act at that row whose clause holds it is no act.  The answer acts are found
once with the shipped cues (:func:`wortlaut.claims.answer_acts.answer_acts`, texts alone, no pipeline) and
judged by the gold row at their cue, as in :mod:`wortlaut.eval.claims_cues`; a candidate set drops the acts
whose clause its expression matches.  Score: F0.5 of the judged acts (precision counts twice; recall over the
gold answer rows), chosen on four folds of articles and counted on the fifth (:func:`claims_answers.folds`).
The statement route checks ``unless`` in the cue and frame instead of the clause; the link precision of the
shipped choice is measured by ``eval.claims_gates --released`` after it ships.  Held-back rows are never read.

``python -m wortlaut.eval.claims_senses ../shared/data``
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from wortlaut.claims.answer_acts import _clause, answer_acts
from wortlaut.eval import claims_data as data
from wortlaut.eval.claims_answers import BETA, FOLDS, folds
from wortlaut.eval.claims_relations import RELEASED, GoldRelation, gold_relations
from wortlaut.sentences import split_sentences

#: Candidate senses: the cue row they belong to (a regular expression its cue words match) and the words
#: that, in the act's clause, give the verb the other sense.  Case-insensitive, word boundaries added, as
#: the cue file's columns.
CANDIDATES: dict[str, tuple[str, str]] = {
    # widersprechen with a norm or rule as its object: a text contradicting a principle answers nobody
    "norm_object": (
        r"widersp",
        r"Grundsatz|Grundsätzen|Prinzip\w*|\w*recht|\w*rechts|\w*gesetz\w*|Charta|Verfassung|Regeln"
        r"|Vorgaben|Vorschriften|Bestimmungen|Voraussetzungen",
    ),
    # bestreiten of a match, a race, a fight or of costs ("bestritt 106 Länderspiele", "vom Vermögen
    # bestritten")
    "match_or_costs": (
        r"bestr",
        r"(?:Länder|Gruppen|Pflicht|Heim|Auswärts|End|Halbfinal|Viertelfinal|Eröffnungs|Test|Freundschafts)?"
        r"spiel(?:e|en|s)?|Partie\w*|Finali|Finale|\w*turnier\w*|Rennen|Giro|\w*kämpfe|Kampf|Duell\w*"
        r"|Halbzeitshow|Einsätze|Vermögen|Kosten|Lebensunterhalt",
    ),
    # bestätigen of an office or a mandate ("im Amt bestätigt", "für die restliche Amtszeit bestätigt")
    "office": (r"bestätig", r"Amt|Amte|Amtszeit|wiedergewählt|Kandidatenliste\w*"),
    # zurückweisen of a filing by a court or an authority ("wies die Klage … zurück", "Befangenheitsantrag
    # zurückgewiesen")
    "court_filing": (
        r"zurückg|zurückw|wies|weis",
        r"Klage\w*|\w*antrag|\w*antrags|\w*anträge|Beschwerde\w*|Berufung|Revision|Einspruch|Rekurs",
    ),
}


@dataclass(frozen=True, slots=True)
class JudgedAct:
    """An answer act at a gold row: its cue words, clause, verdict and gold row."""

    cue: str
    clause: str
    verdict: str
    gold: GoldRelation


def judged_acts(data_dir: Path, splits: Sequence[str]) -> list[JudgedAct]:
    """Every answer act at a gold row of the splits (rows of other splits in the same text are skipped)."""
    rows = gold_relations()
    result = []
    for source in sorted({row.source for row in rows if row.split in splits}):
        text = data.source_article(data_dir, source).text
        golds = [row for row in rows if row.source == source and row.split in splits]
        sentences = split_sentences(text)
        for act in answer_acts(text):
            gold = next((g for g in golds if act.cue_start - 2 <= g.offset <= act.cue_end), None)
            if gold is None:
                continue
            sentence = next(s for s in sentences if s.start <= act.cue_start < s.end)
            clause = _clause(text, sentence.start, sentence.end, act.cue_start, act.cue_end)
            verdict = "right" if gold.type == act.type else "wrong"
            result.append(JudgedAct(text[act.cue_start : act.cue_end], clause, verdict, gold))
    return result


def _compiled(names: Sequence[str]) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    return [
        (re.compile(CANDIDATES[name][0], re.IGNORECASE), re.compile(rf"\b(?:{CANDIDATES[name][1]})\b", re.I))
        for name in names
    ]


def dropped(act: JudgedAct, senses: list[tuple[re.Pattern[str], re.Pattern[str]]]) -> bool:
    """Whether a candidate sense cancels the act (its cue row matches and its words are in the clause)."""
    return any(row.search(act.cue) and words.search(act.clause) for row, words in senses)


def score(acts: Sequence[JudgedAct], golds: Sequence[GoldRelation], names: Sequence[str]) -> dict[str, Any]:
    """Right and wrong acts kept with these senses, precision, recall over the rows' answers, F0.5."""
    rows = {(g.source, g.offset) for g in golds}
    senses = _compiled(names)
    kept = [a for a in acts if (a.gold.source, a.gold.offset) in rows and not dropped(a, senses)]
    counts = Counter(a.verdict for a in kept)
    judged = counts["right"] + counts["wrong"]
    answers = sum(g.type != "none" for g in golds)
    precision = counts["right"] / judged if judged else 0.0
    recall = counts["right"] / answers if answers else 0.0
    weight = BETA * BETA
    f = (1 + weight) * precision * recall / (weight * precision + recall) if precision and recall else 0.0
    return {"right": counts["right"], "wrong": counts["wrong"], "precision": round(precision, 4),
            "recall": round(recall, 4), "f": round(f, 4)}  # fmt: skip


def subsets(names: Sequence[str]) -> list[tuple[str, ...]]:
    """Every subset, the empty one first (ties keep the smaller, earlier subset)."""
    return [combo for size in range(len(names) + 1) for combo in itertools.combinations(names, size)]


def nested(acts: Sequence[JudgedAct], golds: Sequence[GoldRelation]) -> dict[str, Any]:
    """Senses chosen on four folds of articles (best F0.5), counted on the fifth; pooled, beside the shipped
    cues (no candidate) on the same folds."""
    options = subsets(list(CANDIDATES))
    parts = folds(golds)
    pooled: Counter[str] = Counter()
    shipped: Counter[str] = Counter()
    chosen = []
    for index in range(FOLDS):
        rest = [g for fold, part in enumerate(parts) if fold != index for g in part]
        best = max(options, key=lambda combo: (score(acts, rest, combo)["f"], -len(combo)))
        chosen.append(list(best))
        pooled.update({k: v for k, v in score(acts, parts[index], best).items() if k in ("right", "wrong")})
        shipped.update({k: v for k, v in score(acts, parts[index], ()).items() if k in ("right", "wrong")})
    return {"chosen_per_fold": chosen,
            "cv_precision": round(pooled["right"] / max(1, pooled["right"] + pooled["wrong"]), 4),
            "cv_right_wrong": [pooled["right"], pooled["wrong"]],
            "shipped_precision": round(shipped["right"] / max(1, shipped["right"] + shipped["wrong"]), 4),
            "shipped_right_wrong": [shipped["right"], shipped["wrong"]]}  # fmt: skip


def report(data_dir: Path) -> dict[str, Any]:
    """Each sense alone, the choice on all choosing rows, and the nested estimate."""
    splits = ("tune", *RELEASED)
    acts = judged_acts(data_dir, splits)
    golds = [g for g in gold_relations() if g.split in splits]
    best = max(subsets(list(CANDIDATES)), key=lambda combo: (score(acts, golds, combo)["f"], -len(combo)))
    return {"splits": list(splits), "shipped": score(acts, golds, ()),
            "each_alone": {name: score(acts, golds, (name,)) for name in CANDIDATES},
            "chosen_on_all": list(best), "chosen_in_sample": score(acts, golds, best),
            "nested_cv": nested(acts, golds)}  # fmt: skip


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
def command(data_dir: Path | None) -> None:
    """Answer-verb senses (``unless``) chosen by grouped CV on the relation choosing rows (JSON)."""
    click.echo(json.dumps(report(data_dir or Path.cwd().parent / "shared" / "data"), indent=1))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_senses [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
