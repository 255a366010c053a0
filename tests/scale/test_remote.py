"""Object-store URLs as batch inputs and outputs, through pyarrow's file systems (``file://`` here)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wortlaut.scale import remote
from wortlaut.scale.job import BatchError, input_files, output_target
from wortlaut.scale.records import read_records
from wortlaut.scale.workers import Analyzer

TEXT = "Die Ministerin sagte am Montag in Berlin, der Haushalt sei solide."


def _jsonl(n: int) -> str:
    lines = [
        json.dumps({"text": f"{TEXT} Nummer {i}.", "language": "de", "published": "2025-03-01"})
        for i in range(n)
    ]
    return "\n".join(lines) + "\n"


def _shards(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "a.jsonl").write_text(_jsonl(2), encoding="utf-8")
    (folder / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(_jsonl(1).encode("utf-8")))
    (folder / ".hidden.jsonl").write_text(_jsonl(1), encoding="utf-8")
    return folder


def test_urls_are_told_from_local_paths() -> None:
    assert remote.is_url("s3://bucket/news/") and remote.is_url("file:///tmp/x")
    assert not remote.is_url("news/") and not remote.is_url("C:\\news") and not remote.is_url("/tmp/s3://x")


def test_an_unknown_scheme_is_a_one_line_batch_error() -> None:
    with pytest.raises(BatchError, match=r"^foo://bucket/news: unknown URL scheme 'foo'"):
        input_files(["foo://bucket/news"])
    with pytest.raises(BatchError, match="unknown URL scheme"):
        output_target("foo://bucket/out/")


def test_a_file_url_folder_lists_its_files_recursively_without_hidden_ones(tmp_path: Path) -> None:
    folder = _shards(tmp_path / "in")
    rows = input_files([f"file://{folder}/"])
    assert [row["path"] for row in rows] == [f"{folder}/a.jsonl", f"{folder}/sub/b.jsonl.gz"]
    assert {row["url"] for row in rows} == {f"file://{folder}/"}
    assert input_files([str(folder / "a.jsonl")]) == [{"url": "", "path": str(folder / "a.jsonl")}]


def test_a_url_that_lists_nothing_or_does_not_exist_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(BatchError, match="lists no input files"):
        input_files([f"file://{tmp_path}/empty"])
    with pytest.raises(BatchError, match="no such file or folder"):
        input_files([f"file://{tmp_path}/gone"])


def test_the_analyzer_reads_urls_and_writes_to_a_url_as_it_does_locally(tmp_path: Path) -> None:
    folder = _shards(tmp_path / "in")
    local = Analyzer(output=str(tmp_path / "local"), keep_records=False)
    for row in input_files([str(folder)]):
        list(local({"path": [row["path"]]}))
    far = Analyzer(output=f"file://{tmp_path}/far", keep_records=False)
    batches = [
        batch
        for row in input_files([f"file://{folder}"])
        for batch in far({"url": [row["url"]], "path": [row["path"]]})
    ]
    assert not any(error for batch in batches for error in batch["error"])
    got = sorted(a.id for a in read_records(tmp_path / "far"))
    assert len(got) == 3 and got == sorted(a.id for a in read_records(tmp_path / "local"))


def test_an_unreadable_remote_file_is_one_error_row(tmp_path: Path) -> None:
    (batch,) = Analyzer()({"url": [f"file://{tmp_path}"], "path": [f"{tmp_path}/gone.jsonl"]})
    assert batch["record"] == [""] and batch["error"][0].startswith(
        f"file://{tmp_path}/gone.jsonl: cannot read"
    )


def test_batch_with_an_unknown_scheme_exits_3_with_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wortlaut.cli import main

    result = CliRunner().invoke(main, ["batch", "foo://bucket/news/", "--output", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "foo://bucket/news/: unknown URL scheme 'foo'" in result.output
    assert not (tmp_path / "out").exists()


def test_a_local_output_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("", encoding="utf-8")
    with pytest.raises(BatchError, match="out: not a folder"):
        output_target(tmp_path / "out")
