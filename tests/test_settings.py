"""Settings: defaults equal the values the code used before, a TOML file overrides them, the
environment overrides the file, and a bad file or variable fails with one line naming it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from wortlaut import settings
from wortlaut.cli.docgen import DOC_PATH
from wortlaut.cli.settings_doc import EXAMPLE, key_rows
from wortlaut.settings import Settings, SettingsError, get_settings, load_settings, reset_settings


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    reset_settings()
    yield
    reset_settings()


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wortlaut.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_the_values_the_code_used_before() -> None:
    from wortlaut.link import statements, stories
    from wortlaut.store.loader import DEFAULT_BATCH_SIZE

    defaults = load_settings(None, {})
    assert defaults == Settings()
    assert defaults.query.timeout_s == 5.0 and defaults.query.api_timeout_s == 2.0
    assert defaults.ingest.batch_size == DEFAULT_BATCH_SIZE and defaults.ingest.workers is None
    assert defaults.linking.encoder == "cascade" and defaults.log_level == "warning"
    assert defaults.paths.db is None and defaults.paths.shared is None and defaults.paths.kb == ""
    hashing = defaults.linking.for_family("hashing")
    assert (hashing.same_language, hashing.cross_language) == (statements.HASHING_THRESHOLD,) * 2
    assert (hashing.story, hashing.article_words) == (
        stories.HASHING_STORY_THRESHOLD,
        stories.HASHING_ARTICLE_WORDS,
    )
    e5 = defaults.linking.for_family("e5")
    assert (e5.same_language, e5.cross_language) == (
        statements.SAME_LANGUAGE_THRESHOLD,
        statements.CROSS_LANGUAGE_THRESHOLD,
    )
    assert (e5.story, e5.article_words) == (stories.STORY_THRESHOLD, stories.ARTICLE_WORDS)


def test_a_family_without_calibration_gets_e5s() -> None:
    defaults = Settings().linking
    assert defaults.for_family("bge") == defaults.for_family("e5")


def test_file_overrides_defaults_and_environment_overrides_file(tmp_path: Path) -> None:
    config = _file(
        tmp_path, '[query]\ntimeout_s = 9\n[ingest]\nbatch_size = 8\n[paths]\ndb = "file.sqlite"\n'
    )
    from_file = load_settings(config, {})
    assert from_file.query.timeout_s == 9.0 and isinstance(from_file.query.timeout_s, float)
    assert from_file.ingest.batch_size == 8 and from_file.paths.db == "file.sqlite"
    assert from_file.ingest.workers is None  # keys the file leaves out keep their defaults
    both = load_settings(config, {"WORTLAUT_INGEST_BATCH_SIZE": "4", "WORTLAUT_DB": "env.sqlite"})
    assert both.ingest.batch_size == 4 and both.paths.db == "env.sqlite"
    assert both.query.timeout_s == 9.0  # the file still wins over the default where no variable is set


def test_empty_variables_count_as_unset(tmp_path: Path) -> None:
    config = _file(tmp_path, '[paths]\ndb = "file.sqlite"\n')
    assert load_settings(config, {"WORTLAUT_DB": ""}).paths.db == "file.sqlite"


@pytest.mark.parametrize(
    ("variable", "raw", "read"),
    [
        ("WORTLAUT_PIPELINE_CHECK_CONTRACTS", "yes", lambda s: s.pipeline.check_contracts is True),
        ("WORTLAUT_PIPELINE_CHECK_CONTRACTS", "0", lambda s: s.pipeline.check_contracts is False),
        ("WORTLAUT_QUERY_TIMEOUT_S", "0.5", lambda s: s.query.timeout_s == 0.5),
        ("WORTLAUT_INGEST_WORKERS", "3", lambda s: s.ingest.workers == 3),
        ("WORTLAUT_SHARED", "/data/shared", lambda s: s.paths.shared == Path("/data/shared")),
        ("WORTLAUT_LOG_LEVEL", "INFO", lambda s: s.log_level == "info"),
        ("WORTLAUT_TOKEN", "s3cret", lambda s: s.serve.token == "s3cret"),
        ("WORTLAUT_LANG", "en", lambda s: s.lang == "en"),
    ],
)
def test_environment_variables_are_read_as_their_keys_type(variable: str, raw: str, read: object) -> None:
    assert callable(read) and read(load_settings(None, {variable: raw}))


def test_calibration_from_the_file_changes_only_the_keys_given(tmp_path: Path) -> None:
    config = _file(
        tmp_path, "[linking.calibration.hashing]\nstory = 0.75\n[linking.calibration.bge]\nstory = 0.9\n"
    )
    linking = load_settings(config, {}).linking
    default = Settings().linking
    assert linking.for_family("hashing").story == 0.75
    assert linking.for_family("hashing").article_words == default.for_family("hashing").article_words
    assert linking.for_family("bge").story == 0.9
    assert linking.for_family("bge").same_language == default.for_family("e5").same_language


def test_stage_options_are_kept_per_stage(tmp_path: Path) -> None:
    config = _file(tmp_path, '[pipeline.stage_options."statements.rules.v1"]\nmax_words = 80\n')
    assert load_settings(config, {}).pipeline.stage_options == {"statements.rules.v1": {"max_words": 80}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[query]\ntimeuot_s = 3\n", r"key 'query.timeuot_s': unknown key"),
        ("[querry]\ntimeout_s = 3\n", r"key 'querry': unknown key"),
        ('[query]\ntimeout_s = "fast"\n', r"key 'query.timeout_s': expected a number, not str"),
        ("[ingest]\nbatch_size = 2.5\n", r"key 'ingest.batch_size': expected an integer, not float"),
        ("[ingest]\nworkers = 0\n", r"key 'ingest.workers': must be greater than 0"),
        ("[pipeline]\ncheck_contracts = 1\n", r"key 'pipeline.check_contracts': expected true or false"),
        ("query = 5\n", r"key 'query': expected a table, not int"),
        ('log_level = "loud"\n', r"key 'log_level': 'loud' is not one of debug, info, warning, error"),
        (
            "[linking.calibration.e5]\nthreshold = 0.9\n",
            r"key 'linking.calibration.e5.threshold': unknown key",
        ),
        ("[linking.calibration.e5]\narticle_words = 30.5\n", r"article_words': expected an integer"),
        ("[pipeline]\nstage_options = { x = 1 }\n", r"key 'pipeline.stage_options.x': expected a table"),
        ("[query\n", r"not valid TOML"),
    ],
)
def test_a_bad_file_names_the_file_the_key_and_the_reason(tmp_path: Path, text: str, message: str) -> None:
    config = _file(tmp_path, text)
    with pytest.raises(SettingsError, match=re.escape(str(config)) + ": .*" + message):
        load_settings(config, {})


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"nope\.toml: cannot read the settings file"):
        load_settings(tmp_path / "nope.toml", {})


@pytest.mark.parametrize(
    ("variable", "raw", "message"),
    [
        ("WORTLAUT_INGEST_BATCH_SIZE", "many", "WORTLAUT_INGEST_BATCH_SIZE: 'many' is not an integer"),
        ("WORTLAUT_QUERY_TIMEOUT_S", "-1", "WORTLAUT_QUERY_TIMEOUT_S: must be greater than 0"),
        ("WORTLAUT_PIPELINE_CHECK_CONTRACTS", "maybe", "'maybe' is not one of 1, true"),
        ("WORTLAUT_LOG_LEVEL", "loud", "WORTLAUT_LOG_LEVEL: 'loud' is not one of debug"),
    ],
)
def test_a_bad_variable_names_the_variable_and_the_reason(variable: str, raw: str, message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_settings(None, {variable: raw})


def test_get_settings_reads_wortlaut_toml_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _file(tmp_path, "[ingest]\nbatch_size = 7\n")
    monkeypatch.delenv("WORTLAUT_INGEST_BATCH_SIZE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert get_settings().ingest.batch_size == 7
    monkeypatch.setenv("WORTLAUT_INGEST_BATCH_SIZE", "6")  # a changed variable is seen without a reset
    assert get_settings().ingest.batch_size == 6


def test_an_explicit_config_wins_over_the_working_directorys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _file(tmp_path, "[ingest]\nbatch_size = 7\n")
    other = tmp_path / "other.toml"
    other.write_text("[ingest]\nbatch_size = 9\n", encoding="utf-8")
    monkeypatch.delenv("WORTLAUT_INGEST_BATCH_SIZE", raising=False)
    monkeypatch.chdir(tmp_path)
    settings.use_config(other)
    assert settings.config_file() == other and get_settings().ingest.batch_size == 9
    reset_settings()
    assert get_settings().ingest.batch_size == 7


def test_the_docs_list_every_key_with_its_default_and_variable() -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    for key, default, env, _meaning in key_rows():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{key}` |")), "")
        assert row, f"settings key {key} is undocumented: run python -m wortlaut.cli.docgen"
        assert default in row and env in row
    for _key, _path, _cls in settings.environment_keys():
        assert f"`{_path}`" in text


def test_the_documented_example_file_is_valid(tmp_path: Path) -> None:
    loaded = load_settings(_file(tmp_path, EXAMPLE), {})
    assert loaded.linking.encoder == "hashing" and loaded.linking.for_family("hashing").story == 0.75
    assert "```toml\n" + EXAMPLE.rstrip() in DOC_PATH.read_text(encoding="utf-8")


def test_call_sites_read_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wortlaut.link.encoder import E5Encoder, HashingEncoder
    from wortlaut.link.statements import thresholds
    from wortlaut.link.stories import story_threshold
    from wortlaut.store import Store, default_db_path

    assert (HashingEncoder.family, E5Encoder.family) == ("hashing", "e5")
    _file(
        tmp_path,
        "[linking.calibration.hashing]\nstory = 0.75\nsame_language = 0.5\n[query]\ntimeout_s = 0.5\n",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WORTLAUT_DB", str(tmp_path / "env.sqlite"))
    assert story_threshold("hashing") == 0.75 and thresholds("hashing") == (
        0.5,
        Settings().linking.for_family("hashing").cross_language,
    )
    assert default_db_path() == tmp_path / "env.sqlite"
    with Store.open(":memory:") as store:
        assert store.query_timeout == 0.5
    with Store.open(":memory:", query_timeout=3.0) as store:
        assert store.query_timeout == 3.0  # an explicit argument wins
