"""How many sources a statement has, as readers count them: distinct articles and distinct outlets.

A statement quoted twice in one article is one source, not two; two
articles of the same outlet are two articles but one outlet.
"""

from __future__ import annotations

from typing import Any

from wortlaut import i18n


def source_count(group: Any) -> str:
    """``2 Artikel, 1 Medium`` for a statement group (anything with ``sources`` and ``size``)."""
    sources = getattr(group, "sources", ())
    articles = len({source.article_id for source in sources}) or getattr(group, "size", 0)
    outlets = len({source.source for source in sources if source.source})
    text = i18n.ngettext("%(num)s article", "%(num)s articles", articles)
    if outlets:
        text += ", " + i18n.ngettext("%(num)s outlet", "%(num)s outlets", outlets)
    return text
