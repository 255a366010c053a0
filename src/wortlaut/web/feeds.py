"""Atom feeds (RFC 4287) of a person's statements, a search and a story, for feed readers and newsrooms.

Each entry has a stable ``tag:`` id built from the statement or article id
(so a reader sees an entry once, whatever its position), an ``updated``
date in RFC 3339 (the statement's date, else the article's), a link to the
page that shows it, and the source article as ``related`` link.  Built with
ElementTree, so every text is escaped by the serializer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

ATOM = "http://www.w3.org/2005/Atom"
#: ``tag:`` URI authority and date (RFC 4151): the project's name and the year the scheme was fixed.
TAG = "tag:wortlaut.invalid,2025:"
#: Entries per feed: enough for a week of a busy person; readers poll, so older items need not repeat.
FEED_ITEMS = 50
#: Date used when nothing in the feed has one (the feed must still carry an ``updated``).
EPOCH = "1970-01-01T00:00:00Z"

ET.register_namespace("", ATOM)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One feed entry: a statement or an article."""

    key: str  # stable id part, e.g. "statement/s1"
    title: str
    summary: str
    date: str | None
    link: str
    related: str | None = None
    author: str | None = None


def timestamp(value: str | None) -> str | None:
    """An ISO date or datetime as RFC 3339 (a bare day becomes midnight UTC); ``None`` if unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            parsed = datetime.fromisoformat(text).replace(tzinfo=UTC)
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        return None
    return parsed.isoformat().replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom(*, key: str, title: str, self_url: str, page_url: str, entries: Iterable[Entry], lang: str) -> bytes:
    """The feed document as UTF-8 bytes."""
    items = list(entries)[:FEED_ITEMS]
    dates = [stamp for stamp in (timestamp(e.date) for e in items) if stamp]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _add(feed, "id", TAG + key)
    _add(feed, "title", title)
    _add(feed, "updated", max(dates, default=EPOCH))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(_add(feed, "author"), "name", "wortlaut")
    _add(feed, "generator", "wortlaut")
    for item in items:
        entry = _add(feed, "entry")
        _add(entry, "id", TAG + item.key)
        _add(entry, "title", item.title)
        _add(entry, "updated", timestamp(item.date) or EPOCH)
        _add(entry, "link", rel="alternate", type="text/html", href=item.link)
        if item.related:
            _add(entry, "link", rel="related", href=item.related)
        if item.author:
            _add(_add(entry, "author"), "name", item.author)
        _add(entry, "summary", item.summary)
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body
