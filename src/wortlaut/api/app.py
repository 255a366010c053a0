"""The HTTP API: read endpoints over the store, and ``POST /articles`` behind a token.

Every request opens its own read-only connection with a time limit (cheap
for SQLite, and safe across the server's threads); writes go through one
lock, so there is a single writer.  Page sizes are capped at
:data:`MAX_LIMIT`; bodies at :data:`MAX_BODY_BYTES`.

The web UI plugs in through :func:`create_app`: when a module
``wortlaut.web`` provides ``mount(app, store_factory)``, it is called with
a factory of read-only stores.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from threading import Lock
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from pydantic import AfterValidator

from wortlaut.api import docs_page, errors, security
from wortlaut.api.claims_routes import claims_router
from wortlaut.api.validation import check_date
from wortlaut.api.writes import add_router
from wortlaut.settings import get_settings
from wortlaut.store import SCHEMA_VERSION, Store, to_data
from wortlaut.store.postgres import is_url

#: Largest page a client may ask for; bigger pages make slow responses and big payloads.
MAX_LIMIT = 100
#: Largest offset: deep paging through SQLite OFFSET gets slow; narrow the query instead.
MAX_OFFSET = 10_000
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

StoreFactory = Callable[[], AbstractContextManager[Store]]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip.")]
DateParam = Annotated[
    str | None,
    Query(pattern=_DATE, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD (a real one: not 2025-02-30)."),
    AfterValidator(check_date),
]


def _store(request: Request) -> Iterator[Store]:
    """Dependency: a read-only store for one request, from the app's factory."""
    factory: StoreFactory = request.app.state.store_factory
    with factory() as opened:
        yield opened


StoreDep = Annotated[Store, Depends(_store)]


def store_factory_for(db_path: Path | str, *, timeout: float | None = None) -> StoreFactory:
    """A factory of read-only, time-limited stores on ``db_path`` (default limit: ``query.api_timeout_s``)."""
    timeout = get_settings().query.api_timeout_s if timeout is None else timeout

    @contextmanager
    def open_store() -> Iterator[Store]:
        store = Store.open(db_path, readonly=True, query_timeout=timeout)
        try:
            yield store
        finally:
            store.close()

    return open_store


def create_app(
    db_path: str | os.PathLike[str], *, token: str | None = None, allowed_hosts: Sequence[str] | None = None
) -> Any:
    """The FastAPI application for the store at ``db_path`` (created if missing).

    ``token`` enables ``POST /articles`` for clients that send
    ``Authorization: Bearer <token>``; without it the API is read-only.
    ``allowed_hosts`` are the ``Host`` names answered (default: the loopback
    names, :data:`~wortlaut.api.security.LOCAL_HOSTS`; ``["*"]`` answers any),
    so a web page on another site cannot reach the server by DNS rebinding.
    """
    path: Path | str = str(db_path) if is_url(str(db_path)) else Path(db_path)  # a URL stays as it is
    Store.open(path).close()  # create the file or upgrade its schema before serving
    factory = store_factory_for(path)
    app = FastAPI(
        title="wortlaut",
        version="1",
        description="Who said what, to whom, when and where, in German political news.",
        responses=errors.responses(400, 404, 422, 500, 503),
        docs_url=None,
        redoc_url=None,
    )
    app.state.store_factory = factory
    errors.install(app)

    @app.get("/health", summary="Liveness and store summary")
    def health(db: StoreDep) -> dict[str, Any]:
        return {
            "status": "ok",
            "schema_version": SCHEMA_VERSION,
            "counts": db.counts(),
            "writable": bool(token),
        }

    @app.get("/said", summary="What a speaker said: statement groups with their sources")
    def said(
        db: StoreDep,
        speaker: Annotated[str, Query(min_length=1, max_length=200)],
        about: Annotated[str | None, Query(max_length=500)] = None,
        since: DateParam = None,
        until: DateParam = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        groups = db.said(speaker, about=about, since=since, until=until, limit=limit, offset=offset)
        return {"items": to_data(groups), "limit": limit, "offset": offset}

    @app.get("/persons/{name:path}", summary="A person's timeline and contacts")
    def person(
        db: StoreDep,
        name: str,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        include_unreal: Annotated[
            bool, Query(description="Also list negated and hypothetical events (contacts: happened ones).")
        ] = False,
    ) -> Any:
        return to_data(db.person(name[:200], limit=limit, include_unreal=include_unreal))

    @app.get("/stories", summary="Stories, most recently active first")
    def stories(
        db: StoreDep, since: DateParam = None, limit: Limit = 20, offset: Offset = 0
    ) -> dict[str, Any]:
        return {"items": to_data(db.stories(since=since, limit=limit, offset=offset)), "limit": limit,
                "offset": offset}  # fmt: skip

    @app.get("/stories/{story_id:path}", summary="One story with its articles and digest")
    def story(db: StoreDep, story_id: str) -> Any:
        return to_data(db.story(story_id))

    @app.get("/search", summary="Articles and statements matching a query (German stemming)")
    def search(
        db: StoreDep,
        q: Annotated[str, Query(min_length=1, max_length=500)],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Any:
        return to_data(db.search(q, limit=limit, offset=offset))

    @app.get("/search/semantic", summary="Statements by meaning, fused with German full-text ranks (RRF)")
    def search_semantic(
        db: StoreDep,
        q: Annotated[str, Query(min_length=1, max_length=500)],
        hybrid: Annotated[
            bool, Query(description="Fuse with the full-text ranking (false: vectors only).")
        ] = True,
        limit: Limit = 20,
    ) -> dict[str, Any]:
        items = db.semantic_search(q, limit=limit, hybrid=hybrid)
        return {"items": to_data(items), "query": q, "hybrid": hybrid, "limit": limit}

    @app.get(
        "/statements/{statement_id:path}/similar", summary="Statements most like one statement (by meaning)"
    )
    def similar(db: StoreDep, statement_id: str, limit: Limit = 10) -> dict[str, Any]:
        items = db.similar(statement_id[:200], limit=limit)
        return {"items": to_data(items), "statement_id": statement_id, "limit": limit}

    @app.get("/articles", summary="Stored articles, newest first")
    def articles(
        db: StoreDep,
        source: Annotated[str | None, Query(max_length=200)] = None,
        since: DateParam = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        items = db.articles(source=source, since=since, limit=limit, offset=offset)
        return {"items": to_data(items), "limit": limit, "offset": offset}

    @app.get("/articles/{article_id:path}", summary="One article as a full wortlaut/1 record")
    def article(db: StoreDep, article_id: str) -> dict[str, Any]:
        return db.article(article_id).to_json()

    app.include_router(claims_router())
    app.include_router(add_router(path, token=token, lock=Lock()))
    _mount_web(app, factory)
    docs_page.add(app)
    security.install(app, security.LOCAL_HOSTS if allowed_hosts is None else allowed_hosts)
    return app


def _mount_web(app: FastAPI, factory: StoreFactory) -> None:
    """Let the web UI add its routes (imported here: it imports the API's store helpers)."""
    from wortlaut.web import mount

    mount(app, factory)
