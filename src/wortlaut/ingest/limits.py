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

import re

from wortlaut.ingest.errors import BadInput

#: Largest single text, HTML page or JSON Lines record accepted (bytes).
#: 5 MB is 50x the longest news article we have seen and keeps the
#: per-article analysis in seconds, not minutes.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

#: Largest RSS/Atom or ``.json`` file accepted (bytes); both are parsed in
#: memory.  Real feeds are well under 1 MB; 20 MB leaves room for archive
#: feeds.  Bigger collections belong in JSON Lines, which is streamed.
MAX_FEED_BYTES = 20 * 1024 * 1024

#: Most bytes a gzip input may expand to per compressed byte.  German news text compresses 3-4
#: times, JSON Lines of agency copies maybe 20 times; gzip's own maximum is about 1,000 (a run of
#: one byte), which is what a decompression bomb uses.
MAX_GZIP_RATIO = 200
#: Output a gzip stream may produce before the ratio is checked (small files have odd ratios).
GZIP_GRACE_BYTES = 16 * 1024 * 1024

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


# -- the shape of an HTML page, checked before any parser sees it -----------------------------

#: Most attributes on one element.  Real pages have under 30 (a data-heavy <div> maybe 50); the
#: HTML parser checks each new attribute against the element's others, so 200,000 attributes on
#: one element took it over ten minutes.
MAX_HTML_ATTRIBUTES = 1_000
#: Most elements in one page.  A long news page with comments has about 10,000; the extractor's
#: work grows with the tree, so a page of a million empty tags is refused, not parsed.
MAX_HTML_ELEMENTS = 250_000
#: Deepest nesting of elements that must be closed (div, span, section …).  Real pages stay under
#: 60; the extractor walks the tree recursively, so thousands of levels would exhaust the stack.
MAX_HTML_DEPTH = 1_000

_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(rb"""[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
#: Elements whose end tag pages routinely leave out (and void elements): not counted for depth.
_OPTIONAL_CLOSE = frozenset(
    b"p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp html head body"
    b" area base br col embed hr img input link meta source track wbr param keygen basefont frame".split()
)


def check_html_shape(data: bytes) -> None:
    """Refuse a page with too many attributes, elements or nesting levels, in one linear scan.

    The scan uses a tag pattern that cannot run past the next ``<``, so its
    cost is linear in the page size whatever the markup; it raises
    :class:`~wortlaut.ingest.errors.BadInput` naming the limit.
    """
    elements = depth = deepest = 0
    for match in _TAG.finditer(data):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            depth = max(depth - 1, 0) if name not in _OPTIONAL_CLOSE else depth
            continue
        elements += 1
        if elements > MAX_HTML_ELEMENTS:
            raise BadInput(f"HTML page has over {MAX_HTML_ELEMENTS:,} elements")
        if len(attributes) > MAX_HTML_ATTRIBUTES and _count_attributes(attributes) > MAX_HTML_ATTRIBUTES:
            raise BadInput(
                f"HTML element <{name.decode('ascii')}> has over {MAX_HTML_ATTRIBUTES:,} attributes"
            )
        if name not in _OPTIONAL_CLOSE and not attributes.rstrip().endswith(b"/"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_HTML_DEPTH:
                raise BadInput(f"HTML elements nested over {MAX_HTML_DEPTH:,} levels deep")


def _count_attributes(attributes: bytes) -> int:
    """Attributes in a tag's attribute text (each needs at least one byte, hence the length pre-check)."""
    return sum(1 for _ in _ATTRIBUTE.finditer(attributes))
