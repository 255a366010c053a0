"""Captions and service blocks of a news page, found by their HTML classes.

trafilatura keeps some of a page's furniture in its main text: a photo
caption with its credit, a byline paragraph, an in-article "read also" link,
a share bar label.  The page's own markup usually says what those are
(``figcaption``, ``class="byline"``, ``class="block-link"``); the class markers
are data in ``lang/de/page_markers.tsv``.  This module lists their texts so
that the structure stage can label the matching lines (captions as captions,
the rest as labelled boilerplate) instead of reading them as body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wortlaut.lang.tables import read_rows

#: Service and caption blocks are short; an element with a marker class and a
#: longer text is a container (``class="article-author-wrapper"`` around the
#: whole story) and is not taken as one block.
MAX_PART_CHARS = 400
#: A fact box or link sidebar holds a few short blocks; a "sidebar" element with
#: more text than this is a page layout column around the story itself.
MAX_CONTAINER_CHARS = 2500
_SKIP = frozenset({"script", "style", "noscript", "template"})
SERVICE_KINDS = ("credit", "byline", "share", "promo", "tags", "aside")
#: Kinds whose element is a box around several blocks (fact boxes, link sidebars):
#: its paragraphs and list items are taken one by one.
CONTAINER_KINDS = frozenset({"aside"})
_CONTAINER_BLOCKS = ("p", "li", "dd", "h2", "h3", "h4")


def block_text(element: Any) -> str:
    """The element's text with whitespace collapsed, scripts and styles left out."""
    parts: list[str] = []
    _collect(element, parts)
    return " ".join("".join(parts).replace("\xad", "").split())


def _collect(element: Any, parts: list[str]) -> None:
    if isinstance(element.tag, str) and element.tag in _SKIP:
        return
    if element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
    if isinstance(element.tag, str) and element.tag in ("br", "p", "div", "li"):
        parts.append(" ")


@dataclass(frozen=True, slots=True)
class PageMarkers:
    """Compiled class markers by kind (kicker, lead, caption, credit, byline, share, promo, tags)."""

    patterns: dict[str, re.Pattern[str]]

    def _matches(self, element: Any, kind: str) -> bool:
        pattern = self.patterns.get(kind)
        classes = element.get("class") if isinstance(element.tag, str) else None
        return bool(pattern and classes and pattern.search(classes))

    def is_kicker(self, element: Any) -> bool:
        return self._matches(element, "kicker")

    def is_lead(self, element: Any) -> bool:
        """A lead class, or schema.org's ``itemprop="description"`` of the article."""
        itemprop = element.get("itemprop") if isinstance(element.tag, str) else None
        return self._matches(element, "lead") or (itemprop or "").strip().lower() == "description"

    def is_caption(self, element: Any) -> bool:
        return element.tag == "figcaption" or self._matches(element, "caption")

    def is_hidden(self, element: Any) -> bool:
        """Not shown to a reader: a hiding class, ``hidden``/``aria-hidden`` or ``display:none``
        on the element or an ancestor (skip-link headings, machine-only ``<time>`` stamps)."""
        for node in (element, *element.iterancestors()):
            if not isinstance(node.tag, str):
                continue
            style = (node.get("style") or "").replace(" ", "").lower()
            if (
                self._matches(node, "hidden")
                or node.get("hidden") is not None
                or (node.get("aria-hidden") or "").lower() == "true"
                or "display:none" in style
            ):
                return True
        return False

    def is_service(self, element: Any) -> str | None:
        """The service kind of an element (``byline``, ``share`` …), or ``None``."""
        return next((kind for kind in SERVICE_KINDS if self._matches(element, kind)), None)

    def part_kind(self, element: Any, tag: str) -> str | None:
        """``"caption"`` when :meth:`is_caption`, else :meth:`is_service`'s kind: the same answer with
        the class attribute read once (most elements have none) instead of once per kind (issue 17zb)."""
        if tag == "figcaption":
            return "caption"
        classes = element.get("class")
        if not classes:
            return None
        kinds = ("caption", *SERVICE_KINDS)
        return next((k for k in kinds if (pattern := self.patterns.get(k)) and pattern.search(classes)), None)


def load_page_markers(name: str = "page_markers.tsv") -> PageMarkers:
    """Read the class markers (kind, regex, why) from ``lang/de``."""
    rows = read_rows(name, columns=3)
    return PageMarkers(patterns={row[0]: re.compile(row[1], re.IGNORECASE) for row in rows})


def _lines(element: Any) -> list[str]:
    """The paragraphs of a block, split where a ``<br>`` breaks them (an author box's bio lines)."""
    found: list[str] = []
    for paragraph in element.iter("p"):
        chunks = [paragraph.text or ""]
        for node in paragraph.iterdescendants():
            if node.tag == "br":
                chunks.append("\n")
            elif isinstance(node.tag, str) and node.text:
                chunks.append(node.text)
            chunks.append(node.tail or "")
        found.extend(" ".join(line.split()) for line in "".join(chunks).split("\n"))
    return [line for line in found if line]


@dataclass(frozen=True, slots=True)
class PageParts:
    """Caption texts and ``(kind, text)`` service blocks, in page order."""

    captions: tuple[str, ...]
    service: tuple[tuple[str, str], ...]


def find_parts(tree: Any, markers: PageMarkers) -> PageParts:
    """Captions (with their credits as service ``credit``) and service blocks of the page."""
    captions: list[str] = []
    service: list[tuple[str, str]] = []
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        kind = markers.part_kind(element, tag)
        if tag == "aside":
            kind = "aside"
        if kind in CONTAINER_KINDS:
            if len(block_text(element)) > MAX_CONTAINER_CHARS:
                continue
            service.extend((kind, text) for text in map(block_text, element.iter(*_CONTAINER_BLOCKS)) if text)
            continue
        if kind is None:
            continue
        text = block_text(element)
        if not text or len(text) > MAX_PART_CHARS:
            continue
        if kind == "caption":
            captions.append(text)
        else:
            service.append((kind, text))
            # its paragraphs and <br> lines too: the main text may hold them as lines of their own
            service.extend((kind, part) for part in _lines(element) if part != text)
    return PageParts(captions=tuple(dict.fromkeys(captions)), service=tuple(dict.fromkeys(service)))


#: A line and a block "match" when one holds the other and the shorter is at
#: least this share of the longer: a byline line inside its byline-plus-date
#: block, a caption line that has its credit appended.
MIN_PART_OVERLAP = 0.6


def matches_part(line: str, part: str) -> bool:
    """Whether a text line is (most of) a caption or service block, or the block is most of the line."""
    line, part = " ".join(line.split()), " ".join(part.split())
    if not line or not part:
        return False
    if line == part:
        return True
    shorter, longer = sorted((line, part), key=len)
    return shorter in longer and len(shorter) >= MIN_PART_OVERLAP * len(longer)
