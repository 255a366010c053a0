"""Headlines ``Topic: claim`` are no statements; ``Person: claim`` and ``Claim: Worüber X sprach`` are.

Issue 12.

Invented headlines.  The hand-built articles carry their own tokens (with part-of-speech tags) and mentions,
so the grammar is tested without depending on the tagger.
"""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Mention, Span, Structure, Token
from wortlaut.pipeline import Pipeline
from wortlaut.stages.statements import StatementsStage

BODY = "\n\nDer Text beginnt hier ."
BODY_TAGS = ["ART", "NN", "VVFIN", "ADV", "$."]


def _article(words: list[tuple[str, str]], mentions: list[tuple[str, str]]) -> Article:
    """A headline of ``(word, tag)`` pairs and a body line; ``mentions``: ``(text, type)`` in the headline."""
    headline = " ".join(word for word, _ in words)
    text = headline + BODY
    tokens, at = [], 0
    pairs = [*words, *zip(BODY.split(), BODY_TAGS, strict=True)]
    for number, (word, tag) in enumerate(pairs):
        start = text.index(word, at)
        at = start + len(word)
        tokens.append(Token(start=start, end=at, text=word, sentence=int(number >= len(words)), pos=tag))
    found = []
    for name, kind in mentions:
        start = headline.index(name)
        found.append(Mention(start=start, end=start + len(name), text=name, type=kind))
    return Article.create(text).with_layers(
        tokens=tuple(tokens),
        mentions=tuple(found),
        structure=Structure(headline=Span(start=0, end=len(headline), text=headline)),
    )


def _headline_statements(article: Article) -> list[tuple[str, str | None]]:
    return [
        (s.quote.text, s.speaker.text if s.speaker else None)
        for s in StatementsStage()(article).statements
        if s.mode == "headline"
    ]


def test_verbless_claim_after_an_organisation_is_news_about_a_topic() -> None:
    words = [("Stadtwerke", "NE"), (":", "$."), ("Kein", "PIAT"), ("Strom", "NN"), ("mehr", "ADV"),
             ("am", "APPRART"), ("Montag", "NN")]  # fmt: skip
    assert _headline_statements(_article(words, [("Stadtwerke", "ORG")])) == []


def test_verbless_claim_after_a_person_is_a_statement() -> None:
    words = [("Anna", "NE"), ("Berger", "NE"), (":", "$."), ("Keine", "PIAT"), ("neuen", "ADJA"),
             ("Schulden", "NN")]  # fmt: skip
    found = _headline_statements(_article(words, [("Anna Berger", "PER")]))
    assert found == [("Keine neuen Schulden", "Anna Berger")]


def test_claim_with_a_verb_after_an_organisation_is_a_statement() -> None:
    words = [("Gewerkschaft", "NN"), (":", "$."), ("Wir", "PPER"), ("brauchen", "VVFIN"), ("mehr", "PIAT"),
             ("Lohn", "NN")]  # fmt: skip
    found = _headline_statements(_article(words, [("Gewerkschaft", "ORG")]))
    assert found == [("Wir brauchen mehr Lohn", "Gewerkschaft")]


def test_name_that_only_opens_a_compound_is_not_the_speaker() -> None:
    """``EU-Regel: …`` is about a rule; the organisation tagged inside the compound does not speak."""
    words = [("EU-Regel", "NN"), (":", "$."), ("Kohle", "NN"), ("ist", "VAFIN"), ("nicht", "PTKNEG"),
             ("nachhaltig", "ADJD")]  # fmt: skip
    assert _headline_statements(_article(words, [("EU", "ORG")])) == []


@pytest.mark.parametrize(
    "words",
    [
        [("Weltweit", "ADV"), (":", "$."), ("Drohnen", "NN"), ("dürfen", "VMFIN"), ("nicht", "PTKNEG"),
         ("über", "APPR"), ("Leben", "NN"), ("entscheiden", "VVINF")],
        [("Hilfswerk", "NN"), (":", "$."), ("Immer", "ADV"), ("mehr", "PIAT"), ("Menschen", "NN"),
         ("auf", "APPR"), ("Hilfe", "NN"), ("angewiesen", "VVPP")],
    ],
)  # fmt: skip
def test_speech_verb_inside_a_claim_does_not_frame_the_headline(words: list[tuple[str, str]]) -> None:
    assert _headline_statements(_article(words, [])) == []


def test_finite_speech_verb_after_the_colon_frames_the_claim(pipeline: Pipeline) -> None:
    text = "Ohne Druck gibt es keinen Frieden: Worüber Selenskyj mit dem NATO-Chef sprach\n\nDer Text."
    article = pipeline(Article.create(text))
    headline = [s for s in article.statements if s.mode == "headline"]
    assert [(s.quote.text, s.speaker.text if s.speaker else None) for s in headline] == [
        ("Ohne Druck gibt es keinen Frieden", "Selenskyj")
    ]
