"""Page contexts for claims: a statement's versions side by side, and relations on a person page.

Kept beside :mod:`wortlaut.web.views`; both read only through the store and the claims library.
"""

from __future__ import annotations

from typing import Any

from wortlaut.claims.answers import person_answers
from wortlaut.claims.versions import versions as statement_versions
from wortlaut.store import Store


def N_(message: str) -> str:
    """Mark a msgid for the catalogue; templates translate it when they show it."""
    return message


#: Flag names as the page shows them (msgids; German in lang/de/messages.po).
FLAG_LABELS = {
    "negation_dropped": N_("negation dropped"),
    "negation_added": N_("negation added"),
    "number_changed": N_("number changed"),
    "name_changed": N_("name changed"),
    "paraphrased": N_("quotation turned into paraphrase"),
    "made_direct": N_("paraphrase printed as quotation"),
    "shortened": N_("shortened"),
}
#: Relation labels (``wortlaut.claims.relations``) and event statuses, shown through ``_()``.
SHOWN_LABELS = (
    *(N_("denied by"), N_("confirmed by"), N_("corrected by"), N_("retracted")),
    *(N_("denied"), N_("confirmed"), N_("corrected")),
    *(N_("happened"), N_("planned"), N_("hypothetical"), N_("negated"), N_("cancelled")),
    *(N_("versions"), N_("relations")),
)


def versions(store: Store, statement_id: str) -> dict[str, Any]:
    """The statement's wording per outlet, each aligned against the earliest, with drift flags."""
    found = statement_versions(store, statement_id)
    rows = [
        {
            "statement_id": item.statement_id,
            "article_id": item.article_id,
            "source": item.source,
            "date": item.date,
            "mode": item.mode,
            "flags": ", ".join(item.flags),
            "text": item.text,
        }
        for item in found.versions
    ]
    return {"found": found, "flag_labels": FLAG_LABELS, "lists": {"versions": rows}}


def add_relations(store: Store, context: dict[str, Any]) -> dict[str, Any]:
    """A person page's context with ``relations``: denied by, confirmed by, corrected (and their answers)."""
    answers = person_answers(store, context["entity"].id)
    context["relations"] = answers
    context["lists"]["relations"] = answers
    return context
