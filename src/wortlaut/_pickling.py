"""Faster pickling for the frozen slotted records of :mod:`wortlaut.article` (issue 17zb).

Analysed articles cross processes as pickles (ingest workers → main process).
For a frozen dataclass with slots, Python 3.11's ``dataclasses`` pickles each
record through ``_dataclass_getstate``/``_dataclass_setstate``, which call
``dataclasses.fields()`` per record (a Python loop over the class's fields):
about 60 % of pickling and unpickling an analysed article (~100 records).
:func:`fast_state` gives a record class the same state (the list of its field
values in field order, so the same pickle bytes) from the field names read
once, set back through the slots' descriptors as ``_dataclass_setstate``
sets them with ``object.__setattr__``.
"""

from __future__ import annotations

import dataclasses
import operator
import types
from typing import Any, TypeVar

T = TypeVar("T")


def fast_state(cls: type[T]) -> type[T]:
    """Give a frozen slotted dataclass ``__getstate__``/``__setstate__`` without ``fields()`` per call.

    Classes it does not fit (no slots for every field, fewer than two fields,
    an own state method) are returned unchanged.
    """
    names = tuple(field.name for field in dataclasses.fields(cls))  # type: ignore[arg-type]
    slots = [cls.__dict__.get(name) for name in names]
    if len(names) < 2 or not all(isinstance(slot, types.MemberDescriptorType) for slot in slots):
        return cls
    if getattr(cls.__getstate__, "__name__", "") != "_dataclass_getstate":
        return cls
    values = operator.attrgetter(*names)
    setters = tuple(slot.__set__ for slot in slots)  # type: ignore[union-attr]

    def __getstate__(self: Any) -> list[Any]:
        return list(values(self))

    def __setstate__(self: Any, state: list[Any]) -> None:
        for setter, value in zip(setters, state, strict=False):
            setter(self, value)

    cls.__getstate__ = __getstate__  # type: ignore[method-assign]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls
