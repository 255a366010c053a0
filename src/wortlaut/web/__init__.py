"""The web UI: server-rendered pages over the store, mounted into the HTTP API app.

``wortlaut serve`` builds the API with :func:`wortlaut.api.create_app`, which
calls :func:`mount` when this package is installed.  Pages live under
``/ui`` (``/`` redirects there), static files under ``/ui/static``; nothing
is loaded from the internet.  See ``docs/web.md``.
"""

from __future__ import annotations

from typing import Any

from fastapi.staticfiles import StaticFiles

from wortlaut.web.pages import HERE, PREFIX, StoreFactory, build_router


def mount(app: Any, store_factory: StoreFactory) -> None:
    """Add the UI's routes and static files to a FastAPI ``app`` reading stores from ``store_factory``."""
    app.include_router(build_router(store_factory))
    app.mount(f"{PREFIX}/static", StaticFiles(directory=HERE / "static"), name="web-static")


__all__ = ["PREFIX", "mount"]
