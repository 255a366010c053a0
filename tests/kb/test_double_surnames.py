"""Hyphenated double surnames stay one person: ``Eva Maria Welskop-Deffaa``, ``Göring-Eckardt``."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from tests.kb.articles import FakeTagger, mentions_of, tokenized
from wortlaut.article import Article
from wortlaut.kb.normalize import name_keys
from wortlaut.kb.records import double_surname, is_bare_surname
from wortlaut.stages.entities import EntitiesStage
from wortlaut.stages.tokens import TokensStage


def run(spans: Mapping[tuple[str, ...], str] | None, text: str) -> Article:
    tagger = FakeTagger(spans) if spans is not None else None
    return EntitiesStage(tagger=tagger)(tokenized(text, published="2024-06-01"))


def people(article: Article) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in article.mentions if m.kind == "name" and m.type == "PER"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Eva Welskop-Deffaa", "welskop-deffaa"),
        ("Welskop-Deffaa", "welskop-deffaa"),
        ("Jan Meyer-Schulz-Abel", "meyer-schulz-abel"),
        ("Hans-Peter Müller", None),
        ("Anna Berger", None),
    ],
)
def test_double_surname_is_the_hyphenated_last_word(name: str, expected: str | None) -> None:
    assert double_surname(name_keys(name)) == expected


def test_bare_surname_is_one_hyphenated_word_only() -> None:
    assert is_bare_surname(name_keys("Göring-Eckardt"))
    assert not is_bare_surname(name_keys("Katrin Göring-Eckardt"))
    assert not is_bare_surname(name_keys("Merkel"))


def test_entities_tagged_double_surname_after_first_names_stays_one_mention() -> None:
    text = "Die Präsidentin Eva Maria Welskop-Deffaa kritisierte die Pläne."
    article = run({("Eva", "Maria", "Welskop-Deffaa"): "PER"}, text)
    assert people(article) == [("Eva Maria Welskop-Deffaa", "local:eva-maria-welskop-deffaa")]


def test_entities_first_name_pattern_takes_the_whole_double_surname() -> None:
    article = run(None, "Gestern sprach Katrin Göring-Eckardt im Plenum.")
    assert people(article) == [("Katrin Göring-Eckardt", "local:katrin-goring-eckardt")]


def test_entities_bare_double_surname_tagged_as_organisation_is_the_person() -> None:
    text = "Eva Welskop-Deffaa wurde gewählt. Welskop-Deffaa dankte dem Verband."
    spans = {("Eva", "Welskop-Deffaa"): "PER", ("Welskop-Deffaa",): "ORG"}
    article = run(spans, text)
    assert mentions_of(article, "local:eva-welskop-deffaa") == ["Eva Welskop-Deffaa", "Welskop-Deffaa"]
    assert {m.type for m in article.mentions if "Deffaa" in m.text} == {"PER"}


def test_entities_bare_double_surname_before_the_full_name_joins_it() -> None:
    text = "Welskop-Deffaa sprach zuerst. Danach sagte Eva Welskop-Deffaa etwas."
    spans = {("Eva", "Welskop-Deffaa"): "PER", ("Welskop-Deffaa",): "PER"}
    article = run(spans, text)
    assert mentions_of(article, "local:eva-welskop-deffaa") == ["Welskop-Deffaa", "Eva Welskop-Deffaa"]


def test_entities_genitive_of_a_double_surname_joins_the_person() -> None:
    text = "Katrin Göring-Eckardt kam. Göring-Eckardts Rede war kurz."
    spans = {("Katrin", "Göring-Eckardt"): "PER", ("Göring-Eckardts",): "PER"}
    article = run(spans, text)
    assert mentions_of(article, "local:katrin-goring-eckardt") == ["Katrin Göring-Eckardt", "Göring-Eckardts"]


def test_entities_initial_or_middle_name_more_is_the_same_person() -> None:
    text = "Eva Welskop-Deffaa wurde gewählt. Eva M. Welskop-Deffaa dankte. Eva Maria Welskop-Deffaa ging."
    article = EntitiesStage(tagger=None)(TokensStage()(Article.create(text, published="2024-06-01")))
    assert [m.text for m in article.mentions if m.entity == "local:eva-welskop-deffaa"] == [
        "Eva Welskop-Deffaa",
        "Eva M. Welskop-Deffaa",
        "Eva Maria Welskop-Deffaa",
    ]


def test_entities_two_people_sharing_a_double_surname_stay_apart() -> None:
    text = "Anna Welskop-Deffaa traf Paul Welskop-Deffaa. Welskop-Deffaa sagte nichts."
    spans: dict[tuple[str, ...], str] = {("Welskop-Deffaa",): "PER"}
    article = run(spans, text)
    linked = dict(people(article))
    assert linked["Anna Welskop-Deffaa"] != linked["Paul Welskop-Deffaa"]
    bare = [m.entity for m in article.mentions if m.text == "Welskop-Deffaa"]
    assert bare and all(e not in (linked["Anna Welskop-Deffaa"], linked["Paul Welskop-Deffaa"]) for e in bare)


def test_entities_hyphenated_first_name_is_no_second_person_of_the_plain_one() -> None:
    article = run(None, "Hans-Peter Müller kam. Dann kam Hans Müller.")
    assert len({entity for _, entity in people(article)}) == 2


def test_entities_compound_named_after_a_person_is_no_person() -> None:
    article = run(None, "Sie bekam den Helmut-Schmidt-Preis.")
    assert people(article) == []


def test_entities_hyphenated_firm_without_such_a_person_stays_an_organisation() -> None:
    article = run({("Daimler-Benz",): "ORG"}, "Eva Müller verließ Daimler-Benz im Mai.")
    firm = [(m.text, m.type) for m in article.mentions if m.text == "Daimler-Benz"]
    assert firm == [("Daimler-Benz", "ORG")]
