"""Addressee phrases that cannot be anyone spoken to (issue 12, twelfth session; invented sentences)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline

_LEAD = "Der Stadtrat tagte am Montag. "


def _addressees(pipeline: Pipeline, text: str) -> list[str | None]:
    article = pipeline(Article.create(_LEAD + text))
    return [s.addressee.text if s.addressee else None for s in article.statements]


def test_a_genitive_phrase_is_no_addressee(pipeline: Pipeline) -> None:
    text = "Die Fraktion hatte anlässlich des Rücktritts des Ministers erklärt, sie wolle die Akten prüfen."
    assert all(
        addressee is None or not addressee.startswith("des") for addressee in _addressees(pipeline, text)
    )


def test_a_possessive_determiner_is_no_addressee(pipeline: Pipeline) -> None:
    text = (
        "Nachdem der Betrug bekannt wurde, hat Frau Berger am 3. Mai 2019 angekündigt "
        "ihr Landtagsmandat niederzulegen."
    )
    assert "ihr" not in _addressees(pipeline, text)


def test_a_dative_person_stays_the_addressee(pipeline: Pipeline) -> None:
    text = "Der Bürgermeister sagte der Zeitung, dass die Brücke im Mai öffne."
    assert _addressees(pipeline, text) == ["der Zeitung"]
