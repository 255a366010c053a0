"""The settings part of docs/cli.md, generated from :mod:`wortlaut.settings` itself.

Every key is a dataclass field whose metadata carries its meaning and its
environment variable, so the table below cannot miss a key or show a stale
default (tests/test_settings.py checks both).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from wortlaut.settings import SECTIONS, Settings, default_calibrations

#: A settings file using most sections; tests/test_settings.py loads it, so it stays valid.
EXAMPLE = """\
# wortlaut.toml: read from the working directory, or named with `wortlaut --config FILE`.
log_level = "info"
lang = "en"

[paths]
db = "news.sqlite"
kb = "my-entities.yaml"

[query]
timeout_s = 10.0

[ingest]
workers = 4
batch_size = 64

[linking]
encoder = "hashing"

[linking.calibration.hashing]   # only the keys given change; the rest keep their calibration
story = 0.75

[pipeline]
check_contracts = true

# [pipeline.stage_options."STAGE-NAME"]   # keyword options of one registered stage
"""


def _default(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str | Path):
        return f'`"{value}"`'
    if isinstance(value, dict) or hasattr(value, "items"):
        return "(empty)" if not value else f"`{dict(value)}`"
    return f"`{value}`"


def key_rows() -> list[tuple[str, str, str, str]]:
    """(dotted key, default, environment variable, meaning) of every settings key, in file order."""
    defaults = Settings()
    rows = []
    for top in dataclasses.fields(Settings):
        if top.name in SECTIONS:
            section = getattr(defaults, top.name)
            for item in dataclasses.fields(section):
                value = getattr(section, item.name)
                rows.append((f"{top.name}.{item.name}", _default(value), item.metadata.get("env") or "",
                             item.metadata["help"]))  # fmt: skip
        else:
            value = getattr(defaults, top.name)
            rows.append((top.name, _default(value), top.metadata.get("env") or "", top.metadata["help"]))
    return rows


def render() -> str:
    """The ``## Settings`` section of docs/cli.md."""
    lines = [
        "## Settings",
        "",
        "Defaults, then a TOML file (`wortlaut --config FILE`, else `wortlaut.toml` in the working",
        "directory if there is one), then environment variables: each later source wins. A command's",
        "own option (`--db`, `--lang`, `--workers`, `--token` …) wins over all three. An unknown key or",
        "a value of the wrong type stops the command with exit code 2 and one line naming the file",
        "(or variable), the key and the reason. An empty variable counts as unset.",
        "",
        "| key | default | environment | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for key, default, env, meaning in key_rows():
        lines.append(f"| `{key}` | {default} | {f'`{env}`' if env else '(file only)'} | {meaning} |")
    lines += [
        "",
        "Linking calibration per encoder family (`[linking.calibration.FAMILY]`; a family without",
        "values of its own uses e5's). The values and how they were chosen are documented beside",
        "their constants in `src/wortlaut/link/statements.py` and `src/wortlaut/link/stories.py`.",
        "",
        "| family | same_language | cross_language | story | article_words |",
        "| --- | --- | --- | --- | --- |",
    ]
    for family, values in default_calibrations().items():
        lines.append(f"| `{family}` | {values.same_language} | {values.cross_language} | {values.story}"
                     f" | {values.article_words} |")  # fmt: skip
    lines += ["", "Example `wortlaut.toml`:", "", "```toml", EXAMPLE.rstrip(), "```", ""]
    return "\n".join(lines)


__all__ = ["EXAMPLE", "key_rows", "render"]
