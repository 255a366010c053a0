"""Every input format read from the project's own fixtures and shipped samples."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

from wortlaut.article import content_id
from wortlaut.ingest import iter_articles, read_bytes, read_path
from wortlaut.samples.make_warc import write_sample

from .helpers import FIXTURES, SAMPLES, split


def test_text_file_is_read_exactly_as_its_content() -> None:
    path = FIXTURES / "article.txt"
    (article,), errors = split(read_path(path))
    assert errors == []
    assert article.text == path.read_bytes().decode("utf-8")
    assert article.id == content_id(article.text)
    assert article.meta == {"format": "text", "path": str(path)}


def test_utf8_bom_is_dropped_from_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHallo Welt, das ist ein Satz.")
    (article,), _ = split(read_path(path))
    assert article.text == "Hallo Welt, das ist ein Satz."


def test_html_page_gives_main_text_title_date_author_and_site() -> None:
    (article,), errors = split(read_path(FIXTURES / "page.html"))
    assert errors == []
    assert article.title == "Stadtrat vertagt Entscheidung über Bahnhof"
    assert article.published == "2025-02-04"
    assert article.source == "Testblatt"
    assert article.meta["author"] == "Paula Winter"
    assert article.text.startswith("Stadtrat vertagt Entscheidung über Bahnhof\n\nDer Stadtrat hat")
    assert "„Wir entscheiden lieber richtig als schnell“" in article.text
    assert "Start" not in article.text.split("\n")  # navigation removed
    assert "Alle Rechte vorbehalten" not in article.text


def test_broken_html_still_yields_its_text() -> None:
    (article,), errors = split(read_path(FIXTURES / "broken.html"))
    assert errors == []
    assert "Der Kreistag hat am Montag über den Nahverkehr beraten" in article.text
    assert "Der Landrat sagte, man werde weiter verhandeln." in article.text
    assert "</head>" not in article.text


def test_atom_feed_entries_become_articles_and_summary_only_is_flagged() -> None:
    (full, teaser), errors = split(read_path(FIXTURES / "atom.xml"))
    assert errors == []
    assert full.title == "Kabinett billigt Rentenpaket"
    assert full.text == (
        "Kabinett billigt Rentenpaket\n\nDas Kabinett hat am Mittwoch das Rentenpaket gebilligt.\n"
        "Der Arbeitsminister sagte, das Rentenniveau bleibe stabil."
    )
    assert full.published == "2025-02-05T09:30:00+01:00"
    assert full.source == "Testfeed Politik"
    assert full.url == "https://testfeed.example/rente"
    assert full.meta["summary_only"] is False
    assert full.meta["author"] == "Max Probe"
    assert teaser.meta["summary_only"] is True
    assert teaser.text.endswith("Die Opposition nennt das Paket unbezahlbar.")


def test_rss_sample_feed_keeps_summary_only_entries() -> None:
    articles, errors = split(read_path(SAMPLES / "hauptstadtbrief-feed.xml"))
    assert errors == []
    assert [article.meta["summary_only"] for article in articles] == [False, True, True]
    assert articles[0].published == "2025-03-12T17:40:00+01:00"
    assert "Verteidigungsminister Jan Petersen sagte" in articles[0].text
    assert "<p>" not in articles[2].text  # escaped HTML in a description is turned into text


def test_jsonl_fields_ids_and_bad_lines() -> None:
    path = FIXTURES / "records.jsonl"
    articles, errors = split(read_path(path))
    first, second = articles
    assert first.id == "r1"
    assert (first.title, first.published, first.url, first.source, first.language) == (
        "Bundesrat stimmt zu",
        "2025-02-07",
        "https://x.example/1",
        "Testagentur",
        "de",
    )
    assert first.meta["ressort"] == "Politik"
    assert second.id == content_id(second.text)
    assert [error.path for error in errors] == [f"{path}:3", f"{path}:4"]
    assert "invalid JSON" in errors[0].reason
    assert 'no "text"' in errors[1].reason


def test_sample_jsonl_has_near_duplicate_agency_copies() -> None:
    articles, errors = split(read_path(SAMPLES / "agenturmeldungen.jsonl"))
    assert errors == []
    assert len(articles) == 3
    first, second = (set(article.text.split()) for article in articles[:2])
    assert len(first & second) / len(first | second) > 0.7
    assert all(article.published for article in articles)


def test_warc_reads_html_responses_only() -> None:
    articles, errors = split(read_path(SAMPLES / "crawl-2025-03-21.warc.gz"))
    assert errors == []
    assert [article.url for article in articles] == [
        "https://continental-times.example/europe/eu-ukraine-aid-package",
        "https://rheinische-rundschau.example/politik/bahnreform",
    ]
    english = articles[0]
    assert english.title == "EU leaders agree new Ukraine aid package at Brussels summit"
    assert english.published == "2025-03-21"
    assert english.meta["fetched"] == "2025-03-21T12:00:00Z"


def test_warc_sample_is_reproducible(tmp_path: Path) -> None:
    rebuilt = write_sample(tmp_path / "again.warc.gz")
    assert rebuilt.read_bytes() == (SAMPLES / "crawl-2025-03-21.warc.gz").read_bytes()


def test_directory_walk_is_sorted_and_skips_unknown_and_hidden(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "article.txt", tmp_path / "b.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "page.html", tmp_path / "sub" / "a.html")
    (tmp_path / "notes.md").write_text("# not news")
    (tmp_path / ".hidden.txt").write_text("versteckt")
    names = [article.meta["path"] for article in split(read_path(tmp_path))[0]]
    assert names == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.html")]


def test_whole_sample_directory_reads_without_errors() -> None:
    articles, errors = split(iter_articles([SAMPLES]))
    assert errors == []
    assert len(articles) == 10
    assert len({article.id for article in articles}) == 10
    assert {article.meta["format"] for article in articles} == {"text", "html", "feed", "jsonl", "warc"}


def test_stdin_is_sniffed() -> None:
    data = (FIXTURES / "records.jsonl").read_bytes()
    articles, errors = split(read_path("-", stdin=io.BytesIO(data)))
    assert articles[0].id == "r1"
    assert all(error.path.startswith("<stdin>:") for error in errors)


def test_gzipped_jsonl_and_sniffed_bytes(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "records.jsonl").read_bytes()))
    assert len(split(read_path(path))[0]) == 2
    html = (FIXTURES / "page.html").read_bytes()
    (article,), _ = split(read_bytes(html, name="page"))
    assert article.meta["format"] == "html"


def test_unknown_suffix_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(json.dumps({"text": "Ein Satz aus einem Export."}) + "\n", encoding="utf-8")
    (article,), _ = split(read_path(path))
    assert article.meta["format"] == "jsonl"


def test_json_file_with_one_object_or_a_list(tmp_path: Path) -> None:
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"id": 7, "text": "Ein Artikel."}, indent=2), encoding="utf-8")
    (article,), _ = split(read_path(single))
    assert (article.id, article.meta["format"]) == ("7", "json")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "Erster."}, {"title": "ohne Text"}]), encoding="utf-8")
    articles, errors = split(read_path(many))
    assert [article.text for article in articles] == ["Erster."]
    assert [error.path for error in errors] == [f"{many}#1"]
