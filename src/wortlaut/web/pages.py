"""The routes of the web UI under ``/ui``: each opens a read-only store, builds a view, renders a template.

The UI lives under its own prefix because the JSON API owns ``/search``,
``/stories`` and ``/articles``; ``/`` redirects here.  Store errors become
HTML error pages (404 for an unknown person, story or article, 400 for a bad
filter, 503 for a query that ran too long), never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from wortlaut import i18n
from wortlaut.echo import printable
from wortlaut.store import NotFoundError, QueryError, QueryTimeoutError, Store, StoreError
from wortlaut.store.errors import SQLiteOperationalError
from wortlaut.store.facets import Filters
from wortlaut.web import claim_views, export, locale, quoting, semantic_views, views
from wortlaut.web.feed_routes import add_feed_routes
from wortlaut.web.highlight import anchor_id
from wortlaut.web.links import link_url

PREFIX = "/ui"
HERE = Path(__file__).resolve().parent
StoreFactory = Callable[[], AbstractContextManager[Store]]


def page_url(kind: str, key: str, **params: str | None) -> str:
    """URL of a person, story or article page (``key`` is path-quoted, ``params`` form-encoded)."""
    query = urlencode({name: value for name, value in params.items() if value})
    return f"{PREFIX}/{kind}/{quote(key, safe='')}" + (f"?{query}" if query else "")


def with_params(request: Request, **changes: str | None) -> str:
    """The current URL with some query parameters changed (``None`` removes one)."""
    params: dict[str, str | None] = dict(request.query_params)
    params.update(changes)
    query = urlencode({name: value for name, value in params.items() if value})
    return request.url.path + (f"?{query}" if query else "")


def environment() -> Environment:
    """The Jinja environment: autoescaping on for every template, undefined names are errors."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        page_url=page_url, prefix=PREFIX, with_params=with_params, anchor_id=anchor_id, link_url=link_url
    )
    env.globals.update(locale.template_globals())
    env.filters["bare"] = quoting.bare
    return env


_ENV = environment()


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered into an HTML response."""
    return HTMLResponse(_ENV.get_template(name).render(**context), status_code=status)


def inline_css() -> str:
    """The stylesheet's text, for reports that must work offline as a single file."""
    return (HERE / "static" / "wortlaut.css").read_text(encoding="utf-8")


def _error_page(status: int, message: str) -> HTMLResponse:
    titles = {400: i18n._("Bad request"), 404: i18n._("Not found"), 503: i18n._("Unavailable")}
    return render("error.html", status, title=titles.get(status, i18n._("Error")), message=printable(message))


def _build(factory: StoreFactory, build: Callable[[Store], dict[str, Any]]) -> dict[str, Any] | HTMLResponse:
    """A page's context from a fresh read-only store, or the error page saying why there is none."""
    try:
        with factory() as store:
            return build(store)
    except NotFoundError as error:
        return _error_page(404, str(error))
    except (views.BadRequest, QueryError) as error:
        return _error_page(400, str(error))
    except (QueryTimeoutError, StoreError) as error:
        return _error_page(503, str(error))
    except SQLiteOperationalError as error:  # e.g. a search the full-text engine cannot parse
        return _error_page(400, f"the query could not run ({error})")


def build_router(factory: StoreFactory) -> APIRouter:
    """All UI routes over stores from ``factory``."""
    router = APIRouter(include_in_schema=False)

    def respond(
        request: Request,
        template: str,
        build: Callable[[Store], dict[str, Any]],
        stem: str,
        report: str | None = None,
    ) -> Response:
        """The page, or the list named by ``?download=``, or (with ``report``) the offline report."""
        with i18n.using(locale.request_language(request)):
            return locale.remember(request, page(request, template, build, stem, report))

    def page(
        request: Request,
        template: str,
        build: Callable[[Store], dict[str, Any]],
        stem: str,
        report: str | None,
    ) -> Response:
        """What :func:`respond` answers, rendered in the request's language."""
        context = _build(factory, build)
        if isinstance(context, HTMLResponse):
            return context
        spec = request.query_params.get("download")
        if spec:
            try:
                return export.download(context["lists"], spec, stem=stem)
            except export.DownloadError as error:
                return _error_page(400, str(error))
        if report:
            html = _ENV.get_template(report).render(request=request, css=inline_css(), **context)
            return export.attachment(html, stem=stem)
        return render(template, request=request, **context)

    add_feed_routes(router, prefix=PREFIX, page_url=page_url, build=lambda make: _build(factory, make))

    @router.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/", status_code=307)

    @router.get(f"{PREFIX}/")
    def home(request: Request) -> Response:
        return respond(request, "home.html", views.home, "wortlaut-home")

    # Ids and names may hold "/" (Bündnis 90/Die Grünen): keys use the path converter, and the
    # report routes come first so ".../report" is never read as part of a key.
    @router.get(f"{PREFIX}/person/{{key:path}}/report")
    def person_report(
        request: Request, key: str, since: str = "", until: str = "", topic: str = ""
    ) -> Response:
        def build(store: Store) -> dict[str, Any]:
            return views.person(store, key[:200], views.PersonFilters.parse(since, until, topic))

        return respond(request, "person.html", build, f"wortlaut-person-{key}", report="report_person.html")

    @router.get(f"{PREFIX}/story/{{story_id:path}}/report")
    def story_report(request: Request, story_id: str) -> Response:
        return respond(
            request,
            "story.html",
            lambda store: views.story(store, story_id[:200]),
            f"wortlaut-story-{story_id}",
            report="report_story.html",
        )

    @router.get(f"{PREFIX}/person/{{key:path}}")
    def person(
        request: Request, key: str, since: str = "", until: str = "", topic: str = "", unreal: str = ""
    ) -> Response:
        def build(store: Store) -> dict[str, Any]:
            context = views.person(store, key[:200], views.PersonFilters.parse(since, until, topic, unreal))
            return claim_views.add_relations(store, context)

        return respond(request, "person.html", build, f"person-{key}")

    @router.get(f"{PREFIX}/story/{{story_id:path}}")
    def story(request: Request, story_id: str) -> Response:
        return respond(request, "story.html", lambda store: views.story(store, story_id[:200]), story_id)

    @router.get(f"{PREFIX}/article/{{article_id:path}}")
    def article(request: Request, article_id: str) -> Response:
        return respond(
            request,
            "article.html",
            lambda store: views.article(store, article_id[:200]),
            f"article-{article_id}",
        )

    @router.get(f"{PREFIX}/similar/{{statement_id:path}}")
    def similar(request: Request, statement_id: str) -> Response:
        return respond(
            request,
            "similar.html",
            lambda store: semantic_views.similar(store, statement_id[:200]),
            f"similar-{statement_id}",
        )

    @router.get(f"{PREFIX}/versions/{{statement_id:path}}")
    def versions(request: Request, statement_id: str) -> Response:
        def build(store: Store) -> dict[str, Any]:
            return claim_views.versions(store, statement_id[:200])

        return respond(request, "versions.html", build, f"versions-{statement_id}")

    @router.get(f"{PREFIX}/search")
    def search(
        request: Request,
        q: str = "",
        person: str = "",
        source: str = "",
        mode: str = "",
        since: str = "",
        until: str = "",
        meaning: str = "",
    ) -> Response:
        filters = Filters(
            person=person or None,
            source=source or None,
            mode=mode or None,
            since=since or None,
            until=until or None,
        )

        def build(store: Store) -> dict[str, Any]:
            context = views.search(store, q, filters)
            if meaning:
                context["semantic"] = semantic_views.by_meaning(store, q)
                context["lists"]["meaning"] = context["semantic"]
            return context

        return respond(request, "search.html", build, "search")

    return router
