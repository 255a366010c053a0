"""The options every command takes: ``--config FILE`` and ``-v``/``-q`` (log level on stderr)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from wortlaut import settings
from wortlaut.cli import main
from wortlaut.cli.logs import configure, level_for


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("WORTLAUT_LOG_LEVEL", raising=False)
    monkeypatch.delenv("WORTLAUT_DB", raising=False)
    settings.reset_settings()
    yield
    settings.reset_settings()


@pytest.mark.parametrize(
    ("setting", "shift", "level"),
    [
        ("warning", 0, logging.WARNING),
        ("warning", 1, logging.INFO),
        ("warning", 2, logging.DEBUG),
        ("warning", 5, logging.DEBUG),
        ("warning", -1, logging.ERROR),
        ("warning", -3, logging.ERROR),
        ("debug", -1, logging.INFO),
    ],
)
def test_each_v_or_q_moves_the_level_one_step(setting: str, shift: int, level: int) -> None:
    assert level_for(setting, shift) == level


def _level_seen_by_a_command(args: list[str], **env: str) -> int:
    """The ``wortlaut`` logger's level while a command runs (probed from inside one)."""
    seen: list[int] = []

    @main.command(name="probe-level")
    def probe() -> None:
        seen.append(logging.getLogger("wortlaut").getEffectiveLevel())
        logging.getLogger("wortlaut.probe").info("an info line")

    try:
        result = CliRunner().invoke(main, [*args, "probe-level"], env=env or None)
    finally:
        main.commands.pop("probe-level")
    assert result.exit_code == 0, result.output
    return seen[0]


def test_verbose_and_quiet_set_the_log_level() -> None:
    assert _level_seen_by_a_command([]) == logging.WARNING
    assert _level_seen_by_a_command(["-v"]) == logging.INFO
    assert _level_seen_by_a_command(["-vv"]) == logging.DEBUG
    assert _level_seen_by_a_command(["-q"]) == logging.ERROR
    assert _level_seen_by_a_command(["-q"], WORTLAUT_LOG_LEVEL="debug") == logging.INFO


def test_the_level_is_restored_after_the_command() -> None:
    before = logging.getLogger("wortlaut").level
    _level_seen_by_a_command(["-vv"])
    assert logging.getLogger("wortlaut").level == before


def test_log_lines_reach_stderr_with_the_cli_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    restore = configure("info")
    try:
        logging.getLogger("wortlaut.some.module").info("linked %d articles", 3)
        logging.getLogger("wortlaut.some.module").debug("not shown")
    finally:
        restore()
    assert capsys.readouterr().err == "wortlaut: info: linked 3 articles\n"


def test_a_bad_config_file_stops_the_command_with_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[query]\ntimeuot_s = 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "said", "Merz"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"wortlaut: error: {config}: key 'query.timeuot_s': unknown key (known: api_timeout_s, timeout_s)"
    ]


def test_a_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--config", str(tmp_path / "none.toml"), "said", "Merz"])
    assert result.exit_code == 2 and "cannot read the settings file" in result.output


def test_the_config_file_sets_the_default_store(tmp_path: Path) -> None:
    store = tmp_path / "from-config.sqlite"
    config = tmp_path / "wortlaut.toml"
    config.write_text(f'[paths]\ndb = "{store}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), "said", "Merz"])
    assert result.exit_code == 3 and f"{store}: no such store" in result.output
    assert settings.config_file() is None  # --config applies to that command only


def test_global_options_are_listed_in_help() -> None:
    text = main.get_help(click.Context(main, info_name="wortlaut"))
    for flag in ("--config", "--verbose", "--quiet", "-v", "-q"):
        assert flag in text
