"""Evidence gates for relation links (:mod:`wortlaut.claims.answer_gates`), chosen by CV on tune.

The default pipeline and both linkers run on the ``tune`` articles of the claims set with every gate
off (:func:`wortlaut.eval.claims_relations.judged_links`); each gate setting of :data:`GRID` is then
applied to the links made (a gate drops a chosen target and never picks another, so filtering the
links is what the linkers do with that setting).  Score: F0.5 of the judged links (precision counts
twice: a wrong "confirmed by" does more harm than a missing one); ties go to the setting that makes
fewer links, then to the stricter setting (:func:`strictness`: a gate that changes no tune link is
kept, since precision comes first), then to grid order.  5 folds by article (sorted sources dealt
round, as :mod:`wortlaut.eval.claims_answers`); the nested estimate chooses on four folds and counts
the fifth.  Held-back rows are never read here; with ``--released`` the former held-back parts ``test-b`` and
``test-c`` (released in 20j, :data:`~wortlaut.eval.claims_relations.RELEASED`) are chosen on with tune.

``python -m wortlaut.eval.claims_gates ../shared/data``
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article
from wortlaut.claims.answer_gates import DEFAULT_GATES, OWNER, TOPIC, Gates, passes
from wortlaut.eval.claims_answers import BETA, FOLDS, folds
from wortlaut.eval.claims_relations import RELEASED, GoldRelation, Judged, judged_links

#: The settings compared: every combination of these values.
GRID: dict[str, tuple[Any, ...]] = {
    "narration": (False, True),
    "earlier": (False, True),
    "relative_in_sentence": (False, True),
    "bare_chars": (None, 300, 200, 150, 100),
    "named_chars": (None, 800, 400, 200),
    "noun_chars": (None, 400, 300, 200, 100),
    "noun_definite": (False, True),
    "noun_narrated": (False, True),
    "owner_chars": (None, 1000, 400, 0),
    "topic_chars": (None, 400, 150, 0),
}
#: The gates that can drop a link, by how it refers (:func:`reference_of`); ``earlier`` drops any.
_RELEVANT: dict[str, tuple[str, ...]] = {
    "pronoun": ("narration",),
    "bare": ("narration", "bare_chars"),
    "relative": ("narration", "relative_in_sentence"),
    "named": ("named_chars",),
    "noun": ("noun_chars", "noun_definite", "noun_narrated"),
    "referred": ("noun_chars", "noun_definite", "noun_narrated"),
    OWNER: ("owner_chars",),
    TOPIC: ("topic_chars",),
}


#: Every gate off: the linkers' links before any gate (what the settings are applied to).
OFF = Gates(narration=False, earlier=False, relative_in_sentence=False, bare_chars=None, named_chars=None,
            noun_chars=None, noun_definite=False, noun_narrated=False, owner_chars=None,
            topic_chars=None)  # fmt: skip


def settings() -> list[Gates]:
    """Every combination of :data:`GRID`, the all-off setting first."""
    return [Gates(**dict(zip(GRID, values, strict=True))) for values in itertools.product(*GRID.values())]


def reference_of(link: dict[str, Any]) -> str:
    """How the answer refers: an act's kind (or, for an act linked through its object, the route named
    by its evidence: ``act:owner``, ``act:topic``), or the statement route's evidence (``named:Q1`` →
    ``named``)."""
    route, evidence = str(link["route"]), str(link["evidence"] or "")
    if route.startswith("act:"):
        return evidence.split(":", 1)[1] if evidence.startswith("act:") else route.split(":", 1)[1]
    return evidence.split(":")[0]


_EXTENTS: dict[int, list[tuple[int, int]]] = {}
_KEPT: dict[tuple[int, tuple[Any, ...]], bool] = {}


def _extents(article: Article) -> list[tuple[int, int]]:
    """The article's statement extents (remembered: every setting asks for each link)."""
    if id(article) not in _EXTENTS:
        extents = []
        for statement in article.statements:
            spans = [s for s in (statement.quote, statement.cue, statement.speaker) if s is not None]
            extents.append((min(s.start for s in spans), max(s.end for s in spans)))
        _EXTENTS[id(article)] = extents
    return _EXTENTS[id(article)]


def kept(gates: Gates, link: dict[str, Any], article: Article) -> bool:
    """Whether the link passes the gates (as the linkers decide it).  Remembered per link and the values
    of the gates that can drop it (:data:`_RELEVANT`), so that the grid of settings runs in seconds."""
    reference = reference_of(link)
    names = ("earlier", *_RELEVANT.get(reference, ()))
    key = (id(link), reference, *(getattr(gates, name) for name in names))
    if key not in _KEPT:
        answer = link["cue"] if link["cue"] is not None else link["start"]
        _KEPT[key] = passes(gates, reference, target_end=int(link["target_end"] or 0), answer=int(answer),
                            text=article.text, statements=_extents(article))  # fmt: skip
    return _KEPT[key]


def score(
    gates: Gates, judged: Sequence[Judged], articles: dict[str, Article], golds: Sequence[GoldRelation]
) -> dict[str, Any]:
    """Links, correct links, precision, recall and F0.5 of the judged links the gates keep, over the
    given gold rows (links of other rows are left out)."""
    rows = {(g.source, g.offset) for g in golds}
    counts: Counter[str] = Counter()
    for verdict, gold, _, link in judged:
        if gold is None or (gold.source, gold.offset) not in rows or verdict == "unjudged":
            continue
        if kept(gates, link, articles[link["article"]]):
            counts[verdict] += 1
    links = counts["correct"] + counts["wrong"]
    answerable = sum(bool(g.anchors()) for g in golds)
    precision = counts["correct"] / links if links else 0.0
    recall = counts["correct"] / answerable if answerable else 0.0
    weight = BETA * BETA
    f = (1 + weight) * precision * recall / (weight * precision + recall) if precision and recall else 0.0
    return {"links": links, "correct": counts["correct"], "answerable": answerable,
            "precision": round(precision, 3), "recall": round(recall, 3), "f": round(f, 4)}  # fmt: skip


def strictness(gates: Gates) -> int:
    """How strict a setting is: the sum of each gate's position in its :data:`GRID` values (later values
    ask for more evidence)."""
    return sum(GRID[name].index(getattr(gates, name)) for name in GRID)


def choose(judged: Sequence[Judged], articles: dict[str, Article], golds: Sequence[GoldRelation]) -> Gates:
    """The setting with the best F0.5; ties: fewer links, then the stricter setting (a gate tune cannot
    judge is kept: precision first), then grid order."""
    options = settings()
    results = [score(gates, judged, articles, golds) for gates in options]
    best = max(
        range(len(options)), key=lambda i: (results[i]["f"], -results[i]["links"], strictness(options[i]), -i)
    )
    return options[best]


def nested(
    judged: Sequence[Judged], articles: dict[str, Article], golds: Sequence[GoldRelation]
) -> dict[str, Any]:
    """Settings chosen on four folds of articles, counted on the fifth; pooled."""
    pooled: Counter[str] = Counter()
    chosen = []
    parts = folds(golds)
    for index in range(FOLDS):
        rest = [g for fold, part in enumerate(parts) if fold != index for g in part]
        gates = choose(judged, articles, rest)
        chosen.append(dataclasses.asdict(gates))
        result = score(gates, judged, articles, parts[index])
        pooled.update({key: result[key] for key in ("links", "correct", "answerable")})
    precision = pooled["correct"] / pooled["links"] if pooled["links"] else 0.0
    return {"links": pooled["links"], "correct": pooled["correct"], "answerable": pooled["answerable"],
            "precision": round(precision, 3), "recall": round(pooled["correct"] / pooled["answerable"], 3),
            "chosen_per_fold": chosen}  # fmt: skip


def by_mechanism(
    gates: Gates, judged: Sequence[Judged], articles: dict[str, Article], golds: Sequence[GoldRelation]
) -> dict[str, dict[str, int]]:
    """Judged links the gates keep, by mechanism (route and how the answer refers, ``act:pronoun``,
    ``statement:referred``) and verdict: which rule made the right and the wrong links."""
    rows = {(g.source, g.offset) for g in golds}
    table: dict[str, Counter[str]] = {}
    for verdict, gold, _, link in judged:
        if gold is None or (gold.source, gold.offset) not in rows or verdict == "unjudged":
            continue
        if kept(gates, link, articles[link["article"]]):
            side = "act" if link["route"].startswith("act:") else "statement"
            name = f"{side}:{reference_of(link)}"
            table.setdefault(name, Counter())[verdict] += 1
    return {name: dict(counts) for name, counts in sorted(table.items())}


def report(data_dir: Path, splits: Sequence[str] = ("tune",)) -> dict[str, Any]:
    """Scores with all gates off, the choice on all rows of ``splits`` (tune, or tune with the released
    parts), the shipped gates (:data:`~wortlaut.claims.answer_gates.DEFAULT_GATES`: the choice may have moved
    since they were chosen, as the statement stage changed), each gate alone, links by mechanism, and the
    nested estimate."""
    golds, articles, judged = judged_links(data_dir, splits=splits, gates=OFF)
    tune = [g for g in golds if g.split in splits]
    chosen = choose(judged, articles, tune)
    alone = {
        f"{name}={value}": score(dataclasses.replace(OFF, **{name: value}), judged, articles, tune)
        for name, values in GRID.items()
        for value in values[1:]
    }
    return {"off": score(OFF, judged, articles, tune), "chosen_on_all_tune": dataclasses.asdict(chosen),
            "chosen_in_sample": score(chosen, judged, articles, tune),
            "chosen_is_shipped": chosen == DEFAULT_GATES,
            "shipped_in_sample": score(DEFAULT_GATES, judged, articles, tune),
            "by_mechanism_shipped": by_mechanism(DEFAULT_GATES, judged, articles, tune),
            "each_gate_alone": alone,
            "by_mechanism_off": by_mechanism(OFF, judged, articles, tune),
            "by_mechanism_chosen": by_mechanism(chosen, judged, articles, tune),
            "nested_cv": nested(judged, articles, tune)}  # fmt: skip


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--released", is_flag=True, help="Choose on tune and the released parts test-b, test-c (20j).")
def command(data_dir: Path | None, released: bool) -> None:
    """Evidence gates for relation links chosen by CV on the claims set's tune rows (JSON)."""
    splits = ("tune", *RELEASED) if released else ("tune",)
    result = report(data_dir or Path.cwd().parent / "shared" / "data", splits)
    click.echo(json.dumps(result, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_gates [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
