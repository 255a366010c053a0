"""Checking and converting settings values from a TOML file or an environment variable.

Kept apart from :mod:`wortlaut.settings` so that module reads as the list of
settings; the type each value must have comes from the dataclass field it sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints


class SettingsError(ValueError):
    """A settings file or variable that cannot be used; the message names it, the key and the reason."""


#: Spellings of true and false accepted in environment variables.
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _hint(cls: type, key: str) -> Any:
    """The declared type of ``cls.key`` without ``None`` (TOML has no null; unset means default)."""
    hint = get_type_hints(cls)[key]
    if get_origin(hint) in (Union, UnionType):
        hint = next(arg for arg in get_args(hint) if arg is not type(None))
    return get_origin(hint) or hint


def check_table(table: Mapping[str, Any], fields: Mapping[str, Any], source: str, prefix: str) -> None:
    """Fail on the first key of ``table`` that is not a field."""
    for key in table:
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise SettingsError(f"{source}: key '{prefix}{key}': unknown key (known: {known})")


def convert(value: Any, cls: type, key: str, source: str, where: str, *, kind: Any = None) -> Any:
    """``value`` from a TOML file as the type ``cls.key`` declares, or a :class:`SettingsError`."""
    wanted = kind or _hint(cls, key)
    ok = {
        bool: isinstance(value, bool),
        int: isinstance(value, int) and not isinstance(value, bool),
        float: isinstance(value, int | float) and not isinstance(value, bool),
        str: isinstance(value, str),
        Path: isinstance(value, str),
    }.get(wanted, isinstance(value, Mapping))
    if not ok:
        expected = {
            Path: "a path string",
            str: "a string",
            bool: "true or false",
            int: "an integer",
            float: "a number",
        }.get(wanted, "a table")
        raise SettingsError(f"{source}: key {where!r}: expected {expected}, not {type(value).__name__}")
    if wanted in (int, float) and value <= 0:
        raise SettingsError(f"{source}: key {where!r}: must be greater than 0, not {value}")
    return Path(value) if wanted is Path else float(value) if wanted is float else value


def env_value(raw: str, cls: type, key: str, variable: str) -> Any:
    """The value of an environment variable as the type ``cls.key`` declares."""
    wanted = _hint(cls, key)
    text = raw.strip()
    if wanted is bool:
        if text.lower() not in _TRUE + _FALSE:
            raise SettingsError(f"{variable}: {raw!r} is not one of {', '.join(_TRUE + _FALSE)}")
        return text.lower() in _TRUE
    if wanted in (int, float):
        try:
            number = wanted(text)
        except ValueError:
            expected = "an integer" if wanted is int else "a number"
            raise SettingsError(f"{variable}: {raw!r} is not {expected}") from None
        if number <= 0:
            raise SettingsError(f"{variable}: must be greater than 0, not {raw!r}")
        return number
    return Path(raw) if wanted is Path else raw
