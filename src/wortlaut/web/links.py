"""Which stored URLs may become links: only ``http`` and ``https`` with a host.

An article's ``url`` comes from feeds, JSON Lines and ``POST /articles``, so
an attacker chooses it.  A ``javascript:`` (or ``data:``, ``vbscript:`` …)
URL in an ``href`` runs script when the reader clicks "original"; escaping
does not help because the markup is valid.  Pages and offline reports
therefore link only URLs this module accepts and show every other one as
plain text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

#: Schemes that open a web page and never run code in ours.
LINK_SCHEMES = frozenset({"http", "https"})
#: Longer URLs are shown as text: no real article URL is this long, and a huge href only bloats pages.
MAX_LINK_CHARS = 2048


def link_url(url: object) -> str | None:
    """``url`` when it is safe as an ``href`` (http/https with a host), else ``None``.

    :func:`urllib.parse.urlsplit` drops the tabs, newlines and leading
    control characters that browsers also ignore, so ``java\\tscript:`` and
    `` javascript:`` are seen with their real scheme.
    """
    if not isinstance(url, str) or not url.strip() or len(url) > MAX_LINK_CHARS:
        return None
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return url.strip()
