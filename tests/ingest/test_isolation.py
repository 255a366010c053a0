"""Every input item fails alone: one bad file, record or header never takes the others with it."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.cli import main
from wortlaut.ingest import MAX_DOCUMENT_BYTES, iter_articles, read_bytes, read_path
from wortlaut.ingest.jsonl import bounded_lines

from .helpers import SAMPLES, split


def _record(number: int) -> str:
    text = f"Die Ministerin sagte, Vorgang {number} werde geprüft."
    return json.dumps({"id": f"r{number}", "text": text, "published": "2024-05-01"}, ensure_ascii=False)


def _lines(*records: str) -> bytes:
    return ("\n".join(records) + "\n").encode("utf-8")


def test_truncated_jsonl_gz_is_reported_and_the_other_files_are_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(_lines(_record(1), _record(2)))
    packed = gzip.compress(_lines(*(_record(number) for number in range(10, 400))))
    (folder / "b.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (folder / "c.jsonl").write_bytes(_lines(_record(3)))
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "s.sqlite"),
                                       "--no-analyze", "--no-link", "--quiet"])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "Aborted" not in result.output
    assert "b.jsonl.gz: truncated or damaged gzip data" in result.stderr
    from wortlaut.store import Store

    with Store.open(tmp_path / "s.sqlite") as store:
        stored = store.stored_ids()
    assert {"r1", "r2", "r3"} <= stored  # the files before and after the broken one


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"bericht-\xff.txt"), "wb") as out:
        out.write(b"Der Kanzler sagte, es gehe voran.")
    with open(os.path.join(folder, b"kaputt-\xfe.txt"), "wb") as out:
        out.write(b"\xff\xfe\x00binary\x00")
    articles, errors = split(read_path(tmp_path / "in"))
    assert len(articles) == 1 and articles[0].meta["path"].endswith("bericht-\ufffd.txt")
    (error,) = errors
    assert error.path.endswith("kaputt-\ufffd.txt")
    str(error).encode("utf-8")  # printable: no lone surrogates
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.sqlite"),
                                       "--no-analyze", "--no-link", "--quiet"])  # fmt: skip
    assert result.exit_code == 1
    assert "1 added" in result.stderr


def test_lone_surrogate_record_is_rejected_alone(tmp_path: Path) -> None:
    data = _lines(_record(1), '{"id": "bad", "text": "Hallo \\ud800 Welt"}', _record(2))
    articles, errors = split(read_bytes(data, name="in.jsonl"))
    assert [article.id for article in articles] == ["r1", "r2"]
    (error,) = errors
    assert error.path == "in.jsonl:2" and "lone surrogate" in error.reason
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "s.sqlite"),
                                       "--no-analyze", "--no-link", "--quiet"])  # fmt: skip
    assert result.exit_code == 1 and "2 added" in result.stderr


def test_deeply_nested_line_mid_file_is_rejected_and_later_records_kept() -> None:
    nested = "[" * 100_000 + "]" * 100_000
    articles, errors = split(read_bytes(_lines(_record(1), nested, _record(2), _record(3)), name="n.jsonl"))
    assert [article.id for article in articles] == ["r1", "r2", "r3"]
    (error,) = errors
    assert error.path == "n.jsonl:2" and "nested too deeply" in error.reason


def test_deeply_nested_json_file_is_one_clear_error() -> None:
    (error,) = split(read_bytes(b"[" + b'{"a":' * 50_000, name="x.json", format="json"))[1]
    assert "nested too deeply" in error.reason or "invalid JSON" in error.reason


@pytest.mark.parametrize("plain", [True, False])
def test_warc_cut_inside_a_record_header_is_reported(plain: bool) -> None:
    packed = (SAMPLES / "crawl-2025-03-21.warc.gz").read_bytes()
    data = gzip.decompress(packed) if plain else packed
    header = data.index(b"WARC-Target-URI", data.index(b"WARC/1.", 10)) if plain else 340
    _, errors = split(read_bytes(data[:header], name="cut.warc"))
    (error,) = errors
    assert "truncated or damaged WARC" in error.reason and "\n" not in error.reason


def test_whole_warc_gives_no_error() -> None:
    for data in ((SAMPLES / "crawl-2025-03-21.warc.gz").read_bytes(),):
        assert split(read_bytes(data, name="w.warc.gz"))[1] == []
        assert split(read_bytes(gzip.decompress(data), name="w.warc"))[1] == []


def test_warc_cut_in_a_header_gives_a_nonzero_exit(tmp_path: Path) -> None:
    data = gzip.decompress((SAMPLES / "crawl-2025-03-21.warc.gz").read_bytes())
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: data.rindex(b"WARC-Target-URI")])
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "s.sqlite"),
                                       "--no-analyze", "--no-link", "--quiet"])  # fmt: skip
    assert result.exit_code == 1 and "truncated or damaged WARC after 3 records" in result.stderr


class _Counting(io.RawIOBase):
    """A non-seekable input (like stdin) that counts what was read from it."""

    def __init__(self, data: bytes) -> None:
        self.source, self.read_bytes = io.BytesIO(data), 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.source.read(len(buffer))
        buffer[: len(data)] = data
        self.read_bytes += len(data)
        return len(data)


@pytest.fixture(scope="module")
def zeros() -> bytes:
    """128 MB of zero bytes gzipped (about 125 KB): a decompression bomb."""
    payload = io.BytesIO()
    with gzip.GzipFile(fileobj=payload, mode="wb", compresslevel=9) as writer:
        for _ in range(128):
            writer.write(b"\0" * (1 << 20))
    return payload.getvalue()


@pytest.mark.parametrize(
    ("head", "reason"),
    [(b"", "over 5.0 MB"), (b'{"text": "', "decompression bomb"), (b"<html><body>", "over 5.0 MB")],
)
def test_gzip_bomb_on_stdin_stops_at_the_limit(zeros: bytes, head: bytes, reason: str) -> None:
    bomb = gzip.compress(head) + zeros  # two gzip members: the head, then the zeros
    tracemalloc.start()
    try:
        items = list(read_path("-", stdin=io.BufferedReader(_Counting(bomb))))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (error,) = [item for item in items if not hasattr(item, "text")]
    assert error.path == "<stdin>" and reason in error.reason
    assert peak < 48 * 1024 * 1024  # the 128 MB never sit in memory


def test_normal_gzip_input_passes_the_bomb_guard() -> None:
    data = _lines(*(_record(number) for number in range(20_000)))  # compresses far less than a bomb
    assert len(data) > 0
    articles, errors = split(read_bytes(gzip.compress(data), name="x.jsonl.gz"))
    assert errors == [] and len(articles) == 20_000


class _Lines(io.BytesIO):
    """Remembers the largest piece one readline call returned."""

    largest = 0

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        line = super().readline(size)
        self.largest = max(self.largest, len(line))
        return line


def test_overlong_json_line_is_skipped_without_reading_it_whole() -> None:
    limit = 1000
    stream = _Lines(_lines(_record(1), '{"text": "' + "x" * 50_000 + '"}', _record(2)))
    lines = list(bounded_lines(stream, limit))
    assert lines[1] == 50_000 + 13 and isinstance(lines[0], bytes) and isinstance(lines[2], bytes)
    assert stream.largest <= max(limit + 1, 1 << 20)


def test_jsonl_record_over_the_limit_is_reported_and_the_file_goes_on() -> None:
    big = '{"text": "' + "x" * (MAX_DOCUMENT_BYTES + 10) + '"}'
    stream = _Lines(_lines(_record(1), big, _record(2)))
    articles, errors = split(iter_articles(["-"], stdin=stream))
    assert [article.id for article in articles] == ["r1", "r2"]
    (error,) = errors
    assert error.path == "<stdin>:2" and "over the 5.0 MB limit" in error.reason
    assert stream.largest <= MAX_DOCUMENT_BYTES + 1 + (1 << 16)
