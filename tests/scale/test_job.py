"""``run_batch`` on Ray Data in local mode: analyze's records, partitioned Parquet, loadable links.

One Ray session for the module (starting Ray costs 15-20 s); skipped with the
reason when Ray (the ``scale`` extra) is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from wortlaut.ingest import iter_articles
from wortlaut.pipeline import default_pipeline
from wortlaut.samples import SAMPLES_DIR
from wortlaut.scale.load import load
from wortlaut.scale.records import read_records, record_json
from wortlaut.store import Store

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'wortlaut[scale]')")
from wortlaut.scale.job import BatchError, run_batch  # noqa: E402

INPUTS = [str(SAMPLES_DIR / "agenturmeldungen.jsonl"), str(SAMPLES_DIR / "2025-03-05_haushalt.txt")]


@pytest.fixture(scope="module", autouse=True)
def ray_session() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    monkey = pytest.MonkeyPatch()
    monkey.setenv("WORTLAUT_ENCODER", "hashing")
    try:
        report = run_batch(INPUTS, folder, workers=2, jsonl=True, link=True)
    finally:
        monkey.undo()
    assert report.failures == []
    assert report.records > 3
    return folder


def test_batch_records_equal_what_analyze_prints(output: Path) -> None:
    pipeline = default_pipeline()
    expected = {
        json.loads(record_json(pipeline(item)))["id"]: record_json(pipeline(item))
        for item in iter_articles(INPUTS)
        if not isinstance(item, Exception)
    }
    lines = (output / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"]: line for line in lines} == expected
    assert {record_json(article) for article in read_records(output)} == set(expected.values())


def test_batch_partitions_records_by_publication_day(output: Path) -> None:
    days = {path.name for path in (output / "records").iterdir()}
    assert "published_date=unknown" in days  # the plain-text sample has no date in it
    assert any(day.startswith("published_date=2025-03-") for day in days)


def test_load_writes_the_batch_links_into_a_store(output: Path) -> None:
    with Store.open(":memory:") as store:
        report = load(store, output)
        assert report.linked_from_batch and report.added > 3
        counts = store.connection.execute(
            "SELECT (SELECT COUNT(*) FROM story_articles), (SELECT COUNT(*) FROM link_pending)"
        ).fetchone()
        assert counts == (report.added, 0)
        assert store.stories(limit=5)


def test_batch_refuses_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="no such file"):
        run_batch([str(tmp_path / "missing.txt")], tmp_path / "out")
