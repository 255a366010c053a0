"""Arbitrary bytes never raise: every reader returns articles or error values."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wortlaut.article import Article
from wortlaut.ingest import IngestError, read_bytes, read_path

from .helpers import SAMPLES

SUFFIXES = [".txt", ".html", ".xml", ".jsonl", ".json", ".warc", ".warc.gz", ".jsonl.gz", ".dat"]
SEEDS = [path.read_bytes() for path in sorted(SAMPLES.iterdir()) if path.is_file() and path.suffix != ".py"]


@st.composite
def damaged(data: st.DrawFn) -> bytes:
    """A sample file cut, with some bytes flipped, or plain random bytes."""
    kind = data(st.integers(0, 2))
    if kind == 0:
        return data(st.binary(max_size=2000))
    sample = data(st.sampled_from(SEEDS))
    cut = sample[: data(st.integers(0, len(sample)))]
    if kind == 1 or not cut:
        return cut
    position = data(st.integers(0, len(cut) - 1))
    return cut[:position] + bytes([cut[position] ^ 0xFF]) + cut[position + 1 :]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged(), st.sampled_from(SUFFIXES))
def test_damaged_files_give_articles_or_errors(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        items = list(read_path(path))
    assert all(isinstance(item, Article | IngestError) for item in items)
    for item in items:
        if isinstance(item, IngestError):
            assert item.path.startswith(str(path)) and "\n" not in item.reason


@settings(max_examples=100, deadline=None, database=None)
@given(st.binary(max_size=3000))
def test_sniffed_bytes_give_articles_or_errors(content: bytes) -> None:
    items = list(read_bytes(content, name="<stdin>"))
    assert all(isinstance(item, Article | IngestError) for item in items)
