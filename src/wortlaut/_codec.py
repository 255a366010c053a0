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
from collections.abc import Callable
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

JSONValue = Any


#: The encoder of each type :func:`encode` met: asked once per type instead of per value (the store
#: encodes every analysed article in the single writing process, ~570 values each).
_ENCODERS: dict[type, Callable[[Any], JSONValue]] = {}

#: Types whose values are their own JSON value: checked by identity before any look-up.
_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None)})


def _same(value: Any) -> JSONValue:
    return value


def _item(value: Any) -> JSONValue:
    """:func:`encode`, with plain values returned without a call."""
    return value if type(value) in _PLAIN else encode(value)


def _encoder_for(cls: type) -> Callable[[Any], JSONValue]:
    """How a value of type ``cls`` is encoded: plain values as they are, records field by field (or by
    their ``__json__``), lists and tuples as lists, mappings with string keys, anything else as it is."""
    if cls is type(None) or issubclass(cls, (str, int, float)):
        return _same
    if dataclasses.is_dataclass(cls):
        custom = getattr(cls, "__json__", None)
        if custom is not None:
            return custom
        names = tuple(f.name for f in dataclasses.fields(cls))
        return lambda value: {name: _item(getattr(value, name)) for name in names}
    if issubclass(cls, (list, tuple)):
        return lambda value: [_item(item) for item in value]
    if issubclass(cls, dict):
        return lambda value: {str(key): _item(item) for key, item in value.items()}
    return _same


def encode(value: Any) -> JSONValue:
    """Turn records, tuples and mappings into JSON-compatible values."""
    cls = type(value)
    encoder = _ENCODERS.get(cls)
    if encoder is None:
        encoder = _ENCODERS[cls] = _encoder_for(cls)
    return encoder(value)


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
