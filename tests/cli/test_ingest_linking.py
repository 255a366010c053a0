"""`wortlaut ingest` reports a batch whose linking failed and exits 1; `wortlaut link` resumes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.cli import main
from wortlaut.store import Store


@pytest.fixture(autouse=True)
def _hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")  # the settings follow the variable, no cache to clear


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Die Ministerin sagte, alles sei gut.", encoding="utf-8")
    (folder / "b.txt").write_text("Der Kanzler sagte, nichts sei gut.", encoding="utf-8")
    return folder


def test_failed_linking_is_reported_per_batch_and_link_resumes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("encoder exploded")

    db = tmp_path / "s.sqlite"
    runner = CliRunner()
    monkeypatch.setattr("wortlaut.link.flow.update", broken)
    args = ["ingest", str(_inputs(tmp_path / "in")), "--db", str(db), "--no-analyze", "--quiet"]
    result = runner.invoke(main, [*args, "--batch-size", "1"])
    assert result.exit_code == 1
    assert result.stderr.count("linking 1 articles") == 2 and "encoder exploded" in result.stderr
    assert "2 added" in result.stderr and "2 stored but not linked" in result.stderr
    with Store.open(db) as store:
        assert store.unlinked() == 2
    monkeypatch.undo()
    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
    result = runner.invoke(main, ["link", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "2 articles linked, 0 failed, 0 still unlinked" in result.stderr
