"""Bad input gives one clear error value naming the file and the reason; the batch goes on."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from wortlaut.ingest import MAX_DOCUMENT_BYTES, IngestError, iter_articles, read_bytes, read_path

from .helpers import FIXTURES, SAMPLES, split

WARC_SAMPLE = SAMPLES / "crawl-2025-03-21.warc.gz"


def only_error(path: Path) -> IngestError:
    articles, errors = split(read_path(path))
    assert articles == []
    (error,) = errors
    assert error.path == str(path)
    assert "\n" not in error.reason
    return error


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("empty.html", b"", "empty file"),
        ("empty.xml", b"", "empty file"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("empty.warc", b"", "empty file"),
        ("binary.txt", bytes(range(256)) * 20, "binary file"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "binary file"),
        ("not-warc.warc.gz", b"hello, I am no gzip and no WARC", "not a WARC file"),
        ("garbage.warc", b"WARC/1.0\r\nfoo\r\n\r\nbar", "no valid WARC header"),
    ],
)
def test_unusable_files_give_one_line_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert reason in only_error(path).reason


def test_big_text_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    sentence = b"Der Bundestag hat am Mittwoch beraten. "
    with open(path, "wb") as out:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            out.write(sentence)
    assert path.stat().st_size > 50 * 1024 * 1024 > MAX_DOCUMENT_BYTES
    error = only_error(path)
    assert "over 5.0 MB" in error.reason


def test_other_encoding_is_named_with_a_conversion_hint(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Die Außenministerin sagte, sie wolle über Maßnahmen sprechen.".encode("cp1252"))
    error = only_error(path)
    assert error.reason.startswith("not UTF-8")
    assert "looks like" in error.reason
    assert "iconv" in error.reason


def test_mixed_encodings_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Erster Absatz über Politik.\n".encode() + "Zweiter Absatz über Politik.".encode("latin-1")
    )
    assert "mixed encodings" in only_error(path).reason


def test_utf16_text_is_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Die Regierung hat getagt.".encode("utf-16"))
    assert "utf_16" in only_error(path).reason


def test_file_that_is_not_a_feed() -> None:
    assert "not an RSS/Atom feed" in only_error(FIXTURES / "not_a_feed.xml").reason


def test_truncated_feed_keeps_entries_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    data = (SAMPLES / "hauptstadtbrief-feed.xml").read_bytes()
    path.write_bytes(data[: data.index(b"<item>", data.index(b"<item>") + 1) + 40])
    articles, errors = split(read_path(path))
    assert articles[0].title == "Bundestag debattiert über neuen Wehrdienst"
    assert errors[-1].path == str(path)
    assert "malformed feed" in errors[-1].reason


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.99])
def test_truncated_warc_keeps_records_read_so_far(tmp_path: Path, fraction: float) -> None:
    data = WARC_SAMPLE.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * fraction)])
    articles, errors = split(read_path(path))
    (error,) = errors
    assert error.path == str(path)
    assert "truncated or damaged WARC" in error.reason
    if fraction > 0.5:
        assert [article.title for article in articles] == [
            "EU leaders agree new Ukraine aid package at Brussels summit"
        ]


def test_truncated_gzip_is_reported(tmp_path: Path) -> None:
    packed = gzip.compress((SAMPLES / "agenturmeldungen.jsonl").read_bytes())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    _, errors = split(read_path(path))
    assert errors[-1].path == str(path)
    assert "truncated or damaged gzip" in errors[-1].reason
    (error,) = split(read_bytes(packed[:40], name="stdin-data"))[1]
    assert "gzip" in error.reason


def test_missing_path() -> None:
    (error,) = split(read_path("/no/such/file.txt"))[1]
    assert error.reason == "no such file or directory"


def test_batch_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    paths: list[str | Path] = [
        tmp_path / "empty.txt",
        FIXTURES / "article.txt",
        "/missing.html",
        tmp_path / "binary.txt",
        "-",
    ]
    items = list(iter_articles(paths, stdin=io.BytesIO(b"Ein Artikel von der Standardeingabe.")))
    kinds = ["error" if isinstance(item, IngestError) else "article" for item in items]
    assert kinds == ["error", "article", "error", "error", "article"]


def test_unreadable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ok.txt").write_text("Ein lesbarer Text.", encoding="utf-8")
    original = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    (error,) = split(read_path(tmp_path))[1]
    assert (error.path, error.reason) == (str(locked), "cannot read directory: Permission denied")
    assert [article.text for article in split(read_path(tmp_path))[0]] == ["Ein lesbarer Text."]
