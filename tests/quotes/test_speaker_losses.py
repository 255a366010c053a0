"""Speaker losses found on quotes-wikinews/train (issue 12, thirteenth session), each checked on invented
sentences: an adverb between an inverted speech verb and its subject, …"""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _speakers(pipeline: Pipeline, text: str) -> list[str | None]:
    article = pipeline(Article.create(text))
    return [s.speaker.text if s.speaker else None for s in article.statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Brücke bleibt bis Ende Mai gesperrt. Das bestätigte gestern ein Sprecher des Bauamts.",
            "ein Sprecher des Bauamts",
        ),
        (
            "Am Montag erklärte bereits die Leiterin der Schule, der Unterricht falle aus.",
            "die Leiterin der Schule",
        ),
    ],
)
def test_a_tagged_adverb_after_the_inverted_verb_does_not_hide_the_subject(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]
