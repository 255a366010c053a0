"""The demo's input handling (the full demo run is `make demo`, which needs the analysis pipeline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.article import Article
from wortlaut.demo import _dated, _inputs, seeds_dir


def test_undated_texts_get_the_date_from_their_name_or_the_seed_list() -> None:
    named = Article.create("Text A.", meta={"path": "/x/2025-03-05_haushalt.txt"})
    seed = Article.create("Text B.", meta={"path": "/s/000_abc.txt"})
    dated = Article.create("Text C.", published="2024-01-01", meta={"path": "/x/2025-03-05_other.txt"})
    out = list(_dated(iter([named, seed, dated]), {"000_abc.txt": "2024-12-18"}))
    assert [item.published for item in out] == ["2025-03-05", "2024-12-18", "2024-01-01"]  # type: ignore[attr-defined]


def test_seeds_are_optional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORTLAUT_SHARED", str(tmp_path))
    assert seeds_dir() is None
    inputs = _inputs(None)
    assert inputs and all(path.parent.name == "samples" for path in inputs)
    assert not any(path.name in {"README.md", "make_warc.py"} for path in inputs)
