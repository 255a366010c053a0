"""The language of a web page: chosen per request, and the template helpers that speak it.

``?lang=de|en`` wins and is remembered in a cookie, so links need not carry
it; then the cookie, then ``Accept-Language``; German otherwise.  The helpers
given to templates read :func:`wortlaut.i18n.current`, which the routes set
for the duration of one render.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response
from markupsafe import Markup, escape

from wortlaut import i18n
from wortlaut.i18n.roles import role_line
from wortlaut.i18n.sources import source_count
from wortlaut.kb import default_kb

#: Cookie that keeps the reader's ``?lang=`` choice; a year, as language choices rarely change.
COOKIE = "wortlaut_lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def request_language(request: Request) -> str:
    """``?lang=``, then the cookie, then ``Accept-Language``, then German."""
    wished = request.query_params.get("lang") or request.cookies.get(COOKIE)
    return i18n.negotiate(wished, request.headers.get("accept-language"))


def remember(request: Request, response: Response) -> Response:
    """Set the cookie when the reader chose a language in the URL."""
    wished = request.query_params.get("lang")
    if wished and i18n.pick(wished) == wished.strip().lower()[:2]:
        response.set_cookie(COOKIE, i18n.pick(wished), max_age=COOKIE_MAX_AGE, samesite="lax", httponly=True)
    response.headers["Content-Language"] = i18n.current()
    response.headers["Vary"] = "Accept-Language, Cookie"
    return response


def gettext(message: str, **values: Any) -> Markup:
    """``message`` translated, HTML-safe: placeholders' values are escaped unless already markup."""
    text = Markup(escape(i18n.translations(i18n.current()).gettext(message)))
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: Any) -> Markup:
    """Singular or plural for ``n``, HTML-safe, with ``%(num)s`` the locale-formatted ``n``."""
    text = Markup(escape(i18n.translations(i18n.current()).ngettext(singular, plural, n)))
    return text % {"num": i18n.number(n), **values}


def time_tag(value: str | None) -> Markup:
    """A ``<time>`` element: the ISO value for machines, the locale's long date for readers."""
    if not value:
        return Markup("")
    return Markup('<time datetime="%s">%s</time>') % (value, i18n.day(value))


def italic(word: str) -> Markup:
    """A word set in italics inside a translated sentence."""
    return Markup("<i>%s</i>") % word


def template_globals() -> dict[str, Any]:
    """The names every template may use for language-dependent output."""
    return {
        "_": gettext,
        "ngettext": ngettext,
        "day": i18n.day,
        "number": i18n.number,
        "lang": i18n.current,
        "time_tag": time_tag,
        "italic": italic,
        "role_line": role_line,
        "gender_of": gender_of,
        "source_count": source_count,
    }


def gender_of(entity_id: str | None) -> str | None:
    """The KB's ``gender`` of an entity (``f``/``m``), for gendered office names; ``None`` if unknown."""
    found = default_kb().get(entity_id)
    return found.gender if found else None
