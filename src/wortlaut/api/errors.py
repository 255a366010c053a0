"""One error shape for every failure: ``{"error": {"code": ..., "message": ...}}``.

Clients (and the web UI) can rely on it whatever went wrong: a bad
parameter, an unknown person, a query that ran too long, or a bug.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from wortlaut.echo import printable
from wortlaut.store import NotFoundError, QueryError, QueryTimeoutError, ReadOnlyError, StoreError

_LOG = logging.getLogger("wortlaut.api")

#: HTTP status -> error code used in the body.
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` entries documenting the error shape for these statuses."""
    return {status: {"model": ErrorBody, "description": _CODES.get(status, "error").replace("_", " ")}
            for status in statuses}  # fmt: skip


class ApiError(Exception):
    """An error with a status, a code and a message for the client."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message


#: Statuses sent before the request body was read to its end: the connection cannot carry another
#: request, so the answer says ``Connection: close`` and the server closes it at once instead of
#: waiting on a client that may be trickling bytes to hold it open.
_CLOSING = frozenset({408, 413})


def error_response(status: int, message: str, code: str | None = None) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status in _CLOSING:
        headers = {"Connection": "close"}
    body = {"error": {"code": code or _CODES.get(status, "error"), "message": printable(message)}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the error shape."""

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.message, error.code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return error_response(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(error))

    @app.exception_handler(NotFoundError)
    async def not_found(_request: Request, error: NotFoundError) -> JSONResponse:
        return error_response(404, str(error).strip("'\""))

    @app.exception_handler(QueryError)
    async def bad_query(_request: Request, error: QueryError) -> JSONResponse:
        return error_response(400, str(error), "bad_query")

    @app.exception_handler(QueryTimeoutError)
    async def timeout(_request: Request, error: QueryTimeoutError) -> JSONResponse:
        return error_response(503, str(error), "query_timeout")

    @app.exception_handler(ReadOnlyError)
    async def read_only(_request: Request, error: ReadOnlyError) -> JSONResponse:
        return error_response(403, str(error), "read_only")

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, error: StoreError) -> JSONResponse:
        _LOG.error("store error: %s", error)
        return error_response(500, "the store could not answer", "store_error")

    @app.exception_handler(Exception)
    async def internal(_request: Request, error: Exception) -> JSONResponse:
        _LOG.exception("unhandled error", exc_info=error)
        return error_response(500, "internal error", "internal")
