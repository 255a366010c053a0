"""Quotation rules added from the quotes-wikinews train error analysis, on hand-built articles.

Some rules read POS and mood from the morphology stage; ``_tagged`` builds such tokens by hand.
"""

from __future__ import annotations

import re

import pytest

from wortlaut.article import Article, Token
from wortlaut.stages.statements import StatementsStage


@pytest.fixture(scope="module")
def stage() -> StatementsStage:
    return StatementsStage()


def _tagged(text: str, tags: dict[str, tuple[str, str | None]]) -> Article:
    """An article whose tokens carry the given (POS, mood) per word; other words are nouns or punctuation."""
    tokens = []
    sentence = 0
    for match in re.finditer(r"\w[\w-]*|[^\w\s]", text):
        word = match.group()
        pos, mood = tags.get(word, (_default_pos(word), None))
        tokens.append(
            Token(start=match.start(), end=match.end(), text=word, sentence=sentence, pos=pos, mood=mood)
        )
        if word in {".", "!", "?"}:
            sentence += 1
    return Article.create(text).with_layers(tokens=tuple(tokens))


def _default_pos(word: str) -> str:
    if not word.isalnum():
        return "$."
    return "NN" if word[:1].isupper() else "ADV"


def test_konjunktiv_clause_after_an_unknown_verb_is_indirect_speech(stage: StatementsStage) -> None:
    article = _tagged(
        "Der Minister schüttelte den Kopf, es gebe keine Hoffnung mehr.",
        {
            "Der": ("ART", None),
            "schüttelte": ("VVFIN", "ind"),
            "den": ("ART", None),
            "gebe": ("VVFIN", "sub1"),
            "es": ("PPER", None),
        },
    )
    (statement,) = stage(article).statements
    assert (statement.mode, statement.rule) == ("indirect", "indirect.konjunktiv")
    assert statement.quote.text == "es gebe keine Hoffnung mehr"
    assert statement.speaker is not None and statement.speaker.text == "Der Minister"


def test_demonstrative_points_back_to_the_previous_sentence(stage: StatementsStage) -> None:
    article = stage(Article.create("Die Firma wird verkauft. Dies bestätigte der Sprecher am Montag."))
    (statement,) = article.statements
    assert statement.rule == "indirect.anaphoric"
    assert statement.quote.spans is not None
    assert [article.text[start:end] for start, end in statement.quote.spans] == [
        "Die Firma wird verkauft",
        "Dies",
    ]
    assert statement.speaker is not None and statement.speaker.text == "der Sprecher"


def test_consecutive_reported_sentences_are_one_free_indirect_quote(stage: StatementsStage) -> None:
    text = "Der Minister sagte, die Lage sei ernst. Es gebe keine Hoffnung. Die Regierung habe versagt."
    free = [item for item in stage(Article.create(text)).statements if item.mode == "free_indirect"]
    assert len(free) == 1
    assert free[0].quote.text == "Es gebe keine Hoffnung. Die Regierung habe versagt."
    assert free[0].speaker is not None and free[0].speaker.text == "Der Minister"


def test_addressee_between_verb_and_reported_clause(stage: StatementsStage) -> None:
    (statement,) = stage(
        Article.create("Köhler sagte den Gewerkschaften, sie müssten ihre Zurückhaltung aufgeben.")
    ).statements
    assert statement.mode == "indirect"
    assert statement.quote.text == "sie müssten ihre Zurückhaltung aufgeben"


def test_relative_clause_on_an_object_is_not_a_reported_clause(stage: StatementsStage) -> None:
    statements = stage(
        Article.create("Er betonte die Priorität der Luftabwehr, die im Winter besonders wichtig seien.")
    ).statements
    assert [item.mode for item in statements] == ["reported"]
    assert "Priorität der Luftabwehr" in statements[0].quote.text


def test_reported_clause_ends_before_a_coordinated_indicative_verb(stage: StatementsStage) -> None:
    article = _tagged(
        "Er sagte, sie müssten sich bewegen, und bemühte das Bild vom Zug.",
        {
            "sagte": ("VVFIN", "ind"),
            "müssten": ("VMFIN", "sub2"),
            "bemühte": ("VVFIN", "ind"),
            "Er": ("PPER", None),
            "sie": ("PPER", None),
            "und": ("KON", None),
        },
    )
    (statement,) = stage(article).statements
    assert statement.quote.text == "sie müssten sich bewegen"
