"""The cache folder's read-or-build: a sound file is read, a damaged one built and replaced, and a folder
that cannot be written costs only the build (``wortlaut.filecache``)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from wortlaut.filecache import read_or_build


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    if not data.startswith(b"OK"):
        raise ValueError(f"{path}: damaged")
    return data


def _write(value: bytes, out: BinaryIO) -> None:
    out.write(value)


def test_a_missing_file_is_built_and_kept_then_read(tmp_path: Path) -> None:
    cached, builds = tmp_path / "sub" / "x.bin", []

    def build() -> bytes:
        builds.append(1)
        return b"OK built"

    assert read_or_build(cached, _read, build, _write) == b"OK built"
    assert cached.read_bytes() == b"OK built"
    assert read_or_build(cached, _read, build, _write) == b"OK built"
    assert len(builds) == 1


def test_a_damaged_file_is_built_again_and_replaced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cached = tmp_path / "x.bin"
    cached.write_bytes(b"half")
    assert read_or_build(cached, _read, lambda: b"OK new", _write) == b"OK new"
    assert cached.read_bytes() == b"OK new"
    assert "rebuilding the cache file" in caplog.text


def test_no_cache_path_builds_and_keeps_nothing(tmp_path: Path) -> None:
    assert read_or_build(None, _read, lambda: b"OK", _write) == b"OK"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_costs_only_the_build(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")  # a file where the folder should be: mkdir fails, even for root
    assert read_or_build(blocker / "x.bin", _read, lambda: b"OK", _write) == b"OK"
