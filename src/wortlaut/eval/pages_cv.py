"""Leave-one-site-out estimates for every field on all annotated pages (``wortlaut eval pages --cv``).

Since issue 16e all 119 annotated pages are development pages (every split has
been scored and read), so the honest estimate of what a new site gets is
leave-one-site-out: each page is read without the language data that only its
own site supports, as if that site had been held out while the data was
written.  Two kinds of data are left out that way:

- line markers (rows of ``lang/de/structure_boilerplate.tsv``): a row is
  supported by the sites where it catches a line the gold calls service
  (:func:`wortlaut.eval.pages_lines.marker_support`);
- class markers (``lang/de/page_markers.tsv``), split into their alternatives
  (``teaser``, ``intro`` … one by one): an alternative is supported by the
  sites where an element it matches holds a gold anchor of its kind (a kicker,
  a lead anchor, a caption or service anchor).

Data that supports no site stays (general knowledge, or written for pages not
in the gold).  The code's rules (dates, headline choice, lead placement) have
no per-site record and are not left out: for them the held-back splits, each
scored once before it became development data, are the out-of-site evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wortlaut.article import Article
from wortlaut.eval.pages import GoldPage, Reading, leaks, norm, score_page, summarise
from wortlaut.eval.pages_lines import PageLines, _row_markers, _RulesStage, marker_support, site_of
from wortlaut.ingest.htmltext import page_article
from wortlaut.ingest.pageparts import PageMarkers, block_text
from wortlaut.lang.tables import read_rows
from wortlaut.structure.rules import StructureRules

Verdict = dict[str, bool | None]
_WORDS = re.compile(r"[A-Za-z0-9]+(?:\|[A-Za-z0-9]+)+")
#: Service kinds whose elements may hold a caption anchor as well (a credit under a photo).
_CAPTION_KINDS = frozenset({"caption", "credit"})


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex, a group of plain words expanded word by word.

    ``a|b(^|-)(x|y)`` gives ``a``, ``b(^|-)(x)``, ``b(^|-)(y)``: each word of a
    marker list is its own piece of evidence.
    """
    found: list[str] = []
    for alt in _split_top(pattern):
        group = _word_group(alt)
        if group is None:
            found.append(alt)
            continue
        start, end = group
        found.extend(f"{alt[:start]}({word}){alt[end:]}" for word in alt[start + 1 : end - 1].split("|"))
    return found


def _split_top(pattern: str) -> list[str]:
    parts, depth, current, escaped, in_class = [], 0, "", False, False
    for char in pattern:
        if escaped:
            current, escaped = current + char, False
            continue
        if char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif not in_class and char == "(":
            depth += 1
        elif not in_class and char == ")":
            depth -= 1
        elif not in_class and char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    return [*parts, current]


def _word_group(alt: str) -> tuple[int, int] | None:
    """Start and end (exclusive) of the first top-level ``(w1|w2|…)`` group of plain words."""
    for match in re.finditer(r"\(([^()]*)\)", alt):
        if _WORDS.fullmatch(match.group(1)):
            return match.start(), match.end()
    return None


@dataclass(frozen=True, slots=True)
class ClassMarker:
    """One alternative of a class-marker row, and the sites whose gold it serves."""

    kind: str
    pattern: str
    sites: frozenset[str]


def _anchors(kind: str, gold: GoldPage) -> tuple[str, ...]:
    if kind == "hidden":
        return ()  # nothing of the gold is hidden: the hiding conventions are never left out
    if kind == "kicker":
        return (gold.kicker,) if gold.kicker else ()
    if kind == "lead":
        return gold.lead or ()
    if kind in _CAPTION_KINDS:
        return (*gold.captions, *gold.service)
    return gold.service


def class_marker_support(pages: Sequence[GoldPage], root: Path) -> list[ClassMarker]:
    """Every class-marker alternative with the sites where a matching element holds a gold anchor."""
    from trafilatura.utils import load_html

    rows = [
        (kind, alt)
        for kind, pattern, *_ in read_rows("page_markers.tsv", columns=3)
        for alt in alternatives(pattern)
    ]
    compiled = [re.compile(alt, re.IGNORECASE) for _, alt in rows]
    support: list[set[str]] = [set() for _ in rows]
    for gold in pages:
        tree = load_html((root / gold.file).read_bytes())
        if tree is None:
            continue
        by_class: dict[str, list[object]] = {}
        for element in tree.iter():
            if isinstance(element.tag, str) and (classes := element.get("class")):
                by_class.setdefault(classes, []).append(element)
        for r, (kind, _) in enumerate(rows):
            anchors = [norm(a) for a in _anchors(kind, gold)]
            if not anchors or site_of(gold.file) in support[r]:
                continue
            for classes, elements in by_class.items():
                if compiled[r].search(classes) and any(
                    a in norm(block_text(e)) for e in elements for a in anchors
                ):
                    support[r].add(site_of(gold.file))
                    break
    return [ClassMarker(kind, alt, frozenset(s)) for (kind, alt), s in zip(rows, support, strict=True)]


def markers_without(markers: Sequence[ClassMarker], site: str) -> PageMarkers:
    """The class markers with the alternatives only ``site`` supports left out."""
    kept: dict[str, list[str]] = {}
    for marker in markers:
        if not marker.sites or marker.sites - {site}:
            kept.setdefault(marker.kind, []).append(f"(?:{marker.pattern})")
    return PageMarkers(
        patterns={kind: re.compile("|".join(alts), re.IGNORECASE) for kind, alts in kept.items()}
    )


@dataclass(frozen=True, slots=True)
class CvPage:
    """One page: gold, the in-sample reading and verdict, and the leave-one-site-out ones."""

    gold: GoldPage
    reading: Reading
    verdict: Verdict
    loso_reading: Reading
    loso_verdict: Verdict
    dropped: tuple[str, ...]


def read_with(page: bytes, markers: PageMarkers | None, stage: Callable[[Article], Article]) -> Reading:
    """A page read as ``wortlaut analyze`` reads it, with the given class markers and structure stage."""
    article = stage(page_article(page, markers=markers))
    structure = article.structure
    assert structure is not None
    return Reading(
        headline=structure.headline.text if structure.headline else article.title,
        published=article.published,
        lead=structure.lead.text if structure.lead else None,
        body=tuple(paragraph.text for paragraph in structure.paragraphs),
    )


def leave_one_site_out(
    data: Sequence[PageLines], root: Path, stage: Callable[[Article], Article]
) -> tuple[list[CvPage], list[ClassMarker], list[tuple[str, set[str]]]]:
    """In-sample and leave-one-site-out readings of every page, with what was left out for each."""
    rows = list(read_rows("structure_boilerplate.tsv", columns=(3, 4)))
    line_support = marker_support(data, rows)
    class_markers = class_marker_support([page.gold for page in data], root)
    base = StructureRules.load()
    results = []
    for page in data:
        site = site_of(page.gold.file)
        raw = (root / page.gold.file).read_bytes()
        reading = read_with(raw, None, stage)
        kept_rows = [
            row for row, sites in zip(rows, line_support, strict=True) if not sites or sites - {site}
        ]
        rules = StructureRules(
            markers=_row_markers(kept_rows),
            months=base.months,
            prefixes=base.prefixes,
            agencies=base.agencies,
        )
        dropped_lines = [
            row[1][:40] for row, sites in zip(rows, line_support, strict=True) if sites == {site}
        ]
        dropped_classes = [f"{m.kind}:{m.pattern[:40]}" for m in class_markers if m.sites == {site}]
        markers = markers_without(class_markers, site) if dropped_classes else None
        loso = read_with(raw, markers, _RulesStage(rules)) if dropped_lines or dropped_classes else reading
        results.append(
            CvPage(
                gold=page.gold, reading=reading, verdict=score_page(page.gold, reading), loso_reading=loso,
                loso_verdict=score_page(page.gold, loso), dropped=(*dropped_classes, *dropped_lines),
            )
        )  # fmt: skip
    line_rows = [(row[1][:60], sites) for row, sites in zip(rows, line_support, strict=True)]
    return results, class_markers, line_rows


def report(results: Sequence[CvPage], class_markers: Sequence[ClassMarker],
           line_rows: Sequence[tuple[str, set[str]]]) -> Iterable[str]:  # fmt: skip
    """The per-field tables (in-sample, leave one site out) and every miss with its cause."""
    for name, verdicts in (("in-sample", [r.verdict for r in results]),
                           ("leave one site out", [r.loso_verdict for r in results])):  # fmt: skip
        yield table_row(f"wortlaut, {name}", verdicts)
    one_site = [m for m in class_markers if len(m.sites) == 1]
    yield (f"class-marker alternatives: {len(class_markers)}, serving a gold anchor on some site: "
           f"{sum(1 for m in class_markers if m.sites)}, on one site only: {len(one_site)}")  # fmt: skip
    single = sum(1 for _, sites in line_rows if len(sites) == 1)
    yield (f"line-marker rows: {len(line_rows)}, catching gold service on some site: "
           f"{sum(1 for _, sites in line_rows if sites)}, on one site only: {single}")  # fmt: skip
    for field in ("headline", "date", "lead", "clean", "body", "captions"):
        for r in results:
            if r.loso_verdict[field] is False:
                yield f"  miss {field}: {r.gold.file} ({r.gold.split}) - {_cause(field, r)}"


def table_row(name: str, verdicts: Sequence[Verdict]) -> str:
    cells = [
        f"{field} {good}/{total} = {good / total:.2f}" for field, (good, total) in summarise(verdicts).items()
    ]
    return f"{name:<31} n={len(verdicts):<3} " + " | ".join(cells)


def _cause(field: str, result: CvPage) -> str:
    gold, reading = result.gold, result.loso_reading
    prefix = "" if result.verdict[field] is False else f"own-site markers left out {list(result.dropped)}: "
    if field == "headline":
        return prefix + f"read {reading.headline!r}, gold {gold.headline!r}"
    if field == "date":
        return prefix + f"read {reading.published!r}, gold {gold.published}"
    if field == "lead":
        shown = (reading.lead or "")[:70]
        return prefix + f"lead read {shown!r}, gold starts {gold.lead[0] if gold.lead else None!r}"
    if field == "body":
        missing = [a for a in gold.body if not any(norm(a) in norm(p) for p in reading.body)]
        return prefix + f"body anchors lost {missing}"
    return prefix + f"leaked {leaks(gold, reading)}"
