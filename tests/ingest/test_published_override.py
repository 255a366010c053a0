"""An explicit ``--published`` always wins over the input's own date: text, HTML, WARC, JSON Lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from tests.ingest.helpers import FIXTURES, SAMPLES, split
from wortlaut.article import Article
from wortlaut.cli import main
from wortlaut.ingest import read_path
from wortlaut.ingest.pagedates import GIVEN, override_published
from wortlaut.store import Store
from wortlaut.store.loader import ingest as run_ingest

GIVEN_DATE = "2024-01-02"


def _inputs(folder: Path) -> Path:
    """One input of each kind, each carrying a date of its own (except the text file)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "article.txt", folder / "a.txt")
    shutil.copy(FIXTURES / "page.html", folder / "b.html")  # article:published_time 2025-02-04
    shutil.copy(SAMPLES / "crawl-2025-03-21.warc.gz", folder / "c.warc.gz")
    record = {"text": "Der Bundesrat hat dem Gesetz am Freitag zugestimmt.", "published": "2025-02-07"}
    (folder / "d.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def test_inputs_carry_their_own_dates_without_published(tmp_path: Path) -> None:
    articles, errors = split(read_path(_inputs(tmp_path)))
    assert errors == []
    dates = {Path(str(a.meta["path"])).suffix: a.published for a in articles}
    assert dates[".html"] == "2025-02-04"
    assert dates[".jsonl"] == "2025-02-07"
    assert dates[".txt"] is None


def test_analyze_published_wins_for_text_html_warc_and_jsonl(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    result = CliRunner().invoke(
        main, ["analyze", str(folder), "--published", GIVEN_DATE, "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    records = [Article.from_json(json.loads(line)) for line in result.stdout.splitlines()]
    kinds = {Path(str(r.meta["path"])).name.split(".", 1)[1] for r in records}
    assert kinds == {"txt", "html", "warc.gz", "jsonl"}
    assert {r.published for r in records} == {GIVEN_DATE}
    assert {r.meta["published_source"] for r in records} == {GIVEN}
    html = next(r for r in records if str(r.meta["path"]).endswith(".html"))
    assert html.meta["page_published"] == "2025-02-04"  # the page's own choice stays visible


def test_analyze_text_output_names_where_the_date_came_from() -> None:
    result = CliRunner().invoke(main, ["analyze", str(FIXTURES / "page.html")])
    assert result.exit_code == 0, result.output
    assert "published: 2025-02-04 (meta article:published_time)" in result.stdout


def test_ingest_published_wins_over_the_page_date(tmp_path: Path) -> None:
    articles, _ = split(read_path(FIXTURES / "page.html"))
    with Store.open(tmp_path / "w.db") as store:
        run_ingest(store, articles, analyzer_factory=None, published=GIVEN_DATE, link=False)
        (row,) = store.connection.execute("SELECT published FROM articles").fetchall()
    assert row[0] == GIVEN_DATE


def test_ingest_published_wins_for_text_html_warc_and_jsonl(tmp_path: Path) -> None:
    articles, errors = split(read_path(_inputs(tmp_path / "in")))
    assert errors == []
    with Store.open(tmp_path / "w.db") as store:
        run_ingest(store, articles, analyzer_factory=None, published=GIVEN_DATE, link=False)
        rows = store.connection.execute("SELECT published FROM articles").fetchall()
    assert len(rows) == len(articles) >= 4  # the WARC holds one page or more
    assert {row[0] for row in rows} == {GIVEN_DATE}


def test_override_keeps_the_article_when_no_date_is_given() -> None:
    article = Article.create("Text.", published="2025-01-01")
    assert override_published(article, None) is article
