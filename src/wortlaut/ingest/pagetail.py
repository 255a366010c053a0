"""Lines a page's markup sets apart from its story: boxes after the story, link lines, embed labels.

The service lines left after issue 16e each had their own wording (an author
bio, a kiosk promo, a donation box signed ``All the best, …``, a series box, a
newsletter call, ``Kommentare lesen und schreiben, hier klicken``), but most
share a shape in the HTML: the story's long paragraphs sit side by side in one
container (``div.entry-content``), and what the site adds after them sits in
a box of its own, or is nothing but a link.  Three general signals, no words:

- *outside the story*: after the last long paragraph of the story container,
  a line whose own container is another element (an author box, a promo box,
  a series box) is service;
- *a link line*: after that paragraph, a short line whose text is (nearly) all
  link text is service (a button, a "more" link);
- *a pointer*: anywhere, a short line opened by an arrow or a label with a colon
  whose text is (nearly) all link text (``» Zum Angebot: …``);
- *an appeal in a box*: anywhere, a short line outside the story container that
  speaks to the reader (du- or Sie-form, ``structure_reader_address.tsv``) is
  service (an embed's ``Sieh dir diesen Beitrag auf Instagram an``).

The lines go to the structure stage as service hints (labels ``outside``,
``link``, ``appeal``), like the class-marked blocks of :mod:`pageparts`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from wortlaut.ingest.pagelines import BLOCK_TAGS, element_for, norm_space
from wortlaut.structure.closing import MAX_APPEAL_WORDS, MIN_STORY_LINE_WORDS, addresses_reader
from wortlaut.structure.data import Markers, load_markers, load_months, load_post_prefixes, parse_signature

#: Tags inside a paragraph or list: a line in them still stands in the container of its block.
_IN_BLOCK = frozenset(
    {"p", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "span", "strong", "b", "em", "i", "a", "br"}
    | {"time", "h2", "h3", "h4", "h5", "h6", "small", "sup", "sub", "u", "mark", "q", "cite", "code", "font"}
)
#: A pointer: a line opened by an arrow or a short label with a colon (``» Zum Angebot: …``,
#: ``Lesen Sie hier: …``); when the rest is link text it points elsewhere, wherever it stands.
_POINTER = re.compile(r"^\s*(?:[»→▶►>]|(?:\S+\s+){0,3}\S+:\s)")
#: A bare address is the text's own reference (a petition's URL under the call), not a button.
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
#: A link line is short (a button label, a "more" link, a teaser title) ...
MAX_LINK_LINE_WORDS = 20
#: ... and its text is link text but for a bullet or an arrow.
MIN_LINK_SHARE = 0.8


def container(element: Any) -> Any:
    """The nearest ancestor that is no paragraph, list or inline element: the box the line stands in."""
    node = element.getparent()
    while node is not None and isinstance(node.tag, str) and node.tag in _IN_BLOCK:
        node = node.getparent()
    return node


def _text(element: Any) -> str:
    """The element's text, whitespace collapsed (lxml's ``text_content``: one C call, no Python walk)."""
    return norm_space(element.text_content())


def page_elements(tree: Any) -> list[tuple[Any, str]]:
    """Block-ish elements with their text, in document order."""
    found = []
    for element in tree.iter(*BLOCK_TAGS):
        text = _text(element)
        if text:
            found.append((element, text))
    return found


def innermost(element: Any) -> Any:
    """The deepest element with the same text: a ``div`` wrapping just one ``p`` is that ``p``."""
    text = _text(element)
    while True:
        child = next((c for c in element if isinstance(c.tag, str) and _text(c) == text), None)
        if child is None:
            return element
        element = child


def box_kind(element: Any) -> tuple[str, frozenset[str]]:
    """A box's tag and class tokens: a story split into several ``div.block-text`` boxes (or printed
    twice, for screen and print) stands in boxes of one kind; an author or promo box is another."""
    if element is None or not isinstance(element.tag, str):
        return ("", frozenset())
    return (element.tag, frozenset(str(element.get("class") or "").split()))


def _quoted(element: Any) -> bool:
    """Inside a ``blockquote``: a quotation or an embedded post, whose text the structure stage reads."""
    return any(node.tag == "blockquote" for node in (element, *element.iterancestors()))


def link_share(element: Any) -> float:
    """The share of the element's text that sits inside links."""
    text = _text(element)
    linked = sum(len(_text(a)) for a in element.iter("a"))
    linked += len(text) if element.tag == "a" else 0
    return min(linked / max(len(text), 1), 1.0)


@cache
def _post_data() -> tuple[dict[str, int], re.Pattern[str] | None]:
    return load_months(), load_post_prefixes()


def signature(line: str) -> bool:
    """Whether the line signs a pasted post (``— Name (@handle) 27. Oktober 2021``): the structure
    stage makes the post of it and the lines above."""
    months, prefixes = _post_data()
    return parse_signature(line, months, prefixes) is not None


def _header(line: str) -> bool:
    markers = _text_markers()
    return markers.is_list_header(line) or markers.is_box_header(line)


@cache
def _text_markers() -> Markers:
    return load_markers()


def tail_service(tree: Any, lines: Sequence[str]) -> list[tuple[str, str]]:
    """``(label, line)`` for the lines the story's markup sets apart (module docstring)."""
    if tree is None or not lines:
        return []
    long_at = [i for i, line in enumerate(lines) if len(line.split()) >= MIN_STORY_LINE_WORDS]
    if not long_at:
        return []
    elements = page_elements(tree)
    found: dict[int, Any] = {}

    def box(index: int) -> Any:
        if index not in found:
            hit = element_for(" ".join(lines[index].split()), elements)
            element = innermost(hit[0]) if hit is not None else None
            found[index] = (element, box_kind(container(element))) if element is not None else None
        return found[index]

    boxes = Counter(hit[1] for i in long_at if (hit := box(i)) is not None)
    if not boxes:
        return []
    # the box with most long paragraphs; on a tie the later one (a fact box may come first)
    later = {hit[1]: i for i in long_at if (hit := box(i)) is not None}
    story = max(boxes, key=lambda kind: (boxes[kind], later[kind]))
    last = max(i for i in long_at if (hit := box(i)) is not None and hit[1] == story)
    service: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        words = len(line.split())
        after = index > last
        if _header(line):
            continue  # the structure stage takes a link-list or author-box header with the lines under it
        pointer = words <= MAX_LINK_LINE_WORDS and bool(_POINTER.match(line))
        if not after and not pointer and (words > MAX_APPEAL_WORDS or not addresses_reader(line)):
            continue
        hit = box(index)
        if hit is None:
            continue
        element, own = hit
        if pointer and link_share(element) >= MIN_LINK_SHARE:
            service.append(("link", line))
            continue
        if not after and not addresses_reader(line):
            continue
        if own != story and not after:
            service.append(("appeal", line))
        elif own != story and not _quoted(element) and not signature(line):
            service.append(("outside", line))
        elif (
            after
            and words <= MAX_LINK_LINE_WORDS
            and not _URL.match(line)
            and link_share(element) >= MIN_LINK_SHARE
        ):
            service.append(("link", line))
    return service
