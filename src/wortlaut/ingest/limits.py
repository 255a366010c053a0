"""Size limits and format names shared by the readers.

A news article is a few kilobytes of text (the longest long-reads in
10kGNAD are under 100 KB; a full HTML page with scripts rarely exceeds
2 MB).  A single document far beyond that is not an article but a dump or a
mistake, and analysing it would take minutes and gigabytes, so it is refused
with a message instead of being processed.  Container formats (JSON Lines,
WARC) are streamed record by record and may be as large as they like; the
per-record limit applies to each record.
"""

from __future__ import annotations

#: Largest single text, HTML page or JSON Lines record accepted (bytes).
#: 5 MB is 50x the longest news article we have seen and keeps the
#: per-article analysis in seconds, not minutes.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

#: Largest RSS/Atom or ``.json`` file accepted (bytes); both are parsed in
#: memory.  Real feeds are well under 1 MB; 20 MB leaves room for archive
#: feeds.  Bigger collections belong in JSON Lines, which is streamed.
MAX_FEED_BYTES = 20 * 1024 * 1024

#: How many bytes are inspected to sniff a format or spot binary data.
SNIFF_BYTES = 8192

TEXT = "text"
HTML = "html"
FEED = "feed"
JSONL = "jsonl"
JSON = "json"
WARC = "warc"
FORMATS = (TEXT, HTML, FEED, JSONL, JSON, WARC)

#: File suffix (lower case) -> format.  Files with other suffixes are
#: sniffed when named explicitly and skipped when met in a directory walk.
SUFFIXES: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".xml": FEED,
    ".rss": FEED,
    ".atom": FEED,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".json": JSON,
    ".warc": WARC,
}


def human_size(size: int) -> str:
    """``5242880`` -> ``"5.0 MB"`` for error messages."""
    return f"{size / (1024 * 1024):.1f} MB"
