"""Speaker losses found on quotes-wikinews/train (issue 12, fourteenth session), each checked on invented
sentences: trailing frames with adverbs before their subject."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Pläne seien unverändert, sagte jetzt allerdings eine Sprecherin.", "eine Sprecherin"),
        (
            "Vor der Landung fiel ein Triebwerk aus, teilte später der Leiter der Behörde, Paul Grau, mit.",
            "der Leiter der Behörde, Paul Grau",
        ),
    ],
)
def test_a_trailing_frame_has_its_subject_after_adverbs(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_a_subject_with_apposition_before_an_inverted_verb_is_no_reported_clause(pipeline: Pipeline) -> None:
    text = "Auch die größte Bank des Landes, die Nordbank, meldete heute hohe Verluste."
    rules = [s.rule for s in pipeline(Article.create(text)).statements]
    assert "indirect.trailing" not in rules
