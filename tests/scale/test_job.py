"""``run_batch`` on Ray Data in local mode: analyze's records, partitioned Parquet, loadable links.

One Ray session for the module (starting Ray costs 15-20 s); skipped with the
reason when Ray (the ``scale`` extra) is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from wortlaut.eval.stories import load_collection
from wortlaut.ingest import iter_articles
from wortlaut.link import HashingEncoder
from wortlaut.pipeline import default_pipeline
from wortlaut.samples import SAMPLES_DIR
from wortlaut.scale import links
from wortlaut.scale.driver_settings import DriverSettings
from wortlaut.scale.load import load
from wortlaut.scale.records import read_records, record_json, to_row
from wortlaut.settings import get_settings, reset_settings, use_config
from wortlaut.store import Store

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'wortlaut[scale]')")
from wortlaut.scale.job import BatchError, _link, run_batch, start_ray  # noqa: E402

INPUTS = [str(SAMPLES_DIR / "agenturmeldungen.jsonl"), str(SAMPLES_DIR / "2025-03-05_haushalt.txt")]


@pytest.fixture(scope="module", autouse=True)
def ray_session() -> Iterator[None]:
    """Ray started the way ``wortlaut batch`` starts it."""
    monkey = pytest.MonkeyPatch()  # start_ray sets these when unset: keep them out of later tests
    monkey.setenv("RAY_worker_niceness", "0")
    monkey.setenv("RAY_USAGE_STATS_ENABLED", "0")
    try:
        assert start_ray(address=None, workers=2) > 0
        yield
    finally:
        ray.shutdown()
        monkey.undo()


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


def test_ray_link_steps_give_the_local_link_tables_on_the_story_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Ray composition of the link steps (map_groups per bucket and per speaker, the driver's
    clusterer) equals ``links.link_tables``, which tests/scale/test_links.py holds equal to the
    incremental linker on the same collection."""
    import pyarrow.parquet as pq

    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
    articles = [gold.article for gold in load_collection()[0]]
    rows = _link(
        ray.data.from_items([to_row(a) for a in articles]),
        tmp_path,
        workers=2,
        settings=DriverSettings.capture(),
    )
    expected = links.link_tables(articles, HashingEncoder())
    assert rows["story_articles"] == len(articles) and rows["statement_group_members"] > 10
    for table in ("duplicates", *links.GROUP_TABLES, *links.STORY_TABLES):
        got = pq.read_table(tmp_path / f"{table}.parquet").to_pylist()
        assert _canonical(got) == _canonical(expected[table]), table


def _canonical(rows: list[dict[str, object]]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=repr) for row in rows)


def test_ray_workers_resolve_the_driver_settings(tmp_path: Path) -> None:
    config = tmp_path / "team.toml"
    config.write_text('[linking]\nencoder = "hashing"\n\n[query]\ntimeout_s = 7.5\n', encoding="utf-8")
    use_config(config)
    try:
        expected, snapshot = repr(get_settings()), DriverSettings.capture()
    finally:
        reset_settings()
    assert ray.get(_settings_in_worker.remote(snapshot)) == expected
    assert "timeout_s=7.5" in expected


@ray.remote(num_cpus=0)
def _settings_in_worker(snapshot: DriverSettings) -> str:
    snapshot.apply()
    return repr(get_settings())


def test_an_unreachable_address_is_one_line_naming_it_and_the_token_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(**_options: object) -> None:
        raise ConnectionError("Failed to connect") from RuntimeError("InvalidAuthToken: token is missing")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", refuse)
    monkeypatch.delenv("RAY_AUTH_MODE", raising=False)
    with pytest.raises(BatchError, match=r"--address 10.0.0.9:6379: cannot connect .*RAY_AUTH_MODE=token"):
        start_ray(address="10.0.0.9:6379", workers=2)


def test_without_an_address_ray_starts_locally_even_where_ray_start_left_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **options: calls.append(options))
    start_ray(address=None, workers=3)
    assert calls and calls[0]["address"] == "local" and calls[0]["num_cpus"] == 3


def test_batch_refuses_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="no such file"):
        run_batch([str(tmp_path / "missing.txt")], tmp_path / "out")


def test_batch_reports_bad_inputs_one_line_each_and_writes_the_rest(tmp_path: Path) -> None:
    text = "Die Ministerin sagte am Montag, der Haushalt sei solide."
    line = json.dumps({"text": text, "language": "de"})
    (tmp_path / "good.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    report = run_batch(
        [str(tmp_path / name) for name in ("good.jsonl", "bad.jsonl", "empty.jsonl")], tmp_path / "out"
    )
    assert report.records == 1
    assert sorted(failure.split(":")[0].rsplit("/", 1)[-1] for failure in report.failures) == [
        "bad.jsonl",
        "empty.jsonl",
    ]
    assert [article.text[:14] for article in read_records(tmp_path / "out")] == ["Die Ministerin"]


def test_file_url_input_and_output_give_the_local_run_s_records_and_links(
    output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The object-store path (pyarrow file systems, bytes to the readers) on ``file://`` URLs."""
    import shutil

    import pyarrow.parquet as pq

    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
    news = tmp_path / "news"
    (news / "deep").mkdir(parents=True)
    shutil.copy(INPUTS[0], news)
    shutil.copy(INPUTS[1], news / "deep")
    report = run_batch([f"file://{news}/"], f"file://{tmp_path}/out/", workers=2, jsonl=True, link=True)
    far = tmp_path / "out"
    assert report.failures == [] and report.records == len(_without_paths(output))
    assert _without_paths(far) == _without_paths(output)
    paths = {article.meta["path"] for article in read_records(far)}
    assert paths == {f"file://{news}/agenturmeldungen.jsonl", f"file://{news}/deep/2025-03-05_haushalt.txt"}
    lines = (far / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"] for line in lines} == {a.id for a in read_records(output)}
    for table in ("duplicates", *links.GROUP_TABLES, *links.STORY_TABLES):
        got = pq.read_table(far / "links" / f"{table}.parquet").to_pylist()
        assert _canonical(got) == _canonical(pq.read_table(output / "links" / f"{table}.parquet").to_pylist())


def _without_paths(folder: Path) -> set[str]:
    """The records of a batch output without ``meta.path`` (a URL names its source by its URL)."""
    records = [json.loads(record_json(article)) for article in read_records(folder)]
    return {json.dumps({**r, "meta": {k: v for k, v in r["meta"].items() if k != "path"}}) for r in records}
