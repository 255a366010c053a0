"""Document-grouped k-fold cross-validation of the time rule families on the KRAUTS tune half.

Issue 15's tune half scores far above the untouched half (value F1 0.932 against 0.808). If the rule
families were fitted to the tune half's documents, a family chosen on some tune documents would not help
on the others. This estimates that without the untouched half: the 50 tune documents go into ``k`` folds
(by SHA-1 of the file name, whole documents only); for each fold the families are chosen on the other
folds (a family is dropped when switching it off raises the other folds' value F1) and the chosen rules
are scored on the held-out fold. The pooled held-out value F1 is the cross-validated estimate. Per
family it reports on how many held-out folds the family helps or hurts, so a family that helps one fold
only shows (``timex_ablation`` gives each family's effect on the own development sets A, B and D and the
news set). With ``--with-own`` the own development sets (A, B, D, F, H, I, J, K, L) join the tune half in
the folds, so a family is also chosen and judged on text nobody tuned the KRAUTS rules for (set H holds
the clock times, parts of the day and recurrences the tune half barely has; J regional, court, sport and
culture news like the untouched half; I and K, held back until issue 15j, the same kinds; L, fresh text
held back until issue 15k). The held-back sets (C, E, G, M, the untouched half) are never read here. Usage::

    .venv/bin/python -m wortlaut.eval.timex_cv            # 5 folds (needs ../shared)
    .venv/bin/python -m wortlaut.eval.timex_cv --folds 10
    .venv/bin/python -m wortlaut.eval.timex_cv --with-own # tune half + own sets A, B, D, F, H, I, J, K, L
    .venv/bin/python -m wortlaut.eval.timex_cv --with-own --with-morph  # as the times stage reads pages
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import TypeVar

from wortlaut.article import Article
from wortlaut.eval import timex as evaluation
from wortlaut.eval.timex_ablation import RULES, switched_off
from wortlaut.eval.timex_sets import SHARED_DATA, own_documents, split_names
from wortlaut.pipeline import build_pipeline
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.timeml import TimeMLDocument, read_timeml

#: Five folds of ten documents: each held-out fold still holds about 30 TIMEX3, and each choice is made
#: on 40 documents. Fixed before the first run, not tuned.
FOLDS = 5
#: Bootstrap draws for the spread of a half's score; enough for stable 2.5/97.5 percentiles.
BOOTSTRAP_ROUNDS = 2000
#: The own sets whose errors are read (development): they may join the folds; the held-back ones never.
OWN_DEVELOPMENT = ("own", "own-b", "own-d", "own-f", "own-h", "own-i", "own-j", "own-k", "own-l")


@dataclass(frozen=True, slots=True)
class Counts:
    """Value counts of some documents: correct values, predictions, gold expressions."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.correct / total if total else 0.0


#: Family (or ``all``) -> document name -> value counts with that family switched off.
Table = dict[str, dict[str, Counts]]
#: A time finder or a subclass of it (see :func:`made_without`).
Finder = TypeVar("Finder", bound=TimeFinder)


def folds(names: Sequence[str], k: int = FOLDS) -> dict[str, int]:
    """Each document's fold: names sorted by SHA-1, dealt out in turn (whole documents, never split)."""
    ranked = sorted(names, key=lambda name: hashlib.sha1(name.encode()).hexdigest())
    return {name: index % k for index, name in enumerate(ranked)}


def families(finder: TimeFinder | None = None) -> list[str]:
    """Every rule family: the pattern kinds (``kind year``) and the finder and tense rules."""
    kinds = sorted({kind for kind, _ in (finder or TimeFinder()).patterns.patterns})
    return [f"kind {kind}" for kind in kinds] + list(RULES)


@contextmanager
def finder_without(off: Iterable[str]) -> Iterator[TimeFinder]:
    """A fresh finder with the families in ``off`` switched off while the block runs."""
    with made_without(off, TimeFinder) as finder:
        yield finder


@contextmanager
def made_without(off: Iterable[str], make: Callable[[], Finder]) -> Iterator[Finder]:
    """A fresh finder made by ``make`` (a :class:`TimeFinder` or a subclass that records more) with the
    families in ``off`` switched off while the block runs."""
    off = set(off)
    kinds = {name.removeprefix("kind ") for name in off if name.startswith("kind ")}
    with ExitStack() as stack:
        for rule in sorted(off & set(RULES)):
            stack.enter_context(switched_off(rule))
        finder = make()
        finder.patterns.groups = [
            (test, [member for member in members if member[1] not in kinds])
            for test, members in finder.patterns.groups
        ]
        yield finder


def per_document(
    docs: Sequence[TimeMLDocument], finder: TimeFinder, layers: evaluation.Layers | None = None
) -> dict[str, Counts]:
    """Value counts of each document on its own (with ``layers``, read as the times stage reads a page)."""
    counts = {}
    for doc in docs:
        scores = evaluation.evaluate_documents([doc], finder, layers=layers)
        counts[doc.name] = Counts(scores.value_correct, scores.predicted, scores.gold)
    return counts


def total(counts: dict[str, Counts], names: Iterable[str]) -> Counts:
    """The summed counts of the named documents."""
    result = Counts()
    for name in names:
        result = result + counts[name]
    return result


def chosen_off(table: Table, train: set[str]) -> set[str]:
    """The families the training documents reject: switching one off raises their value F1."""
    base = total(table["all"], train).f1
    return {family for family, counts in table.items() if family != "all" and total(counts, train).f1 > base}


def cross_validate(
    docs: Sequence[TimeMLDocument], k: int = FOLDS, layers: evaluation.Layers | None = None
) -> tuple[Counts, list[str], Table]:
    """Pooled held-out counts, one line per fold, and the per-family table (family -> document counts)."""
    fold = folds([doc.name for doc in docs], k)
    table: Table = {}
    for family in ["all", *families()]:
        with finder_without([] if family == "all" else [family]) as finder:
            table[family] = per_document(docs, finder, layers)
    pooled, lines = Counts(), []
    for index in range(k):
        held = [name for name, number in fold.items() if number == index]
        off = chosen_off(table, set(fold) - set(held))
        with finder_without(off) as finder:
            counts = total(per_document([doc for doc in docs if doc.name in held], finder, layers), held)
        pooled = pooled + counts
        full = total(table["all"], held)
        lines.append(
            f"fold {index}: {len(held)} docs, {full.gold} gold; held-out value F1 {counts.f1:.3f} "
            f"(all families {full.f1:.3f}); switched off by the other folds: {', '.join(sorted(off)) or '-'}"
        )
    return pooled, lines, table


def family_lines(table: Table, fold: dict[str, int], k: int) -> list[str]:
    """Per family: held-out folds where switching it off loses (it helps) or gains (it hurts)."""
    lines = []
    for family in table:
        if family == "all":
            continue
        helps = hurts = 0
        for index in range(k):
            held = [name for name, number in fold.items() if number == index]
            delta = total(table["all"], held).f1 - total(table[family], held).f1
            helps += delta > 0
            hurts += delta < 0
        if helps or hurts:
            lines.append(f"{family:28s} helps on {helps} of {k} folds, hurts on {hurts}")
    return lines


def bootstrap(
    counts: dict[str, Counts], rounds: int = BOOTSTRAP_ROUNDS, seed: int = 15
) -> tuple[float, float]:
    """The 2.5 and 97.5 percentiles of value F1 over documents drawn with replacement.

    How far a set of this many documents from the same source can land from the tune half's score by
    which documents it holds alone, rules unchanged."""
    rng = random.Random(seed)
    names = sorted(counts)
    scores = sorted(total(counts, rng.choices(names, k=len(names))).f1 for _ in range(rounds))
    return scores[int(0.025 * rounds)], scores[int(0.975 * rounds) - 1]


def cached_layers() -> evaluation.Layers:
    """The stages before the times stage, run once per text: every family and fold reads the same
    analysed article (the stages do not depend on the time rules)."""
    pipeline = build_pipeline(evaluation.TOKEN_STAGES)
    done: dict[str, Article] = {}

    def layers(article: Article) -> Article:
        if article.text not in done:
            done[article.text] = pipeline(article)
        return done[article.text]

    return layers


def development_documents(*, with_own: bool = False) -> list[TimeMLDocument]:
    """The tune half's documents, and with ``with_own`` those of the own development sets after them
    (their names, ``gnad-893`` or a page's file name, never repeat across sets or the tune half)."""
    krauts = SHARED_DATA / "time-krauts" / "dolomiten-100"
    docs = [read_timeml(krauts / name) for name in split_names("tune")]
    for name in OWN_DEVELOPMENT if with_own else ():
        docs += own_documents(SHARED_DATA, name=name)
    return docs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument(
        "--with-own", action="store_true", help="add the own development sets A, B, D, F, H, I, J, K, L"
    )
    parser.add_argument(
        "--with-morph",
        action="store_true",
        help="read each document as the times stage reads a page (structure, tokens and morph stages, once)",
    )
    args = parser.parse_args(argv)
    if not (SHARED_DATA / "time-krauts").is_dir():
        print(f"{SHARED_DATA}: shared data not found")
        return 1
    docs = development_documents(with_own=args.with_own)
    label = "tune half + own A, B, D, F, H, I, J, K, L" if args.with_own else "tune half"
    layers = cached_layers() if args.with_morph else None
    pooled, lines, table = cross_validate(docs, args.folds, layers)
    print("\n".join(lines))
    print(f"{label}, all families (in-sample): value F1 {total(table['all'], table['all']).f1:.3f}")
    print(f"{label}, {args.folds}-fold document-grouped CV: value F1 {pooled.f1:.3f}")
    low, high = bootstrap(table["all"])
    print(f"{label}, 95 % bootstrap interval over documents (rules unchanged): {low:.3f} - {high:.3f}")
    print("\n".join(family_lines(table, folds([doc.name for doc in docs], args.folds), args.folds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
