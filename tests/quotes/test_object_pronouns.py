"""An accusative or dative pronoun names no speaker: a frameless Konjunktiv sentence does not carry on to
``ihm`` named between (issue 12, fourteenth session); invented sentences, whole pipeline."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "„Das ist eine Zumutung“, sagte ein Polizist an der Brücke. Dem Beamten ist anzumerken, dass ihm "
            "das unangenehm ist. Teilweise absurd sei, was da gerade geschehe.",
            "ein Polizist",
        ),
        (
            "Ein Polizist steht an der Brücke. „Das ist eine Zumutung“, sagt der Beamte. Man sieht ihm an, "
            "dass ihm das unangenehm ist. Teilweise absurd sei das alles.",
            "der Beamte",
        ),
    ],
)
def test_a_konjunktiv_sentence_does_not_take_a_dative_pronoun_as_speaker(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert speaker_texts(pipeline, text)[-1] == speaker
