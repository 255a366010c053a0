"""The ``…/feed.atom`` routes: a person's statements, a search and a story as Atom feeds.

They sit beside the pages they follow (``/ui/person/NAME/feed.atom``,
``/ui/search/feed.atom?q=…``, ``/ui/story/ID/feed.atom``) and read the same
store queries, so a feed never shows what the page would not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from wortlaut import i18n
from wortlaut.i18n.sources import source_count
from wortlaut.store import Store
from wortlaut.web import feeds, locale, views
from wortlaut.web.highlight import anchor_id
from wortlaut.web.links import link_url
from wortlaut.web.quoting import bare

MEDIA_TYPE = "application/atom+xml; charset=utf-8"
#: Characters of a quote shown in an entry's title; the summary carries the whole quote.
TITLE_CHARS = 90


def _short(text: str) -> str:
    flat = " ".join(bare(text).split())
    return flat if len(flat) <= TITLE_CHARS else flat[: TITLE_CHARS - 1].rstrip() + "…"


PageUrl = Callable[..., str]


def _feed(key: str, title: str, page: str, entries: list[feeds.Entry]) -> dict[str, Any]:
    return {"key": key, "title": title, "page": page, "entries": entries}


def _absolute(request: Request, path: str) -> str:
    return str(request.base_url).rstrip("/") + path


def person_entries(store: Store, key: str, request: Request, page_url: PageUrl) -> dict[str, Any]:
    """The person's newest statement groups, one entry each."""
    found = views.person(store, key, views.PersonFilters())
    name = found["entity"].name
    entries = []
    for group in found["groups"]:
        first = group.sources[0] if group.sources else None
        link = page_url("article", first.article_id) + f"#{anchor_id(first.statement_id)}" if first else ""
        entries.append(
            feeds.Entry(
                key=f"statement-group/{group.id}",
                title=f"{name}: {_short(group.quote)}",
                summary=f"„{bare(group.quote)}“ ({source_count(group)})",
                date=group.date or (first.published if first else None),
                link=_absolute(request, link or page_url("person", name)),
                related=link_url(first.url) if first else None,
                author=name,
            )
        )
    return _feed(f"person/{found['entity'].id}", name, page_url("person", name), entries)


def search_entries(store: Store, query: str, request: Request, page_url: PageUrl) -> dict[str, Any]:
    """Statements matching the search, newest first."""
    if not query.strip() or len(query) > 500:
        raise views.BadRequest("q: give 1 to 500 characters")
    result = store.faceted_search(query)
    entries = [
        feeds.Entry(
            key=f"statement/{hit.statement_id}",
            title=f"{hit.speaker}: {_short(hit.quote)}",
            summary=f"„{bare(hit.quote)}“ — {hit.source}",
            date=hit.date,
            link=_absolute(request, page_url("article", hit.article_id) + f"#{anchor_id(hit.statement_id)}"),
            author=hit.speaker,
        )
        for hit in result.statements
    ]
    title = i18n._("Search: %(query)s", query=query)
    return _feed(f"search/{query.strip()}", title, "/ui/search?" + urlencode({"q": query}), entries)


def story_entries(store: Store, story_id: str, request: Request, page_url: PageUrl) -> dict[str, Any]:
    """The story's articles, one entry each."""
    found = store.story(story_id)
    entries = [
        feeds.Entry(
            key=f"article/{article.id}",
            title=article.title or article.id,
            summary=" · ".join(part for part in (article.source, i18n.day(article.published)) if part),
            date=article.published,
            link=_absolute(request, page_url("article", article.id)),
            related=link_url(article.url),
            author=article.source,
        )
        for article in found.articles
    ]
    entries.sort(key=lambda entry: feeds.timestamp(entry.date) or "", reverse=True)
    title = found.title or found.id
    return _feed(f"story/{found.id}", title, page_url("story", found.id), entries)


def add_feed_routes(
    router: APIRouter,
    *,
    prefix: str,
    page_url: Callable[..., str],
    build: Callable[[Callable[[Store], dict[str, Any]]], dict[str, Any] | Response],
) -> None:
    """Register the three feed routes on ``router`` (before the page routes, whose keys may hold "/")."""

    def respond(request: Request, make: Callable[[Store], dict[str, Any]]) -> Response:
        with i18n.using(locale.request_language(request)):
            context = build(make)
            if isinstance(context, Response):
                return context
            body = feeds.atom(
                key=context["key"],
                title=f"{context['title']} · wortlaut",
                self_url=str(request.url),
                page_url=_absolute(request, context["page"]),
                entries=context["entries"],
                lang=i18n.current(),
            )
        return Response(body, media_type=MEDIA_TYPE)

    @router.get(f"{prefix}/person/{{key:path}}/feed.atom")
    def person_feed(request: Request, key: str) -> Response:
        return respond(request, lambda store: person_entries(store, key[:200], request, page_url))

    @router.get(f"{prefix}/search/feed.atom")
    def search_feed(request: Request, q: str = "") -> Response:
        return respond(request, lambda store: search_entries(store, q, request, page_url))

    @router.get(f"{prefix}/story/{{story_id:path}}/feed.atom")
    def story_feed(request: Request, story_id: str) -> Response:
        return respond(request, lambda store: story_entries(store, story_id[:200], request, page_url))
