"""``wortlaut eval timex``: time-expression quality on TimeML corpora and on the project's news set.

TimeML (KRAUTS): relaxed span match (any overlap, one-to-one, in text order), span P/R/F1,
value P/R/F1 (a match whose TIMEX3 value is exactly the gold value), and type accuracy over
matches.  Each document's creation time (DCT) is its publication date.  ``--set news``
scores ``eval/data/timex_news_de.tsv``: for each row the prediction overlapping the
expression most must carry exactly the expected value (``NONE``: nothing may overlap).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import click

from wortlaut.article import Article, TimeExpr
from wortlaut.eval.spans import Score
from wortlaut.eval.timex_sets import HALVES, OWN_SETS, own_documents, split_names
from wortlaut.pipeline import build_pipeline
from wortlaut.timex.anchors import parse_day
from wortlaut.timex.finder import AnchorFn, TimeFinder
from wortlaut.timex.page import find_on_page
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument, TimeMLError, read_timeml, timeml_files

DEFAULT_PATHS = (Path("../shared/data/time-krauts/dolomiten-100"),)
NEWS_SET = Path(__file__).resolve().parent / "data" / "timex_news_de.tsv"


@dataclass
class TimexScores:
    """Counts for span, value and type scores accumulated over documents."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    type_correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def span(self) -> Score:
        return Score(self.matched, self.predicted, self.gold)

    @property
    def value(self) -> Score:
        return Score(self.value_correct, self.predicted, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.matched if self.matched else 0.0


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def align(gold: Sequence[GoldTimex], predicted: Sequence[TimeExpr]) -> list[tuple[GoldTimex, TimeExpr]]:
    """One-to-one relaxed matches: each gold takes the first unused overlapping prediction."""
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, TimeExpr]] = []
    for item in gold:
        for index, pred in enumerate(predicted):
            if index not in used and overlaps(item.start, item.end, pred.start, pred.end):
                used.add(index)
                pairs.append((item, pred))
                break
    return pairs


def timeml_reading(pred: TimeExpr) -> str | None:
    """The value TimeML corpora annotate: ``timeml_value`` where it differs from the timeline ``value``."""
    return pred.timeml_value or pred.value


def score_document(doc: TimeMLDocument, predicted: Sequence[TimeExpr], scores: TimexScores) -> None:
    """Add one document's counts (and readable mistakes) to ``scores``."""
    pairs = align(doc.timexes, predicted)
    scores.gold += len(doc.timexes)
    scores.predicted += len(predicted)
    scores.matched += len(pairs)
    for gold, pred in pairs:
        value = timeml_reading(pred)
        scores.value_correct += gold.value == value
        scores.type_correct += gold.type == pred.type
        if gold.value != value:
            scores.errors.append(
                f"{doc.name}: value {gold.text!r} gold {gold.value} got {value} ({pred.text!r})"
            )
    matched_gold = {id(gold) for gold, _ in pairs}
    matched_pred = {id(pred) for _, pred in pairs}
    scores.errors += [
        f"{doc.name}: missed {g.text!r} {g.value}" for g in doc.timexes if id(g) not in matched_gold
    ]
    scores.errors += [
        f"{doc.name}: spurious {p.text!r} {p.value}" for p in predicted if id(p) not in matched_pred
    ]


#: What gives the finder the pipeline's layers: a :class:`Pipeline`, or a function that caches its articles.
Layers = Callable[[Article], Article]


def evaluate_timeml(
    files: Sequence[Path], finder: TimeFinder, *, layers: Layers | None = None
) -> TimexScores:
    """Run the finder over TimeML files with the DCT as publication date.

    With ``layers`` (a pipeline providing structure, sentences and tokens) the finder reads the page
    as the ``times`` stage does in the full pipeline: the morph stage's tenses, the sentences and
    the page's own stamp lines, no other boilerplate.
    """
    return evaluate_documents([read_timeml(path) for path in files], finder, layers=layers)


def evaluate_documents(
    docs: Sequence[TimeMLDocument], finder: TimeFinder, *, layers: Layers | None = None
) -> TimexScores:
    """Score the finder on documents already read (TimeML files or the own set)."""
    scores = TimexScores()
    for doc in docs:
        published = parse_day(doc.dct)
        if layers is not None:  # as the times stage reads a page: sentences, tenses, own stamp lines
            predicted = find_on_page(finder, layers(Article.create(doc.text)), _constant(published))
        else:
            predicted = finder.find(doc.text, anchor=_constant(published))
        score_document(doc, predicted, scores)
    return scores


#: The stages that give the times stage its sentences and tenses in the full pipeline.
TOKEN_STAGES = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
)


def _constant(day: date | None) -> AnchorFn:
    """An anchor function giving the same date everywhere (one date per document)."""

    def anchor(_offset: int) -> date | None:
        return day

    return anchor


@dataclass(frozen=True, slots=True)
class NewsCase:
    """One row of the news set."""

    sentence: str
    published: date | None
    expression: str
    value: str


def read_news_set(path: Path = NEWS_SET) -> list[NewsCase]:
    """The project's news expressions (comment lines start with ``#``)."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [
        NewsCase(row["sentence"], parse_day(row["published"]), row["expression"], row["value"])
        for row in rows
    ]


def check_case(case: NewsCase, finder: TimeFinder) -> tuple[bool, str | None]:
    """Whether the finder gets the case exactly right, and the value it gave."""
    start = case.sentence.find(case.expression)
    if start < 0:
        raise ValueError(f"news set: {case.expression!r} not in {case.sentence!r}")
    end = start + len(case.expression)
    found = finder.find(case.sentence, anchor=_constant(case.published))
    hits = [expr for expr in found if overlaps(start, end, expr.start, expr.end)]
    if case.value == "NONE":
        return not hits, hits[0].value if hits else None
    if not hits:
        return False, None
    best = max(hits, key=lambda expr: min(end, expr.end) - max(start, expr.start))
    return best.value == case.value, best.value


@click.command(name="timex")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--set",
    "which",
    type=click.Choice(["timeml", "news", *OWN_SETS]),
    default="timeml",
    show_default=True,
    help="Score TimeML files, the project's news expressions, or an own TIMEX3 set (10kGNAD + news-html; "
    "own-c, own-e, own-g and own-m are held back).",
)
@click.option(
    "--half",
    type=click.Choice(["all", *HALVES]),
    default="all",
    show_default=True,
    help="With the default dolomiten-100 folder: only the tune or the untouched half (eval/data split).",
)
@click.option("--errors", "show_errors", is_flag=True, help="List every mistake.")
@click.option(
    "--with-morph",
    is_flag=True,
    help="Give the finder sentences and tenses from the tokens and morph stages.",
)
def command(paths: tuple[Path, ...], which: str, half: str, show_errors: bool, with_morph: bool) -> None:
    """Time-expression quality on TimeML files (default: KRAUTS dolomiten-100 in ../shared)."""
    finder = TimeFinder()
    if which == "news":
        _report_news(finder, show_errors)
        return
    try:
        docs = _documents(which, paths, half)
        layers = build_pipeline(TOKEN_STAGES) if with_morph else None
        scores = evaluate_documents(docs, finder, layers=layers)
    except (TimeMLError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if not docs:
        raise click.ClickException("no .tml files found")
    if show_errors:
        for line in scores.errors:
            click.echo(line)
    click.echo(
        f"documents {len(docs)}  gold {scores.gold}  predicted {scores.predicted}  matched {scores.matched}"
    )
    for name, score in (("span (relaxed)", scores.span), ("value", scores.value)):
        click.echo(f"{name:<15} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}")
    click.echo(f"type accuracy   {scores.type_accuracy:.3f}")


def _documents(which: str, paths: tuple[Path, ...], half: str) -> list[TimeMLDocument]:
    """The documents to score: the own set, or TimeML files (one dolomiten-100 half if asked)."""
    if which in OWN_SETS:
        return own_documents(name=which)
    files = timeml_files(list(paths or DEFAULT_PATHS))
    if half != "all":
        keep = set(split_names(half))
        files = [path for path in files if path.name in keep]
    return [read_timeml(path) for path in files]


def _report_news(finder: TimeFinder, show_errors: bool) -> None:
    cases = read_news_set()
    correct = 0
    for case in cases:
        ok, got = check_case(case, finder)
        correct += ok
        if show_errors and not ok:
            click.echo(f"wrong: {case.expression!r} ({case.published}) expected {case.value} got {got}")
    click.echo(f"news set: {correct}/{len(cases)} exact ({correct / len(cases):.3f})")
