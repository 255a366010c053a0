"""The layer contract of pipeline stages, and the checks that hold a stage to it.

A stage declares the :class:`~wortlaut.article.Article` fields it ``reads`` and
``writes``, by name (``"statements"``), or as ``"field.part"`` for one part of a
nested record (``"structure.languages"``) where only that part is the truth.
In check mode (``Pipeline(check=True)``) every stage's output is compared with
its input: a field the stage does not declare must come back equal, and every
offset record anywhere in the article must satisfy
``record.text == article.text[record.start:record.end]`` (a discontinuous one
also for each part).  The first breach raises :class:`ContractError` naming
the stage, the field and the record; that is how a stage that quietly rewrites
another stage's layer, or shifts an offset, is caught in the test suite
rather than in a reader's citation.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from wortlaut.article import Article

#: Every field of an :class:`Article`, the vocabulary of ``reads`` and ``writes``.
ARTICLE_FIELDS = frozenset(field.name for field in dataclasses.fields(Article))
#: Fields an article has before any stage ran: its text and what ingest or the caller gave.
BASE_FIELDS = frozenset({"id", "text", "url", "source", "title", "published", "updated", "language", "meta"})
#: Fields whose values are free-form metadata, not offset records (never walked for spans).
_UNCHECKED = frozenset({"meta"})


class ContractError(RuntimeError):
    """A stage broke its declared contract: it changed an undeclared field or wrote an untrue span."""


def _record_type(field_name: str) -> type | None:
    """The dataclass a field holds (``structure`` -> Structure), or ``None`` for tuples and scalars."""
    hint = typing.get_type_hints(Article)[field_name]
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    records = [option for option in options if isinstance(option, type) and dataclasses.is_dataclass(option)]
    return records[0] if len(records) == 1 else None


def field_error(name: str) -> str | None:
    """Why ``name`` is no valid ``reads``/``writes`` entry, or ``None`` when it is one."""
    head, _, part = name.partition(".")
    if head not in ARTICLE_FIELDS:
        return f"{head!r} is no Article field (fields: {', '.join(sorted(ARTICLE_FIELDS))})"
    if not part:
        return None
    record = _record_type(head)
    if record is None:
        return f"{head!r} holds no record with parts, so {name!r} names nothing"
    parts = {field.name for field in dataclasses.fields(record)}
    if part not in parts:
        return f"{part!r} is no field of {record.__name__} (fields: {', '.join(sorted(parts))})"
    return None


def satisfies(read: str, written: Iterable[str]) -> bool:
    """Whether a read is served by earlier writes: the field itself, or (for ``a.b``) ``a`` or ``a.b``."""
    head = read.partition(".")[0]
    available = set(written) | BASE_FIELDS
    return read in available or head in available


def undeclared_change(before: Article, after: Article, writes: Iterable[str]) -> str | None:
    """The first field (or ``field.part``) that changed although ``writes`` does not declare it."""
    whole = {name for name in writes if "." not in name}
    parts: dict[str, set[str]] = {}
    for name in writes:
        if "." in name:
            head, _, part = name.partition(".")
            parts.setdefault(head, set()).add(part)
    for name in sorted(ARTICLE_FIELDS - whole):
        old, new = getattr(before, name), getattr(after, name)
        if old is new or old == new:
            continue
        if name not in parts or old is None or new is None:
            return name
        kept = dataclasses.replace(new, **{part: getattr(old, part) for part in parts[name]})
        if kept != old:
            changed = [
                f.name for f in dataclasses.fields(old) if getattr(old, f.name) != getattr(new, f.name)
            ]
            return f"{name}.{next(part for part in changed if part not in parts[name])}"
    return None


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record that can hold records (scalar fields are skipped: the walk runs per token)."""
    hints = typing.get_type_hints(cls)
    return tuple(
        field.name
        for field in dataclasses.fields(cls)
        if not set(typing.get_args(hints[field.name]) or (hints[field.name],)) <= _SCALARS
    )


def _records(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(path, record) of every dataclass record inside a value, depth first."""
    kind: type = type(value)
    if hasattr(kind, "__dataclass_fields__"):
        yield path, value
        for name in _field_names(kind):
            yield from _records(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _records(item, f"{path}[{index}]")


def _span_problem(record: Any, text: str) -> str | None:
    """What is wrong with one record's offsets, or ``None`` (records without offsets are fine)."""
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if not isinstance(start, int) or not isinstance(end, int):
        return None  # no offsets (Entity), or not character offsets (Role's validity dates)
    if not 0 <= start <= end <= len(text):
        return f"offsets {start}:{end} outside the text (length {len(text)})"
    own = getattr(record, "text", None)
    if isinstance(own, str) and own != text[start:end]:
        return f"text {own!r} != article.text[{start}:{end}] {text[start:end]!r}"
    previous = start
    for part_start, part_end in getattr(record, "spans", None) or ():
        if not previous <= part_start <= part_end <= end:
            return f"part {part_start}:{part_end} not inside {start}:{end} in order"
        previous = part_end
    return None


def bad_span(article: Article, fields: Iterable[str]) -> str | None:
    """``'path: problem'`` for the first untrue offset record in the given fields, else ``None``."""
    for name in sorted(set(fields) - _UNCHECKED):
        for path, record in _records(getattr(article, name), name):
            problem = _span_problem(record, article.text)
            if problem is not None:
                return f"{path}: {problem}"
    return None


def check_stage(stage_name: str, writes: Iterable[str], before: Article, after: Article) -> None:
    """Raise :class:`ContractError` when ``after`` changes an undeclared field or holds an untrue span."""
    if after.text != before.text:
        raise ContractError(f"stage {stage_name!r} changed the article text")
    field = undeclared_change(before, after, writes)
    if field is not None:
        raise ContractError(
            f"stage {stage_name!r} changed field {field!r}, which it does not declare in writes"
        )
    changed = [name for name in ARTICLE_FIELDS if getattr(before, name) is not getattr(after, name)]
    problem = bad_span(after, changed)
    if problem is not None:
        raise ContractError(f"stage {stage_name!r} wrote an untrue span in {problem}")


def check_input(article: Article) -> None:
    """Raise :class:`ContractError` when an article enters the pipeline with an untrue span already."""
    problem = bad_span(article, ARTICLE_FIELDS)
    if problem is not None:
        raise ContractError(f"article {article.id!r} enters the pipeline with an untrue span in {problem}")
