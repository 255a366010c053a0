"""Quotation marks on pages: ``<q>`` draws them, so a quote that carries its own must lose them.

Quotes in the store keep the marks the article printed („…“, "…", »…«) when
the extractor took them along; shown inside ``<q>`` they doubled
(``„„Wir …“``).  :func:`bare` strips one enclosing pair, and only a pair.
"""

from __future__ import annotations

#: Opening marks and the closing marks that may end a quote they open (German, English, French style).
PAIRS = {"„": '“”"', "“": '”“"', '"': '"“”', "»": "«", "«": "»", "‚": "‘’'", "'": "'’"}


def bare(text: str | None) -> str:
    """``text`` without one pair of enclosing quotation marks (inner marks and half pairs stay)."""
    value = (text or "").strip()
    if len(value) >= 2 and value[0] in PAIRS and value[-1] in PAIRS[value[0]]:
        inner = value[1:-1].strip()
        opened = sum(inner.count(mark) for mark in '„“"»«')
        if value[0] not in inner or opened % 2 == 0:
            return inner
    return value
