"""``wortlaut analyze PATH...``: read news, run the pipeline, print a summary or JSON Lines.

A thin shell over :func:`wortlaut.ingest.iter_articles` and
:func:`wortlaut.pipeline.default_pipeline`.  Every input that cannot be read
or analysed is reported as one line ``wortlaut: error: <path>: <reason>`` on
stderr and the batch goes on.  Exit codes: 0 all inputs processed, 1 some
failed, 3 none could be processed (2 is click's usage error).
"""

from __future__ import annotations

import json
from datetime import date
from typing import IO

import click

from wortlaut.article import Article
from wortlaut.ingest import IngestError, iter_articles
from wortlaut.ingest.pagedates import override_published
from wortlaut.pipeline import Pipeline, default_pipeline
from wortlaut.render import render_article

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_NONE_PROCESSED = 3


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def report_error(path: str, reason: str) -> None:
    """The one-line error format of every wortlaut command."""
    click.echo(f"wortlaut: error: {path}: {' '.join(reason.split())}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date; wins over any date in the input (page, feed, JSON Lines); anchors 'am Mittwoch'.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: readable summary; jsonl: one wortlaut/1 record per line (docs/schema.md).",
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8", lazy=True),
    default="-",
    help="Write the results to this file instead of stdout.",
)
def analyze(paths: tuple[str, ...], published: str | None, output_format: str, output: IO[str]) -> None:
    """Analyse news files: .txt, .html, RSS/Atom .xml, .jsonl, .warc(.gz); directories; '-' for stdin."""
    try:
        pipeline = default_pipeline()
    except Exception as error:  # a missing model or data file: say which, no traceback
        report_error("pipeline", f"cannot load the analysis stages ({type(error).__name__}: {error})")
        raise SystemExit(EXIT_NONE_PROCESSED) from None
    done = failed = 0
    for item in iter_articles(paths):
        if isinstance(item, IngestError):
            report_error(item.path, item.reason)
            failed += 1
            continue
        analysed = _analyse(pipeline, item, published)
        if analysed is None:
            failed += 1
            continue
        output.write(_format(analysed, output_format))
        done += 1
    if done == 0 and failed == 0:
        report_error(", ".join(paths), "no articles found")
    raise SystemExit(EXIT_NONE_PROCESSED if done == 0 else EXIT_SOME_FAILED if failed else EXIT_OK)


def _analyse(pipeline: Pipeline, article: Article, published: str | None) -> Article | None:
    article = override_published(article, published)
    try:
        return pipeline(article)
    except Exception as error:  # a stage failing on one article must not end the batch
        where = str(article.meta.get("path") or article.id)
        report_error(where, f"analysis failed in the pipeline ({type(error).__name__}: {error})")
        return None


def _format(article: Article, output_format: str) -> str:
    if output_format == "jsonl":
        return json.dumps(article.to_json(), ensure_ascii=False) + "\n"
    return render_article(article) + "\n"
