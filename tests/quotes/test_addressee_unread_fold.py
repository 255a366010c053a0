"""Addressee grammar chosen on two folds of quotes-wikinews/train and confirmed on the third, unread one
(issue 12, seventeenth session, second round), each checked on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    article = pipeline(Article.create(text))
    return [
        (s.quote.text, s.cue.text if s.cue else None, s.addressee.text if s.addressee else None)
        for s in article.statements
    ]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Den Bewohnern wurde geraten, nicht nach draußen zu gehen.", "Den Bewohnern"),
        ("Die Ärztin hat den Patienten geraten, viel zu trinken.", "den Patienten"),
    ],
)
def test_the_participle_geraten_with_haben_or_werden_advises(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    """``geraten`` is the participle of ``raten`` (advise) in the perfect and the passive; its dative is the
    one advised."""
    statements = _statements(pipeline, text)
    assert [addr for _, _, addr in statements] == [addressee]
    assert statements[0][1] is not None and "geraten" in statements[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "Er ist unter Druck geraten, seine Pläne aufzugeben.",
        "Weil er unter Druck geraten war, seine Pläne aufzugeben, trat er zurück.",
    ],
)
def test_geraten_with_sein_is_no_speech_verb(pipeline: Pipeline, text: str) -> None:
    """With ``sein`` the same participle is ``geraten`` (to get into): no statement is framed by it."""
    assert all(cue is None or "geraten" not in cue for _, cue, _ in _statements(pipeline, text))
