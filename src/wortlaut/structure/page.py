"""Kicker, headline, lead, captions and service lines that the HTML reader's hints mark.

The HTML reader (:mod:`wortlaut.ingest.pageparts`) records in ``Article.meta["page"]``
the kicker, lead, captions and service blocks it saw in the page; here they are
found again among the text's lines, so the line rules leave them alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from wortlaut.article import Span
from wortlaut.ingest.pageparts import matches_part
from wortlaut.structure.lines import Line, Role, line_span


@dataclass(frozen=True, slots=True)
class PageBlocks:
    """What the HTML reader's hints (``Article.meta["page"]``) mark in the text."""

    kicker: Span | None
    headline: Span | None
    lead: Span | None
    captions: list[Span]
    boilerplate: list[Span]


def page_blocks(
    text: str, lines: list[Line], roles: list[Role], hints: dict[str, object], title: str | None
) -> PageBlocks:
    """Kicker, headline and lead lines at the top, then caption and service lines, from the reader's hints."""
    index = 0
    kicker = headline = lead = None
    if lines and hints.get("kicker") and _same(lines[0].text, str(hints["kicker"])) and len(lines) > 1:
        roles[0], kicker, index = Role.KICKER, line_span(lines[0]), 1
    if index < len(lines) and title and _same(lines[index].text, title):
        roles[index], headline = Role.HEADLINE, line_span(lines[index])
        index += 1
    wanted = str(hints.get("lead") or "")
    if wanted and index < len(lines) and _same(lines[index].text, wanted):
        roles[index], lead = Role.LEAD, line_span(lines[index])
    captions, boilerplate = [], []
    parts = [("caption", str(c)) for c in _list(hints.get("captions"))]
    parts += [
        (str(k), str(t))
        for k, t in (p for p in _list(hints.get("service")) if isinstance(p, list) and len(p) == 2)
    ]
    for position, line in enumerate(lines):
        if roles[position] is not Role.BODY:
            continue
        kind = next((kind for kind, part in parts if matches_part(line.text, part)), None)
        if kind == "caption":
            roles[position] = Role.CAPTION
            captions.append(line_span(line))
        elif kind is not None:
            roles[position] = Role.BOILERPLATE
            boilerplate.append(Span(start=line.start, end=line.end, text=line.text, label=kind))
    return PageBlocks(kicker=kicker, headline=headline, lead=lead, captions=captions, boilerplate=boilerplate)


def _same(line: str, wanted: str) -> bool:
    return " ".join(line.split()) == " ".join(wanted.split())


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []
