"""The issue-20p candidate row: an event as the object of a zu-infinitive takes the modality of the word
that governs the infinitive (readiness, an attempt, a recommendation: hypothetical; a decision: planned).
The scope reads the morphology tags, so the sentences are tagged first.  The row ships (chosen by
document-grouped CV, docs/quality.md, sixteenth session), so the group is compared here on the shipped rows
without it, the way the CV compared it."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Span
from wortlaut.eval.claims_status_governed import GROUPS_20P
from wortlaut.eval.claims_status_rows import CANDIDATES, cues_with
from wortlaut.events.status import (
    DEFAULT_OPTIONS,
    HAPPENED,
    HYPOTHETICAL,
    PLANNED,
    _rule_status,
    load_status_cues,
)
from wortlaut.stages.morph import MorphStage
from wortlaut.stages.tokens import TokensStage


def _status(text: str, trigger: str, groups: tuple[str, ...]) -> str:
    article = MorphStage()(TokensStage()(Article.create(text, published="2024-12-18")))
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    sentence = Span(start=0, end=len(text), text=text)
    base = tuple(cue for cue in load_status_cues() if cue.scope != "governed")
    return _rule_status(article, span, sentence, options=DEFAULT_OPTIONS, cues=cues_with(groups, base))


@pytest.mark.parametrize(
    ("text", "trigger", "without", "status"),
    [
        ("Die Ministerin hat die Bereitschaft erklärt, in direkte Gespräche mit dem Iran einzutreten.",
         "Gespräche", PLANNED, HYPOTHETICAL),
        ("Der Kommissar empfahl, Verhandlungen über einen Beitritt einzuleiten.", "Verhandlungen", PLANNED,
         HYPOTHETICAL),
        ("Die Regierung unternahm den Versuch, Verhandlungen mit der Opposition zu führen.", "Verhandlungen",
         PLANNED, HYPOTHETICAL),
        # a decision plans the event: no governor of the group
        ("Die Regierung hat beschlossen, Verhandlungen mit der Opposition aufzunehmen.", "Verhandlungen",
         PLANNED, PLANNED),
        # readiness in the clause after the event, which took place
        ("Nach dem Treffen war er bereit, zurückzutreten.", "Treffen", HAPPENED, HAPPENED),
        # the event as the time of the infinitive, not its object
        ("Die Regierung hat versucht, nach dem Gipfel die Steuern zu senken.", "Gipfel", HAPPENED, HAPPENED),
        # the demand's infinitive stands in another clause than the event
        ("Trotz der Forderung, die Steuern zu senken, haben die Verhandlungen begonnen.", "Verhandlungen",
         HAPPENED, HAPPENED),
    ],
)  # fmt: skip
def test_the_governor_of_the_infinitive_decides(text: str, trigger: str, without: str, status: str) -> None:
    assert _status(text, trigger, ()) == without
    assert _status(text, trigger, GROUPS_20P) == status


def test_without_morphology_tags_the_scope_is_empty() -> None:
    text = "Der Kommissar empfahl, Verhandlungen über einen Beitritt einzuleiten."
    article = Article.create(text, published="2024-12-18")
    start = text.index("Verhandlungen")
    span = Span(start=start, end=start + len("Verhandlungen"), text="Verhandlungen")
    sentence = Span(start=0, end=len(text), text=text)
    cues = cues_with(GROUPS_20P)
    assert _rule_status(article, span, sentence, options=DEFAULT_OPTIONS, cues=cues) != HYPOTHETICAL
    assert set(GROUPS_20P) <= set(CANDIDATES)


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Regierung warf dem Nachbarland vor, das Abkommen nicht einzuhalten.", "Abkommen", HAPPENED),
        ("Der Bürgermeister entschied, das Abkommen zur Stadtentwicklung auszusetzen.", "Abkommen", HAPPENED),
        # the first infinitive brings the agreement about: planned, whatever follows it
        ("Die Staaten beschlossen, ein Abkommen zu schließen und es rasch umzusetzen.", "Abkommen", PLANNED),
        ("Die Regierung hat beschlossen, Verhandlungen mit der Opposition aufzunehmen.", "Verhandlungen",
         PLANNED),
    ],
)  # fmt: skip
def test_an_infinitive_that_presupposes_the_event_leaves_it_a_fact(
    text: str, trigger: str, status: str
) -> None:
    assert _status(text, trigger, ("zu_infinitive_existing",)) == status
