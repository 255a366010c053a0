"""Speaker rules weighed per fold of quotes-wikinews/train (issue 12, seventeenth session), each checked on
invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "„Wir werden die Steuern nicht erhöhen“, sagte Finanzminister Peter Kramer am Montag. "
            "Seine Partei verlor dennoch „deutlich an Zustimmung“.",
            "„deutlich an Zustimmung“",
        ),
        (
            "„Das Turnier war ein großer Erfolg“, sagte Trainerin Anna Berg nach dem Spiel. "
            "Die Mannschaft spielte „wie entfesselt“.",
            "„wie entfesselt“",
        ),
    ],
)
def test_a_short_frameless_quotation_takes_no_carried_speaker(
    pipeline: Pipeline, text: str, words: str
) -> None:
    """A quoted fragment of one to three words without a frame is the author's wording (a scare quote, a
    phrase), not a statement of the last speaker: on train its carried speaker was right in none of the
    three folds."""
    statements = _statements(pipeline, text)
    assert statements and all(quote != words for quote, _ in statements)


def test_a_long_frameless_quotation_still_carries_the_speaker(pipeline: Pipeline) -> None:
    text = (
        "„Wir werden die Steuern nicht erhöhen“, sagte Finanzminister Peter Kramer am Montag. "
        "„Das haben wir den Wählern vor der Wahl fest versprochen.“"
    )
    speakers = dict(_statements(pipeline, text))
    assert speakers.get("„Das haben wir den Wählern vor der Wahl fest versprochen.“") == (
        "Finanzminister Peter Kramer"
    )
