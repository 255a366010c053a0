"""RSS and Atom feeds: every entry becomes an article.

Many feeds carry only a teaser (``<description>``/``<summary>``) and no full
text.  Those entries are kept as they are, flagged ``meta["summary_only"]``,
because a teaser still names who said what; a reader can fetch the page.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from wortlaut.article import Article
from wortlaut.ingest.errors import BadInput, IngestError
from wortlaut.ingest.htmltext import fragment_to_text


def read_feed(data: bytes, name: str) -> Iterator[Article | IngestError]:
    """Parse a feed; a document that is no feed at all raises :class:`BadInput`."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            raise BadInput(f"not an RSS/Atom feed: {_first_line(parsed.bozo_exception)}")
        if not parsed.version:
            raise BadInput("not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        raise BadInput("feed has no entries")
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_article(entry, source)
        except BadInput as error:
            yield IngestError(path=f"{name}#{number}", reason=str(error))
    if parsed.bozo:
        # feedparser recovers what it can from malformed XML (a truncated
        # download, say): keep those entries but report that the file is broken.
        reason = _first_line(parsed.bozo_exception)
        yield IngestError(path=name, reason=f"malformed feed, read {len(parsed.entries)} entries: {reason}")


def _entry_article(entry: Any, source: str | None) -> Article:
    content = entry.get("content") or []
    full = "\n".join(fragment_to_text(part.get("value", "")) for part in content).strip()
    summary = fragment_to_text(entry.get("summary", "") or "")
    body = full or summary
    title = fragment_to_text(entry.get("title", "") or "") or None
    if not body and not title:
        raise BadInput("feed entry has neither text nor title")
    text = f"{title}\n\n{body}" if title and body else (body or title or "")
    meta: dict[str, Any] = {"format": "feed", "summary_only": not full}
    if entry.get("id"):
        meta["guid"] = entry["id"]
    if entry.get("author"):
        meta["author"] = entry["author"]
    return Article.create(
        text,
        url=entry.get("link") or None,
        source=source,
        title=title,
        published=_published(entry),
        meta=meta,
    )


def _published(entry: Any) -> str | None:
    """ISO date-time in the feed's own time zone (so the local date stays right)."""
    raw = entry.get("published") or entry.get("updated")
    if not raw:
        return None
    try:  # Atom: RFC 3339
        return datetime.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        pass
    try:  # RSS: RFC 822
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
