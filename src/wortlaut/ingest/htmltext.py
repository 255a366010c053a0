"""HTML pages and fragments to text.

Full pages go through trafilatura for the main text, author and site name;
headline, kicker, lead and dates come from the page's own markup
(:mod:`wortlaut.ingest.pagemeta`), captions and service blocks are listed as
hints for the structure stage (:mod:`wortlaut.ingest.pageparts`).  Feed
entries carry small HTML fragments, for which trafilatura's page heuristics
are overkill; :func:`fragment_to_text` keeps their block structure as lines
with the standard library parser.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlparse

import trafilatura
from trafilatura.metadata import extract_metadata
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from wortlaut.article import Article
from wortlaut.ingest.errors import BadInput
from wortlaut.ingest.pagelines import LineModel, service_lines
from wortlaut.ingest.pagemeta import alnum, meta_tags, read_page_meta
from wortlaut.ingest.pageparts import PageMarkers, PageParts, find_parts, load_page_markers, matches_part
from wortlaut.ingest.pagetail import tail_service
from wortlaut.structure.data import load_months

#: trafilatura drops extractions under 250 characters by default and then
#: falls back to a baseline that flattens paragraphs into one line.  Short
#: agency reports (three sentences) are real news, so the floor is lowered.
MIN_EXTRACTED_CHARS = 20

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", str(MIN_EXTRACTED_CHARS))
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section"}
    | {"article", "header", "footer", "tr", "table", "figcaption"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
#: Longer "titles" come from broken markup (an unclosed <title> swallowing the page).
MAX_TITLE_CHARS = 300


@dataclass(frozen=True, slots=True, kw_only=True)
class PageText:
    """What the page holds: text laid out as kicker, headline, lead and body, plus metadata.

    ``parts`` are the hints for the structure stage (``Article.meta["page"]``):
    kicker, lead, and the caption and service-block texts that occur as lines of
    ``text``.
    """

    text: str
    title: str | None
    published: str | None
    author: str | None
    sitename: str | None
    updated: str | None = None
    published_source: str | None = None
    updated_source: str | None = None
    parts: dict[str, Any] = field(default_factory=dict)
    body_lines: tuple[str, ...] = ()


def page_to_text(
    page: bytes | str,
    *,
    url: str | None = None,
    line_model: LineModel | None = None,
    markers: PageMarkers | None = None,
) -> PageText:
    """Main text and metadata of an HTML page; kicker, headline and lead become the first blocks.

    ``line_model``: a learned body/service line classifier (:mod:`wortlaut.ingest.pagelines`) that
    adds the lines it takes for service to the service hints.  Off by default: it did not beat the
    rules in the site-grouped cross-validation (docs/quality.md, issue 16d).  ``markers``: other
    class markers than ``lang/de/page_markers.tsv`` (the leave-one-site-out evaluation drops some).
    """
    markers = markers or _markers()
    try:
        tree = load_html(page)
        if tree is None:
            raise BadInput("HTML could not be parsed")
        text = trafilatura.extract(copy.deepcopy(tree), url=url, include_comments=False, config=_CONFIG)
        meta = extract_metadata(copy.deepcopy(tree), default_url=url)
    except BadInput:
        raise
    except (ValueError, TypeError, AttributeError) as error:  # lxml gives up on some garbage
        raise BadInput(f"HTML could not be parsed: {error}") from None
    if not text or not text.strip():
        # trafilatura gives up on some broken pages that still hold readable
        # text; the plain block-structure parser recovers it.
        text = fragment_to_text(page if isinstance(page, str) else page.decode("utf-8", errors="replace"))
    if len(text.strip()) < MIN_EXTRACTED_CHARS:
        raise BadInput("no article text found in the HTML")
    title = meta.title if meta is not None else None
    if title and ("<" in title or len(title) > MAX_TITLE_CHARS):
        title = None
    sitename = meta.sitename if meta is not None else None
    own = read_page_meta(
        tree, body=text, sites=_site_names(tree, sitename, url), fallback_title=title,
        fallback_date=meta.date if meta is not None else None, markers=markers, months=_months(),
    )  # fmt: skip
    headline = own.headline or title
    body = _body_lines(text, (headline, own.kicker, own.lead))
    blocks = [own.kicker + "\n" + headline if own.kicker and headline else headline, own.lead, body]
    laid_out = "\n\n".join(block for block in blocks if block)
    lines = tuple(line for line in body.splitlines() if line.strip())
    parts = find_parts(tree, markers)
    parts = PageParts(captions=parts.captions, service=parts.service + tuple(tail_service(tree, lines)))
    if line_model is not None:
        learned = tuple(("service", line) for line in service_lines(tree, lines, line_model))
        parts = PageParts(captions=parts.captions, service=parts.service + learned)
    return PageText(
        text=laid_out,
        title=headline,
        published=own.published.day if own.published else None,
        author=meta.author if meta is not None else None,
        sitename=sitename,
        updated=own.updated.day if own.updated else None,
        published_source=own.published.source if own.published else None,
        updated_source=own.updated.source if own.updated else None,
        parts=_hints(laid_out, own.kicker, own.lead, parts),
        body_lines=lines,
    )


def page_article(
    page: bytes | str,
    *,
    url: str | None = None,
    meta: Mapping[str, Any] | None = None,
    markers: PageMarkers | None = None,
) -> Article:
    """An :class:`Article` from an HTML page, with the reader's choices recorded in ``meta``."""
    read = page_to_text(page, url=url, markers=markers)
    extra: dict[str, Any] = dict(meta or {})
    if read.author:
        extra["author"] = read.author
    if read.published_source:
        extra["published_source"] = read.published_source
    if read.updated_source:
        extra["updated_source"] = read.updated_source
    extra["page"] = read.parts  # even empty: the text is a web page's (the page-only rules apply)
    return Article.create(
        read.text, url=url, source=read.sitename, title=read.title, published=read.published,
        updated=read.updated, meta=extra,
    )  # fmt: skip


def _body_lines(text: str, known: tuple[str | None, ...]) -> str:
    """trafilatura's lines without the headline, kicker and lead (they get blocks of their own)."""
    keys = {alnum(part) for part in known if part}
    joined = {alnum(a + b) for a in known if a for b in known if b}
    lines = [line.strip() for line in text.strip().splitlines()]
    kept = [line for line in lines if alnum(line) not in keys | joined]
    return "\n".join(kept).strip()


def _hints(text: str, kicker: str | None, lead: str | None, parts: PageParts) -> dict[str, Any]:
    """Structure hints, keeping only captions and service blocks that are lines of the text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    captions = [c for c in parts.captions if any(matches_part(line, c) for line in lines)]
    service = [[kind, t] for kind, t in parts.service if any(matches_part(line, t) for line in lines)]
    hints: dict[str, Any] = {"kicker": kicker, "lead": lead, "captions": captions, "service": service}
    return {key: value for key, value in hints.items() if value}


def _site_names(tree: Any, sitename: str | None, url: str | None) -> list[str]:
    """Names a title may carry for its site: og:site_name, application-name, trafilatura's, the host."""
    tags = meta_tags(tree)
    names = [*tags.get("og:site_name", ()), *tags.get("application-name", ()), sitename or ""]
    names += [value.lstrip("@") for value in tags.get("twitter:site", ())]
    for link in (url, *tags.get("og:url", ())):
        if link and (host := urlparse(link).hostname):
            names.append(host.removeprefix("www.").rsplit(".", 1)[0])
    return [name for name in names if name]


#: A page small enough to read in a few ms that loads the reader's class markers and month names.
_WARM_PAGE = (
    b"<html><head><title>Titel</title></head><body><article><h1>Titel</h1>"
    b"<p>Berlin, 3. Mai 2024. Ein Text, lang genug, um gelesen zu werden: die Regierung hat am Freitag"
    b" in Berlin beschlossen, was sie seit Wochen angekuendigt hatte, und die Opposition widerspricht.</p>"
    b"</article></body></html>"
)


def warm_page_reader() -> None:
    """Load the tables the page reader keeps, so that forked workers share one copy.

    Called before forking workers that read pages: each would otherwise load
    its own on the first page that needs them, about 55 MB a process (the
    whole pool: +80 MB peak PSS on 144 pages; docs/performance.md, issue 17zc).
    Our class markers and month names come with reading a small page; the
    libraries' tables only with pages that reach trafilatura's justext
    fallback (the stoplists of all languages, ~27 MB) or htmldate's dateparser
    (the month names of every locale; the patterns of German here, of other
    locales where a page needs them: loading all of them, 28 MB more in this
    process, raised the pool's peak PSS).  All are caches: what a page reads
    to does not depend on them being loaded.
    """
    from htmldate.extractors import external_date_parser, month_words
    from justext.core import define_stoplist
    from trafilatura import external

    page_to_text(_WARM_PAGE)
    define_stoplist(external.JT_STOPLIST or external.jt_stoplist_init())
    month_words()
    external_date_parser("3. Mai 2024", "%Y-%m-%d")  # German only: all locales cost more (issue 17zc)


@cache
def _markers() -> PageMarkers:
    return load_page_markers()


@cache
def _months() -> dict[str, int]:
    return load_months()


class _FragmentParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skip = 0  # whatever was left open in <head>, the body is text
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment: one line per block, whitespace inside lines collapsed."""
    if "<" not in fragment:
        return unescape(fragment).strip()
    parser = _FragmentParser()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
