"""JSON Lines: one article object per line (and ``.json``: one object or a list of them).

Keys: ``text`` (required), and optionally ``id``, ``title``, ``published``,
``url``, ``source``, ``language``; any other keys are kept in ``meta``.  A
bad line is reported with its line number and the rest of the file is read.

Lines are read with a length limit (:data:`MAX_DOCUMENT_BYTES`): an
over-long line is skipped in chunks and reported, never held in memory whole.
A record nested too deeply for the parser, or holding a lone surrogate
(``"\\ud800"``, valid JSON but not text), is rejected alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from wortlaut.article import Article
from wortlaut.ingest.errors import BadInput, IngestError
from wortlaut.ingest.limits import MAX_DOCUMENT_BYTES, human_size

_FIELDS = ("title", "published", "url", "source", "language")


#: Bytes read at a time while skipping the rest of an over-long line.
_SKIP_CHUNK = 1 << 20


def bounded_lines(stream: IO[bytes], limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes | int]:
    """The lines of a stream; a line over ``limit`` bytes is skipped and yielded as its length.

    At most ``limit + 1`` bytes of a line are ever held in memory.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield size


def read_jsonl(stream: IO[bytes], name: str) -> Iterator[Article | IngestError]:
    """Yield one article (or error) per non-blank line."""
    records = 0
    for number, raw in enumerate(bounded_lines(stream), start=1):
        if isinstance(raw, int):
            records += 1
            reason = f"record is {human_size(raw)}, over the {human_size(MAX_DOCUMENT_BYTES)} limit"
            yield IngestError(path=f"{name}:{number}", reason=reason)
            continue
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
    value = _parse(data, with_line=True)
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records):
        try:
            yield _from_record(record, "json")
        except BadInput as error:
            yield IngestError(path=f"{name}#{number}" if isinstance(value, list) else name, reason=str(error))


def _record_article(raw: bytes) -> Article:
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise BadInput(f"record is {human_size(len(raw))}, over the {human_size(MAX_DOCUMENT_BYTES)} limit")
    return _from_record(_parse(raw, with_line=False))


def _parse(data: bytes, *, with_line: bool) -> Any:
    """Parsed JSON, or :class:`BadInput` for bad UTF-8, bad JSON, too deep nesting, lone surrogates."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise BadInput(f"invalid UTF-8 at byte {error.start}") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}" if with_line else f"column {error.colno}"
        raise BadInput(f"invalid JSON: {error.msg} ({where})") from None
    except RecursionError:
        raise BadInput("JSON nested too deeply") from None
    try:  # "\ud800" escapes parse into lone surrogates, which no text column can store
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadInput(f"string holds a lone surrogate (\\u{ord(error.object[error.start]):04x})") from None
    except RecursionError:
        raise BadInput("JSON nested too deeply") from None
    return value


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
