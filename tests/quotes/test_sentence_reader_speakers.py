"""Speakers after the sentence reader's year rule and of quoting passives (issue 12, twentieth session:
errors read from folds 0 and 1 of quotes-wikinews/train only, fold 2 unread), on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes import frame_parts


def _speaker_of(pipeline: Pipeline, text: str, words: str) -> str | None:
    """The speaker of the statement whose quotation holds ``words``."""
    article = pipeline(Article.create(text))
    found = [s.speaker.text if s.speaker else None for s in article.statements if words in s.quote.text]
    assert found, [(s.quote.text, s.speaker) for s in article.statements]
    return found[0]


QUOTED_BY_AGENCY = (
    "Die Gemeinde wählte zum ersten Mal seit dem Jahr 1990. "
    "Bürgermeisterin Karla Imhof wird von der Nachrichtenagentur dpa mit den Worten zitiert, "
    "die Wahl sei ruhig verlaufen."
)


def test_the_subject_of_a_quoting_passive_speaks_not_its_agent(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, QUOTED_BY_AGENCY, "ruhig verlaufen") == "Bürgermeisterin Karla Imhof"


def test_the_subject_of_a_quoting_passive_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frame_parts, "QUOTING_AGENTS", False)
    assert _speaker_of(pipeline, QUOTED_BY_AGENCY, "ruhig verlaufen") == "der Nachrichtenagentur dpa"


def test_the_agent_of_another_passive_speech_verb_still_speaks(pipeline: Pipeline) -> None:
    text = "Der Plan wurde vom Presseamt der Stadt bekannt gegeben, die Straße werde gesperrt."
    assert _speaker_of(pipeline, text, "gesperrt") == "Presseamt der Stadt"
