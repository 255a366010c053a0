"""A time expression filling the prefield is no subject (issue 12; invented sentences)."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Am Samstag, 29. Oktober warnte die Gemeinde Lohne vor verschmutztem Wasser.", "die Gemeinde Lohne"),
        ("Am Montag, 3. Mai kritisierte der Verband die neuen Regeln.", "der Verband"),
    ],
)
def test_date_after_a_comma_in_the_prefield_leaves_the_subject_after_the_verb(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    (statement,) = pipeline(Article.create(text)).statements
    assert statement.speaker is not None and statement.speaker.text == speaker
