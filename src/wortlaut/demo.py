"""``make demo``: ingest the shipped samples (and the seed articles, when present) and ask a few questions.

Run as ``python -m wortlaut.demo --db demo.sqlite``.  The seeds are read from
``../shared/seeds`` beside the project (or ``$WORTLAUT_SHARED/seeds``) when
that folder exists; they are optional, and the demo says whether it found
them.  Running the demo again adds nothing twice: stored articles are skipped.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import click

from wortlaut.article import Article
from wortlaut.cli.store_commands import render_group, render_person, render_search
from wortlaut.settings import get_settings
from wortlaut.store import NotFoundError, Store
from wortlaut.store.loader import Failure, default_analyzer, ingest

SAMPLES = Path(__file__).resolve().parent / "samples"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
#: Files in the samples folder that are not articles.
_NOT_ARTICLES = {"README.md", "make_warc.py", "__init__.py"}
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_")


def seeds_dir() -> Path | None:
    """``$WORTLAUT_SHARED/seeds`` or ``../shared/seeds`` beside the project, if it exists."""
    shared = get_settings().paths.shared or PROJECT_ROOT.parent / "shared"
    seeds = shared / "seeds"
    return seeds if seeds.is_dir() else None


def _seed_dates(seeds: Path) -> dict[str, str]:
    """Publication dates of the seed files (they are plain text without one)."""
    expected = seeds / "expected.json"
    if not expected.exists():
        return {}
    data = json.loads(expected.read_text(encoding="utf-8"))
    return {item["file"]: item["published"] for item in data.get("articles", []) if item.get("published")}


def _inputs(seeds: Path | None) -> list[Path]:
    paths = sorted(path for path in SAMPLES.iterdir() if path.is_file() and path.name not in _NOT_ARTICLES)
    if seeds is not None:
        paths += sorted(seeds.glob("*.txt"))
    return paths


def _dated(items: Iterator[object], dates: dict[str, str]) -> Iterator[object]:
    """Give undated plain-text articles the date from their file name or the seed list."""
    for item in items:
        if isinstance(item, Article) and not item.published:
            name = Path(str(item.meta.get("path", ""))).name
            match = _DATED_NAME.match(name)
            published = dates.get(name) or (match.group(1) if match else None)
            if published:
                item = item.with_layers(published=published)
        yield item


def _section(title: str) -> None:
    click.echo("")
    click.secho(f"== {title} ==", bold=True)


def _show_answers(store: Store, *, with_seeds: bool) -> None:
    speaker = "Rutte" if with_seeds else store.most_quoted_ever()
    if speaker:
        _section(f"wortlaut said {speaker}")
        groups = store.said(speaker, limit=5)
        click.echo("\n\n".join(render_group(group) for group in groups) or "(no statements)")
    person = "Selenskyj" if with_seeds else speaker
    if person:
        _section(f"wortlaut person {person}")
        try:
            click.echo(render_person(store.person(person, limit=10)))
        except NotFoundError as error:
            click.echo(f"({error})")
    _section("wortlaut stories")
    for story in store.stories(limit=5):
        click.echo(
            f"{story.id}  {story.first_date or '?'} – {story.last_date or '?'}  [{story.size}]  {story.title}"
        )
    query = "Friedensgespräche" if with_seeds else "Ukraine"
    _section(f"wortlaut search {query}")
    click.echo(render_search(store.search(query, limit=3)))



@click.command()
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("demo.sqlite"),
              show_default=True, help="Store file to create or extend.")  # fmt: skip
@click.option("--workers", type=click.IntRange(min=1), default=min(2, os.cpu_count() or 1), show_default=True)
def demo(db: Path, workers: int) -> None:
    """Ingest the samples (and the seeds, when present), then show a few answers."""
    from wortlaut.ingest import iter_articles

    seeds = seeds_dir()
    click.echo(f"Samples: {SAMPLES}")
    click.echo(
        f"Seeds:   {seeds}" if seeds else "Seeds:   not found (optional: ../shared/seeds beside the project)"
    )
    paths = _inputs(seeds)
    with Store.open(db) as store:
        failures: list[Failure] = []
        items = _dated(iter_articles(paths), _seed_dates(seeds) if seeds else {})
        report = ingest(store, items, analyzer_factory=default_analyzer, workers=workers,
                        on_failure=failures.append)  # fmt: skip
        click.echo(f"Ingested into {db}: {report.added} added, {report.skipped} already stored, "
                   f"{len(failures)} failed.")  # fmt: skip
        for failure in failures:
            click.echo(f"  failed: {failure}", err=True)
        _show_answers(store, with_seeds=seeds is not None)
    _section("Continue")
    click.echo(f"  wortlaut said Rutte --db {db}")
    click.echo(f"  wortlaut person Selenskyj --db {db}")
    click.echo(f"  wortlaut search 'Friedensgespräche' --db {db} --format json")
    click.echo(f"  wortlaut serve --db {db}        # HTTP API on http://127.0.0.1:8000/docs")


if __name__ == "__main__":
    demo()
