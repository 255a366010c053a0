"""Names that belong together: surnames join full names, parts of other names are not mentions, ORG forms."""

from __future__ import annotations

from tests.kb.articles import FakeTagger, mentions_of, tokenized
from wortlaut.article import Article
from wortlaut.stages.entities import EntitiesStage


def run(spans: dict[tuple[str, ...], str], text: str) -> Article:
    return EntitiesStage(tagger=FakeTagger(spans))(tokenized(text, published="2024-06-01"))


def test_entities_bare_surname_before_the_full_kb_name_joins_it() -> None:
    article = run({("Kerry",): "PER"}, "Kerry reiste ab. Später sprach John Kerry in Wien.")
    assert mentions_of(article, "john-kerry") == ["Kerry", "John Kerry"]


def test_entities_kb_surname_inside_another_full_name_is_that_person() -> None:
    text = "Habeck trennt sich. Janine Habeck sagte das."
    article = run({("Janine", "Habeck"): "PER"}, text)
    assert mentions_of(article, "robert-habeck") == []
    assert mentions_of(article, "local:janine-habeck") == ["Habeck", "Janine Habeck"]
    assert article.entity("robert-habeck") is None


def test_entities_kb_surname_stays_with_the_kb_person_named_in_full() -> None:
    article = run({}, "Robert Habeck sprach. Habeck sagte, es gehe voran.")
    assert mentions_of(article, "robert-habeck") == ["Robert Habeck", "Habeck"]


def test_entities_surname_of_two_named_people_stays_ambiguous() -> None:
    text = "Anna Berger traf Paul Berger. Berger sagte nichts."
    article = run({("Anna", "Berger"): "PER", ("Paul", "Berger"): "PER", ("Berger",): "PER"}, text)
    bare = [m.entity for m in article.mentions if m.text == "Berger"]
    assert bare and all(entity not in ("local:anna-berger", "local:paul-berger") for entity in bare)


def test_entities_person_name_glued_to_a_noun_is_no_mention_of_the_person() -> None:
    article = run({}, "Das Merkel-Handy klingelte. Das Musk-Modell ist neu. Merkel schwieg.")
    assert mentions_of(article, "angela-merkel") == ["Merkel"]


def test_entities_legal_form_makes_an_organisation_and_joins_the_name() -> None:
    text = "Die Signa Development Selection AG meldete Verluste. Die Signa Holding zahlte nicht."
    spans = {("Signa", "Development", "Selection"): "PER", ("Signa", "Holding"): "LOC"}
    article = run(spans, text)
    names = {(m.text, m.type) for m in article.mentions if m.kind == "name"}
    assert ("Signa Development Selection AG", "ORG") in names
    assert ("Signa Holding", "ORG") in names


def test_entities_office_title_before_a_surname_finds_the_holder_on_the_day() -> None:
    text = "Das sagte Ministerin Schulze am Montag. Schulze reist."
    article = EntitiesStage(tagger=FakeTagger({("Schulze",): "PER"}))(tokenized(text, published="2022-01-25"))
    assert mentions_of(article, "svenja-schulze") == ["Schulze", "Schulze"]


def test_entities_form_of_address_before_a_surname_links_nobody() -> None:
    text = "Das sagte Frau Schulze am Montag."
    article = EntitiesStage(tagger=FakeTagger({("Schulze",): "PER"}))(tokenized(text, published="2022-01-25"))
    assert mentions_of(article, "svenja-schulze") == []
