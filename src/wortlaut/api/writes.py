"""``POST /articles``: add articles over HTTP, only with a configured bearer token.

The body is read and checked by hand rather than by a model so that every
way it can be wrong gets its own clear answer: no token (401/403), not JSON
(415), too large (413), malformed (400), or well-formed but not an article
(422).
"""

from __future__ import annotations

import asyncio
import hmac
import json
from pathlib import Path
from threading import Lock
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from wortlaut.api.errors import ApiError, responses
from wortlaut.api.validation import MAX_JSON_DEPTH, json_problem, offset_problem, record_problem
from wortlaut.article import Article
from wortlaut.store import Store, to_data

#: Largest request body (bytes): 100 articles of a generous 50 KB each.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: Most articles in one request.
MAX_ARTICLES = 100
#: Seconds a client has to send the whole body: 5 MB arrive in well under a second on any network
#: a newsroom uses; a client trickling bytes to hold a connection open is cut off here.
BODY_TIMEOUT = 30.0
_TEXT_FIELDS = ("id", "title", "url", "source", "published", "language")

_NEW_ARTICLE: dict[str, Any] = {
    "type": "object",
    "description": "A text to analyse (with optional metadata), or a full wortlaut/1 record with "
    '"schema": "wortlaut/1", stored as it is.',
    "properties": {
        "text": {"type": "string", "minLength": 1},
        **{name: {"type": "string"} for name in _TEXT_FIELDS},
    },
    "required": ["text"],
}
_BODY_SCHEMA: dict[str, Any] = {
    "oneOf": [_NEW_ARTICLE, {"type": "array", "items": _NEW_ARTICLE, "minItems": 1, "maxItems": MAX_ARTICLES}]
}


def _check_token(request: Request, token: str | None) -> None:
    if token is None:
        raise ApiError(403, "adding articles is disabled; start the server with --token", "writes_disabled")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "missing or wrong bearer token (Authorization: Bearer <token>)")


async def _read_body(request: Request) -> bytes:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(415, f"expected Content-Type application/json, got {content_type or 'none'!r}")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError(413, f"body is over the {MAX_BODY_BYTES // (1024 * 1024)} MB limit")
    body = bytearray()
    try:
        async with asyncio.timeout(BODY_TIMEOUT):
            async for chunk in request.stream():
                body.extend(chunk)
                if len(body) > MAX_BODY_BYTES:
                    raise ApiError(413, f"body is over the {MAX_BODY_BYTES // (1024 * 1024)} MB limit")
    except TimeoutError:
        raise ApiError(408, f"the body did not arrive within {BODY_TIMEOUT:.0f} s", "body_timeout") from None
    return bytes(body)


def _parse(body: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(body)
    except RecursionError:
        raise ApiError(400, f"JSON nested deeper than {MAX_JSON_DEPTH} levels", "too_deep") from None
    except UnicodeDecodeError:
        raise ApiError(400, "body is not valid UTF-8", "malformed_json") from None
    except json.JSONDecodeError as error:
        raise ApiError(400, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}",
                       "malformed_json") from None  # fmt: skip
    problem = json_problem(data)
    if problem:
        raise ApiError(400, problem, "malformed_json")
    records = data if isinstance(data, list) else [data]
    if not records or len(records) > MAX_ARTICLES:
        raise ApiError(422, f"send one article object or a list of 1 to {MAX_ARTICLES}")
    if not all(isinstance(record, dict) for record in records):
        raise ApiError(422, "every article must be a JSON object")
    return records


def _stored_record(record: dict[str, Any], index: int) -> Article:
    """A full wortlaut/1 record, checked so that every page can render it (types, then offsets)."""
    problem = record_problem(record)
    if problem is None:
        try:
            article = Article.from_json(record)
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            problem = str(error)
        else:
            problem = offset_problem(article)
            if problem is None:
                return article
    raise ApiError(422, f"article {index}: not a valid wortlaut/1 record ({problem})")


def _article(record: dict[str, Any], index: int) -> tuple[Article, bool]:
    """The article a record describes, and whether it still needs analysis."""
    if "schema" in record:
        return _stored_record(record, index), False
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(422, f'article {index}: "text" must be a non-empty string')
    fields: dict[str, str | None] = {}
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ApiError(422, f'article {index}: "{name}" must be a string')
        fields[name] = value or None
    given_id = fields.pop("id")
    return Article.create(text, id=given_id, **fields), True


def add_router(db_path: Path | str, *, token: str | None, lock: Lock) -> APIRouter:
    """The router with ``POST /articles`` writing to ``db_path`` through one lock."""
    router = APIRouter()

    def store_all(articles: list[tuple[Article, bool]], analyze: bool) -> list[Any]:
        from wortlaut.analysis import analyze_article

        ready = [analyze_article(item) if needs and analyze else item for item, needs in articles]
        with lock, Store.open(db_path) as store:
            return store.add_many(ready)

    @router.post(
        "/articles",
        status_code=201,
        summary="Add articles (needs the server's bearer token)",
        responses=responses(401, 403, 408, 413, 415),
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": _BODY_SCHEMA}}},
        },
    )
    async def add_articles(request: Request, analyze: bool = True) -> JSONResponse:
        _check_token(request, token)
        records = _parse(await _read_body(request))
        articles = [_article(record, index) for index, record in enumerate(records)]
        results = await run_in_threadpool(store_all, articles, analyze)
        return JSONResponse({"results": to_data(results)}, status_code=201)

    return router
