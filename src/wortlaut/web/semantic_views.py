"""Page contexts for search by meaning: "statements like this one" and the search page's meaning toggle.

Kept beside :mod:`wortlaut.web.views`; both read only through the store.
"""

from __future__ import annotations

from typing import Any

from wortlaut.store import SemanticHit, Store

#: Similar statements shown on a statement's page (the API allows up to 100).
SIMILAR_SHOWN = 20
#: Statements found by meaning shown above the word matches on the search page.
MEANING_SHOWN = 20


def similar(store: Store, statement_id: str) -> dict[str, Any]:
    """The statement and the statements most like it, best first."""
    hits = store.similar(statement_id, limit=SIMILAR_SHOWN)
    start = store.statement(statement_id)
    return {"origin": start, "hits": hits, "lists": {"similar": hits}}


def by_meaning(store: Store, query: str) -> list[SemanticHit]:
    """Statements matching ``query`` by meaning fused with word matches (RRF), for the search page."""
    return store.semantic_search(query, limit=MEANING_SHOWN) if query.strip() else []
