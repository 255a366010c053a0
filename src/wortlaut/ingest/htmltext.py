"""HTML pages and fragments to text.

Full pages go through trafilatura (main text, title, date, author, site
name).  Feed entries carry small HTML fragments, for which trafilatura's
page heuristics are overkill; :func:`fragment_to_text` keeps their block
structure as lines with the standard library parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import trafilatura
from trafilatura.metadata import extract_metadata
from trafilatura.settings import use_config

from wortlaut.ingest.errors import BadInput

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
    """What trafilatura found in a page."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    sitename: str | None


def page_to_text(page: bytes | str, *, url: str | None = None) -> PageText:
    """Main text and metadata of an HTML page; the title becomes the first line."""
    try:
        text = trafilatura.extract(page, url=url, include_comments=False, config=_CONFIG)
        meta = extract_metadata(page, default_url=url)
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
    text = text.strip()
    if title:
        # The headline goes first, set off by a blank line, so the structure
        # stage finds it the same way as in a plain-text article.
        body = text[len(title) :].lstrip("\n") if text.startswith(title) else text
        text = f"{title}\n\n{body}"
    return PageText(
        text=text,
        title=title,
        published=meta.date if meta is not None else None,
        author=meta.author if meta is not None else None,
        sitename=meta.sitename if meta is not None else None,
    )


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
