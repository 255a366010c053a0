"""``wortlaut eval pages``: does the reader get real news pages right?

The gold set (``eval/data/pages/annotations.jsonl``, see its GUIDELINES.md)
holds, for 119 saved pages of ``../shared/data/news-html/pages``, the visible
headline, the first-publication day, anchors for the first and last words of
lead and body, and short strings of service lines (bylines, credits, share
bars, promos) that must never be body text.  Each split was held back and
scored once before it became development data (``fresh`` in 16c, ``fresh2`` in
16d, ``fresh3`` in 16e); now all 119 pages are development pages and the honest
estimate is leave one site out (``--cv``, :mod:`wortlaut.eval.pages_cv`).  The
pages themselves are the publishers' material and are read from ``../shared`` only.

Two systems are scored on the same pages: wortlaut (HTML reader + structure
stage, as ``wortlaut analyze`` runs them) and trafilatura's own output
(``extract`` with its default settings for the text, ``extract_metadata`` for
title and date), the baseline the issue asks to report beside ours.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import click

from wortlaut.article import Article
from wortlaut.eval.stories_collection import default_shared
from wortlaut.ingest import IngestError, read_path

PAGES_DIR = Path("data") / "news-html" / "pages"
#: Separators a page may put between kicker and headline ("Klimaschutz: Bohren …").
KICKER_JOINS = (": ", " – ", " - ", " — ", " / ", " ")
#: The splits the reader was developed on (``fresh`` since issue 16c, ``fresh2`` since 16d,
#: ``fresh3`` since 16e: no held-back page is left, GUIDELINES.md).
DEVELOPMENT = frozenset({"dev", "test", "fresh", "fresh2", "fresh3"})
FIELDS = ("headline", "date", "lead", "body", "clean", "captions")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldPage:
    """One annotated page (field meanings in GUIDELINES.md)."""

    file: str
    split: str
    headline: str
    kicker: str | None
    published: str
    lead: tuple[str, str] | None
    body: tuple[str, str]
    service: tuple[str, ...]
    captions: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """What a system made of a page: headline, date, lead block and body paragraphs."""

    headline: str | None
    published: str | None
    lead: str | None
    body: tuple[str, ...]


def norm(text: str) -> str:
    """Whitespace collapsed, soft hyphens dropped and NFC, for every comparison.

    NFC because some pages spell umlauts decomposed (``u`` + combining diaeresis)
    while the anchors are typed composed.
    """
    return " ".join(unicodedata.normalize("NFC", text.replace("\xad", "")).split())


def load_gold(path: Path | None = None) -> list[GoldPage]:
    """The annotated pages, in file order."""
    source = path or Path(
        str(resources.files("wortlaut").joinpath("eval", "data", "pages", "annotations.jsonl"))
    )
    return [
        _gold(json.loads(line)) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _gold(record: dict[str, Any]) -> GoldPage:
    lead = (record["lead_first"], record["lead_last"]) if record.get("lead_first") else None
    return GoldPage(
        file=record["file"],
        split=record["split"],
        headline=record["headline"],
        kicker=record.get("kicker"),
        published=record["published"],
        lead=lead,
        body=(record["body_first"], record["body_last"]),
        service=tuple(record.get("service", ())),
        captions=tuple(record.get("captions", ())),
    )


# -- scoring --------------------------------------------------------------------------------


def headline_ok(gold: GoldPage, headline: str | None) -> bool:
    """Exact after normalisation: the headline alone, or kicker and headline joined."""
    if not headline:
        return False
    wanted = {norm(gold.headline)}
    if gold.kicker:
        wanted |= {norm(gold.kicker + join + gold.headline) for join in KICKER_JOINS}
    return norm(headline) in wanted


def score_page(gold: GoldPage, reading: Reading) -> dict[str, bool | None]:
    """Per-field verdicts; ``None`` where the field does not apply (no lead on the page)."""
    body = [norm(paragraph) for paragraph in reading.body]

    def in_body(anchor: str) -> bool:
        return any(norm(anchor) in paragraph for paragraph in body)

    lead = norm(reading.lead or "")
    return {
        "headline": headline_ok(gold, reading.headline),
        "date": bool(reading.published) and str(reading.published)[:10] == gold.published,
        "lead": None if gold.lead is None else all(norm(anchor) in lead for anchor in gold.lead),
        "body": all(in_body(anchor) for anchor in gold.body),
        "clean": not any(in_body(anchor) for anchor in gold.service),
        "captions": not any(in_body(anchor) for anchor in gold.captions),
    }


def leaks(gold: GoldPage, reading: Reading) -> list[str]:
    """The service and caption anchors found in the body (for the failure listing)."""
    body = [norm(paragraph) for paragraph in reading.body]
    return [a for a in (*gold.service, *gold.captions) if any(norm(a) in p for p in body)]


def summarise(verdicts: Sequence[dict[str, bool | None]]) -> dict[str, tuple[int, int]]:
    """Field -> (correct, applicable pages)."""
    table: dict[str, tuple[int, int]] = {}
    for field in FIELDS:
        applicable = [v[field] for v in verdicts if v[field] is not None]
        table[field] = (sum(1 for ok in applicable if ok), len(applicable))
    return table


# -- the two systems ------------------------------------------------------------------------


def read_wortlaut(path: Path) -> Reading:
    """Our reader and structure stage, as ``wortlaut analyze`` runs them."""

    items = list(read_path(path))
    article = next((item for item in items if isinstance(item, Article)), None)
    if article is None:
        reason = items[0].reason if items and isinstance(items[0], IngestError) else "no article"
        raise click.ClickException(f"{path.name}: {reason}")
    article = _stage()(article)
    structure = article.structure
    assert structure is not None
    headline = structure.headline.text if structure.headline else article.title
    return Reading(
        headline=headline,
        published=article.published,
        lead=structure.lead.text if structure.lead else None,
        body=tuple(paragraph.text for paragraph in structure.paragraphs),
    )


_STAGE: list[Callable[[Article], Article]] = []


def _stage() -> Callable[[Article], Article]:
    if not _STAGE:
        from wortlaut.stages.structure import StructureStage

        _STAGE.append(StructureStage())
    return _STAGE[0]


def read_trafilatura(path: Path) -> Reading:
    """trafilatura with default settings: ``extract`` text lines as body, metadata title and date.

    trafilatura has no lead block, so its lead counts as kept when both anchors
    are in its text.
    """
    import trafilatura
    from trafilatura.metadata import extract_metadata

    page = path.read_bytes()
    text = trafilatura.extract(page) or ""
    meta = extract_metadata(page)
    lines = tuple(line for line in text.splitlines() if line.strip())
    return Reading(
        headline=meta.title if meta is not None else None,
        published=meta.date if meta is not None else None,
        lead=text,
        body=lines,
    )


SYSTEMS: dict[str, Callable[[Path], Reading]] = {"wortlaut": read_wortlaut, "trafilatura": read_trafilatura}


def run(
    system: str, pages: Iterable[GoldPage], root: Path
) -> list[tuple[GoldPage, Reading, dict[str, bool | None]]]:
    """Read and score each page with one system."""
    reader = SYSTEMS[system]
    results = []
    for gold in pages:
        reading = reader(root / gold.file)
        results.append((gold, reading, score_page(gold, reading)))
    return results


def _table(system: str, split: str, results: list[tuple[GoldPage, Reading, dict[str, bool | None]]]) -> str:
    cells = []
    for field, (good, total) in summarise([verdict for _, _, verdict in results]).items():
        cells.append(f"{field} {good}/{total} = {good / total:.2f}" if total else f"{field} -")
    return f"{system:<11} {split:<4} n={len(results):<3} " + " | ".join(cells)


def _failures(results: list[tuple[GoldPage, Reading, dict[str, bool | None]]]) -> Iterable[str]:
    for gold, reading, verdict in results:
        wrong = [field for field, ok in verdict.items() if ok is False]
        if not wrong:
            continue
        yield f"  {gold.file}: {', '.join(wrong)}"
        if "headline" in wrong:
            yield f"    headline: {reading.headline!r} (gold {gold.headline!r})"
        if "date" in wrong:
            yield f"    date: {reading.published!r} (gold {gold.published})"
        if "clean" in wrong or "captions" in wrong:
            yield f"    leaked: {leaks(gold, reading)}"


@click.command(name="pages")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared data folder (default: paths.shared, else ../shared).")  # fmt: skip
@click.option("--split", type=click.Choice(["dev", "test", "fresh", "fresh2", "all", "fresh3"]),
              default="dev", show_default=True,
              help="dev, test, fresh, fresh2, fresh3 (all development pages now); all = the 119 of "
                   "them.")  # fmt: skip
@click.option("--system", "systems", type=click.Choice(sorted(SYSTEMS)), multiple=True,
              help="Which reader(s) to score (default: both).")  # fmt: skip
@click.option("--failures", is_flag=True, help="List each page's wrong fields.")
@click.option("--cv", is_flag=True,
              help="All annotated pages: every field in-sample and leave one site out (language "
                   "data only the page's own site supports left out), misses by cause, trafilatura "
                   "beside.")  # fmt: skip
@click.option("--grid", is_flag=True,
              help="With --cv: also the line classifier's site-grouped cross-validation grid (minutes).")
def command(
    shared: Path | None, split: str, systems: tuple[str, ...], failures: bool, cv: bool, grid: bool
) -> None:
    """Headline, first-publication date, lead, body and service lines on annotated news pages."""
    root = (shared or default_shared()) / PAGES_DIR
    if not root.is_dir():
        raise click.ClickException(f"{root}: not found; the pages live in the shared data folder")
    if cv:
        _cross_validate(root, grid)
        return
    pages = [
        page for page in load_gold() if page.split == split or (split == "all" and page.split in DEVELOPMENT)
    ]
    for system in systems or ("wortlaut", "trafilatura"):
        results = run(system, pages, root)
        click.echo(_table(system, split, results))
        if failures:
            for line in _failures(results):
                click.echo(line)


def _cross_validate(root: Path, grid: bool) -> None:
    """Leave-one-site-out estimates on all annotated pages (``eval/pages_cv``, ``eval/pages_lines``)."""
    from wortlaut.eval import pages_cv, pages_lines

    data = pages_lines.collect(load_gold(), root)
    stage = _stage()
    results, class_markers, line_rows = pages_cv.leave_one_site_out(data, root, stage)
    baseline = [verdict for _, _, verdict in run("trafilatura", [page.gold for page in data], root)]
    click.echo(pages_cv.table_row("trafilatura, defaults", baseline))
    for line in pages_cv.report(results, class_markers, line_rows):
        click.echo(line)
    if grid:
        for line in pages_lines.classifier_grid(data, stage):
            click.echo("line classifier, site-grouped CV: " + line)
