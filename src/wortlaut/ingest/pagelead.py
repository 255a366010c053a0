"""The lead (Teaser, standfirst) of a news page, from its own markup.

A lead is a block the page sets apart from the body paragraphs (the rule is
written down in ``eval/data/pages/GUIDELINES.md``): its own element or class,
a heading under the headline, its place before the body's container, or a
teaser above the lead picture with the body below it.  Three readings, tried in
this order:

1. :func:`find_lead`: a lead/teaser-class element after the headline (class
   markers in ``lang/de/page_markers.tsv``), or an ``h2``/``h3`` standfirst;
2. :func:`shown_description`: the page's own ``og:description`` shown as a
   block that is set apart - alone in its container while the body paragraphs
   stand in another one, or followed by the lead picture.  Sites without a
   teaser class (bare text before the picture, a WordPress teaser paragraph,
   ``class="article__topic"``) are read this way;
3. :func:`description_lead`: ``og:description`` itself when the body does not
   hold it (a teaser the page shows only to link previews).

Being equal to ``og:description`` is not enough on its own: many sites copy
their first body paragraph into it.
"""

from __future__ import annotations

import re
from typing import Any

from wortlaut.ingest.pageparts import MAX_PART_CHARS, PageMarkers, block_text

#: A lead is at least a sentence; shorter teaser elements are labels ("Region").
MIN_LEAD_CHARS = 30
#: A lead is a short paragraph: the longest of the 70 development pages has 871
#: characters.  A "lead"-class block far longer is a wrapper around the body
#: (Drupal's ``field--type-text-with-summary`` holds the whole story on hpd.de).
MAX_LEAD_CHARS = 1200
#: og:description shorter than this is a slogan or a ticker marker ("++ lokalo.de Blaulicht ++").
MIN_DESCRIPTION_WORDS = 6
#: An ``h2`` right after the headline with at least this many words is a standfirst.
MIN_H2_LEAD_WORDS = 8
#: How far after the headline element the lead is looked for (elements in
#: document order); far enough for share bars, a byline box and an image block.
HEADER_SPAN = 60
#: A shown teaser may run a little past an og:description cut short (at a word
#: boundary, without its last clause, or a last sentence left out of the
#: description); a block far longer than the description is the body the
#: description was cut from.  The description-teasers of the 119 annotated pages
#: run over by 1.0-1.28 (Macwelt's teaser adds one short sentence; 1.25 until 16e),
#: a blog post printed as one paragraph by 7 (spreeblick).
MAX_RUN_OVER_DESCRIPTION = 1.5
#: A paragraph this long after the headline is body text: the lead search stops there.
BODY_PARAGRAPH_CHARS = 6 * MIN_LEAD_CHARS
#: An article header holds kicker, headline, teaser, byline and date; one with
#: more text than this wraps the story itself (the longest teaser of the 70
#: development pages has about 600 characters).
MAX_HEADER_CHARS = 1500
#: A lead-class block this short that holds a date is the article's metadata line
#: (type, date, section), not a teaser; the shortest lead with a date on the 70
#: development pages has 39 words.
MAX_META_LINE_WORDS = 8
_DATE_IN_LINE = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\s*[^\W\d_]+\.?\s+\d{4}\b|\b\d{1,2}:\d{2}\b"
)
_DESCRIPTION_DATE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s*\d{1,2}[.:]\d{2}\s*(?:Uhr)?)?\s*:\s*")
_ELLIPSIS = ("...", "…")
#: A link to an image file is a lightbox around the article's own picture.
_IMAGE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif)(\?|#|$)", re.IGNORECASE)
_PICTURES = ("img", "picture", "figure", "video")
#: Elements that carry no text of their own between a teaser and what follows it.
_SPACERS = frozenset({"br", "hr", "span", "a", "script", "style", "noscript", "ins"})
#: Inline elements: text inside them belongs to the block they stand in.
_INLINE_TAGS = frozenset({"a", "span", "strong", "b", "em", "i", "time", "small", "img", "br"})
#: Elements whose own text is no block of the page (inline parts, code).
_NO_TEXT_TAGS = _INLINE_TAGS | {"script", "style", "noscript", "template"}
#: How many ancestors of the headline are tried as its own block (title, teaser, date) before
#: the container grows into the page layout.  Set to 3 before scoring; 5 changed nothing on the
#: 95 development pages (the one lead still missed, bka.de, sits in a sibling block).
HEADLINE_BLOCK_LEVELS = 3


#: What :func:`alnum` drops: ``[\W_]`` matches exactly the characters ``str.isalnum`` rejects (checked
#: over every code point in ``tests/ingest/test_pagelead.py``), and one C-level substitution replaces a
#: Python test per character (alnum was ~30 % of reading a page, issue 17zb).
_NOT_ALNUM = re.compile(r"[\W_]+")


def alnum(text: str) -> str:
    """Lower-case letters and digits only: compares texts that differ in punctuation and spacing."""
    return _NOT_ALNUM.sub("", text.lower())


def find_lead(
    following: list[Any], markers: PageMarkers, headline: str | None, descriptions: list[str]
) -> str | None:
    """A teaser element after the headline, before the body starts.

    A repeat of the headline is not one, nor a block holding a byline (the
    metadata line of a teaser list), nor a part of a caption.  An ``h2``/``h3``
    right after the headline (before any text paragraph, however many empty or
    short blocks stand between) is the lead when it is long (a standfirst) or
    is the page's own ``og:description``.
    """
    described = {alnum(text) for text in descriptions}
    key = alnum(headline or "")
    paragraphs = 0  # text paragraphs passed since the headline
    first_text = True  # no text block passed since the headline yet
    for position, element in enumerate(following[:HEADER_SPAN]):
        text = block_text(element)
        if not text or (key and len(text) >= len(key) and key in alnum(text)):
            continue  # the headline again, or a header block around it (its parts come next)
        if _in_caption_or_service(element, markers):
            continue  # a caption's "description" part is no teaser
        if markers.is_lead(element) and _sentence_sized(text) and not _holds_service(element, markers):
            return text
        near = position < HEADER_SPAN // 4 or not paragraphs
        if element.tag in ("h2", "h3") and near and _standfirst(element, text, described, first_text):
            return _intro_under(element, following[position + 1 : HEADER_SPAN], markers) or text
        first_text = first_text and element.tag in _INLINE_TAGS
        if element.tag == "p" and len(text) > BODY_PARAGRAPH_CHARS:
            return None  # the body has started
        paragraphs += element.tag == "p" and len(text) >= MIN_LEAD_CHARS
    return None


def _intro_under(heading: Any, after: list[Any], markers: PageMarkers) -> str | None:
    """A lead-class block that is the next text after a subheadline: the subheadline (``h2``
    "Erdrutschsieg der VMRO-DPMNE") is a second title, the intro under it the lead."""
    inside = set(heading.iter())
    for element in after:
        if element in inside or not (text := block_text(element)):
            continue
        if markers.is_lead(element) and _sentence_sized(text) and not _holds_service(element, markers):
            return text
        return None
    return None


def _sentence_sized(text: str) -> bool:
    """Teaser-sized, and not a short metadata line with a date (``Nachricht | 30.10.2021 …``)."""
    if not MIN_LEAD_CHARS <= len(text) <= MAX_LEAD_CHARS:
        return False
    return len(text.split()) > MAX_META_LINE_WORDS or not _DATE_IN_LINE.search(text)


def _standfirst(element: Any, text: str, described: set[str], first: bool) -> bool:
    """A long ``h2`` under the headline (or a long ``h3`` that is the very next text block: a
    press release's subtitle), or a heading that repeats the page's own description."""
    long = len(text.split()) >= MIN_H2_LEAD_WORDS
    return (long and (element.tag == "h2" or first)) or alnum(text) in described


def _holds_service(element: Any, markers: PageMarkers) -> bool:
    return any(markers.is_service(node) for node in element.iter() if isinstance(node.tag, str))


def header_lead(headline_element: Any, markers: PageMarkers) -> str | None:
    """A paragraph under the headline inside the article's ``<header>`` (with kicker, byline, date).

    An HTML5 article header holds what introduces the story; a text paragraph
    in it, after the headline, is the teaser.  A "header" that holds most of
    the page (more than :data:`MAX_HEADER_CHARS`) is a layout wrapper instead.
    """
    header = next((node for node in headline_element.iterancestors() if node.tag == "header"), None)
    if header is None or len(block_text(header)) > MAX_HEADER_CHARS:
        return None
    passed = False
    for node in header.iter():
        if node is headline_element:
            passed = True
        elif passed and node.tag == "p" and not _in_caption_or_service(node, markers):
            text = block_text(node)
            if _sentence_sized(text) and not _holds_service(node, markers):
                return text
    return None


def block_lead(headline_element: Any, markers: PageMarkers) -> str | None:
    """The one text block under the headline in the headline's own block, with the body elsewhere.

    The guidelines' rule 2 (a teaser is set apart by its place): the smallest
    ancestor of the headline that holds at most :data:`MAX_HEADER_CHARS` of text
    is its block (title, teaser, date line, a picture); when that block holds
    exactly one teaser-sized text after the headline and a text paragraph follows
    outside it, that text is the lead.  An article printed whole inside the
    headline's block has more than one such text and gives none.
    """
    node = headline_element
    for _ in range(HEADLINE_BLOCK_LEVELS):
        node = node.getparent()
        if node is None or len(block_text(node)) > MAX_HEADER_CHARS:
            return None
        texts = _texts_after(node, headline_element, markers)
        if len(texts) > 1:
            return None
        if texts and _paragraph_after(node):
            return texts[0]
    return None


def _texts_after(block: Any, headline_element: Any, markers: PageMarkers) -> list[str]:
    """Sentence-sized text blocks after the headline inside ``block`` (captions and service left out)."""
    inside = set(headline_element.iter())
    found, passed = [], False
    for node in block.iter():
        if node is headline_element:
            passed = True
        if not passed or node in inside or not isinstance(node.tag, str) or node.tag in _NO_TEXT_TAGS:
            continue  # inline parts belong to their block; a script's code is no text
        own = node.tag in ("p", "h2", "h3", "h4") or bool(node.text and node.text.strip())
        if not own or _in_caption_or_service(node, markers) or _holds_service(node, markers):
            continue
        text = block_text(node) if node.tag in ("p", "h2", "h3", "h4") else " ".join(node.text.split())
        if _sentence_sized(text):
            found.append(text)
    return found


def _paragraph_after(block: Any) -> bool:
    """Whether a text paragraph follows the block elsewhere in the page."""
    for node in block.itersiblings():
        for paragraph in node.iter("p"):
            if len(block_text(paragraph)) >= MIN_LEAD_CHARS:
                return True
    parent = block.getparent()
    return parent is not None and _paragraph_after(parent)


def description_core(description: str) -> str:
    """The description without a leading date stamp (``06.11.2023, 11.41 Uhr :``) and trailing ``…``."""
    text = _DESCRIPTION_DATE.sub("", " ".join(description.split()))
    return text.rstrip("".join(_ELLIPSIS) + " ")


def shown_description(following: list[Any], markers: PageMarkers, descriptions: list[str]) -> str | None:
    """``og:description`` shown after the headline as a block set apart from the body.

    The block is a paragraph or the bare text that opens a container; it shows
    the description (or the description opens with it), and either it is the
    only paragraph of its container while the next paragraph stands in another
    one, or the next thing after it is a picture.  The search stops at the first
    body-sized paragraph that is not the description.
    """
    cores = [alnum(core) for core in map(description_core, descriptions)]
    cores = [core for core in cores if len(core) >= MIN_LEAD_CHARS]
    if not cores:
        return None
    for element in following[:HEADER_SPAN]:
        if _in_caption_or_service(element, markers):
            continue
        text, after, paragraph = _run(element)
        if len(text) < MIN_LEAD_CHARS:
            continue
        key = alnum(text)
        if any(_shows(key, core) for core in cores):
            return text if _set_apart(element, after, paragraph, following) else None
        if len(text) >= BODY_PARAGRAPH_CHARS:
            return None
    return None


def _in_caption_or_service(element: Any, markers: PageMarkers) -> bool:
    """Whether the element is a service block, or is or sits in a figure or caption.

    Only captions are looked for among the ancestors: service classes also name
    wrappers around the whole article (``single-post tag-politik``).
    """
    if markers.is_service(element) or _describes_picture(element):
        return True
    nodes = (element, *element.iterancestors())
    return any(node.tag == "figure" or markers.is_caption(node) for node in nodes)


def _describes_picture(element: Any) -> bool:
    """A text that is all its block holds besides a picture: the picture's caption, whatever its
    class says (``div.visual > picture + div.description``).  A teaser in a header beside a picture
    does not count: the header holds the headline too."""
    parent = element.getparent()
    if parent is None or not any(_is_picture(child) for child in parent if child is not element):
        return False
    return alnum(block_text(parent)) == alnum(block_text(element))


def _shows(key: str, core: str) -> bool:
    """Whether a block (letters only) shows the description: its start, or all of it and little more."""
    return core.startswith(key) or (key.startswith(core) and len(key) <= MAX_RUN_OVER_DESCRIPTION * len(core))


def _run(element: Any) -> tuple[str, list[Any], bool]:
    """The text block an element starts, the nodes that follow it, and whether it is a paragraph.

    A paragraph's text (up to a picture nested in it, as broken WordPress markup
    has it), or the bare text opening a container.
    """
    if element.tag == "p":
        children = list(element)
        cut = next((i for i, child in enumerate(children) if _is_picture(child)), None)
        if cut is None:
            return block_text(element), list(element.itersiblings()), True
        parts = [element.text or ""] + [block_text(c) + " " + (c.tail or "") for c in children[:cut]]
        return " ".join("".join(parts).split()), children[cut:] + list(element.itersiblings()), True
    if element.tag in ("div", "section", "article") and element.text and element.text.strip():
        return " ".join(element.text.split()), list(element), False
    return "", [], False


def _set_apart(element: Any, after: list[Any], paragraph: bool, following: list[Any]) -> bool:
    """Whether the teaser block is apart from the body: above a picture, or alone in its container."""
    if _first_is_picture(after):
        return True
    if not paragraph:
        return False
    inside = set(element.iter())
    start = following.index(element) if element in following else 0
    for node in following[start + 1 :]:
        if node.tag == "p" and node not in inside and len(block_text(node)) >= MIN_LEAD_CHARS:
            return node.getparent() is not element.getparent()
    return False


def _is_picture(node: Any) -> bool:
    """Whether a node is or holds a picture."""
    if not isinstance(node.tag, str):
        return False
    return node.tag in _PICTURES or next(node.iter(*_PICTURES), None) is not None


def _first_is_picture(nodes: list[Any]) -> bool:
    """Whether the first of ``nodes`` that shows anything is a picture (with at most a caption)."""
    for node in nodes:
        if not isinstance(node.tag, str):
            continue
        pictures = [node] if node.tag in _PICTURES else list(node.iter(*_PICTURES))
        if pictures:
            own = not all(_links_away(picture) for picture in pictures)
            return own and len(block_text(node)) <= MAX_PART_CHARS
        if node.tag in _SPACERS and not block_text(node):
            continue
        if block_text(node):
            return False
    return False


def _links_away(picture: Any) -> bool:
    """Whether a picture is a link to another site (an advert or a partner teaser, not the article's)."""
    link = next((node for node in picture.iterancestors("a")), None)
    href = (link.get("href") or "") if link is not None else ""
    return href.startswith(("http://", "https://", "//")) and not _IMAGE_FILE.search(href)


def description_lead(meta: dict[str, list[str]], ld: list[dict[str, Any]], body: str) -> str | None:
    """og:description (or JSON-LD description) as the lead when the body does not hold it."""
    options = [*meta.get("og:description", ()), *(str(o["description"]) for o in ld if o.get("description"))]
    flat = alnum(body)
    for option in options:
        text, core = _DESCRIPTION_DATE.sub("", " ".join(option.split())), description_core(option)
        if len(text.split()) < MIN_DESCRIPTION_WORDS or alnum(core)[:200] in flat:
            continue
        if text.endswith(_ELLIPSIS):
            continue  # a cut-off copy of the first paragraph, not a teaser of its own
        return text
    return None
