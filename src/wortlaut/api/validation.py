"""Checks on what clients send: real calendar dates, JSON shape, and posted ``wortlaut/1`` records.

A posted record is stored as it is and later rendered by the web UI, so
anything the UI assumes must hold before it is stored: every field has the
type its record class declares, and every span's offsets are integers inside
the article text.  Checking once at the door keeps the pages free of
defensive code and guarantees they never answer 500 for a stored article.
"""

from __future__ import annotations

import dataclasses
import re
import types
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from wortlaut.article import Article
from wortlaut.echo import printable

#: Deepest JSON nesting accepted in a body; a wortlaut/1 record needs 6 levels, so 64 is generous
#: while far below Python's recursion limit, which deeper data would hit in any recursive code.
MAX_JSON_DEPTH = 64
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def is_partial_date(text: str) -> bool:
    """Whether ``text`` is a real ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``2025-02-30`` is not)."""
    match = _PARTIAL_DATE.match(text)
    if match is None:
        return False
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def check_date(value: str | None) -> str | None:
    """Validator for date query parameters: ``value``, or ``ValueError`` naming what is wrong."""
    if value is not None and not is_partial_date(value):
        raise ValueError(f"{printable(value, 40)!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def json_problem(value: Any) -> str | None:
    """Why a parsed JSON body cannot be used (too deep, lone surrogates), or ``None``; iterative."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return f"JSON nested deeper than {MAX_JSON_DEPTH} levels"
        if isinstance(item, str):
            if not _encodable(item):
                return "a string holds a lone surrogate (not valid Unicode)"
        elif isinstance(item, dict):
            for key, child in item.items():
                if not _encodable(key):
                    return "a key holds a lone surrogate (not valid Unicode)"
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def record_problem(record: dict[str, Any]) -> str | None:
    """The first field of a wortlaut/1 record whose JSON type does not match its declaration."""
    return _type_problem(Article, {k: v for k, v in record.items() if k != "schema"}, "record")


def _type_problem(tp: Any, data: Any, where: str) -> str | None:
    if data is None or tp is Any:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        problems = [_type_problem(option, data, where) for option in options]
        return None if any(problem is None for problem in problems) else problems[0]
    if origin is Literal:
        return None if data in get_args(tp) else f"{where}: must be one of {get_args(tp)}"
    if origin is tuple:
        if not isinstance(data, list):
            return f"{where}: must be a list"
        args = get_args(tp)
        kinds = [args[0]] * len(data) if len(args) == 2 and args[1] is Ellipsis else list(args)
        if len(kinds) != len(data):
            return f"{where}: must have {len(kinds)} items"
        return next((p for i, (k, d) in enumerate(zip(kinds, data, strict=True))
                     if (p := _type_problem(k, d, f"{where}[{i}]"))), None)  # fmt: skip
    if origin is dict or tp is dict or origin is not None:
        return None if isinstance(data, dict) else f"{where}: must be an object"
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            return f"{where}: must be an object"
        hints = get_type_hints(tp)
        for key, item in data.items():
            problem = _type_problem(hints[key], item, f"{where}.{key}") if key in hints else None
            if problem:
                return problem
        return None
    return _scalar_problem(tp, data, where)


def _scalar_problem(tp: Any, data: Any, where: str) -> str | None:
    if tp is bool:
        ok = isinstance(data, bool)
    elif tp is int:
        ok = isinstance(data, int) and not isinstance(data, bool)
    elif tp is float:
        ok = isinstance(data, int | float) and not isinstance(data, bool)
    elif tp is str:
        ok = isinstance(data, str)
    else:
        ok = True
    return None if ok else f"{where}: must be {getattr(tp, '__name__', tp)}"


def offset_problem(article: Article) -> str | None:
    """The first span whose offsets fall outside the text or run backwards, or ``None``."""
    size = len(article.text)
    stack: list[Any] = [getattr(article, f.name) for f in dataclasses.fields(article)]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            names = {f.name for f in dataclasses.fields(item)}
            if {"start", "end", "text"} <= names:
                parts = [(item.start, item.end), *(getattr(item, "spans", None) or ())]  # type: ignore[attr-defined]
                if not all(0 <= start <= end <= size for start, end in parts):
                    return f"{type(item).__name__} {parts[0]}: offsets outside the text (0..{size})"
            stack.extend(getattr(item, name) for name in names)
    return None
