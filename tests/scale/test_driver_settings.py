"""The driver's settings reach a worker process that never saw ``--config`` or the variables."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wortlaut.scale.driver_settings import DriverSettings
from wortlaut.settings import get_settings, reset_settings, use_config

TEAM_TOML = '[linking]\nencoder = "hashing"\n\n[query]\ntimeout_s = 7.5\n'
DECOY_TOML = "[query]\ntimeout_s = 99.0\n"


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    reset_settings()
    yield
    reset_settings()


def _settings_in_fresh_process(snapshot: DriverSettings, cwd: str) -> str:
    """What ``get_settings()`` gives in a spawned interpreter (like a Ray worker) after ``apply``."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_apply_and_read, (snapshot, cwd))


def _apply_and_read(snapshot: DriverSettings, cwd: str) -> str:
    os.chdir(cwd)
    snapshot.apply()
    return repr(get_settings())


def test_worker_resolves_the_driver_config_file_and_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "team.toml"
    config.write_text(TEAM_TOML, encoding="utf-8")
    use_config(config)
    monkeypatch.setenv("WORTLAUT_PIPELINE_CHECK_CONTRACTS", "1")
    expected = get_settings()
    assert expected.query.timeout_s == 7.5 and expected.pipeline.check_contracts
    snapshot = DriverSettings.capture()
    elsewhere = tmp_path / "worker"
    elsewhere.mkdir()
    (elsewhere / "wortlaut.toml").write_text(DECOY_TOML, encoding="utf-8")
    monkeypatch.delenv("WORTLAUT_PIPELINE_CHECK_CONTRACTS")
    assert _settings_in_fresh_process(snapshot, str(elsewhere)) == repr(expected)


def test_worker_of_a_driver_without_config_ignores_a_stray_wortlaut_toml(tmp_path: Path) -> None:
    monkey = pytest.MonkeyPatch()
    monkey.chdir(tmp_path)  # no wortlaut.toml here: the driver runs on the defaults
    try:
        snapshot = DriverSettings.capture()
        expected = repr(get_settings())
    finally:
        monkey.undo()
    (tmp_path / "wortlaut.toml").write_text(DECOY_TOML, encoding="utf-8")
    assert snapshot.config_text == ""
    assert _settings_in_fresh_process(snapshot, str(tmp_path)) == expected


def test_analyzer_actor_applies_the_settings_before_building_its_pipeline(tmp_path: Path) -> None:
    from wortlaut.scale.workers import Analyzer

    config = tmp_path / "team.toml"
    config.write_text(TEAM_TOML, encoding="utf-8")
    use_config(config)
    snapshot = DriverSettings.capture()
    reset_settings()
    assert get_settings().query.timeout_s != 7.5
    Analyzer(settings=snapshot)
    assert get_settings().query.timeout_s == 7.5
