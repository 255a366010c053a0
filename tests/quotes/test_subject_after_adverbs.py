"""The subject after an inverted speech verb and tagged adverbs (issue 12; invented sentences)."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts
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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Das Verfahren läuft“, erklärt auf Nachfrage Martin Rölen aus der Pressestelle.", "Martin Rölen"),
        ("„Das Verfahren läuft noch“, sagte auf Anfrage ein Sprecher der Stadt.", "ein Sprecher der Stadt"),
    ],
)
def test_auf_nachfrage_before_the_inverted_subject_is_skipped(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    """Issue 12, fourteenth session: ``auf Anfrage``/``auf Nachfrage`` stands between verb and subject."""
    found = speaker_texts(pipeline, text)
    assert len(found) == 1 and found[0] is not None and speaker in found[0]
