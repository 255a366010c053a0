"""``iter_inputs``: HTML pages come unread, and reading them later gives what ``iter_articles`` gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from wortlaut.article import Article
from wortlaut.ingest import IngestError, UnreadPage, iter_articles, iter_inputs, names_pages

from .helpers import FIXTURES


def test_pages_come_unread_and_read_to_the_same_articles_and_errors(tmp_path: Path) -> None:
    for name in ("article.txt", "page.html", "broken.html", "records.jsonl"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "empty.html").write_bytes(b"<html><body><p>kurz</p></body></html>")
    deferred = list(iter_inputs([tmp_path]))
    assert sum(isinstance(item, UnreadPage) for item in deferred) == 3
    read = [item.read() if isinstance(item, UnreadPage) else item for item in deferred]
    expected = list(iter_articles([tmp_path]))
    assert [_key(item) for item in read] == [_key(item) for item in expected]
    assert any(isinstance(item, IngestError) for item in expected)  # the too-short page fails either way


def _key(item: Article | IngestError) -> object:
    return item.to_json() if isinstance(item, Article) else (item.path, item.reason)


def test_names_pages_finds_html_by_name_in_files_and_directories(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "records.jsonl", tmp_path / "records.jsonl")
    assert not names_pages([tmp_path, "-", tmp_path / "missing.html"])
    shutil.copy(FIXTURES / "page.html", tmp_path / "sub" / "page.html.gz")
    assert names_pages([tmp_path / "records.jsonl", tmp_path])
