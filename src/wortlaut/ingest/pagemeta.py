"""Headline, kicker, lead and dates of a news page, from its own markup (headline: :mod:`pageheadline`).

trafilatura's metadata takes the title from ``<title>``/``og:title`` as they
are (site name, date and SEO variants included) and prefers whatever date it
meets first; its text often drops the teaser.  This module adds what it lacks:

- headline: the first of ``og:title``, ``twitter:title``, JSON-LD ``headline``,
  the ``<title>`` element and trafilatura's title (site name and trailing dates
  cut off; a title that is only the site name, ``L-Mag``, dropped) that is also a visible
  ``h1``/``h2`` of the page; the visible wording wins when they differ only in
  punctuation or when the title adds a section or kicker before or after it
  (``Fachmeldungen - Verkündung …``, ``Wahl: Eva …``).  Sites with an SEO ``h1``
  and a different visible headline (which is then the ``og:title``) are read
  right this way.
- kicker: a Dachzeile element (class markers in ``lang/de/page_markers.tsv``)
  inside or just before the headline element; it is cut off the headline.
- lead: see :mod:`wortlaut.ingest.pagelead` for the rule.
- dates: see :mod:`wortlaut.ingest.pagedates` for the rule.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from wortlaut.ingest.pagedates import (
    MAX_DATE_LINE_WORDS,
    DateCandidate,
    choose_published,
    choose_updated,
    published_candidates,
    updated_candidates,
)
from wortlaut.ingest.pageheadline import (
    MAX_TITLE_CHARS,
    choose_headline,
    headings,
    is_site,
    split_kicker,
    strip_site,
)
from wortlaut.ingest.pagelead import (
    HEADER_SPAN,
    alnum,
    block_lead,
    description_lead,
    find_lead,
    header_lead,
    shown_description,
)
from wortlaut.ingest.pageparts import PageMarkers, block_text

#: Elements looked at above the headline for a byline with date (``Gunter Frank /
#: 22.04.2020 / 06:15``); a quarter of the header window below it.
BEFORE_SPAN = HEADER_SPAN // 4
#: Body lines this short may be a publication label with its date (``Erschienen am:``).
MAX_LABEL_LINE_WORDS = 6
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|NewsArticle|WebPage")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """What the page says about itself; ``*_source`` names where each date came from."""

    headline: str | None
    kicker: str | None
    lead: str | None
    lead_source: str | None
    published: DateCandidate | None
    updated: DateCandidate | None


def read_page_meta(
    tree: Any, *, body: str, sites: list[str], fallback_title: str | None, fallback_date: str | None,
    markers: PageMarkers, months: dict[str, int],
) -> PageMeta:  # fmt: skip
    """Headline, kicker, lead and dates of a parsed page; ``body`` is the extracted main text."""
    meta = meta_tags(tree)
    ld = json_ld(tree)
    ld_titles = [str(o["headline"]) for o in ld if o.get("headline")]
    titles = [*meta.get("og:title", ()), *meta.get("twitter:title", ()), *ld_titles, *_title_element(tree)]
    titles += [fallback_title] if fallback_title else []
    keys = [alnum(site) for site in sites if site and alnum(site)]
    titles = [t for t in (strip_site(t, sites) for t in titles) if t and not is_site(t, keys)]
    headline, element = choose_headline(titles, headings(tree, markers))
    kicker = None
    if element is not None:
        kicker, headline = split_kicker(element, headline, markers)
    following = _after(element, tree) if element is not None else []
    ld_descriptions = [str(o["description"]) for o in ld if o.get("description")]
    descriptions = [*meta.get("og:description", ()), *ld_descriptions]
    lead, source = find_lead(following, markers, headline, descriptions), "page"
    if lead is None and element is not None:
        lead = header_lead(element, markers) or block_lead(element, markers)
    if lead is None:
        lead, source = shown_description(following, markers, descriptions), "page"
    if lead is None:
        lead, source = description_lead(meta, ld, body), "description"
    header = [block_text(el) for el in following[:HEADER_SPAN] if not _inline_in_text(el)]
    before = _before(element, tree) if element is not None else []
    lines = body.splitlines()
    visible = header + [line for line in lines if len(line.split()) <= MAX_LABEL_LINE_WORDS] + lines[-5:]
    published = choose_published(published_candidates(
        ld=ld, meta=meta, visible=visible, header=header, times=_times(following, tree, markers),
        fallback=fallback_date, months=months, before=before))  # fmt: skip
    updated = choose_updated(updated_candidates(ld=ld, meta=meta, visible=visible, months=months), published)
    return PageMeta(
        headline=headline, kicker=kicker, lead=lead, lead_source=source if lead else None,
        published=published, updated=updated,
    )  # fmt: skip


def meta_tags(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased property/name/itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return found


def _title_element(tree: Any) -> list[str]:
    """The page's ``<title>``: a candidate of its own, since trafilatura's title prefers
    ``og:title``, which some sites fill with a section name (``Medienmitteilungen``) or a
    teaser variant of the visible headline."""
    element = tree.find(".//title")
    text = " ".join((element.text_content() if element is not None else "").split())
    return [text] if text and "<" not in text and len(text) <= MAX_TITLE_CHARS else []


def json_ld(tree: Any) -> list[dict[str, Any]]:
    """The article-like JSON-LD objects (``@graph`` and lists flattened); broken scripts are skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        objects.extend(_flatten(data))
    articles = [
        o for o in objects if _ARTICLE_TYPES.search(str(o.get("@type", ""))) and o.get("@type") != "WebPage"
    ]
    return articles + [o for o in objects if o not in articles and ("headline" in o or "datePublished" in o)]


def _flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for part in data for item in _flatten(part)]
    if isinstance(data, dict):
        return [data, *_flatten(data.get("@graph", []))]
    return []


def _after(element: Any, tree: Any) -> list[Any]:
    """Elements after ``element`` (not inside it) in document order, navigation menus left out.

    A site menu set between the headline and the article (a headline in the
    page header) would otherwise fill the window the lead is looked for in.
    """
    inside = set(element.iter())
    seen, following = False, []
    for node in tree.iter():
        if node is element:
            seen = True
        elif seen and node not in inside and isinstance(node.tag, str):
            if node.tag == "nav" or node.get("role") == "navigation":
                inside.update(node.iter())
                continue
            following.append(node)
            if len(following) >= 4 * HEADER_SPAN:
                break
    return following


def _before(element: Any, tree: Any) -> list[str]:
    """Texts of the last few blocks before ``element`` in document order (its ancestors left out)."""
    ancestors = set(element.iterancestors())
    preceding: list[Any] = []
    for node in tree.iter():
        if node is element:
            break
        if isinstance(node.tag, str) and node not in ancestors:
            preceding.append(node)
    texts: list[str] = []
    for node in reversed(preceding):  # from the headline upwards, only as far as needed
        if len(texts) == BEFORE_SPAN:
            break
        if not _inline_in_text(node) and (text := block_text(node)):
            texts.append(text)
    return texts[::-1]


#: Inline elements: their text is part of the block around them.
_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "abbr", "small", "sup", "sub", "mark", "u"})


def _inline_in_text(element: Any) -> bool:
    """An inline element inside a longer block (a link in a sentence is no date line of its own)."""
    parent = element.getparent()
    if element.tag not in _INLINE or parent is None:
        return False
    return len(block_text(parent).split()) > MAX_DATE_LINE_WORDS


def _times(following: list[Any], tree: Any, markers: PageMarkers) -> list[str]:
    """``datetime`` values of the article's ``<time>`` elements after the headline, else of the page.

    Not the article's: a hidden stamp (``div.h-hide``), one in a related-posts or
    promo block, or one in a list item whose list dates other items too (a
    teaser list of further press releases).
    """
    values = [el.get("datetime") for el in following[:HEADER_SPAN] if _article_time(el, markers)]
    return values or [el.get("datetime") for el in tree.iter("time") if _article_time(el, markers)][:1]


def _article_time(element: Any, markers: PageMarkers) -> bool:
    if element.tag != "time" or not element.get("datetime") or markers.is_hidden(element):
        return False
    for node in element.iterancestors():
        if markers.is_service(node) in ("promo", "aside") or node.tag == "aside":
            return False
        if node.tag in ("ul", "ol") and sum(1 for _ in node.iter("time")) > 1:
            return False
    return True


def parse_html(page: bytes | str) -> Any:
    """An lxml tree of the page (lxml reads the declared or sniffed encoding)."""
    return lxml_html.fromstring(page)
