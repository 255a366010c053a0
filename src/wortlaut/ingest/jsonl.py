"""JSON Lines: one article object per line (and ``.json``: one object or a list of them).

Keys: ``text`` (required), and optionally ``id``, ``title``, ``published``,
``url``, ``source``, ``language``; any other keys are kept in ``meta``.  A
bad line is reported with its line number and the rest of the file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from wortlaut.article import Article
from wortlaut.ingest.errors import BadInput, IngestError
from wortlaut.ingest.limits import MAX_DOCUMENT_BYTES, human_size

_FIELDS = ("title", "published", "url", "source", "language")


def read_jsonl(lines: Iterable[bytes], name: str) -> Iterator[Article | IngestError]:
    """Yield one article (or error) per non-blank line."""
    records = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        records += 1
        try:
            yield _record_article(raw)
        except BadInput as error:
            yield IngestError(path=f"{name}:{number}", reason=str(error))
    if records == 0:
        raise BadInput("empty file")


def read_json(data: bytes, name: str) -> Iterator[Article | IngestError]:
    """A ``.json`` file: one article object, or a list of them (reported by index)."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise BadInput(f"invalid UTF-8 at byte {error.start}") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records):
        try:
            yield _from_record(record, "json")
        except BadInput as error:
            yield IngestError(path=f"{name}#{number}" if isinstance(value, list) else name, reason=str(error))


def _record_article(raw: bytes) -> Article:
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise BadInput(f"record is {human_size(len(raw))}, over the {human_size(MAX_DOCUMENT_BYTES)} limit")
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise BadInput(f"invalid UTF-8 at byte {error.start}") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"invalid JSON: {error.msg} (column {error.colno})") from None
    return _from_record(record)


def _from_record(record: Any, fmt: str = "jsonl") -> Article:
    if not isinstance(record, dict):
        raise BadInput(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInput('no "text" string in the record')
    fields: dict[str, Any] = {}
    for key in _FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadInput(f'"{key}" must be a string, got {type(value).__name__}')
        fields[key] = value or None
    given_id = record.get("id")
    meta = {key: value for key, value in record.items() if key not in {"text", "id", *_FIELDS}}
    meta["format"] = fmt
    return Article.create(text, id=str(given_id) if given_id not in (None, "") else None, meta=meta, **fields)
