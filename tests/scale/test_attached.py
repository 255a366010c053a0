"""``wortlaut batch --address`` on a Ray instance started before it (``ray start --head``), as a team runs it.

The instance is the benchmark's :class:`benchmarks.scale_cluster.Cluster` (a temp folder of its
own, so no other ``ray.init()`` on the machine finds it); the job runs as the command a user types,
in its own process, so Ray's token setting is that of a fresh driver: ``ray start`` turns token
authentication on and the job sets ``RAY_AUTH_MODE=token`` (without it the job fails with the
one-line hint tested in test_job).  Skipped with the reason when Ray (the ``scale`` extra) is not
installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wortlaut.ingest import iter_articles
from wortlaut.pipeline import default_pipeline
from wortlaut.samples import SAMPLES_DIR
from wortlaut.scale.records import read_records, record_json

pytestmark = pytest.mark.slow
pytest.importorskip("ray", reason="Ray is not installed (pip install 'wortlaut[scale]')")
from benchmarks.scale_cluster import Cluster  # noqa: E402

INPUTS = [str(SAMPLES_DIR / "agenturmeldungen.jsonl"), str(SAMPLES_DIR / "2025-03-05_haushalt.txt")]


def _batch(address: str, output: Path, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "wortlaut", "batch", *INPUTS, "--output", str(output)]
    command += ["--address", address, "--no-link", "--jsonl"]
    environ = {key: value for key, value in os.environ.items() if key != "RAY_AUTH_MODE"}
    return subprocess.run(command, env={**environ, **env}, capture_output=True, text=True, timeout=600)


def test_a_job_attached_to_a_running_instance_writes_analyze_s_records(tmp_path: Path) -> None:
    pipeline = default_pipeline()
    expected = {
        json.loads(record_json(pipeline(item)))["id"]: record_json(pipeline(item))
        for item in iter_articles(INPUTS)
        if not isinstance(item, Exception)
    }
    with Cluster(workers=2) as cluster:
        done = _batch(cluster.address, tmp_path / "out", RAY_AUTH_MODE="token")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"]: line for line in lines} == expected
    assert {record_json(article) for article in read_records(tmp_path / "out")} == set(expected.values())
