"""``wortlaut eval ...``: quality measurements on external data (see docs/quality.md)."""

from __future__ import annotations

import click

from wortlaut.cli import LazyGroup

#: evaluation name -> "module:attribute" of its click command (in wortlaut.eval).
EVALUATIONS: dict[str, str] = {
    "quotes": "wortlaut.eval.quotes:command",
    "ner": "wortlaut.eval.ner:command",
    "mood": "wortlaut.eval.mood:command",
    "timex": "wortlaut.eval.timex:command",
    "stories": "wortlaut.eval.stories:command",
    "similar": "wortlaut.eval.similar:command",
    "pages": "wortlaut.eval.pages:command",
    "statements-own": "wortlaut.eval.statements_own:command",
    "claims": "wortlaut.eval.claims:command",
    "claims-relations": "wortlaut.eval.claims_relations:command",
    "claims-drift": "wortlaut.eval.claims_drift:command",
    "linking": "wortlaut.eval.ner_linking:command",
}


@click.group(cls=LazyGroup, lazy=EVALUATIONS, name="eval")
def evaluate() -> None:
    """Measure quality on annotated corpora and print the scores."""
