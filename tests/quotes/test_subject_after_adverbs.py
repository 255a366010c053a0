"""The subject after an inverted speech verb and tagged adverbs (issue 12; invented sentences)."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "„Nichts ist geplant“, sagte jetzt allerdings eine Sprecherin der Bahn.",
            "eine Sprecherin der Bahn",
        ),
        (
            "Die Enten waren krank. Das erklärte gestern ein Sprecher des Ministeriums.",
            "ein Sprecher des Ministeriums",
        ),
    ],
)
def test_tagged_adverbs_between_verb_and_subject_are_skipped(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    (statement,) = pipeline(Article.create(text)).statements
    assert statement.speaker is not None and statement.speaker.text == speaker


def test_adverb_after_a_name_subject_changes_nothing(pipeline: Pipeline) -> None:
    (statement,) = pipeline(Article.create("„Wir bleiben“, sagte allerdings Anna Berger.")).statements
    assert statement.speaker is not None and statement.speaker.text == "Anna Berger"
