"""Which earlier statement's speaker a free indirect sentence inherits (issue 12, eighteenth session,
12zh: errors read from folds 0 and 1 of quotes-wikinews/train only), each construction on invented text."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.carry import paragraph_topic

_MAYOR = "Der Bürgermeister Hans Keller sagte am Montag, die Brücke müsse saniert werden."
_UNION = "Die Gewerkschaft Verdi plant für Dienstag einen Streik bei den Stadtwerken."
_CLAIM = "Die Löhne seien seit Jahren zu niedrig."
_COSTS = "Die Kosten lägen bei zwei Millionen Euro."
_KELLER = "Der Bürgermeister Hans Keller"


def _speakers(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    article = pipeline(Article.create(text))
    return {s.quote.text: s.speaker.text if s.speaker else None for s in article.statements}


def test_a_new_paragraph_about_an_organisation_ends_the_carried_speaker(pipeline: Pipeline) -> None:
    text = f"{_MAYOR} {_COSTS}\n\n{_UNION} {_CLAIM}"
    speakers = _speakers(pipeline, text)
    assert speakers[_COSTS] == _KELLER
    assert speakers[_CLAIM] == "Die Gewerkschaft Verdi"


def test_a_sentence_opening_the_new_paragraph_still_continues_the_speaker(pipeline: Pipeline) -> None:
    text = f"{_MAYOR}\n\n{_COSTS}"
    assert _speakers(pipeline, text)[_COSTS] == _KELLER


def test_a_new_paragraph_naming_no_organisation_still_continues_the_speaker(pipeline: Pipeline) -> None:
    text = f"{_MAYOR}\n\nDas Wetter war am Montag schlecht. {_COSTS}"
    assert _speakers(pipeline, text)[_COSTS] == _KELLER


def test_paragraph_topic_needs_a_break_a_whole_sentence_and_a_body_after_it() -> None:
    text = "A sagte das. Mehr folgt.\n\nDie Firma X baut. Es sei gut."
    claim = text.index("Es sei")
    body = (text.index("X"), text.index("X") + 1)
    assert paragraph_topic(text, 12, claim, [body])
    assert not paragraph_topic(text, 12, claim, [])  # no organisation named in the new paragraph
    assert not paragraph_topic(text, 12, claim, [(6, 11)])  # named before the break only
    assert not paragraph_topic(text.replace("\n\n", " "), 12, claim, [body])  # no break
    opening = text.index("Die Firma")
    assert not paragraph_topic(text, 12, opening, [])  # the carried sentence opens the paragraph
