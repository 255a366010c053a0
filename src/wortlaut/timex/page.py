"""What the times stage reads of a page: the article's sentences and its own stamp lines.

The tokens stage skips all boilerplate, so a page's dateline (``10.11.2021``, ``Di, 10:19 Uhr``,
``Erstellt am: 01.11.2023``), which the structure stage labels ``timestamp``, and a byline with its
stamp never reach a sentence.  A reader still sees them as the article's own text, unlike link lists,
promos, navigation or cookie lines; the finder reads such lines as units of their own, in text order,
and their finds are kept.  Plain text without a structure is read as before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from wortlaut.article import Article, Span, Structure, TimeExpr
from wortlaut.timex.finder import AnchorFn, TimeFinder

#: Boilerplate labels of lines that are the article's own text for its times: stamp lines and bylines
#: (``Von Anna Berg, 10.11.2021``).  Every other label (``list``, ``promo``, ``cookie``, ``share`` …)
#: stays unread.
OWN_LABELS = frozenset({"timestamp", "byline"})


def own_lines(structure: Structure | None) -> list[Span]:
    """The boilerplate lines the times stage reads, trimmed of surrounding white space."""
    if structure is None:
        return []
    lines = []
    for part in structure.boilerplate:
        if part.label not in OWN_LABELS:
            continue
        inner = part.text.strip()
        if not inner:
            continue
        start = part.start + part.text.index(inner)
        lines.append(Span(start=start, end=start + len(inner), text=inner, label=part.label))
    return lines


def reading_units(sentences: Sequence[Span], structure: Structure | None) -> tuple[Span, ...]:
    """The sentences and the own stamp lines that no sentence covers, in text order (no sentences: none,
    so the finder splits the whole text itself)."""
    if not sentences:
        return ()
    starts = [sentence.start for sentence in sentences]
    extra = [line for line in own_lines(structure) if not _covered(line, sentences, starts)]
    if not extra:
        return tuple(sentences)
    return tuple(sorted([*sentences, *extra], key=lambda span: span.start))


def _covered(line: Span, sentences: Sequence[Span], starts: list[int]) -> bool:
    """Whether a sentence overlaps the line (sentences in text order, not overlapping each other)."""
    index = bisect_left(starts, line.end)  # the sentences from here on start at or after the line's end
    return index > 0 and sentences[index - 1].end > line.start


def find_on_page(finder: TimeFinder, article: Article, anchor: AnchorFn) -> list[TimeExpr]:
    """The time expressions of an analysed article, as the ``times`` stage gives them."""
    units = reading_units(article.sentences, article.structure)
    found = finder.find(article.text, anchor=anchor, sentences=units, tokens=article.tokens)
    return [expr for expr in found if not article.is_boilerplate(expr.start, own=OWN_LABELS)]
