"""Generic JSON codec for the frozen record dataclasses of :mod:`wortlaut.article`.

Records are plain frozen dataclasses; encoding walks their fields, decoding
rebuilds them from their type hints.  Keeping this generic means a new field
on a record needs no serialisation code, and ``from_json(to_json(x)) == x``
holds for every record by construction.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import types
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

JSONValue = Any


#: Field names of each type :func:`encode` met (``None``: not a dataclass).
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (in order), ``None`` for any other type.

    Asked once per type instead of per value: the store encodes every analysed
    article, about 800 values each.
    """
    if cls not in _FIELDS:
        record = dataclasses.is_dataclass(cls)
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls)) if record else None
    return _FIELDS[cls]


def encode(value: Any) -> JSONValue:
    """Turn records, tuples and mappings into JSON-compatible values."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    names = _field_names(type(value))
    if names is not None:
        custom = getattr(value, "__json__", None)
        if custom is not None:
            return custom()
        return {name: encode(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def decode(tp: Any, data: JSONValue) -> Any:
    """Rebuild a value of type ``tp`` from its JSON form."""
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        return decode(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in data)
        return tuple(decode(arg, item) for arg, item in zip(args, data, strict=False))
    if origin in (dict, collections.abc.Mapping) or tp is dict:
        args = get_args(tp)
        value_type = args[1] if len(args) == 2 else Any
        return {key: decode(value_type, item) for key, item in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        custom = getattr(tp, "__from_json__", None)
        if custom is not None:
            return custom(data)
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        kwargs = {key: decode(hints[key], item) for key, item in data.items() if key in names}
        return tp(**kwargs)
    return data
