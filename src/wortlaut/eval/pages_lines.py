"""Train and cross-validate the body/service line model on the annotated pages.

Labels come from the gold anchors (``eval/data/pages``): a line of the reader's
body text from the one holding ``body_first`` to the one holding ``body_last``
is body (label 0) unless it holds a gold service or caption anchor; a line
before or after that stretch, or one holding a service anchor, is not (1).
Pages where the reader loses a body anchor give no labels.

The estimate that counts is by *site*: sites are dealt into ten folds and every
fold leaves out all pages of its sites (site = file-name prefix; hash-named
pages each form their own group), so a
class word learned from a site's own markup cannot help on that site.  The
page-level numbers (body kept, no service line in the body) are computed by
running the structure stage on the held-out page with the fold's predictions,
exactly as ``wortlaut analyze`` would with the model shipped.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wortlaut.article import Article
from wortlaut.eval.pages import GoldPage, Reading, norm, score_page
from wortlaut.ingest.htmltext import PageText, page_to_text
from wortlaut.ingest.pagelines import LineModel, line_features
from wortlaut.lang.tables import read_rows
from wortlaut.structure.data import Markers
from wortlaut.structure.rules import MAX_BOILERPLATE_LINE_WORDS, StructureRules

#: A class word is a feature only when it occurs on at least this many training
#: pages: a word of one site's markup cannot generalise (and would be a site
#: fingerprint).  Chosen with the L2 penalty by the site-grouped CV.
MIN_CLASS_PAGES = (3, 6)
L2_PENALTIES = (0.3, 1.0, 3.0)
THRESHOLDS = (0.5, 0.7, 0.9)
#: Only lines up to this many words may be removed (service lines are short; ``None``: any line).
MAX_WORDS = (8, 20, None)
#: Sites are dealt into this many folds (by a hash of the site name, so the split
#: is fixed): every site's pages are tested by a model that saw none of them.
FOLDS = 10
#: Newton's method converges in a handful of steps on these few thousand lines.
MAX_NEWTON_STEPS = 12
_HASH = re.compile(r"^[0-9a-f]{32}\.html$")


@dataclass(frozen=True, slots=True)
class PageLines:
    """One page's reader output, line features and labels (``None`` where unlabelled)."""

    gold: GoldPage
    read: PageText
    rows: list[dict[str, float]]
    labels: list[int | None]


def site_of(file: str) -> str:
    """The site group of a page file (``bmz.de-schulze.html`` -> ``bmz``; a hash name is its own)."""
    if _HASH.match(file):
        return file
    return re.split(r"[.\-_]", file, maxsplit=1)[0].lower()


def fold_of(file: str) -> int:
    """The CV fold of a page: all pages of one site share it."""
    return zlib.crc32(site_of(file).encode("utf-8")) % FOLDS


def labels_for(gold: GoldPage, lines: Sequence[str]) -> list[int | None]:
    """Body (0) / not body (1) per line from the gold anchors; all ``None`` if an anchor is lost."""
    normed = [norm(line) for line in lines]
    first = next((i for i, line in enumerate(normed) if norm(gold.body[0]) in line), None)
    last = next((i for i in range(len(normed) - 1, -1, -1) if norm(gold.body[1]) in normed[i]), None)
    if first is None or last is None or last < first:
        return [None] * len(lines)
    labels: list[int | None] = []
    for i, line in enumerate(normed):
        if any(norm(a) in line for a in gold.captions):
            labels.append(None)  # captions are scored apart and have their own rules
        elif any(norm(a) in line for a in gold.service):
            labels.append(1)
        else:
            labels.append(0 if first <= i <= last else 1)
    return labels


def collect(pages: Sequence[GoldPage], root: Path) -> list[PageLines]:
    """Read every page once with the rules alone and derive its line rows and labels."""
    from trafilatura.utils import load_html

    found = []
    for gold in pages:
        page = (root / gold.file).read_bytes()
        read = page_to_text(page, line_model=None)
        rows = line_features(load_html(page), read.body_lines)
        found.append(PageLines(gold=gold, read=read, rows=rows, labels=labels_for(gold, read.body_lines)))
    return found


def fit(
    rows: Sequence[dict[str, float]],
    labels: Sequence[int],
    *,
    l2: float,
    min_pages: int,
    pages_of_row: Sequence[int],
    threshold: float = 0.5,
) -> LineModel:
    """L2 logistic regression by Newton steps; class words kept if seen on ``min_pages`` pages."""
    seen: Counter[str] = Counter()
    for name in {
        (n, p) for row, p in zip(rows, pages_of_row, strict=True) for n in row if n.startswith("c:")
    }:
        seen[name[0]] += 1
    names = sorted({n for row in rows for n in row if not n.startswith("c:") or seen[n] >= min_pages})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        for n, v in row.items():
            if (i := index.get(n)) is not None:
                x[r, i] = v
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(MAX_NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-3:
            break
    return LineModel(names=tuple(names), weights=w[:-1], bias=float(w[-1]), threshold=threshold)


def train_on(data: Sequence[PageLines], *, l2: float, min_pages: int, threshold: float) -> LineModel:
    rows, labels, pages = [], [], []
    for p, page in enumerate(data):
        for row, label in zip(page.rows, page.labels, strict=True):
            if label is not None:
                rows.append(row)
                labels.append(label)
                pages.append(p)
    return fit(rows, labels, l2=l2, min_pages=min_pages, pages_of_row=pages, threshold=threshold)


def reading_with(page: PageLines, removed: Sequence[str], stage: Callable[[Article], Article]) -> Reading:
    """The page as the structure stage reads it when ``removed`` lines are service hints."""
    parts = dict(page.read.parts)
    parts["service"] = [*parts.get("service", []), *(["service", line] for line in removed)]
    article = Article.create(
        page.read.text, title=page.read.title, published=page.read.published, meta={"page": parts}
    )
    structure = stage(article).structure
    assert structure is not None
    return Reading(
        headline=structure.headline.text if structure.headline else page.read.title,
        published=page.read.published,
        lead=structure.lead.text if structure.lead else None,
        body=tuple(paragraph.text for paragraph in structure.paragraphs),
    )


@dataclass(frozen=True, slots=True)
class FoldResult:
    """Held-out probabilities per page, for one configuration."""

    l2: float
    min_pages: int
    probabilities: list[list[float]]


def cross_validate(data: Sequence[PageLines], *, l2: float, min_pages: int) -> FoldResult:
    """Site-grouped cross-validated probabilities for every line of every page."""
    probabilities: list[list[float]] = [[] for _ in data]
    for fold in range(FOLDS):
        train = [page for page in data if fold_of(page.gold.file) != fold]
        model = train_on(train, l2=l2, min_pages=min_pages, threshold=0.5)
        for i, page in enumerate(data):
            if fold_of(page.gold.file) == fold:
                probabilities[i] = model.probabilities(page.rows)
    return FoldResult(l2=l2, min_pages=min_pages, probabilities=probabilities)


def page_scores(
    data: Sequence[PageLines],
    probabilities: Sequence[Sequence[float]] | None,
    threshold: float,
    stage: Callable[[Article], Article],
) -> dict[str, tuple[int, int]]:
    """(pages right, pages) for body and clean, the lines at or above ``threshold`` removed."""
    body = clean = 0
    for i, page in enumerate(data):
        removed = (
            []
            if probabilities is None
            else [
                line for line, p in zip(page.read.body_lines, probabilities[i], strict=True) if p >= threshold
            ]
        )
        verdict = score_page(page.gold, reading_with(page, removed, stage))
        body += bool(verdict["body"])
        clean += bool(verdict["clean"])
    return {"body": (body, len(data)), "clean": (clean, len(data))}


def line_scores(
    data: Sequence[PageLines], probabilities: Sequence[Sequence[float]], threshold: float
) -> dict[str, float]:
    """Precision and recall of "service" on the labelled lines."""
    tp = fp = fn = 0
    for page, probs in zip(data, probabilities, strict=True):
        for label, p in zip(page.labels, probs, strict=True):
            if label is None:
                continue
            tp += label == 1 and p >= threshold
            fp += label == 0 and p >= threshold
            fn += label == 1 and p < threshold
    return {"precision": tp / max(tp + fp, 1), "recall": tp / max(tp + fn, 1), "removed_body_lines": fp}


def classifier_grid(data: Sequence[PageLines], stage: Callable[[Article], Article]) -> list[str]:
    """One report line per setting of the grid: page scores and line precision/recall under site CV."""
    report = []
    for l2 in L2_PENALTIES:
        for min_pages in MIN_CLASS_PAGES:
            folds = cross_validate(data, l2=l2, min_pages=min_pages)
            for cap in MAX_WORDS:
                probabilities = [
                    [p if cap is None or len(line.split()) <= cap else 0.0
                     for line, p in zip(page.read.body_lines, probs, strict=True)]
                    for page, probs in zip(data, folds.probabilities, strict=True)
                ]  # fmt: skip
                for threshold in THRESHOLDS:
                    pages = page_scores(data, probabilities, threshold, stage)
                    lines = line_scores(data, probabilities, threshold)
                    report.append(
                        f"l2={l2} min_pages={min_pages} max_words={cap} threshold={threshold} "
                        f"body={pages['body'][0]}/{pages['body'][1]} "
                        f"clean={pages['clean'][0]}/{pages['clean'][1]} "
                        f"P={lines['precision']:.2f} R={lines['recall']:.2f} "
                        f"body_lines_removed={lines['removed_body_lines']:.0f}"
                    )
    return report


# -- leave-one-site-out for the hand-written line markers ---------------------------------


def _row_markers(rows: Sequence[Sequence[str]]) -> Markers:
    """Compiled markers from rows of ``structure_boilerplate.tsv`` (as :func:`load_markers` builds them)."""
    return Markers(
        list_headers=tuple(re.compile(row[1]) for row in rows if row[0] == "list"),
        lines=tuple(
            (re.compile(row[1]), row[3].strip() if len(row) > 3 else "boilerplate")
            for row in rows
            if row[0] == "line"
        ),
        captions=tuple(re.compile(row[1]) for row in rows if row[0] == "caption"),
        boxes=tuple(re.compile(row[1]) for row in rows if row[0] == "box"),
    )


def marker_support(data: Sequence[PageLines], rows: Sequence[Sequence[str]]) -> list[set[str]]:
    """Per marker row, the sites where it catches a line the gold calls service."""
    support: list[set[str]] = [set() for _ in rows]
    for r, row in enumerate(rows):
        markers = _row_markers([row])
        for page in data:
            for line, label in zip(page.read.body_lines, page.labels, strict=True):
                text = line.strip()
                hit = (
                    markers.is_list_header(text)
                    or markers.is_box_header(text)
                    or markers.is_caption_line(text)
                    or (len(text.split()) <= MAX_BOILERPLATE_LINE_WORDS and markers.is_boilerplate_line(text))
                )
                if label == 1 and hit:
                    support[r].add(site_of(page.gold.file))
                    break
    return support


def marker_loso(data: Sequence[PageLines]) -> tuple[dict[str, tuple[int, int]], list[tuple[str, set[str]]]]:
    """Page scores when each site is read without the markers only its own pages support.

    A marker written from one site's service line would not have been written
    had that site been held out; markers that catch a gold service line on no
    page at all (written from general knowledge or older pages) are kept.
    """
    rows = [row for row in read_rows("structure_boilerplate.tsv", columns=(3, 4))]
    support = marker_support(data, rows)
    base = StructureRules.load()
    body = clean = 0
    for page in data:
        site = site_of(page.gold.file)
        kept = [row for row, sites in zip(rows, support, strict=True) if not sites or sites - {site}]
        rules = StructureRules(
            markers=_row_markers(kept), months=base.months, prefixes=base.prefixes, agencies=base.agencies
        )
        verdict = score_page(page.gold, reading_with(page, [], _RulesStage(rules)))
        body += bool(verdict["body"])
        clean += bool(verdict["clean"])
    return {"body": (body, len(data)), "clean": (clean, len(data))}, [
        (row[1][:60], sites) for row, sites in zip(rows, support, strict=True)
    ]


class _RulesStage:
    """The structure stage with other rules (for the marker ablation)."""

    def __init__(self, rules: StructureRules) -> None:
        self.rules = rules

    def __call__(self, article: Article) -> Article:
        page = article.meta.get("page")
        hints = page if isinstance(page, dict) else None
        return article.with_layers(structure=self.rules.analyse(article.text, hints, article.title))
