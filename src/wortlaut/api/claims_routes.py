"""API routes of claims: a statement's versions with drift flags, its relations, and positions over time.

A router the app includes (:func:`wortlaut.api.create_app`); every route reads
a read-only store through the app's dependency and the claims library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from wortlaut.claims.answers import statement_answers
from wortlaut.claims.stance import MAX_STATEMENTS, positions
from wortlaut.claims.versions import versions
from wortlaut.store import Store, to_data


def _store(request: Request) -> Iterator[Store]:
    factory: Callable[[], AbstractContextManager[Store]] = request.app.state.store_factory
    with factory() as opened:
        yield opened


StoreDep = Annotated[Store, Depends(_store)]


def claims_router() -> APIRouter:
    """``/statements/{id}/versions``, ``/statements/{id}/relations`` and ``/positions``."""
    router = APIRouter()

    @router.get(
        "/statements/{statement_id:path}/versions",
        summary="Each outlet's wording of a statement, aligned with the earliest, with drift flags",
    )
    def statement_versions(db: StoreDep, statement_id: str) -> Any:
        return to_data(versions(db, statement_id[:200]))

    @router.get(
        "/statements/{statement_id:path}/relations",
        summary="Statements that deny, confirm, correct or retract this one, or that it answers",
    )
    def statement_relations(db: StoreDep, statement_id: str) -> dict[str, Any]:
        return {"statement_id": statement_id, "items": to_data(statement_answers(db, statement_id[:200]))}

    @router.get("/positions", summary="A person's statements on a topic over time, with stance and changes")
    def person_positions(
        db: StoreDep,
        person: Annotated[str, Query(min_length=1, max_length=200)],
        topic: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Annotated[int, Query(ge=1, le=MAX_STATEMENTS)] = MAX_STATEMENTS,
    ) -> Any:
        return to_data(positions(db, person, topic, limit=limit))

    return router
