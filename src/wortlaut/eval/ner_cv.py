"""Cross-validated NER scores: K folds of contiguous sentence blocks over all labelled GermEval data.

The project has GermEval's dev file and the first part of test-a (4,750
sentences).  Scoring on one fixed slice rewards fitting that slice; K-fold
cross-validation trains K models, each on all blocks but one, and pools the
strict span counts of the K held-out blocks into one score.  Folds are
contiguous blocks (not shuffled sentences) because neighbouring GermEval
sentences often come from the same article, which would leak names across
folds.  Extra training data (the Europeana newspapers) is only ever added to
the training side of a fold, never scored.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from wortlaut.eval.spans import SpanScorer, SpanTuple, bio_spans
from wortlaut.ner.clusters import WordClusters
from wortlaut.ner.corpus import Sentence
from wortlaut.ner.features import GROUPS
from wortlaut.ner.folds import folds, share_of
from wortlaut.ner.tagger import load_tagger
from wortlaut.ner.train import C1, C2, MAX_ITERATIONS, train_model

#: Default number of folds: five keeps each training side at 80% of the data (close to the
#: shipped model's 4,250 sentences) and the CPU cost at five trainings.
DEFAULT_FOLDS = 5


@dataclass(frozen=True)
class CvOptions:
    """What one cross-validation run trains: feature groups, CRF settings, extra data and its share."""

    groups: tuple[str, ...] = GROUPS
    c1: float = C1
    c2: float = C2
    iterations: int = MAX_ITERATIONS
    extra: tuple[Sentence, ...] = field(default=(), repr=False)
    extra_share: float = 1.0
    #: With the ``cluster`` group: the cluster table (default: where ``clusters_build`` writes it).
    clusters: Path | None = None


def _run_fold(
    args: tuple[list[Sentence], list[Sentence], CvOptions],
) -> list[tuple[list[SpanTuple], list[SpanTuple]]]:
    """Train on one fold's training side and return (gold, predicted) spans of its test block."""
    train, test, options = args
    train = train + share_of(options.extra, options.extra_share) if options.extra else train
    # The cluster table lists the capitalised forms of all GermEval training text; a fold keeps only
    # those of its own training side (and the general list), as new text would meet it.
    clusters = None
    if "cluster" in options.groups:
        clusters = WordClusters.load(options.clusters).restricted(s.words for s in train)
    with tempfile.TemporaryDirectory() as scratch:
        path = train_model(
            train,
            Path(scratch) / "fold.npz",
            groups=options.groups,
            c1=options.c1,
            c2=options.c2,
            iterations=options.iterations,
            clusters=clusters,
        )
        tagger = load_tagger(path, clusters=clusters)
        return [(bio_spans(s.tags), tagger.tag(s.words)) for s in test]


@dataclass
class CvResult:
    """Pooled span counts over all folds, plus each fold's own scorer (to show the spread)."""

    pooled: SpanScorer
    per_fold: list[SpanScorer]


def cross_validate(sentences: Sequence[Sentence], k: int, options: CvOptions, *, jobs: int = 1) -> CvResult:
    """Train ``k`` models and pool their strict span scores on the held-out blocks."""
    work = [(train, test, options) for train, test in folds(sentences, k)]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(_run_fold, work))
    else:
        outcomes = [_run_fold(item) for item in work]
    pooled = SpanScorer()
    per_fold = []
    for outcome in outcomes:
        scorer = SpanScorer()
        for gold, predicted in outcome:
            scorer.add(gold, predicted)
            pooled.add(gold, predicted)
        per_fold.append(scorer)
    return CvResult(pooled, per_fold)
