"""Pages read on forked workers: the same articles kept, skipped and failed as when read on input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from wortlaut.article import Article
from wortlaut.ingest import UnreadPage
from wortlaut.ingest.htmltext import page_article
from wortlaut.store import Store
from wortlaut.store.loader import Analyzer, ingest

Outcome = tuple[tuple[int, int, list[str]], list[tuple[str, object]]]


def _page(headline: str, body: str) -> bytes:
    return (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f"<p>{body}</p></article></body></html>").encode()  # fmt: skip


FIRST = _page("Rat vertagt Entscheidung", "Der Stadtrat hat die Entscheidung über den Bahnhof vertagt.")
SECOND = _page("Bürgermeisterin tritt zurück", "Die Bürgermeisterin hat am Montag ihren Rücktritt erklärt.")


def _marking() -> Analyzer:
    def analyze(article: Article) -> Article:
        return article.with_layers(title=f"analysed: {article.title}")

    return analyze


def _refusing() -> Analyzer:
    def analyze(article: Article) -> Article:
        raise RuntimeError("analysed although stored")

    return analyze


def _inputs() -> list[Article | UnreadPage]:
    """Pages and texts sharing ids: a text before the page with its text, a page twice, a text after
    the page with its text, and a page without article text."""
    second_text = Article.create(page_article(SECOND).text, meta={"path": "second.jsonl"})
    first_text = Article.create(page_article(FIRST).text, meta={"path": "first.jsonl"})
    empty = UnreadPage(b"<html><body><p>kurz</p></body></html>", "empty.html")
    return [second_text, UnreadPage(FIRST, "first.html"), UnreadPage(SECOND, "second.html"),
            UnreadPage(FIRST, "again.html"), empty, first_text]  # fmt: skip


def _ingest(
    location: str, items: Sequence[Article | UnreadPage], factory: Callable[[], Analyzer] = _marking
) -> Outcome:
    with Store.open(location) as store:
        report = ingest(store, items, analyzer_factory=factory, workers=2, batch_size=2, link=False)
        infos = store.articles(limit=10)
        kept = sorted((info.id, store.article(info.id).meta.get("path")) for info in infos)
    return (report.added, report.skipped, [str(failure) for failure in report.failures]), kept


def test_workers_reading_pages_keep_the_first_input_of_each_id(tmp_path: Path) -> None:
    read_first = [item.read() if isinstance(item, UnreadPage) else item for item in _inputs()]
    expected = _ingest(str(tmp_path / "read.sqlite"), read_first)  # type: ignore[arg-type]
    counts, kept = _ingest(str(tmp_path / "deferred.sqlite"), _inputs())
    assert (counts, kept) == expected
    assert counts[:2] == (2, 3)
    assert {path for _, path in kept} == {"second.jsonl", "first.html"}
    assert counts[2] == ["empty.html: no article text found in the HTML"]


def test_pages_stored_before_the_run_are_skipped_without_analysis(tmp_path: Path) -> None:
    location = str(tmp_path / "store.sqlite")
    _ingest(location, [UnreadPage(FIRST, "first.html"), UnreadPage(SECOND, "second.html")])
    again = [UnreadPage(SECOND, "second.html"), UnreadPage(FIRST, "first.html")]
    assert _ingest(location, again, _refusing)[0] == (0, 2, [])
