"""One message catalogue for every reader-facing string: German first, English selectable.

Source strings (msgids) are the English wording written in templates and
code; ``lang/de/messages.po`` holds their German forms.  English needs no
catalogue: a missing translation falls back to the msgid.  The catalogue is
compiled in memory on first use with Babel, so a fresh checkout needs no
build step.  Dates and numbers are formatted by Babel's CLDR data for the
chosen locale.

The current language lives in a context variable, set by whoever renders
(a web request, a CLI command), so templates, macros and helpers all read
the same setting without passing it down every call.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from importlib.resources import files

from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from wortlaut.settings import get_settings

#: Languages the interface speaks; the first is the default.
LANGUAGES = ("de", "en")
DEFAULT = LANGUAGES[0]
#: Environment variable the CLI reads when no ``--lang`` is given.
ENV_VAR = "WORTLAUT_LANG"

_CURRENT: ContextVar[str] = ContextVar("wortlaut_lang", default=DEFAULT)


def current() -> str:
    """The language of the text being rendered now."""
    return _CURRENT.get()


@contextmanager
def using(lang: str) -> Iterator[str]:
    """Render in ``lang`` (normalised by :func:`pick`) inside the ``with`` block."""
    token = _CURRENT.set(pick(lang))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def set_language(lang: str | None) -> str:
    """Make ``lang`` the language of everything rendered from now on in this context (a CLI run)."""
    _CURRENT.set(pick(lang))
    return _CURRENT.get()


def pick(*wishes: str | None) -> str:
    """The first supported language among ``wishes`` (``en``, ``en-GB``, ``EN``), else the default."""
    for wish in wishes:
        code = (wish or "").strip().lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return code
    return DEFAULT


def negotiate(query: str | None, accept_language: str | None) -> str:
    """The language of a web request: ``?lang=`` wins, then ``Accept-Language`` by quality, then German."""
    if query and pick(query) == query.strip().lower()[:2]:
        return pick(query)
    return pick(*_accepted(accept_language or ""))


def _accepted(header: str) -> list[str]:
    """``Accept-Language`` tags, best first (``de-DE,en;q=0.8`` → ``["de-DE", "en"]``)."""
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, index, tag))
    return [tag for _, _, tag in sorted(weighted)]


def from_environment() -> str:
    """The CLI's language: the setting ``lang`` (``$WORTLAUT_LANG``, ``wortlaut.toml``), else German.

    ``$LANG`` is not read: servers often default to ``en_US`` or ``C``, and the
    output should not change language because of a system default nobody chose.
    """
    return pick(get_settings().lang)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: the msgids themselves)."""
    if lang == "en":
        return gettext.NullTranslations()
    source = files("wortlaut").joinpath("lang", lang, "messages.po")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str, **values: object) -> str:
    """``message`` in the current language, with ``%(name)s`` placeholders filled from ``values``."""
    text = translations(current()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    """The singular or plural form for ``n`` in the current language; ``%(num)s`` is ``n`` formatted."""
    text = translations(current()).ngettext(singular, plural, n)
    return text % {"num": number(n), **values}


def number(value: int | float) -> str:
    """A number with the locale's separators (``12.345`` in German, ``12,345`` in English)."""
    return format_decimal(value, locale=current())


def day(value: str | date | None, *, style: str = "long") -> str:
    """A full or partial ISO date for readers (``21. Mai 2025``, ``Mai 2025``); junk passes through."""
    if not value:
        return ""
    if isinstance(value, date):
        return babel_format_date(value, format=style, locale=current())
    text = str(value).strip()
    try:
        if len(text) >= 10:
            return babel_format_date(date.fromisoformat(text[:10]), format=style, locale=current())
        if len(text) == 7:
            month = date.fromisoformat(text + "-01")
            return babel_format_date(month, format="LLLL y", locale=current())
    except (ValueError, IndexError):
        return text
    return text


__all__ = [
    "DEFAULT",
    "ENV_VAR",
    "LANGUAGES",
    "_",
    "current",
    "day",
    "from_environment",
    "negotiate",
    "ngettext",
    "number",
    "pick",
    "set_language",
    "translations",
    "using",
]
